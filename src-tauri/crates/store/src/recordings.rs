//! The `recordings` table: fetch state and local-copy metadata of recorded calls, and the
//! Recordings page's reads (recorded calls joined with their state).
//!
//! A recorded call without a row is waiting. The state the UI sees is *effective*: a
//! not-fetched recording past the platform's retention is `expired` ([`state_sql`]), so no
//! background job is needed to age rows.

use maskline_domain::calls::{CallFilter, CallRow};
use maskline_domain::recordings::{
    PLATFORM_RETENTION_SECS, RecordingFilter, RecordingState, RecordingSummary,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use crate::StoreError;
use crate::call_query::{ROW_COLUMNS, Where, row};

/// One row of `recordings`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecRow {
    pub state: RecordingState,
    pub attempts: u32,
    pub next_attempt_at: Option<i64>,
    pub error: Option<maskline_domain::Text>,
    pub error_kind: Option<String>,
    pub file_name: Option<String>,
    pub sha256: Option<String>,
    pub bytes: Option<i64>,
    pub duration_ms: Option<i64>,
    pub format: Option<String>,
    pub fetched_at: Option<i64>,
    pub last_played_at: Option<i64>,
    pub pinned: bool,
}

/// A call as the recordings code needs it, with its row (if any) and its effective state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecCall {
    /// The call as the Calls page lists it (the same row mapper).
    pub call: CallRow,
    pub app_key: Option<String>,
    pub record_object_name: Option<String>,
    pub record_domain: Option<String>,
    /// Effective state (`expired` when past retention and not fetched); `None` = not recorded.
    pub state: Option<RecordingState>,
    pub rec: Option<RecRow>,
}

impl RecCall {
    pub fn deletes_at(&self) -> i64 {
        maskline_domain::recordings::platform_deletes_at(self.call.start_time, self.call.end_time)
    }
}

/// SQL of a call's platform deletion time over `calls c`.
pub const DELETES_AT_SQL: &str = "(coalesce(c.end_time, c.start_time) + 604800)";
const _: () = assert!(PLATFORM_RETENTION_SECS == 604_800);

/// SQL of the effective state over `calls c LEFT JOIN recordings r`, `now` being `?{p}`.
pub fn state_sql(p: usize) -> String {
    format!(
        "(CASE WHEN c.has_recording = 0 THEN NULL \
          WHEN coalesce(r.state, 'waiting') IN ('waiting', 'failed', 'evicted') \
               AND {DELETES_AT_SQL} <= ?{p} THEN 'expired' \
          ELSE coalesce(r.state, 'waiting') END)"
    )
}

/// Selected after the Calls page's columns ([`ROW_COLUMNS`], read by the same mapper).
const REC_COLUMNS: &str = "c.app_key, c.record_object_name, c.record_domain, r.state, \
    r.attempts, r.next_attempt_at, r.error, r.error_kind, r.file_name, r.sha256, r.bytes, \
    r.duration_ms, r.format, r.fetched_at, r.last_played_at, r.pinned";
/// Index of the first of [`REC_COLUMNS`].
const REC: usize = 12;

fn parse_state(s: Option<String>) -> Option<RecordingState> {
    s.as_deref().and_then(RecordingState::parse)
}

fn rec_call(r: &Row<'_>) -> rusqlite::Result<RecCall> {
    let stored: Option<String> = r.get(REC + 3)?;
    let rec = match parse_state(stored) {
        Some(state) => Some(RecRow {
            state,
            attempts: r.get::<_, i64>(REC + 4)?.max(0) as u32,
            next_attempt_at: r.get(REC + 5)?,
            error: r
                .get::<_, Option<String>>(REC + 6)?
                .map(|s| maskline_domain::Text::from_stored(&s)),
            error_kind: r.get(REC + 7)?,
            file_name: r.get(REC + 8)?,
            sha256: r.get(REC + 9)?,
            bytes: r.get(REC + 10)?,
            duration_ms: r.get(REC + 11)?,
            format: r.get(REC + 12)?,
            fetched_at: r.get(REC + 13)?,
            last_played_at: r.get(REC + 14)?,
            pinned: r.get::<_, i64>(REC + 15)? == 1,
        }),
        None => None,
    };
    Ok(RecCall {
        call: row(r)?,
        app_key: r.get(REC)?,
        record_object_name: r.get(REC + 1)?,
        record_domain: r.get(REC + 2)?,
        state: parse_state(r.get(REC + 16)?),
        rec,
    })
}

/// The Recordings page filter as a `WHERE` over `calls c LEFT JOIN recordings r`; the
/// effective-state expression is appended as the last parameter `now`.
fn where_of(f: &RecordingFilter, now: i64) -> (String, Vec<Value>, usize) {
    let calls = CallFilter {
        from: f.from,
        to: f.to,
        number: f.number.clone(),
        min_talk_seconds: f.min_seconds,
        max_talk_seconds: f.max_seconds,
        has_recording: Some(true),
        ..Default::default()
    };
    let w = Where::new(&calls);
    let mut params = w.params;
    params.push(Value::Integer(now));
    let p = params.len();
    let state = state_sql(p);
    // Always present, so that `now` is used by every statement built from this.
    let mut parts = vec![w.sql, format!("{state} IS NOT NULL")];
    if !f.states.is_empty() {
        let names: Vec<String> = f
            .states
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        parts.push(format!("{state} IN ({})", names.join(", ")));
    }
    if f.pinned_only {
        parts.push("coalesce(r.pinned, 0) = 1".into());
    }
    if let Some(within) = f.expiring_within {
        params.push(Value::Integer(now.saturating_add(within.max(0))));
        parts.push(format!(
            "{state} IN ('waiting', 'fetching', 'failed', 'evicted') AND {DELETES_AT_SQL} <= ?{}",
            params.len()
        ));
    }
    (parts.join(" AND "), params, p)
}

/// Rows `offset .. offset + limit` of the filter, newest call first.
pub fn page(
    conn: &Connection,
    f: &RecordingFilter,
    now: i64,
    offset: u64,
    limit: u32,
) -> Result<Vec<RecCall>, StoreError> {
    let (w, params, p) = where_of(f, now);
    let sql = format!(
        "SELECT {ROW_COLUMNS}, {REC_COLUMNS}, {} FROM calls c LEFT JOIN recordings r ON r.call_id = c.id
         WHERE {w} ORDER BY c.start_time DESC, c.id DESC LIMIT {limit} OFFSET {offset}",
        state_sql(p)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(params.iter()), rec_call)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection, f: &RecordingFilter, now: i64) -> Result<u64, StoreError> {
    let (w, params, _) = where_of(f, now);
    let sql = format!(
        "SELECT count(*) FROM calls c LEFT JOIN recordings r ON r.call_id = c.id WHERE {w}"
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(params.iter()), |r| r.get(0))?;
    Ok(n as u64)
}

/// One call (recorded or not) with its recording row.
pub fn call(conn: &Connection, call_id: i64, now: i64) -> Result<Option<RecCall>, StoreError> {
    let sql = format!(
        "SELECT {ROW_COLUMNS}, {REC_COLUMNS}, {} FROM calls c LEFT JOIN recordings r ON r.call_id = c.id
         WHERE c.id = ?1",
        state_sql(2)
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![call_id, now], rec_call)
        .optional()?)
}

/// What a fetch job works on by default: waiting, failed and evicted recordings still on the
/// platform (calls since `since`), soonest deletion first.
pub fn queue(
    conn: &Connection,
    since: Option<i64>,
    now: i64,
    limit: u32,
) -> Result<Vec<RecCall>, StoreError> {
    let sql = format!(
        "SELECT {ROW_COLUMNS}, {REC_COLUMNS}, {st} FROM calls c LEFT JOIN recordings r ON r.call_id = c.id
         WHERE c.has_recording = 1 AND c.start_time >= ?2
           AND {st} IN ('waiting', 'failed', 'evicted')
         ORDER BY {DELETES_AT_SQL}, c.id LIMIT {limit}",
        st = state_sql(1)
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params![now, since.unwrap_or(i64::MIN)], rec_call)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Counts per effective state, what expires within a day, and the soonest deletion.
pub fn summary(conn: &Connection, now: i64) -> Result<RecordingSummary, StoreError> {
    let sql = format!(
        "SELECT st, count(*), sum(st IN ('waiting', 'fetching', 'failed', 'evicted')
                                  AND d <= ?1 + 86400),
                min(CASE WHEN st IN ('waiting', 'fetching', 'failed', 'evicted') THEN d END)
         FROM (SELECT {} AS st, {DELETES_AT_SQL} AS d
               FROM calls c LEFT JOIN recordings r ON r.call_id = c.id
               WHERE c.has_recording = 1)
         GROUP BY st",
        state_sql(1)
    );
    let mut out = RecordingSummary::default();
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([now])?;
    while let Some(r) = rows.next()? {
        let st: Option<String> = r.get(0)?;
        let n = r.get::<_, i64>(1)? as u64;
        out.expiring_within_day += r.get::<_, Option<i64>>(2)?.unwrap_or(0) as u64;
        if let Some(d) = r.get::<_, Option<i64>>(3)? {
            out.next_deletion_at = Some(out.next_deletion_at.map_or(d, |m: i64| m.min(d)));
        }
        match parse_state(st) {
            Some(RecordingState::Waiting) => out.waiting += n,
            Some(RecordingState::Fetching) => out.fetching += n,
            Some(RecordingState::Fetched) => out.fetched += n,
            Some(RecordingState::Failed) => out.failed += n,
            Some(RecordingState::Expired) => out.expired += n,
            Some(RecordingState::Evicted) => out.evicted += n,
            _ => {}
        }
    }
    Ok(out)
}

/// A verified local copy, recorded in one statement when it is in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub file_name: String,
    pub sha256: String,
    pub bytes: i64,
    pub duration_ms: Option<i64>,
    pub format: String,
    pub fetched_at: i64,
    pub lru_ms: i64,
}

/// Marks a recording `fetching` unless another job has it, it is fetched, or the platform
/// said it no longer exists. `true` when this caller now owns it.
pub fn claim(conn: &Connection, call_id: i64, now: i64) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(
            "INSERT INTO recordings (call_id, state, updated_at) VALUES (?1, 'fetching', ?2)
             ON CONFLICT (call_id) DO UPDATE SET state = 'fetching', updated_at = ?2
               WHERE state IN ('waiting', 'failed', 'evicted')",
        )?
        .execute(params![call_id, now])?;
    Ok(n == 1)
}

/// A claimed recording goes back to waiting (cancelled before it finished).
pub fn release(conn: &Connection, call_id: i64, now: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE recordings SET state = 'waiting', updated_at = ?2
         WHERE call_id = ?1 AND state = 'fetching'",
    )?
    .execute(params![call_id, now])?;
    Ok(())
}

/// At start-up: every `fetching` row was interrupted (crash, kill) and waits again.
pub fn reset_fetching(conn: &Connection, now: i64) -> Result<u64, StoreError> {
    let n = conn
        .prepare_cached(
            "UPDATE recordings SET state = 'waiting', updated_at = ?1 WHERE state = 'fetching'",
        )?
        .execute([now])?;
    Ok(n as u64)
}

/// The attempt failed (`expired` = the platform no longer has it: not retried).
pub fn set_failed(
    conn: &Connection,
    call_id: i64,
    expired: bool,
    kind: &str,
    error: &maskline_domain::Text,
    next_attempt_at: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    let state = if expired { "expired" } else { "failed" };
    conn.prepare_cached(
        "INSERT INTO recordings (call_id, state, attempts, error_kind, error, next_attempt_at,
                                 updated_at)
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6)
         ON CONFLICT (call_id) DO UPDATE SET state = ?2, attempts = attempts + 1,
           error_kind = ?3, error = ?4, next_attempt_at = ?5, updated_at = ?6,
           file_name = NULL",
    )?
    .execute(params![
        call_id,
        state,
        kind,
        error.to_stored(),
        next_attempt_at,
        now
    ])?;
    Ok(())
}

pub fn set_fetched(conn: &Connection, call_id: i64, f: &Fetched) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO recordings (call_id, state, attempts, file_name, sha256, bytes, duration_ms,
                                 format, fetched_at, lru_ms, updated_at)
         VALUES (?1, 'fetched', 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)
         ON CONFLICT (call_id) DO UPDATE SET state = 'fetched', attempts = attempts + 1,
           file_name = ?2, sha256 = ?3, bytes = ?4, duration_ms = ?5, format = ?6,
           fetched_at = ?7, lru_ms = ?8, updated_at = ?7, error = NULL, error_kind = NULL,
           next_attempt_at = NULL",
    )?
    .execute(params![
        call_id,
        f.file_name,
        f.sha256,
        f.bytes,
        f.duration_ms,
        f.format,
        f.fetched_at,
        f.lru_ms
    ])?;
    Ok(())
}

/// The local copy is gone (size limit or "delete local copy"); it may be fetched again.
pub fn set_evicted(conn: &Connection, call_id: i64, now: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE recordings SET state = 'evicted', file_name = NULL, updated_at = ?2
         WHERE call_id = ?1 AND state = 'fetched'",
    )?
    .execute(params![call_id, now])?;
    Ok(())
}

/// Pins or unpins recorded calls (a row is created for a call not fetched yet). Returns how
/// many recorded calls were changed.
pub fn set_pinned(
    conn: &Connection,
    call_ids: &[i64],
    pinned: bool,
    now: i64,
) -> Result<u64, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO recordings (call_id, state, pinned, updated_at)
         SELECT id, 'waiting', ?2, ?3 FROM calls WHERE id = ?1 AND has_recording = 1
         ON CONFLICT (call_id) DO UPDATE SET pinned = ?2, updated_at = ?3",
    )?;
    let mut n = 0;
    for id in call_ids {
        n += stmt.execute(params![id, pinned, now])? as u64;
    }
    Ok(n)
}

pub fn mark_played(
    conn: &Connection,
    call_id: i64,
    now: i64,
    now_ms: i64,
) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(
            "UPDATE recordings SET last_played_at = ?2, lru_ms = ?3, updated_at = ?2
             WHERE call_id = ?1 AND state = 'fetched'",
        )?
        .execute(params![call_id, now, now_ms])?;
    Ok(n == 1)
}

/// Fetched, unpinned copies, least recently used first: `(call_id, file_name, bytes)`.
pub fn eviction_order(conn: &Connection) -> Result<Vec<(i64, String, i64)>, StoreError> {
    let rows = conn
        .prepare_cached(
            "SELECT call_id, file_name, coalesce(bytes, 0) FROM recordings
             WHERE state = 'fetched' AND pinned = 0 AND file_name IS NOT NULL
             ORDER BY lru_ms, call_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Local cache usage, each file counted once (calls with identical audio share a file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub used_bytes: u64,
    pub files: u64,
    pub pinned_bytes: u64,
    pub pinned_files: u64,
}

pub fn usage(conn: &Connection) -> Result<Usage, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(b), 0), coalesce(sum(p), 0),
                    coalesce(sum(CASE WHEN p = 1 THEN b END), 0)
             FROM (SELECT max(coalesce(bytes, 0)) AS b, max(pinned) AS p FROM recordings
                   WHERE state = 'fetched' AND file_name IS NOT NULL GROUP BY file_name)",
        )?
        .query_row([], |r| {
            Ok(Usage {
                files: r.get::<_, i64>(0)? as u64,
                used_bytes: r.get::<_, i64>(1)? as u64,
                pinned_files: r.get::<_, i64>(2)? as u64,
                pinned_bytes: r.get::<_, i64>(3)? as u64,
            })
        })?)
}

/// How many fetched rows use `file_name` (a file is removed only when none does).
pub fn file_refs(conn: &Connection, file_name: &str) -> Result<u64, StoreError> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM recordings WHERE state = 'fetched' AND file_name = ?1",
        )?
        .query_row([file_name], |r| r.get(0))?;
    Ok(n as u64)
}

/// A recordings setting (`recordings.*` keys of the `settings` table).
pub fn setting(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_call(conn: &Connection, id: i64, start: i64, recorded: bool) {
        conn.execute(
            "INSERT INTO calls (id, dedupe_key, session_id, direction, x_number, caller,
               callee_num, callee, start_time, end_time, answered, talk_seconds, outcome,
               has_recording)
             VALUES (?1, ?1, ?1, 1, '+8617000000001', '+8613800138000', '+8617000000001',
               '+8613900139000', ?2, ?2 + 60, 1, 50, 'answered', ?3)",
            params![id, start, recorded],
        )
        .expect("insert call");
    }

    #[test]
    fn effective_state_ages_and_claims_are_exclusive() {
        let db = crate::Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let now = 10_000_000;
        add_call(&conn, 1, now - 100, true);
        add_call(&conn, 2, now - 8 * 86_400, true);
        add_call(&conn, 3, now - 100, false);
        let st = |id| {
            super::call(&conn, id, now)
                .expect("read")
                .expect("row")
                .state
        };
        assert_eq!(st(1), Some(RecordingState::Waiting));
        assert_eq!(st(2), Some(RecordingState::Expired), "past retention");
        assert_eq!(st(3), None, "not recorded");
        let q = queue(&conn, None, now, 10).expect("queue");
        assert_eq!(q.iter().map(|c| c.call.id).collect::<Vec<_>>(), vec![1]);
        assert!(claim(&conn, 1, now).expect("claim"));
        assert!(
            !claim(&conn, 1, now).expect("claim"),
            "already being fetched"
        );
        assert_eq!(reset_fetching(&conn, now).expect("reset"), 1);
        let s = summary(&conn, now).expect("summary");
        assert_eq!((s.waiting, s.expired, s.expiring_within_day), (1, 1, 0));
        assert_eq!(s.next_deletion_at, Some(now - 100 + 60 + 7 * 86_400));
    }
}
