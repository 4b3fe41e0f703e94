//! Importing CDR and call-event files (items 1 of issue 6).
//!
//! Accepted: a notification body (`{"eventType":"fee","feeLst":[…]}` or a call event), a
//! JSON array of bodies or of bare FeeInfo records, JSON Lines / concatenated values, and gzip
//! of any of these; UTF-8 with or without BOM (UTF-16/32 are refused with a clear message,
//! GBK-like bytes reject their records). Files are streamed (memory stays flat), inserted one
//! transaction per batch, deduplicated by the platform identifiers (re-imports are no-ops),
//! and reported per file. Cancelling keeps the committed batches. Blocking: run it off the
//! UI thread. [`watch`] imports new files of a watched folder with the same code.

use maskline_domain::{Text, text};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use maskline_domain::import::{FileReport, ImportProgress, ImportStatus};
use maskline_domain::recordings::{FetchProgress, FetchReport, FetchRequest};

use maskline_store::calls::ImportSession;

use crate::jobs::{Jobs, Kind};
use crate::recordings::{self, FetchContext};
use crate::{DbManager, ServiceError};

pub mod body;
mod file;
mod lock;
pub mod watch;

pub use lock::ImportLock;

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

/// The line of a file whose import the database stopped.
fn stopped_report(f: file::FileFailure) -> FileReport {
    let mut r = f.report;
    let (what_en, what_zh) = if f.error.is_disk_full() {
        ("the disk is full".to_string(), "磁盘已满".to_string())
    } else {
        (
            format!("the database could not be written ({})", f.error),
            "数据库无法写入".to_string(),
        )
    };
    r.status = ImportStatus::Failed;
    let (path, new) = (&r.path, r.new);
    r.error = Some(Text::new(
        format!(
            "{what_en}: the import stopped in {path}. Kept: {new} new records of this file (every batch committed before it stopped) and all files before it; the rest of this file and the files after it were not read. Free some space and import again: records already in count as duplicates"
        ),
        format!(
            "{what_zh}:导入在 {path} 中停止。已保存:本文件 {new} 条新记录(停止前已提交的批次)及之前的所有文件;本文件其余部分及之后的文件未读取。释放空间后重新导入即可,已导入的记录会计为重复"
        ),
    ));
    r
}

/// The line of a file not read because the import stopped at `at`.
fn not_read_report(path: &Path, at: &Path) -> FileReport {
    let mut c = Collected::default();
    c.skip(
        path,
        Text::new(
            format!("not read: the import stopped at {}", at.display()),
            format!("未读取:导入在 {} 处停止", at.display()),
        ),
    );
    c.skipped.remove(0)
}

pub(crate) fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Largest `batch_size` accepted. Batches past ~10 000 records import no faster (the default
/// is 10 000), and up to four batches are in memory at once (two parsed ahead, one being
/// filled, one being written), so a bound keeps memory flat whatever is asked.
pub const MAX_BATCH_SIZE: u64 = 100_000;

/// What a walk found: the files to read, and the entries it left out, each as a report line
/// (status `Failed`, nothing read, `error` says why) so the user sees what was not imported.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<FileReport>,
}

impl Collected {
    fn skip(&mut self, path: &Path, why: Text) {
        self.skipped.push(FileReport {
            path: path.display().to_string(),
            new: 0,
            duplicate: 0,
            rejected: 0,
            errors: Vec::new(),
            status: ImportStatus::Failed,
            error: Some(why),
            bytes: 0,
        });
    }
}

fn not_regular(path: &Path) -> Text {
    Text::new(
        format!(
            "skipped: {} is not a regular file (a pipe, socket or device), so it was not read",
            path.display()
        ),
        format!(
            "已跳过:{} 不是普通文件(管道、套接字或设备),未读取",
            path.display()
        ),
    )
}

/// The files to read for `paths`: files as given, folders recursively (sorted, hidden
/// entries skipped, only [`FOLDER_EXTENSIONS`], each real folder once however many links lead
/// to it). A subfolder that cannot be listed and an entry that is not a regular file (a FIFO
/// named `*.json` would block the reader forever) are skipped with a line in `skipped`; a path
/// given that does not exist, or a given folder that cannot be listed, is an error.
pub fn collect_files(paths: &[PathBuf]) -> Result<Collected, ServiceError> {
    let mut out = Collected::default();
    let mut seen = HashSet::new();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ServiceError::NotFound(Text::new(
                    format!("{} does not exist", p.display()),
                    format!("{} 不存在", p.display()),
                )));
            }
            Err(e) => {
                return Err(ServiceError::Invalid {
                    field: "path".into(),
                    message: Text::new(
                        format!("cannot read {}: {e}", p.display()),
                        format!("无法读取 {}", p.display()),
                    ),
                });
            }
        };
        if meta.is_dir() {
            std::fs::read_dir(p).map_err(|e| ServiceError::Invalid {
                field: "path".into(),
                message: Text::new(
                    format!("cannot read folder {}: {e}", p.display()),
                    format!("无法读取文件夹 {}", p.display()),
                ),
            })?;
            walk_with(p, &mut out, &mut seen);
        } else if meta.is_file() {
            out.files.push(p.clone());
        } else {
            out.skip(p, not_regular(p));
        }
    }
    Ok(out)
}

/// Walks `dir` depth first in name order into `out`: hidden entries skipped, only
/// [`FOLDER_EXTENSIONS`]. Symbolic links are followed, but every real folder (by its
/// canonical path, which on Unix resolves every link and on Windows junctions too) is read
/// once, so a link to a parent cannot loop. A folder that cannot be listed and a non-regular
/// entry with an import extension get a line in `out.skipped`; the walk goes on.
pub(crate) fn walk_with(dir: &Path, out: &mut Collected, seen: &mut HashSet<PathBuf>) {
    let real = dunce::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(real) {
        return;
    }
    let entries =
        match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                out.skip(
                dir,
                Text::new(
                    format!(
                        "skipped: the folder {} cannot be read ({e}); its files were not imported",
                        dir.display()
                    ),
                    format!("已跳过:无法读取文件夹 {}({e}),其中的文件未导入", dir.display()),
                ),
            );
                return;
            }
        };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !is_hidden(p))
        .collect();
    entries.sort();
    for p in entries {
        // Follows links; a dangling link is a file to read (its report says why it cannot be).
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk_with(&p, out, seen),
            Ok(m) if !m.is_file() && has_import_extension(&p) => out.skip(&p, not_regular(&p)),
            Ok(m) if !m.is_file() => {}
            _ if has_import_extension(&p) => out.files.push(p),
            _ => {}
        }
    }
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
    if opts.batch_size == 0 || opts.batch_size > MAX_BATCH_SIZE {
        return Err(ServiceError::Invalid {
            field: "batch".into(),
            message: Text::new(
                format!(
                    "records per transaction must be 1 to {MAX_BATCH_SIZE}, not {}",
                    opts.batch_size
                ),
                format!(
                    "每批记录数必须在 1 到 {MAX_BATCH_SIZE} 之间,而不是 {}",
                    opts.batch_size
                ),
            ),
        });
    }
    let Collected { files, skipped } = collect_files(paths)?;
    let db = dbm.db()?;
    let conn = db.conn()?;
    let bytes_total = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut job = Job {
        batch_size: opts.batch_size,
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
    // Repairs an interrupted bulk import, then decides whether this one is bulk (the
    // secondary indexes are built once at the end); a bigger page cache meanwhile.
    let session = ImportSession::begin(&conn, bytes_total >= BULK_MIN_BYTES)?;
    let mut reports = Vec::with_capacity(files.len() + skipped.len());
    reports.extend(skipped);
    let mut result: Result<(), ServiceError> = Ok(());
    for (i, f) in files.iter().enumerate() {
        if job.cancelled() {
            break;
        }
        job.file_index = i as u32;
        job.path = f.display().to_string();
        match file::import_file(&session, f, &mut job) {
            Ok(r) => {
                job.bytes_before += r.bytes;
                reports.push(r);
            }
            // A damaged database is an error of the job (the app offers recovery).
            Err(e) if e.error.is_damage() => {
                result = Err(e.error.into());
                break;
            }
            // Anything else (a full disk, a lock held too long): the file's line says what
            // happened and what was kept, and the files after it are listed as not read.
            Err(e) => {
                reports.push(stopped_report(*e));
                for rest in &files[i + 1..] {
                    reports.push(not_read_report(rest, f));
                }
                break;
            }
        }
    }
    if let Err(e) = session.finish() {
        if e.is_damage() || result.is_err() {
            result = result.and(Err(e.into()));
        } else if let Some(last) = reports.last_mut() {
            // The records are in; only the search indexes are missing (the next import
            // builds them first), so the reports stay and say so.
            let note = text!(
                "the search indexes could not be rebuilt ({e}); the imported records are kept and the next import rebuilds them",
                "搜索索引未能重建({e});已导入的记录会保留,下次导入时会重建"
            );
            last.status = ImportStatus::Failed;
            last.error = Some(match last.error.take() {
                Some(before) => Text::new(
                    format!("{}; {}", before.en, note.en),
                    format!("{};{}", before.zh, note.zh),
                ),
                None => note,
            });
        }
    }
    result?;
    Ok(reports)
}

/// The import job of a process: one at a time in `jobs` (refused while one runs), stopped
/// after its current batch by `jobs.cancel(Kind::Import)`. See [`import_paths`].
pub fn import_job(
    jobs: &Jobs,
    dbm: &DbManager,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(&ImportProgress),
) -> Result<Vec<FileReport>, ServiceError> {
    let running = jobs.start(Kind::Import)?;
    import_paths(dbm, paths, opts, &running.cancel, progress)
}

/// What follows every import (the app's, the watch folder's and the CLI's): when new records
/// came in and "fetch recordings automatically" is on, the waiting recordings are fetched
/// (the fetch job of `jobs`: refused while another fetch runs, which picks the new rows up
/// anyway, or the next one does). `Ok(None)` when no fetch was due.
pub async fn after_import(
    jobs: &Jobs,
    ctx: &FetchContext,
    reports: &[FileReport],
    progress: impl FnMut(&FetchProgress) + Send,
) -> Result<Option<FetchReport>, ServiceError> {
    if !recordings::fetch_after_import(&ctx.db, reports) {
        return Ok(None);
    }
    recordings::fetch_job(jobs, ctx, &FetchRequest::default(), progress)
        .await
        .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_listed_mid_walk_is_a_report_line_not_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Gone between its parent's listing and its own (as an unreadable one fails to list).
        let gone = dir.path().join("gone");
        let mut c = Collected::default();
        walk_with(&gone, &mut c, &mut HashSet::new());
        assert!(c.files.is_empty());
        assert_eq!(c.skipped.len(), 1, "{:?}", c.skipped);
        assert_eq!(c.skipped[0].status, ImportStatus::Failed);
        let why = c.skipped[0]
            .error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            why.contains("cannot be read") && why.contains("无法读取文件夹"),
            "{why}"
        );
    }
}
