//! Types of the Calls page, the dashboard and exports, shared with the UI through ts-rs.
//! All times are UTC epoch seconds; the UI shows them in the user's zone.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cdr::EventKind;
use crate::explain::{CallOutcome, Explanation};

/// How a number query matches. `None` in a filter = detect from what was typed:
/// a complete number → `full`; 1–4 digits → `lastDigits`; anything else → `anyPart`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NumberMatch {
    Full,
    AnyPart,
    LastDigits,
}

/// CDR `direction`: 0 other user → A, 1 A → other user, 2 abnormal (e.g. no binding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CallDirection {
    ToA,
    FromA,
    Abnormal,
}

impl CallDirection {
    pub fn code(self) -> i64 {
        match self {
            CallDirection::ToA => 0,
            CallDirection::FromA => 1,
            CallDirection::Abnormal => 2,
        }
    }
    pub fn from_code(c: i64) -> Self {
        match c {
            0 => CallDirection::ToA,
            1 => CallDirection::FromA,
            _ => CallDirection::Abnormal,
        }
    }
}

/// The Calls page filter. Every field is optional; empty = no restriction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CallFilter {
    /// Start time, inclusive (UTC epoch seconds).
    pub from: Option<i64>,
    /// Start time, exclusive.
    pub to: Option<i64>,
    /// Caller, callee or X, as typed: `138 0013 8000`, `+8613800138000`, `0013`, `8000`.
    pub number: Option<String>,
    pub number_match: Option<NumberMatch>,
    /// The private number X, full (any format).
    pub x_number: Option<String>,
    pub subscription_id: Option<String>,
    /// Calls of one application: the platform account's app key (the dashboard's account).
    pub app_key: Option<String>,
    pub direction: Option<CallDirection>,
    pub answered: Option<bool>,
    /// Any of these outcomes (the failure reason filter).
    pub outcomes: Vec<CallOutcome>,
    /// Talk time in seconds, inclusive.
    pub min_talk_seconds: Option<i64>,
    pub max_talk_seconds: Option<i64>,
    pub has_recording: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CallSortColumn {
    #[default]
    StartTime,
    TalkSeconds,
    Caller,
    Callee,
    XNumber,
    Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallSort {
    pub column: CallSortColumn,
    pub descending: bool,
}

impl Default for CallSort {
    /// Newest first.
    fn default() -> Self {
        CallSort {
            column: CallSortColumn::StartTime,
            descending: true,
        }
    }
}

/// One page of the Calls table: rows `page * pageSize ..`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CallPageRequest {
    pub filter: CallFilter,
    pub sort: CallSort,
    /// 0-based.
    pub page: u32,
    /// 1–1000; 0 means 100.
    pub page_size: u32,
}

/// A row of the Calls table. Numbers are as received (the UI masks them for display).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallRow {
    pub id: i64,
    pub start_time: i64,
    pub end_time: Option<i64>,
    pub direction: CallDirection,
    pub caller: String,
    /// The real callee (`fwdDstNum`, else `calleeNum`).
    pub callee: String,
    pub x_number: String,
    pub subscription_id: Option<String>,
    pub answered: bool,
    pub talk_seconds: i64,
    pub outcome: CallOutcome,
    pub has_recording: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallPage {
    pub rows: Vec<CallRow>,
    pub page: u32,
    pub page_size: u32,
    /// More rows follow this page.
    pub has_more: bool,
    /// How the number query was matched (after auto-detection), if there was one.
    pub number_match: Option<NumberMatch>,
}

/// One call event on the detail drawer's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallEventView {
    pub kind: EventKind,
    pub time: i64,
    pub caller: Option<String>,
    pub called: Option<String>,
    pub state_code: Option<i64>,
    pub state_desc: Option<String>,
}

/// The detail drawer: the row, every CDR field worth showing, the timeline and the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallDetail {
    pub row: CallRow,
    pub icid: Option<String>,
    pub session_id: String,
    pub app_key: Option<String>,
    pub calling_display: Option<String>,
    pub service_type: Option<String>,
    pub user_data: Option<String>,
    pub extend_number: Option<String>,
    pub alerting_time: Option<i64>,
    pub answer_time: Option<i64>,
    pub record_object_name: Option<String>,
    pub record_domain: Option<String>,
    /// Events of this call (by `sessionId`), oldest first.
    pub events: Vec<CallEventView>,
    pub explanation: Explanation,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StatsBucket {
    Hour,
    #[default]
    Day,
}

/// Dashboard request: the filter's range (and any other filters), bucket size, and the
/// user's UTC offset so that day buckets start at local midnight.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct StatsRequest {
    pub filter: CallFilter,
    pub bucket: StatsBucket,
    pub utc_offset_minutes: i32,
    /// Entries in each top list; 0 means 10.
    pub top_n: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BucketCount {
    /// Bucket start (UTC epoch seconds).
    pub start: i64,
    pub calls: u64,
    pub answered: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeCount {
    pub outcome: CallOutcome,
    pub calls: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberCount {
    pub number: String,
    pub calls: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallStats {
    pub calls: u64,
    pub answered: u64,
    /// 0–1; 0 when there are no calls.
    pub answer_rate: f64,
    pub total_talk_seconds: i64,
    pub avg_talk_seconds: f64,
    pub bucket: StatsBucket,
    pub buckets: Vec<BucketCount>,
    /// Unanswered calls by outcome, most frequent first.
    pub failure_reasons: Vec<OutcomeCount>,
    /// Callers and callees with most calls.
    pub top_numbers: Vec<NumberCount>,
    pub busiest_x: Vec<NumberCount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum ExportLanguage {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

/// Export the current filter to `path`. Numbers are masked unless `unmask`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    pub filter: CallFilter,
    #[serde(default)]
    pub sort: CallSort,
    pub format: ExportFormat,
    pub path: String,
    #[serde(default)]
    pub unmask: bool,
    /// Times are written in this offset; the header names it (`UTC+08:00`).
    #[serde(default)]
    pub utc_offset_minutes: i32,
    #[serde(default)]
    pub language: ExportLanguage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub rows: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub path: String,
    pub rows: u64,
    /// Stopped by the user; the file holds the rows written so far.
    pub cancelled: bool,
}

/// For display and exports: `+86 138****8000` for Chinese numbers, else the first 3 and
/// last 4 characters around stars.
pub fn mask_number(n: &str) -> String {
    if let Ok(p) = crate::PhoneNumber::parse(n) {
        return p.masked();
    }
    let chars: Vec<char> = n.chars().collect();
    if chars.len() <= 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

/// A number query resolved to what it must find inside [`numbers_text`]: `^13800138000$`
/// (full), `8000$` (last digits) or `0013` (any part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberPattern {
    pub mode: NumberMatch,
    pub needle: String,
}

fn national(n: &str) -> &str {
    n.strip_prefix("+86").unwrap_or(n)
}

/// What number search looks in: `^caller$^callee$^x$`, with `+86` dropped.
pub fn numbers_text(caller: &str, callee: &str, x: &str) -> String {
    format!(
        "^{}$^{}$^{}$",
        national(caller),
        national(callee),
        national(x)
    )
}

/// Resolves a typed number query. `None` when it has no digits. Auto-detection (`mode` =
/// `None`): a complete number in any format (`138 0013 8000`, `+86 138-0013-8000`) → full;
/// 1–4 digits → last digits (what callers quote); else any part, with a typed `+86`/`0086`
/// country code dropped.
pub fn number_pattern(text: &str, mode: Option<NumberMatch>) -> Option<NumberPattern> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let t = text.trim_start();
    let without_country = match digits.strip_prefix("0086") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ if t.starts_with('+') && digits.len() > 2 => {
            digits.strip_prefix("86").unwrap_or(&digits).to_string()
        }
        _ => digits.clone(),
    };
    let full = crate::PhoneNumber::parse(text).ok();
    let mode = mode.unwrap_or(match (&full, digits.len()) {
        (Some(_), _) => NumberMatch::Full,
        (None, 1..=4) => NumberMatch::LastDigits,
        _ => NumberMatch::AnyPart,
    });
    let needle = match mode {
        NumberMatch::Full => match &full {
            Some(p) => format!("^{}$", p.national()),
            None => format!("^{without_country}$"),
        },
        NumberMatch::LastDigits => format!("{digits}$"),
        NumberMatch::AnyPart => without_country,
    };
    Some(NumberPattern { mode, needle })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_chinese_and_other_numbers() {
        assert_eq!(mask_number("+8613800138000"), "+86 138****8000");
        assert_eq!(mask_number("+14155550100"), "+14*****0100");
        assert_eq!(mask_number("12345"), "*****");
    }

    #[test]
    fn number_queries_are_detected_whatever_the_format() {
        let p = |t: &str| number_pattern(t, None).map(|p| (p.mode, p.needle));
        let full = Some((NumberMatch::Full, "^13800138000$".to_string()));
        assert_eq!(p("138 0013 8000"), full);
        assert_eq!(p("+86 138-0013-8000"), full);
        assert_eq!(p("008613800138000"), full);
        assert_eq!(p("8000"), Some((NumberMatch::LastDigits, "8000$".into())));
        assert_eq!(p("0013 8"), Some((NumberMatch::AnyPart, "00138".into())));
        assert_eq!(
            p("+86138001"),
            Some((NumberMatch::AnyPart, "138001".into()))
        );
        assert_eq!(p("  - "), None);
        let forced = number_pattern("8000", Some(NumberMatch::AnyPart)).expect("digits");
        assert_eq!(forced.needle, "8000");
        assert_eq!(
            numbers_text("+8613800138000", "+8618605222935", "+8617068754375"),
            "^13800138000$^18605222935$^17068754375$"
        );
    }

    #[test]
    fn filter_deserializes_from_partial_json() {
        let f: CallFilter =
            serde_json::from_str(r#"{"number":"8000","answered":false,"outcomes":["calleeBusy"]}"#)
                .expect("partial filter");
        assert_eq!(f.number.as_deref(), Some("8000"));
        assert_eq!(f.outcomes, vec![CallOutcome::CalleeBusy]);
        let r: CallPageRequest = serde_json::from_str("{}").expect("empty request");
        assert_eq!(r.sort, CallSort::default());
    }
}
