//! Importing one file: frame → parse → insert, one transaction per batch.

use std::path::Path;

use maskline_domain::calls::numbers_text;
use maskline_domain::cdr::{Cdr, Record, RecordError, parse_value};
use maskline_domain::explain::{CallCodes, classify};
use maskline_domain::import::{FileReport, ImportIssue, ImportStatus, MAX_ISSUES};
use maskline_store::Conn as Connection;
use maskline_store::{StoreError, calls};

use super::Job;
use super::framer::{Frame, Framer};
use super::source;

const TRUNCATED: &str = "truncated: this record does not end (the line or file was cut off) / 记录不完整(行或文件被截断)";

/// Counts and issues of the file being read.
struct Tally {
    report: FileReport,
    import_id: i64,
    have_events: bool,
}

impl Tally {
    fn reject(&mut self, line: u64, at: &str, field: Option<&str>, reason: String) {
        self.report.rejected += 1;
        if self.report.errors.len() < MAX_ISSUES {
            self.report.errors.push(ImportIssue {
                line,
                at: at.to_string(),
                field: field.map(str::to_string),
                reason,
            });
        }
    }

    fn record_error(&mut self, line: u64, e: RecordError) {
        self.reject(line, &e.at, e.field, e.reason);
    }

    fn cdr(&mut self, conn: &Connection, c: &Cdr<'_>) -> Result<(), StoreError> {
        let state_code = if self.have_events {
            calls::disconnect_state_code(conn, &c.session_id)?
        } else {
            None
        };
        let outcome = classify(&CallCodes {
            answered: c.answered(),
            talk_seconds: c.talk_seconds(),
            ul_fail_reason: c.ul_fail_reason,
            state_code,
            fwd_unasw_rsn: c.fwd_unasw_rsn,
            call_out_unasw_rsn: c.call_out_unasw_rsn,
            sip_status: c.sip_status_code,
            call_rel_direction: c.call_rel_direction,
        });
        let numbers = numbers_text(&c.caller_num, c.callee(), &c.bind_num);
        let d = calls::Derived {
            outcome,
            state_code,
            numbers: &numbers,
            import_id: Some(self.import_id),
        };
        if calls::insert_cdr(conn, c, &d)? {
            self.report.new += 1;
        } else {
            self.report.duplicate += 1;
        }
        Ok(())
    }

    fn value(&mut self, conn: &Connection, line: u64, bytes: &[u8]) -> Result<u64, StoreError> {
        let records = match parse_value(bytes) {
            Ok(r) => r,
            Err(e) => {
                let reason = if e.truncated {
                    TRUNCATED.to_string()
                } else if std::str::from_utf8(bytes).is_err() {
                    "not UTF-8 text (the file may be GBK/GB18030); save it as UTF-8 and import again / 不是 UTF-8 文本(可能是 GBK),请另存为 UTF-8 后重新导入".to_string()
                } else {
                    e.message
                };
                self.reject(line + e.line as u64 - 1, "", None, reason);
                return Ok(1);
            }
        };
        let n = records.len() as u64;
        for r in records {
            match r {
                Ok(Record::Cdr(c)) => self.cdr(conn, &c)?,
                Ok(Record::Event(e)) => {
                    self.have_events = true;
                    if calls::insert_event(conn, &e, Some(self.import_id))? {
                        self.report.new += 1;
                    } else {
                        self.report.duplicate += 1;
                    }
                }
                Err(e) => self.record_error(line, e),
            }
        }
        Ok(n)
    }
}

fn begin(conn: &Connection) -> Result<(), StoreError> {
    Ok(conn.execute_batch("BEGIN IMMEDIATE")?)
}

fn commit(conn: &Connection) -> Result<(), StoreError> {
    Ok(conn.execute_batch("COMMIT")?)
}

/// Imports one file into `conn`; store failures abort (the open batch is rolled back).
pub(super) fn import_file(
    conn: &Connection,
    path: &Path,
    job: &mut Job<'_>,
) -> Result<FileReport, StoreError> {
    let meta = std::fs::metadata(path).ok();
    let size = meta.as_ref().map_or(0, |m| m.len());
    let mtime = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64);
    let import_id = maskline_store::imports::begin(
        conn,
        &path.display().to_string(),
        size,
        mtime,
        super::now(),
    )?;
    let have_events: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM call_events)", [], |r| {
            r.get(0)
        })?;
    let mut t = Tally {
        report: FileReport {
            path: path.display().to_string(),
            new: 0,
            duplicate: 0,
            rejected: 0,
            errors: Vec::new(),
            status: ImportStatus::Done,
            error: None,
            bytes: size,
        },
        import_id,
        have_events,
    };
    let outcome = read_all(conn, path, job, &mut t);
    if outcome.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    outcome?;
    let r = &t.report;
    maskline_store::imports::add_issues(conn, import_id, &r.errors)?;
    maskline_store::imports::finish(
        conn,
        import_id,
        &maskline_store::imports::Finish {
            status: r.status,
            new: r.new,
            duplicate: r.duplicate,
            rejected: r.rejected,
            error: r.error.as_deref(),
            now: super::now(),
        },
    )?;
    Ok(t.report)
}

fn read_all(
    conn: &Connection,
    path: &Path,
    job: &mut Job<'_>,
    t: &mut Tally,
) -> Result<(), StoreError> {
    let src = match source::open(path) {
        Ok(s) => s,
        Err(e) => {
            t.report.status = ImportStatus::Failed;
            t.report.error = Some(e.to_string());
            return Ok(());
        }
    };
    let read = src.read.clone();
    let mut framer = Framer::new(src.reader);
    let mut in_batch = 0u64;
    begin(conn)?;
    loop {
        let frame = match framer.next_frame() {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                t.report.status = ImportStatus::Failed;
                let what = if src.gzip {
                    "the gzip data is damaged or cut off"
                } else {
                    "reading failed"
                };
                t.report.error = Some(format!(
                    "{what} after {} bytes: {e}; the records before were imported / 文件读取中断,之前的记录已导入",
                    read.get()
                ));
                break;
            }
        };
        in_batch += match frame {
            Frame::Value { line, bytes } => t.value(conn, line, bytes)?,
            Frame::Truncated { line } => {
                t.reject(line, "", None, TRUNCATED.into());
                1
            }
            Frame::Garbage { line, byte } => {
                let shown = if byte.is_ascii_graphic() {
                    format!("{:?}", byte as char)
                } else {
                    format!("byte 0x{byte:02x}")
                };
                t.reject(line, "", None, format!("not JSON: unexpected {shown} where a JSON object should start / 不是 JSON 记录"));
                1
            }
            Frame::TooLarge { line } => {
                t.reject(
                    line,
                    "",
                    None,
                    "a single JSON value over 64 MiB; split the file / 单条 JSON 过大".into(),
                );
                1
            }
        };
        if in_batch >= job.batch_size {
            commit(conn)?;
            job.records += in_batch;
            in_batch = 0;
            job.report_progress(read.get());
            if job.cancelled() {
                t.report.status = ImportStatus::Cancelled;
                return Ok(());
            }
            begin(conn)?;
        }
    }
    commit(conn)?;
    job.records += in_batch;
    job.report_progress(read.get());
    Ok(())
}
