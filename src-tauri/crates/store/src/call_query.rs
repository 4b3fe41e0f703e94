//! Reads of the Calls page: filter → SQL, pages, counts, one call with its events.
//!
//! Number search goes through the `calls_numbers` trigram index when the pattern has three
//! or more characters (candidates are then re-checked with `instr` on `calls.numbers`, as
//! the index stores no positions); shorter patterns scan in time order.

use maskline_domain::calls::{
    CallDirection, CallEventView, CallFilter, CallRow, CallSort, CallSortColumn, NumberMatch,
    number_pattern,
};
use maskline_domain::cdr::EventKind;
use maskline_domain::explain::{CallCodes, CallOutcome};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use crate::StoreError;

/// A filter turned into a `WHERE` clause over `calls c` and its parameters.
#[derive(Debug, Clone, Default)]
pub struct Where {
    pub sql: String,
    pub params: Vec<Value>,
    /// How the number query was matched, when there was one.
    pub number_match: Option<NumberMatch>,
}

/// The FTS5 query for a pattern: its distinct trigrams, each quoted; `None` under 3 chars.
pub fn fts_query(needle: &str) -> Option<String> {
    let chars: Vec<char> = needle.chars().collect();
    if chars.len() < 3 {
        return None;
    }
    let mut grams: Vec<String> = chars.windows(3).map(|w| w.iter().collect()).collect();
    grams.sort();
    grams.dedup();
    Some(
        grams
            .iter()
            .map(|g| format!("\"{g}\""))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn add(w: &mut Where, parts: &mut Vec<String>, sql: &str, v: Value) {
    w.params.push(v);
    parts.push(sql.replace('?', &format!("?{}", w.params.len())));
}

fn normalise_number(s: &str) -> String {
    maskline_domain::PhoneNumber::parse(s)
        .map(|p| p.to_string())
        .unwrap_or_else(|_| {
            maskline_domain::phone::to_ascii_digits(s)
                .trim()
                .to_string()
        })
}

impl Where {
    pub fn new(f: &CallFilter) -> Self {
        let mut w = Where::default();
        let mut parts: Vec<String> = Vec::new();
        if let Some(from) = f.from {
            add(
                &mut w,
                &mut parts,
                "c.start_time >= ?",
                Value::Integer(from),
            );
        }
        if let Some(to) = f.to {
            add(&mut w, &mut parts, "c.start_time < ?", Value::Integer(to));
        }
        let number = f
            .number
            .as_deref()
            .map(maskline_domain::phone::to_ascii_digits)
            .filter(|n| !n.trim().is_empty());
        let pattern = number.as_deref().map(|n| number_pattern(n, f.number_match));
        if let Some(None) = pattern {
            // A number search without a digit can match no number; it must never widen to
            // every call (the services refuse it before it gets here).
            parts.push("0".to_string());
        }
        if let Some(Some(pat)) = pattern {
            w.number_match = Some(pat.mode);
            if let Some(q) = fts_query(&pat.needle) {
                add(
                    &mut w,
                    &mut parts,
                    "c.id IN (SELECT rowid FROM calls_numbers WHERE calls_numbers MATCH ?)",
                    Value::Text(q),
                );
            }
            add(
                &mut w,
                &mut parts,
                "instr(c.numbers, ?) > 0",
                Value::Text(pat.needle),
            );
        }
        if let Some(x) = f.x_number.as_deref().filter(|x| !x.trim().is_empty()) {
            add(
                &mut w,
                &mut parts,
                "c.x_number = ?",
                Value::Text(normalise_number(x)),
            );
        }
        if let Some(s) = f
            .subscription_id
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            add(
                &mut w,
                &mut parts,
                "c.subscription_id = ?",
                Value::Text(s.trim().to_string()),
            );
        }
        if let Some(k) = f.app_key.as_deref().filter(|k| !k.trim().is_empty()) {
            add(
                &mut w,
                &mut parts,
                "c.app_key = ?",
                Value::Text(k.trim().to_string()),
            );
        }
        if let Some(d) = f.direction {
            add(
                &mut w,
                &mut parts,
                "c.direction = ?",
                Value::Integer(d.code()),
            );
        }
        if let Some(a) = f.answered {
            add(
                &mut w,
                &mut parts,
                "c.answered = ?",
                Value::Integer(i64::from(a)),
            );
        }
        if !f.outcomes.is_empty() {
            let mut marks = Vec::new();
            for o in &f.outcomes {
                w.params.push(Value::Text(o.as_str().to_string()));
                marks.push(format!("?{}", w.params.len()));
            }
            parts.push(format!("c.outcome IN ({})", marks.join(", ")));
        }
        if let Some(m) = f.min_talk_seconds {
            add(&mut w, &mut parts, "c.talk_seconds >= ?", Value::Integer(m));
        }
        if let Some(m) = f.max_talk_seconds {
            add(&mut w, &mut parts, "c.talk_seconds <= ?", Value::Integer(m));
        }
        if let Some(r) = f.has_recording {
            add(
                &mut w,
                &mut parts,
                "c.has_recording = ?",
                Value::Integer(i64::from(r)),
            );
        }
        w.sql = if parts.is_empty() {
            "1".into()
        } else {
            parts.join(" AND ")
        };
        w
    }
}

fn order_by(s: CallSort) -> String {
    let col = match s.column {
        CallSortColumn::StartTime => "c.start_time",
        CallSortColumn::TalkSeconds => "c.talk_seconds",
        CallSortColumn::Caller => "c.caller",
        CallSortColumn::Callee => "c.callee",
        CallSortColumn::XNumber => "c.x_number",
        CallSortColumn::Outcome => "c.outcome",
    };
    let dir = if s.descending { "DESC" } else { "ASC" };
    format!("{col} {dir}, c.id {dir}")
}

pub(crate) const ROW_COLUMNS: &str = "c.id, c.start_time, c.end_time, c.direction, c.caller, \
    c.callee, c.x_number, c.subscription_id, c.answered, c.talk_seconds, c.outcome, c.has_recording";

pub(crate) fn row(r: &Row<'_>) -> rusqlite::Result<CallRow> {
    let outcome: String = r.get(10)?;
    Ok(CallRow {
        id: r.get(0)?,
        start_time: r.get(1)?,
        end_time: r.get(2)?,
        direction: CallDirection::from_code(r.get(3)?),
        caller: r.get(4)?,
        callee: r.get(5)?,
        x_number: r.get(6)?,
        subscription_id: r.get(7)?,
        answered: r.get(8)?,
        talk_seconds: r.get(9)?,
        outcome: CallOutcome::parse(&outcome).unwrap_or(CallOutcome::Unknown),
        has_recording: r.get(11)?,
    })
}

/// Rows `offset .. offset + limit` of the filter in the given order.
pub fn page(
    conn: &Connection,
    w: &Where,
    sort: CallSort,
    offset: u64,
    limit: u32,
) -> Result<Vec<CallRow>, StoreError> {
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM calls c WHERE {} ORDER BY {} LIMIT {limit} OFFSET {offset}",
        w.sql,
        order_by(sort)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(w.params.iter()), row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Streams every row of the filter in order, `batch` rows per query (keyset on the sort
/// column would be faster for deep pages; offsets keep every sort order simple).
pub fn for_each_page(
    conn: &Connection,
    w: &Where,
    sort: CallSort,
    batch: u32,
    mut f: impl FnMut(&[CallRow]) -> Result<bool, StoreError>,
) -> Result<(), StoreError> {
    let mut offset = 0u64;
    loop {
        let rows = page(conn, w, sort, offset, batch)?;
        if rows.is_empty() || !f(&rows)? || rows.len() < batch as usize {
            return Ok(());
        }
        offset += rows.len() as u64;
    }
}

pub fn count(conn: &Connection, w: &Where) -> Result<u64, StoreError> {
    let sql = format!("SELECT count(*) FROM calls c WHERE {}", w.sql);
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(w.params.iter()), |r| r.get(0))?;
    Ok(n as u64)
}

/// Every column of one call, for the detail drawer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallFull {
    pub row: CallRow,
    pub icid: Option<String>,
    pub session_id: String,
    pub app_key: Option<String>,
    pub display_num: Option<String>,
    pub alerting_time: Option<i64>,
    pub answer_time: Option<i64>,
    /// The codes as stored (`state_code`: the disconnect event seen at import, if any).
    pub codes: CallCodes,
    pub record_object_name: Option<String>,
    pub record_domain: Option<String>,
    pub service_type: Option<String>,
    pub user_data: Option<String>,
    pub extend_number: Option<String>,
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<CallFull>, StoreError> {
    let sql = format!(
        "SELECT {ROW_COLUMNS}, c.icid, c.session_id, c.app_key, c.display_num, c.alerting_time,
           c.answer_time, c.ul_fail_reason, c.state_code, c.fwd_unasw_rsn, c.call_out_unasw_rsn,
           c.sip_status, c.call_rel_direction, c.record_object_name, c.record_domain,
           c.service_type, c.user_data, c.extend_number
         FROM calls c WHERE c.id = ?1"
    );
    let full = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            let row = row(r)?;
            let codes = CallCodes {
                answered: row.answered,
                talk_seconds: row.talk_seconds,
                ul_fail_reason: r.get(18)?,
                state_code: r.get(19)?,
                fwd_unasw_rsn: r.get(20)?,
                call_out_unasw_rsn: r.get(21)?,
                sip_status: r.get(22)?,
                call_rel_direction: r.get(23)?,
            };
            Ok(CallFull {
                row,
                icid: r.get(12)?,
                session_id: r.get(13)?,
                app_key: r.get(14)?,
                display_num: r.get(15)?,
                alerting_time: r.get(16)?,
                answer_time: r.get(17)?,
                codes,
                record_object_name: r.get(24)?,
                record_domain: r.get(25)?,
                service_type: r.get(26)?,
                user_data: r.get(27)?,
                extend_number: r.get(28)?,
            })
        })
        .optional()?;
    Ok(full)
}

/// A session's events, oldest first.
pub fn events(conn: &Connection, session_id: &str) -> Result<Vec<CallEventView>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, time, caller, called, state_code, state_desc FROM call_events
         WHERE session_id = ?1 ORDER BY time, id",
    )?;
    let rows = stmt
        .query_map([session_id], |r| {
            let kind: String = r.get(0)?;
            Ok(CallEventView {
                kind: EventKind::parse(&kind).unwrap_or(EventKind::CallIn),
                time: r.get(1)?,
                caller: r.get(2)?,
                called: r.get(3)?,
                state_code: r.get(4)?,
                state_desc: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
