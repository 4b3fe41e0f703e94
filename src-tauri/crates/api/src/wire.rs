//! Tolerant decoding of platform JSON: the docs type some fields as strings and some clients
//! (and possibly the platform) send numbers or booleans instead, so accept both.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::ApiError;

/// `"true"`/`"false"`, `true`/`false`, `"1"`/`"0"`, `1`/`0`; anything else (or null) → `None`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => Some(b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "on" => Some(true),
            "false" | "0" | "off" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_u64().map(|n| n != 0),
        _ => None,
    })
}

/// A number given as a JSON number or a numeric string.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// A string given as a JSON string or a number (e.g. `resultcode`, `extendNum`).
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.is_empty() => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// Deserialises one wire record, naming what could not be decoded.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(what: &str, v: Value) -> Result<T, ApiError> {
    serde_json::from_value(v).map_err(|e| ApiError::Decode(format!("{what}: {e}")))
}

/// The binding records of a query answer, wherever the platform put them.
///
/// Only the AXB list name (`relationNumList`) is documented; for AX, AXE and AXYB the container
/// is unknown (reference §15). Accept: the first array or object member holding records with a
/// `subscriptionId`, or the top-level object itself when it has one.
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
