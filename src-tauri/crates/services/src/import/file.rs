//! Importing one file as a two-stage pipeline: a reader thread frames, parses and validates
//! (the CPU-heavy half) and hands batches of owned records to this thread, which inserts
//! them one transaction per batch. A bounded channel keeps memory flat.

use maskline_domain::{Text, text};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use maskline_domain::calls::numbers_text;
use maskline_domain::cdr::{CallEvent, Cdr, Record, parse_value};
use maskline_domain::explain::classify;
use maskline_domain::import::{FileReport, ImportIssue, ImportStatus, MAX_ISSUES};
use maskline_store::StoreError;
use maskline_store::calls::{self, ImportBatch, ImportSession};

use maskline_formats::framer::{Frame, Framer};
use maskline_formats::source;

use super::Job;

fn truncated() -> Text {
    Text::new(
        "truncated: this record does not end (the line or file was cut off)",
        "已截断:该记录没有结尾(行或文件被截断)",
    )
}
/// Batches parsed ahead of the writer.
const AHEAD: usize = 2;
/// Records a batch's vector reserves up front; a bigger batch grows as records arrive (a
/// large `batch_size` must not reserve memory for records the file may not have).
const PREALLOCATE: usize = 8192;

/// One record as handed from the reader to the writer.
pub(super) enum Item {
    Cdr(Box<Cdr<'static>>),
    Event(CallEvent<'static>),
    Reject(ImportIssue),
}

enum Msg {
    /// Records, and the bytes read from disk so far.
    Batch(Vec<Item>, u64),
    /// The file could not be read (further): why.
    Failed(Text),
}

fn issue(line: u64, at: &str, field: Option<&str>, reason: Text) -> Item {
    Item::Reject(ImportIssue {
        line,
        at: at.to_string(),
        field: field.map(str::to_string),
        reason,
    })
}

/// Parses one framed value into items.
pub(super) fn value(line: u64, bytes: &[u8], out: &mut Vec<Item>) {
    let records = match parse_value(bytes) {
        Ok(r) => r,
        Err(e) => {
            let reason = if e.truncated {
                truncated()
            } else if std::str::from_utf8(bytes).is_err() {
                Text::new(
                    "not UTF-8 text (the file may be GBK/GB18030); save it as UTF-8 and import again",
                    "不是 UTF-8 文本(可能是 GBK),请另存为 UTF-8 后重新导入",
                )
            } else {
                Text::same(e.message)
            };
            out.push(issue(line + e.line as u64 - 1, "", None, reason));
            return;
        }
    };
    for r in records {
        out.push(match r {
            Ok(Record::Cdr(c)) => Item::Cdr(Box::new(c.into_owned())),
            Ok(Record::Event(e)) => Item::Event(e.into_owned()),
            Err(e) => issue(line, &e.at, e.field, Text::same(e.reason)),
        });
    }
}

fn frame_items(frame: Frame<'_>, out: &mut Vec<Item>) {
    match frame {
        Frame::Value { line, bytes } => value(line, bytes, out),
        Frame::Truncated { line } => out.push(issue(line, "", None, truncated())),
        Frame::Garbage { line, byte } => {
            let shown = if byte.is_ascii_graphic() {
                format!("{:?}", byte as char)
            } else {
                format!("byte 0x{byte:02x}")
            };
            out.push(issue(
                line,
                "",
                None,
                text!(
                    "not JSON: unexpected {shown} where a JSON object should start",
                    "不是 JSON:在应为 JSON 对象开头的位置出现了 {shown}"
                ),
            ));
        }
        Frame::TooLarge { line } => out.push(issue(
            line,
            "",
            None,
            Text::new(
                "a single JSON value over 64 MiB; split the file",
                "单条 JSON 过大",
            ),
        )),
    }
}

/// The reader thread: stops at the end of the file, on a read error, or when the writer
/// hangs up (cancelled or failed).
fn read(path: &Path, batch: usize, tx: SyncSender<Msg>) {
    let src = match source::open(path) {
        Ok(s) => s,
        Err(e) => {
            let _ = tx.send(Msg::Failed(e.text()));
            return;
        }
    };
    let (read, gzip) = (src.read.clone(), src.gzip);
    let mut framer = Framer::new(src.reader);
    let cap = batch.min(PREALLOCATE);
    let mut items = Vec::with_capacity(cap);
    loop {
        match framer.next_frame() {
            Ok(Some(f)) => frame_items(f, &mut items),
            Ok(None) => break,
            Err(e) => {
                let (what, what_zh) = if gzip {
                    (
                        "the gzip data is damaged or cut off",
                        "gzip 数据已损坏或被截断",
                    )
                } else {
                    ("reading failed", "读取失败")
                };
                let msg = Text::new(
                    format!(
                        "{what} after {} bytes: {e}; the records before were imported",
                        read.get()
                    ),
                    format!("{what_zh}(已读 {} 字节):{e};之前的记录已导入", read.get()),
                );
                let full = std::mem::take(&mut items);
                let _ = tx.send(Msg::Batch(full, read.get()));
                let _ = tx.send(Msg::Failed(msg));
                return;
            }
        }
        if items.len() >= batch {
            let full = std::mem::replace(&mut items, Vec::with_capacity(cap));
            if tx.send(Msg::Batch(full, read.get())).is_err() {
                return;
            }
        }
    }
    let _ = tx.send(Msg::Batch(items, read.get()));
}

/// Counts and issues of the file being written.
pub(super) struct Tally {
    pub(super) report: FileReport,
    pub(super) import_id: i64,
    pub(super) have_events: bool,
}

impl Tally {
    pub(super) fn reject(&mut self, i: ImportIssue) {
        self.report.rejected += 1;
        if self.report.errors.len() < MAX_ISSUES {
            self.report.errors.push(i);
        }
    }

    pub(super) fn cdr(&mut self, batch: &ImportBatch<'_>, c: &Cdr<'_>) -> Result<(), StoreError> {
        let state_code = if self.have_events {
            batch.disconnect_state_code(&c.session_id)?
        } else {
            None
        };
        let outcome = classify(&c.codes(state_code));
        let numbers = numbers_text(&c.caller_num, c.callee(), &c.bind_num);
        let d = calls::Derived {
            outcome,
            state_code,
            numbers: &numbers,
            import_id: Some(self.import_id),
        };
        if batch.insert_cdr(c, &d)? {
            self.report.new += 1;
        } else {
            self.report.duplicate += 1;
        }
        Ok(())
    }

    /// Writes one batch in one transaction. When it fails the batch is rolled back by the
    /// caller, so its counts are taken back too: the report counts only what was kept.
    fn write(&mut self, session: &ImportSession<'_>, items: Vec<Item>) -> Result<(), StoreError> {
        let before = (
            self.report.new,
            self.report.duplicate,
            self.report.rejected,
            self.report.errors.len(),
        );
        let written = self.write_batch(session, items);
        if written.is_err() {
            let (new, duplicate, rejected, errors) = before;
            self.report.new = new;
            self.report.duplicate = duplicate;
            self.report.rejected = rejected;
            self.report.errors.truncate(errors);
        }
        written
    }

    /// A failure drops the batch, which rolls it back.
    fn write_batch(
        &mut self,
        session: &ImportSession<'_>,
        items: Vec<Item>,
    ) -> Result<(), StoreError> {
        let batch = session.batch()?;
        for it in items {
            match it {
                Item::Cdr(c) => self.cdr(&batch, &c)?,
                Item::Event(e) => {
                    self.have_events = true;
                    if batch.insert_event(&e, Some(self.import_id))? {
                        self.report.new += 1;
                    } else {
                        self.report.duplicate += 1;
                    }
                }
                Item::Reject(i) => self.reject(i),
            }
        }
        batch.commit()
    }
}

/// A store failure in the middle of a file: the error, and the file's report so far (its
/// counts are what the committed batches kept).
pub(super) struct FileFailure {
    pub report: FileReport,
    pub error: StoreError,
}

/// Imports one file in `session`; store failures abort (the open batch is rolled back) and
/// come back with the counts of the batches committed before.
pub(super) fn import_file(
    session: &ImportSession<'_>,
    path: &Path,
    job: &mut Job<'_>,
) -> Result<FileReport, Box<FileFailure>> {
    let meta = std::fs::metadata(path).ok();
    let size = meta.as_ref().map_or(0, |m| m.len());
    let mtime = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64);
    let shown = path.display().to_string();
    let empty = FileReport {
        path: shown.clone(),
        new: 0,
        duplicate: 0,
        rejected: 0,
        errors: Vec::new(),
        status: ImportStatus::Done,
        error: None,
        bytes: size,
    };
    let fail = |report: &FileReport, error: StoreError| {
        Box::new(FileFailure {
            report: report.clone(),
            error,
        })
    };
    let conn = session.conn();
    let import_id = maskline_store::imports::begin(conn, &shown, size, mtime, super::now())
        .map_err(|e| fail(&empty, e))?;
    let have_events = calls::has_events(conn).map_err(|e| fail(&empty, e))?;
    let mut t = Tally {
        report: empty,
        import_id,
        have_events,
    };
    let batch = usize::try_from(job.batch_size).unwrap_or(usize::MAX);
    let (tx, rx) = sync_channel(AHEAD);
    let outcome = std::thread::scope(|s| {
        s.spawn(move || read(path, batch, tx));
        write_all(session, rx, job, &mut t)
    });
    if let Err(e) = outcome {
        // Best effort (the database may be what failed): the history says failed, not running.
        let r = &t.report;
        let _ = maskline_store::imports::finish(
            conn,
            import_id,
            &maskline_store::imports::Finish {
                status: ImportStatus::Failed,
                new: r.new,
                duplicate: r.duplicate,
                rejected: r.rejected,
                error: Some(&e.text()),
                now: super::now(),
            },
        );
        return Err(fail(&t.report, e));
    }
    let r = &t.report;
    let done = maskline_store::imports::add_issues(conn, import_id, &r.errors).and_then(|()| {
        maskline_store::imports::finish(
            conn,
            import_id,
            &maskline_store::imports::Finish {
                status: r.status,
                new: r.new,
                duplicate: r.duplicate,
                rejected: r.rejected,
                error: r.error.as_ref(),
                now: super::now(),
            },
        )
    });
    match done {
        Ok(()) => Ok(t.report),
        Err(e) => Err(fail(&t.report, e)),
    }
}

/// The writer: one transaction per batch, progress after each, cancellation between them.
/// Returning drops `rx`, which stops the reader.
fn write_all(
    session: &ImportSession<'_>,
    rx: Receiver<Msg>,
    job: &mut Job<'_>,
    t: &mut Tally,
) -> Result<(), StoreError> {
    for msg in rx {
        match msg {
            Msg::Batch(items, bytes) => {
                let n = items.len() as u64;
                t.write(session, items)?;
                job.records += n;
                job.report_progress(bytes);
                if job.cancelled() {
                    t.report.status = ImportStatus::Cancelled;
                    return Ok(());
                }
            }
            Msg::Failed(e) => {
                t.report.status = ImportStatus::Failed;
                t.report.error = Some(e);
            }
        }
    }
    Ok(())
}
