//! The simulated clock: real time scaled by a time factor, plus manual advances.
//!
//! Binding expiry, temporary-callee expiry, recording link validity and retention, IP locks
//! and callback retries all read this clock. Signature freshness (`Created`) does not: it is
//! checked against the real UTC clock (plus an optional skew), so that advancing the
//! simulated clock in a test never makes a correctly signed request stale.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

/// Simulated clock shared by every part of the simulator.
#[derive(Debug)]
pub struct SimClock {
    origin_real: Instant,
    origin_sim_ms: i64,
    factor: f64,
    advanced_ms: AtomicI64,
    auth_skew_ms: AtomicI64,
}

impl SimClock {
    /// A clock starting at the current UTC time, running `factor` times faster than real time.
    pub(crate) fn new(factor: f64) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        Self {
            origin_real: Instant::now(),
            origin_sim_ms: (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64,
            factor,
            advanced_ms: AtomicI64::new(0),
            auth_skew_ms: AtomicI64::new(0),
        }
    }

    pub fn factor(&self) -> f64 {
        self.factor
    }

    /// Simulated now in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        let real = self.origin_real.elapsed().as_secs_f64() * 1000.0 * self.factor;
        self.origin_sim_ms + real as i64 + self.advanced_ms.load(Ordering::SeqCst)
    }

    /// Simulated now in whole seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// Jump the simulated clock forward (tests, admin endpoint).
    pub fn advance(&self, by: Duration) {
        self.advanced_ms
            .fetch_add(by.as_millis() as i64, Ordering::SeqCst);
    }

    /// Real UTC now plus the configured skew: what `Created` is compared with.
    pub fn auth_now(&self) -> i64 {
        OffsetDateTime::now_utc().unix_timestamp() + self.auth_skew_ms.load(Ordering::SeqCst) / 1000
    }

    /// Pretend the platform's clock is off by `secs` for signature freshness checks.
    pub fn set_auth_skew(&self, secs: i64) {
        self.auth_skew_ms.store(secs * 1000, Ordering::SeqCst);
    }

    /// Real duration corresponding to a span of simulated time.
    pub fn real_for(&self, sim: Duration) -> Duration {
        sim.div_f64(self.factor)
    }
}

/// `yyyy-MM-dd HH:mm:ss` in UTC, the format of events and CDRs.
pub(crate) fn fmt_utc(secs: i64) -> String {
    let mut out = String::with_capacity(19);
    push_utc(&mut out, secs);
    out
}

/// Append `yyyy-MM-dd HH:mm:ss` for `secs` (fast path used by the CDR generator).
pub(crate) fn push_utc(out: &mut String, secs: i64) {
    let (y, mo, d, h, mi, s) = civil(secs);
    push_num(out, y as u32, 4);
    out.push('-');
    push_num(out, mo, 2);
    out.push('-');
    push_num(out, d, 2);
    out.push(' ');
    push_num(out, h, 2);
    out.push(':');
    push_num(out, mi, 2);
    out.push(':');
    push_num(out, s, 2);
}

/// `yyMMddHHmmss`, used in recording object names.
pub(crate) fn compact_utc(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{:02}{mo:02}{d:02}{h:02}{mi:02}{s:02}", y % 100)
}

fn push_num(out: &mut String, v: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut v = v;
    for i in (0..width).rev() {
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.push_str(std::str::from_utf8(&buf[..width]).unwrap_or("0"));
}

/// Days-from-civil inverse (Howard Hinnant's algorithm), UTC.
fn civil(secs: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400) as u32;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rem / 3600, rem / 60 % 60, rem % 60)
}

/// Parse `yyyy-MM-ddTHH:mm:ssZ` (the `Created` attribute) into Unix seconds.
pub(crate) fn parse_created(s: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(s, &fmt)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

/// Format Unix seconds as `yyyy-MM-ddTHH:mm:ssZ`.
pub(crate) fn fmt_created(secs: i64) -> String {
    let mut s = fmt_utc(secs);
    s.replace_range(10..11, "T");
    s.push('Z');
    s
}

/// `expires_at` for a lifetime in seconds (`0` = never).
pub(crate) fn expiry(now: i64, secs: i64) -> Option<i64> {
    (secs > 0).then_some(now + secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        // 2022-05-13 05:24:57 UTC, the captured CDR's callInTime.
        assert_eq!(fmt_utc(1_652_419_497), "2022-05-13 05:24:57");
        assert_eq!(fmt_utc(0), "1970-01-01 00:00:00");
        assert_eq!(fmt_created(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(compact_utc(1_652_419_497), "220513052457");
    }

    #[test]
    fn created_round_trips() {
        assert_eq!(parse_created("2018-02-12T15:30:20Z"), Some(1_518_449_420));
        assert_eq!(parse_created("2018-02-12 15:30:20"), None);
    }

    #[test]
    fn time_factor_speeds_simulated_time() {
        let c = SimClock::new(1000.0);
        let before = c.now_ms();
        std::thread::sleep(Duration::from_millis(20));
        // At least 20 ms of real time passed, so at least 20 s of simulated time.
        assert!(c.now_ms() - before >= 20_000);
        assert_eq!(
            c.real_for(Duration::from_secs(60)),
            Duration::from_millis(60)
        );
    }

    #[test]
    fn advance_moves_simulated_time_only() {
        let c = SimClock::new(1.0);
        let before = c.now();
        let auth_before = c.auth_now();
        c.advance(Duration::from_secs(3600));
        assert!(c.now() >= before + 3600);
        assert!(c.auth_now() < auth_before + 60, "auth clock must stay real");
    }
}
