//! The client's shared rate limit under concurrent callers, against the simulator: several
//! tasks share one client limited to 5 requests/s with a burst of 5. The limiter runs on tokio
//! time, but the simulator does real network I/O, so the clock is not paused; instead every
//! check is an upper bound that cannot flake: by any moment `t`, no more than
//! `burst + rate × (t − t0)` requests can have been permitted, where `t0` is read (from the same
//! monotonic clock) before the client and its full bucket were created. Requests the simulator
//! has received, and requests that have completed, were all permitted earlier, so both counts
//! must stay under that bound whatever the scheduling delays.

use crate::support::sim as common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use maskline_api::axb::AxbQuery;
use maskline_api::{AuthScheme, Client, Page, RateLimit};
use tokio::sync::Mutex;
use tokio::task::JoinSet;
use tokio::time::Instant;

const RATE: RateLimit = RateLimit {
    per_second: 5,
    burst: 5,
};
const TASKS: u32 = 6;
const EACH: u32 = 3;

/// Most permits a fresh bucket can have handed out `elapsed` after it was created.
fn max_permits(elapsed: Duration) -> f64 {
    f64::from(RATE.burst) + f64::from(RATE.per_second) * elapsed.as_secs_f64() + 1e-6
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_never_exceed_the_rate() {
    let sim = sim().await;
    install_request_counter(&sim).await;
    let t0 = Instant::now();
    let mut cfg = config(&sim.base_url(), AXB, AuthScheme::Aksk);
    cfg.rate_limit = RATE;
    let c = Client::new(cfg).expect("client");
    let query = AxbQuery::Number {
        relation_num: num("+8617000100000"),
        caller: None,
        callee: None,
        page: Page::default(),
    };

    let done: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let mut tasks = JoinSet::new();
    for _ in 0..TASKS {
        let (c, query, done) = (c.clone(), query.clone(), done.clone());
        tasks.spawn(async move {
            for _ in 0..EACH {
                c.axb_query(&query)
                    .await
                    .expect("a rate-limited query still succeeds");
                done.lock().await.push(t0.elapsed());
            }
        });
    }

    // Watch the simulator's count while the callers run.
    let total = u64::from(TASKS * EACH);
    let mut samples = 0;
    loop {
        let received = requests_received(&sim).await;
        let at = t0.elapsed(); // read after the count, so every counted request came before
        assert!(
            received as f64 <= max_permits(at),
            "the simulator had {received} requests {at:?} after the client was created: \
             more than burst {} + {}/s allows",
            RATE.burst,
            RATE.per_second
        );
        samples += 1;
        if received == total {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    while let Some(joined) = tasks.join_next().await {
        joined.expect("caller task");
    }
    assert!(
        samples > 1,
        "the count was observed while requests were still limited"
    );

    let mut done = done.lock().await.clone();
    done.sort();
    assert_eq!(
        done.len() as u64,
        total,
        "every caller finished every request"
    );
    for (i, at) in done.iter().enumerate() {
        let completed = (i + 1) as f64;
        assert!(
            completed <= max_permits(*at),
            "{completed} requests had completed {at:?} after the client was created: \
             the limiter let more through than its rate"
        );
    }
    assert_eq!(
        requests_received(&sim).await,
        total,
        "no request was lost or duplicated"
    );
}
