//! The background job: rows go out through the account's one rate-limited client with bounded
//! concurrency, paced below the account's limit (so interactive operations still get through),
//! and every row's state is journaled in SQLite before and after its request.
//!
//! Order per row: commit `sending` → send → commit `ok`/`failed`. On start and resume, rows
//! left `sending` are checked on the platform first ([`super::reconcile`]), so no row is ever
//! sent twice. Pause holds new rows (in-flight ones finish); cancel stops and leaves the job
//! resumable.

use maskline_domain::text;
use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use maskline_domain::jobs::{JobProgress, JobState, RowState};
use maskline_store::Db;
use maskline_store::jobs::{self, Counts};
use tokio::sync::{Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;

use super::plan::Payload;
use super::reconcile::{self, Checked};
use super::send::{Sent, send};
use crate::ServiceError;
use crate::bindings::Session;

/// How a job runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunOptions {
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Requests per second; `None` = 90 % of the account's rate limit.
    pub rate_per_sec: Option<f64>,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            concurrency: 16,
            rate_per_sec: None,
        }
    }
}

/// Share of the account's rate limit a bulk job uses, leaving room for single operations.
pub const RATE_SHARE: f64 = 0.9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Run,
    Pause,
    Cancel,
}

/// Pause / resume / cancel for a running job, usable while [`JobHandle::wait`] runs.
#[derive(Debug, Clone)]
pub struct JobControl(Arc<watch::Sender<Control>>);

impl JobControl {
    /// Holds new rows; rows in flight finish.
    pub fn pause(&self) {
        self.0.send_replace(Control::Pause);
    }
    pub fn resume(&self) {
        self.0.send_replace(Control::Run);
    }
    /// Stops after the rows in flight; the job stays resumable.
    pub fn cancel(&self) {
        self.0.send_replace(Control::Cancel);
    }
}

/// A running job: control it, watch its progress, wait for it.
pub struct JobHandle {
    job_id: i64,
    control: JobControl,
    progress: watch::Receiver<JobProgress>,
    task: JoinHandle<Result<JobProgress, ServiceError>>,
}

impl JobHandle {
    pub fn job_id(&self) -> i64 {
        self.job_id
    }
    /// Holds new rows; rows in flight finish.
    pub fn pause(&self) {
        self.control.pause();
    }
    pub fn resume(&self) {
        self.control.resume();
    }
    /// Stops after the rows in flight; the job stays resumable.
    pub fn cancel(&self) {
        self.control.cancel();
    }
    /// A controller that outlives [`JobHandle::wait`]'s borrow (for the UI's buttons, Ctrl-C).
    pub fn control(&self) -> JobControl {
        self.control.clone()
    }
    /// Progress updates (the latest value at any time).
    pub fn progress(&self) -> watch::Receiver<JobProgress> {
        self.progress.clone()
    }
    /// Waits for the job to finish, be cancelled or fail.
    pub async fn wait(self) -> Result<JobProgress, ServiceError> {
        self.task.await.map_err(|e| {
            ServiceError::NotFound(text!(
                "the job task ended abnormally: {e}",
                "任务异常结束:{e}"
            ))
        })?
    }
    /// Stops at once, as a crash would: rows in flight stay `sending` in the journal.
    pub fn abort(self) {
        self.task.abort();
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        ServiceError::NotFound(text!("background task failed: {e}", "后台任务失败:{e}"))
    })?
}

/// Spaces requests `1/rate` apart, starting now (no initial burst).
struct Pacer {
    interval: Duration,
    next: tokio::sync::Mutex<Instant>,
}

impl Pacer {
    fn new(rate: f64) -> Self {
        Self {
            interval: Duration::from_secs_f64(1.0 / rate.max(0.1)),
            next: tokio::sync::Mutex::new(Instant::now()),
        }
    }
    async fn wait(&self) {
        let at = {
            let mut next = self.next.lock().await;
            let at = (*next).max(Instant::now());
            *next = at + self.interval;
            at
        };
        tokio::time::sleep_until(at).await;
    }
}

/// Counts and the recent completion times behind the progress figures.
struct Live {
    job_id: i64,
    state: JobState,
    counts: Counts,
    recent: VecDeque<Instant>,
}

impl Live {
    fn progress(&mut self) -> JobProgress {
        let now = Instant::now();
        while self
            .recent
            .front()
            .is_some_and(|t| now - *t > Duration::from_secs(5))
        {
            self.recent.pop_front();
        }
        let span = self
            .recent
            .front()
            .map_or(0.0, |t| (now - *t).as_secs_f64())
            .max(1.0);
        let c = self.counts;
        JobProgress {
            job_id: self.job_id,
            state: self.state,
            total: c.pending + c.sending + c.ok + c.failed,
            done: c.ok + c.failed,
            ok: c.ok,
            failed: c.failed,
            invalid: c.invalid,
            rate_per_sec: self.recent.len() as f64 / span,
        }
    }
}

struct Ctx {
    session: Session,
    db: Db,
    job_id: i64,
    live: Mutex<Live>,
    tx: watch::Sender<JobProgress>,
    pacer: Pacer,
}

impl Ctx {
    fn publish(&self, f: impl FnOnce(&mut Live)) {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut live);
        self.tx.send_replace(live.progress());
    }

    async fn set_state(&self, state: JobState) -> Result<(), ServiceError> {
        let (db, id) = (self.db.clone(), self.job_id);
        blocking(move || Ok(jobs::set_state(&*db.conn()?, id, state)?)).await?;
        self.publish(|l| l.state = state);
        Ok(())
    }

    async fn finish(&self, row_no: u32, o: jobs::Outcome) -> Result<(), ServiceError> {
        let (db, id, ok) = (self.db.clone(), self.job_id, o.ok);
        blocking(move || Ok(jobs::finish_row(&*db.conn()?, id, row_no, &o)?)).await?;
        self.publish(|l| {
            l.counts.sending = l.counts.sending.saturating_sub(1);
            if ok {
                l.counts.ok += 1
            } else {
                l.counts.failed += 1
            }
            l.recent.push_back(Instant::now());
        });
        Ok(())
    }
}

/// Jobs running in this process, by database and id: a job never has two runners, which
/// could otherwise check a row the other is still sending.
static RUNNING: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

struct RunningGuard(String);

impl RunningGuard {
    fn claim(db: &Db, job_id: i64) -> Result<Self, ServiceError> {
        let key = format!("{:?}#{job_id}", db.path());
        let mut running = RUNNING.lock().unwrap_or_else(|p| p.into_inner());
        if !running.insert(key.clone()) {
            return Err(ServiceError::Invalid {
                field: "job".into(),
                message: text!("job {job_id} is already running", "任务 {job_id} 正在运行"),
            });
        }
        Ok(Self(key))
    }
}

/// Whether this process is running the job now.
pub(crate) fn is_running(db: &Db, job_id: i64) -> bool {
    let key = format!("{:?}#{job_id}", db.path());
    RUNNING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .contains(&key)
}

impl Drop for RunningGuard {
    fn drop(&mut self) {
        RUNNING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.0);
    }
}

/// Starts (or resumes) a job in the background on the current tokio runtime. Refused while
/// the same job is already running in this process.
pub fn start(session: Session, job_id: i64, opts: RunOptions) -> Result<JobHandle, ServiceError> {
    let db = session.db()?.clone();
    let guard = RunningGuard::claim(&db, job_id)?;
    let rate = opts
        .rate_per_sec
        .unwrap_or(f64::from(session.account().rate_limit) * RATE_SHARE);
    let (control, control_rx) = watch::channel(Control::Run);
    let initial = JobProgress {
        job_id,
        state: JobState::Running,
        total: 0,
        done: 0,
        ok: 0,
        failed: 0,
        invalid: 0,
        rate_per_sec: 0.0,
    };
    let (tx, progress) = watch::channel(initial);
    let ctx = Arc::new(Ctx {
        session,
        db,
        job_id,
        live: Mutex::new(Live {
            job_id,
            state: JobState::Running,
            counts: Counts::default(),
            recent: VecDeque::new(),
        }),
        tx,
        pacer: Pacer::new(rate),
    });
    let concurrency = opts.concurrency.max(1);
    let task = tokio::spawn(async move {
        let _guard = guard;
        run(ctx, concurrency, control_rx).await
    });
    Ok(JobHandle {
        job_id,
        control: JobControl(Arc::new(control)),
        progress,
        task,
    })
}

/// Waits while paused; false when cancelled.
async fn proceed(ctx: &Ctx, rx: &mut watch::Receiver<Control>) -> Result<bool, ServiceError> {
    loop {
        let c = *rx.borrow_and_update();
        match c {
            Control::Run => return Ok(true),
            Control::Cancel => return Ok(false),
            Control::Pause => {
                ctx.set_state(JobState::Paused).await?;
                if rx.changed().await.is_err() {
                    return Ok(false);
                }
                if *rx.borrow() == Control::Run {
                    ctx.set_state(JobState::Running).await?;
                }
            }
        }
    }
}

async fn run(
    ctx: Arc<Ctx>,
    concurrency: usize,
    mut rx: watch::Receiver<Control>,
) -> Result<JobProgress, ServiceError> {
    let (db, id) = (ctx.db.clone(), ctx.job_id);
    let job = blocking(move || Ok(jobs::get(&*db.conn()?, id)?))
        .await?
        .ok_or_else(|| ServiceError::NotFound(text!("no bulk job {id}", "没有批量任务 {id}")))?;
    if job.account_id != ctx.session.account().id {
        return Err(ServiceError::Invalid {
            field: "account".into(),
            message: text!(
                "job {id} belongs to another account; run it with that account",
                "任务 {id} 属于其他账号;请用那个账号运行"
            ),
        });
    }
    let db = ctx.db.clone();
    let counts = blocking(move || Ok(jobs::counts(&*db.conn()?, id)?)).await?;
    ctx.publish(|l| l.counts = counts);
    ctx.set_state(JobState::Running).await?;

    let sem = Arc::new(Semaphore::new(concurrency));
    let mut cancelled = false;
    for _round in 0..3 {
        reconcile_sending(&ctx).await?;
        let mut set = JoinSet::new();
        'rows: loop {
            let db = ctx.db.clone();
            let batch =
                blocking(move || Ok(jobs::rows_in(&*db.conn()?, id, RowState::Pending, 256)?))
                    .await?;
            if batch.is_empty() {
                if set.join_next().await.is_none() {
                    break;
                }
                continue;
            }
            for (row_no, payload) in batch {
                if !proceed(&ctx, &mut rx).await? {
                    cancelled = true;
                    break 'rows;
                }
                let permit = sem.clone().acquire_owned().await.map_err(|e| {
                    ServiceError::NotFound(text!("job stopped: {e}", "任务已停止:{e}"))
                })?;
                while set.try_join_next().is_some() {}
                ctx.pacer.wait().await;
                let db = ctx.db.clone();
                if !blocking(move || Ok(jobs::mark_sending(&*db.conn()?, id, row_no)?)).await? {
                    continue;
                }
                ctx.publish(|l| {
                    l.counts.pending = l.counts.pending.saturating_sub(1);
                    l.counts.sending += 1;
                });
                let ctx = ctx.clone();
                set.spawn(async move {
                    let _permit = permit;
                    if let Err(e) = send_row(&ctx, row_no, &payload).await {
                        tracing::warn!(job = ctx.job_id, row = row_no, "row left sending: {e}");
                    }
                });
            }
        }
        while set.join_next().await.is_some() {}
        if cancelled {
            break;
        }
        let db = ctx.db.clone();
        let c = blocking(move || Ok(jobs::counts(&*db.conn()?, id)?)).await?;
        if c.pending == 0 && c.sending == 0 {
            break;
        }
    }
    let db = ctx.db.clone();
    let c = blocking(move || Ok(jobs::counts(&*db.conn()?, id)?)).await?;
    let done = !cancelled && c.pending == 0 && c.sending == 0;
    ctx.publish(|l| l.counts = c);
    ctx.set_state(if done {
        JobState::Done
    } else {
        JobState::Cancelled
    })
    .await?;
    let progress = ctx
        .live
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .progress();
    Ok(progress)
}

async fn send_row(ctx: &Ctx, row_no: u32, payload: &str) -> Result<(), ServiceError> {
    let p: Payload = serde_json::from_str(payload).map_err(|e| ServiceError::Invalid {
        field: "payload".into(),
        message: text!(
            "the stored row cannot be read: {e}",
            "无法读取已保存的行:{e}"
        ),
    })?;
    match send(&ctx.session, &p).await {
        Sent::Done(o) => ctx.finish(row_no, o).await,
        Sent::Retry => {
            tokio::time::sleep(Duration::from_secs(1)).await;
            let (db, id) = (ctx.db.clone(), ctx.job_id);
            blocking(move || Ok(jobs::back_to_pending(&*db.conn()?, id, row_no)?)).await?;
            ctx.publish(|l| {
                l.counts.sending = l.counts.sending.saturating_sub(1);
                l.counts.pending += 1;
            });
            Ok(())
        }
        Sent::Unknown => Ok(()),
    }
}

/// Checks every `sending` row on the platform: done ones become ok, the others pending.
async fn reconcile_sending(ctx: &Ctx) -> Result<(), ServiceError> {
    let (db, id) = (ctx.db.clone(), ctx.job_id);
    let rows = blocking(move || {
        Ok(jobs::rows_in(
            &*db.conn()?,
            id,
            RowState::Sending,
            u32::MAX,
        )?)
    })
    .await?;
    for (row_no, payload) in rows {
        let Ok(p) = serde_json::from_str::<Payload>(&payload) else {
            continue;
        };
        ctx.pacer.wait().await;
        match reconcile::check(&ctx.session, &p).await {
            Ok(Checked::Done(o)) => ctx.finish(row_no, o).await?,
            Ok(Checked::NotApplied) => {
                let db = ctx.db.clone();
                blocking(move || Ok(jobs::back_to_pending(&*db.conn()?, id, row_no)?)).await?;
                ctx.publish(|l| {
                    l.counts.sending = l.counts.sending.saturating_sub(1);
                    l.counts.pending += 1;
                });
            }
            Ok(Checked::Unknown(reason)) => {
                let o = jobs::Outcome {
                    ok: false,
                    result_code: Some("unknown".into()),
                    reason: Some(reason),
                    ..Default::default()
                };
                ctx.finish(row_no, o).await?;
            }
            Err(e) => tracing::warn!(job = id, row = row_no, "could not check a sending row: {e}"),
        }
    }
    Ok(())
}
