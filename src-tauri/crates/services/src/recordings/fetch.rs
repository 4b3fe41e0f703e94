//! The fetch manager: selects recordings, gets each one's link through its account's one
//! rate-limited API client, downloads a few at once, and records every state change in
//! SQLite (so a crash or a cancel resumes; see [`super::reset_interrupted`]).

use maskline_domain::text;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use maskline_domain::recordings::{FetchProgress, FetchReport, FetchRequest, RecordingState};
use maskline_secrets::SecretStore;
use maskline_store::recordings::{self as store, RecCall};
use tokio::sync::mpsc;

use super::attempt::{self, Outcome};
use super::now_secs;
use crate::bindings::Session;
use crate::jobs::{Jobs, Kind};
use crate::{DbManager, ServiceError, accounts};

/// What a fetch job needs: the database, the keyring (for the accounts' clients) and the
/// recordings folder ([`super::dir_in`]).
pub struct FetchContext {
    pub db: Arc<DbManager>,
    pub secrets: Arc<dyn SecretStore>,
    pub dir: PathBuf,
}

/// Tuning of a fetch job; [`Default`] is what the app uses.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Downloads at once.
    pub concurrency: usize,
    /// Retries per recording within one job (network errors, 5xx, truncated bodies).
    pub retries: u32,
    /// First retry delay; doubled each time, with ±50 % jitter.
    pub backoff: Duration,
    /// New links asked for per recording within one job when a link has expired.
    pub relinks: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            concurrency: 3,
            retries: 3,
            backoff: Duration::from_secs(1),
            relinks: 2,
        }
    }
}

/// Most recordings one job takes by default (the soonest deletions first).
const QUEUE_LIMIT: u32 = 100_000;

/// [`fetch_with`] with the default options.
pub async fn fetch(
    ctx: &FetchContext,
    req: &FetchRequest,
    cancel: Arc<AtomicBool>,
    progress: impl FnMut(&FetchProgress) + Send,
) -> Result<FetchReport, ServiceError> {
    fetch_with(ctx, &FetchOptions::default(), req, cancel, progress).await
}

/// The fetch job of a process: one at a time in `jobs` (refused while one runs), stopped by
/// `jobs.cancel(Kind::Fetch)`. See [`fetch`].
pub async fn fetch_job(
    jobs: &Jobs,
    ctx: &FetchContext,
    req: &FetchRequest,
    progress: impl FnMut(&FetchProgress) + Send,
) -> Result<FetchReport, ServiceError> {
    let running = jobs.start(Kind::Fetch)?;
    fetch(ctx, req, running.cancel.clone(), progress).await
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ServiceError::Invalid {
            field: "recordings".into(),
            message: text!("a background task failed: {e}", "后台任务失败:{e}"),
        })?
}

/// The selected recorded calls, soonest platform deletion first.
fn targets(db: &DbManager, req: &FetchRequest) -> Result<Vec<RecCall>, ServiceError> {
    let now = now_secs();
    let d = db.db()?;
    let conn = d.conn()?;
    if req.call_ids.is_empty() {
        return Ok(store::queue(&conn, req.since, now, QUEUE_LIMIT)?);
    }
    let mut out = Vec::new();
    for &id in &req.call_ids {
        if let Some(c) = store::call(&conn, id, now)? {
            let wanted = matches!(
                c.state,
                Some(RecordingState::Waiting | RecordingState::Failed | RecordingState::Evicted)
            );
            if wanted && req.since.is_none_or(|s| c.call.start_time >= s) {
                out.push(c);
            }
        }
    }
    out.sort_by_key(|c| (c.deletes_at(), c.call.id));
    out.dedup_by_key(|c| c.call.id);
    Ok(out)
}

/// One session per account the targets need: the account whose app key matches the call's,
/// else the active one. Calls with no usable account map to `None`.
fn sessions(
    db: &DbManager,
    secrets: &dyn SecretStore,
    calls: &[RecCall],
) -> Result<HashMap<i64, Option<Session>>, ServiceError> {
    let accounts = accounts::list(db, secrets)?;
    let active = accounts
        .iter()
        .find(|a| a.is_active)
        .map(|a| a.name.clone());
    let mut by_name: HashMap<String, Option<Session>> = HashMap::new();
    let mut out = HashMap::new();
    for c in calls {
        let name = c
            .app_key
            .as_deref()
            .and_then(|k| accounts.iter().find(|a| a.app_key.as_deref() == Some(k)))
            .map(|a| a.name.clone())
            .or_else(|| active.clone());
        let session = match name {
            Some(n) => by_name
                .entry(n.clone())
                .or_insert_with(|| match Session::open(db, secrets, Some(&n)) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        tracing::warn!(account = %n, error = %e, "recordings: account unusable");
                        None
                    }
                })
                .clone(),
            None => None,
        };
        out.insert(c.call.id, session);
    }
    Ok(out)
}

/// Fetches the selected recordings (default: every waiting, failed or evicted recording the
/// platform still keeps, soonest deletion first; `since` limits by call start time).
/// `progress` is called whenever a recording's state changes. Setting `cancel` stops the
/// downloads in flight (their partial files stay for a resume) and leaves the rest waiting.
pub async fn fetch_with(
    ctx: &FetchContext,
    opts: &FetchOptions,
    req: &FetchRequest,
    cancel: Arc<AtomicBool>,
    mut progress: impl FnMut(&FetchProgress) + Send,
) -> Result<FetchReport, ServiceError> {
    let (db, r) = (ctx.db.clone(), req.clone());
    let calls = blocking(move || targets(&db, &r)).await?;
    let (db, secrets, c2) = (ctx.db.clone(), ctx.secrets.clone(), calls.clone());
    let mut sessions = if calls.is_empty() {
        HashMap::new()
    } else {
        blocking(move || sessions(&db, secrets.as_ref(), &c2)).await?
    };
    let dir = ctx.dir.clone();
    std::fs::create_dir_all(super::partial_dir(&dir)).map_err(|e| super::disk_error(&dir, e))?;
    let client_error = |e: String| ServiceError::Invalid {
        field: "recordings".into(),
        message: text!(
            "cannot build the download client: {e}",
            "无法创建录音下载客户端:{e}"
        ),
    };
    let http = Arc::new(super::download::client(None).map_err(client_error)?);
    // Accounts with their own CA download through a client that trusts it, like their API calls.
    let with_ca: Vec<String> = sessions
        .values()
        .flatten()
        .filter(|s| s.account().has_custom_ca)
        .map(|s| s.account().name.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let db = ctx.db.clone();
    let pems = blocking(move || {
        with_ca
            .into_iter()
            .map(|n| accounts::ca_pem(&db, &n).map(|p| (n, p)))
            .collect::<Result<Vec<_>, _>>()
    })
    .await?;
    let mut account_http: HashMap<String, Arc<reqwest::Client>> = HashMap::new();
    for (name, pem) in pems {
        if let Some(pem) = pem {
            let c = super::download::client(Some(pem.as_bytes())).map_err(client_error)?;
            account_http.insert(name, Arc::new(c));
        }
    }
    let mut p = FetchProgress {
        total: calls.len() as u64,
        ..Default::default()
    };
    progress(&p);
    let (tx, mut rx) = mpsc::unbounded_channel::<i64>();
    let jobs: Vec<attempt::Job> = calls
        .into_iter()
        .map(|c| {
            let session = sessions.remove(&c.call.id).flatten();
            let http = session
                .as_ref()
                .and_then(|s| account_http.get(&s.account().name).cloned())
                .unwrap_or_else(|| http.clone());
            (c, session, http)
        })
        .map(|(c, session, http)| attempt::Job {
            db: ctx.db.clone(),
            dir: dir.clone(),
            http,
            session,
            opts: opts.clone(),
            cancel: cancel.clone(),
            started: tx.clone(),
            call: c,
        })
        .collect();
    drop(tx);
    let mut stream = futures_util::stream::iter(jobs)
        .map(attempt::run)
        .buffer_unordered(opts.concurrency.max(1));
    let mut evicted = 0;
    loop {
        tokio::select! {
            Some(call_id) = rx.recv() => {
                p.call_id = Some(call_id);
                progress(&p);
            }
            next = stream.next() => {
                let Some((call_id, outcome)) = next else { break };
                match outcome {
                    Outcome::Fetched { bytes, evicted: e } => {
                        p.fetched += 1;
                        p.bytes += bytes;
                        evicted += e;
                    }
                    Outcome::Failed => p.failed += 1,
                    Outcome::Expired => p.expired += 1,
                    Outcome::Cancelled | Outcome::Skipped => {}
                }
                p.call_id = Some(call_id);
                progress(&p);
            }
        }
    }
    Ok(FetchReport {
        total: p.total,
        fetched: p.fetched,
        failed: p.failed,
        expired: p.expired,
        bytes: p.bytes,
        cancelled: cancel.load(Ordering::Relaxed),
        evicted,
    })
}
