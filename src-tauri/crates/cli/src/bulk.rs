//! `maskline bulk bind|modify|unbind FILE`, `bulk retry|export|list|template`: bulk jobs from
//! CSV/XLSX over `maskline_services::bulk`.
//!
//! A run validates the whole file first (the dry run) and journals it; `--dry-run` stops
//! there. Progress goes to stderr; Ctrl-C cancels after the requests in flight and prints how
//! to resume (`--resume JOB`: no row is sent twice). Exit codes: 0 every row ok (or, with
//! `--dry-run`, every row valid); 1 some rows failed or were refused, or the job stopped;
//! 2 bad arguments or an unreadable file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use maskline_domain::jobs::{
    BulkField, ColumnMapping, DryRunReport, JobKind, JobState, MappedColumn,
};
use maskline_domain::pools::XScope;
use maskline_domain::{Language, Mode};
use maskline_services::bindings::Session;
use maskline_services::bulk::{self, RunOptions};
use maskline_services::{DbManager, ServiceError, paths};
use serde_json::json;

#[derive(Subcommand)]
pub enum BulkCommand {
    /// Bind every row of a CSV or XLSX file (columns A, B, X, duration, …; see `bulk template`).
    Bind(RunArgs),
    /// Modify the bindings listed in a file (subscriptionId plus the fields to change).
    Modify(RunArgs),
    /// Unbind the bindings listed in a file (subscriptionId, or A and X found in the local cache).
    Unbind(RunArgs),
    /// Send the failed rows of a job again.
    Retry {
        job: i64,
        #[command(flatten)]
        common: Common,
    },
    /// Write a job's per-row results: XLSX for *.xlsx, otherwise CSV with a UTF-8 BOM.
    /// A and B are masked unless `--unmask` (recorded in the audit log).
    Export {
        job: i64,
        out: PathBuf,
        /// Write the full A and B numbers instead of masked ones.
        #[arg(long)]
        unmask: bool,
    },
    /// The account's jobs with their counts.
    List {
        #[command(flatten)]
        common: Common,
    },
    /// Write an empty template (XLSX or CSV by extension) with headers in zh, en or both.
    Template {
        kind: KindArg,
        out: PathBuf,
        #[arg(long, default_value = "AXB")]
        mode: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
    },
}

#[derive(Args)]
pub struct Common {
    /// The account to use (default: the active account).
    #[arg(long, value_name = "NAME")]
    account: Option<String>,
    /// Print JSON (full numbers) instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct RunArgs {
    /// The CSV (UTF-8 or GBK) or XLSX file. Not needed with --resume.
    file: Option<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// Validate every row and report; send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Continue a cancelled or interrupted job.
    #[arg(long, value_name = "JOB")]
    resume: Option<i64>,
    /// Column overrides, e.g. `--map a=3 --map x="隐私号码"` (1-based column or header).
    #[arg(long, value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// Rows without X get the least-used free X of this pool…
    #[arg(long)]
    pool: Option<String>,
    /// …or of this city (area code).
    #[arg(long)]
    city: Option<String>,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Bind,
    Modify,
    Unbind,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
    Both,
}

fn field(name: &str) -> Option<BulkField> {
    Some(
        match name.to_ascii_lowercase().replace(['_', '-'], "").as_str() {
            "a" => BulkField::A,
            "b" => BulkField::B,
            "x" => BulkField::X,
            "areacode" | "city" => BulkField::AreaCode,
            "duration" | "durationsecs" => BulkField::DurationSecs,
            "direction" => BulkField::Direction,
            "record" => BulkField::Record,
            "recordhinttone" => BulkField::RecordHintTone,
            "userdata" => BulkField::UserData,
            "subscriptionid" | "sub" => BulkField::SubscriptionId,
            _ => return None,
        },
    )
}

/// The detected mapping with `--map` overrides applied.
fn mapping(file: &Path, overrides: &[String]) -> Result<Option<ColumnMapping>, String> {
    if overrides.is_empty() {
        return Ok(None);
    }
    let (headers, mut m) = bulk::preview(file).map_err(|e| e.to_string())?;
    for o in overrides {
        let (f, col) = o
            .split_once('=')
            .ok_or(format!("--map {o}: use FIELD=COLUMN"))?;
        let f = field(f).ok_or(format!("--map {o}: unknown field {f:?}"))?;
        let col = col.trim_matches('"');
        let idx = match col.parse::<u32>() {
            Ok(n) if n >= 1 => n - 1,
            _ => headers
                .iter()
                .position(|h| h == col)
                .ok_or(format!("--map {o}: no column named {col:?}"))? as u32,
        };
        m.columns.retain(|c| c.field != f);
        m.columns.push(MappedColumn {
            field: f,
            column: idx,
            header: headers.get(idx as usize).cloned().unwrap_or_default(),
        });
    }
    Ok(Some(m))
}

pub(crate) fn fail(e: &ServiceError) -> ExitCode {
    eprintln!("error: {e}");
    match e {
        ServiceError::Invalid { .. } | ServiceError::WrongMode { .. } => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

fn print_dry_run(r: &DryRunReport, json: bool) {
    if json {
        println!("{}", serde_json::to_value(r).unwrap_or_default());
        return;
    }
    println!(
        "{} rows: {} valid, {} invalid, {} duplicates, {} conflicts",
        r.rows, r.valid, r.invalid, r.duplicates, r.conflicts
    );
    for i in r.issues.iter().take(50) {
        println!("  {:?}: {}", i.kind, i.error);
    }
    if r.issues.len() > 50 {
        println!(
            "  … {} more (export the job for all of them)",
            r.issues.len() - 50
        );
    }
}

pub fn run(cmd: BulkCommand, dbm: &DbManager) -> ExitCode {
    match cmd {
        BulkCommand::Bind(a) => job(JobKind::Bind, a, dbm),
        BulkCommand::Modify(a) => job(JobKind::Modify, a, dbm),
        BulkCommand::Unbind(a) => job(JobKind::Unbind, a, dbm),
        BulkCommand::Retry { job: id, common } => match bulk::retry_failed(dbm, id) {
            Ok(n) => {
                eprintln!("{n} failed row(s) queued again");
                execute(dbm, &common, id, 16)
            }
            Err(e) => fail(&e),
        },
        BulkCommand::Export { job, out, unmask } => match bulk::export(dbm, job, &out, unmask) {
            Ok(n) => {
                let how = if unmask {
                    "with full numbers"
                } else {
                    "numbers masked; --unmask for full numbers"
                };
                println!("{n} rows written to {} ({how})", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        BulkCommand::List { common } => match bulk::list(dbm, common.account.as_deref()) {
            Ok(jobs) if common.json => {
                println!("{}", serde_json::to_value(&jobs).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Ok(jobs) => {
                for j in jobs {
                    let p = &j.progress;
                    println!(
                        "job {} {:?} {} {} from {}: {:?}, {}/{} done, {} ok, {} failed, {} invalid",
                        j.id,
                        j.kind,
                        j.mode,
                        j.created_at,
                        j.source,
                        p.state,
                        p.done,
                        p.total,
                        p.ok,
                        p.failed,
                        p.invalid
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        BulkCommand::Template {
            kind,
            out,
            mode,
            lang,
        } => {
            let Some(mode) = Mode::parse(&mode) else {
                eprintln!(
                    "{}",
                    maskline_domain::text!(
                        "error: --mode must be AXB, AX, AXE or AXYB",
                        "错误:--mode 只能是 AXB、AX、AXE 或 AXYB"
                    )
                );
                return ExitCode::from(2);
            };
            let kind = match kind {
                KindArg::Bind => JobKind::Bind,
                KindArg::Modify => JobKind::Modify,
                KindArg::Unbind => JobKind::Unbind,
            };
            let lang = match lang {
                LangArg::Zh => Language::ZhCn,
                LangArg::En => Language::En,
                LangArg::Both => Language::Auto,
            };
            match bulk::template(kind, mode, lang, &out) {
                Ok(()) => {
                    println!("template written to {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
    }
}

fn job(kind: JobKind, a: RunArgs, dbm: &DbManager) -> ExitCode {
    let id = match (a.resume, &a.file) {
        (Some(id), _) => id,
        (None, None) => {
            eprintln!(
                "{}",
                maskline_domain::text!(
                    "error: give a FILE, or --resume JOB",
                    "错误:请给出文件,或用 --resume JOB 继续任务"
                )
            );
            return ExitCode::from(2);
        }
        (None, Some(file)) => {
            let m = match mapping(file, &a.map) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let scope = match (&a.pool, &a.city) {
                (Some(p), _) => Some(XScope::Pool(p.clone())),
                (None, Some(c)) => Some(XScope::City(c.clone())),
                (None, None) => None,
            };
            let account = a.common.account.as_deref();
            if a.dry_run {
                return match bulk::dry_run(dbm, account, kind, file, m, scope.as_ref()) {
                    Ok(r) => {
                        print_dry_run(&r, a.common.json);
                        if r.valid == r.rows {
                            ExitCode::SUCCESS
                        } else {
                            ExitCode::FAILURE
                        }
                    }
                    Err(e) => fail(&e),
                };
            }
            match bulk::create(dbm, account, kind, file, m, scope.as_ref()) {
                Ok((id, r)) => {
                    if !a.common.json {
                        print_dry_run(&r, false);
                        eprintln!("job {id}: sending {} row(s)", r.valid);
                    }
                    id
                }
                Err(e) => return fail(&e),
            }
        }
    };
    execute(dbm, &a.common, id, a.concurrency)
}

/// Runs (or resumes) a job to its end on a runtime of its own; Ctrl-C cancels it.
fn execute(dbm: &DbManager, common: &Common, id: i64, concurrency: usize) -> ExitCode {
    let session = match Session::open(dbm, &paths::keyring_store(), common.account.as_deref()) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let opts = RunOptions {
        concurrency,
        ..Default::default()
    };
    let result = rt.block_on(async {
        let handle = bulk::start(session, id, opts)?;
        let mut progress = handle.progress();
        let printer = tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(1)).await;
                let p = progress.borrow_and_update().clone();
                eprint!(
                    "\r{}/{} done, {} ok, {} failed, {:.0}/s   ",
                    p.done, p.total, p.ok, p.failed, p.rate_per_sec
                );
            }
        });
        let control = handle.control();
        let ctrl_c = tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                eprintln!("\ncancelling after the requests in flight…");
                control.cancel();
            }
        });
        let outcome = handle.wait().await;
        printer.abort();
        ctrl_c.abort();
        eprintln!();
        outcome
    });
    match result {
        Ok(p) => {
            let summary = json!({"job": id, "state": p.state, "total": p.total, "ok": p.ok, "failed": p.failed, "invalid": p.invalid});
            if common.json {
                println!("{summary}");
            } else {
                println!(
                    "job {id}: {:?}, {} ok, {} failed, {} invalid of {} rows",
                    p.state,
                    p.ok,
                    p.failed,
                    p.invalid,
                    p.total + p.invalid
                );
                if p.state != JobState::Done {
                    println!("resume with: maskline bulk bind --resume {id}");
                } else if p.failed > 0 {
                    println!(
                        "export the results with: maskline bulk export {id} results.xlsx; resend failures: maskline bulk retry {id}"
                    );
                }
            }
            if p.state == JobState::Done && p.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => fail(&e),
    }
}
