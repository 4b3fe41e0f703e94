//! Issue 14 item 4: a bind whose answer is lost after the request left (the simulator's
//! `reset` and slow-body faults against the client's timeout) is checked on the platform before
//! anything is said: "it may have been bound — checked: it was / was not", audited as what it
//! was, cached when it was made, and never made twice.

use crate::support;

use maskline_services::bindings::*;
use maskline_services::{ServiceError, audit};
use support::{Env, env, num};

async fn fault(env: &Env, rule: serde_json::Value) {
    let r = reqwest::Client::new()
        .post(format!("{}/sim/admin/faults", env.sim.base_url()))
        .json(&rule)
        .send()
        .await
        .expect("add fault");
    assert!(r.status().is_success(), "fault rule accepted: {rule}");
}

/// AXB bindings on `x` for A and B, as the platform has them.
async fn on_x(s: &Session, x: &PhoneNumber) -> Vec<AxbBinding> {
    s.axb_query(&AxbQuery::Number {
        relation_num: x.clone(),
        caller: None,
        callee: None,
        page: Page {
            index: 1,
            size: 100,
        },
    })
    .await
    .map(|p| p.bindings)
    .unwrap_or_default()
}

fn last_bind_audit(env: &Env) -> maskline_domain::audit::AuditEntry {
    audit::list(&env.dbm, Some("bind"), 1, 1)
        .expect("audit")
        .into_iter()
        .next()
        .expect("a bind entry")
}

#[tokio::test]
async fn a_reset_after_sending_is_checked_and_reported_as_not_bound() {
    let env = env().await;
    let s = env.session("axb");
    let x = env.x("axb", 0);
    let mut req = AxbBindRequest::new(num("13800138000"), num("13900139000"));
    req.relation_num = Some(x.clone());
    fault(&env, serde_json::json!({"kind": "reset", "next": 1})).await;
    let err = s.axb_bind(&req).await.expect_err("the answer was lost");
    let text = err.to_string();
    assert!(
        matches!(
            &err,
            ServiceError::BindUnsure {
                checked: BindCheck::NotBound,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        text.contains("it may have been bound — checked: it was not")
            && text.contains("可能已绑定——已向平台核实:未绑定"),
        "{text}"
    );
    let a = last_bind_audit(&env);
    assert!(!a.ok, "{a:?}");
    assert!(
        a.target.ends_with("(answer lost; checked: not bound)"),
        "{a:?}"
    );
    assert!(on_x(&s, &x).await.is_empty(), "nothing was bound");
    // Binding again, as the message says is safe, makes exactly one binding.
    s.axb_bind(&req).await.expect("bind again");
    assert_eq!(on_x(&s, &x).await.len(), 1);
}

#[tokio::test]
async fn a_timeout_after_the_platform_bound_is_checked_reported_as_bound_and_cached() {
    let env = env().await;
    let s = env.session("axb");
    let x = env.x("axb", 1);
    let mut req = AxbBindRequest::new(num("13800138001"), num("13900139001"));
    req.relation_num = Some(x.clone());
    // The platform binds, then its answer trickles slower than the client's 30 s timeout.
    fault(
        &env,
        serde_json::json!({"kind": "slowBody", "next": 1, "chunkDelayMs": 45_000}),
    )
    .await;
    let err = s.axb_bind(&req).await.expect_err("the answer was lost");
    let ServiceError::BindUnsure {
        checked: BindCheck::Bound {
            subscription_id, ..
        },
        source,
    } = &err
    else {
        panic!("checked and found bound: {err:?}");
    };
    assert!(
        matches!(
            **source,
            ApiError::Timeout {
                during_connect: false
            }
        ),
        "{source:?}"
    );
    let text = err.to_string();
    assert!(
        text.contains("it may have been bound — checked: it was (subscription")
            && text.contains("可能已绑定——已向平台核实:已绑定")
            && text.contains(subscription_id.as_str()),
        "{text}"
    );
    let on = on_x(&s, &x).await;
    assert_eq!(on.len(), 1, "{on:?}");
    assert_eq!(&on[0].subscription_id, subscription_id);
    let a = last_bind_audit(&env);
    assert!(
        a.ok && a.result_code == "0",
        "audited as the bind it was: {a:?}"
    );
    assert!(a.target.ends_with("(answer lost; checked: bound)"), "{a:?}");
    let cached = {
        let db = env.dbm.db().expect("db");
        let conn = db.conn().expect("conn");
        maskline_store::bindings::find_live(
            &conn,
            s.account().id,
            Some("+8613800138001"),
            x.as_str(),
            None,
        )
        .expect("cache")
    };
    assert_eq!(cached.as_ref(), Some(subscription_id), "cached as live");
}

#[tokio::test]
async fn ax_a_reset_after_sending_is_checked_by_a() {
    let env = env().await;
    let s = env.session("ax");
    let x = env.x("ax", 0);
    let mut req = AxBindRequest::new(num("13800138002"));
    req.private_num = Some(x.clone());
    fault(&env, serde_json::json!({"kind": "reset", "next": 1})).await;
    let err = s.ax_bind(&req).await.expect_err("the answer was lost");
    assert!(
        matches!(
            &err,
            ServiceError::BindUnsure {
                checked: BindCheck::NotBound,
                ..
            }
        ),
        "{err:?}"
    );
    s.ax_bind(&req).await.expect("bind again");
    let found = s
        .ax_query(&AxQuery::Orig(num("13800138002")))
        .await
        .expect("query");
    assert_eq!(found.len(), 1, "{found:?}");
}

/// The bulk runner: a row whose answer is lost is checked before the job moves on; a row the
/// platform did bind is recorded ok and never sent twice. The simulator ends with exactly one
/// binding per row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bulk_runner_checks_a_lost_answer_before_moving_on() {
    use maskline_domain::jobs::{JobKind, JobState, RowState};
    use maskline_services::bulk::{self, RunOptions};
    let env = env().await;
    let s = env.session("axb");
    let dir = tempfile::tempdir().expect("dir");
    let rows: Vec<Vec<String>> = (0..6)
        .map(|i| {
            vec![
                format!("+86138{:08}", 100 + i),
                format!("+86139{:08}", 100 + i),
                env.x("axb", 10 + i).to_string(),
                "3600".into(),
            ]
        })
        .collect();
    let path = dir.path().join("bulk.xlsx");
    maskline_formats::sheet::write_xlsx(&path, &["A号码", "B号码", "X号码", "绑定时长(秒)"], &rows)
        .expect("write");
    let (job, _) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Bind, &path, None, None).expect("create");
    // The first bind is made but its answer is slower than the client's timeout.
    fault(
        &env,
        serde_json::json!({"kind": "slowBody", "next": 1, "chunkDelayMs": 45_000}),
    )
    .await;
    let opts = RunOptions {
        concurrency: 1,
        ..Default::default()
    };
    let done = bulk::start(s.clone(), job, opts)
        .expect("start")
        .wait()
        .await
        .expect("job ends");
    assert_eq!(done.state, JobState::Done, "{done:?}");
    let results = bulk::results(&env.dbm, job, None, 1, 100).expect("results");
    assert!(
        results.iter().all(|r| r.state == RowState::Ok),
        "{results:?}"
    );
    let first = &results[0];
    assert!(
        first
            .reason
            .as_ref()
            .map(ToString::to_string)
            .is_some_and(|r| r.contains("checked on the platform: it was bound")),
        "{first:?}"
    );
    for (i, r) in rows.iter().enumerate() {
        let on = on_x(&s, &num(&r[2])).await;
        assert_eq!(on.len(), 1, "row {i}: one live binding, not two: {on:?}");
        assert_eq!(
            results[i].subscription_id.as_deref(),
            Some(on[0].subscription_id.as_str())
        );
    }
}

/// AXE and AXYB bindings cannot be looked up after a lost answer (the platform chose the
/// extension / X): the message says so plainly instead of "retry", and the audit says so.
#[tokio::test]
async fn axe_and_axyb_say_a_lost_answer_could_not_be_checked() {
    let env = env().await;
    let axe = env.session("axe");
    let mut req = AxeBindRequest::new(num("13800138003"));
    req.virtual_num = Some(env.x("axe", 0));
    fault(&env, serde_json::json!({"kind": "reset", "next": 1})).await;
    let err = axe.axe_bind(&req).await.expect_err("the answer was lost");
    let text = err.to_string();
    assert!(
        matches!(
            &err,
            ServiceError::BindUnsure {
                checked: BindCheck::Unknown { .. },
                ..
            }
        ) && text.contains("it may have been bound — it could not be checked")
            && text.contains("可能已绑定——无法核实"),
        "{text}"
    );
    assert!(
        last_bind_audit(&env)
            .target
            .ends_with("(answer lost; could not be checked)")
    );

    let axyb = env.session("axyb");
    let mut ax = AxybAxRequest::new(num("13800138004"));
    ax.area_code = Some("010".into());
    let mut yb = YbStep::new(num("13900139004"));
    yb.area_code = Some("010".into());
    fault(&env, serde_json::json!({"kind": "reset", "next": 1})).await;
    let err = axyb
        .axyb_bind(&ax, &yb)
        .await
        .expect_err("the answer was lost");
    assert!(
        err.to_string()
            .contains("AXYB relations can only be looked up"),
        "{err}"
    );
}
