//! `maskline bind|modify|unbind|query …` end to end: the real binary, the real keyring
//! (a namespace per test) and an in-process simulator.

use crate::support as bind_support;

use bind_support::{Cli, keyring_available, maskline, show};

#[test]
fn axb_bind_query_modify_unbind_with_json() {
    if !keyring_available("axb_bind_query_modify_unbind_with_json") {
        return;
    }
    let cli = Cli::start("axb");
    cli.add_account("axb");
    let x = cli.x("axb", 0);
    let bound = cli.json(&[
        "bind",
        "axb",
        "--caller",
        "138 0013 8000",
        "--callee",
        "+8613900139000",
        "--x",
        &x,
        "--user-data",
        "order-1",
        "--json",
    ]);
    assert_eq!(bound["x"], x.as_str(), "--json prints the full X: {bound}");
    let id = bound["subscriptionId"]
        .as_str()
        .expect("subscription id")
        .to_string();

    let q = cli.json(&["query", "axb", "--subscription-id", &id, "--json"]);
    assert_eq!(q["totalCount"], 1, "{q}");
    assert_eq!(q["bindings"][0]["caller"], "+8613800138000", "{q}");
    assert_eq!(q["bindings"][0]["userData"], "order-1", "{q}");

    let m = cli.json(&[
        "modify",
        "axb",
        "--subscription-id",
        &id,
        "--callee",
        "13700137000",
        "--json",
    ]);
    assert_eq!(m["ok"], true, "{m}");

    // Human output masks every number.
    let out = cli.run(&["query", "axb", "--x", &x, "--page-size", "10"]);
    assert!(out.status.success(), "{}", show(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("+86 137****7000"),
        "the new callee, masked: {text}"
    );
    assert!(
        !text.contains("13700137000") && !text.contains("13800138000"),
        "no full A or B number in human output: {text}"
    );

    let u = cli.json(&["unbind", "axb", "--subscription-id", &id, "--json"]);
    assert_eq!(u["ok"], true, "{u}");
    let gone = cli.run(&["query", "axb", "--subscription-id", &id, "--json"]);
    assert_eq!(gone.status.code(), Some(1), "{}", show(&gone));
    assert!(
        gone.stdout.is_empty(),
        "nothing on stdout on failure: {}",
        show(&gone)
    );
}

#[test]
fn platform_errors_print_code_meaning_and_action_in_both_languages() {
    if !keyring_available("platform_errors_print_code_meaning_and_action_in_both_languages") {
        return;
    }
    let cli = Cli::start("errors");
    cli.add_account("axb");
    let x = cli.x("axb", 1);
    let args = |callee: &'static str| {
        vec![
            "bind",
            "axb",
            "--caller",
            "13800138001",
            "--callee",
            callee,
            "--x",
            x.as_str(),
        ]
    };
    let first = cli.run(&args("13900139001"));
    assert!(first.status.success(), "{}", show(&first));
    let human = String::from_utf8_lossy(&first.stdout);
    assert!(human.contains(&format!("bound on X {x}")), "{human}");

    let again = cli.run(&args("13900139002"));
    assert_eq!(again.status.code(), Some(1), "{}", show(&again));
    let err = String::from_utf8_lossy(&again.stderr);
    for needle in [
        "1012010",
        "already bound",
        "号码已被绑定",
        "what to do:",
        "建议:",
    ] {
        assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    }
}

#[test]
fn an_account_of_another_mode_is_refused_with_exit_2() {
    if !keyring_available("an_account_of_another_mode_is_refused_with_exit_2") {
        return;
    }
    let cli = Cli::start("wrongmode");
    cli.add_account("ax");
    let out = cli.run(&[
        "bind",
        "axb",
        "--account",
        "ax",
        "--caller",
        "13800138000",
        "--callee",
        "13900139000",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("an AX app") && err.contains("1010040"),
        "{err}"
    );

    let missing = cli.run(&[
        "query",
        "ax",
        "--account",
        "nope",
        "--caller",
        "13800138000",
    ]);
    assert_eq!(missing.status.code(), Some(1), "{}", show(&missing));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no account named"));
}

#[test]
fn invalid_arguments_exit_2_before_touching_anything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("never.db");
    let cases: &[&[&str]] = &[
        &[
            "bind",
            "axb",
            "--caller",
            "12345",
            "--callee",
            "13900139000",
        ],
        &["bind", "axb", "--caller", "13800138000"],
        &[
            "bind",
            "axb",
            "--caller",
            "13800138000",
            "--callee",
            "13900139000",
            "--x",
            "+8617000100000",
            "--area-code",
            "0755",
        ],
        &["unbind", "ax", "--caller", "13800138000"],
        &["query", "axyb"],
        &["modify", "axyb", "--subscription-id", "1"],
        &["bind", "axyb", "--subscription-id", "1"],
    ];
    for args in cases {
        let out = maskline()
            .arg("--db")
            .arg(&db)
            .args(*args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
    }
    assert!(!db.exists(), "argument errors never open the database");
}
