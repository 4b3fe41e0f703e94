//! Types of the import job, shared with the UI through ts-rs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One rejected record (or unreadable part) of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssue {
    /// 1-based line where the JSON value holding the record starts (0 = the whole file).
    pub line: u64,
    /// Place inside that value, e.g. `feeLst[3]`; empty for the value itself.
    pub at: String,
    /// The offending field, e.g. `callInTime`.
    pub field: Option<String>,
    pub reason: crate::Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportStatus {
    /// The whole file was read.
    Done,
    /// Stopped by the user; committed batches are kept.
    Cancelled,
    /// The file could not be read to the end (see `error`); what was read is kept.
    Failed,
    /// The app or the CLI stopped (crash, kill, power cut) while reading it: the batches
    /// committed before are kept; importing the file again completes it. Set at the next start
    /// on imports left running.
    Interrupted,
}

/// Result of importing one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileReport {
    pub path: String,
    /// Records added (CDRs and call events).
    pub new: u64,
    /// Records already in the database (re-imports are no-ops).
    pub duplicate: u64,
    /// Records that failed validation.
    pub rejected: u64,
    /// The first rejections (at most [`MAX_ISSUES`] per file), with file position and reason.
    pub errors: Vec<ImportIssue>,
    pub status: ImportStatus,
    /// Why the file stopped early (unreadable, not UTF-8/JSON, truncated gzip…).
    pub error: Option<crate::Text>,
    pub bytes: u64,
}

/// Rejections kept per file; the count in `rejected` is always complete.
pub const MAX_ISSUES: usize = 100;

/// Sent after every batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// 0-based index of the file being read, of `files`.
    pub file_index: u32,
    pub files: u32,
    pub path: String,
    /// Records processed so far in the whole job.
    pub records: u64,
    /// Bytes read so far in the whole job (compressed size for gzip) of `bytesTotal`.
    pub bytes: u64,
    pub bytes_total: u64,
    pub records_per_sec: f64,
}
