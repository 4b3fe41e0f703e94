//! `maskline import PATH…`: CDR and call-event files or folders into the local database, then
//! the recordings fetch every import is followed by (`import::after_import`, as in the app).
//! One import at a time per database: a second run waits for the first (`ImportLock`).

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::Args;
use maskline_domain::import::{FileReport, ImportStatus};
use maskline_domain::recordings::FetchReport;
use maskline_secrets::SecretStore;
use maskline_services::import::{
    ImportLock, ImportOptions, MAX_BATCH_SIZE, after_import, import_job, reset_interrupted,
};
use maskline_services::jobs::{Jobs, Kind};
use maskline_services::recordings::{self, FetchContext};

/// Exit status after Ctrl-C (128 + SIGINT), as shells report it.
const INTERRUPTED: u8 = 130;

#[derive(Args)]
pub struct ImportArgs {
    /// Files or folders (JSON, JSON Lines, gzip; folders are read recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print the per-file report as JSON.
    #[arg(long)]
    json: bool,
    /// Records per transaction (1 to 100000).
    #[arg(long, default_value_t = 10_000, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..=MAX_BATCH_SIZE))]
    batch: u64,
    /// Show progress on stderr.
    #[arg(long)]
    progress: bool,
}

fn file_json(r: &FileReport) -> serde_json::Value {
    serde_json::json!({
        "path": r.path,
        "new": r.new,
        "duplicate": r.duplicate,
        "rejected": r.rejected,
        "errors": r.errors,
        "status": r.status,
        "error": r.error,
    })
}

pub fn run(args: ImportArgs, db_path: &Path) -> ExitCode {
    let dbm = match crate::open_db(db_path) {
        Ok(d) => Arc::new(d),
        Err(code) => return code,
    };
    // Waits for another process's import of this database (Ctrl-C meanwhile just ends
    // this one: it has not written anything).
    let _lock = match ImportLock::acquire(db_path, || {
        let db = db_path.display();
        eprintln!(
            "{}",
            maskline_domain::text!(
                "another import into {db} is running; this one starts when it ends…",
                "另一个导入正在写入数据库 {db},本次导入将在其结束后开始…"
            )
        );
    }) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // A previous run that was killed left its file `running` (never one running now: the
    // lock says no other import runs).
    if let Err(e) = reset_interrupted(&dbm) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let jobs = Arc::new(Jobs::default());
    let cancel = Arc::new(AtomicBool::new(false));
    // Ctrl-C stops after the current batch (committed batches stay), as in other commands.
    let signals = listen_for_ctrl_c(cancel.clone(), jobs.clone());
    let started = Instant::now();
    let show = args.progress;
    let mut progress = |p: &maskline_domain::import::ImportProgress| {
        if show {
            eprint!(
                "\r{} records, {:.0} MB of {:.0} MB, {:.0} records/s   ",
                p.records,
                p.bytes as f64 / 1e6,
                p.bytes_total as f64 / 1e6,
                p.records_per_sec
            );
        }
    };
    let opts = ImportOptions {
        batch_size: args.batch,
    };
    let result = import_job(&jobs, &dbm, &args.paths, &opts, &mut progress);
    let reports = match result {
        Ok(r) => r,
        Err(e) => {
            if show {
                eprintln!();
            }
            eprintln!("error: {e}");
            if args.json {
                println!("{}", serde_json::json!({ "error": e.to_string() }));
            }
            return ExitCode::FAILURE;
        }
    };
    let interrupted = cancel.load(Ordering::SeqCst);
    if show {
        eprintln!();
    }
    let secs = started.elapsed().as_secs_f64();
    // Ctrl-C asked to stop: no fetch either.
    let fetched = if interrupted {
        None
    } else {
        fetch_after(&jobs, &dbm, db_path, &reports, signals.as_ref(), show)
    };
    if let Some(rt) = signals {
        rt.shutdown_background();
    }
    let records: u64 = reports
        .iter()
        .map(|r| r.new + r.duplicate + r.rejected)
        .sum();
    if args.json {
        let v = serde_json::json!({
            "files": reports.iter().map(file_json).collect::<Vec<_>>(),
            "records": records,
            "seconds": secs,
            "recordsPerSec": if secs > 0.0 { records as f64 / secs } else { 0.0 },
            "recordings": fetched.as_ref().map(|f| match f {
                Ok(r) => serde_json::json!(r),
                Err(e) => serde_json::json!({ "error": e }),
            }),
        });
        println!("{v}");
    } else {
        for r in &reports {
            println!(
                "{}: {} new, {} duplicate, {} rejected{}",
                r.path,
                r.new,
                r.duplicate,
                r.rejected,
                r.error
                    .as_ref()
                    .map(|e| format!(" — {e}"))
                    .unwrap_or_default()
            );
            for i in &r.errors {
                let place = [i.at.as_str(), i.field.as_deref().unwrap_or("")]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(".");
                println!("  line {} {place}: {}", i.line, i.reason);
            }
            if r.rejected > r.errors.len() as u64 {
                println!("  … {} more", r.rejected - r.errors.len() as u64);
            }
            if all_rejected(r) {
                println!(
                    "{}",
                    maskline_domain::text!(
                        "  every record of this file was rejected: nothing was imported from it",
                        "本文件所有记录均被拒绝,未导入任何记录"
                    )
                );
            }
        }
        println!("{records} records in {secs:.1} s");
        match &fetched {
            Some(Ok(r)) => println!(
                "recordings: {} of {} fetched, {} failed, {} expired{}",
                r.fetched,
                r.total,
                r.failed,
                r.expired,
                if r.cancelled {
                    " (stopped by Ctrl-C)"
                } else {
                    ""
                }
            ),
            Some(Err(e)) => eprintln!("warning: the recordings were not fetched: {e}"),
            None => {}
        }
    }
    if interrupted {
        eprintln!(
            "{}",
            maskline_domain::text!(
                "stopped by Ctrl-C: the records imported so far are kept; import the same files again to finish (records already in count as duplicates)",
                "已按 Ctrl-C 停止:已导入的记录会保留;重新导入同样的文件即可完成(已有的记录计为重复)"
            )
        );
        return ExitCode::from(INTERRUPTED);
    }
    if reports
        .iter()
        .all(|r| r.status == ImportStatus::Done && !all_rejected(r))
    {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A file that had records and every one of them was rejected: the import did nothing.
fn all_rejected(r: &FileReport) -> bool {
    r.rejected > 0 && r.new == 0 && r.duplicate == 0
}

/// After the import: the recordings fetch (`import::after_import`) when new calls came in and
/// automatic fetching is on, on the Ctrl-C runtime (Ctrl-C stops the downloads in flight; a
/// later run resumes them; rows a killed run left `fetching` wait for `maskline recordings
/// fetch` or the app, which reset them: the app may be fetching them right now). `None` when
/// no fetch was due.
fn fetch_after(
    jobs: &Jobs,
    dbm: &Arc<maskline_services::DbManager>,
    db_path: &Path,
    reports: &[FileReport],
    rt: Option<&tokio::runtime::Runtime>,
    show: bool,
) -> Option<Result<FetchReport, String>> {
    if !recordings::fetch_after_import(dbm, reports) {
        return None;
    }
    let Some(rt) = rt else {
        return Some(Err("no async runtime".into()));
    };
    let secrets: Arc<dyn SecretStore> = Arc::new(maskline_services::paths::keyring_store());
    let ctx = FetchContext {
        db: dbm.clone(),
        secrets,
        dir: recordings::dir_in(db_path.parent().unwrap_or(Path::new("."))),
    };
    let progress = move |p: &maskline_domain::recordings::FetchProgress| {
        if show {
            eprint!(
                "\rrecordings: {}/{} fetched, {} failed   ",
                p.fetched, p.total, p.failed
            );
        }
    };
    let fetched = rt.block_on(after_import(jobs, &ctx, reports, progress));
    if show {
        eprintln!();
    }
    fetched.transpose().map(|r| r.map_err(|e| e.to_string()))
}

/// Sets `cancel` and cancels the running jobs on Ctrl-C, from a small runtime of its own;
/// `None` (and Ctrl-C kills the process, which loses nothing committed) if the runtime cannot
/// start.
fn listen_for_ctrl_c(cancel: Arc<AtomicBool>, jobs: Arc<Jobs>) -> Option<tokio::runtime::Runtime> {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("warning: Ctrl-C will not stop the import cleanly: {e}");
            return None;
        }
    };
    // Polled once here so the handler is registered before the import starts (an early
    // Ctrl-C is not lost), then awaited on the runtime.
    let mut signal = Box::pin(tokio::signal::ctrl_c());
    let first = rt.block_on(std::future::poll_fn(|cx| {
        std::task::Poll::Ready(signal.as_mut().poll(cx))
    }));
    let stop = move || {
        cancel.store(true, Ordering::SeqCst);
        jobs.cancel(Kind::Import);
        jobs.cancel(Kind::Fetch);
        eprintln!(
            "\n{}",
            maskline_domain::text!(
                "stopping after the current batch…",
                "正在停止(当前批次完成后)…"
            )
        );
    };
    match first {
        std::task::Poll::Ready(Ok(())) => stop(),
        std::task::Poll::Ready(Err(e)) => {
            eprintln!("warning: Ctrl-C will not stop the import cleanly: {e}");
        }
        std::task::Poll::Pending => {
            rt.spawn(async move {
                if signal.await.is_ok() {
                    stop();
                }
            });
        }
    }
    Some(rt)
}
