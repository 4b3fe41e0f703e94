//! Writes to `calls`, `calls_numbers` (FTS) and `call_events`, used by the importer inside
//! its batch transactions. Statements are prepared once per connection (`prepare_cached`).

use maskline_domain::cdr::{CallEvent, Cdr};
use maskline_domain::explain::CallOutcome;
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

const INSERT_CALL: &str = "INSERT INTO calls (dedupe_key, import_id, icid, session_id, direction,
    app_key, x_number, subscription_id, caller, callee_num, callee, display_num, start_time,
    alerting_time, answer_time, end_time, answered, talk_seconds, ul_fail_reason, state_code,
    fwd_unasw_rsn, call_out_unasw_rsn, sip_status, call_rel_direction, outcome, has_recording,
    record_object_name, record_domain, record_url, service_type, user_data, extend_number)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
    ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)
  ON CONFLICT (dedupe_key) DO NOTHING";

/// What the importer derived for a CDR besides its own fields.
#[derive(Debug, Clone, Copy)]
pub struct Derived<'a> {
    pub outcome: CallOutcome,
    /// `stateCode` of the call's disconnect event, if that arrived first.
    pub state_code: Option<i64>,
    /// `domain::calls::numbers_text` of the call, indexed for number search.
    pub numbers: &'a str,
    pub import_id: Option<i64>,
}

/// Inserts a CDR unless its dedupe key is known. Returns `true` when it was new.
pub fn insert_cdr(conn: &Connection, c: &Cdr<'_>, d: &Derived<'_>) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(INSERT_CALL)?;
    let has_recording = c.record_flag || c.record_object_name.is_some();
    let n = stmt.execute(params![
        c.dedupe_key(),
        d.import_id,
        c.icid.as_deref(),
        c.session_id.as_ref(),
        c.direction,
        c.app_key.as_deref(),
        c.bind_num.as_ref(),
        c.subscription_id.as_deref(),
        c.caller_num.as_ref(),
        c.callee_num.as_ref(),
        c.callee(),
        c.fwd_display_num.as_deref(),
        c.start_time(),
        c.fwd_alerting_time,
        c.fwd_answer_time,
        c.call_end_time.or(c.fail_time),
        c.answered(),
        c.talk_seconds(),
        c.ul_fail_reason,
        d.state_code,
        c.fwd_unasw_rsn,
        c.call_out_unasw_rsn,
        c.sip_status_code,
        c.call_rel_direction,
        d.outcome.as_str(),
        has_recording,
        c.record_object_name.as_deref(),
        c.record_domain.as_deref(),
        c.record_file_download_url.as_deref(),
        c.service_type.as_deref(),
        c.user_data.as_deref(),
        c.extend_number.as_deref(),
    ])?;
    if n == 0 {
        return Ok(false);
    }
    let id = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO calls_numbers (rowid, numbers) VALUES (?1, ?2)")?
        .execute(params![id, d.numbers])?;
    Ok(true)
}

/// Inserts a call event unless the same (session, kind, time) is known. `true` when new.
pub fn insert_event(
    conn: &Connection,
    e: &CallEvent<'_>,
    import_id: Option<i64>,
) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO call_events (session_id, kind, time, caller, called, subscription_id,
           user_data, state_code, state_desc, call_rel_direction, notify_mode, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (session_id, kind, time) DO NOTHING",
    )?;
    let n = stmt.execute(params![
        e.session_id.as_ref(),
        e.kind.as_str(),
        e.time,
        e.caller.as_deref(),
        e.called.as_deref(),
        e.subscription_id.as_deref(),
        e.user_data.as_deref(),
        e.state_code,
        e.state_desc.as_deref(),
        e.call_rel_direction,
        e.notify_mode.as_deref(),
        import_id,
    ])?;
    Ok(n == 1)
}

/// The `stateCode` of a session's disconnect event, if one was imported.
pub fn disconnect_state_code(
    conn: &Connection,
    session_id: &str,
) -> Result<Option<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT state_code FROM call_events WHERE session_id = ?1 AND kind = 'disconnect'
         ORDER BY time DESC LIMIT 1",
    )?;
    Ok(stmt
        .query_row([session_id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// The secondary indexes of `calls` (all but the dedupe key), exactly as migration 3 creates
/// them. A bulk import into an empty table drops them and builds them once at the end: a
/// sorted build is several times faster than a million random inserts.
const SECONDARY_INDEXES: &[(&str, &str)] = &[
    ("calls_by_time", "calls (start_time)"),
    ("calls_by_answered", "calls (answered, start_time)"),
    ("calls_by_outcome", "calls (outcome, start_time)"),
    ("calls_by_x", "calls (x_number, start_time)"),
    (
        "calls_by_subscription",
        "calls (subscription_id, start_time) WHERE subscription_id IS NOT NULL",
    ),
];

/// Drops the secondary indexes (see [`create_secondary_indexes`]).
pub fn drop_secondary_indexes(conn: &Connection) -> Result<(), StoreError> {
    for (name, _) in SECONDARY_INDEXES {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
    }
    Ok(())
}

/// Creates any missing secondary index; also repairs a bulk import that was interrupted.
pub fn create_secondary_indexes(conn: &Connection) -> Result<(), StoreError> {
    for (name, def) in SECONDARY_INDEXES {
        conn.execute_batch(&format!("CREATE INDEX IF NOT EXISTS {name} ON {def}"))?;
    }
    Ok(())
}

/// Whether `calls` has no rows.
pub fn is_empty(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM calls)", [], |r| r.get(0))?)
}
