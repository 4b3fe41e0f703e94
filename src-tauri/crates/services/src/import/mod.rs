//! Importing CDR and call-event files (items 1 of issue 6).
//!
//! Accepted: a notification body (`{"eventType":"fee","feeLst":[…]}` or a call event), a
//! JSON array of bodies or of bare FeeInfo records, JSON Lines / concatenated values, and gzip
//! of any of these; UTF-8 with or without BOM (UTF-16/32 are refused with a clear message,
//! GBK-like bytes reject their records). Files are streamed (memory stays flat), inserted one
//! transaction per batch, deduplicated by the platform identifiers (re-imports are no-ops),
//! and reported per file. Cancelling keeps the committed batches. Blocking: run it off the
//! UI thread. [`watch`] imports new files of a watched folder with the same code.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use maskline_domain::import::{FileReport, ImportProgress};

use maskline_store::{StoreError, calls};

use crate::{DbManager, ServiceError};

mod file;
pub mod framer;
mod source;
pub mod watch;

/// Extensions picked up when a folder is imported (files named explicitly are always read).
pub const FOLDER_EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "gz", "txt", "log"];

/// A job reading at least this much into an empty calls table builds the secondary indexes
/// once at the end instead of row by row.
pub const BULK_MIN_BYTES: u64 = 32 << 20;

/// Tuning of an import job.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Records per transaction.
    pub batch_size: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { batch_size: 10_000 }
    }
}

/// State shared by the files of one job: progress and cancellation.
pub(crate) struct Job<'a> {
    batch_size: u64,
    files: u32,
    file_index: u32,
    path: String,
    records: u64,
    bytes_before: u64,
    bytes_total: u64,
    started: Instant,
    cancel: &'a AtomicBool,
    progress: &'a mut dyn FnMut(&ImportProgress),
}

impl Job<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn report_progress(&mut self, file_bytes: u64) {
        let secs = self.started.elapsed().as_secs_f64();
        let p = ImportProgress {
            file_index: self.file_index,
            files: self.files,
            path: self.path.clone(),
            records: self.records,
            bytes: self.bytes_before + file_bytes,
            bytes_total: self.bytes_total,
            records_per_sec: if secs > 0.0 {
                self.records as f64 / secs
            } else {
                0.0
            },
        };
        (self.progress)(&p);
    }
}

pub(crate) fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The files to read for `paths`: files as given, folders recursively (sorted, hidden
/// entries skipped, only [`FOLDER_EXTENSIONS`]).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ServiceError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(ServiceError::NotFound(format!(
                "{} does not exist / 文件不存在",
                p.display()
            )));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ServiceError> {
    walk_with(dir, out, &mut |d, e| {
        Err(ServiceError::Invalid {
            field: "path".into(),
            message: format!("cannot read folder {}: {e}", d.display()),
        })
    })
}

/// The files a folder import takes, depth first in name order: hidden entries skipped, only
/// [`FOLDER_EXTENSIONS`]. `unreadable` decides about a folder that cannot be listed: an error
/// stops the walk, `Ok` skips that folder.
pub(crate) fn walk_with<E>(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    unreadable: &mut dyn FnMut(&Path, std::io::Error) -> Result<(), E>,
) -> Result<(), E> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return unreadable(dir, e),
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !is_hidden(p))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk_with(&p, out, unreadable)?;
        } else if has_import_extension(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Whether a file in a folder is picked up: one of [`FOLDER_EXTENSIONS`].
pub(crate) fn has_import_extension(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| FOLDER_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Hidden entries (a leading dot) are skipped in folders.
pub(crate) fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// At start-up: imports left `running` by a process that stopped mid-file (crash, kill) are
/// marked interrupted; their committed batches stay and importing the file again completes it.
/// Returns how many. Call it once when the app or the CLI starts, before its first import (an
/// import another process runs at that moment is marked too, and set right when it finishes).
pub fn reset_interrupted(dbm: &DbManager) -> Result<u64, ServiceError> {
    let db = dbm.db()?;
    Ok(maskline_store::imports::mark_interrupted(&*db.conn()?)?)
}

/// Imports files and folders. `progress` is called after every batch; setting `cancel`
/// stops after the current batch (committed batches stay; the stopped file is reported as
/// cancelled and later files are not read).
pub fn import_paths(
    dbm: &DbManager,
    paths: &[PathBuf],
    opts: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&ImportProgress),
) -> Result<Vec<FileReport>, ServiceError> {
    let files = collect_files(paths)?;
    let db = dbm.db()?;
    let conn = db.conn()?;
    let bytes_total = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut job = Job {
        batch_size: opts.batch_size.max(1),
        files: files.len() as u32,
        file_index: 0,
        path: String::new(),
        records: 0,
        bytes_before: 0,
        bytes_total,
        started: Instant::now(),
        cancel,
        progress,
    };
    // A bigger page cache while importing: index pages of a million-row table stay hot.
    conn.execute_batch("PRAGMA cache_size = -65536")
        .map_err(StoreError::from)?;
    // Repairs an interrupted bulk import, then decides whether this one is bulk.
    calls::create_secondary_indexes(&conn)?;
    let bulk = bytes_total >= BULK_MIN_BYTES && calls::is_empty(&conn)?;
    if bulk {
        calls::drop_secondary_indexes(&conn)?;
    }
    let mut reports = Vec::with_capacity(files.len());
    let mut result = Ok(());
    for (i, f) in files.iter().enumerate() {
        if job.cancelled() {
            break;
        }
        job.file_index = i as u32;
        job.path = f.display().to_string();
        match file::import_file(&conn, f, &mut job) {
            Ok(r) => {
                job.bytes_before += r.bytes;
                reports.push(r);
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    if bulk {
        calls::create_secondary_indexes(&conn)?;
    }
    conn.execute_batch("PRAGMA cache_size = -2000")
        .map_err(StoreError::from)?;
    result?;
    Ok(reports)
}
