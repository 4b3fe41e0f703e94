//! Bad days for the CLI (issue 14, items 1, 2, 7, 8): a closed pipe and a full output
//! device, a mistyped or folder `--db`, a database locked by another program, concurrent
//! first runs on a new database, and a full disk when the daily backup is due (a real
//! size-limited tmpfs; skipped loudly when this process may not mount).

use crate::support::cli as cli_support;
use crate::support::small_disk;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use cli_support::{CliHome, show};
use small_disk::SmallDisk;

/// Imports `n` generated CDRs into `home`'s database.
fn import_calls(home: &CliHome, n: u64) {
    let file = home.dir.path().join("cdrs.jsonl");
    let f = std::fs::File::create(&file).expect("create the CDR file");
    maskline_sim::cdrgen::write_cdrs(f, n, 7).expect("generate CDRs");
    let out = home.run(&["import", file.to_str().expect("utf-8"), "--json"]);
    assert!(out.status.success(), "import: {}", show(&out));
    std::fs::remove_file(&file).expect("remove the CDR file");
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_reader_that_closes_the_pipe_ends_the_listing_quietly() {
    let home = CliHome::new("closed-pipe");
    import_calls(&home, 1500);
    for json in [false, true] {
        let mut args = vec!["calls", "list", "--page-size", "500"];
        if json {
            args.push("--json");
        }
        let mut child = home
            .command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Like `| head -c 16`: read a little, then close the pipe.
        let mut head = [0u8; 16];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut head)
            .expect("the listing starts");
        let out = child.wait_with_output().expect("wait");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "json={json}: {}", show(&out));
        assert_eq!(out.status.code(), Some(0), "json={json}: {}", show(&out));
    }
}

#[test]
fn a_full_output_device_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        eprintln!("a_full_output_device_is_an_error_not_a_panic: SKIPPED: no /dev/full here");
        return;
    }
    let home = CliHome::new("dev-full");
    import_calls(&home, 50);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    let out = home
        .command(&["calls", "list"])
        .stdout(full)
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(!err.contains("panicked"), "{}", show(&out));
    assert!(
        err.contains("cannot write the output") && err.contains("无法写出结果"),
        "{}",
        show(&out)
    );
}

#[test]
fn a_mistyped_db_on_a_read_only_command_creates_nothing() {
    let home = CliHome::new("mistyped-db");
    let missing = home.dir.path().join("typo.db");
    for args in [
        vec!["calls", "list"],
        vec!["audit", "list"],
        vec!["bindings", "list"],
        vec!["account", "list"],
    ] {
        let out = Command::new(cli_support::maskline_bin())
            .arg("--db")
            .arg(&missing)
            .args(&args)
            .output()
            .expect("run");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        assert!(
            err.contains("there is no database") && err.contains("没有数据库"),
            "{args:?}: {}",
            show(&out)
        );
        assert!(
            !err.contains("recover"),
            "no recovery advice: {}",
            show(&out)
        );
        assert!(!missing.exists(), "{args:?} created {}", missing.display());
    }
}

#[test]
fn a_folder_as_db_says_it_is_a_folder_without_recovery_advice() {
    let home = CliHome::new("folder-db");
    for args in [vec!["calls", "list"], vec!["import", "nothing.jsonl"]] {
        let out = Command::new(cli_support::maskline_bin())
            .arg("--db")
            .arg(home.dir.path())
            .args(&args)
            .output()
            .expect("run");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        assert!(
            err.contains("is a folder") && err.contains("文件夹"),
            "{}",
            show(&out)
        );
        assert!(
            !err.contains("recover") && !err.contains("damaged"),
            "{}",
            show(&out)
        );
    }
}

#[test]
fn a_locked_database_is_called_locked_not_damaged() {
    let home = CliHome::new("locked-db");
    import_calls(&home, 10);
    // Another program holds the write lock while this build needs to migrate (a pending
    // migration is simulated by forgetting the last one's row).
    let holder = home.sqlite();
    let latest = maskline_store::MIGRATIONS.len() as i64;
    holder
        .execute("DELETE FROM schema_migrations WHERE version = ?1", [latest])
        .expect("pending migration");
    let backups = home.dir.path().join("backups");
    holder
        .execute_batch("BEGIN IMMEDIATE; CREATE TABLE held (x);")
        .expect("hold the write lock");
    let out = home.run(&["calls", "list"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        err.contains("locked") && err.contains("锁定"),
        "{}",
        show(&out)
    );
    assert!(
        !err.contains("damaged") && !err.contains("recover"),
        "{}",
        show(&out)
    );
    holder.execute_batch("ROLLBACK").expect("release");
    let _ = std::fs::remove_dir_all(&backups);
}

#[test]
fn three_first_runs_at_once_on_a_new_database_all_succeed() {
    for round in 0..6 {
        let home = CliHome::new(&format!("concurrent-new-{round}"));
        let files: Vec<_> = (0..3)
            .map(|i| {
                let file = home.dir.path().join(format!("cdrs-{i}.jsonl"));
                let f = std::fs::File::create(&file).expect("create");
                maskline_sim::cdrgen::write_cdrs(f, 600, 100 + i).expect("generate");
                file
            })
            .collect();
        let children: Vec<_> = files
            .iter()
            .map(|f| {
                home.command(&["import", f.to_str().expect("utf-8"), "--json"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(out.status.success(), "round {round}: {}", show(&out));
        }
        let c = home.sqlite();
        let versions = cli_support::count(&c, "SELECT count(*) FROM schema_migrations");
        assert_eq!(versions, maskline_store::MIGRATIONS.len() as i64);
    }
}

#[test]
fn db_check_counts_only_verified_backups() {
    let home = CliHome::new("check-backups");
    import_calls(&home, 10);
    // The second run takes the routine backup.
    let v = home.json(&["db", "check", "--json"]);
    assert_eq!(v["backups"], 1, "{v}");
    let newest = v["latestBackup"].clone();
    // A full disk used to leave a newer 0-byte backup that counted.
    std::fs::write(
        home.dir
            .path()
            .join("backups/maskline-29990101T000000Z-routine.db"),
        b"",
    )
    .expect("0-byte backup");
    let v = home.json(&["db", "check", "--json"]);
    assert_eq!(v["backups"], 1, "{v}");
    assert_eq!(v["latestBackup"], newest, "{v}");
}

#[test]
fn a_full_disk_when_the_backup_is_due_keeps_read_only_commands_working() {
    let home = CliHome::new("full-disk-backup");
    let Some(_disk) = SmallDisk::mount_on(
        "a_full_disk_when_the_backup_is_due_keeps_read_only_commands_working",
        home.dir.path(),
        "8m",
    ) else {
        return;
    };
    import_calls(&home, 3000);
    let _ = std::fs::remove_dir_all(home.dir.path().join("backups"));
    // Fill the disk, leaving a little room (less than the database).
    let db_len = std::fs::metadata(&home.db).expect("db").len();
    let filler = home.dir.path().join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 16 * 1024];
        let mut written = 0u64;
        while f.write_all(&chunk).is_ok() {
            written += chunk.len() as u64;
        }
        f.set_len(written.saturating_sub((db_len / 3).max(64 * 1024)))
            .expect("leave a little room");
    }

    let out = home.run(&["calls", "list"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        err.contains("daily backup could not be written") && err.contains("磁盘已满"),
        "the full disk is named: {}",
        show(&out)
    );
    let v = home.json(&["db", "check", "--json"]);
    assert_eq!(v["healthy"], true, "{v}");
    assert_eq!(v["backups"], 0, "no backup counts: {v}");
    let left: Vec<_> = std::fs::read_dir(home.dir.path().join("backups"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "the failed copy was removed: {left:?}");
}

#[test]
fn page_sizes_out_of_range_are_refused_with_the_range() {
    let home = CliHome::new("page-size");
    import_calls(&home, 5);
    for args in [
        vec!["audit", "list", "--limit", "0"],
        vec!["audit", "list", "--limit", "100000"],
        vec!["bindings", "list", "--page-size", "0"],
        vec!["bindings", "list", "--page-size", "4294967295"],
        vec!["recordings", "list", "--limit", "0"],
        vec!["recordings", "list", "--limit", "501"],
    ] {
        let out = home.run(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        assert!(
            err.contains("must be between 1 and 500") && err.contains("1 到 500"),
            "{args:?}: {}",
            show(&out)
        );
    }
}

#[test]
fn calls_list_page_size_out_of_range_is_refused_with_the_range() {
    let home = CliHome::new("calls-page-size");
    import_calls(&home, 5);
    for size in ["0", "1001", "4294967295"] {
        let args = ["calls", "list", "--page-size", size];
        let out = home.run(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        assert!(
            err.contains("must be between 1 and 1000") && err.contains("1 到 1000"),
            "{args:?}: {}",
            show(&out)
        );
    }
    let ok = home.run(&["calls", "list", "--page-size", "1000"]);
    assert_eq!(ok.status.code(), Some(0), "{}", show(&ok));
}

#[test]
fn audit_list_prints_lines_not_rust_debug_text() {
    let home = CliHome::new("audit-text");
    import_calls(&home, 5);
    let mut c = home.sqlite();
    for (account, ok) in [(Some("axb-main"), true), (None, false)] {
        maskline_store::audit::append(
            &mut c,
            &maskline_store::audit::AuditRecord {
                at: "2026-12-07T10:00:00Z".into(),
                who: "operator".into(),
                account: account.map(Into::into),
                action: "bind".into(),
                target: "AXB A=+86 138****8000 X=+8617000100000".into(),
                result_code: if ok { "0".into() } else { "1012001".into() },
                ok,
            },
        )
        .expect("audit row");
    }
    drop(c);
    let out = home.run(&["audit", "list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", show(&out));
    for debug in ["Some(", "None", "AuditEntry", "{", "\""] {
        assert!(!text.contains(debug), "{debug:?} in {text}");
    }
    assert!(text.contains("[axb-main] bind ok"), "{text}");
    assert!(text.contains("[-] bind FAILED (1012001)"), "{text}");
}
