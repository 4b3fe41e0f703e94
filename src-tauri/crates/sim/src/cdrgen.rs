//! `gen-cdrs`: N CDRs in the platform's notification format, one
//! `{"eventType":"fee","feeLst":[…≤50…]}` body per line (JSON Lines), for benchmarks.
//! Streams through a `BufWriter` and formats by hand: no JSON tree per record.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::clock::{compact_utc, push_utc};
use crate::model::outcomes;

/// CDRs per line, the platform's maximum.
pub(crate) const BATCH: u64 = 50;
/// Fixed start of the generated time range (2024-01-01 00:00:00 UTC) so output depends
/// only on the seed.
const EPOCH: i64 = 1_704_067_200;

fn push_digits(out: &mut String, rng: &mut ChaCha8Rng, n: usize) {
    for _ in 0..n {
        out.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
}

fn push_hex(out: &mut String, v: u128, width: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for i in (0..width).rev() {
        out.push(char::from(HEX[((v >> (i * 4)) & 0xf) as usize]));
    }
}

fn field_time(out: &mut String, name: &str, t: i64) {
    out.push_str(",\"");
    out.push_str(name);
    out.push_str("\":\"");
    push_utc(out, t);
    out.push('"');
}

/// Append one FeeInfo object for call number `n`.
fn push_record(out: &mut String, rng: &mut ChaCha8Rng, n: u64) {
    let o = outcomes::draw(rng);
    let t_in = EPOCH + (n as i64) * 3 + rng.random_range(0..3);
    let ring = rng.random_range(2..25);
    let talk = rng.random_range(1..600);
    let t_alert = t_in + 2;
    let t_answer = t_alert + ring;
    let t_end = if o.answered {
        t_answer + talk
    } else {
        t_alert + ring
    };
    let direction = rng.random_range(0..2);
    let mut caller = String::with_capacity(14);
    caller.push_str("+861");
    caller.push(char::from(b'3' + rng.random_range(0..7u8)));
    push_digits(&mut caller, rng, 9);
    let mut dst = String::with_capacity(14);
    dst.push_str("+861");
    dst.push(char::from(b'3' + rng.random_range(0..7u8)));
    push_digits(&mut dst, rng, 9);
    let mut x = String::with_capacity(14);
    x.push_str("+86170");
    push_digits(&mut x, rng, 8);
    let sub: u128 = rng.random();
    let recorded = o.answered && talk >= 3 && rng.random_bool(0.5);

    let _ = write!(
        out,
        "{{\"direction\":{direction},\"spId\":\"maskline_sim\",\"appKey\":\"bench-app-key\",\"icid\":\""
    );
    push_hex(out, rng.random(), 32);
    let _ = write!(
        out,
        ".{n}\",\"bindNum\":\"{x}\",\"sessionId\":\"1202_{n}_4294967295_"
    );
    out.push_str(&compact_utc(t_in));
    out.push_str("@callenabler.maskline-sim.local\",\"subscriptionId\":\"");
    push_hex(out, sub, 32);
    let _ = write!(
        out,
        "\",\"callerNum\":\"{caller}\",\"calleeNum\":\"{x}\",\"fwdDisplayNum\":\"{x}\",\"fwdDstNum\":\"{dst}\""
    );
    field_time(out, "callInTime", t_in);
    field_time(out, "fwdStartTime", t_in + 1);
    if o.alerting {
        field_time(out, "fwdAlertingTime", t_alert);
    }
    if o.answered {
        field_time(out, "fwdAnswerTime", t_answer);
    } else {
        field_time(out, "failTime", t_end);
    }
    field_time(out, "callEndTime", t_end);
    let _ = write!(
        out,
        ",\"fwdUnaswRsn\":{},\"ulFailReason\":{},\"sipStatusCode\":{},\"callOutUnaswRsn\":0,\"recordFlag\":{}",
        o.q850,
        o.ul_fail_reason,
        o.sip,
        u8::from(recorded)
    );
    if recorded {
        field_time(out, "recordStartTime", t_answer);
        let _ = write!(
            out,
            ",\"recordObjectName\":\"{}{n:011}.wav\",\"recordBucketName\":\"sp-bench\",\"recordDomain\":\"{}\"",
            compact_utc(t_answer),
            crate::model::recordings::RECORD_DOMAIN
        );
    }
    out.push_str(",\"ttsPlayTimes\":0,\"ttsTransDuration\":0,\"mptyId\":\"");
    push_hex(out, sub, 32);
    out.push_str("\",\"serviceType\":\"004\",\"hostName\":\"callenabler.maskline-sim.local\",\"voiceCheckType\":0}");
}

/// Write `count` CDRs as JSON Lines to `w`; returns the number of lines.
pub fn write_cdrs<W: Write>(w: W, count: u64, seed: u64) -> io::Result<u64> {
    let mut w = BufWriter::with_capacity(1 << 20, w);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut line = String::with_capacity(64 * 1024);
    let mut lines = 0;
    let mut n = 0;
    while n < count {
        line.clear();
        line.push_str("{\"eventType\":\"fee\",\"feeLst\":[");
        let end = (n + BATCH).min(count);
        for i in n..end {
            if i > n {
                line.push(',');
            }
            push_record(&mut line, &mut rng, i + 1);
        }
        line.push_str("]}\n");
        w.write_all(line.as_bytes())?;
        lines += 1;
        n = end;
    }
    w.flush()?;
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_valid_json_and_batched() {
        let mut buf = Vec::new();
        let lines = write_cdrs(&mut buf, 120, 9).expect("in-memory write");
        assert_eq!(lines, 3);
        let text = String::from_utf8(buf).expect("utf-8");
        let sizes: Vec<usize> = text
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
                assert_eq!(v["eventType"], "fee");
                v["feeLst"].as_array().map_or(0, Vec::len)
            })
            .collect();
        assert_eq!(sizes, vec![50, 50, 20]);
    }

    #[test]
    fn same_seed_same_output() {
        let run = |seed| {
            let mut b = Vec::new();
            write_cdrs(&mut b, 60, seed).expect("write");
            b
        };
        assert_eq!(run(3), run(3));
        assert_ne!(run(3), run(4));
    }
}
