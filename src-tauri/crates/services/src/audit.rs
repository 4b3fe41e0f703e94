//! The audit trail as the Settings page and the CLI see it: every bind, modify, unbind and
//! bulk job, who did it (the OS user), when, for which account and with what result. Numbers
//! are masked before they get here; secrets never do. [`export`] writes the whole chain to a
//! CSV that can be checked outside the app.

use maskline_domain::Text;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use maskline_domain::PhoneNumber;
use maskline_domain::audit::{AuditEntry, AuditExportReport, ChainCheck};
use maskline_store::Db;
use maskline_store::audit::{self, AuditRecord, ChainVerifier};

use crate::{DbManager, ServiceError};

/// The OS user name (`USER`, `USERNAME` on Windows), or `unknown`.
pub fn who() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// A number for the audit trail: masked, whatever form it came in.
pub fn mask(n: &str) -> String {
    PhoneNumber::parse(n).map_or_else(|_| "***".into(), |p| p.masked())
}

/// The result code recorded for a failure: the platform's code, else the kind of failure.
pub fn failure_code(e: &ServiceError) -> String {
    if let Some(c) = e.result_code() {
        return c.code().to_string();
    }
    match e {
        ServiceError::Api(maskline_api::ApiError::Timeout { .. }) => "timeout",
        ServiceError::Api(maskline_api::ApiError::Transport { .. }) => "transport",
        ServiceError::Api(maskline_api::ApiError::InvalidInput { .. })
        | ServiceError::Invalid { .. }
        | ServiceError::WrongMode { .. } => "invalid",
        _ => "error",
    }
    .into()
}

/// Appends one entry (blocking: call from `spawn_blocking` or a blocking context).
pub fn record(
    db: &Db,
    account: Option<&str>,
    action: &str,
    target: &str,
    result_code: &str,
    ok: bool,
) -> Result<i64, ServiceError> {
    let rec = AuditRecord {
        at: maskline_store::timefmt::now_text(),
        who: who(),
        account: account.map(str::to_string),
        action: action.into(),
        target: target.into(),
        result_code: result_code.into(),
        ok,
    };
    Ok(audit::append(&mut *db.conn()?, &rec)?)
}

/// Entries newest first (`page` from 1), optionally of one action.
pub fn list(
    dbm: &DbManager,
    action: Option<&str>,
    page: u32,
    page_size: u32,
) -> Result<Vec<AuditEntry>, ServiceError> {
    let size = crate::paging::page_size("limit", page_size)?;
    let page = crate::paging::page("page", page)?;
    let db = dbm.db()?;
    Ok(audit::list(&*db.conn()?, action, (page - 1) * size, size)?)
}

/// Checks the hash chain; `first_broken` names the first row that was altered or removed.
pub fn verify_chain(dbm: &DbManager) -> Result<ChainCheck, ServiceError> {
    let db = dbm.db()?;
    Ok(audit::verify_chain(&*db.conn()?)?)
}

/// The columns of an audit export. `prev_hash` and `hash` are the stored chain links: a row's
/// `hash` is SHA-256 (hex) of its `prev_hash` followed by its canonical form, each field as
/// `<byte length>:<value>|` in this order: id, at, who, account (empty when none), `1`/`0`
/// (whether there is an account), action, target, result_code, ok (`1`/`0`). The first row's
/// `prev_hash` is 64 zeros.
pub const EXPORT_HEADERS: [&str; 10] = [
    "id",
    "at",
    "who",
    "account",
    "action",
    "target",
    "result_code",
    "ok",
    "prev_hash",
    "hash",
];

/// The `action` of the export file's last line, which carries the chain check.
pub const EXPORT_CHECK_ACTION: &str = "chain.check";

fn write_err(path: &Path, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Invalid {
        field: "path".into(),
        message: Text::new(
            format!(
                "cannot write {}: {e}. Choose another folder or free disk space",
                path.display()
            ),
            format!(
                "无法写入 {}:{e}。请换一个位置或释放磁盘空间",
                path.display()
            ),
        ),
    }
}

/// Writes the whole audit log to `path` as CSV (UTF-8 with BOM), oldest first, one row at a
/// time ([`EXPORT_HEADERS`]), verifying the chain as it goes. The last line is not an entry: its
/// `id` is empty, `action` is [`EXPORT_CHECK_ACTION`], `at`/`who` say when and by whom the file
/// was written, `target` states the result in words, `result_code` is `intact` or
/// `broken:<first broken id>`, `ok` is `1` when intact, and `prev_hash` is the hash of the last
/// exported row (the chain's head). The file is written beside `path` and renamed when
/// complete. The export itself is then recorded in the audit log (after the rows it wrote).
pub fn export(dbm: &DbManager, path: &Path) -> Result<AuditExportReport, ServiceError> {
    let db = dbm.db()?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let written = write_export(&db, path, &tmp);
    let check = match written {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        crate::fsx::write_error(path, e, |e| write_err(path, e))
    })?;
    record(&db, None, "audit.export", &check_words(&check), "0", true)?;
    Ok(AuditExportReport {
        path: path.display().to_string(),
        rows: check.rows,
        check,
    })
}

fn check_words(c: &ChainCheck) -> String {
    match c.first_broken {
        None => Text::new(format!("{} entries, chain intact", c.rows), format!("共 {} 条记录，记录链完整", c.rows)).to_string(),
        Some(id) => Text::new(format!("{} entries, chain BROKEN at entry {id}: it or the one before it was altered or removed outside Maskline", c.rows), format!("共 {} 条记录，记录链在第 {id} 条处断开（该条或前一条在 Maskline 之外被修改或删除）", c.rows)).to_string(),
    }
}

fn write_export(db: &Db, path: &Path, tmp: &Path) -> Result<ChainCheck, ServiceError> {
    let file = File::create(tmp).map_err(|e| write_err(path, e))?;
    let mut out = BufWriter::new(file);
    out.write_all("\u{feff}".as_bytes())
        .map_err(|e| write_err(path, e))?;
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let fail = |e: csv::Error| write_err(path, e);
    csv.write_record(EXPORT_HEADERS).map_err(fail)?;
    let mut verifier = ChainVerifier::default();
    let mut head = String::new();
    {
        let conn = db.conn()?;
        audit::for_each(&conn, |r| {
            verifier.push(r);
            head.clone_from(&r.hash);
            let a = &r.record;
            csv.write_record([
                r.id.to_string().as_str(),
                &a.at,
                &a.who,
                a.account.as_deref().unwrap_or(""),
                &a.action,
                &a.target,
                &a.result_code,
                if a.ok { "1" } else { "0" },
                &r.prev_hash,
                &r.hash,
            ])
            .map_err(fail)
        })?;
    }
    let check = verifier.finish();
    let code = check
        .first_broken
        .map_or_else(|| "intact".to_string(), |id| format!("broken:{id}"));
    csv.write_record([
        "",
        &maskline_store::timefmt::now_text(),
        &who(),
        "",
        EXPORT_CHECK_ACTION,
        &check_words(&check),
        &code,
        if check.first_broken.is_none() {
            "1"
        } else {
            "0"
        },
        &head,
        "",
    ])
    .map_err(fail)?;
    let out = csv.into_inner().map_err(|e| write_err(path, e.error()))?;
    out.into_inner()
        .map_err(|e| write_err(path, e.error()))?
        .sync_all()
        .map_err(|e| write_err(path, e))?;
    Ok(check)
}
