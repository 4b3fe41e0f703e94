//! Keeping secrets and phone numbers out of logs.
//!
//! - [`redact_header`]: `X-WSSE` / `X-AKSK` values (app key, digest, nonce) become `[redacted]`.
//! - [`mask_phones`]: every run of 9+ digits (optionally after `+` or `%2B`) keeps only its
//!   head and tail, e.g. `+8613800010001` → `+86138****0001`. Nine digits is the shortest
//!   national number the client sends (2-digit area code + 7); 7-digit result codes stay
//!   readable. Long digit ids get masked too: the price of never printing a number in full.

use std::fmt::Write as _;

use reqwest::header::HeaderMap;

const SECRET_HEADERS: [&str; 2] = ["x-wsse", "x-aksk"];

/// The loggable form of one header value.
pub fn redact_header(name: &str, value: &str) -> String {
    if SECRET_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name)) {
        "[redacted]".to_string()
    } else {
        mask_phones(value)
    }
}

/// `name: value; …` with secrets redacted and phone numbers masked.
pub fn headers_for_log(headers: &HeaderMap) -> String {
    let mut out = String::new();
    for (name, value) in headers {
        let value = value.to_str().unwrap_or("<binary>");
        let _ = write!(
            out,
            "{}: {}; ",
            name.as_str(),
            redact_header(name.as_str(), value)
        );
    }
    out.truncate(out.trim_end_matches("; ").len());
    out
}

/// Masks the middle of every run of at least 9 digits.
pub fn mask_phones(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            // Copy one whole UTF-8 character.
            let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
            out.push(ch);
            i += ch.len_utf8().max(1);
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        out.push_str(&mask_run(&text[start..i]));
    }
    out
}

fn mask_run(digits: &str) -> String {
    let len = digits.len();
    if len < 9 {
        return digits.to_string();
    }
    let head = if digits.starts_with("86") && len >= 11 {
        5
    } else {
        3
    };
    let tail = 4;
    format!(
        "{}{}{}",
        &digits[..head],
        "*".repeat(len - head - tail),
        &digits[len - tail..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn masks_numbers_in_every_written_form() {
        assert_eq!(mask_phones("+8613800010001"), "+86138****0001");
        assert_eq!(mask_phones("13800010001"), "138****0001");
        assert_eq!(
            mask_phones("/v1.0?relationNum=%2B8613800010001&pageIndex=1"),
            "/v1.0?relationNum=%2B86138****0001&pageIndex=1"
        );
        assert_eq!(
            mask_phones(r#"{"callerNum":"+8675528880001","calleeNum":"+8613900020002"}"#),
            r#"{"callerNum":"+86755****0001","calleeNum":"+86139****0002"}"#
        );
        assert_eq!(
            mask_phones("1065529988"),
            "106***9988",
            "fixed lines without +86 too"
        );
    }

    #[test]
    fn leaves_short_numbers_and_text_alone() {
        let s = r#"{"resultcode":"1010013","pageSize":50,"Created":"2018-02-12T15:30:20Z","名":"张三"}"#;
        assert_eq!(
            mask_phones(s),
            s,
            "result codes, dates and UTF-8 pass unchanged"
        );
        assert_eq!(
            mask_phones("pageIndex=1&duration=0"),
            "pageIndex=1&duration=0"
        );
    }

    #[test]
    fn signature_headers_are_redacted_whatever_the_case() {
        let token = r#"UsernameToken Username="key",PasswordDigest="abc=",Nonce="N",Created="C""#;
        assert_eq!(redact_header("X-AKSK", token), "[redacted]");
        assert_eq!(redact_header("x-wsse", token), "[redacted]");
        assert_eq!(
            redact_header("Content-Type", "application/json"),
            "application/json"
        );
    }

    #[test]
    fn header_map_log_line_hides_the_digest() {
        let mut h = HeaderMap::new();
        h.insert(
            "authorization",
            HeaderValue::from_static(r#"AKSK realm="SDP""#),
        );
        h.insert(
            "x-aksk",
            HeaderValue::from_static(r#"UsernameToken PasswordDigest="SECRETDIGEST""#),
        );
        let line = headers_for_log(&h);
        assert!(!line.contains("SECRETDIGEST"), "{line}");
        assert!(
            line.contains("x-aksk: [redacted]") && line.contains("authorization: AKSK"),
            "{line}"
        );
    }
}
