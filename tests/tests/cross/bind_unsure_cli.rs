//! Issue 14 item 4 through the real `maskline` CLI against the simulator: a bind whose answer is
//! lost (a reset after sending; a slow answer past the client's 30 s timeout after the platform
//! bound) is checked on the platform before anything is said, and following the advice never
//! makes a second live binding for the pair.

use crate::support::cli as cli_support;
use crate::support::sim as common;

use cli_support::{CliHome, keyring_available, show};
use maskline_sim::SimConfig;
use serde_json::json;

#[test]
fn bind_after_a_lost_answer_says_what_the_check_found() {
    if !keyring_available("bind_after_a_lost_answer_says_what_the_check_found") {
        return;
    }
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let sim = rt.block_on(common::sim_with(SimConfig {
        seed: 7,
        ..SimConfig::default()
    }));
    let app = sim
        .apps()
        .into_iter()
        .find(|a| a.key == "demo-axb-key")
        .expect("the AXB demo app");
    let (x0, x1) = (app.numbers[0].number.clone(), app.numbers[1].number.clone());
    let home = CliHome::new("bind-unsure");
    home.add_account(
        "lost",
        &[
            "--mode",
            "axb",
            "--auth",
            "aksk",
            "--base-url",
            &sim.base_url(),
            "--app-key",
            "demo-axb-key",
        ],
        "demo-axb-secret",
    );

    // Reset before the platform acted: checked, not bound; binding again makes one binding.
    rt.block_on(common::add_fault(&sim, json!({"kind": "reset", "next": 1})));
    let bind0 = [
        "bind",
        "axb",
        "--caller",
        "13800138000",
        "--callee",
        "13900139000",
        "--x",
        &x0,
    ];
    let out = home.run(&bind0);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("it may have been bound — checked: it was not")
            && err.contains("已向平台核实:未绑定"),
        "{err}"
    );
    assert_eq!(rt.block_on(common::binding_count(&sim, "axb")), 0);
    let out = home.run(&bind0);
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(rt.block_on(common::binding_count(&sim, "axb")), 1);

    // Bound, but the answer came too slowly: checked, bound; reported as the binding it is.
    rt.block_on(common::add_fault(
        &sim,
        json!({"kind": "slowBody", "next": 1, "chunkDelayMs": 45_000}),
    ));
    let out = home.run(&[
        "bind",
        "axb",
        "--caller",
        "13800138001",
        "--callee",
        "13900139001",
        "--x",
        &x1,
        "--json",
    ]);
    assert!(out.status.success(), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("it may have been bound — checked: it was (subscription")
            && err.contains("已向平台核实:已绑定"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["answerLost"], true, "{v}");
    assert_eq!(v["x"], x1.as_str(), "{v}");
    assert_eq!(
        rt.block_on(common::binding_count(&sim, "axb")),
        2,
        "one per pair"
    );
}
