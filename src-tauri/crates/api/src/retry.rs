//! When a failed call may be tried again, and how long to wait.
//!
//! Safe to retry: anything that surely did not reach the platform (connection refused, connect
//! timeout), flow control (1010010: the platform did nothing), and — for GET only — any
//! transport failure, timeout or 5xx. A POST/PUT/DELETE that may have arrived is never resent:
//! a second bind could create a second binding, a second unbind fails with "not found".

use std::time::Duration;

use crate::ApiError;
use crate::codes::CodeCategory;

/// Jittered exponential backoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 disables retrying.
    pub max_retries: u32,
    /// Delay before the first retry (before jitter); doubles each time.
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Delay before retry number `retry` (0-based): uniformly random in [d/2, d] where
    /// d = min(max_delay, base_delay × 2^retry). `random` is any u64 (from the OS RNG).
    pub(crate) fn delay(&self, retry: u32, random: u64) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32.checked_shl(retry).unwrap_or(u32::MAX));
        let full = exp.min(self.max_delay).as_nanos() as u64;
        let half = full / 2;
        let jitter = if half == 0 { 0 } else { random % (half + 1) };
        Duration::from_nanos(half + jitter)
    }
}

/// Whether `error` allows another attempt of a request with this idempotency.
pub(crate) fn retryable(error: &ApiError, idempotent: bool) -> bool {
    match error {
        ApiError::Transport {
            request_sent: false,
            ..
        } => true,
        ApiError::Timeout {
            during_connect: true,
        } => true,
        ApiError::Platform { code, .. } if code.category() == CodeCategory::FlowControl => true,
        ApiError::Transport { .. } | ApiError::Timeout { .. } => idempotent,
        ApiError::HttpStatus { status, .. } => idempotent && (500..600).contains(status),
        ApiError::Platform { code, .. } => idempotent && code.category() == CodeCategory::Internal,
        ApiError::InvalidInput { .. }
        | ApiError::Config(_)
        | ApiError::Tls { .. }
        | ApiError::Decode(_) => false,
    }
}

pub(crate) fn random_u64() -> u64 {
    let mut b = [0u8; 8];
    // Jitter only; if the OS RNG failed, no jitter is still correct.
    let _ = getrandom::fill(&mut b);
    u64::from_le_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::ResultCode;

    fn platform(code: &str) -> ApiError {
        ApiError::Platform {
            code: ResultCode::from_code(code),
            desc: String::new(),
            status: 403,
        }
    }

    #[test]
    fn writes_are_retried_only_when_nothing_arrived_or_flow_control() {
        let refused = ApiError::Transport {
            request_sent: false,
            detail: String::new(),
        };
        let reset = ApiError::Transport {
            request_sent: true,
            detail: String::new(),
        };
        assert!(
            retryable(&refused, false),
            "connection refused: nothing was sent"
        );
        assert!(retryable(
            &ApiError::Timeout {
                during_connect: true
            },
            false
        ));
        assert!(
            retryable(&platform("1010010"), false),
            "flow control did nothing"
        );
        assert!(
            !retryable(&reset, false),
            "a POST that may have arrived is never resent"
        );
        assert!(!retryable(
            &ApiError::Timeout {
                during_connect: false
            },
            false
        ));
        assert!(!retryable(
            &ApiError::HttpStatus {
                status: 503,
                body: String::new()
            },
            false
        ));
        assert!(!retryable(&platform("1023002"), false));
    }

    #[test]
    fn reads_are_retried_on_transient_failures_only() {
        let reset = ApiError::Transport {
            request_sent: true,
            detail: String::new(),
        };
        assert!(retryable(&reset, true));
        assert!(retryable(
            &ApiError::Timeout {
                during_connect: false
            },
            true
        ));
        assert!(retryable(
            &ApiError::HttpStatus {
                status: 502,
                body: String::new()
            },
            true
        ));
        assert!(retryable(&platform("1023002"), true));
        assert!(!retryable(
            &ApiError::HttpStatus {
                status: 404,
                body: String::new()
            },
            true
        ));
        assert!(
            !retryable(&platform("1010013"), true),
            "clock skew will not fix itself"
        );
        assert!(!retryable(&platform("1012001"), true));
        assert!(!retryable(
            &ApiError::Tls {
                detail: String::new()
            },
            true
        ));
    }

    #[test]
    fn delays_grow_exponentially_with_bounded_jitter() {
        let p = RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
        };
        for (retry, full) in [
            (0, 100),
            (1, 200),
            (2, 400),
            (3, 800),
            (4, 1000),
            (40, 1000),
        ] {
            let full = Duration::from_millis(full);
            for r in [0, 1, 12345, u64::MAX] {
                let d = p.delay(retry, r);
                assert!(
                    d >= full / 2 && d <= full,
                    "retry {retry}: {d:?} not in [{full:?}/2, {full:?}]"
                );
            }
        }
        assert_ne!(
            p.delay(2, 1),
            p.delay(2, 99_999_999),
            "jitter varies with the random input"
        );
    }
}
