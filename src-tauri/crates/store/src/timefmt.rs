//! The one text form of times in the tables: UTC `YYYY-MM-DDTHH:MM:SSZ`, which sorts and
//! compares correctly as a string.

use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// `t` in the stored form.
pub fn utc_text(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    t.format(FORMAT)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// Now, in the stored form.
pub fn now_text() -> String {
    utc_text(OffsetDateTime::now_utc())
}

/// Parses the stored form (or the platform's `YYYY-MM-DD HH:MM:SS`, taken as UTC).
pub fn parse_utc(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim().trim_end_matches('Z').replacen(' ', "T", 1);
    let f = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    PrimitiveDateTime::parse(&s, f).ok().map(|p| p.assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_the_platform_form() {
        let t = parse_utc("2026-03-04 05:06:07").expect("platform form");
        assert_eq!(utc_text(t), "2026-03-04T05:06:07Z");
        assert_eq!(parse_utc("2026-03-04T05:06:07Z"), Some(t));
        assert_eq!(parse_utc("yesterday"), None);
    }
}
