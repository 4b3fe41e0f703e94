//! `maskline import PATH…`: CDR and call-event files or folders into the local database.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clap::Args;
use maskline_domain::import::{FileReport, ImportStatus};
use maskline_services::import::{ImportOptions, import_paths, reset_interrupted};

#[derive(Args)]
pub struct ImportArgs {
    /// Files or folders (JSON, JSON Lines, gzip; folders are read recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print the per-file report as JSON.
    #[arg(long)]
    json: bool,
    /// Records per transaction.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
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
    let cancel = AtomicBool::new(false);
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
    let reports = match import_paths(&dbm, &args.paths, &opts, &cancel, &mut progress) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
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
        }
        println!("{records} records in {secs:.1} s");
    }
    if reports.iter().all(|r| r.status == ImportStatus::Done) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
