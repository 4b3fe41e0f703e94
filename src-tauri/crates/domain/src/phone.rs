//! Phone numbers in the global E.164 form the PrivateNumber platform expects (`+86…`).
//!
//! [`PhoneNumber::parse`] accepts what operators type or paste: `138 0013 8000`, `+86 138-0013-8000`,
//! `0086138…`, `86138…` and fixed lines with a trunk prefix such as `0755 8888 1234`
//! (→ `+867558881234`). Only mainland-China numbers are accepted: the platform rejects anything
//! else with 1010002. The error names what is wrong so the UI can say it.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of line a number is; binding APIs accept only some kinds in some places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PhoneKind {
    /// 11-digit mobile number starting with 1.
    Mobile,
    /// Area code (without the trunk 0) followed by a 7- or 8-digit subscriber number.
    FixedLine,
    /// 400 and 95 service numbers: allowed only as an AX temporary callee, never as A or B.
    Service,
}

/// A validated, normalised `+86…` number. Construct with [`PhoneNumber::parse`].
///
/// Serialises as the E.164 string; deserialising validates (so stored or received values are
/// normalised the same way as typed ones).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(type = "string")]
pub struct PhoneNumber {
    e164: String,
}

/// Why a number was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("the phone number is empty")]
    Empty,
    #[error("the phone number contains {0:?}; use digits, an optional leading +, spaces or dashes")]
    InvalidCharacter(char),
    #[error("only mainland-China numbers (+86) are supported; {0:?} has another country code")]
    UnsupportedCountry(String),
    #[error(
        "{digits:?} has {len} digits, which is not a valid mobile, fixed-line or 400/95 number"
    )]
    BadLength { digits: String, len: usize },
    #[error("{0:?} is not a valid number: mobiles start with 13–19, fixed lines with an area code")]
    BadPrefix(String),
}

impl PhoneError {
    /// What is wrong with the number, in both languages (the Chinese says as much).
    pub fn text(&self) -> crate::Text {
        use crate::text;
        match self {
            PhoneError::Empty => text!("the phone number is empty", "号码为空"),
            PhoneError::InvalidCharacter(c) => text!(
                "the phone number contains {c:?}; use digits, an optional leading +, spaces or dashes",
                "号码中含有 {c:?};请只用数字、开头可选的 +、空格或短横线"
            ),
            PhoneError::UnsupportedCountry(n) => text!(
                "only mainland-China numbers (+86) are supported; {n:?} has another country code",
                "仅支持中国大陆号码(+86);{n:?} 是其他国家或地区的区号"
            ),
            PhoneError::BadLength { digits, len } => text!(
                "{digits:?} has {len} digits, which is not a valid mobile, fixed-line or 400/95 number",
                "{digits:?} 有 {len} 位数字,不是有效的手机、固话或 400/95 号码"
            ),
            PhoneError::BadPrefix(n) => text!(
                "{n:?} is not a valid number: mobiles start with 13–19, fixed lines with an area code",
                "{n:?} 不是有效号码:手机号以 13–19 开头,固话以区号开头"
            ),
        }
    }
}

/// `text` with the full-width forms a Chinese input method types (`１３８`, `＋`, `－`,
/// `（）`, the ideographic space) turned into their ASCII forms; everything else as it is.
pub fn to_ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    let wide = |c: char| {
        matches!(
            c,
            '\u{ff10}'
                ..='\u{ff19}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff08}' | '\u{ff09}' | '\u{3000}'
        )
    };
    if !text.chars().any(wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
            '\u{ff0b}' => '+',
            '\u{ff0d}' => '-',
            '\u{ff08}' => '(',
            '\u{ff09}' => ')',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

impl PhoneNumber {
    /// Normalises and validates a number typed by a person or returned by the platform.
    /// Full-width digits and signs (a Chinese input method's `１３８…`) count as ASCII.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let input = to_ascii_digits(input);
        let mut cleaned = String::with_capacity(input.len());
        for (i, c) in input.trim().chars().enumerate() {
            match c {
                '0'..='9' => cleaned.push(c),
                '+' if i == 0 => cleaned.push(c),
                ' ' | '-' | '(' | ')' | '.' | '\u{a0}' => {}
                other => return Err(PhoneError::InvalidCharacter(other)),
            }
        }
        if cleaned.is_empty() {
            return Err(PhoneError::Empty);
        }
        let national = if let Some(rest) = cleaned.strip_prefix('+') {
            strip_country(rest, &cleaned)?
        } else if let Some(rest) = cleaned.strip_prefix("00") {
            strip_country(rest, &cleaned)?
        } else if cleaned.len() == 13 && cleaned.starts_with("861") {
            cleaned[2..].to_string()
        } else if let Some(rest) = cleaned.strip_prefix('0') {
            rest.to_string()
        } else {
            cleaned.clone()
        };
        Self::from_national(&national)
    }

    fn from_national(national: &str) -> Result<Self, PhoneError> {
        kind_of(national)?;
        Ok(Self {
            e164: format!("+86{national}"),
        })
    }

    /// The E.164 text, e.g. `+8613800138000`.
    pub fn as_str(&self) -> &str {
        &self.e164
    }

    /// The number without `+86`, e.g. `13800138000` or `7558881234`.
    pub fn national(&self) -> &str {
        &self.e164[3..]
    }

    pub fn kind(&self) -> PhoneKind {
        kind_of(self.national()).unwrap_or(PhoneKind::Mobile)
    }

    /// For display and logs: `+86 138****8000`; fixed lines keep the area code, `+86 755****1234`.
    pub fn masked(&self) -> String {
        let n = self.national();
        let keep_head = match self.kind() {
            PhoneKind::FixedLine => area_code_len(n),
            PhoneKind::Mobile | PhoneKind::Service => 3,
        };
        let keep_tail = 4.min(n.len().saturating_sub(keep_head));
        let hidden = n.len() - keep_head - keep_tail;
        format!(
            "+86 {}{}{}",
            &n[..keep_head],
            "*".repeat(hidden),
            &n[n.len() - keep_tail..]
        )
    }
}

fn strip_country(rest: &str, whole: &str) -> Result<String, PhoneError> {
    match rest.strip_prefix("86") {
        // Tolerate `+86 (0)755…`: drop a trunk 0 written after the country code.
        Some(national) => Ok(national.strip_prefix('0').unwrap_or(national).to_string()),
        None => Err(PhoneError::UnsupportedCountry(whole.to_string())),
    }
}

/// Area codes 10 and 20–29 have two digits; all others three.
fn area_code_len(national: &str) -> usize {
    if national.starts_with("10") || national.starts_with('2') {
        2
    } else {
        3
    }
}

fn kind_of(n: &str) -> Result<PhoneKind, PhoneError> {
    let bad_len = || PhoneError::BadLength {
        digits: n.to_string(),
        len: n.len(),
    };
    let first = n.chars().next().ok_or(PhoneError::Empty)?;
    match first {
        '1' if !n.starts_with("10") => {
            if n.len() != 11 {
                return Err(bad_len());
            }
            if !matches!(n.as_bytes()[1], b'3'..=b'9') {
                return Err(PhoneError::BadPrefix(n.to_string()));
            }
            Ok(PhoneKind::Mobile)
        }
        '4' if n.starts_with("400") => {
            if n.len() == 10 {
                Ok(PhoneKind::Service)
            } else {
                Err(bad_len())
            }
        }
        '9' if n.starts_with("95") && (5..=8).contains(&n.len()) => Ok(PhoneKind::Service),
        '1'..='9' => {
            let subscriber = n.len().saturating_sub(area_code_len(n));
            if (7..=8).contains(&subscriber) {
                Ok(PhoneKind::FixedLine)
            } else {
                Err(bad_len())
            }
        }
        _ => Err(PhoneError::BadPrefix(n.to_string())),
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

impl std::str::FromStr for PhoneNumber {
    type Err = PhoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.e164
    }
}

impl Serialize for PhoneNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.e164)
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_signs_from_a_chinese_input_method_parse() {
        let n = PhoneNumber::parse("＋８６　１３８－００１３－８０００").expect("full-width");
        assert_eq!(n.as_str(), "+8613800138000");
        let n = PhoneNumber::parse("（０７５５）８８８８１２３４").expect("full-width fixed line");
        assert_eq!(n.as_str(), "+8675588881234");
        assert_eq!(to_ascii_digits("１３８abc"), "138abc");
        assert!(matches!(
            to_ascii_digits("13800138000"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    fn e164(s: &str) -> String {
        PhoneNumber::parse(s)
            .unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
            .to_string()
    }

    #[test]
    fn accepts_the_usual_ways_of_writing_a_mobile() {
        for input in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+8613800138000",
            "+86 138 0013 8000",
            "008613800138000",
            "8613800138000",
            " +86-138-0013-8000 ",
        ] {
            assert_eq!(e164(input), "+8613800138000", "input {input:?}");
        }
    }

    #[test]
    fn fixed_lines_drop_the_trunk_zero() {
        assert_eq!(e164("0755 8888 1234"), "+8675588881234");
        assert_eq!(e164("0755-8888123"), "+867558888123");
        assert_eq!(e164("010 6552 9988"), "+861065529988");
        assert_eq!(e164("+86 (0)21 5555 6666"), "+862155556666");
        assert_eq!(e164("+86 755 8888 1234"), "+8675588881234");
        let p = PhoneNumber::parse("02155556666").expect("Shanghai");
        assert_eq!(p.kind(), PhoneKind::FixedLine);
    }

    #[test]
    fn service_numbers_are_recognised() {
        assert_eq!(
            PhoneNumber::parse("400 800 1234").expect("400").kind(),
            PhoneKind::Service
        );
        assert_eq!(
            PhoneNumber::parse("95588").expect("95").kind(),
            PhoneKind::Service
        );
        assert_eq!(
            PhoneNumber::parse("13800138000").expect("m").kind(),
            PhoneKind::Mobile
        );
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        assert_eq!(PhoneNumber::parse("  "), Err(PhoneError::Empty));
        assert_eq!(
            PhoneNumber::parse("138abc"),
            Err(PhoneError::InvalidCharacter('a'))
        );
        assert_eq!(
            PhoneNumber::parse("138+0013"),
            Err(PhoneError::InvalidCharacter('+'))
        );
        assert!(matches!(
            PhoneNumber::parse("+14155550100"),
            Err(PhoneError::UnsupportedCountry(_))
        ));
        assert!(matches!(
            PhoneNumber::parse("1380013800"),
            Err(PhoneError::BadLength { .. })
        ));
        assert!(matches!(
            PhoneNumber::parse("12800138000"),
            Err(PhoneError::BadPrefix(_))
        ));
        assert!(matches!(
            PhoneNumber::parse("0755 12"),
            Err(PhoneError::BadLength { .. })
        ));
        assert!(
            matches!(PhoneNumber::parse("42"), Err(PhoneError::BadLength { .. })),
            "shorter than an area code: an error, not an overflow"
        );
        let msg = PhoneNumber::parse("+14155550100").unwrap_err().to_string();
        assert!(
            msg.contains("+86"),
            "the message tells what is supported: {msg}"
        );
    }

    #[test]
    fn masked_hides_the_middle_digits() {
        let m = PhoneNumber::parse("13800010001").expect("mobile");
        assert_eq!(m.masked(), "+86 138****0001");
        let f = PhoneNumber::parse("075528880001").expect("fixed");
        assert_eq!(f.masked(), "+86 755****0001");
        let bj = PhoneNumber::parse("01065529988").expect("fixed");
        assert_eq!(bj.masked(), "+86 10****9988");
    }

    #[test]
    fn serde_round_trips_and_validates() {
        let p: PhoneNumber = serde_json::from_str("\"138 0013 8000\"").expect("deserialize");
        assert_eq!(
            serde_json::to_string(&p).expect("serialize"),
            "\"+8613800138000\""
        );
        assert!(serde_json::from_str::<PhoneNumber>("\"hello\"").is_err());
    }
}
