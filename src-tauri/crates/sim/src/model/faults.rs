//! Fault rules for `/rest/...` and recording downloads (applied by `http::faults`): added
//! latency, HTTP 5xx, connection resets, flow-control (1010010) answers and slow bodies; for
//! recording downloads only (`/sim/recordings/...`; other requests neither fire nor consume
//! them) truncated bodies and ignored `Range` headers. Any rule may also advance the simulated
//! clock once it fired (`advanceSecs`), e.g. past a download link's expiry in the middle of a
//! download. Each rule fires with a probability (seeded RNG, so a fixed request order gives a
//! fixed outcome) or for the next N requests.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FaultKind {
    /// Sleep `latencyMs` (real time) before handling.
    Latency,
    /// Answer `status` (default 500) with resultcode 1010001.
    Http5xx,
    /// Reset the TCP connection without answering.
    Reset,
    /// Answer 403 with resultcode 1010010.
    FlowControl,
    /// Send the body in 64-byte chunks, `chunkDelayMs` apart.
    SlowBody,
    /// Recording downloads: announce the full `Content-Length`, then close the connection
    /// after `bytes` bytes of the body (default 1024).
    Truncate,
    /// Recording downloads: ignore `Range` and answer 200 with the whole file.
    IgnoreRange,
}

impl FaultKind {
    /// Kinds that only recording downloads fire (and consume).
    pub(crate) fn download_only(self) -> bool {
        matches!(self, FaultKind::Truncate | FaultKind::IgnoreRange)
    }
}

/// One fault rule. Without `next` and `probability` it fires on every request.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultRule {
    pub kind: FaultKind,
    #[serde(default)]
    pub probability: Option<f64>,
    #[serde(default)]
    pub next: Option<u32>,
    #[serde(default)]
    pub latency_ms: Option<u64>,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub chunk_delay_ms: Option<u64>,
    /// `truncate`: body bytes sent before the connection is closed.
    #[serde(default)]
    pub bytes: Option<u64>,
    /// After the request this rule fired on was answered, advance the simulated clock.
    #[serde(default)]
    pub advance_secs: Option<u64>,
    /// Only requests whose path starts with this (e.g. `/sim/recordings/`) fire the rule.
    #[serde(default)]
    pub path_prefix: Option<String>,
}

impl FaultRule {
    pub fn new(kind: FaultKind) -> Self {
        Self {
            kind,
            probability: None,
            next: None,
            latency_ms: None,
            status: None,
            chunk_delay_ms: None,
            bytes: None,
            advance_secs: None,
            path_prefix: None,
        }
    }
}

/// Active rules and the RNG that decides probabilistic ones.
#[derive(Debug)]
pub(crate) struct Faults {
    pub(crate) rules: Vec<FaultRule>,
    rng: ChaCha8Rng,
}

impl Faults {
    pub(crate) fn new(seed: u64, rules: Vec<FaultRule>) -> Self {
        Self {
            rules,
            rng: ChaCha8Rng::seed_from_u64(seed ^ 0xfa17),
        }
    }

    /// Rules that fire for a request to `path`; "next N" counters are consumed.
    pub(crate) fn decide(&mut self, path: &str) -> Vec<FaultRule> {
        let download = path.starts_with(DOWNLOADS);
        let mut fired = Vec::new();
        for rule in &mut self.rules {
            let applies = (download || !rule.kind.download_only())
                && rule
                    .path_prefix
                    .as_deref()
                    .is_none_or(|p| path.starts_with(p));
            if !applies {
                continue;
            }
            let fire = match (rule.next, rule.probability) {
                (Some(n), _) => {
                    rule.next = Some(n.saturating_sub(1));
                    n > 0
                }
                (None, Some(p)) => self.rng.random_bool(p.clamp(0.0, 1.0)),
                (None, None) => true,
            };
            if fire {
                fired.push(rule.clone());
            }
        }
        self.rules.retain(|r| r.next != Some(0));
        fired
    }
}

/// Where recording download links live.
pub(crate) const DOWNLOADS: &str = "/sim/recordings/";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_n_rules_fire_exactly_n_times() {
        let mut rule = FaultRule::new(FaultKind::FlowControl);
        rule.next = Some(2);
        let mut f = Faults::new(7, vec![rule]);
        let counts: Vec<usize> = (0..4).map(|_| f.decide("/rest/x").len()).collect();
        assert_eq!(counts, vec![1, 1, 0, 0]);
    }

    #[test]
    fn probabilistic_rules_are_seeded() {
        let mut rule = FaultRule::new(FaultKind::Http5xx);
        rule.probability = Some(0.5);
        let run = || {
            let mut f = Faults::new(42, vec![rule.clone()]);
            (0..32)
                .map(|_| f.decide("/rest/x").len())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run(), "same seed must give the same fault sequence");
    }

    #[test]
    fn download_faults_are_left_for_downloads() {
        let mut rule = FaultRule::new(FaultKind::Truncate);
        rule.next = Some(1);
        let mut f = Faults::new(1, vec![rule]);
        assert!(f.decide("/rest/provision/voice/record/v1.0").is_empty());
        assert_eq!(f.decide("/sim/recordings/a.wav").len(), 1);
        assert!(f.decide("/sim/recordings/a.wav").is_empty(), "consumed");
    }
}
