//! Shared fixtures of the recordings tests (`crate::support::recordings`): a simulator on
//! 127.0.0.1:0 whose AXB demo app delivers CDRs into a folder, recorded AXB bindings, calls
//! placed on them and imported into a temp database, and a fetch context over all of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use maskline_domain::recordings::{
    FetchReport, FetchRequest, RecordingPageRequest, RecordingRow, RecordingState,
};
use maskline_domain::{AuthScheme, Mode};
use maskline_secrets::{MemoryStore, SecretStore, Sensitive};
use maskline_services::DbManager;
use maskline_services::accounts::{self, NewAccount};
use maskline_services::bindings::{AxbBindRequest, PhoneNumber, Session};
use maskline_services::import::{ImportOptions, import_paths};
use maskline_services::recordings::{self, FetchContext, FetchOptions};
use maskline_sim::{SimConfig, SimHandle, Simulator};
use sha2::{Digest, Sha256};

pub const APP: &str = "demo-axb-key";

pub struct Rec {
    pub data: tempfile::TempDir,
    pub ctx: FetchContext,
    pub sim: SimHandle,
    http: reqwest::Client,
}

fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("valid number")
}

/// `calls` calls on four recorded AXB bindings, imported.
pub async fn setup(calls: u32) -> Rec {
    let sim = Simulator::start(SimConfig {
        seed: 7,
        ..Default::default()
    })
    .await
    .expect("start the simulator");
    let data = tempfile::tempdir().expect("tempdir");
    let db = Arc::new(DbManager::open(&data.path().join("maskline.db")));
    let secrets: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    accounts::add(
        &db,
        secrets.as_ref(),
        NewAccount {
            name: "axb".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: sim.base_url(),
            ca_cert_pem: None,
            rate_limit: 100,
            app_key: APP.into(),
            app_secret: Sensitive::new("demo-axb-secret".into()),
        },
    )
    .expect("add account");
    let cdrs = data.path().join("cdrs");
    std::fs::create_dir_all(&cdrs).expect("cdr dir");
    let http = reqwest::Client::new();
    http.put(format!("{}/sim/admin/apps/{APP}/callbacks", sim.base_url()))
        .json(&serde_json::json!({ "deliverDir": cdrs }))
        .send()
        .await
        .expect("deliver CDRs to a folder");
    let session = Session::open(&db, secrets.as_ref(), Some("axb")).expect("session");
    let x = sim.apps().into_iter().find(|a| a.key == APP).expect("app");
    for i in 0..4 {
        let mut req = AxbBindRequest::new(
            num(&format!("+86138001380{i:02}")),
            num(&format!("+86139001390{i:02}")),
        );
        req.relation_num = Some(num(&x.numbers[i].number));
        req.record = Some(true);
        req.record_hint_tone = Some("notice.wav".into());
        session.axb_bind(&req).await.expect("bind");
    }
    sim.generate_calls(APP, calls, 0).expect("calls");
    wait_for_files(&cdrs, calls.div_ceil(50) as usize).await;
    import_paths(
        &db,
        &[cdrs],
        &ImportOptions::default(),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("import");
    let dir = recordings::dir_in(data.path());
    Rec {
        data,
        ctx: FetchContext { db, secrets, dir },
        sim,
        http,
    }
}

async fn wait_for_files(dir: &Path, expected: usize) {
    let started = Instant::now();
    loop {
        let n = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().ends_with("-fee.json"))
                    .count()
            })
            .unwrap_or(0);
        if n >= expected {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the simulator delivered {n} of {expected} CDR files"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Fast retries for tests.
pub fn opts() -> FetchOptions {
    FetchOptions {
        backoff: Duration::from_millis(10),
        ..Default::default()
    }
}

impl Rec {
    pub fn dir(&self) -> &PathBuf {
        &self.ctx.dir
    }

    pub fn db(&self) -> &DbManager {
        &self.ctx.db
    }

    /// Every recorded call, newest first.
    pub fn rows(&self) -> Vec<RecordingRow> {
        let req = RecordingPageRequest {
            page_size: 500,
            ..Default::default()
        };
        recordings::page(self.db(), &req, now()).expect("page").rows
    }

    pub fn state(&self, call_id: i64) -> RecordingState {
        recordings::status(self.db(), call_id, now())
            .expect("status")
            .state
    }

    pub async fn fetch(&self, ids: &[i64], o: &FetchOptions) -> FetchReport {
        let req = FetchRequest {
            call_ids: ids.to_vec(),
            since: None,
        };
        recordings::fetch_with(&self.ctx, o, &req, Arc::new(AtomicBool::new(false)), |_| {})
            .await
            .expect("fetch runs")
    }

    pub async fn fault(&self, rule: serde_json::Value) {
        let r = self
            .http
            .post(format!("{}/sim/admin/faults", self.sim.base_url()))
            .json(&rule)
            .send()
            .await
            .expect("add fault");
        assert!(r.status().is_success(), "fault rule accepted: {rule}");
    }

    pub async fn clear_faults(&self) {
        self.http
            .delete(format!("{}/sim/admin/faults", self.sim.base_url()))
            .send()
            .await
            .expect("clear faults");
    }

    /// The bytes the simulator serves for a call's recording.
    pub fn expected(&self, call_id: i64) -> Vec<u8> {
        let d = maskline_services::calls::get(self.db(), call_id).expect("call");
        maskline_sim::recordings::wav(&d.session_id, d.row.talk_seconds as u32)
    }

    /// Audio files in the cache folder (not the partial folder).
    pub fn audio_files(&self) -> Vec<String> {
        std::fs::read_dir(self.dir())
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".wav") || n.ends_with(".mp3"))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn partial(&self, call_id: i64) -> PathBuf {
        self.dir().join(".partial").join(format!("{call_id}.part"))
    }

    /// Checks a fetched call: its file is the simulator's bytes, named by their SHA-256.
    pub fn assert_fetched_correctly(&self, call_id: i64) {
        let s = recordings::status(self.db(), call_id, now()).expect("status");
        assert_eq!(s.state, RecordingState::Fetched, "call {call_id}: {s:?}");
        let name = s.file_name.clone().expect("file name");
        let bytes = std::fs::read(self.dir().join(&name)).expect("file present");
        let sha = hex(&Sha256::digest(&bytes));
        assert_eq!(Some(&sha), s.sha256.as_ref(), "row sha256 is the file's");
        assert_eq!(name, format!("{sha}.wav"), "named by content");
        assert_eq!(s.bytes, Some(bytes.len() as i64));
        assert!(
            bytes == self.expected(call_id),
            "call {call_id}: the cached file differs from the recording on the platform"
        );
        assert_eq!(s.format.as_deref(), Some("wav/alaw"));
        assert!(!self.partial(call_id).exists(), "no partial left behind");
    }
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
