//! `maskline import PATH…`: CDR and call-event files or folders into the local database.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::Args;
use maskline_domain::import::{FileReport, ImportStatus};
use maskline_services::import::{ImportOptions, MAX_BATCH_SIZE, import_paths, reset_interrupted};

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
        Ok(d) => d,
        Err(code) => return code,
    };
    // A previous run that was killed left its file `running`.
    if let Err(e) = reset_interrupted(&dbm) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let cancel = Arc::new(AtomicBool::new(false));
    // Ctrl-C stops after the current batch (committed batches stay), as in other commands.
    let signals = listen_for_ctrl_c(cancel.clone());
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
    let result = import_paths(&dbm, &args.paths, &opts, &cancel, &mut progress);
    if let Some(rt) = signals {
        rt.shutdown_background();
    }
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

/// Sets `cancel` on Ctrl-C, from a small runtime of its own; `None` (and Ctrl-C kills the
/// process, which loses nothing committed) if the runtime cannot start.
fn listen_for_ctrl_c(cancel: Arc<AtomicBool>) -> Option<tokio::runtime::Runtime> {
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
