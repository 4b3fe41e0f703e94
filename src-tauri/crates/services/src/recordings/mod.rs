//! Recordings (issue 7): fetch them before the platform deletes them (7 days after the CDR,
//! §9.1), keep them in a size-limited local cache, and serve them to the player.
//!
//! - Reads for the Recordings page and the call drawer: [`page`], [`summary`], [`status`].
//! - The fetch manager: [`fetch`] (bounded concurrency, resume, retries, per-call state in
//!   SQLite so a crash or cancel resumes; [`reset_interrupted`] at start-up).
//! - The cache: `<data dir>/recordings/<sha256>.<ext>`, partial downloads in `.partial/`;
//!   [`enforce_limit`] evicts least recently used unpinned copies; [`set_pinned`],
//!   [`delete_local`], [`settings`], [`set_settings`], [`storage`].
//! - Playback: [`playback`] (source name + cached peaks), [`mark_played`], and [`serve`] for
//!   the `rec` URI scheme (Range, 1 MiB cap, A-law → PCM on the fly).
//! - [`export_zip`]: `calls.csv` + the audio files of selected calls.
//!
//! Every download, play and export is audited with masked numbers only. Download links carry
//! their own authorisation: they are fetched with a plain client that sends no credentials,
//! and are never stored or logged.

use maskline_domain::{Text, text};
use std::path::{Path, PathBuf};

use maskline_domain::recordings::{
    RecordingPage, RecordingPageRequest, RecordingRow, RecordingState, RecordingStatus,
    RecordingSummary, not_recorded_reason,
};
use maskline_store::recordings::{self as store, RecCall};

use crate::{DbManager, ServiceError};

mod attempt;
mod cache;
mod download;
mod export;
mod fetch;
mod finish;
mod peaks;
pub mod serve;

pub use cache::{
    delete_local, enforce_limit, fetch_after_import, remove_orphans, set_settings, settings,
    storage,
};
pub use export::export_zip;
pub use fetch::{FetchContext, FetchOptions, fetch, fetch_job, fetch_with};
pub use peaks::{mark_played, playback};

/// The recordings folder inside a data folder.
pub fn dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join("recordings")
}

/// Partial downloads live here until verified.
pub(crate) fn partial_dir(dir: &Path) -> PathBuf {
    dir.join(".partial")
}

pub(crate) fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Now, in UTC epoch seconds (what `page`, `summary` and `status` take as `now`).
pub fn now_secs() -> i64 {
    now_ms().div_euclid(1000)
}

fn status_of(c: &RecCall) -> RecordingStatus {
    let rec = c.rec.as_ref();
    let state = c.state.unwrap_or(RecordingState::NotRecorded);
    let fetched = state == RecordingState::Fetched;
    RecordingStatus {
        call_id: c.call.id,
        state,
        not_recorded: not_recorded_reason(
            c.call.has_recording,
            c.call.answered,
            c.call.talk_seconds,
        ),
        platform_deletes_at: c.call.has_recording.then(|| c.deletes_at()),
        error: rec.and_then(|r| r.error.clone()).filter(|_| !fetched),
        error_kind: rec.and_then(|r| r.error_kind.clone()).filter(|_| !fetched),
        attempts: rec.map_or(0, |r| r.attempts),
        next_attempt_at: rec
            .and_then(|r| r.next_attempt_at)
            .filter(|_| state == RecordingState::Failed),
        file_name: rec.and_then(|r| r.file_name.clone()).filter(|_| fetched),
        sha256: rec.and_then(|r| r.sha256.clone()),
        bytes: rec.and_then(|r| r.bytes),
        duration_ms: rec.and_then(|r| r.duration_ms),
        format: rec.and_then(|r| r.format.clone()),
        fetched_at: rec.and_then(|r| r.fetched_at),
        last_played_at: rec.and_then(|r| r.last_played_at),
        pinned: rec.is_some_and(|r| r.pinned),
    }
}

fn row_of(c: &RecCall) -> RecordingRow {
    RecordingRow {
        call_id: c.call.id,
        start_time: c.call.start_time,
        direction: c.call.direction,
        caller: c.call.caller.clone(),
        callee: c.call.callee.clone(),
        x_number: c.call.x_number.clone(),
        talk_seconds: c.call.talk_seconds,
        status: status_of(c),
    }
}

/// A page of recorded calls (newest first) with their recording state.
pub fn page(
    db: &DbManager,
    req: &RecordingPageRequest,
    now: i64,
) -> Result<RecordingPage, ServiceError> {
    let size = match req.page_size {
        0 => 50,
        n => n.min(500),
    };
    let db = db.db()?;
    let conn = db.conn()?;
    let total = store::count(&conn, &req.filter, now)?;
    let rows = store::page(
        &conn,
        &req.filter,
        now,
        u64::from(req.page) * u64::from(size),
        size,
    )?;
    Ok(RecordingPage {
        rows: rows.iter().map(row_of).collect(),
        total,
        page: req.page,
        page_size: size,
    })
}

/// Counts per state for the page header.
pub fn summary(db: &DbManager, now: i64) -> Result<RecordingSummary, ServiceError> {
    let db = db.db()?;
    Ok(store::summary(&*db.conn()?, now)?)
}

pub(crate) fn call_or_404(db: &DbManager, call_id: i64, now: i64) -> Result<RecCall, ServiceError> {
    let db = db.db()?;
    store::call(&*db.conn()?, call_id, now)?.ok_or_else(|| {
        ServiceError::NotFound(text!(
            "call {call_id} is not in the local database; import its CDR first",
            "本地没有通话 {call_id},请先导入话单"
        ))
    })
}

/// The recording side of one call (any call: a call without recording says why).
pub fn status(db: &DbManager, call_id: i64, now: i64) -> Result<RecordingStatus, ServiceError> {
    Ok(status_of(&call_or_404(db, call_id, now)?))
}

/// At start-up: downloads interrupted by a crash or kill (`fetching`) wait again. Returns
/// how many. Call it once before the first [`fetch`] of the process.
pub fn reset_interrupted(db: &DbManager) -> Result<u64, ServiceError> {
    let db = db.db()?;
    Ok(store::reset_fetching(&*db.conn()?, now_secs())?)
}

/// Pins (marks as evidence: never evicted) or unpins recorded calls; calls without a
/// recording are ignored. Returns how many changed.
pub fn set_pinned(db: &DbManager, call_ids: &[i64], pinned: bool) -> Result<u64, ServiceError> {
    let db = db.db()?;
    let mut conn = db.conn()?;
    let tx = conn
        .transaction()
        .map_err(maskline_store::StoreError::from)?;
    let n = store::set_pinned(&tx, call_ids, pinned, now_secs())?;
    tx.commit().map_err(maskline_store::StoreError::from)?;
    Ok(n)
}

/// A bilingual "could not write" error for the recordings folder.
pub(crate) fn disk_error(what: &Path, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Invalid {
        field: "recordings".into(),
        message: Text::new(
            format!(
                "cannot write {}: {e}. Free disk space or check the folder's permissions, then try again",
                what.display()
            ),
            format!(
                "无法写入 {}:{e}。请释放磁盘空间或检查文件夹权限后重试",
                what.display()
            ),
        ),
    }
}
