//! The `jobs` and `job_rows` tables: the journal of bulk jobs.
//!
//! Row life cycle: `pending → sending → ok | failed` (`invalid` rows are never sent). Every
//! transition is its own committed statement; [`mark_sending`] commits before the request
//! goes out, which is what lets a resumed job check `sending` rows on the platform instead of
//! sending them a second time.

use maskline_domain::Mode;
use maskline_domain::jobs::{JobKind, JobRowResult, JobState, RowState};
use rusqlite::{Connection, OptionalExtension};

use crate::StoreError;

/// A row of a new job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRow {
    pub row_no: u32,
    /// `Pending` or `Invalid`.
    pub state: RowState,
    /// The validated request, as the services crate serialises it.
    pub payload: String,
    pub a: Option<String>,
    pub b: Option<String>,
    pub x: Option<String>,
    pub subscription_id: Option<String>,
    /// Why an invalid row was refused.
    pub reason: Option<maskline_domain::Text>,
}

/// A job's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub id: i64,
    pub account_id: i64,
    pub kind: JobKind,
    pub mode: Mode,
    pub source: String,
    pub state: JobState,
    pub created_by: String,
    pub created_at: String,
    pub finished_at: Option<String>,
}

/// How many rows are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub invalid: u32,
    pub pending: u32,
    pub sending: u32,
    pub ok: u32,
    pub failed: u32,
}

/// Creates a job with all its rows in one transaction.
pub fn create(
    conn: &mut Connection,
    account_id: i64,
    kind: JobKind,
    mode: Mode,
    source: &str,
    created_by: &str,
    rows: &[NewRow],
) -> Result<i64, StoreError> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO jobs (account_id, kind, mode, source, state, created_by)
         VALUES (?1, ?2, ?3, ?4, 'ready', ?5)",
        (account_id, kind.as_str(), mode.as_str(), source, created_by),
    )?;
    let id = tx.last_insert_rowid();
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO job_rows (job_id, row_no, state, payload, a, b, x, subscription_id, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for r in rows {
            ins.execute(rusqlite::params![
                id,
                r.row_no,
                r.state.as_str(),
                r.payload,
                r.a,
                r.b,
                r.x,
                r.subscription_id,
                r.reason.as_ref().map(maskline_domain::Text::to_stored)
            ])?;
        }
    }
    tx.commit()?;
    Ok(id)
}

fn job_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<JobRow> {
    let kind: String = r.get(2)?;
    let mode: String = r.get(3)?;
    let state: String = r.get(5)?;
    Ok(JobRow {
        id: r.get(0)?,
        account_id: r.get(1)?,
        kind: JobKind::parse(&kind).unwrap_or(JobKind::Bind),
        mode: Mode::parse(&mode).unwrap_or(Mode::Axb),
        source: r.get(4)?,
        state: JobState::parse(&state).unwrap_or(JobState::Cancelled),
        created_by: r.get(6)?,
        created_at: r.get(7)?,
        finished_at: r.get(8)?,
    })
}

const JOB_COLUMNS: &str =
    "id, account_id, kind, mode, source, state, created_by, created_at, finished_at";

pub fn get(conn: &Connection, id: i64) -> Result<Option<JobRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = ?1"),
            [id],
            job_from_row,
        )
        .optional()?)
}

/// The account's jobs, newest first.
pub fn list(conn: &Connection, account_id: i64) -> Result<Vec<JobRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {JOB_COLUMNS} FROM jobs WHERE account_id = ?1 ORDER BY id DESC"
    ))?;
    let rows = stmt
        .query_map([account_id], job_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn set_state(conn: &Connection, id: i64, state: JobState) -> Result<(), StoreError> {
    let finished = matches!(state, JobState::Done | JobState::Cancelled);
    conn.execute(
        "UPDATE jobs SET state = ?2,
            finished_at = CASE WHEN ?3 THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE NULL END
         WHERE id = ?1",
        (id, state.as_str(), finished),
    )?;
    Ok(())
}

pub fn counts(conn: &Connection, id: i64) -> Result<Counts, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT state, COUNT(*) FROM job_rows WHERE job_id = ?1 GROUP BY state")?;
    let mut c = Counts::default();
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    for row in rows {
        let (state, n) = row?;
        match RowState::parse(&state) {
            Some(RowState::Invalid) => c.invalid = n,
            Some(RowState::Pending) => c.pending = n,
            Some(RowState::Sending) => c.sending = n,
            Some(RowState::Ok) => c.ok = n,
            Some(RowState::Failed) => c.failed = n,
            None => {}
        }
    }
    Ok(c)
}

/// Rows in `state`, in file order: `(row_no, payload)`.
pub fn rows_in(
    conn: &Connection,
    id: i64,
    state: RowState,
    limit: u32,
) -> Result<Vec<(u32, String)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT row_no, payload FROM job_rows WHERE job_id = ?1 AND state = ?2
         ORDER BY row_no LIMIT ?3",
    )?;
    let rows = stmt
        .query_map((id, state.as_str(), limit), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// `pending → sending`, committed on its own. False if the row was not pending.
pub fn mark_sending(conn: &Connection, id: i64, row_no: u32) -> Result<bool, StoreError> {
    let n = conn.execute(
        "UPDATE job_rows SET state = 'sending', attempts = attempts + 1
         WHERE job_id = ?1 AND row_no = ?2 AND state = 'pending'",
        (id, row_no),
    )?;
    Ok(n == 1)
}

/// The outcome of a row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    pub ok: bool,
    pub subscription_id: Option<String>,
    pub x: Option<String>,
    pub result_code: Option<String>,
    pub reason: Option<maskline_domain::Text>,
}

/// `sending → ok | failed`.
pub fn finish_row(conn: &Connection, id: i64, row_no: u32, o: &Outcome) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE job_rows SET state = ?3, subscription_id = COALESCE(?4, subscription_id),
            x = COALESCE(?5, x), result_code = ?6, reason = ?7
         WHERE job_id = ?1 AND row_no = ?2",
        rusqlite::params![
            id,
            row_no,
            if o.ok { "ok" } else { "failed" },
            o.subscription_id,
            o.x,
            o.result_code,
            o.reason.as_ref().map(maskline_domain::Text::to_stored)
        ],
    )?;
    Ok(())
}

/// `sending → pending`: the platform check showed the request never took effect.
pub fn back_to_pending(conn: &Connection, id: i64, row_no: u32) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE job_rows SET state = 'pending' WHERE job_id = ?1 AND row_no = ?2 AND state = 'sending'",
        (id, row_no),
    )?;
    Ok(())
}

/// `failed → pending` for every failed row; returns how many.
pub fn retry_failed(conn: &Connection, id: i64) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE job_rows SET state = 'pending', result_code = NULL, reason = NULL
         WHERE job_id = ?1 AND state = 'failed'",
        [id],
    )?)
}

/// Per-row results in file order (optionally one state), for the UI and exports.
pub fn results(
    conn: &Connection,
    id: i64,
    state: Option<RowState>,
    offset: u32,
    limit: u32,
) -> Result<Vec<JobRowResult>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT row_no, state, a, b, x, subscription_id, result_code, reason FROM job_rows
         WHERE job_id = ?1 AND (?2 IS NULL OR state = ?2) ORDER BY row_no LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt
        .query_map((id, state.map(RowState::as_str), limit, offset), |r| {
            let state: String = r.get(1)?;
            Ok(JobRowResult {
                row: r.get(0)?,
                state: RowState::parse(&state).unwrap_or(RowState::Failed),
                a: r.get(2)?,
                b: r.get(3)?,
                x: r.get(4)?,
                subscription_id: r.get(5)?,
                result_code: r.get(6)?,
                reason: r
                    .get::<_, Option<String>>(7)?
                    .map(|s| maskline_domain::Text::from_stored(&s)),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Times a row was marked `sending` (for tests and support: a row sent once has 1).
pub fn attempts(conn: &Connection, id: i64, row_no: u32) -> Result<u32, StoreError> {
    Ok(conn.query_row(
        "SELECT attempts FROM job_rows WHERE job_id = ?1 AND row_no = ?2",
        (id, row_no),
        |r| r.get(0),
    )?)
}
