//! Tolerant decoding of platform JSON: the docs type some fields as strings and some clients
//! (and possibly the platform) send numbers or booleans instead, so accept both.
//!
//! No official page says whether the platform ever writes an integral float (`59.0`, as PHP
//! clients do) where its tables say Integer; the client accepts it as the integer it is, and
//! rejects (reads as absent) fractions and negatives. See docs/platform-fidelity.md.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::ApiError;

/// A JSON number as a non-negative integer: `59` or the integral float `59.0`.
pub(crate) fn integral(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.is_finite() && *f >= 0.0 && f.fract() == 0.0 && *f <= u64::MAX as f64)
            .map(|f| f as u64)
    })
}

/// Text holding a non-negative integer: `"59"`, or `"59.0"` from a client that formats floats.
fn integral_text(s: &str) -> Option<u64> {
    let s = s.trim();
    s.parse().ok().or_else(|| {
        let (int, frac) = s.split_once('.')?;
        (!int.is_empty() && frac.bytes().all(|b| b == b'0'))
            .then(|| int.parse().ok())
            .flatten()
    })
}

/// `"true"`/`"false"`, `true`/`false`, `"1"`/`"0"`, `1`/`0`; anything else (or null) → `None`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => Some(b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "on" => Some(true),
            "false" | "0" | "off" => Some(false),
            _ => None,
        },
        Value::Number(n) => integral(&n).map(|n| n != 0),
        _ => None,
    })
}

/// A number given as a JSON number (integral floats included) or a numeric string.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => integral(&n),
        Value::String(s) => integral_text(&s),
        _ => None,
    })
}

/// A string given as a JSON string or a number (e.g. `resultcode`, `extendNum`); an integral
/// float is written without its `.0`.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.is_empty() => Some(s),
        Value::Number(n) => Some(integral(&n).map_or_else(|| n.to_string(), |i| i.to_string())),
        _ => None,
    })
}

/// The items of a documented list container (`xyRelationNumList`, `relationNumList`…).
/// Absent or `null` → no items; anything but an array of objects is a decode error naming it.
pub(crate) fn list(body: &Value, container: &str) -> Result<Vec<Value>, ApiError> {
    match body.get(container) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                if i.is_object() {
                    Ok(i.clone())
                } else {
                    Err(ApiError::Decode(format!(
                        "{container}: an item is not an object: {i}"
                    )))
                }
            })
            .collect(),
        Some(other) => Err(ApiError::Decode(format!(
            "{container}: expected a list, got {other}"
        ))),
    }
}

/// Deserialises one wire record, naming what could not be decoded.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(what: &str, v: Value) -> Result<T, ApiError> {
    serde_json::from_value(v).map_err(|e| ApiError::Decode(format!("{what}: {e}")))
}

/// The binding records of a query answer, wherever the platform put them.
///
/// Used where no official page settles the container: the AX query (privatenumber_02_0014's
/// answer table could not be read), and the AXE v1.0 query, whose table
/// (privatenumber_02_0024) is flat — this finds the flat record too. AXYB uses [`list`] with
/// its documented `xyRelationNumList`, whose items carry `bindId`, not `subscriptionId`.
/// Accept: the first array or object member holding records with a `subscriptionId`, or the
/// top-level object itself when it has one.
pub(crate) fn records(body: &Value) -> Vec<Value> {
    let Some(obj) = body.as_object() else {
        return Vec::new();
    };
    let is_record = |v: &Value| v.get("subscriptionId").is_some();
    for (key, v) in obj {
        if matches!(key.as_str(), "resultcode" | "resultdesc") {
            continue;
        }
        match v {
            Value::Array(items) if items.iter().any(is_record) => {
                return items.iter().filter(|i| is_record(i)).cloned().collect();
            }
            Value::Object(_) if is_record(v) => return vec![v.clone()],
            _ => {}
        }
    }
    if is_record(body) {
        vec![body.clone()]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "opt_bool")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "opt_u64")]
        n: Option<u64>,
        #[serde(default, deserialize_with = "opt_string")]
        s: Option<String>,
    }

    fn probe(v: Value) -> Probe {
        serde_json::from_value(v).expect("probe decodes")
    }

    #[test]
    fn booleans_as_bool_or_string() {
        assert_eq!(probe(json!({"b": true})).b, Some(true));
        assert_eq!(probe(json!({"b": "false"})).b, Some(false));
        assert_eq!(probe(json!({"b": "TRUE"})).b, Some(true));
        assert_eq!(probe(json!({"b": 0})).b, Some(false));
        assert_eq!(probe(json!({"b": "maybe"})).b, None);
        assert_eq!(probe(json!({})).b, None);
    }

    #[test]
    fn numbers_and_strings_interchange() {
        assert_eq!(probe(json!({"n": 7200})).n, Some(7200));
        assert_eq!(probe(json!({"n": "7200"})).n, Some(7200));
        assert_eq!(probe(json!({"s": 0})).s.as_deref(), Some("0"));
        assert_eq!(probe(json!({"s": "1234"})).s.as_deref(), Some("1234"));
        assert_eq!(probe(json!({"s": null})).s, None);
    }

    #[test]
    fn integral_floats_count_as_integers() {
        assert_eq!(probe(json!({"n": 59.0})).n, Some(59));
        assert_eq!(probe(json!({"n": "59.0"})).n, Some(59));
        assert_eq!(probe(json!({"n": 59.5})).n, None);
        assert_eq!(probe(json!({"n": "59.5"})).n, None);
        assert_eq!(probe(json!({"n": -1.0})).n, None);
        assert_eq!(probe(json!({"s": 1234.0})).s.as_deref(), Some("1234"));
        assert_eq!(probe(json!({"b": 1.0})).b, Some(true));
    }

    #[test]
    fn documented_lists_keep_every_item() {
        let v = json!({"resultcode":"0","xyRelationNumList":[{"bindId":"a"},{"numX":"+86"}]});
        assert_eq!(list(&v, "xyRelationNumList").expect("list").len(), 2);
        assert!(
            list(&json!({"resultcode":"0"}), "xyRelationNumList")
                .expect("none")
                .is_empty()
        );
        assert!(matches!(
            list(&json!({"xyRelationNumList": "x"}), "xyRelationNumList"),
            Err(ApiError::Decode(m)) if m.contains("xyRelationNumList")
        ));
    }

    #[test]
    fn records_are_found_in_lists_objects_or_top_level() {
        let list = json!({"resultcode":"0","relationNumList":[{"subscriptionId":"a"},{"subscriptionId":"b"}]});
        assert_eq!(records(&list).len(), 2);
        let obj = json!({"resultcode":"0","privateNumInfo":{"subscriptionId":"a"}});
        assert_eq!(records(&obj).len(), 1);
        let top = json!({"resultcode":"0","subscriptionId":"a","virtualNum":"+8613800010001"});
        assert_eq!(records(&top).len(), 1);
        let none = json!({"resultcode":"0","totalCount":0,"relationNumList":[]});
        assert!(records(&none).is_empty());
    }
}
