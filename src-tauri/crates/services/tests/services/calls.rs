//! The Calls page queries, the detail drawer and the dashboard against brute force over the
//! same imported rows.

mod export;

use crate::support::import as support;

use maskline_domain::calls::{
    CallFilter, CallPageRequest, CallRow, CallSort, CallSortColumn, NumberMatch, StatsBucket,
    StatsRequest,
};
use maskline_domain::explain::CallOutcome;
use maskline_services::{DbManager, calls};
use support::*;

/// 2,000 simulator calls plus three calls from/to +86 138 0013 8000.
fn seeded() -> (tempfile::TempDir, DbManager) {
    let (dir, m) = manager();
    let mine = body(&[
        cdr("m1", "+8613800138000", true, 0, 0),
        cdr("m2", "+8613800138000", false, 8102, 17),
        cdr("m3", "+8615500138000", false, 0, 16),
    ]);
    let mut data = sim_cdrs(2000, 11);
    data.extend_from_slice(mine.as_bytes());
    let f = write(dir.path(), "cdrs.jsonl", data);
    assert_eq!(counts(&import_one(&m, &f)), (2003, 0, 0));
    (dir, m)
}

fn all(m: &DbManager, filter: &CallFilter) -> Vec<CallRow> {
    let mut out = Vec::new();
    for page in 0.. {
        let req = CallPageRequest {
            filter: filter.clone(),
            page,
            page_size: 1000,
            ..Default::default()
        };
        let p = calls::page(m, &req).expect("page");
        out.extend(p.rows);
        if !p.has_more {
            return out;
        }
    }
    out
}

type Pred = Box<dyn Fn(&CallRow) -> bool>;

fn digits(n: &str) -> String {
    n.strip_prefix("+86").unwrap_or(n).to_string()
}

#[test]
fn number_search_matches_whatever_format_is_typed() {
    let (_d, m) = seeded();
    let everything = all(&m, &CallFilter::default());
    assert_eq!(everything.len(), 2003);
    let brute = |pred: &dyn Fn(&str) -> bool| {
        everything
            .iter()
            .filter(|r| {
                [&r.caller, &r.callee, &r.x_number]
                    .iter()
                    .any(|n| pred(&digits(n)))
            })
            .count()
    };
    for (typed, mode, pred) in [
        (
            "138 0013 8000",
            NumberMatch::Full,
            Box::new(|n: &str| n == "13800138000") as Box<dyn Fn(&str) -> bool>,
        ),
        (
            "+8613800138000",
            NumberMatch::Full,
            Box::new(|n: &str| n == "13800138000"),
        ),
        (
            "8000",
            NumberMatch::LastDigits,
            Box::new(|n: &str| n.ends_with("8000")),
        ),
        (
            "0013 8",
            NumberMatch::AnyPart,
            Box::new(|n: &str| n.contains("00138")),
        ),
        (
            "+86138",
            NumberMatch::AnyPart,
            Box::new(|n: &str| n.contains("138")),
        ),
        (
            "42",
            NumberMatch::LastDigits,
            Box::new(|n: &str| n.ends_with("42")),
        ),
    ] {
        let f = CallFilter {
            number: Some(typed.into()),
            ..Default::default()
        };
        let p = calls::page(
            &m,
            &CallPageRequest {
                filter: f.clone(),
                ..Default::default()
            },
        )
        .expect("page");
        assert_eq!(p.number_match, Some(mode), "{typed:?}");
        let want = brute(&*pred);
        assert_eq!(
            calls::count(&m, &f).expect("count"),
            want as u64,
            "count for {typed:?}"
        );
        assert_eq!(all(&m, &f).len(), want, "rows for {typed:?}");
    }
    let full = CallFilter {
        number: Some("138 0013 8000".into()),
        ..Default::default()
    };
    assert_eq!(
        calls::count(&m, &full).expect("count"),
        2,
        "two calls from +86 138 0013 8000"
    );
}

#[test]
fn every_filter_agrees_with_brute_force_and_pages_are_ordered() {
    let (_d, m) = seeded();
    let everything = all(&m, &CallFilter::default());
    let x = everything[17].x_number.clone();
    let checks: Vec<(CallFilter, Pred)> = vec![
        (
            CallFilter {
                answered: Some(false),
                ..Default::default()
            },
            Box::new(|r| !r.answered),
        ),
        (
            CallFilter {
                outcomes: vec![CallOutcome::CalleeBusy],
                ..Default::default()
            },
            Box::new(|r| r.outcome == CallOutcome::CalleeBusy),
        ),
        (
            CallFilter {
                x_number: Some(x.clone()),
                ..Default::default()
            },
            Box::new(move |r| r.x_number == x),
        ),
        (
            CallFilter {
                min_talk_seconds: Some(60),
                max_talk_seconds: Some(120),
                ..Default::default()
            },
            Box::new(|r| (60..=120).contains(&r.talk_seconds)),
        ),
        (
            CallFilter {
                has_recording: Some(true),
                ..Default::default()
            },
            Box::new(|r| r.has_recording),
        ),
        (
            CallFilter {
                from: Some(1_704_067_200 + 600),
                to: Some(1_704_067_200 + 3000),
                answered: Some(true),
                ..Default::default()
            },
            Box::new(|r| r.answered && (1_704_067_800..1_704_070_200).contains(&r.start_time)),
        ),
    ];
    for (i, (f, pred)) in checks.iter().enumerate() {
        let want = everything.iter().filter(|r| pred(r)).count();
        assert!(want > 0, "filter {i} should match something in the fixture");
        assert_eq!(
            calls::count(&m, f).expect("count") as usize,
            want,
            "filter {i}: {f:?}"
        );
        assert!(all(&m, f).iter().all(pred), "filter {i} rows");
    }
    assert!(
        everything
            .windows(2)
            .all(|w| (w[0].start_time, w[0].id) > (w[1].start_time, w[1].id)),
        "newest first"
    );
    let by_talk = CallPageRequest {
        sort: CallSort {
            column: CallSortColumn::TalkSeconds,
            descending: false,
        },
        page: 1,
        page_size: 50,
        ..Default::default()
    };
    let p = calls::page(&m, &by_talk).expect("page");
    assert_eq!(p.rows.len(), 50);
    assert!(
        p.rows
            .windows(2)
            .all(|w| w[0].talk_seconds <= w[1].talk_seconds)
    );
}

#[test]
fn detail_explains_in_both_languages_and_stats_add_up() {
    let (_d, m) = seeded();
    let f = CallFilter {
        number: Some("155 0013 8000".into()),
        ..Default::default()
    };
    let row = calls::page(
        &m,
        &CallPageRequest {
            filter: f,
            ..Default::default()
        },
    )
    .expect("page")
    .rows
    .remove(0);
    let d = calls::get(&m, row.id).expect("detail");
    assert_eq!(
        d.explanation.outcome,
        CallOutcome::EndedBeforeAnswer,
        "cause 16 alone"
    );
    assert!(
        d.explanation.en.contains("does not say who hung up"),
        "{}",
        d.explanation.en
    );
    assert!(
        d.explanation.zh.contains("无法判断是谁挂机"),
        "{}",
        d.explanation.zh
    );
    assert!(calls::get(&m, 999_999).is_err(), "unknown id");

    let everything = all(&m, &CallFilter::default());
    let s = calls::stats(
        &m,
        &StatsRequest {
            bucket: StatsBucket::Hour,
            utc_offset_minutes: 480,
            ..Default::default()
        },
    )
    .expect("stats");
    let answered = everything.iter().filter(|r| r.answered).count() as u64;
    assert_eq!((s.calls, s.answered), (2003, answered));
    assert_eq!(s.buckets.iter().map(|b| b.calls).sum::<u64>(), 2003);
    assert!(s.buckets.iter().all(|b| b.start % 3600 == 0));
    let failed: u64 = s.failure_reasons.iter().map(|o| o.calls).sum();
    assert!(failed <= 2003 - answered && s.failure_reasons.len() <= 10);
    assert_eq!(
        s.failure_reasons[0].outcome,
        CallOutcome::CalleeNoAnswer,
        "the simulator's most common failure"
    );
    assert_eq!(
        s.total_talk_seconds,
        everything.iter().map(|r| r.talk_seconds).sum::<i64>()
    );
    assert_eq!(
        s.top_numbers[0].number, "+8618600000002",
        "the callee of the three fixed calls"
    );
    assert_eq!(s.top_numbers[0].calls, 3);
    assert_eq!(
        s.top_numbers[1].number, "+8613800138000",
        "the only repeated caller"
    );
    assert_eq!(s.top_numbers[1].calls, 2);
    assert_eq!(s.busiest_x[0].number, "+8617000000001");
}

/// Issue 14 item 5: full-width digits search like ASCII ones, and a search with no digit is
/// refused (page, count, stats and export alike) instead of listing every call.
#[test]
fn full_width_digits_search_and_a_search_without_digits_is_refused() {
    let (dir, m) = seeded();
    let by = |text: &str| CallFilter {
        number: Some(text.into()),
        ..Default::default()
    };
    let ascii = all(&m, &by("13800138000"));
    assert_eq!(ascii.len(), 2, "the two calls of +86 138 0013 8000");
    assert_eq!(all(&m, &by("１３８００１３８０００")), ascii, "full width");
    assert_eq!(all(&m, &by("＋８６ １３８－００１３－８０００")), ascii);
    assert_eq!(
        all(&m, &by("８０００")).len(),
        all(&m, &by("8000")).len(),
        "full-width last digits"
    );
    let x_of = |x: &str| CallFilter {
        x_number: Some(x.into()),
        ..Default::default()
    };
    let x = ascii[0].x_number.clone();
    let wide: String = x
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or(c),
            '+' => '＋',
            other => other,
        })
        .collect();
    let n = calls::count(&m, &x_of(&x)).expect("count");
    assert!(n > 0);
    assert_eq!(
        calls::count(&m, &x_of(&wide)).expect("count"),
        n,
        "full-width X {wide}"
    );

    for text in ["abc", "' OR 'a'='a' --", "一三八", "+", "％"] {
        let f = by(text);
        let refused = |e: maskline_services::ServiceError| {
            let s = e.to_string();
            assert!(
                matches!(&e, maskline_services::ServiceError::Invalid { field, .. } if field == "number")
                    && s.contains("at least one digit")
                    && s.contains("至少需要一位数字"),
                "{text:?}: {s}"
            );
        };
        refused(calls::count(&m, &f).expect_err("count refused"));
        refused(
            calls::page(
                &m,
                &CallPageRequest {
                    filter: f.clone(),
                    ..Default::default()
                },
            )
            .expect_err("page refused"),
        );
        refused(
            calls::stats(
                &m,
                &StatsRequest {
                    filter: f.clone(),
                    bucket: StatsBucket::Day,
                    ..Default::default()
                },
            )
            .expect_err("stats refused"),
        );
        refused(
            calls::export::export(
                &m,
                &maskline_domain::calls::ExportRequest {
                    filter: f,
                    sort: Default::default(),
                    format: maskline_domain::calls::ExportFormat::Csv,
                    path: dir.path().join("out.csv").display().to_string(),
                    unmask: false,
                    utc_offset_minutes: 0,
                    language: Default::default(),
                },
                &std::sync::atomic::AtomicBool::new(false),
                &mut |_| {},
            )
            .expect_err("export refused"),
        );
    }
    // Blank is no number filter at all.
    assert_eq!(calls::count(&m, &by("  ")).expect("blank"), 2003);
}
