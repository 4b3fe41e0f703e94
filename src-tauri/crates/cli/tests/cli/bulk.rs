//! `maskline bulk …`, `bindings …`, `numbers …` and `audit …` through the real binary.

use crate::support as bind_support;

use bind_support::{Cli, keyring_available, maskline, show};
use maskline_domain::{AuthScheme, Mode};
use maskline_store::accounts::{self, AccountFields};

/// A database with an AXB account row (no keyring needed for dry runs and templates).
fn db_with_account(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("maskline.db");
    let db = maskline_store::Db::open(&path).expect("db");
    accounts::insert(
        &mut db.conn().expect("conn"),
        &AccountFields {
            name: "axb".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: "http://127.0.0.1:9".into(),
            ca_cert_pem: None,
            rate_limit: 10,
        },
    )
    .expect("account");
    path
}

#[test]
fn templates_and_a_gbk_dry_run_without_sending() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_with_account(dir.path());
    let run = |args: &[&str]| {
        maskline()
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("run")
    };
    let tpl = dir.path().join("t.csv");
    let out = run(&["bulk", "template", "bind", tpl.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", show(&out));
    let text = std::fs::read(&tpl).expect("template");
    assert!(text.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let text = String::from_utf8_lossy(&text[3..]).to_string();
    assert!(
        text.starts_with("A号码 A,B号码 B,X号码 X"),
        "both languages: {text}"
    );

    // The same headers, saved by Excel on Chinese Windows (GBK), with one bad and one duplicate row.
    let csv = "A号码,B号码,X号码\n13800000001,13900000001,+8617000100000\n12345,13900000002,\n13800000001,13900000001,+8617000100000\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let file = dir.path().join("gbk.csv");
    std::fs::write(&file, &gbk).expect("write");
    let out = run(&[
        "bulk",
        "bind",
        file.to_str().expect("utf8"),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "refused rows make a dry run exit 1: {}",
        show(&out)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (v["rows"].as_u64(), v["valid"].as_u64()),
        (Some(3), Some(1)),
        "{v}"
    );
    assert_eq!(
        (v["invalid"].as_u64(), v["duplicates"].as_u64()),
        (Some(1), Some(1)),
        "{v}"
    );
    assert_eq!(v["issues"][0]["error"]["row"], 3);

    let out = run(&["audit", "verify"]);
    assert!(out.status.success(), "{}", show(&out));
}

#[test]
fn bulk_bind_then_export_list_and_audit() {
    if !keyring_available("bulk_bind_then_export_list_and_audit") {
        return;
    }
    let cli = Cli::start("bulk");
    cli.add_account("axb");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("rows.csv");
    let mut csv = String::from("callerNum,calleeNum,relationNum,duration\n");
    for i in 0..40 {
        csv.push_str(&format!(
            "+86138{i:08},+86139{i:08},{},3600\n",
            cli.x("axb", i % 5)
        ));
    }
    std::fs::write(&file, csv).expect("write");
    let done = cli.json(&["bulk", "bind", file.to_str().expect("utf8"), "--json"]);
    assert_eq!(
        (done["state"].as_str(), done["ok"].as_u64()),
        (Some("done"), Some(40)),
        "{done}"
    );
    let job = done["job"].as_i64().expect("job id").to_string();
    let out_file = dir.path().join("results.xlsx");
    let out = cli.run(&["bulk", "export", &job, out_file.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", show(&out));
    assert!(std::fs::metadata(&out_file).expect("xlsx").len() > 0);
    let list = cli.json(&["bindings", "list", "--status", "active", "--json"]);
    assert_eq!(list["total"], 40, "every bind is in the cache: {list}");
    let synced = cli.json(&["bindings", "sync", "--json"]);
    assert_eq!(
        (synced["seen"].as_u64(), synced["removed"].as_u64()),
        (Some(40), Some(0)),
        "{synced}"
    );
    let out = cli.run(&["audit", "verify"]);
    assert!(out.status.success(), "{}", show(&out));
}

#[test]
fn audit_export_writes_the_chain_and_audit_verify_and_export_exit_1_once_a_row_is_altered() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_with_account(dir.path());
    {
        let d = maskline_store::Db::open(&db).expect("db");
        for i in 0..3 {
            maskline_services::audit::record(
                &d,
                Some("axb"),
                "bind",
                &format!("AXB A=+86 138****800{i}"),
                "0",
                true,
            )
            .expect("record");
        }
    }
    let run = |args: &[&str]| {
        maskline()
            .args(args)
            .arg("--db")
            .arg(&db)
            .output()
            .expect("run")
    };
    let out_file = dir.path().join("audit.csv");
    let out_path = out_file.to_str().expect("utf8");
    let out = run(&["audit", "export", out_path]);
    assert!(out.status.success(), "{}", show(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("3 entries written") && stdout.contains("intact"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(&out_file).expect("export written");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("\u{feff}id,at,who,account,action,target"));
    assert_eq!(lines.len(), 5, "header, 3 entries, the check: {text}");
    assert!(lines[4].contains(",chain.check,") && lines[4].contains(",intact,1,"));
    assert!(run(&["audit", "verify"]).status.success());

    maskline_store::Db::open(&db)
        .expect("db")
        .conn()
        .expect("conn")
        .execute(
            "UPDATE audit SET target = 'AXB A=elsewhere' WHERE id = 2",
            [],
        )
        .expect("tamper");
    let out = run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("BROKEN at entry 2"));
    let out = run(&["audit", "export", out_path]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken chain fails the export's exit code: {}",
        show(&out)
    );
    let text = std::fs::read_to_string(&out_file).expect("export written");
    assert!(
        text.lines().count() == 6 && text.contains(",broken:2,0,"),
        "the file shows the break after the 3 entries and the first export's entry: {text}"
    );
}
