//! Importing notification bodies that arrived over HTTP (the push receiver,
//! `maskline-receiver`) with the parser, dedupe and import history of file imports: a body is
//! read exactly like one JSON value of a file, records already stored count as duplicates (a
//! retried push is a no-op), and each call gives one `imports` row for all its bodies.

use maskline_domain::import::{FileReport, ImportIssue, ImportStatus, MAX_ISSUES};
use maskline_store::Connection;
use maskline_store::StoreError;
use maskline_store::calls::{self, ImportBatch, ImportSession};

use super::file::{Item, Tally, value};

/// One body to import: its caller's id (the receiver's inbox id) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Body<'a> {
    pub id: i64,
    pub bytes: &'a [u8],
}

/// Called for each body inside the transaction that wrote its records, with the body's id,
/// its own counts and issues, and the id of the `imports` row: the caller records the outcome
/// atomically with the records (a crash leaves either both or neither).
pub type OnBody<'c> = dyn FnMut(&Connection, i64, &FileReport, i64) -> Result<(), StoreError> + 'c;

/// Imports `bodies` in one transaction under one `imports` row named `label`. Returns the
/// total counts (as a file import's report, `path` = `label`). On a store error nothing of the
/// call is kept (rolled back) and the error is returned: the bodies can be imported again.
pub fn import_bodies(
    conn: &Connection,
    label: &str,
    bodies: &[Body<'_>],
    on_body: &mut OnBody<'_>,
) -> Result<FileReport, StoreError> {
    let session = ImportSession::begin(conn, false)?;
    // Dropped unfinished (an error on the way), the batch rolls back.
    let batch = session.batch()?;
    let report = write(&batch, label, bodies, on_body)?;
    batch.commit()?;
    session.finish()?;
    Ok(report)
}

fn write(
    batch: &ImportBatch<'_>,
    label: &str,
    bodies: &[Body<'_>],
    on_body: &mut OnBody<'_>,
) -> Result<FileReport, StoreError> {
    let conn = batch.conn();
    let size: u64 = bodies.iter().map(|b| b.bytes.len() as u64).sum();
    let now = super::now();
    let import_id = maskline_store::imports::begin(conn, label, size, None, now)?;
    let mut have_events = calls::has_events(conn)?;
    let mut total = FileReport {
        path: label.to_string(),
        new: 0,
        duplicate: 0,
        rejected: 0,
        errors: Vec::new(),
        status: ImportStatus::Done,
        error: None,
        bytes: size,
    };
    for b in bodies {
        let mut items = Vec::new();
        let bytes = b.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b.bytes);
        value(1, bytes, &mut items);
        let mut t = Tally {
            report: FileReport {
                path: format!("{label} #{}", b.id),
                new: 0,
                duplicate: 0,
                rejected: 0,
                errors: Vec::new(),
                status: ImportStatus::Done,
                error: None,
                bytes: b.bytes.len() as u64,
            },
            import_id,
            have_events,
        };
        if items.is_empty() {
            t.reject(ImportIssue {
                line: 1,
                at: String::new(),
                field: None,
                reason: maskline_domain::text!(
                    "the body holds no call event and no CDR",
                    "推送内容中没有呼叫事件,也没有话单"
                ),
            });
        }
        for it in items {
            match it {
                Item::Cdr(c) => t.cdr(batch, &c)?,
                Item::Event(e) => {
                    t.have_events = true;
                    if batch.insert_event(&e, Some(import_id))? {
                        t.report.new += 1;
                    } else {
                        t.report.duplicate += 1;
                    }
                }
                Item::Reject(mut i) => {
                    if i.at.is_empty() {
                        i.at = format!("push #{}", b.id);
                    }
                    t.reject(i)
                }
            }
        }
        have_events = t.have_events;
        on_body(conn, b.id, &t.report, import_id)?;
        total.new += t.report.new;
        total.duplicate += t.report.duplicate;
        total.rejected += t.report.rejected;
        for i in t.report.errors {
            if total.errors.len() < MAX_ISSUES {
                total.errors.push(i);
            }
        }
    }
    maskline_store::imports::add_issues(conn, import_id, &total.errors)?;
    maskline_store::imports::finish(
        conn,
        import_id,
        &maskline_store::imports::Finish {
            status: total.status,
            new: total.new,
            duplicate: total.duplicate,
            rejected: total.rejected,
            error: None,
            now: super::now(),
        },
    )?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEE: &[u8] = br#"{"eventType":"fee","feeLst":[{"direction":1,"spId":"sp","appKey":"k","icid":"ic-1","bindNum":"+8617000000001","sessionId":"s1","callerNum":"+8613800000001","calleeNum":"+8617000000001","fwdDstNum":"+8613900000002","callInTime":"2026-12-07 10:00:00","callEndTime":"2026-12-07 10:01:00"}]}"#;

    fn run(conn: &Connection, bodies: &[Body<'_>]) -> (FileReport, Vec<(i64, u64, u64, u64)>) {
        let mut seen = Vec::new();
        let r = import_bodies(conn, "test", bodies, &mut |_, id, r, _| {
            seen.push((id, r.new, r.duplicate, r.rejected));
            Ok(())
        })
        .expect("import");
        (r, seen)
    }

    #[test]
    fn a_body_again_is_a_duplicate_and_a_bad_one_is_a_rejection_in_the_history() {
        let db = maskline_store::Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let (r, seen) = run(
            &conn,
            &[
                Body { id: 1, bytes: FEE },
                Body { id: 2, bytes: FEE },
                Body {
                    id: 3,
                    bytes: b"{\"eventType\":\"fee\",\"feeLst\":[",
                },
                Body {
                    id: 4,
                    bytes: b"{}",
                },
            ],
        );
        assert_eq!(
            seen,
            [(1, 1, 0, 0), (2, 0, 1, 0), (3, 0, 0, 1), (4, 0, 0, 1)]
        );
        assert_eq!((r.new, r.duplicate, r.rejected), (1, 1, 2));
        let rows = maskline_store::imports::recent(&conn, 5).expect("history");
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].new, rows[0].duplicate, rows[0].rejected),
            (1, 1, 2)
        );
        assert_eq!(rows[0].status, "done");
        let calls = maskline_store::call_query::count(
            &conn,
            &maskline_store::call_query::Where::new(&Default::default()),
        )
        .expect("count");
        assert_eq!(calls, 1);
    }

    #[test]
    fn an_error_from_the_callback_keeps_nothing() {
        let db = maskline_store::Db::in_memory().expect("db");
        let conn = db.conn().expect("conn");
        let r = import_bodies(
            &conn,
            "test",
            &[Body { id: 1, bytes: FEE }],
            &mut |_, _, _, _| {
                Err(StoreError::NotFound {
                    path: std::path::PathBuf::new(),
                })
            },
        );
        assert!(r.is_err());
        let calls = maskline_store::call_query::count(
            &conn,
            &maskline_store::call_query::Where::new(&Default::default()),
        )
        .expect("count");
        let imports = maskline_store::imports::recent(&conn, 5)
            .expect("history")
            .len();
        assert_eq!(
            (calls, imports),
            (0, 0),
            "the records and the history row are rolled back with it"
        );
    }
}
