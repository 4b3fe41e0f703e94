//! Spreads the demo's calls over the last 30 days before they are imported.
//!
//! The simulator's clock only moves forward, so every generated call happened in the last
//! minute. For the Dashboard and the Calls page to show something worth looking at, every
//! time of a call (in its events and its CDR alike) is moved back by a seeded offset drawn
//! from its session sequence number: the same call always lands on the same day and hour.

use std::path::Path;

use serde_json::Value;
use time::PrimitiveDateTime;
use time::macros::format_description;

use super::seed::Rng;
use crate::ServiceError;

const FORMAT: &[time::format_description::BorrowedFormatItem<'_>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

fn io(path: &Path, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Invalid {
        field: "demo".into(),
        message: maskline_domain::Text::new(
            format!("cannot rewrite demo file {}: {e}", path.display()),
            format!("无法改写演示文件 {}:{e}", path.display()),
        ),
    }
}

/// Seconds to move a call back: 0–29 days (recent days more often) and 0–11 hours.
fn offset(session_id: &str, seed: u64) -> i64 {
    let seq: u64 = session_id
        .split('_')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut rng = Rng::new(seed ^ seq.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let r = rng.below(900) as f64;
    let days = 29 - r.sqrt() as i64;
    let hours = rng.below(12) as i64;
    let minutes = rng.below(60) as i64;
    days * 86_400 + hours * 3_600 + minutes * 60
}

fn shift_times(v: &mut Value, back: i64) {
    match v {
        Value::String(s) => {
            if let Ok(t) = PrimitiveDateTime::parse(s, FORMAT)
                && let Ok(text) = (t - time::Duration::seconds(back)).format(FORMAT)
            {
                *s = text;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| shift_times(i, back)),
        Value::Object(m) => m.values_mut().for_each(|i| shift_times(i, back)),
        _ => {}
    }
}

/// Shifts the times of every object that names a `sessionId` (event `statusInfo`, CDRs).
fn walk(v: &mut Value, seed: u64) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(id)) = m.get("sessionId") {
                let back = offset(id, seed);
                m.values_mut().for_each(|i| shift_times(i, back));
            } else {
                m.values_mut().for_each(|i| walk(i, seed));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| walk(i, seed)),
        _ => {}
    }
}

/// Rewrites every `*.json` notification in `dir` in place.
pub(super) fn spread_calls(dir: &Path, seed: u64) -> Result<(), ServiceError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| io(dir, e))?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let mut value: Value = serde_json::from_str(&text).map_err(|e| io(&path, e))?;
        walk(&mut value, seed);
        let out = serde_json::to_string(&value).map_err(|e| io(&path, e))?;
        std::fs::write(&path, out).map_err(|e| io(&path, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_time_of_a_call_moves_back_by_the_same_offset() {
        let mut v = serde_json::json!({"eventType": "fee", "feeLst": [{
            "sessionId": "1202_7_4294967295_20261125120000@x",
            "callInTime": "2026-11-25 12:00:00",
            "callEndTime": "2026-11-25 12:01:00",
            "callerNum": "+8613800138000"
        }]});
        walk(&mut v, 1);
        let rec = &v["feeLst"][0];
        let start = PrimitiveDateTime::parse(rec["callInTime"].as_str().expect("time"), FORMAT)
            .expect("still a time");
        let end = PrimitiveDateTime::parse(rec["callEndTime"].as_str().expect("time"), FORMAT)
            .expect("still a time");
        assert_eq!(
            (end - start).whole_seconds(),
            60,
            "the call keeps its length"
        );
        assert!(start.year() == 2026 && start.month() as u8 >= 10, "{start}");
        assert_eq!(rec["callerNum"], "+8613800138000", "numbers are not times");
        let back = offset("1202_7_4294967295_20261125120000@x", 1);
        assert!((0..30 * 86_400).contains(&back), "{back}");
    }
}
