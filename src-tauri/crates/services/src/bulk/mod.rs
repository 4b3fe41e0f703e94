//! Bulk bind / modify / unbind from CSV or XLSX.
//!
//! 1. [`preview`]: the headers and the detected [`ColumnMapping`] (the user may change it).
//! 2. [`dry_run`]: every row validated and checked against the file and the bindings cache;
//!    nothing is sent. [`create`] does the same and journals the rows as a job.
//! 3. [`start`]: the background job ([`JobHandle`]: progress, pause, resume, cancel); calling
//!    it again on a cancelled or interrupted job resumes it without sending any row twice.
//! 4. [`retry_failed`], [`results`], [`export`] (CSV with BOM or XLSX, numbers masked unless
//!    asked otherwise) and [`template`].

use maskline_domain::{Text, text};
use std::path::Path;

use maskline_domain::calls::mask_number;
use maskline_domain::jobs::{
    ColumnMapping, DryRunReport, JobKind, JobProgress, JobRowResult, JobState, JobSummary, RowState,
};
use maskline_domain::pools::XScope;
use maskline_domain::{Language, Mode};
use maskline_store::jobs;

use crate::scope::account_row;
use crate::{DbManager, ServiceError, audit};
use maskline_formats::sheet::{self, Table, read_table};

mod dryrun;
mod reconcile;
mod runner;
mod send;

pub use maskline_formats::bulk::{mapping, plan};
pub use runner::{JobControl, JobHandle, RATE_SHARE, RunOptions, start};

/// The file's headers and the mapping detected from them.
pub fn preview(path: &Path) -> Result<(Vec<String>, ColumnMapping), ServiceError> {
    let t = read_table(path)?;
    let m = mapping::detect(&t.headers);
    Ok((t.headers, m))
}

fn prepare(
    path: &Path,
    kind: JobKind,
    mode: Mode,
    m: Option<ColumnMapping>,
) -> Result<(Table, ColumnMapping), ServiceError> {
    let t = read_table(path)?;
    let m = m.unwrap_or_else(|| mapping::detect(&t.headers));
    let missing = mapping::missing(&m, kind, mode);
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|f| {
                let (en, zh) = mapping::header_of(*f);
                format!("{en} ({zh})")
            })
            .collect();
        return Err(ServiceError::Invalid {
            field: "columns".into(),
            message: Text::new(
                format!(
                    "{}: no column for {}; rename the header or choose the column",
                    t.file,
                    names.join(", ")
                ),
                format!(
                    "{}:缺少 {} 列;请修改表头或手动选择列",
                    t.file,
                    names.join(", ")
                ),
            ),
        });
    }
    Ok((t, m))
}

/// Validates every row of the file; sends nothing and stores nothing.
pub fn dry_run(
    dbm: &DbManager,
    account: Option<&str>,
    kind: JobKind,
    path: &Path,
    mapping: Option<ColumnMapping>,
    auto_x: Option<&XScope>,
) -> Result<DryRunReport, ServiceError> {
    let acc = account_row(dbm, account)?;
    let (t, m) = prepare(path, kind, acc.mode, mapping)?;
    Ok(dryrun::check(&dbm.db()?, acc.id, kind, acc.mode, &t, &m, auto_x)?.0)
}

/// Validates the file and journals it as a job (valid rows pending, the others invalid).
pub fn create(
    dbm: &DbManager,
    account: Option<&str>,
    kind: JobKind,
    path: &Path,
    mapping: Option<ColumnMapping>,
    auto_x: Option<&XScope>,
) -> Result<(i64, DryRunReport), ServiceError> {
    let acc = account_row(dbm, account)?;
    let (t, m) = prepare(path, kind, acc.mode, mapping)?;
    let db = dbm.db()?;
    let (report, rows) = dryrun::check(&db, acc.id, kind, acc.mode, &t, &m, auto_x)?;
    let who = audit::who();
    let id = jobs::create(
        &mut *db.conn()?,
        acc.id,
        kind,
        acc.mode,
        &t.file,
        &who,
        &rows,
    )?;
    audit::record(
        &db,
        Some(&acc.name),
        "bulk.create",
        &format!(
            "job {id} {} {} rows={} valid={}",
            acc.mode,
            kind.as_str(),
            report.rows,
            report.valid
        ),
        "0",
        true,
    )?;
    Ok((id, report))
}

/// Puts the failed rows of a job back in the queue; start the job again to send them.
pub fn retry_failed(dbm: &DbManager, job_id: i64) -> Result<usize, ServiceError> {
    let db = dbm.db()?;
    let conn = db.conn()?;
    let n = jobs::retry_failed(&conn, job_id)?;
    if n > 0 {
        jobs::set_state(&conn, job_id, JobState::Ready)?;
    }
    Ok(n)
}

/// A job the journal says is running or paused but that no runner of this process holds was
/// interrupted (the app or the CLI stopped): it is shown as cancelled, i.e. resumable.
fn summary(
    db: &maskline_store::Db,
    conn: &maskline_store::Conn,
    j: jobs::JobRow,
) -> Result<JobSummary, ServiceError> {
    let c = jobs::counts(conn, j.id)?;
    let state = match j.state {
        JobState::Running | JobState::Paused if !runner::is_running(db, j.id) => {
            JobState::Cancelled
        }
        s => s,
    };
    Ok(JobSummary {
        id: j.id,
        account_id: j.account_id,
        kind: j.kind,
        mode: j.mode,
        source: j.source,
        created_at: j.created_at,
        created_by: j.created_by,
        progress: JobProgress {
            job_id: j.id,
            state,
            total: c.pending + c.sending + c.ok + c.failed,
            done: c.ok + c.failed,
            ok: c.ok,
            failed: c.failed,
            invalid: c.invalid,
            rate_per_sec: 0.0,
        },
    })
}

/// One job with its counts.
pub fn get(dbm: &DbManager, job_id: i64) -> Result<JobSummary, ServiceError> {
    let db = dbm.db()?;
    let conn = db.conn()?;
    let j = jobs::get(&conn, job_id)?.ok_or_else(|| {
        ServiceError::NotFound(text!("no bulk job {job_id}", "没有批量任务 {job_id}"))
    })?;
    summary(&db, &conn, j)
}

/// The account's jobs, newest first.
pub fn list(dbm: &DbManager, account: Option<&str>) -> Result<Vec<JobSummary>, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    let conn = db.conn()?;
    jobs::list(&conn, acc.id)?
        .into_iter()
        .map(|j| summary(&db, &conn, j))
        .collect()
}

/// Per-row results in file order (`page` from 1), optionally of one state.
pub fn results(
    dbm: &DbManager,
    job_id: i64,
    state: Option<RowState>,
    page: u32,
    page_size: u32,
) -> Result<Vec<JobRowResult>, ServiceError> {
    let size = page_size.clamp(1, 10_000);
    let db = dbm.db()?;
    Ok(jobs::results(
        &*db.conn()?,
        job_id,
        state,
        (page.max(1) - 1) * size,
        size,
    )?)
}

const RESULT_HEADERS: [&str; 8] = [
    "行 row",
    "结果 state",
    "A",
    "B",
    "X",
    "绑定ID subscriptionId",
    "结果码 resultCode",
    "原因 reason",
];

/// Writes every row's result to `path`: XLSX for `.xlsx`, otherwise CSV with a UTF-8 BOM.
/// A and B are masked (`+86 138****8000`) unless `unmask`; X is the operator's own number and
/// stays whole. Every export is recorded in the audit log, saying whether it held full numbers.
pub fn export(
    dbm: &DbManager,
    job_id: i64,
    path: &Path,
    unmask: bool,
) -> Result<usize, ServiceError> {
    let account = {
        let db = dbm.db()?;
        let conn = db.conn()?;
        let job = jobs::get(&conn, job_id)?.ok_or_else(|| {
            ServiceError::NotFound(text!("no bulk job {job_id}", "没有批量任务 {job_id}"))
        })?;
        maskline_store::accounts::get(&conn, job.account_id)?.map(|a| a.name)
    };
    let rows = results(dbm, job_id, None, 1, u32::MAX)?;
    let number = |n: Option<String>| match n {
        Some(n) if !unmask => mask_number(&n),
        n => n.unwrap_or_default(),
    };
    let cells: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            vec![
                r.row.to_string(),
                r.state.as_str().into(),
                number(r.a),
                number(r.b),
                r.x.unwrap_or_default(),
                r.subscription_id.unwrap_or_default(),
                r.result_code.unwrap_or_default(),
                r.reason.map(|t| t.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    write_by_extension(path, &RESULT_HEADERS, &cells)?;
    audit::record(
        &dbm.db()?,
        account.as_deref(),
        "bulk.export",
        &format!(
            "job {job_id}, {n} rows{} / 任务 {job_id}，{n} 行{}",
            if unmask { ", full numbers" } else { "" },
            if unmask { "，完整号码" } else { "" },
            n = cells.len(),
        ),
        "0",
        true,
    )?;
    Ok(cells.len())
}

fn write_by_extension(
    path: &Path,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<(), ServiceError> {
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        Ok(sheet::write_xlsx(path, headers, rows)?)
    } else {
        Ok(sheet::write_csv(path, headers, rows)?)
    }
}

/// Writes an empty template (headers and one example row) for a job of `kind` in `mode`, with
/// headers in `lang` (`Auto` = both: "A号码 A"), as XLSX or CSV by the extension.
pub fn template(
    kind: JobKind,
    mode: Mode,
    lang: Language,
    path: &Path,
) -> Result<(), ServiceError> {
    let (required, optional) = mapping::fields_for(kind, mode);
    let fields: Vec<_> = required.iter().chain(optional).copied().collect();
    let headers: Vec<String> = fields
        .iter()
        .map(|f| {
            let (en, zh) = mapping::header_of(*f);
            match lang {
                Language::En => en.to_string(),
                Language::ZhCn => zh.to_string(),
                Language::Auto => format!("{zh} {en}"),
            }
        })
        .collect();
    let example: Vec<String> = fields
        .iter()
        .map(|f| plan::example(*f).to_string())
        .collect();
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    write_by_extension(path, &refs, &[example])
}
