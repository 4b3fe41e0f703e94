//! One recording's fetch within a job: claim it, get a link, download with retries and
//! resume, verify, move into the cache, record it. Every exit leaves a truthful state.

use maskline_domain::{Text, text};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use maskline_api::{ApiError, CodeCategory};
use maskline_store::recordings::{self as store, RecCall};
use tokio::sync::mpsc;
use url::Url;

use super::download::{self, DlError};
use super::fetch::FetchOptions;
use super::{finish, now_secs, partial_dir};
use crate::bindings::Session;
use crate::{DbManager, ServiceError};

pub(crate) struct Job {
    pub db: Arc<DbManager>,
    pub dir: PathBuf,
    pub http: Arc<reqwest::Client>,
    pub session: Option<Session>,
    pub opts: FetchOptions,
    pub cancel: Arc<AtomicBool>,
    /// Told the call id when the download starts (the UI shows "fetching").
    pub started: mpsc::UnboundedSender<i64>,
    pub call: RecCall,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Fetched {
        bytes: u64,
        evicted: u64,
    },
    Failed,
    Expired,
    Cancelled,
    /// Another job has it, or it changed state meanwhile.
    Skipped,
}

/// A final failure: its kind, bilingual message, and whether the platform no longer has it.
pub(crate) struct Failure {
    pub kind: String,
    pub message: Text,
    pub expired: bool,
    /// Worth an automatic retry later.
    pub retry_later: bool,
}

impl Failure {
    pub fn new(kind: &str, message: Text, retry_later: bool) -> Self {
        Self {
            kind: kind.into(),
            message,
            expired: false,
            retry_later,
        }
    }

    fn expired(kind: &str) -> Self {
        Self {
            kind: kind.into(),
            message: Text::new(
                "The platform no longer keeps this recording (it deletes recordings 7 days after the call); it can no longer be fetched",
                "平台已不再保存该录音(通话 7 天后删除),无法再获取",
            ),
            expired: true,
            retry_later: false,
        }
    }
}

/// Why an attempt stopped, before deciding whether to retry.
enum Step {
    Retry(Failure),
    Relink,
    Final(Failure),
    Cancelled,
}

fn network(detail: &str) -> Failure {
    Failure::new(
        "network",
        text!(
            "Could not download the recording ({detail}). Check the network; Maskline tries again later",
            "下载录音失败({detail})。请检查网络,Maskline 稍后会自动重试"
        ),
        true,
    )
}

fn api_step(e: ServiceError) -> Step {
    match &e {
        ServiceError::Api(ApiError::Platform { code, .. }) => match code.category() {
            CodeCategory::NotFound => Step::Final(Failure::expired("expired")),
            CodeCategory::FlowControl => Step::Retry(Failure::new(
                &format!("platform{}", code.code()),
                e.text(),
                true,
            )),
            _ => Step::Final(Failure::new(
                &format!("platform{}", code.code()),
                e.text(),
                true,
            )),
        },
        ServiceError::Api(ApiError::Transport { .. } | ApiError::Timeout { .. }) => {
            Step::Retry(Failure::new("network", e.text(), true))
        }
        ServiceError::Api(ApiError::HttpStatus { status, .. }) if *status >= 500 => {
            Step::Retry(Failure::new(&format!("http{status}"), e.text(), true))
        }
        _ => Step::Final(Failure::new("platform", e.text(), true)),
    }
}

/// `room`: the cache limit and the pinned bytes, for a file that cannot fit.
fn download_step(e: DlError, (limit, pinned): (u64, u64)) -> Step {
    match e {
        DlError::TooBig { total } => Step::Final(finish::cache_full(total, limit, pinned)),
        DlError::LinkExpired => Step::Relink,
        DlError::Gone => Step::Final(Failure::expired("notFound")),
        DlError::Server(s) => Step::Retry(Failure::new(
            &format!("http{s}"),
            text!(
                "The download server answered HTTP {s}; Maskline tries again later",
                "下载服务器返回 HTTP {s},稍后会自动重试"
            ),
            true,
        )),
        DlError::Http(s) => Step::Final(Failure::new(
            &format!("http{s}"),
            text!(
                "The download server refused the file (HTTP {s}); try again later or check the account",
                "下载服务器拒绝了请求(HTTP {s}),请稍后重试或检查账号"
            ),
            true,
        )),
        DlError::Network(d) => Step::Retry(network(&d)),
        DlError::Truncated { kept } => Step::Retry(Failure::new(
            "truncated",
            Text::new(
                format!(
                    "The download ended before the whole file arrived{}; Maskline tries again later",
                    if kept {
                        " (it resumes where it stopped)"
                    } else {
                        ""
                    }
                ),
                format!(
                    "录音下载不完整,稍后会自动重试{}",
                    if kept { "并断点续传" } else { "" }
                ),
            ),
            true,
        )),
        DlError::Disk(d) => Step::Final(Failure::new(
            "disk",
            text!(
                "Cannot write the recording ({d}); free disk space or check the recordings folder, then fetch again",
                "无法写入录音文件({d});请释放磁盘空间或检查录音文件夹,然后重新获取"
            ),
            true,
        )),
        DlError::Unsafe(s) => Step::Final(Failure::new(
            "unsafe",
            text!(
                "The platform gave a {s} download link; Maskline only downloads over https",
                "平台返回的是 {s} 下载地址;Maskline 只通过 https 下载,已拒绝"
            ),
            false,
        )),
        DlError::Cancelled => Step::Cancelled,
    }
}

/// Sleeps `d` unless cancelled first (checked every 50 ms). `false` when cancelled.
async fn pause(d: Duration, cancel: &AtomicBool) -> bool {
    let mut left = d;
    while !left.is_zero() {
        if cancel.load(Ordering::Relaxed) {
            return false;
        }
        let step = left.min(Duration::from_millis(50));
        tokio::time::sleep(step).await;
        left -= step;
    }
    !cancel.load(Ordering::Relaxed)
}

fn jittered(base: Duration, retry: u32) -> Duration {
    let d = base.saturating_mul(1 << retry.min(10));
    let mut seed = [0u8; 8];
    let _ = getrandom::fill(&mut seed);
    let r = u64::from_le_bytes(seed) % 1000;
    d.mul_f64(0.5 + r as f64 / 1000.0)
}

/// Serialises the cache's bookkeeping (usage check, rename, eviction) between downloads.
static CACHE: Mutex<()> = Mutex::new(());

/// Runs blocking work (SQLite, hashing, renames) off the async threads.
async fn off<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

pub(crate) async fn run(job: Job) -> (i64, Outcome) {
    let id = job.call.call.id;
    (id, run_inner(job).await.unwrap_or(Outcome::Skipped))
}

async fn run_inner(job: Job) -> Option<Outcome> {
    let id = job.call.call.id;
    if job.cancel.load(Ordering::Relaxed) {
        return Some(Outcome::Cancelled);
    }
    let db = job.db.clone();
    let claimed = off(move || {
        db.db()
            .and_then(|d| Ok(store::claim(&*d.conn()?, id, now_secs())?))
    });
    match claimed.await? {
        Ok(true) => {}
        Ok(false) => return Some(Outcome::Skipped),
        Err(e) => {
            tracing::warn!(call_id = id, error = %e, "recordings: cannot claim");
            return Some(Outcome::Skipped);
        }
    }
    let _ = job.started.send(id);
    let result = attempts(&job).await;
    let (db, dir, call, session) = (
        job.db.clone(),
        job.dir.clone(),
        job.call.clone(),
        job.session.clone(),
    );
    let (outcome, written) = off(move || match result {
        Ok(()) => {
            let _guard = CACHE.lock().unwrap_or_else(|p| p.into_inner());
            match finish::finish(&db, &dir, &call, session.as_ref()) {
                Ok(f) => (
                    Outcome::Fetched {
                        bytes: f.bytes,
                        evicted: f.evicted,
                    },
                    Ok(()),
                ),
                Err(f) => (Outcome::Failed, record_failure(&db, &call, &f)),
            }
        }
        Err(Step::Cancelled) => (Outcome::Cancelled, release(&db, id)),
        Err(Step::Retry(f) | Step::Final(f)) => {
            let o = if f.expired {
                let _ = std::fs::remove_file(part_path(&dir, id));
                Outcome::Expired
            } else {
                Outcome::Failed
            };
            (o, record_failure(&db, &call, &f))
        }
        Err(Step::Relink) => {
            let f = Failure::new(
                "expired",
                Text::new(
                    "The download link kept expiring; Maskline tries again later",
                    "下载地址多次过期,稍后会自动重试",
                ),
                true,
            );
            (Outcome::Failed, record_failure(&db, &call, &f))
        }
    })
    .await?;
    if let Err(e) = written {
        tracing::warn!(call_id = id, error = %e, "recordings: cannot record the state");
    }
    Some(outcome)
}

pub(crate) fn part_path(dir: &Path, call_id: i64) -> PathBuf {
    partial_dir(dir).join(format!("{call_id}.part"))
}

fn release(db: &DbManager, id: i64) -> Result<(), ServiceError> {
    Ok(store::release(&*db.db()?.conn()?, id, now_secs())?)
}

pub(crate) fn record_failure(db: &DbManager, c: &RecCall, f: &Failure) -> Result<(), ServiceError> {
    let now = now_secs();
    let tries = c.rec.as_ref().map_or(0, |r| r.attempts);
    let next = f
        .retry_later
        .then(|| now + (300i64 << tries.min(6)).min(6 * 3600));
    let d = db.db()?;
    Ok(store::set_failed(
        &*d.conn()?,
        c.call.id,
        f.expired,
        &f.kind,
        &f.message,
        next,
        now,
    )?)
}

/// Links and downloads until the partial file is complete, or a final failure.
async fn attempts(job: &Job) -> Result<(), Step> {
    let c = &job.call;
    let (Some(name), Some(domain)) = (c.record_object_name.as_deref(), c.record_domain.as_deref())
    else {
        return Err(Step::Final(Failure::new(
            "notFound",
            Text::new(
                "The CDR names no recording file (recordObjectName / recordDomain are empty); nothing can be fetched",
                "话单中没有录音文件名,无法获取",
            ),
            false,
        )));
    };
    let Some(session) = job.session.as_ref() else {
        return Err(Step::Final(Failure::new(
            "account",
            Text::new(
                "No account matches this call's app key and there is no active account; add the platform account in Settings, then fetch again",
                "没有与该通话 App Key 匹配的账号,也没有当前账号,请在设置中添加平台账号后重试",
            ),
            true,
        )));
    };
    let part = part_path(&job.dir, c.call.id);
    let mut link: Option<Url> = None;
    let (mut retries, mut relinks) = (0u32, 0u32);
    loop {
        if job.cancel.load(Ordering::Relaxed) {
            return Err(Step::Cancelled);
        }
        let step = match &link {
            None => match session.recording_url(name, domain).await {
                Ok(l) => {
                    link = Some(l.url);
                    continue;
                }
                Err(e) => api_step(e),
            },
            Some(url) => {
                let db = job.db.clone();
                // Unknown (the database is busy): the size is checked again once downloaded.
                let room = match off(move || finish::room(&db)).await {
                    Some(Ok(r)) => r,
                    _ => (u64::MAX, 0),
                };
                let max = room.0.saturating_sub(room.1);
                match download::download(&job.http, url, &part, max, &job.cancel, &mut |_| {}).await
                {
                    Ok(_) => return Ok(()),
                    Err(e) => download_step(e, room),
                }
            }
        };
        match step {
            Step::Relink if relinks < job.opts.relinks => {
                relinks += 1;
                link = None;
            }
            Step::Retry(f) => {
                if retries >= job.opts.retries {
                    return Err(Step::Final(f));
                }
                if !pause(jittered(job.opts.backoff, retries), &job.cancel).await {
                    return Err(Step::Cancelled);
                }
                retries += 1;
            }
            other => return Err(other),
        }
    }
}
