//! `maskline-receiver`: the headless receiver of PrivateNumber's pushes (call events §11 and
//! CDR batches §12).
//!
//! Each push is verified (`X-WSSE` or `X-AKSK`, per app: [`verify`]), then its raw body is
//! committed to the database's `receiver_inbox` table, and only then answered 200 ("store,
//! then acknowledge"): a crash before the answer only makes the platform retry. A worker
//! ([`ingest`]) parses stored bodies behind the answers with the file importer's code
//! (`maskline_services::import::body`), so dedupe and import history are those of file
//! imports and a retried push is a no-op. Bodies left pending by a crash are parsed at start.
//!
//! Hooks for the app (issue 17 items 2–4): [`Receiver::start`] runs inside any tokio runtime
//! (the app can host it), [`ReceiverHandle::status`] gives the counters and last refusals,
//! [`ReceiverHandle::urls`] the URLs to paste in the console, and [`ingest::Parsed`] is
//! broadcast after every parsed batch ([`ReceiverHandle::subscribe`]) for a live view.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maskline_secrets::Sensitive;
use maskline_services::DbManager;
use maskline_store::inbox::PushKind;
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::{Notify, broadcast, oneshot};
use tokio::task::JoinHandle;

pub mod config;
pub mod ingest;
pub mod status;
pub mod tls;
pub mod verify;

use config::{Config, Problem, Scheme};
use status::{Counters, RefusalEntry, Refusals, Snapshot};
use verify::{AppSecret, Verifier};

pub(crate) fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// State shared by the handlers, the worker and the handle.
pub(crate) struct Shared {
    pub(crate) db: maskline_store::Db,
    pub(crate) verifier: Verifier,
    pub(crate) counters: Counters,
    pub(crate) refusals: Refusals,
    pub(crate) wake: Notify,
    pub(crate) parsed: broadcast::Sender<ingest::Parsed>,
    status_from_anywhere: bool,
    started_at: i64,
}

/// Where each app's secret comes from, resolved: the keyring (through the app's account) or
/// a file. Problems name the app.
pub fn load_secrets(
    c: &Config,
    dbm: Option<&DbManager>,
) -> Result<HashMap<String, AppSecret>, Vec<Problem>> {
    let mut out = HashMap::new();
    let mut problems = Vec::new();
    for (i, a) in c.apps.iter().enumerate() {
        let n = i + 1;
        let secret = match (&a.keyring_account, &a.secret_file) {
            (_, Some(f)) => config::read_secret_file(f).map(Sensitive::new),
            (Some(name), None) => match dbm {
                None => Err(Problem::new(
                    format!(
                        "apps #{n} ({}): the database cannot be opened, so the account {name:?} cannot be looked up",
                        a.app_key
                    ),
                    format!(
                        "第 {n} 个应用({}):数据库无法打开,因此无法查找账号 {name:?}",
                        a.app_key
                    ),
                )),
                Some(dbm) => {
                    let store = maskline_services::paths::keyring_store();
                    match maskline_services::accounts::push_credentials(dbm, &store, name) {
                        Ok((key, secret)) if key == a.app_key => Ok(secret),
                        Ok(_) => Err(Problem::new(
                            format!(
                                "apps #{n}: the account {name:?} in Maskline has another app key than {:?}; check app_key or keyring_account",
                                a.app_key
                            ),
                            format!(
                                "第 {n} 个应用:Maskline 中账号 {name:?} 的 app key 与 {:?} 不同;请检查 app_key 或 keyring_account",
                                a.app_key
                            ),
                        )),
                        Err(e) => Err(Problem::new(
                            format!(
                                "apps #{n} ({}): the secret of account {name:?} cannot be read from the keyring: {e}",
                                a.app_key
                            ),
                            format!(
                                "第 {n} 个应用({}):无法从系统钥匙串读取账号 {name:?} 的密钥:{e}",
                                a.app_key
                            ),
                        )),
                    }
                }
            },
            (None, None) => continue, // reported by the static checks
        };
        match secret {
            Ok(s) => {
                out.insert(
                    a.app_key.clone(),
                    AppSecret {
                        scheme: a.scheme,
                        secret: s,
                    },
                );
            }
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Everything `check` verifies, without listening: the static checks, the database, the
/// secrets and the TLS files. Empty when the configuration is usable.
pub fn check(c: &Config) -> Vec<Problem> {
    let mut problems = config::static_problems(c);
    let needs_db = c.apps.iter().any(|a| a.keyring_account.is_some());
    let dbm = match config::database_path(c) {
        Err(p) => {
            problems.push(p);
            None
        }
        Ok(path) if path.is_dir() => {
            problems.push(Problem::new(
                format!(
                    "database = {} is a folder; give the path of maskline.db",
                    path.display()
                ),
                format!(
                    "database = {} 是文件夹;请填写 maskline.db 的路径",
                    path.display()
                ),
            ));
            None
        }
        Ok(path) if !path.exists() => {
            if needs_db {
                problems.push(Problem::new(
                    format!("the database {} does not exist yet, so the keyring accounts cannot be looked up; start the Maskline app once (or give the right database path)", path.display()),
                    format!("数据库 {} 尚不存在,因此无法查找钥匙串账号;请先启动一次 Maskline 应用(或填写正确的数据库路径)", path.display()),
                ));
            }
            None
        }
        // Opening migrates the file to this version's schema: only when the keyring accounts
        // must be looked up in it (`run` opens it anyway).
        Ok(_) if !needs_db => None,
        Ok(path) => {
            let dbm = DbManager::open_existing(&path);
            match dbm.db() {
                Ok(_) => Some(dbm),
                Err(e) => {
                    problems.push(Problem::new(
                        format!("the database {} cannot be opened: {e}", path.display()),
                        format!("数据库 {} 无法打开:{e}", path.display()),
                    ));
                    None
                }
            }
        }
    };
    if let Err(mut p) = load_secrets(c, dbm.as_ref()) {
        problems.append(&mut p);
    }
    if let Some(t) = &c.tls
        && let Err(p) = tls::server_config(&t.cert, &t.key)
    {
        problems.push(p);
    }
    problems
}

/// Why the receiver did not start.
#[derive(Debug)]
pub struct StartError(pub Vec<Problem>);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for StartError {}

/// The receiver.
pub struct Receiver;

impl Receiver {
    /// Checks the configuration, opens the database, binds and serves until the handle is
    /// shut down or dropped. Pushes left pending by an earlier run are parsed first.
    pub async fn start(c: Config) -> Result<ReceiverHandle, StartError> {
        let problems = config::static_problems(&c);
        if !problems.is_empty() {
            return Err(StartError(problems));
        }
        let addr = config::listen_addr(&c).map_err(|p| StartError(vec![p]))?;
        let path = config::database_path(&c).map_err(|p| StartError(vec![p]))?;
        let dbm = DbManager::open(&path);
        let db = dbm.db().map_err(|e| {
            StartError(vec![Problem::new(
                format!("the database {} cannot be opened: {e}", path.display()),
                format!("数据库 {} 无法打开:{e}", path.display()),
            )])
        })?;
        let secrets = load_secrets(&c, Some(&dbm)).map_err(StartError)?;
        let tls = match &c.tls {
            Some(t) => Some(tls::server_config(&t.cert, &t.key).map_err(|p| StartError(vec![p]))?),
            None => None,
        };
        let tcp = TcpListener::bind(addr).await.map_err(|e| {
            StartError(vec![Problem::new(
                format!("cannot listen on {addr}: {e} (another program may use the port, or the address is not on this machine)"),
                format!("无法监听 {addr}:{e}(端口可能已被其他程序占用,或该地址不属于本机)"),
            )])
        })?;
        let local = tcp.local_addr().map_err(|e| {
            StartError(vec![Problem::new(
                format!("cannot listen on {addr}: {e}"),
                format!("无法监听 {addr}:{e}"),
            )])
        })?;
        let (parsed, _) = broadcast::channel(256);
        let shared = Arc::new(Shared {
            db,
            verifier: Verifier::new(secrets, c.max_skew_secs),
            counters: Counters::default(),
            refusals: Refusals::new(c.keep_refusals),
            wake: Notify::new(),
            parsed,
            status_from_anywhere: c.status_from_anywhere,
            started_at: now(),
        });
        let app = router(&c, shared.clone()).into_make_service_with_connect_info::<tls::Peer>();
        let (tx, rx) = oneshot::channel::<()>();
        let scheme = if tls.is_some() { "https" } else { "http" };
        let serve = match tls {
            Some(cfg) => {
                let l = tls::TlsListener::new(tcp, cfg).map_err(|e| {
                    StartError(vec![Problem::new(
                        format!("cannot listen on {addr}: {e}"),
                        format!("无法监听 {addr}:{e}"),
                    )])
                })?;
                tokio::spawn(async move {
                    let r = axum::serve(l, app)
                        .with_graceful_shutdown(async {
                            let _ = rx.await;
                        })
                        .await;
                    if let Err(e) = r {
                        tracing::error!("receiver server stopped: {e}");
                    }
                })
            }
            None => tokio::spawn(async move {
                let r = axum::serve(tcp, app)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await;
                if let Err(e) = r {
                    tracing::error!("receiver server stopped: {e}");
                }
            }),
        };
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let worker = tokio::spawn(ingest::worker(shared.clone(), stop_rx.clone()));
        let logger = tokio::spawn(log_status(shared.clone(), c.status_log_secs, stop_rx));
        tracing::info!(
            "maskline-receiver listening on {scheme}://{local}: call events at {}, CDRs at {}, database {}",
            c.paths.events,
            c.paths.cdr,
            path.display()
        );
        Ok(ReceiverHandle {
            addr: local,
            scheme,
            events_path: c.paths.events.clone(),
            cdr_path: c.paths.cdr.clone(),
            shared,
            shutdown: Some(tx),
            stop: stop_tx,
            tasks: vec![serve, worker, logger],
            database: path,
        })
    }
}

fn router(c: &Config, shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            &c.paths.events,
            post(|s, ci, u, h, b| push(s, ci, u, h, b, PushKind::Event)),
        )
        .route(
            &c.paths.cdr,
            post(|s, ci, u, h, b| push(s, ci, u, h, b, PushKind::Fee)),
        )
        .route("/healthz", get(healthz))
        .route("/status", get(status_page))
        .layer(DefaultBodyLimit::max(c.max_body_bytes))
        .with_state(shared)
}

async fn push(
    State(s): State<Arc<Shared>>,
    ConnectInfo(tls::Peer(peer)): ConnectInfo<tls::Peer>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
    kind: PushKind,
) -> Response {
    Counters::add(&s.counters.received, 1);
    let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
    let verified = verify::parse_token(header).and_then(|t| s.verifier.verify(&t, now()));
    let app_key = match verified {
        Ok(k) => k,
        Err(r) => {
            Counters::add(&s.counters.refused, 1);
            tracing::warn!("refused a push from {peer} to {}: {r}", uri.path());
            s.refusals.push(RefusalEntry {
                at: now(),
                peer: peer.to_string(),
                path: uri.path().to_string(),
                code: r.code(),
                reason: r.to_string(),
                reason_zh: r.zh(),
            });
            return (
                StatusCode::UNAUTHORIZED,
                axum::Json(json!({ "error": r.to_string(), "errorZh": r.zh() })),
            )
                .into_response();
        }
    };
    let db = s.db.clone();
    let stored = tokio::task::spawn_blocking(move || -> Result<i64, maskline_store::StoreError> {
        let conn = db.conn()?;
        // Durable before the answer even across a power cut, not only a crash.
        conn.execute_batch("PRAGMA synchronous = FULL")?;
        let id = maskline_store::inbox::insert(&conn, &app_key, kind, &body, now());
        let _ = conn.execute_batch("PRAGMA synchronous = NORMAL");
        id
    })
    .await;
    match stored {
        Ok(Ok(_)) => {
            s.wake.notify_one();
            StatusCode::OK.into_response()
        }
        Ok(Err(e)) => {
            Counters::add(&s.counters.store_failed, 1);
            tracing::error!(
                "a verified push could not be stored (answered 503; the platform retries): {e}"
            );
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(e) => {
            Counters::add(&s.counters.store_failed, 1);
            tracing::error!("storing a push failed: {e}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn healthz(State(s): State<Arc<Shared>>) -> Response {
    let db = s.db.clone();
    let ok = tokio::task::spawn_blocking(move || {
        db.conn()
            .and_then(|c| Ok(c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))?))
            .is_ok()
    })
    .await
    .unwrap_or(false);
    if ok {
        (StatusCode::OK, "ok\n").into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "{}\n",
                maskline_domain::text!("the database cannot be reached", "无法访问数据库")
            ),
        )
            .into_response()
    }
}

async fn status_page(
    State(s): State<Arc<Shared>>,
    ConnectInfo(tls::Peer(peer)): ConnectInfo<tls::Peer>,
) -> Response {
    if !s.status_from_anywhere && !peer.ip().is_loopback() {
        return (
            StatusCode::FORBIDDEN,
            format!(
                "{}\n",
                maskline_domain::text!(
                    "/status answers this machine only (status_from_anywhere = true opens it)",
                    "/status 仅对本机开放(设置 status_from_anywhere = true 可开放)"
                )
            ),
        )
            .into_response();
    }
    axum::Json(status_json(&s).await).into_response()
}

async fn status_json(s: &Arc<Shared>) -> serde_json::Value {
    let db = s.db.clone();
    let inbox = tokio::task::spawn_blocking(move || {
        db.conn()
            .and_then(|c| maskline_store::inbox::counts(&c))
            .ok()
    })
    .await
    .ok()
    .flatten();
    json!({
        "startedAt": s.started_at,
        "counters": s.counters.snapshot(),
        "inbox": inbox.map(|(p, a, r)| json!({"pending": p, "parsed": a, "rejected": r})),
        "lastRefusals": s.refusals.list(),
    })
}

async fn log_status(s: Arc<Shared>, secs: u64, mut stop: tokio::sync::watch::Receiver<bool>) {
    if secs == 0 {
        return;
    }
    let mut last = Snapshot::default();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(secs)) => {}
            _ = stop.changed() => return,
        }
        let c = s.counters.snapshot();
        if c != last || secs >= 60 {
            tracing::info!(
                "received {} · stored {} · duplicate {} · refused {} · rejected {} · store failed {} (records: {} new, {} duplicate, {} rejected)",
                c.received,
                c.stored,
                c.duplicate,
                c.refused,
                c.rejected,
                c.store_failed,
                c.records_new,
                c.records_duplicate,
                c.records_rejected
            );
        }
        last = c;
    }
}

/// A running receiver. Dropping it stops serving.
pub struct ReceiverHandle {
    addr: SocketAddr,
    scheme: &'static str,
    events_path: String,
    cdr_path: String,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    stop: tokio::sync::watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    database: PathBuf,
}

impl ReceiverHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn database(&self) -> &std::path::Path {
        &self.database
    }

    /// `(call events URL, CDR URL)` as seen on the listen address (put the public host name
    /// in place of the address when pasting them in the console).
    pub fn urls(&self) -> (String, String) {
        let base = format!("{}://{}", self.scheme, self.addr);
        (
            format!("{base}{}", self.events_path),
            format!("{base}{}", self.cdr_path),
        )
    }

    pub fn counters(&self) -> Snapshot {
        self.shared.counters.snapshot()
    }

    pub fn last_refusals(&self) -> Vec<RefusalEntry> {
        self.shared.refusals.list()
    }

    /// What `/status` answers.
    pub async fn status(&self) -> serde_json::Value {
        status_json(&self.shared).await
    }

    /// Every parsed batch, for a live view.
    pub fn subscribe(&self) -> broadcast::Receiver<ingest::Parsed> {
        self.shared.parsed.subscribe()
    }

    /// Stops listening, lets the worker finish the batch it is on, and waits.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = self.stop.send(true);
        for t in std::mem::take(&mut self.tasks) {
            let _ = t.await;
        }
    }
}

impl Drop for ReceiverHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = self.stop.send(true);
    }
}

/// The scheme word as the configuration spells it.
pub fn scheme_name(s: Scheme) -> &'static str {
    match s {
        Scheme::Wsse => "wsse",
        Scheme::Aksk => "aksk",
    }
}
