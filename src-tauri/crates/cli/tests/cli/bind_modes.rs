//! AX (with temporary callee), AXE and AXYB through the real `maskline` binary.

use crate::support as bind_support;

use bind_support::{Cli, keyring_available, show};

#[test]
fn ax_bind_temp_callee_query_unbind() {
    if !keyring_available("ax_bind_temp_callee_query_unbind") {
        return;
    }
    let cli = Cli::start("ax");
    cli.add_account("ax");
    let b = cli.json(&[
        "bind",
        "ax",
        "--caller",
        "13800138000",
        "--area-code",
        "0755",
        "--switched-off",
        "--json",
    ]);
    let x = b["x"].as_str().expect("x").to_string();
    assert!(x.starts_with("+86171075"), "an X of 0755: {b}");
    let t = cli.json(&[
        "ax",
        "temp-callee",
        "--caller",
        "13800138000",
        "--x",
        &x,
        "--callee",
        "4001234567",
        "--duration",
        "600",
        "--json",
    ]);
    assert_eq!(t["tempCallee"], "+864001234567", "{t}");
    let m = cli.json(&[
        "modify",
        "ax",
        "--caller",
        "13800138000",
        "--x",
        &x,
        "--user-data",
        "vip",
        "--json",
    ]);
    assert_eq!(m["ok"], true);
    let q = cli.json(&["query", "ax", "--caller", "13800138000", "--json"]);
    assert_eq!(q["count"], 1, "{q}");
    assert_eq!(q["bindings"][0]["userData"], "vip", "{q}");
    // --switched-off sent turnFlag "off"; the query reports it with privateNumType.
    assert_eq!(q["bindings"][0]["turnedOn"], false, "{q}");
    assert_eq!(q["bindings"][0]["privateNumType"], "mobile-virtual", "{q}");
    let id = q["bindings"][0]["subscriptionId"]
        .as_str()
        .expect("id")
        .to_string();
    cli.json(&["unbind", "ax", "--subscription-id", &id, "--json"]);
    let gone = cli.run(&["query", "ax", "--subscription-id", &id]);
    assert_eq!(gone.status.code(), Some(1), "{}", show(&gone));
}

#[test]
fn axe_bind_query_unbind() {
    if !keyring_available("axe_bind_query_unbind") {
        return;
    }
    let cli = Cli::start("axe");
    cli.add_account("axe");
    let x = cli.x("axe", 0);
    let b = cli.json(&[
        "bind",
        "axe",
        "--caller",
        "13800138000",
        "--x",
        &x,
        "--ext",
        "123",
        "--json",
    ]);
    assert_eq!(b["ext"], "123", "{b}");
    let q = cli.json(&["query", "axe", "--x", &x, "--ext", "123", "--json"]);
    assert_eq!(q["bindings"][0]["caller"], "+8613800138000", "{q}");
    cli.json(&["unbind", "axe", "--x", &x, "--ext", "123", "--json"]);
    let gone = cli.run(&["query", "axe", "--x", &x, "--ext", "123"]);
    assert_eq!(gone.status.code(), Some(1), "{}", show(&gone));
}

#[test]
fn axyb_two_step_bind_query_unbind() {
    if !keyring_available("axyb_two_step_bind_query_unbind") {
        return;
    }
    let cli = Cli::start("axyb");
    cli.add_account("axyb");
    let b = cli.json(&[
        "bind",
        "axyb",
        "--caller",
        "13800138000",
        "--callee",
        "13900139000",
        "--area-code",
        "010",
        "--json",
    ]);
    let id = b["subscriptionId"].as_str().expect("id").to_string();
    assert_ne!(b["x"], b["y"], "{b}");
    let q = cli.json(&["query", "axyb", "--subscription-id", &id, "--json"]);
    assert_eq!(q["bindings"][0]["b"], "+8613900139000", "{q}");
    let u = cli.json(&["unbind", "axyb", "--subscription-id", &id, "--json"]);
    assert_eq!(u["removed"], "relation", "{u}");
}
