//! The bindings cache, numbers, pools, the jobs journal and the audit chain on real SQLite.

use maskline_domain::bindings::{BindingFilter, BindingSort, BindingStatus};
use maskline_domain::jobs::{JobKind, RowState};
use maskline_domain::{AuthScheme, Mode};
use maskline_store::accounts::{self, AccountFields};
use maskline_store::audit::{self, AuditRecord};
use maskline_store::bindings::{self, BindingChanges, BindingRecord};
use maskline_store::jobs::{self, NewRow, Outcome};
use maskline_store::numbers::{self, NumberFields};
use maskline_store::{Db, pools};

fn db_with_account() -> (Db, i64) {
    let db = Db::in_memory().expect("db");
    let row = accounts::insert(
        &mut db.conn().expect("conn"),
        &AccountFields {
            name: "main".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: "http://127.0.0.1:1".into(),
            ca_cert_pem: None,
            rate_limit: 10,
        },
    )
    .expect("account");
    (db, row.id)
}

fn binding(id: &str, a: &str, b: &str, x: &str, expires: Option<&str>) -> BindingRecord {
    BindingRecord {
        subscription_id: id.into(),
        a: Some(a.into()),
        b: Some(b.into()),
        x: Some(x.into()),
        expires_at: expires.map(str::to_string),
        bound_at: Some("2026-01-01T00:00:00Z".into()),
        ..Default::default()
    }
}

const NOW: &str = "2026-01-10T00:00:00Z";

#[test]
fn bindings_filter_sort_page_and_follow_modify_and_unbind() {
    let (db, acc) = db_with_account();
    let mut c = db.conn().expect("conn");
    numbers::upsert_many(
        &mut c,
        acc,
        &[NumberFields {
            number: "+8617007550000".into(),
            city: Some("0755".into()),
            ..Default::default()
        }],
        None,
    )
    .expect("numbers");
    let x1 = "+8617007550000";
    let x2 = "+8617000100000";
    for (i, (x, exp)) in [
        (x1, Some("2026-01-11T00:00:00Z")),
        (x1, None),
        (x2, Some("2026-01-09T00:00:00Z")),
    ]
    .into_iter()
    .enumerate()
    {
        let a = format!("+861380013800{i}");
        let b = format!("+861390013900{i}");
        let added = bindings::upsert(
            &c,
            acc,
            Mode::Axb,
            &binding(&format!("s{i}"), &a, &b, x, exp),
            None,
        )
        .expect("upsert");
        assert!(added, "new binding s{i}");
    }
    let f = |f: BindingFilter| bindings::list(&c, acc, &f, NOW).expect("list");
    assert_eq!(f(BindingFilter::default()).total, 3);
    let by_city = f(BindingFilter {
        city: Some("0755".into()),
        ..Default::default()
    });
    assert_eq!(by_city.total, 2, "city comes from the number list");
    let part = f(BindingFilter {
        number: Some("139 0013 9001".into()),
        ..Default::default()
    });
    assert_eq!(part.items.len(), 1);
    assert_eq!(part.items[0].subscription_id, "s1");
    let active = f(BindingFilter {
        status: Some(BindingStatus::Active),
        ..Default::default()
    });
    assert_eq!(active.total, 2, "s2 expired yesterday");
    let expiring = f(BindingFilter {
        expiring_within_days: Some(2),
        ..Default::default()
    });
    assert_eq!(
        expiring
            .items
            .iter()
            .map(|b| b.subscription_id.as_str())
            .collect::<Vec<_>>(),
        ["s0"]
    );
    let paged = f(BindingFilter {
        sort: BindingSort::A,
        descending: true,
        page: 2,
        page_size: 2,
        ..Default::default()
    });
    assert_eq!(paged.items.len(), 1);
    assert_eq!(
        paged.items[0].subscription_id, "s0",
        "A descending, second page"
    );

    bindings::apply_changes(
        &c,
        acc,
        "s1",
        &BindingChanges {
            b: Some("+8613700137000".into()),
            ..Default::default()
        },
    )
    .expect("modify");
    assert_eq!(
        bindings::get(&c, acc, "s1", NOW)
            .expect("get")
            .and_then(|b| b.b)
            .as_deref(),
        Some("+8613700137000")
    );
    assert!(bindings::number_on_x(&c, acc, x1, "+8613700137000", NOW).expect("conflict"));
    assert_eq!(
        bindings::mark_unbound(&c, acc, None, Some(x1)).expect("unbind all on x1"),
        2
    );
    assert_eq!(bindings::live_on_x(&c, acc, x1, NOW).expect("count"), 0);
    assert_eq!(
        bindings::mark_unbound(&c, acc, None, None).expect("nothing"),
        0,
        "no key, no change"
    );
}

#[test]
fn number_imports_are_idempotent_and_pools_group_them() {
    let (db, acc) = db_with_account();
    let mut c = db.conn().expect("conn");
    let rows = vec![
        NumberFields {
            number: "+8617000100000".into(),
            city: Some("010".into()),
            carrier: Some("CMCC".into()),
            tags: vec!["b".into(), "a".into()],
        },
        NumberFields {
            number: "+8617000100001".into(),
            city: Some("010".into()),
            ..Default::default()
        },
    ];
    let pool = pools::ensure(&c, acc, "north").expect("pool");
    let first = numbers::upsert_many(&mut c, acc, &rows, Some(pool)).expect("import");
    assert_eq!((first.added, first.updated, first.unchanged), (2, 0, 0));
    let again = numbers::upsert_many(&mut c, acc, &rows, Some(pool)).expect("re-import");
    assert_eq!(
        (again.added, again.updated, again.unchanged),
        (0, 0, 2),
        "same file twice adds nothing"
    );
    let list = numbers::list(&c, acc).expect("list");
    assert_eq!(list[0].tags, ["a", "b"]);
    assert_eq!(list[0].pool.as_deref(), Some("north"));
    assert_eq!(pools::list(&c, acc).expect("pools")[0].numbers, 2);
    assert_eq!(
        pools::ensure(&c, acc, "NORTH").expect("same pool"),
        pool,
        "names ignore case"
    );
}

#[test]
fn job_rows_move_pending_sending_ok_and_failed_rows_can_be_retried() {
    let (db, acc) = db_with_account();
    let mut c = db.conn().expect("conn");
    let row = |n: u32, state| NewRow {
        row_no: n,
        state,
        payload: format!("{{\"n\":{n}}}"),
        a: None,
        b: None,
        x: None,
        subscription_id: None,
        reason: None,
    };
    let id = jobs::create(
        &mut c,
        acc,
        JobKind::Bind,
        Mode::Axb,
        "f.csv",
        "me",
        &[
            row(2, RowState::Pending),
            row(3, RowState::Pending),
            row(4, RowState::Invalid),
        ],
    )
    .expect("job");
    let pending = jobs::rows_in(&c, id, RowState::Pending, 10).expect("pending");
    assert_eq!(pending.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3]);
    assert!(jobs::mark_sending(&c, id, 2).expect("send"));
    assert!(
        !jobs::mark_sending(&c, id, 2).expect("again"),
        "a sending row cannot be sent again"
    );
    jobs::finish_row(
        &c,
        id,
        2,
        &Outcome {
            ok: true,
            subscription_id: Some("s".into()),
            ..Default::default()
        },
    )
    .expect("ok");
    assert!(jobs::mark_sending(&c, id, 3).expect("send"));
    jobs::finish_row(
        &c,
        id,
        3,
        &Outcome {
            ok: false,
            result_code: Some("1012010".into()),
            ..Default::default()
        },
    )
    .expect("failed");
    let n = jobs::counts(&c, id).expect("counts");
    assert_eq!(
        (n.ok, n.failed, n.invalid, n.pending, n.sending),
        (1, 1, 1, 0, 0)
    );
    assert_eq!(jobs::retry_failed(&c, id).expect("retry"), 1);
    assert_eq!(jobs::counts(&c, id).expect("counts").pending, 1);
    assert_eq!(jobs::attempts(&c, id, 2).expect("attempts"), 1);
}

#[test]
fn the_audit_chain_verifies_and_points_at_a_tampered_row() {
    let (db, _) = db_with_account();
    let mut c = db.conn().expect("conn");
    for i in 0..5 {
        audit::append(
            &mut c,
            &AuditRecord {
                at: NOW.into(),
                who: "ops".into(),
                account: Some("main".into()),
                action: "bind".into(),
                target: format!("AXB A=+86 138****800{i}"),
                result_code: "0".into(),
                ok: true,
            },
        )
        .expect("append");
    }
    let check = audit::verify_chain(&c).expect("verify");
    assert_eq!((check.rows, check.first_broken), (5, None));
    assert_eq!(
        audit::list(&c, None, 0, 2).expect("list")[0].id,
        5,
        "newest first"
    );
    c.execute("UPDATE audit SET result_code = '1012010' WHERE id = 3", [])
        .expect("tamper");
    let broken = audit::verify_chain(&c).expect("verify");
    assert_eq!(
        (broken.first_broken, broken.rows),
        (Some(3), 5),
        "the first altered row, and every row counted"
    );
    c.execute("UPDATE audit SET result_code = '0' WHERE id = 3", [])
        .expect("undo");
    c.execute("DELETE FROM audit WHERE id = 2", [])
        .expect("delete");
    assert_eq!(
        audit::verify_chain(&c).expect("verify").first_broken,
        Some(3),
        "a removed row breaks its successor"
    );
}

#[test]
fn call_activity_counts_calls_through_the_accounts_numbers() {
    let (db, acc) = db_with_account();
    let mut c = db.conn().expect("conn");
    numbers::upsert_many(
        &mut c,
        acc,
        &[NumberFields {
            number: "+8617000100000".into(),
            ..Default::default()
        }],
        None,
    )
    .expect("numbers");
    let day = 86_400;
    let now = 1_800_000_000;
    for (i, (x, ago)) in [
        ("+8617000100000", 1),
        ("+8617000100000", 10),
        ("+8617000100000", 40),
        ("+8617099990000", 1),
    ]
    .into_iter()
    .enumerate()
    {
        c.execute(
            "INSERT INTO calls (dedupe_key, session_id, direction, x_number, caller, callee_num,
                callee, start_time, answered, talk_seconds, outcome, has_recording)
             VALUES (?1, 's', 0, ?2, '+8613800138000', ?2, '+8613900139000', ?3, 1, 5, 'answered', 0)",
            (format!("k{i}"), x, now - ago * day),
        )
        .expect("call");
    }
    let a = numbers::call_activity(&c, acc, now - 7 * day, now - 30 * day).expect("activity");
    let x = a.get("+8617000100000").expect("our number");
    assert_eq!((x.since_a, x.since_b), (1, 2), "7 and 30 days");
    assert_eq!(x.last_start, Some(now - day));
    assert!(
        !a.contains_key("+8617099990000"),
        "not one of the account's numbers"
    );
}
