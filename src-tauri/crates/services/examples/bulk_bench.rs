//! Bulk-bind benchmark (run by `tests/bench/bulk-bind.sh`, release build, not in CI).
//!
//! Against an in-process simulator with a latency fault on every platform request:
//! 1. a one-at-a-time loop of single binds through the same service (`Session::axb_bind`);
//! 2. a bulk job of `ROWS` AXB rows (CSV → dry run → journaled job);
//!
//! and, while the job runs, the simulator's own request count sampled every 100 ms to find the
//! most requests it received within any one second. Prints the throughput ratio and the peak
//! rate against the account's configured limit; the last line holds both figures.

use std::time::{Duration, Instant};

use maskline_api::axb::AxbBindRequest;
use maskline_domain::jobs::JobKind;
use maskline_domain::{AuthScheme, Mode, PhoneNumber};
use maskline_secrets::{MemoryStore, Sensitive};
use maskline_services::DbManager;
use maskline_services::accounts::{self, NewAccount};
use maskline_services::bindings::Session;
use maskline_services::bulk::{self, RunOptions};
use maskline_sim::{SimConfig, Simulator};
use serde_json::{Value, json};

const COUNTER_BUDGET: u64 = 10_000_000;

fn env_or<T: std::str::FromStr>(key: &str, default: T) -> T {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn admin(http: &reqwest::Client, base: &str, path: &str, body: Option<Value>) -> Value {
    let url = format!("{base}/sim/admin/{path}");
    let req = match body {
        Some(b) => http.post(url).json(&b),
        None => http.get(url),
    };
    req.send()
        .await
        .expect("admin")
        .json()
        .await
        .expect("admin json")
}

/// Requests the simulator's platform routes received (from the zero-latency counting rule).
async fn received(http: &reqwest::Client, base: &str) -> u64 {
    let f = admin(http, base, "faults", None).await;
    let left = f["rules"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["latencyMs"] == 0))
        .and_then(|r| r["next"].as_u64())
        .expect("counting rule");
    COUNTER_BUDGET - left
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let rows: usize = env_or("ROWS", 10_000);
    let loop_n: usize = env_or("LOOP", 300);
    let limit: u32 = env_or("RATE_LIMIT", 500);
    let latency: u64 = env_or("LATENCY_MS", 20);

    let sim = Simulator::start(SimConfig::default())
        .await
        .expect("simulator");
    let base = sim.base_url();
    let http = reqwest::Client::new();
    let dir = tempfile::tempdir().expect("tmp");
    let dbm = DbManager::open(&dir.path().join("maskline.db"));
    let secrets = MemoryStore::new();
    accounts::add(
        &dbm,
        &secrets,
        NewAccount {
            name: "bench".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: base.clone(),
            ca_cert_pem: None,
            rate_limit: limit,
            app_key: "demo-axb-key".into(),
            app_secret: Sensitive::new("demo-axb-secret".into()),
        },
    )
    .expect("account");
    let session = Session::open(&dbm, &secrets, Some("bench")).expect("session");
    let xs: Vec<String> = sim
        .apps()
        .into_iter()
        .find(|a| a.key == "demo-axb-key")
        .expect("demo app")
        .numbers
        .into_iter()
        .map(|n| n.number)
        .collect();
    // The latency rule first: the simulator applies the first latency rule that fires.
    admin(
        &http,
        &base,
        "faults",
        Some(json!({"kind": "latency", "latencyMs": latency})),
    )
    .await;
    admin(
        &http,
        &base,
        "faults",
        Some(json!({"kind": "latency", "latencyMs": 0, "next": COUNTER_BUDGET})),
    )
    .await;

    // 1. One at a time.
    let t = Instant::now();
    for i in 0..loop_n {
        let mut req = AxbBindRequest::new(
            PhoneNumber::parse(&format!("+86150{i:08}")).expect("a"),
            PhoneNumber::parse(&format!("+86151{i:08}")).expect("b"),
        );
        req.relation_num = Some(PhoneNumber::parse(&xs[i % xs.len()]).expect("x"));
        session.axb_bind(&req).await.expect("loop bind");
    }
    let loop_rps = loop_n as f64 / t.elapsed().as_secs_f64();
    println!("one-at-a-time: {loop_n} binds at {loop_rps:.1}/s ({latency} ms added latency)");

    // 2. The bulk job.
    let path = dir.path().join("bulk.csv");
    let mut csv = String::from("A号码,B号码,X号码,绑定时长(秒)\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "+86138{i:08},+86139{i:08},{},86400\n",
            xs[i % xs.len()]
        ));
    }
    std::fs::write(&path, csv).expect("csv");
    let (job, report) =
        bulk::create(&dbm, Some("bench"), JobKind::Bind, &path, None, None).expect("create");
    assert_eq!(
        report.valid as usize,
        rows,
        "every row valid: {:?}",
        report.issues.first()
    );

    let before = received(&http, &base).await;
    let sampler = {
        let (http, base) = (http.clone(), base.clone());
        tokio::spawn(async move {
            let mut samples: Vec<(Instant, u64)> = Vec::new();
            loop {
                samples.push((Instant::now(), received(&http, &base).await));
                if samples.last().is_some_and(|s| s.1 >= before + rows as u64) {
                    return samples;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    let t = Instant::now();
    let done = bulk::start(session.clone(), job, RunOptions::default())
        .expect("start")
        .wait()
        .await
        .expect("job");
    let bulk_secs = t.elapsed().as_secs_f64();
    let samples = sampler.await.expect("sampler");
    assert_eq!((done.ok as usize, done.failed), (rows, 0), "{done:?}");
    let state = admin(&http, &base, "state", None).await;
    let held = state["bindings"]["axb"].as_u64().expect("count");
    assert_eq!(
        held as usize,
        rows + loop_n,
        "the simulator holds every binding once"
    );

    let bulk_rps = rows as f64 / bulk_secs;
    // Most requests received within any window of at most one second.
    let mut peak = 0u64;
    for (i, (ti, ci)) in samples.iter().enumerate() {
        for (tj, cj) in &samples[i + 1..] {
            if tj.duration_since(*ti) > Duration::from_secs(1) {
                break;
            }
            peak = peak.max(cj - ci);
        }
    }
    let ratio = bulk_rps / loop_rps;
    println!(
        "bulk: {rows} rows in {bulk_secs:.1} s = {bulk_rps:.1}/s (concurrency {}, paced at {:.0}% of the limit)",
        RunOptions::default().concurrency,
        bulk::RATE_SHARE * 100.0
    );
    println!(
        "simulator: peak {peak} requests in 1 s (100 ms samples) vs configured limit {limit}/s"
    );
    println!("throughput {ratio:.1}x one-at-a-time; peak {peak}/s vs limit {limit}/s");
    sim.shutdown().await;
}
