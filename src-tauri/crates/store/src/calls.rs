//! Writes to `calls`, `calls_numbers` (FTS) and `call_events`, used by the importer inside
//! its batch transactions. Statements are prepared once per connection (`prepare_cached`).
//!
//! The importer's whole life on a connection is [`ImportSession`] (page cache, secondary
//! indexes dropped and rebuilt around a bulk load) and [`ImportBatch`] (one `BEGIN IMMEDIATE`
//! … `COMMIT`, rolled back when dropped unfinished): a crash loses only the open batch, and a
//! bad record is rejected before it reaches a batch, so it never costs the good ones.

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

/// Whether any call event was ever imported (CDRs then look up their disconnect event).
pub fn has_events(conn: &Connection) -> Result<bool, StoreError> {
    Ok(
        conn.query_row("SELECT EXISTS (SELECT 1 FROM call_events)", [], |r| {
            r.get(0)
        })?,
    )
}

/// Page cache (KiB, as `PRAGMA cache_size` takes it negated) while an import runs: index pages
/// of a million-row table stay hot.
const IMPORT_CACHE_KIB: i64 = 65_536;
/// SQLite's default page cache, restored when the import ends.
const DEFAULT_CACHE_KIB: i64 = 2_000;

/// One import job on one connection. Starting it repairs the secondary indexes an interrupted
/// bulk import left dropped and enlarges the page cache; dropping it restores the cache.
/// A bulk session (a large job into an empty `calls` table) drops the secondary indexes and
/// [`ImportSession::finish`] builds them once at the end.
pub struct ImportSession<'c> {
    conn: &'c Connection,
    bulk: bool,
}

impl<'c> ImportSession<'c> {
    /// Starts a session; `large` asks for a bulk load, granted only when `calls` is empty.
    pub fn begin(conn: &'c Connection, large: bool) -> Result<Self, StoreError> {
        conn.execute_batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))?;
        let mut session = ImportSession { conn, bulk: false };
        create_secondary_indexes(conn)?;
        if large && is_empty(conn)? {
            drop_secondary_indexes(conn)?;
            session.bulk = true;
        }
        Ok(session)
    }

    /// Whether the secondary indexes are dropped until [`ImportSession::finish`].
    pub fn is_bulk(&self) -> bool {
        self.bulk
    }

    /// The connection, for the import history (`crate::imports`).
    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// Opens the next batch (`BEGIN IMMEDIATE`: the write lock is taken now, not mid-batch).
    pub fn batch(&self) -> Result<ImportBatch<'c>, StoreError> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(ImportBatch {
            conn: self.conn,
            open: true,
        })
    }

    /// Ends the session: a bulk session builds its secondary indexes. When that fails the
    /// records stay; the next session builds the indexes first.
    pub fn finish(self) -> Result<(), StoreError> {
        if self.bulk {
            create_secondary_indexes(self.conn)?;
        }
        Ok(())
    }
}

impl Drop for ImportSession<'_> {
    fn drop(&mut self) {
        let _ = self
            .conn
            .execute_batch(&format!("PRAGMA cache_size = -{DEFAULT_CACHE_KIB}"));
    }
}

/// One transaction of an import. [`ImportBatch::commit`] keeps its rows; dropping it
/// without committing (an error on the way, a failed commit) rolls them back.
pub struct ImportBatch<'c> {
    conn: &'c Connection,
    open: bool,
}

impl<'c> ImportBatch<'c> {
    /// The connection inside this batch's transaction, for what the caller records atomically
    /// with the batch's rows (the import history, the push receiver's inbox outcome).
    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// See [`insert_cdr`].
    pub fn insert_cdr(&self, c: &Cdr<'_>, d: &Derived<'_>) -> Result<bool, StoreError> {
        insert_cdr(self.conn, c, d)
    }

    /// See [`insert_event`].
    pub fn insert_event(
        &self,
        e: &CallEvent<'_>,
        import_id: Option<i64>,
    ) -> Result<bool, StoreError> {
        insert_event(self.conn, e, import_id)
    }

    /// See [`disconnect_state_code`] (sees this batch's own events too).
    pub fn disconnect_state_code(&self, session_id: &str) -> Result<Option<i64>, StoreError> {
        disconnect_state_code(self.conn, session_id)
    }

    /// Commits the batch; on failure it is rolled back.
    pub fn commit(mut self) -> Result<(), StoreError> {
        self.conn.execute_batch("COMMIT")?;
        self.open = false;
        Ok(())
    }
}

impl Drop for ImportBatch<'_> {
    fn drop(&mut self) {
        if self.open {
            // Best effort: when the database itself failed there may be nothing to roll back.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use maskline_domain::cdr::{Record, parse_value};
    use maskline_domain::explain::CallOutcome;

    use super::*;
    use crate::Db;

    fn cdr(session: &str) -> Cdr<'static> {
        let body = format!(
            r#"{{"eventType":"fee","feeLst":[{{"direction":0,"spId":"sp","appKey":"k","icid":"i-{session}","bindNum":"+8613800000000","sessionId":"{session}","callerNum":"+8613900000001","calleeNum":"+8613900000002","fwdDstNum":"+8613900000002","callInTime":"2025-01-01 00:00:00","fwdStartTime":"2025-01-01 00:00:01","callEndTime":"2025-01-01 00:00:05","ulFailReason":0}}]}}"#
        );
        match parse_value(body.as_bytes()).expect("body").remove(0) {
            Ok(Record::Cdr(c)) => c.into_owned(),
            other => panic!("not a CDR: {other:?}"),
        }
    }

    fn count(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM calls", [], |r| r.get(0))
            .expect("count")
    }

    fn indexes(conn: &Connection) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'calls_by_%'",
            [],
            |r| r.get(0),
        )
        .expect("indexes")
    }

    const D: Derived<'static> = Derived {
        outcome: CallOutcome::Answered,
        state_code: None,
        numbers: "",
        import_id: None,
    };

    #[test]
    fn a_committed_batch_stays_and_a_dropped_one_leaves_nothing() {
        let db = Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let s = ImportSession::begin(&conn, false).expect("session");
        let b = s.batch().expect("batch");
        assert!(b.insert_cdr(&cdr("kept"), &D).expect("insert"));
        b.commit().expect("commit");
        let b = s.batch().expect("batch");
        assert!(b.insert_cdr(&cdr("lost"), &D).expect("insert"));
        drop(b);
        assert_eq!(count(&conn), 1, "only the committed batch is in");
        // The connection is usable again: the dropped batch did not leave a transaction open.
        let b = s.batch().expect("a new batch after a dropped one");
        assert!(
            !b.insert_cdr(&cdr("kept"), &D).expect("insert"),
            "a duplicate"
        );
        b.commit().expect("commit");
        s.finish().expect("finish");
    }

    #[test]
    fn a_bulk_session_drops_the_indexes_until_finish_and_a_later_session_repairs_them() {
        let db = Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let all = indexes(&conn);
        assert!(all >= 5, "{all}");
        let s = ImportSession::begin(&conn, true).expect("session");
        assert!(s.is_bulk());
        assert_eq!(indexes(&conn), all - 5);
        drop(s); // as a crash before finish
        assert_eq!(indexes(&conn), all - 5);
        let s = ImportSession::begin(&conn, false).expect("session");
        assert_eq!(indexes(&conn), all, "repaired on the next start");
        let b = s.batch().expect("batch");
        b.insert_cdr(&cdr("one"), &D).expect("insert");
        b.commit().expect("commit");
        s.finish().expect("finish");
        let s = ImportSession::begin(&conn, true).expect("session");
        assert!(!s.is_bulk(), "never bulk into a table with rows");
        s.finish().expect("finish");
        assert_eq!(indexes(&conn), all);
    }
}
