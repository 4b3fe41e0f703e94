//! Secret hygiene proof (issue 8, item 5): a full journey with a known fake app secret and
//! known phone numbers — through the real `maskline` CLI (account, bind / modify / unbind,
//! a refused bind, a bulk job and its results export, a CDR import, calls list / show /
//! export, audit) and through the same services in process with every `tracing` event down
//! to TRACE written to a log file — then every byte under the data dir is searched.
//!
//! The rules, per location (see [`Place`]):
//! - the app secret: nowhere, ever (database and its WAL/SHM, backups, exports, logs, captured
//!   output), in any encoding we can think of (raw, base64 at every alignment, URL-safe
//!   base64, hex, percent-encoding, UTF-16);
//! - full phone numbers (`+8613800138000`, `13800138000`, `138 0013 8000`, `138-0013-8000`,
//!   UTF-16): never in logs, exports (masked by default), audit entries, human-readable output
//!   or error output. The database and its backups may hold them: the bindings cache, the
//!   calls and the bulk journal need them to work. `--json` output is for scripts and prints
//!   full values by design (README, "The CLI").
//! - the signature of a recording link: never in logs, exports, audit or human output.
//!
//! Findings name the file, the offset and the encoding.

use crate::support::cli as cli_support;
use crate::support::sim as common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use base64::Engine;
use cli_support::{CliHome, keyring_available, show};
use maskline_domain::{AuthScheme, Mode, PhoneNumber};
use maskline_secrets::{MemoryStore, Sensitive};
use maskline_services::DbManager;
use maskline_services::accounts::{self, NewAccount};
use maskline_services::bindings::{AxbBindRequest, AxbModifyRequest, AxbUnbind, Session};
use maskline_sim::SimConfig;

const SECRET: &str = "FAKE-SECRET-7f3a9c1e-do-not-leak";
const APP_KEY: &str = "leak-check-key";
/// The two parties of the single binding, and B after the modify.
const A: &str = "13800138000";
const B: &str = "13900139000";
const B2: &str = "13700137000";
/// The bulk job's parties: `A_BULK[i]` with `B_BULK[i]`.
const A_BULK: [&str; 3] = ["13800138001", "13800138002", "13800138003"];
const B_BULK: [&str; 3] = ["13900139001", "13900139002", "13900139003"];
/// The query signature of the recording link in the imported CDRs.
const LINK_TOKEN: &str = "e3b0c44298fc1c149afbf4c8996fb924";

/// What may be found where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The database, its WAL/SHM and backups: numbers are the cache's data; never the secret.
    Database,
    /// `--json` output for scripts: full numbers by design; never the secret or a signature.
    ScriptOutput,
    /// Logs, exports (the bulk results sheet included: masked unless `--unmask`), human
    /// output, error output, audit entries: nothing personal or secret.
    Public,
}

struct Needle {
    what: String,
    bytes: Vec<u8>,
    /// Allowed in the database / in script output.
    in_database: bool,
    in_script_output: bool,
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn utf16be(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

/// Every encoding of the secret we search for. Base64 of a secret embedded in other bytes
/// depends on its alignment, so each of the three alignments contributes its stable middle.
fn secret_needles() -> Vec<Needle> {
    let mut forms: Vec<(String, Vec<u8>)> = vec![
        ("raw".into(), SECRET.into()),
        ("UTF-16LE".into(), utf16le(SECRET)),
        ("UTF-16BE".into(), utf16be(SECRET)),
        ("hex".into(), hex::encode(SECRET).into_bytes()),
        ("HEX".into(), hex::encode_upper(SECRET).into_bytes()),
        (
            "percent-encoded".into(),
            SECRET
                .bytes()
                .map(|b| format!("%{b:02X}"))
                .collect::<String>()
                .into_bytes(),
        ),
        (
            "percent-encoded (lower case)".into(),
            SECRET
                .bytes()
                .map(|b| format!("%{b:02x}"))
                .collect::<String>()
                .into_bytes(),
        ),
    ];
    for shift in 0..3 {
        let mut data = vec![0u8; shift];
        data.extend_from_slice(SECRET.as_bytes());
        for (name, engine) in [
            ("base64", &base64::engine::general_purpose::STANDARD),
            ("base64url", &base64::engine::general_purpose::URL_SAFE),
        ] {
            let enc = engine.encode(&data);
            // Drop the characters that mix in neighbouring bytes at either end.
            let core = enc[4..enc.len() - 4].to_string();
            forms.push((format!("{name} (alignment {shift})"), core.into_bytes()));
        }
    }
    forms
        .into_iter()
        .map(|(how, bytes)| Needle {
            what: format!("the app secret, {how}"),
            bytes,
            in_database: false,
            in_script_output: false,
        })
        .collect()
}

/// A person's number in every way it is written: E.164 and national are covered by the
/// national digits, then the grouped forms people type, and UTF-16 (webview storage).
fn number_needles(n: &str) -> Vec<Needle> {
    let grouped = |sep: &str| format!("{}{sep}{}{sep}{}", &n[..3], &n[3..7], &n[7..]);
    [
        ("digits (also inside +86…)", n.as_bytes().to_vec()),
        ("grouped with spaces", grouped(" ").into_bytes()),
        ("grouped with dashes", grouped("-").into_bytes()),
        ("UTF-16LE", utf16le(n)),
    ]
    .into_iter()
    .map(|(how, bytes)| Needle {
        what: format!("the full number {n}, {how}"),
        bytes,
        in_database: true,
        in_script_output: true,
    })
    .collect()
}

fn needles() -> Vec<Needle> {
    let mut all = secret_needles();
    for n in [A, B, B2].iter().chain(&A_BULK).chain(&B_BULK) {
        all.extend(number_needles(n));
    }
    all.push(Needle {
        what: "the recording link's signature".into(),
        bytes: LINK_TOKEN.into(),
        in_database: true,
        in_script_output: true,
    });
    all
}

fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return Vec::new();
    }
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// Searches one blob; returns findings as "place: what at offset N".
fn scan(label: &str, bytes: &[u8], place: Place, needles: &[Needle]) -> Vec<String> {
    let mut found = Vec::new();
    for n in needles {
        let allowed = match place {
            Place::Database => n.in_database,
            Place::ScriptOutput => n.in_script_output,
            Place::Public => false,
        };
        if allowed {
            continue;
        }
        let hits = find_all(bytes, &n.bytes);
        if let Some(first) = hits.first() {
            found.push(format!(
                "{label}: {} at offset {first} ({} time(s))",
                n.what,
                hits.len()
            ));
        }
    }
    found
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Where a file of the data dir belongs.
fn place_of(rel: &str) -> Place {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if rel.starts_with("backups/") || name.starts_with("maskline.db") {
        Place::Database
    } else if name.ends_with(".json.stdout") {
        Place::ScriptOutput
    } else {
        Place::Public
    }
}

/// Text of every cell of every sheet (an XLSX is a zip: its raw bytes hide the text).
fn xlsx_text(path: &Path) -> String {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path)
        .unwrap_or_else(|e| panic!("{} opens as a workbook: {e}", path.display()));
    let mut text = String::new();
    for name in wb.sheet_names() {
        if let Ok(range) = wb.worksheet_range(&name) {
            for row in range.rows() {
                for cell in row {
                    text.push_str(&cell.to_string());
                    text.push('\t');
                }
                text.push('\n');
            }
        }
    }
    text
}

/// The audit table's entries: the database may hold numbers, its audit entries may not.
fn audit_text(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open the database");
    c.prepare("SELECT at || ' ' || who || ' ' || coalesce(account, '') || ' ' || action || ' ' || target || ' ' || result_code FROM audit")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .expect("read the audit table")
        .join("\n")
}

/// Every finding under `dir` (plus the audit table and the cells of every workbook).
fn scan_data_dir(dir: &Path, needles: &[Needle]) -> (Vec<String>, usize) {
    let mut files = Vec::new();
    files_under(dir, &mut files);
    files.sort();
    let mut found = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(dir)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("read {rel}: {e}"));
        let place = place_of(&rel);
        eprintln!("  scanning {rel} ({} bytes) as {place:?}", bytes.len());
        found.extend(scan(&rel, &bytes, place, needles));
        if rel.ends_with(".xlsx") {
            let text = xlsx_text(f);
            found.extend(scan(
                &format!("{rel} (cells)"),
                text.as_bytes(),
                place,
                needles,
            ));
        }
    }
    let db = dir.join("maskline.db");
    found.extend(scan(
        "maskline.db (audit entries)",
        audit_text(&db).as_bytes(),
        Place::Public,
        needles,
    ));
    (found, files.len())
}

/// CDRs of two calls between the parties (the documented sample's shape), one recorded with
/// a signed download link.
fn cdr_file(path: &Path, x: &str) {
    let cdr = |n: u32, caller: &str, callee: &str, recorded: bool| {
        let rec = if recorded {
            format!(
                r#","recordFlag":1,"recordStartTime":"2024-05-13 05:25:18","recordDomain":"record.example.com","recordBucketName":"sp-x","recordObjectName":"rec{n}.wav","recordFileDownloadUrl":"https://record.example.com/rec{n}.wav?expires=1715578000&token={LINK_TOKEN}""#
            )
        } else {
            r#","recordFlag":0"#.to_string()
        };
        format!(
            r#"{{"direction":1,"spId":"sp","appKey":"{APP_KEY}","icid":"leak-check-{n}","bindNum":"{x}","sessionId":"leak-session-{n}","subscriptionId":"sub-{n}","callerNum":"+86{caller}","calleeNum":"{x}","fwdDisplayNum":"{x}","fwdDstNum":"+86{callee}","callInTime":"2024-05-13 05:24:57","fwdStartTime":"2024-05-13 05:24:58","fwdAlertingTime":"2024-05-13 05:25:01","fwdAnswerTime":"2024-05-13 05:25:18","callEndTime":"2024-05-13 05:25:41","fwdUnaswRsn":0,"ulFailReason":0,"sipStatusCode":0,"callOutUnaswRsn":0{rec},"serviceType":"004","hostName":"h.example.com"}}"#
        )
    };
    let body = format!(
        "{{\"eventType\":\"fee\",\"feeLst\":[{},{}]}}\n",
        cdr(1, A, B, true),
        cdr(2, B2, A, false)
    );
    std::fs::write(path, body).expect("write the CDR file");
}

fn bulk_csv(path: &Path, xs: &[String], offset: usize) {
    let mut csv = String::from("callerNum,calleeNum,relationNum,duration\n");
    for (i, (a, b)) in A_BULK.iter().zip(&B_BULK).enumerate() {
        csv.push_str(&format!("{a},{b},{},3600\n", xs[offset + i]));
    }
    std::fs::write(path, csv).expect("write the bulk rows");
}

/// Runs one CLI command, keeping its stdout and stderr as files under `captured/` of the data
/// dir (`*.json.stdout` when `--json` asked for full values).
struct Journey<'a> {
    home: &'a CliHome,
    step: std::cell::Cell<u32>,
}

impl Journey<'_> {
    fn keep(&self, args: &[&str], out: &std::process::Output) {
        let dir = self.home.dir.path().join("captured");
        std::fs::create_dir_all(&dir).expect("captured dir");
        let n = self.step.get() + 1;
        self.step.set(n);
        let words: String = args[..2.min(args.len())]
            .join("-")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let name = format!("{n:02}-{words}");
        let json = if args.contains(&"--json") {
            ".json"
        } else {
            ""
        };
        std::fs::write(dir.join(format!("{name}{json}.stdout")), &out.stdout).expect("keep stdout");
        std::fs::write(dir.join(format!("{name}.stderr")), &out.stderr).expect("keep stderr");
    }

    /// Runs and expects success.
    fn ok(&self, args: &[&str]) -> std::process::Output {
        let out = self.home.run(args);
        self.keep(args, &out);
        assert!(out.status.success(), "maskline {args:?}: {}", show(&out));
        out
    }

    /// Runs and expects a failure (its error output is scanned too).
    fn fails(&self, args: &[&str]) -> std::process::Output {
        let out = self.home.run(args);
        self.keep(args, &out);
        assert!(
            !out.status.success(),
            "maskline {args:?} should fail: {}",
            show(&out)
        );
        out
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("maskline {args:?} printed no JSON ({e}): {}", show(&out)))
    }
}

fn num(n: &str) -> PhoneNumber {
    PhoneNumber::parse(n).expect("test numbers are valid")
}

/// The in-process leg: the services the app uses, logging everything down to TRACE (except
/// the simulator's own server-side events, which are the platform's, not Maskline's).
fn in_process_leg(
    data_dir: &Path,
    inputs: &Path,
    base_url: &str,
    xs: &[String],
    rt: &tokio::runtime::Runtime,
) {
    let log = std::fs::File::create(data_dir.join("logs").join("trace.log")).expect("log file");
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(
            "trace,maskline_sim=off,axum=off",
        ))
        .with_writer(std::sync::Mutex::new(log))
        .with_ansi(false)
        .init();
    tracing::info!("in-process leg starts");

    let dbm = Arc::new(DbManager::open(&data_dir.join("maskline.db")));
    let store = MemoryStore::new();
    accounts::add(
        &dbm,
        &store,
        NewAccount {
            name: "in-process".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Wsse,
            base_url: base_url.into(),
            ca_cert_pem: None,
            rate_limit: 100,
            app_key: APP_KEY.into(),
            app_secret: Sensitive::new(SECRET.to_string()),
        },
    )
    .expect("add the in-process account");
    let session = Session::open(&dbm, &store, Some("in-process")).expect("open a session");
    rt.block_on(async {
        let mut req = AxbBindRequest::new(num(A), num(B));
        req.relation_num = Some(num(&xs[1]));
        let bound = session.axb_bind(&req).await.expect("bind in process");
        let again = session.axb_bind(&req).await;
        assert!(again.is_err(), "binding the same pair twice is refused");
        session
            .axb_modify(&AxbModifyRequest {
                subscription_id: bound.subscription_id.clone(),
                callee: Some(num(B2)),
                ..Default::default()
            })
            .await
            .expect("modify in process");
        session
            .axb_unbind(&AxbUnbind::Subscription(bound.subscription_id))
            .await
            .expect("unbind in process");
    });

    let rows = inputs.join("in-process-rows.csv");
    bulk_csv(&rows, xs, 10);
    let (job, _) = maskline_services::bulk::create(
        &dbm,
        Some("in-process"),
        maskline_domain::jobs::JobKind::Bind,
        &rows,
        None,
        None,
    )
    .expect("journal the in-process bulk job");
    let session = Session::open(&dbm, &store, Some("in-process")).expect("open a session");
    let done = rt
        .block_on(async {
            maskline_services::bulk::start(session, job, Default::default())?
                .wait()
                .await
        })
        .expect("the in-process bulk job runs");
    assert_eq!(done.ok, 3, "every in-process bulk row is bound: {done:?}");

    let cancel = AtomicBool::new(false);
    let cdrs = inputs.join("cdrs.jsonl");
    maskline_services::import::import_paths(
        &dbm,
        &[cdrs],
        &Default::default(),
        &cancel,
        &mut |_| {},
    )
    .expect("import in process");
    tracing::info!("in-process leg ends");
    // The WAL and its index exist only while the database is open (the last connection
    // checkpoints and removes them): keep a copy to scan while this leg still holds it open.
    for ext in ["wal", "shm"] {
        let live = data_dir.join(format!("maskline.db-{ext}"));
        assert!(live.exists(), "the open database has its -{ext} file");
        std::fs::copy(&live, data_dir.join(format!("maskline.db-{ext}.copy")))
            .expect("copy the live WAL files");
    }
    drop(dbm);
}

#[test]
fn no_secret_and_no_full_number_leaks_anywhere_in_the_data_dir() {
    if !keyring_available("no_secret_and_no_full_number_leaks_anywhere_in_the_data_dir") {
        return;
    }
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let app = maskline_sim::config::parse_app_flag(&format!("{APP_KEY}:{SECRET}:AXB"))
        .expect("a simulator app with the fake secret");
    let sim = rt.block_on(common::sim_with(SimConfig {
        seed: 7,
        apps: vec![app],
        ..SimConfig::default()
    }));
    let xs: Vec<String> = sim.apps()[0]
        .numbers
        .iter()
        .map(|n| n.number.clone())
        .collect();

    // Inputs the operator brings (not Maskline's data) sit beside the data dir, not in it.
    let inputs = tempfile::tempdir().expect("inputs dir");
    let home = CliHome::new("secret-scan")
        .env("MASKLINE_LOG", "trace")
        .env("RUST_LOG", "trace");
    let data = home.dir.path().to_path_buf();
    for d in ["exports", "logs"] {
        std::fs::create_dir_all(data.join(d)).expect("mkdir");
    }
    let j = Journey {
        home: &home,
        step: Default::default(),
    };
    let p = |path: &Path| path.to_str().expect("utf-8 temp path").to_string();
    let base = sim.base_url();

    // Accounts: the secret goes in on standard input only.
    let out = home.add_account(
        "leak",
        &[
            "--mode",
            "axb",
            "--auth",
            "aksk",
            "--base-url",
            &base,
            "--app-key",
            APP_KEY,
            "--rate-limit",
            "100",
        ],
        SECRET,
    );
    j.keep(&["account", "add"], &out);
    j.ok(&["account", "list"]);
    j.json(&["account", "list", "--json"]);

    // One binding through its life, and a refused one.
    let x0 = xs[0].as_str();
    let bound = j.json(&[
        "bind", "axb", "--caller", A, "--callee", B, "--x", x0, "--json",
    ]);
    let sub = bound["subscriptionId"]
        .as_str()
        .expect("subscription id")
        .to_string();
    j.ok(&["query", "axb", "--x", x0]);
    j.ok(&["modify", "axb", "--subscription-id", &sub, "--callee", B2]);
    j.fails(&["bind", "axb", "--caller", A, "--callee", B, "--x", x0]);
    j.ok(&["unbind", "axb", "--subscription-id", &sub]);
    j.fails(&["bind", "axb", "--caller", "12345", "--callee", B]);

    // A bulk job and its results.
    let rows = inputs.path().join("rows.csv");
    bulk_csv(&rows, &xs, 2);
    let done = j.json(&["bulk", "bind", &p(&rows), "--json"]);
    assert_eq!(done["ok"], 3, "the bulk rows are bound: {done}");
    let job = done["job"].to_string();
    j.ok(&["bulk", "list"]);
    j.ok(&["bindings", "list"]);
    for ext in ["csv", "xlsx"] {
        let out = data.join("exports").join(format!("bulk-results.{ext}"));
        j.ok(&["bulk", "export", &job, &p(&out)]);
    }
    // The explicit choice writes the full numbers (outside the data dir: the operator's own
    // file), and says so in the audit log without any number.
    let full = inputs.path().join("bulk-results-full.xlsx");
    j.ok(&["bulk", "export", &job, &p(&full), "--unmask"]);
    let sheet = xlsx_text(&full);
    for n in A_BULK.iter().chain(&B_BULK) {
        assert!(
            sheet.contains(n),
            "`bulk export --unmask` writes {n} in full:\n{sheet}"
        );
    }
    let audit = j.json(&["audit", "list", "--action", "bulk.export", "--json"]);
    assert_eq!(
        audit[0]["target"],
        format!("job {job}, 3 rows, full numbers / 任务 {job}，3 行，完整号码"),
        "the unmasked export is audited: {audit}"
    );

    // Calls: import, browse, export (masked unless --unmask, which this journey never asks for).
    let cdrs_in = inputs.path().join("cdrs.jsonl");
    cdr_file(&cdrs_in, x0);
    j.ok(&["import", &p(&cdrs_in)]);
    j.ok(&["calls", "list"]);
    j.ok(&["calls", "list", "--number", "8000"]);
    let page = j.json(&["calls", "list", "--json"]);
    let id = page["page"]["rows"][0]["id"].to_string();
    j.ok(&["calls", "show", &id]);
    for (fmt, ext) in [("csv", "csv"), ("xlsx", "xlsx")] {
        let out = data.join("exports").join(format!("calls.{ext}"));
        j.ok(&["calls", "export", "--format", fmt, "--out", &p(&out)]);
    }
    j.ok(&["audit", "list"]);
    j.ok(&["audit", "verify"]);
    j.ok(&["db", "check"]);

    // The same services in process, with every log line kept.
    in_process_leg(&data, inputs.path(), &base, &xs, &rt);

    let needles = needles();
    let (found, files) = scan_data_dir(&data, &needles);
    eprintln!(
        "scanned {files} files under the data dir for {} needles",
        needles.len()
    );
    assert!(
        files >= 10,
        "the journey left the database, exports, logs and captured output to scan ({files} files)"
    );
    assert!(
        std::fs::metadata(data.join("logs/trace.log")).is_ok_and(|m| m.len() > 0),
        "the in-process leg wrote logs, so their scan means something"
    );
    // Positive control: the numbers really went through (the database holds them), so a
    // clean scan elsewhere means they were masked, not that they were never there.
    let db = std::fs::read(data.join("maskline.db")).expect("read the database");
    assert!(
        !scan("db", &db, Place::Public, &number_needles(A)).is_empty(),
        "the database holds A's full number (the journey used it)"
    );
    assert!(
        found.is_empty(),
        "secrets or personal data leaked:\n  {}",
        found.join("\n  ")
    );
    drop(sim);
}

#[test]
fn the_scanner_finds_the_secret_in_every_encoding_at_any_offset() {
    let secret = secret_needles();
    let engines = [
        &base64::engine::general_purpose::STANDARD,
        &base64::engine::general_purpose::URL_SAFE,
    ];
    let mut blobs: Vec<(String, Vec<u8>)> = vec![
        ("raw".into(), SECRET.into()),
        ("utf-16".into(), utf16le(SECRET)),
        ("hex".into(), hex::encode(SECRET).into_bytes()),
        (
            "url-encoded".into(),
            SECRET
                .bytes()
                .map(|b| format!("%{b:02X}"))
                .collect::<String>()
                .into_bytes(),
        ),
    ];
    for prefix in 0..6 {
        for e in engines {
            let mut data = vec![b'x'; prefix];
            data.extend_from_slice(SECRET.as_bytes());
            data.extend_from_slice(b"tail");
            blobs.push((
                format!("base64 after {prefix} bytes"),
                e.encode(&data).into_bytes(),
            ));
        }
    }
    for (how, blob) in blobs {
        let mut hay = b"some unrelated bytes \x00\x01 ".to_vec();
        hay.extend_from_slice(&blob);
        hay.extend_from_slice(b" and more");
        assert!(
            !scan("blob", &hay, Place::Public, &secret).is_empty(),
            "the scanner must see the secret written as {how}"
        );
    }
    assert!(
        scan(
            "clean",
            b"FAKE-SECRET-0000 +86 138****8000",
            Place::Public,
            &needles()
        )
        .is_empty(),
        "masked numbers and other text are not findings"
    );
}
