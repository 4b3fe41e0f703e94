//! The audit trail as the Settings page and the CLI see it: every bind, modify, unbind and
//! bulk job, who did it (the OS user), when, for which account and with what result. Numbers
//! are masked before they get here; secrets never do.

use maskline_domain::PhoneNumber;
use maskline_domain::audit::{AuditEntry, ChainCheck};
use maskline_store::Db;
use maskline_store::audit::{self, AuditRecord};

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
    let size = page_size.clamp(1, 500);
    let db = dbm.db()?;
    Ok(audit::list(
        &*db.conn()?,
        action,
        (page.max(1) - 1) * size,
        size,
    )?)
}

/// Checks the hash chain; `first_broken` names the first row that was altered or removed.
pub fn verify_chain(dbm: &DbManager) -> Result<ChainCheck, ServiceError> {
    let db = dbm.db()?;
    Ok(audit::verify_chain(&*db.conn()?)?)
}
