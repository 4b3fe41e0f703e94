//! Types of the recordings fetch manager, the local recordings cache, playback and the zip
//! export, shared with the UI through ts-rs. Times are UTC epoch seconds.
//!
//! Platform facts (reference §9.1): a download link lives 3 days; the file is deleted 7 days
//! after the CDR push; calls under 3 s have no recording; the platform records `.wav`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calls::{CallDirection, ExportLanguage};

/// How long the platform keeps a recording after the CDR (§9.1).
pub const PLATFORM_RETENTION_SECS: i64 = 7 * 86_400;
/// Calls shorter than this have no downloadable recording (§9.1 FAQ).
pub const MIN_RECORDED_SECS: i64 = 3;

/// Where a call's recording stands, as the UI shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RecordingState {
    /// The call has no recording; [`RecordingStatus::not_recorded`] says why.
    NotRecorded,
    /// Queued (or never tried) and still on the platform.
    Waiting,
    /// Being downloaded now.
    Fetching,
    /// A verified copy is in the local cache.
    Fetched,
    /// The last attempt failed; [`RecordingStatus::error`] says why. It will be retried.
    Failed,
    /// Too late: the platform has deleted it (or says it does not exist) and there is no local copy.
    Expired,
    /// It was fetched, then removed from the local cache (size limit or "delete local copy");
    /// it can be fetched again while the platform still keeps it.
    Evicted,
}

impl RecordingState {
    /// The stored form (`waiting`, `fetching`, …), as in the `recordings` table.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordingState::NotRecorded => "notRecorded",
            RecordingState::Waiting => "waiting",
            RecordingState::Fetching => "fetching",
            RecordingState::Fetched => "fetched",
            RecordingState::Failed => "failed",
            RecordingState::Expired => "expired",
            RecordingState::Evicted => "evicted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            RecordingState::NotRecorded,
            RecordingState::Waiting,
            RecordingState::Fetching,
            RecordingState::Fetched,
            RecordingState::Failed,
            RecordingState::Expired,
            RecordingState::Evicted,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// When the platform deletes a call's recording: its end (else its start) plus 7 days.
pub fn platform_deletes_at(start_time: i64, end_time: Option<i64>) -> i64 {
    end_time.unwrap_or(start_time) + PLATFORM_RETENTION_SECS
}

/// Why a call has no recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NotRecordedReason {
    /// Nobody answered, so nothing was recorded.
    NotAnswered,
    /// Answered, but shorter than 3 s: the platform keeps no recording.
    TooShort,
    /// Answered and long enough, but the binding did not record (recording off).
    RecordingOff,
}

/// The recording side of one call (the Calls drawer and the Recordings page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingStatus {
    pub call_id: i64,
    pub state: RecordingState,
    pub not_recorded: Option<NotRecordedReason>,
    /// When the platform deletes the file (end of call + 7 days), for the countdown.
    /// `None` when the call has no recording.
    pub platform_deletes_at: Option<i64>,
    /// Why the last attempt failed (says what to do next).
    pub error: Option<crate::Text>,
    /// A short stable kind of the failure: `expired`, `notFound`, `truncated`, `network`,
    /// `http<status>`, `platform<resultcode>`, `cacheFull`, `disk`, `account` (no account
    /// for the call's app key), `format` (not an audio file).
    pub error_kind: Option<String>,
    pub attempts: u32,
    /// When the next automatic retry is due.
    pub next_attempt_at: Option<i64>,
    /// `<sha256>.<ext>`, the name under the recordings folder, when fetched.
    pub file_name: Option<String>,
    pub sha256: Option<String>,
    pub bytes: Option<i64>,
    pub duration_ms: Option<i64>,
    /// `wav/alaw`, `wav/pcm16`, `mp3`, … as stored.
    pub format: Option<String>,
    pub fetched_at: Option<i64>,
    pub last_played_at: Option<i64>,
    /// Marked as evidence: never evicted by the size limit.
    pub pinned: bool,
}

/// A row of the Recordings page: the call's essentials and its recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingRow {
    pub call_id: i64,
    pub start_time: i64,
    pub direction: CallDirection,
    /// Numbers as received; the UI masks them.
    pub caller: String,
    pub callee: String,
    pub x_number: String,
    pub talk_seconds: i64,
    pub status: RecordingStatus,
}

/// Filters of the Recordings page. Only calls that have (or had) a recording are listed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RecordingFilter {
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Caller, callee or X as typed (same matching as the Calls page).
    pub number: Option<String>,
    pub min_seconds: Option<i64>,
    pub max_seconds: Option<i64>,
    /// Empty = any state.
    pub states: Vec<RecordingState>,
    pub pinned_only: bool,
    /// Only recordings the platform deletes within this many seconds and not fetched yet.
    pub expiring_within: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RecordingPageRequest {
    pub filter: RecordingFilter,
    /// 0-based.
    pub page: u32,
    /// 1–500; 0 means 50.
    pub page_size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingPage {
    pub rows: Vec<RecordingRow>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

/// Counts per state for the page header ("12 waiting, 3 expire within a day").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingSummary {
    pub waiting: u64,
    pub fetching: u64,
    pub fetched: u64,
    pub failed: u64,
    pub expired: u64,
    pub evicted: u64,
    /// Not fetched yet and deleted by the platform within 24 hours.
    pub expiring_within_day: u64,
    /// The soonest platform deletion among not-yet-fetched recordings.
    pub next_deletion_at: Option<i64>,
}

/// What to fetch. With no call ids: every waiting/failed/evicted recording still on the
/// platform (optionally only calls since `since`), soonest deletion first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FetchRequest {
    pub call_ids: Vec<i64>,
    pub since: Option<i64>,
}

/// Progress of a fetch job, sent while it runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FetchProgress {
    pub total: u64,
    pub fetched: u64,
    pub failed: u64,
    pub expired: u64,
    pub bytes: u64,
    /// The call whose state just changed (the UI refreshes that row).
    pub call_id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FetchReport {
    pub total: u64,
    pub fetched: u64,
    pub failed: u64,
    pub expired: u64,
    pub bytes: u64,
    /// Stopped by the user; what was fetched is kept, the rest stays waiting.
    pub cancelled: bool,
    /// Recordings removed from the local cache to stay under the size limit.
    pub evicted: u64,
}

/// Local cache usage and the recording settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingStorage {
    pub used_bytes: u64,
    pub files: u64,
    pub pinned_bytes: u64,
    pub pinned_files: u64,
    /// Absolute path of the recordings folder (shown in Settings).
    pub folder: String,
    pub settings: RecordingSettings,
}

/// Settings of the recordings cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingSettings {
    /// Cache size limit in MiB; least recently played unpinned files are evicted past it.
    pub cache_limit_mb: u64,
    /// Fetch new recordings automatically after every import.
    pub auto_fetch: bool,
}

impl Default for RecordingSettings {
    fn default() -> Self {
        Self {
            cache_limit_mb: 2048,
            auto_fetch: true,
        }
    }
}

/// What the player needs: the name to load through the `rec` URI scheme, and cached peaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaybackInfo {
    pub call_id: i64,
    /// Path component for the `rec` scheme (`<sha256>.wav`); the UI builds the URL with
    /// `convertFileSrc(name, "rec")`. The scheme serves a format every webview plays
    /// (A-law/µ-law WAV is transcoded to PCM on the fly).
    pub source: String,
    pub mime: String,
    pub duration_ms: i64,
    /// Normalised peaks in 0..=1 (max |sample| per bucket), computed once and cached.
    pub peaks: Vec<f32>,
    /// Where to stream from instead of the `rec` scheme, when the webview cannot play media
    /// from a custom scheme (WebKitGTK on Linux hands media URLs to GStreamer, which knows
    /// no custom schemes): a loopback address with a per-run secret token, same rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stream_url: Option<String>,
}

/// Export calls with their recordings as a zip: `calls.csv` + `recordings/…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZipExportRequest {
    pub call_ids: Vec<i64>,
    pub path: String,
    #[serde(default)]
    pub unmask: bool,
    #[serde(default)]
    pub utc_offset_minutes: i32,
    #[serde(default)]
    pub language: ExportLanguage,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZipExportProgress {
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZipExportReport {
    pub path: String,
    pub calls: u64,
    /// Audio files written into the zip.
    pub recordings: u64,
    /// Selected calls whose recording is not in the local cache (listed in the CSV as missing).
    pub missing: u64,
    pub cancelled: bool,
}

/// Why a call without a recording has none (`None` when it should have one).
pub fn not_recorded_reason(
    has_recording: bool,
    answered: bool,
    talk_seconds: i64,
) -> Option<NotRecordedReason> {
    if has_recording {
        None
    } else if !answered {
        Some(NotRecordedReason::NotAnswered)
    } else if talk_seconds < MIN_RECORDED_SECS {
        Some(NotRecordedReason::TooShort)
    } else {
        Some(NotRecordedReason::RecordingOff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_follow_the_platform_rules() {
        assert_eq!(not_recorded_reason(true, true, 60), None);
        assert_eq!(
            not_recorded_reason(false, false, 0),
            Some(NotRecordedReason::NotAnswered)
        );
        assert_eq!(
            not_recorded_reason(false, true, 2),
            Some(NotRecordedReason::TooShort)
        );
        assert_eq!(
            not_recorded_reason(false, true, 3),
            Some(NotRecordedReason::RecordingOff)
        );
    }
}
