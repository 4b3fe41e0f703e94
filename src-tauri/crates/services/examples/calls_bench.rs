//! Times the Calls page's queries on an existing database (used by `tests/bench/calls.sh`).
//!
//! `cargo run --release -p maskline-services --example calls_bench -- DB [RUNS]`
//! Prints one line per query: `name p50_ms p95_ms rows`. Each run varies the query's
//! parameters (digits, windows) so results are not one cached answer.

use std::path::PathBuf;
use std::time::Instant;

use maskline_domain::calls::{CallFilter, CallPageRequest};
use maskline_domain::explain::CallOutcome;
use maskline_services::{DbManager, calls};

const PAGE: u32 = 100;

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().expect("usage: calls_bench DB [RUNS]"));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let m = DbManager::open(&db);
    let newest = calls::page(&m, &CallPageRequest::default()).expect("newest page");
    let last = newest.rows.first().map_or(0, |r| r.start_time);
    let page = |f: CallFilter| CallPageRequest {
        filter: f,
        page_size: PAGE,
        ..Default::default()
    };
    let week = |i: usize| {
        let to = last - (i as i64 % 20) * 86_400;
        (Some(to - 7 * 86_400), Some(to))
    };
    type Q<'a> = Box<dyn Fn(usize) -> usize + 'a>;
    let queries: Vec<(&str, Q<'_>)> = vec![
        (
            "newest_page",
            Box::new(|_| {
                calls::page(&m, &page(CallFilter::default()))
                    .expect("q")
                    .rows
                    .len()
            }),
        ),
        (
            "range_answered_page",
            Box::new(|i| {
                let (from, to) = week(i);
                calls::page(
                    &m,
                    &page(CallFilter {
                        from,
                        to,
                        answered: Some(true),
                        ..Default::default()
                    }),
                )
                .expect("q")
                .rows
                .len()
            }),
        ),
        (
            "last4_page",
            Box::new(|i| {
                let q = format!("{:04}", (i * 7919) % 10_000);
                calls::page(
                    &m,
                    &page(CallFilter {
                        number: Some(q),
                        ..Default::default()
                    }),
                )
                .expect("q")
                .rows
                .len()
            }),
        ),
        (
            "anypart_page",
            Box::new(|i| {
                let q = format!("{:06}", (i * 104_729) % 1_000_000);
                calls::page(
                    &m,
                    &page(CallFilter {
                        number: Some(q),
                        ..Default::default()
                    }),
                )
                .expect("q")
                .rows
                .len()
            }),
        ),
        (
            "failure_reason_page",
            Box::new(|i| {
                let o = [
                    CallOutcome::CalleeBusy,
                    CallOutcome::CalleeRejected,
                    CallOutcome::CalleeNumberInvalid,
                ][i % 3];
                calls::page(
                    &m,
                    &page(CallFilter {
                        outcomes: vec![o],
                        ..Default::default()
                    }),
                )
                .expect("q")
                .rows
                .len()
            }),
        ),
        (
            "count_range_answered",
            Box::new(|i| {
                let (from, to) = week(i);
                calls::count(
                    &m,
                    &CallFilter {
                        from,
                        to,
                        answered: Some(true),
                        ..Default::default()
                    },
                )
                .expect("q") as usize
            }),
        ),
        (
            "count_last4",
            Box::new(|i| {
                let q = format!("{:04}", (i * 7919) % 10_000);
                calls::count(
                    &m,
                    &CallFilter {
                        number: Some(q),
                        ..Default::default()
                    },
                )
                .expect("q") as usize
            }),
        ),
        (
            "count_all",
            Box::new(|_| calls::count(&m, &CallFilter::default()).expect("q") as usize),
        ),
    ];
    for (name, q) in &queries {
        q(runs); // warm-up
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0;
        for i in 0..runs {
            let t = Instant::now();
            rows = q(i);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (p50, p95) = (pct(&mut times, 0.5), pct(&mut times, 0.95));
        println!("{name} {p50:.2} {p95:.2} {rows}");
    }
}
