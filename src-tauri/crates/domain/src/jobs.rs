//! Bulk jobs (bind / modify / unbind from a spreadsheet): column mapping, the dry run, the
//! journal's row states and the progress the UI shows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Mode;
use crate::pools::RowError;

/// What a bulk job does to each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JobKind {
    Bind,
    Modify,
    Unbind,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Bind => "bind",
            JobKind::Modify => "modify",
            JobKind::Unbind => "unbind",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Bind, Self::Modify, Self::Unbind]
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JobState {
    /// Validated and journaled; nothing sent yet.
    Ready,
    Running,
    Paused,
    /// Stopped by the user; can be resumed.
    Cancelled,
    /// Every row is ok, failed or invalid.
    Done,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Ready => "ready",
            JobState::Running => "running",
            JobState::Paused => "paused",
            JobState::Cancelled => "cancelled",
            JobState::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Ready,
            Self::Running,
            Self::Paused,
            Self::Cancelled,
            Self::Done,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A row's state in the journal: `pending → sending → ok | failed`. A row is committed as
/// `sending` before its request goes out, so after a crash it is checked on the platform
/// instead of being sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RowState {
    /// Refused by the dry run; never sent.
    Invalid,
    Pending,
    Sending,
    Ok,
    Failed,
}

impl RowState {
    pub fn as_str(self) -> &'static str {
        match self {
            RowState::Invalid => "invalid",
            RowState::Pending => "pending",
            RowState::Sending => "sending",
            RowState::Ok => "ok",
            RowState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Invalid,
            Self::Pending,
            Self::Sending,
            Self::Ok,
            Self::Failed,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// The fields a bulk file can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BulkField {
    A,
    B,
    X,
    AreaCode,
    DurationSecs,
    Direction,
    Record,
    /// Required by carriers when `record` is on: the notice tone's file name.
    RecordHintTone,
    UserData,
    SubscriptionId,
}

/// Which column of the file holds which field (0-based column index).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub columns: Vec<MappedColumn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MappedColumn {
    pub field: BulkField,
    pub column: u32,
    /// The header text, for display.
    pub header: String,
}

impl ColumnMapping {
    pub fn column_of(&self, field: BulkField) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.column)
    }
}

/// Why a row was refused by the dry run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IssueKind {
    /// A value is malformed (number, duration, direction, …) or a required one is missing.
    Invalid,
    /// The same binding appears earlier in the file.
    Duplicate,
    /// The cache says the platform would refuse it (A or B already bound on that X, …).
    Conflict,
}

/// One refused row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowIssue {
    pub kind: IssueKind,
    pub error: RowError,
}

/// The dry run's verdict on a whole file. Nothing has been sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DryRunReport {
    pub kind: JobKind,
    pub mode: Mode,
    pub mapping: ColumnMapping,
    /// Data rows read (blank rows skipped).
    pub rows: u32,
    pub valid: u32,
    pub invalid: u32,
    pub duplicates: u32,
    pub conflicts: u32,
    pub issues: Vec<RowIssue>,
}

/// Counts and speed of a job, sent as it runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobProgress {
    pub job_id: i64,
    pub state: JobState,
    /// Rows that will be sent (invalid rows excluded).
    pub total: u32,
    /// ok + failed.
    pub done: u32,
    pub ok: u32,
    pub failed: u32,
    pub invalid: u32,
    /// Requests answered per second over the last few seconds.
    pub rate_per_sec: f64,
}

/// A job in the jobs list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    pub id: i64,
    pub account_id: i64,
    pub kind: JobKind,
    pub mode: Mode,
    pub source: String,
    pub created_at: String,
    pub created_by: String,
    pub progress: JobProgress,
}

/// One row's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobRowResult {
    /// 1-based row in the source file.
    pub row: u32,
    pub state: RowState,
    pub a: Option<String>,
    pub b: Option<String>,
    pub x: Option<String>,
    pub subscription_id: Option<String>,
    pub result_code: Option<String>,
    pub reason: Option<crate::Text>,
}
