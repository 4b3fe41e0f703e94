//! Checks run on every request before it is signed and sent (reference §3–§7 ranges).

use maskline_domain::{PhoneKind, PhoneNumber};

use crate::ApiError;

type R = Result<(), ApiError>;

/// `lo..=hi`, with the unit in the message.
pub(crate) fn range(field: &'static str, v: Option<u32>, lo: u32, hi: u32, unit: &str) -> R {
    match v {
        Some(v) if !(lo..=hi).contains(&v) => Err(ApiError::invalid(
            field,
            format!("{v} is outside {lo}–{hi} {unit}"),
        )),
        _ => Ok(()),
    }
}

/// AXYB lifetimes: `0` (never / with AX) or `60..=7776000` seconds.
pub(crate) fn zero_or_range(field: &'static str, v: Option<u32>, lo: u32, hi: u32) -> R {
    match v {
        Some(v) if v != 0 && !(lo..=hi).contains(&v) => Err(ApiError::invalid(
            field,
            format!("{v} must be 0 or between {lo} and {hi} seconds"),
        )),
        _ => Ok(()),
    }
}

/// `userData`: 1–256 characters, no `{` or `}`, ASCII only (Base64-encode anything else).
pub(crate) fn user_data(v: Option<&str>) -> R {
    let Some(s) = v else { return Ok(()) };
    let field = "userData";
    // Counted in characters, as the message says (a byte count would report 600 for 200 Chinese
    // characters, which are refused below as non-ASCII anyway).
    let chars = s.chars().count();
    if s.is_empty() || chars > 256 {
        return Err(ApiError::invalid(
            field,
            format!("must be 1–256 characters, got {chars}"),
        ));
    }
    if s.contains(['{', '}']) {
        return Err(ApiError::invalid(field, "must not contain { or }"));
    }
    if !s.is_ascii() {
        return Err(ApiError::invalid(
            field,
            "must be ASCII; Base64-encode Chinese text",
        ));
    }
    Ok(())
}

/// A tone file name approved in the console: 1–128 characters, no whitespace.
pub(crate) fn tone(field: &'static str, v: Option<&str>) -> R {
    match v {
        Some(s)
            if s.is_empty() || s.chars().count() > 128 || s.chars().any(char::is_whitespace) =>
        {
            Err(ApiError::invalid(
                field,
                "must be a file name of 1–128 characters without spaces",
            ))
        }
        _ => Ok(()),
    }
}

/// City code with its leading 0: `010`, `0755`.
pub(crate) fn area_code(v: Option<&str>) -> R {
    match v {
        Some(s) if !(s.starts_with('0') && (3..=4).contains(&s.len()) && is_digits(s)) => Err(
            ApiError::invalid("areaCode", format!("{s:?} must look like 010 or 0755")),
        ),
        _ => Ok(()),
    }
}

/// A binding id: 1–64 printable characters.
pub(crate) fn subscription_id(v: &str) -> R {
    if v.is_empty() || v.len() > 64 || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ApiError::invalid(
            "subscriptionId",
            "must be 1–64 characters without spaces",
        ));
    }
    Ok(())
}

/// A or B of a binding: mobile or fixed line; 400/95 numbers cannot be bound.
pub(crate) fn party(field: &'static str, p: &PhoneNumber) -> R {
    if p.kind() == PhoneKind::Service {
        return Err(ApiError::invalid(
            field,
            "400/95 service numbers cannot be bound",
        ));
    }
    Ok(())
}

/// A private number (X, Y): always `+86` + 11-digit mobile-style number.
pub(crate) fn private_number(field: &'static str, p: Option<&PhoneNumber>) -> R {
    match p {
        Some(p) if p.kind() != PhoneKind::Mobile => Err(ApiError::invalid(
            field,
            format!(
                "{} is not a private number (+86 followed by 11 digits)",
                p.masked()
            ),
        )),
        _ => Ok(()),
    }
}

/// `maxDuration` 0–1440 minutes; `lastMinVoice` only with a non-zero `maxDuration`.
pub(crate) fn max_duration(max: Option<u32>, last_min_voice: Option<&str>, modify: bool) -> R {
    range("maxDuration", max, 0, 1440, "minutes")?;
    tone("lastMinVoice", last_min_voice)?;
    let unlimited = if modify {
        max == Some(0)
    } else {
        max.unwrap_or(0) == 0
    };
    if last_min_voice.is_some() && unlimited {
        return Err(ApiError::invalid(
            "lastMinVoice",
            "needs a maxDuration of 1–1440 minutes",
        ));
    }
    Ok(())
}

pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: R) -> &'static str {
        match r {
            Err(ApiError::InvalidInput { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn ranges_are_inclusive_and_name_the_field() {
        assert!(range("duration", Some(7_776_000), 0, 7_776_000, "s").is_ok());
        assert!(range("duration", None, 0, 7_776_000, "s").is_ok());
        assert_eq!(
            field(range("duration", Some(7_776_001), 0, 7_776_000, "s")),
            "duration"
        );
        assert!(zero_or_range("ybDuration", Some(0), 60, 7_776_000).is_ok());
        assert!(zero_or_range("ybDuration", Some(60), 60, 7_776_000).is_ok());
        assert_eq!(
            field(zero_or_range("ybDuration", Some(59), 60, 7_776_000)),
            "ybDuration"
        );
    }

    #[test]
    fn user_data_rules() {
        assert!(user_data(Some("order-123")).is_ok());
        assert!(user_data(Some(&"x".repeat(256))).is_ok());
        assert_eq!(field(user_data(Some(&"x".repeat(257)))), "userData");
        assert_eq!(field(user_data(Some(""))), "userData");
        assert_eq!(field(user_data(Some("{json}"))), "userData");
        assert_eq!(field(user_data(Some("订单"))), "userData");
    }

    /// The length is counted in characters, as the message says: 100 Chinese characters are
    /// 300 bytes, and must be refused for being non-ASCII, not as "300 characters".
    #[test]
    fn user_data_length_is_in_characters() {
        let reason = |r: R| match r {
            Err(ApiError::InvalidInput { reason, .. }) => reason,
            other => panic!("expected a validation error, got {other:?}"),
        };
        let chinese = "订".repeat(100);
        assert!(reason(user_data(Some(&chinese))).contains("ASCII"));
        assert!(reason(user_data(Some(&"订".repeat(257)))).contains("got 257"));
        assert!(tone("recordHintTone", Some(&"音".repeat(100))).is_ok());
    }

    #[test]
    fn area_codes_need_the_leading_zero() {
        assert!(area_code(Some("010")).is_ok() && area_code(Some("0755")).is_ok());
        assert_eq!(field(area_code(Some("755"))), "areaCode");
        assert_eq!(field(area_code(Some("07555"))), "areaCode");
        assert_eq!(field(area_code(Some("0a55"))), "areaCode");
    }

    #[test]
    fn numbers_by_role() {
        let mobile = PhoneNumber::parse("13800010001").expect("mobile");
        let fixed = PhoneNumber::parse("075528880001").expect("fixed");
        let service = PhoneNumber::parse("4008001234").expect("400");
        assert!(party("callerNum", &fixed).is_ok());
        assert_eq!(field(party("callerNum", &service)), "callerNum");
        assert!(private_number("relationNum", Some(&mobile)).is_ok());
        assert_eq!(
            field(private_number("relationNum", Some(&fixed))),
            "relationNum"
        );
    }

    #[test]
    fn max_duration_and_last_min_voice() {
        assert!(max_duration(Some(1440), Some("bye.wav"), false).is_ok());
        assert_eq!(field(max_duration(Some(1441), None, false)), "maxDuration");
        assert_eq!(
            field(max_duration(None, Some("bye.wav"), false)),
            "lastMinVoice"
        );
        assert!(
            max_duration(None, Some("bye.wav"), true).is_ok(),
            "modify keeps the old max"
        );
        assert_eq!(
            field(max_duration(Some(0), Some("bye.wav"), true)),
            "lastMinVoice"
        );
        assert!(subscription_id("abc-123").is_ok());
        assert_eq!(field(subscription_id("")), "subscriptionId");
    }
}
