//! What the Bindings page sends for one bind, modify or unbind: a form per mode, tagged by
//! the mode (`{ "mode": "AXB", "a": "…", … }`). Numbers are text as typed; services parse
//! and validate them, so the UI's own checks are only a convenience.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::pools::XScope;

/// A new binding, per mode. `x: None` with `xScope` set lets Maskline choose the least-used X;
/// with neither, the platform chooses (optionally near `areaCode`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mode")]
pub enum BindForm {
    #[serde(rename = "AXB", rename_all = "camelCase")]
    Axb {
        a: String,
        b: String,
        x: Option<String>,
        x_scope: Option<XScope>,
        area_code: Option<String>,
        /// Seconds; None or 0 = never expires.
        duration_secs: Option<u32>,
        /// 0 both ways, 1 A→B only, 2 B→A only.
        direction: Option<u8>,
        record: Option<bool>,
        record_hint_tone: Option<String>,
        user_data: Option<String>,
    },
    #[serde(rename = "AX", rename_all = "camelCase")]
    Ax {
        a: String,
        x: Option<String>,
        x_scope: Option<XScope>,
        area_code: Option<String>,
        direction: Option<u8>,
        record: Option<bool>,
        record_hint_tone: Option<String>,
        user_data: Option<String>,
        /// Bind with the private number switched off (`turnFlag` "off": calls to X are not
        /// put through until it is switched on). None or false = on, the platform's default.
        #[serde(default)]
        switched_off: Option<bool>,
    },
    #[serde(rename = "AXE", rename_all = "camelCase")]
    Axe {
        a: String,
        x: Option<String>,
        x_scope: Option<XScope>,
        area_code: Option<String>,
        /// 1–4 digits; None = the platform assigns one.
        extension: Option<String>,
        /// Hours; None = never expires.
        duration_hours: Option<u32>,
        record: Option<bool>,
        record_hint_tone: Option<String>,
        user_data: Option<String>,
    },
    /// Both steps (A↔X, then B↔Y); if step 2 fails, step 1 is undone.
    #[serde(rename = "AXYB", rename_all = "camelCase")]
    Axyb {
        a: String,
        b: String,
        area_code: Option<String>,
        /// Area code for Y (step 2).
        y_area_code: Option<String>,
        duration_secs: Option<u32>,
        direction: Option<u8>,
        record: Option<bool>,
        record_hint_tone: Option<String>,
        user_data: Option<String>,
    },
}

/// Changes to an existing binding (AXYB relations cannot be modified).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mode")]
pub enum ModifyForm {
    #[serde(rename = "AXB", rename_all = "camelCase")]
    Axb {
        subscription_id: String,
        a: Option<String>,
        b: Option<String>,
        duration_secs: Option<u32>,
        direction: Option<u8>,
        record: Option<bool>,
        user_data: Option<String>,
    },
    #[serde(rename = "AX", rename_all = "camelCase")]
    Ax {
        subscription_id: String,
        direction: Option<u8>,
        record: Option<bool>,
        user_data: Option<String>,
    },
    #[serde(rename = "AXE", rename_all = "camelCase")]
    Axe {
        subscription_id: String,
        duration_hours: Option<u32>,
        record: Option<bool>,
        user_data: Option<String>,
    },
}

/// What the platform gave back for a new binding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BindOutcome {
    pub subscription_id: String,
    pub x: Option<String>,
    /// AXYB: B's private number.
    pub y: Option<String>,
    /// AXE: the extension.
    pub extension: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_tagged_by_mode_in_camel_case() {
        let f: BindForm = serde_json::from_value(serde_json::json!({
            "mode": "AXE", "a": "13800138000", "x": null, "xScope": {"kind": "city", "value": "0755"},
            "areaCode": null, "extension": "12", "durationHours": 24, "record": null,
            "recordHintTone": null, "userData": null
        }))
        .expect("the UI's AXE form deserialises");
        assert!(
            matches!(f, BindForm::Axe { ref extension, .. } if extension.as_deref() == Some("12"))
        );
    }
}
