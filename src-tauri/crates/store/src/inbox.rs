//! The `receiver_inbox` table: push bodies the receiver (`maskline-receiver`) committed before
//! acknowledging them, and what parsing them gave. Bodies are kept as received, byte for byte.

use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// Which endpoint a push came in on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushKind {
    /// Call events (callin, callout, alerting, answer, disconnect, …).
    Event,
    /// CDRs (`eventType` fee, `feeLst`).
    Fee,
}

impl PushKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PushKind::Event => "event",
            PushKind::Fee => "fee",
        }
    }

    fn parse(s: &str) -> PushKind {
        if s == "fee" {
            PushKind::Fee
        } else {
            PushKind::Event
        }
    }
}

/// Where a push stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxStatus {
    /// Stored, not parsed yet.
    Pending,
    /// Parsed; its records are in `calls` / `call_events` (or were already there).
    Parsed,
    /// Some or all of it could not be read; `reason` says why. The body stays.
    Rejected,
}

impl InboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InboxStatus::Pending => "pending",
            InboxStatus::Parsed => "parsed",
            InboxStatus::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> InboxStatus {
        match s {
            "parsed" => InboxStatus::Parsed,
            "rejected" => InboxStatus::Rejected,
            _ => InboxStatus::Pending,
        }
    }
}

/// One stored push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxRow {
    pub id: i64,
    pub received_at: i64,
    pub app_key: String,
    pub kind: PushKind,
    pub body: Vec<u8>,
    pub status: InboxStatus,
    pub reason: Option<String>,
    pub new: u64,
    pub duplicate: u64,
    pub rejected: u64,
    pub import_id: Option<i64>,
}

/// Commits a push body (autocommit: durable when this returns). Returns its id.
pub fn insert(
    conn: &Connection,
    app_key: &str,
    kind: PushKind,
    body: &[u8],
    now: i64,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO receiver_inbox (received_at, app_key, kind, body) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![now, app_key, kind.as_str(), body])?;
    Ok(conn.last_insert_rowid())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InboxRow> {
    let kind: String = r.get(3)?;
    let status: String = r.get(5)?;
    Ok(InboxRow {
        id: r.get(0)?,
        received_at: r.get(1)?,
        app_key: r.get(2)?,
        kind: PushKind::parse(&kind),
        body: r.get(4)?,
        status: InboxStatus::parse(&status),
        reason: r.get(6)?,
        new: r.get::<_, i64>(7)? as u64,
        duplicate: r.get::<_, i64>(8)? as u64,
        rejected: r.get::<_, i64>(9)? as u64,
        import_id: r.get(10)?,
    })
}

const COLUMNS: &str =
    "id, received_at, app_key, kind, body, status, reason, new, duplicate, rejected, import_id";

/// The oldest pending pushes with an id above `after`, at most `limit`.
pub fn pending(conn: &Connection, after: i64, limit: u32) -> Result<Vec<InboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM receiver_inbox WHERE status = 'pending' AND id > ?1
         ORDER BY id LIMIT ?2"
    ))?;
    let rows = stmt
        .query_map(params![after, limit], row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One push by id.
pub fn get(conn: &Connection, id: i64) -> Result<Option<InboxRow>, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM receiver_inbox WHERE id = ?1"
        ))?
        .query_row([id], row)
        .optional()?)
}

/// The newest pushes (any status), newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<InboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM receiver_inbox ORDER BY id DESC LIMIT ?1"
    ))?;
    let rows = stmt
        .query_map([limit], row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// What parsing a push gave.
#[derive(Debug, Clone, Copy)]
pub struct Outcome<'a> {
    pub status: InboxStatus,
    pub reason: Option<&'a str>,
    pub new: u64,
    pub duplicate: u64,
    pub rejected: u64,
    pub import_id: Option<i64>,
    pub now: i64,
}

/// Records the outcome of a push (call it in the transaction that wrote its records).
pub fn mark(conn: &Connection, id: i64, o: &Outcome<'_>) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE receiver_inbox SET status = ?2, reason = ?3, new = ?4, duplicate = ?5,
           rejected = ?6, import_id = ?7, parsed_at = ?8 WHERE id = ?1",
    )?
    .execute(params![
        id,
        o.status.as_str(),
        o.reason,
        o.new as i64,
        o.duplicate as i64,
        o.rejected as i64,
        o.import_id,
        o.now
    ])?;
    Ok(())
}

/// Pushes per status: `(pending, parsed, rejected)`.
pub fn counts(conn: &Connection) -> Result<(u64, u64, u64), StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(status = 'pending'), 0), coalesce(sum(status = 'parsed'), 0),
                    coalesce(sum(status = 'rejected'), 0) FROM receiver_inbox",
        )?
        .query_row([], |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, i64>(1)? as u64,
                r.get::<_, i64>(2)? as u64,
            ))
        })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Db;

    #[test]
    fn a_body_is_kept_byte_for_byte_and_its_outcome_recorded() {
        let db = Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let body = b"{\"eventType\":\"fee\",\xff}";
        let id = insert(&conn, "app1", PushKind::Fee, body, 100).expect("insert");
        let p = pending(&conn, 0, 10).expect("pending");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].body, body.to_vec());
        assert_eq!(p[0].kind, PushKind::Fee);
        mark(
            &conn,
            id,
            &Outcome {
                status: InboxStatus::Rejected,
                reason: Some("bad"),
                new: 0,
                duplicate: 0,
                rejected: 1,
                import_id: None,
                now: 101,
            },
        )
        .expect("mark");
        assert!(pending(&conn, 0, 10).expect("pending").is_empty());
        let r = get(&conn, id).expect("get").expect("row");
        assert_eq!(r.status, InboxStatus::Rejected);
        assert_eq!(r.reason.as_deref(), Some("bad"));
        assert_eq!(counts(&conn).expect("counts"), (0, 0, 1));
    }
}
