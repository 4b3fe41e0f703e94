//! Demo mode on a real database and the in-process simulator: start fills every table, the
//! demo accounts test-connect, leaving removes exactly the demo's rows, a restart reuses state.

use crate::support::import as import_support;

use std::sync::Arc;

use maskline_domain::calls::CallFilter;
use maskline_domain::recordings::FetchRequest;
use maskline_domain::{AuthScheme, ConnectionVerdict, Language, Mode, Settings};
use maskline_secrets::{MemoryStore, SecretStore, Sensitive};
use maskline_services::accounts::{self, NewAccount};
use maskline_services::bindings::{AxbQuery, Session};
use maskline_services::demo::{self, demo_dir};
use maskline_services::{DbManager, calls, connection, recordings};

struct Env {
    dir: tempfile::TempDir,
    dbm: Arc<DbManager>,
    secrets: Arc<MemoryStore>,
}

fn env() -> Env {
    let dir = tempfile::tempdir().expect("tempdir");
    let dbm = Arc::new(DbManager::open(&dir.path().join("maskline.db")));
    Env {
        dir,
        dbm,
        secrets: Arc::new(MemoryStore::new()),
    }
}

impl Env {
    fn secrets(&self) -> Arc<dyn SecretStore> {
        self.secrets.clone()
    }

    async fn start(&self) -> demo::DemoHandle {
        demo::start_demo(self.dbm.clone(), self.secrets(), self.dir.path())
            .await
            .expect("the demo starts")
    }

    fn count(&self, sql: &str) -> i64 {
        let db = self.dbm.db().expect("db");
        let conn = db.conn().expect("conn");
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// Every file under `dir` (recursively).
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn real_account(e: &Env) -> accounts::AccountView {
    accounts::add(
        &e.dbm,
        e.secrets.as_ref(),
        NewAccount {
            name: "Production".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: accounts::DEFAULT_BASE_URL.into(),
            ca_cert_pem: None,
            rate_limit: 10,
            app_key: "real-key".into(),
            app_secret: Sensitive::new("real-secret".into()),
        },
    )
    .expect("a real account")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_fills_every_page_and_the_demo_accounts_test_connect() {
    let e = env();
    let handle = e.start().await;
    let status = demo::demo_status(&e.dbm).expect("status");
    assert!(status.active, "{status:?}");
    assert_eq!(status.account_ids.len(), 4, "one demo account per mode");

    assert_eq!(
        e.count("SELECT COUNT(*) FROM accounts WHERE is_demo = 1"),
        4
    );
    assert_eq!(
        e.count("SELECT COUNT(*) FROM numbers"),
        120,
        "30 X numbers per demo app"
    );
    assert!(
        e.count("SELECT COUNT(DISTINCT city) FROM numbers") >= 10,
        "numbers in many cities"
    );
    assert_eq!(
        e.count("SELECT COUNT(*) FROM pools"),
        4,
        "a pool per account"
    );
    assert_eq!(
        e.count("SELECT COUNT(*) FROM numbers WHERE pool_id IS NULL"),
        0,
        "every number is in the demo pool"
    );
    assert_eq!(
        e.count("SELECT COUNT(*) FROM bindings WHERE status = 'active'"),
        40,
        "40 bindings cached"
    );
    assert!(
        e.count("SELECT COUNT(*) FROM audit WHERE action = 'bind' AND ok = 1") >= 40,
        "binds are audited"
    );
    assert_eq!(
        e.count("SELECT COUNT(*) FROM calls"),
        300,
        "every generated call imported"
    );
    assert!(e.count("SELECT COUNT(*) FROM call_events") > 300);
    assert!(
        e.count("SELECT COUNT(*) FROM calls WHERE has_recording = 1") > 10,
        "some calls have recordings"
    );
    assert!(
        e.count("SELECT COUNT(DISTINCT date(start_time, 'unixepoch')) FROM calls") >= 10,
        "calls are spread over many days"
    );
    assert_eq!(
        e.count("SELECT COUNT(*) FROM binding_syncs"),
        4,
        "each demo account has a last-synced time"
    );

    let active = accounts::list(&e.dbm, e.secrets.as_ref())
        .expect("accounts")
        .into_iter()
        .find(|a| a.is_active)
        .expect("an active account");
    assert_eq!(active.mode, Mode::Axb, "the AXB demo account is active");
    for id in &status.account_ids {
        let s = connection::session_for_id(&e.dbm, e.secrets.as_ref(), *id).expect("session");
        assert_eq!(s.account().base_url, handle.base_url());
        let report = connection::test(&s).await;
        assert_eq!(
            report.verdict,
            ConnectionVerdict::Ok,
            "{}: {report:?}",
            s.account().name
        );
    }
    handle.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_removes_every_demo_row_and_keeps_real_data() {
    let e = env();
    let real = real_account(&e);
    let real_cdrs = e.dir.path().join("real-cdrs");
    std::fs::create_dir_all(&real_cdrs).expect("dir");
    let body = import_support::body(&[import_support::cdr(
        "real-session",
        "+8613900000001",
        true,
        0,
        0,
    )]);
    let f = import_support::write(&real_cdrs, "real.json", body);
    import_support::import(&e.dbm, &[f]);

    let handle = e.start().await;
    assert_eq!(e.count("SELECT COUNT(*) FROM calls"), 301);
    // Fetch a few of the demo's newest recordings, and leave a partial download behind.
    let newest: Vec<i64> = {
        let db = e.dbm.db().expect("db");
        let conn = db.conn().expect("conn");
        let mut st = conn
            .prepare(
                "SELECT id FROM calls WHERE has_recording = 1 ORDER BY start_time DESC LIMIT 3",
            )
            .expect("prepare");
        st.query_map([], |r| r.get(0))
            .expect("query")
            .map(|r| r.expect("id"))
            .collect()
    };
    let rec_dir = recordings::dir_in(e.dir.path());
    let ctx = recordings::FetchContext {
        db: e.dbm.clone(),
        secrets: e.secrets(),
        dir: rec_dir.clone(),
    };
    let request = FetchRequest {
        call_ids: newest.clone(),
        since: None,
    };
    let report = recordings::fetch(&ctx, &request, Arc::default(), |_| {})
        .await
        .expect("fetch");
    assert_eq!(
        report.fetched, 3,
        "the demo's newest recordings download: {report:?}"
    );
    std::fs::write(
        rec_dir
            .join(".partial")
            .join(format!("{}.part", newest[0] + 10_000)),
        b"RIFF",
    )
    .expect("a stale partial download");
    demo::leave_demo(e.dbm.clone(), e.secrets(), e.dir.path(), Some(handle))
        .await
        .expect("leave");

    let status = demo::demo_status(&e.dbm).expect("status");
    assert!(
        !status.active && status.account_ids.is_empty(),
        "{status:?}"
    );
    for (table, left) in [
        ("accounts", 1),
        ("numbers", 0),
        ("pools", 0),
        ("bindings", 0),
        ("binding_syncs", 0),
        ("calls", 1),
        ("call_events", 0),
        ("imports", 1),
    ] {
        assert_eq!(
            e.count(&format!("SELECT COUNT(*) FROM {table}")),
            left,
            "{table}: only real rows are left"
        );
    }
    let by_number = |n: &str| {
        calls::count(
            &e.dbm,
            &CallFilter {
                number: Some(n.into()),
                ..Default::default()
            },
        )
        .expect("number search")
    };
    assert_eq!(by_number("13900000001"), 1, "the real call is still found");
    assert_eq!(
        e.count("SELECT COUNT(*) FROM calls_numbers"),
        1,
        "only the real call is in the number index"
    );
    assert_eq!(by_number("170"), 0, "no demo X is found any more");
    assert!(!demo_dir(e.dir.path()).exists(), "the demo folder is gone");
    let files: Vec<_> = walk(&rec_dir);
    assert!(
        files.is_empty(),
        "no demo recording, peaks or partial file is left: {files:?}"
    );
    for id in 2..=5 {
        for entry in [
            format!("account-{id}-app-key"),
            format!("account-{id}-app-secret"),
        ] {
            assert!(
                e.secrets.get(&entry).expect("keyring").is_none(),
                "{entry} removed"
            );
        }
    }
    let left = accounts::list(&e.dbm, e.secrets.as_ref()).expect("accounts");
    assert_eq!(left.len(), 1);
    let kept = &left[0];
    assert_eq!((kept.id, kept.name.as_str()), (real.id, "Production"));
    assert!(kept.is_active, "the real account is active again");
    assert!(kept.secret_saved && kept.app_key.as_deref() == Some("real-key"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_reuses_the_demo_state_on_a_new_port() {
    let e = env();
    maskline_services::settings::set(
        &e.dbm,
        &Settings {
            language: Language::ZhCn,
            ..Default::default()
        },
    )
    .expect("Chinese UI");
    let first = e.start().await;
    let first_url = first.base_url();
    let sub: String = {
        let db = e.dbm.db().expect("db");
        let conn = db.conn().expect("conn");
        conn.query_row(
            "SELECT subscription_id FROM bindings WHERE mode = 'AXB' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an AXB binding")
    };
    let calls = e.count("SELECT COUNT(*) FROM calls");
    first.stop().await;

    let second = e.start().await;
    assert_ne!(second.base_url(), first_url, "a new port");
    assert_eq!(
        e.count("SELECT COUNT(*) FROM accounts"),
        4,
        "no new accounts"
    );
    assert_eq!(e.count("SELECT COUNT(*) FROM calls"), calls, "no new calls");
    let axb = accounts::list(&e.dbm, e.secrets.as_ref())
        .expect("accounts")
        .into_iter()
        .find(|a| a.mode == Mode::Axb)
        .expect("AXB demo account");
    assert_eq!(
        axb.base_url,
        second.base_url(),
        "points at the new simulator"
    );
    assert_eq!(axb.name, "演示 · AXB", "named in the UI's language");
    let s = Session::open(&e.dbm, e.secrets.as_ref(), Some(&axb.name)).expect("session");
    let page = s
        .axb_query(&AxbQuery::Subscription(sub.clone()))
        .await
        .expect("the binding survived the restart");
    assert_eq!(page.bindings.len(), 1, "{sub}");
    second.stop().await;
}
