//! Request parsing helpers shared by the mode handlers: JSON bodies that accept both the
//! documented string enums and the booleans/numbers many clients send, query strings, paging.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::codes::ApiError;
use crate::inventory::check_user_number;

pub(crate) type Body = Map<String, Value>;
pub(crate) type Query = HashMap<String, String>;

/// Parse a JSON object body, or 1010002.
pub(crate) fn body(bytes: &[u8]) -> Result<Body, ApiError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(ApiError::invalid("The request body is not a JSON object.")),
    }
}

/// A string field; numbers are accepted and stringified, empty strings count as absent.
pub(crate) fn opt_str(b: &Body, k: &str) -> Option<String> {
    match b.get(k) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

pub(crate) fn req_str(b: &Body, k: &str) -> Result<String, ApiError> {
    opt_str(b, k).ok_or_else(|| ApiError::invalid(format!("{k} is required.")))
}

/// A required user number in `+86` global format.
pub(crate) fn req_number(b: &Body, k: &str) -> Result<String, ApiError> {
    let n = req_str(b, k)?;
    check_user_number(k, &n)?;
    Ok(n)
}

pub(crate) fn opt_number(b: &Body, k: &str) -> Result<Option<String>, ApiError> {
    match opt_str(b, k) {
        Some(n) => check_user_number(k, &n).map(|()| Some(n)),
        None => Ok(None),
    }
}

/// An integer field (JSON number or numeric string) within `range`.
///
/// No page says how the platform treats an integral float such as `59.0` (PHP clients send
/// them for integer fields); the simulator is lenient and takes it as `59`, while a fraction
/// (`59.5`, `"59.0"` as a string) is refused with 1010002 like any other bad value.
pub(crate) fn opt_int(
    b: &Body,
    k: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<Option<i64>, ApiError> {
    let v = match b.get(k) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_i64().or_else(|| integral(n.as_f64())),
        Some(Value::String(s)) if s.is_empty() => return Ok(None),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    match v {
        Some(v) if range.contains(&v) => Ok(Some(v)),
        _ => Err(ApiError::invalid(format!("{k} is invalid."))),
    }
}

/// `Some(59)` for `59.0`; `None` for fractions and values beyond ±2^53 (not exact in f64).
fn integral(f: Option<f64>) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let f = f?;
    // Exact: an integral f64 within ±2^53 converts to i64 without loss.
    (f.fract() == 0.0 && f.abs() <= EXACT).then_some(f as i64)
}

/// A boolean that may be sent as `true`, `"true"`, `1` or `"1"`.
pub(crate) fn opt_bool(b: &Body, k: &str) -> Result<Option<bool>, ApiError> {
    match b.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(v)) => Ok(Some(*v)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") || s == "1" => Ok(Some(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") || s == "0" => Ok(Some(false)),
        Some(Value::Number(n)) if n.as_i64() == Some(1) => Ok(Some(true)),
        Some(Value::Number(n)) if n.as_i64() == Some(0) => Ok(Some(false)),
        _ => Err(ApiError::invalid(format!("{k} is invalid."))),
    }
}

/// `userData`: 1–256 characters, no braces (reference §3).
pub(crate) fn opt_user_data(b: &Body) -> Result<Option<String>, ApiError> {
    match opt_str(b, "userData") {
        Some(u) if u.chars().count() > 256 || u.contains(['{', '}']) => {
            Err(ApiError::invalid("userData is invalid."))
        }
        other => Ok(other),
    }
}

/// Tone file names (≤128 characters).
pub(crate) fn opt_tone(b: &Body, k: &str) -> Result<Option<String>, ApiError> {
    match opt_str(b, k) {
        Some(t) if t.len() > 128 => Err(ApiError::invalid(format!("{k} is invalid."))),
        other => Ok(other),
    }
}

/// A query parameter, empty = absent.
pub(crate) fn q<'a>(query: &'a Query, k: &str) -> Option<&'a str> {
    query.get(k).map(String::as_str).filter(|s| !s.is_empty())
}

/// `(pageIndex, pageSize)`: index from 1; size 10–100, default 50 when absent or out of range.
pub(crate) fn paging(query: &Query) -> (usize, usize) {
    let index = q(query, "pageIndex")
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|i| *i >= 1)
        .unwrap_or(1);
    let size = q(query, "pageSize")
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|s| (10..=100).contains(s))
        .unwrap_or(50);
    (index, size)
}

/// Slice one page out of `items` and return it with the paging echo fields.
pub(crate) fn page<T: Clone>(items: &[T], query: &Query) -> (Vec<T>, usize, usize, usize) {
    let (index, size) = paging(query);
    let start = (index - 1).saturating_mul(size).min(items.len());
    let end = (start + size).min(items.len());
    (items[start..end].to_vec(), items.len(), index, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_defaults_and_clamps() {
        let mut qy = Query::new();
        assert_eq!(paging(&qy), (1, 50));
        qy.insert("pageSize".into(), "5".into());
        qy.insert("pageIndex".into(), "0".into());
        assert_eq!(paging(&qy), (1, 50));
        qy.insert("pageSize".into(), "10".into());
        qy.insert("pageIndex".into(), "3".into());
        let items: Vec<u32> = (0..25).collect();
        let (p, total, i, s) = page(&items, &qy);
        assert_eq!((p, total, i, s), (vec![20, 21, 22, 23, 24], 25, 3, 10));
    }

    #[test]
    fn integral_floats_are_integers_and_fractions_are_refused() {
        let b =
            body(br#"{"a":59.0,"b":59.5,"c":"59","d":"59.0","e":1e300,"f":-0.0}"#).expect("object");
        assert_eq!(opt_int(&b, "a", 0..=100).ok(), Some(Some(59)));
        assert!(opt_int(&b, "b", 0..=100).is_err());
        assert_eq!(opt_int(&b, "c", 0..=100).ok(), Some(Some(59)));
        assert!(opt_int(&b, "d", 0..=100).is_err());
        assert!(opt_int(&b, "e", 0..=i64::MAX).is_err());
        assert_eq!(opt_int(&b, "f", 0..=100).ok(), Some(Some(0)));
    }

    #[test]
    fn booleans_accept_strings() {
        let b = body(br#"{"a":"true","b":false,"c":"x"}"#).expect("object");
        assert_eq!(opt_bool(&b, "a").ok(), Some(Some(true)));
        assert_eq!(opt_bool(&b, "b").ok(), Some(Some(false)));
        assert!(opt_bool(&b, "c").is_err());
    }
}
