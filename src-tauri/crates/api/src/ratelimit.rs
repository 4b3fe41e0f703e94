//! A token bucket shared by every request of one client (one account).
//!
//! Waiters queue on a FIFO `tokio::sync::Mutex` and the head of the queue sleeps for the next
//! token while holding it, so callers are served in arrival order and none starves. Token
//! arithmetic is integral (nano-tokens), so the bucket never hands out more than
//! `burst + rate × elapsed` permits.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

const NANOS_PER_TOKEN: u128 = 1_000_000_000;

/// Requests per second and how many may go at once after a quiet period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub per_second: u32,
    pub burst: u32,
}

impl Default for RateLimit {
    /// Conservative: the platform publishes no QPS limit, only flow-control code 1010010.
    fn default() -> Self {
        Self {
            per_second: 10,
            burst: 10,
        }
    }
}

#[derive(Debug)]
pub(crate) struct RateLimiter {
    limit: RateLimit,
    state: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    /// In units of 1e-9 token.
    nano_tokens: u128,
    last: Instant,
}

impl RateLimiter {
    /// `limit` must have non-zero fields (checked by `Client::new`).
    pub(crate) fn new(limit: RateLimit) -> Self {
        let full = u128::from(limit.burst) * NANOS_PER_TOKEN;
        Self {
            limit,
            state: Mutex::new(Bucket {
                nano_tokens: full,
                last: Instant::now(),
            }),
        }
    }

    /// Waits for one permit.
    pub(crate) async fn acquire(&self) {
        let mut bucket = self.state.lock().await;
        loop {
            let now = Instant::now();
            let elapsed = now.saturating_duration_since(bucket.last).as_nanos();
            let cap = u128::from(self.limit.burst) * NANOS_PER_TOKEN;
            bucket.nano_tokens =
                (bucket.nano_tokens + elapsed * u128::from(self.limit.per_second)).min(cap);
            bucket.last = now;
            if bucket.nano_tokens >= NANOS_PER_TOKEN {
                bucket.nano_tokens -= NANOS_PER_TOKEN;
                return;
            }
            let missing = NANOS_PER_TOKEN - bucket.nano_tokens;
            let per_second = u128::from(self.limit.per_second);
            let wait_nanos = missing.div_ceil(per_second);
            let wait = Duration::from_nanos(u64::try_from(wait_nanos).unwrap_or(u64::MAX));
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Runs `tasks` callers taking `each` permits and returns every grant time (since start),
    /// sorted, plus the per-task grant order.
    async fn run(limit: RateLimit, tasks: usize, each: usize) -> (Vec<Duration>, Vec<Vec<usize>>) {
        let limiter = Arc::new(RateLimiter::new(limit));
        let start = Instant::now();
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut handles = Vec::new();
        for t in 0..tasks {
            let (limiter, log) = (limiter.clone(), log.clone());
            handles.push(tokio::spawn(async move {
                for _ in 0..each {
                    limiter.acquire().await;
                    log.lock().expect("log").push((start.elapsed(), t));
                }
            }));
        }
        for h in handles {
            h.await.expect("task");
        }
        let mut log = log.lock().expect("log").clone();
        log.sort();
        let mut order = vec![Vec::new(); tasks];
        for (i, (_, t)) in log.iter().enumerate() {
            order[*t].push(i);
        }
        (log.into_iter().map(|(d, _)| d).collect(), order)
    }

    #[tokio::test(start_paused = true)]
    async fn never_exceeds_burst_plus_rate_under_concurrency() {
        let limit = RateLimit {
            per_second: 10,
            burst: 5,
        };
        let (grants, _) = run(limit, 8, 25).await;
        assert_eq!(grants.len(), 200);
        for (i, t) in grants.iter().enumerate() {
            let allowed = 5 + (t.as_nanos() * 10 / 1_000_000_000) as usize;
            assert!(
                i < allowed,
                "grant #{} at {t:?} exceeds burst+rate×t = {allowed}",
                i + 1
            );
        }
        // Any 1-second window holds at most burst + rate grants.
        for (i, t) in grants.iter().enumerate() {
            let in_window = grants[i..]
                .iter()
                .take_while(|u| **u < *t + Duration::from_secs(1))
                .count();
            assert!(
                in_window <= 15,
                "{in_window} grants in the second starting at {t:?}"
            );
        }
        // And it is not merely slow: 195 tokens after the burst need 19.5 s, not much more.
        let last = *grants.last().expect("grants");
        assert!(
            last >= Duration::from_millis(19_500),
            "finished too early: {last:?}"
        );
        assert!(
            last <= Duration::from_millis(19_600),
            "limiter too slow: {last:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn waiters_are_served_fairly() {
        let (_, order) = run(
            RateLimit {
                per_second: 20,
                burst: 1,
            },
            4,
            10,
        )
        .await;
        // FIFO: in every round of 4 grants each task gets one, so no task is starved.
        for (t, grants) in order.iter().enumerate() {
            assert_eq!(grants.len(), 10);
            for (k, g) in grants.iter().enumerate() {
                assert!(
                    g / 4 <= k + 1,
                    "task {t}'s grant {k} came at overall position {g}"
                );
            }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_full_bucket_serves_the_burst_at_once() {
        let limiter = RateLimiter::new(RateLimit {
            per_second: 1,
            burst: 3,
        });
        let start = Instant::now();
        for _ in 0..3 {
            limiter.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO, "burst needs no waiting");
        limiter.acquire().await;
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(1),
            "the 4th waits one token interval"
        );
    }
}
