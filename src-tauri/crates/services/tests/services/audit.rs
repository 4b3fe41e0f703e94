//! The audit log export on a real temp database: every row with its chain links, which can be
//! re-checked from the file alone, and the chain check in the last line — intact, then broken
//! after a row is altered behind Maskline's back. Each export is itself audited.

use std::path::Path;

use maskline_services::{DbManager, audit};
use sha2::{Digest, Sha256};

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read the export");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "CSV with a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// The chain hash recomputed from an exported line alone, as SECURITY.md describes it.
fn hash_of_line(l: &[String]) -> String {
    let account_present = if l[3].is_empty() { "0" } else { "1" };
    let fields = [
        l[0].as_str(),
        &l[1],
        &l[2],
        &l[3],
        account_present,
        &l[4],
        &l[5],
        &l[6],
        &l[7],
    ];
    let mut canonical = String::new();
    for f in fields {
        canonical.push_str(&format!("{}:{f}|", f.len()));
    }
    let mut h = Sha256::new();
    h.update(l[8].as_bytes());
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

fn seed(dbm: &DbManager) {
    let db = dbm.db().expect("db");
    for (account, action, target, ok) in [
        (
            Some("生产"),
            "bind",
            "AXB A=+86 138****8000 X=+8617000100000",
            true,
        ),
        (None, "reveal", "calls +86 139****9000", true),
        (Some("生产"), "unbind", "AXB sub-1, \"quoted\"", false),
        (
            Some("staging"),
            "bulk.create",
            "job 1 AXB bind rows=3 valid=3",
            true,
        ),
    ] {
        audit::record(
            &db,
            account,
            action,
            target,
            if ok { "0" } else { "1012010" },
            ok,
        )
        .expect("record");
    }
}

#[test]
fn export_writes_every_row_with_its_links_and_the_chain_check_then_shows_a_tampered_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dbm = DbManager::open(&dir.path().join("maskline.db"));
    seed(&dbm);

    let out = dir.path().join("audit.csv");
    let r = audit::export(&dbm, &out).expect("export");
    assert_eq!(
        (r.rows, r.check.rows, r.check.first_broken),
        (4, 4, None),
        "{r:?}"
    );
    assert_eq!(r.path, out.display().to_string());
    assert!(
        !dir.path().join("audit.csv.part").exists(),
        "the temporary file is renamed into place"
    );
    let lines = read_csv(&out);
    assert_eq!(lines[0], audit::EXPORT_HEADERS, "the header line");
    assert_eq!(lines.len(), 1 + 4 + 1, "header, 4 entries, the check line");
    let entries = &lines[1..5];
    assert_eq!(
        entries.iter().map(|l| l[0].as_str()).collect::<Vec<_>>(),
        ["1", "2", "3", "4"],
        "oldest first"
    );
    assert_eq!(entries[0][3], "生产", "Chinese text survives");
    assert_eq!(entries[1][3], "", "no account is an empty cell");
    assert_eq!(entries[2][5], "AXB sub-1, \"quoted\"", "CSV quoting");
    assert_eq!((entries[2][7].as_str(), entries[0][7].as_str()), ("0", "1"));
    // The file alone is enough to check the chain: each line's hash from its own cells and
    // the previous line's hash.
    let mut prev = "0".repeat(64);
    for l in entries {
        assert_eq!(l[8], prev, "line {} links to the one before", l[0]);
        assert_eq!(hash_of_line(l), l[9], "line {} hash recomputed", l[0]);
        prev = l[9].clone();
    }
    let check = &lines[5];
    assert_eq!(check[0], "", "the check line is not an entry");
    assert_eq!(check[4], audit::EXPORT_CHECK_ACTION);
    assert_eq!((check[6].as_str(), check[7].as_str()), ("intact", "1"));
    assert!(check[5].contains("4 entries, chain intact"), "{check:?}");
    assert_eq!(check[8], prev, "the check line names the chain's head");

    // The export is recorded after the rows it wrote.
    let last = audit::list(&dbm, Some("audit.export"), 1, 10).expect("list");
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].id, 5);
    assert!(last[0].ok && last[0].target.contains("chain intact"));

    // Someone edits row 3 in the database file.
    dbm.db()
        .expect("db")
        .conn()
        .expect("conn")
        .execute(
            "UPDATE audit SET result_code = '0', ok = 1 WHERE id = 3",
            [],
        )
        .expect("tamper");
    let r = audit::export(&dbm, &out).expect("export again");
    assert_eq!(
        (r.rows, r.check.first_broken),
        (5, Some(3)),
        "the break is found and every row still exported: {r:?}"
    );
    let lines = read_csv(&out);
    assert_eq!(lines.len(), 1 + 5 + 1);
    let check = lines.last().expect("check line");
    assert_eq!((check[6].as_str(), check[7].as_str()), ("broken:3", "0"));
    assert!(check[5].contains("BROKEN at entry 3"), "{check:?}");
    let tampered = &lines[3];
    assert_eq!(tampered[0], "3");
    assert_ne!(
        hash_of_line(tampered),
        tampered[9],
        "outside the app, the tampered line no longer matches its hash"
    );
    let exports = audit::list(&dbm, Some("audit.export"), 1, 10).expect("list");
    assert_eq!(exports.len(), 2, "both exports are audited");
    assert!(
        exports[0].target.contains("BROKEN at entry 3"),
        "{:?}",
        exports[0]
    );
}

#[test]
fn an_export_to_a_folder_that_does_not_exist_fails_with_a_message_and_records_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dbm = DbManager::open(&dir.path().join("maskline.db"));
    seed(&dbm);
    let err = audit::export(&dbm, &dir.path().join("missing").join("audit.csv"))
        .expect_err("no such folder");
    assert!(
        err.to_string().contains("Choose another folder"),
        "says what to do: {err}"
    );
    assert!(
        audit::list(&dbm, Some("audit.export"), 1, 10)
            .expect("list")
            .is_empty(),
        "a failed export is not recorded as one"
    );
}
