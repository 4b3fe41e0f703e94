//! Shared by the receiver's integration tests: the simulator (in-process, pushing for real over
//! HTTP), bindings on every mode, configuration files, and counting in the real SQLite file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use maskline_domain::AuthScheme;
use maskline_sim::{SimConfig, SimHandle, Simulator};
use serde_json::{Value, json};

pub const AXB: (&str, &str) = ("demo-axb-key", "demo-axb-secret");
pub const AX: (&str, &str) = ("demo-ax-key", "demo-ax-secret");
pub const AXE: (&str, &str) = ("demo-axe-key", "demo-axe-secret");
pub const AXYB: (&str, &str) = ("demo-axyb-key", "demo-axyb-secret");
pub const ALL: [(&str, &str); 4] = [AXB, AX, AXE, AXYB];

pub async fn sim() -> SimHandle {
    Simulator::start(SimConfig {
        seed: 17,
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts")
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

/// A platform request signed with the API client's signer.
async fn platform(sim: &SimHandle, app: (&str, &str), path: &str, body: Value) -> Value {
    let h = maskline_api::sign::sign_now(AuthScheme::Aksk, app.0, app.1);
    let r = http()
        .post(format!("{}{path}", sim.base_url()))
        .header("Authorization", h.authorization)
        .header(h.token_name, h.token_value)
        .header("Content-Type", "application/json;charset=UTF-8")
        .body(body.to_string())
        .send()
        .await
        .expect("simulator answers");
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["resultcode"], "0", "{path}: {v}");
    v
}

fn numbers_in(sim: &SimHandle, key: &str, area: &str) -> Vec<String> {
    sim.apps()
        .into_iter()
        .find(|a| a.key == key)
        .expect("demo app")
        .numbers
        .into_iter()
        .filter(|n| n.area_code == area)
        .map(|n| n.number)
        .collect()
}

/// One binding on each mode's demo app, so calls can be generated on all four.
pub async fn bind_all(sim: &SimHandle) {
    platform(
        sim,
        AXB,
        "/rest/caas/relationnumber/partners/v1.0",
        json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002","callDirection":0}),
    )
    .await;
    platform(
        sim,
        AX,
        "/rest/provision/caas/privatenumber/v1.0",
        json!({"origNum":"+8613800000011","areaCode":"0755","privateNumType":"mobile-virtual"}),
    )
    .await;
    let x = numbers_in(sim, AXE.0, "020")[0].clone();
    platform(
        sim,
        AXE,
        "/rest/caas/extendnumber/v1.0",
        json!({"bindNum":"+8613800000021","virtualNum":x}),
    )
    .await;
    let q = format!("/rest/omp/xyrelationnumber/v1.0?app_key={}", AXYB.0);
    let step1 = platform(
        sim,
        AXYB,
        &q,
        json!({"origNum":"+8613800000031","areaCode":"0571","duration":3600,"ybDuration":600}),
    )
    .await;
    let id = step1["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    platform(
        sim,
        AXYB,
        &q,
        json!({"subscriptionId":id,"origNum":"+8613900000032","areaCode":"0571"}),
    )
    .await;
}

/// Points an app's pushes at the receiver, signed with `scheme` ("wsse" or "aksk").
pub async fn point(sim: &SimHandle, key: &str, base: &str, scheme: &str) {
    let r = http()
        .put(format!("{}/sim/admin/apps/{key}/callbacks", sim.base_url()))
        .json(&json!({
            "eventUrl": format!("{base}/maskline/events"),
            "feeUrl": format!("{base}/maskline/cdr"),
            "callbackAuth": scheme,
        }))
        .send()
        .await
        .expect("admin");
    assert!(r.status().is_success(), "{}", r.status());
}

/// The simulator's outbox.
pub async fn deliveries(sim: &SimHandle) -> Vec<Value> {
    let v: Value = http()
        .get(format!("{}/sim/admin/deliveries", sim.base_url()))
        .send()
        .await
        .expect("admin")
        .json()
        .await
        .expect("json");
    v["deliveries"].as_array().cloned().unwrap_or_default()
}

/// What the simulator sent, counted from its outbox: (CDR records, call events) per app key.
pub fn sent(ds: &[Value], key: &str) -> (u64, u64) {
    let mut cdrs = 0;
    let mut events = 0;
    for d in ds.iter().filter(|d| d["appKey"] == key) {
        let body: Value = serde_json::from_str(d["body"].as_str().unwrap_or("")).expect("body");
        if d["kind"] == "fee" {
            cdrs += body["feeLst"].as_array().map_or(0, |l| l.len() as u64);
        } else {
            events += 1;
        }
    }
    (cdrs, events)
}

/// Waits (up to `secs`) until `f` holds, polling every 100 ms.
pub async fn until<F: FnMut() -> bool>(secs: u64, what: &str, mut f: F) {
    let end = std::time::Instant::now() + Duration::from_secs(secs);
    while !f() {
        assert!(
            std::time::Instant::now() < end,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A secret file readable by its owner only.
pub fn secret_file(dir: &Path, name: &str, secret: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{secret}\n")).expect("write secret");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    p
}

/// A configuration for the four demo apps: AXB and AX with WSSE, AXE and AXYB with AKSK.
pub fn config_text(dir: &Path, listen: &str, db: &Path) -> String {
    let mut s = format!(
        "listen = {listen:?}\ndatabase = {:?}\nstatus_log_secs = 1\n",
        db.display().to_string()
    );
    for (i, (key, secret)) in ALL.iter().enumerate() {
        let scheme = if i < 2 { "wsse" } else { "aksk" };
        let f = secret_file(dir, &format!("{key}.secret"), secret);
        s.push_str(&format!(
            "[[apps]]\napp_key = {key:?}\nscheme = {scheme:?}\nsecret_file = {:?}\n",
            f.display().to_string()
        ));
    }
    s
}

pub fn scheme_of(key: &str) -> &'static str {
    if key == AXB.0 || key == AX.0 {
        "wsse"
    } else {
        "aksk"
    }
}

/// `SELECT count(*)` on the real database file.
pub fn count(db: &Path, sql: &str) -> u64 {
    let c = rusqlite_open(db);
    c.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql) as u64
}

pub fn rusqlite_open(db: &Path) -> maskline_store::Conn {
    maskline_store::Db::open(db)
        .expect("db")
        .conn()
        .expect("conn")
}

/// A free loopback port (bound then released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}
