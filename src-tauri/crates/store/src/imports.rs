//! The `imports` and `import_issues` tables: one row per imported file and its first rejections.

use maskline_domain::import::{ImportIssue, ImportStatus};
use rusqlite::{Connection, params};

use crate::StoreError;

/// Records the start of a file's import; returns its id.
pub fn begin(
    conn: &Connection,
    path: &str,
    size: u64,
    mtime: Option<i64>,
    now: i64,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO imports (path, size, mtime, started_at, status) VALUES (?1, ?2, ?3, ?4, 'running')",
        params![path, size as i64, mtime, now],
    )?;
    Ok(conn.last_insert_rowid())
}

fn status_text(s: ImportStatus) -> &'static str {
    match s {
        ImportStatus::Done => "done",
        ImportStatus::Cancelled => "cancelled",
        ImportStatus::Failed => "failed",
        ImportStatus::Interrupted => "interrupted",
    }
}

/// At start-up: imports still `running` were cut off (crash, kill) and are marked
/// `interrupted`, with what to do. Returns how many.
pub fn mark_interrupted(conn: &Connection) -> Result<u64, StoreError> {
    let n = conn.execute(
        "UPDATE imports SET status = ?1, error = ?2 WHERE status = 'running'",
        params![
            status_text(ImportStatus::Interrupted),
            maskline_domain::text!(
                "stopped before the end (Maskline was closed or killed); import the file again to complete it",
                "导入中途被终止(Maskline 被关闭或强行结束);请重新导入该文件以补全"
            )
            .to_stored()
        ],
    )?;
    Ok(n as u64)
}

/// Counts and outcome of a finished (or stopped) file.
#[derive(Debug, Clone, Copy)]
pub struct Finish<'a> {
    pub status: ImportStatus,
    pub new: u64,
    pub duplicate: u64,
    pub rejected: u64,
    pub error: Option<&'a maskline_domain::Text>,
    pub now: i64,
}

pub fn finish(conn: &Connection, id: i64, f: &Finish<'_>) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE imports SET status = ?2, new = ?3, duplicate = ?4, rejected = ?5, error = ?6,
           finished_at = ?7 WHERE id = ?1",
        params![
            id,
            status_text(f.status),
            f.new as i64,
            f.duplicate as i64,
            f.rejected as i64,
            f.error.map(maskline_domain::Text::to_stored),
            f.now
        ],
    )?;
    Ok(())
}

pub fn add_issues(conn: &Connection, id: i64, issues: &[ImportIssue]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO import_issues (import_id, line, at, field, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for i in issues {
        stmt.execute(params![
            id,
            i.line as i64,
            i.at,
            i.field,
            i.reason.to_stored()
        ])?;
    }
    Ok(())
}

/// Whether a file with this path, size and modification time was already read to the end
/// (done, or failed on its content): the watch folder does not read it again.
pub fn already_imported(
    conn: &Connection,
    path: &str,
    size: u64,
    mtime: Option<i64>,
) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM imports WHERE path = ?1 AND size = ?2 AND mtime IS ?3
               AND status IN ('done', 'failed'))",
        )?
        .query_row(params![path, size as i64, mtime], |r| r.get(0))?)
}

/// A past import, newest first in [`recent`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub id: i64,
    pub path: String,
    pub size: u64,
    pub status: String,
    pub new: u64,
    pub duplicate: u64,
    pub rejected: u64,
    pub started_at: i64,
}

pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<ImportRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, path, size, status, new, duplicate, rejected, started_at FROM imports
         ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok(ImportRow {
                id: r.get(0)?,
                path: r.get(1)?,
                size: r.get::<_, i64>(2)? as u64,
                status: r.get(3)?,
                new: r.get::<_, i64>(4)? as u64,
                duplicate: r.get::<_, i64>(5)? as u64,
                rejected: r.get::<_, i64>(6)? as u64,
                started_at: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_left_running_are_marked_interrupted_and_finished_ones_are_left_alone() {
        let db = crate::Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let cut = begin(&conn, "/in/cut.jsonl", 100, Some(1), 10).expect("begin");
        let done = begin(&conn, "/in/done.jsonl", 50, Some(2), 11).expect("begin");
        finish(
            &conn,
            done,
            &Finish {
                status: ImportStatus::Done,
                new: 5,
                duplicate: 0,
                rejected: 0,
                error: None,
                now: 12,
            },
        )
        .expect("finish");
        assert_eq!(mark_interrupted(&conn).expect("mark"), 1);
        let rows = recent(&conn, 10).expect("recent");
        let status = |id| {
            rows.iter()
                .find(|r| r.id == id)
                .map(|r| r.status.clone())
                .expect("row")
        };
        assert_eq!(
            (status(cut).as_str(), status(done).as_str()),
            ("interrupted", "done")
        );
        let error: Option<String> = conn
            .query_row("SELECT error FROM imports WHERE id = ?1", [cut], |r| {
                r.get(0)
            })
            .expect("error");
        assert!(error.is_some_and(|e| e.contains("import the file again")));
        assert_eq!(mark_interrupted(&conn).expect("again"), 0, "idempotent");
    }
}
