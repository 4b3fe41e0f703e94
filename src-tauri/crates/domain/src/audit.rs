//! The local audit trail: who did what, when, and what the platform answered.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One audited action. Phone numbers in `target` are masked; no secrets are ever recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub id: i64,
    /// UTC `YYYY-MM-DDTHH:MM:SSZ` (entries of one second keep their order by `id`).
    pub at: String,
    /// The OS user name.
    pub who: String,
    pub account: Option<String>,
    /// `bind`, `modify`, `unbind`, `bulk.start`, `bulk.finish`, …
    pub action: String,
    /// What was acted on, with numbers masked (`AXB A=+86 138****8000 X=+8617000100000`).
    pub target: String,
    /// The platform's result code (`0` on success), or a local failure kind.
    pub result_code: String,
    pub ok: bool,
}

/// Whether the audit chain is intact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainCheck {
    /// Every row checked (the whole table).
    pub rows: u64,
    /// The first row whose hash does not match its content or its predecessor.
    pub first_broken: Option<i64>,
}

/// What an export of the whole audit log wrote: its rows and the chain check of exactly those
/// rows (also written into the file's last line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditExportReport {
    pub path: String,
    pub rows: u64,
    pub check: ChainCheck,
}
