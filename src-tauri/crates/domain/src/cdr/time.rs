//! Platform times: UTC `yyyy-MM-dd HH:mm:ss` strings (§12) ↔ UTC epoch seconds.
//!
//! Also accepted, because real payloads vary: a `T` instead of the space, several spaces,
//! a `.SSS` fraction (dropped), a trailing `Z`, and plain UNIX timestamps (the event doc calls
//! `timestamp` a "UNIX时间戳"; values above 10^11 are taken as milliseconds).

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn num(s: &str, what: &str) -> Result<i64, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{what} {s:?} is not a number"));
    }
    s.parse()
        .map_err(|_| format!("{what} {s:?} is out of range"))
}

/// Parses a platform time into UTC epoch seconds. The error says what is wrong and shows
/// the expected form.
pub fn parse_utc(input: &str) -> Result<i64, String> {
    let s = input.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = s.parse().map_err(|_| format!("{s:?} is out of range"))?;
        return Ok(from_unix(n));
    }
    let bad = || format!("{input:?} is not a time like \"2022-05-13 05:24:57\" (UTC)");
    let s = s.strip_suffix('Z').unwrap_or(s);
    let (date, time) = s
        .split_once(['T', ' '])
        .map(|(d, t)| (d, t.trim_start()))
        .ok_or_else(bad)?;
    let time = time.split_once('.').map_or(time, |(t, _)| t);
    let mut d = date.splitn(3, '-');
    let (y, m, day) = match (d.next(), d.next(), d.next()) {
        (Some(y), Some(m), Some(dd)) if y.len() == 4 => {
            (num(y, "year")?, num(m, "month")?, num(dd, "day")?)
        }
        _ => return Err(bad()),
    };
    let mut t = time.splitn(3, ':');
    let (hh, mm, ss) = match (t.next(), t.next(), t.next()) {
        (Some(h), Some(mi), Some(se)) => (num(h, "hour")?, num(mi, "minute")?, num(se, "second")?),
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&m) || day < 1 || day > days_in_month(y, m) {
        return Err(format!("{input:?} is not a valid date"));
    }
    if hh > 23 || mm > 59 || ss > 59 {
        return Err(format!("{input:?} is not a valid time of day"));
    }
    Ok(days_from_civil(y, m, day) * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// A UNIX timestamp in seconds or (above 10^11) milliseconds, as seconds.
pub fn from_unix(n: i64) -> i64 {
    if n > 100_000_000_000 { n / 1000 } else { n }
}

/// `yyyy-MM-dd HH:mm:ss` of `epoch` shifted by `offset_secs` (0 = UTC).
pub fn format_time(epoch: i64, offset_secs: i32) -> String {
    let t = epoch + i64::from(offset_secs);
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `UTC+08:00` style label of an offset, for headers and the UI.
pub fn offset_label(offset_secs: i32) -> String {
    let sign = if offset_secs < 0 { '-' } else { '+' };
    let a = offset_secs.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", a / 3600, a / 60 % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_platform_form_as_utc() {
        assert_eq!(parse_utc("1970-01-01 00:00:00"), Ok(0));
        assert_eq!(parse_utc("2022-05-13 05:24:57"), Ok(1_652_419_497));
        assert_eq!(parse_utc("2024-02-29 23:59:59"), Ok(1_709_251_199));
        assert_eq!(parse_utc("2022-05-13T05:24:57Z"), Ok(1_652_419_497));
        assert_eq!(
            parse_utc("2022-05-13  05:24:57"),
            Ok(1_652_419_497),
            "two spaces"
        );
        assert_eq!(parse_utc("2022-05-13T05:24:57.123Z"), Ok(1_652_419_497));
        assert_eq!(parse_utc("1652419497"), Ok(1_652_419_497));
        assert_eq!(
            parse_utc("1652419497123"),
            Ok(1_652_419_497),
            "milliseconds"
        );
    }

    #[test]
    fn rejects_impossible_times_with_a_reason() {
        for bad in [
            "",
            "2022-13-01 00:00:00",
            "2023-02-29 00:00:00",
            "2022-05-13 24:00:00",
            "2022-05-13",
            "13/05/2022 05:24:57",
            "2022-05-13 05:24:5x",
        ] {
            let e = parse_utc(bad).expect_err(bad);
            assert!(
                e.contains(bad) || e.contains("not a number"),
                "{bad:?} → {e}"
            );
        }
    }

    #[test]
    fn formats_round_trip_with_offsets() {
        for t in [0, 1_652_419_497, 1_709_251_199, 4_102_444_800] {
            assert_eq!(parse_utc(&format_time(t, 0)), Ok(t));
        }
        assert_eq!(format_time(1_652_419_497, 8 * 3600), "2022-05-13 13:24:57");
        assert_eq!(format_time(0, -3600), "1969-12-31 23:00:00");
        assert_eq!(offset_label(8 * 3600), "UTC+08:00");
        assert_eq!(offset_label(-(5 * 3600 + 1800)), "UTC-05:30");
    }
}
