//! The watch folder on a real temp folder and a real temp database: new files are imported
//! once they stop growing, already imported files are not read again, bad files get their
//! report and the watch goes on, a vanished folder is reported and picked up again, and a
//! turned-off watch imports nothing. Waits poll with generous timeouts; no durations are
//! asserted.

use crate::support::import as support;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use maskline_domain::calls::CallFilter;
use maskline_domain::import::{FileReport, ImportStatus};
use maskline_domain::{WatchFolderSettings, WatchProblem, WatchState, WatchStatus};
use maskline_services::import::watch::{WatchFolder, WatchListener, WatchOptions};
use maskline_services::{DbManager, calls, settings};
use support::*;

/// Everything the watch told its listener.
#[derive(Default)]
struct Heard {
    statuses: Mutex<Vec<WatchStatus>>,
    reports: Mutex<Vec<FileReport>>,
}

impl WatchListener for Heard {
    fn status(&self, status: &WatchStatus) {
        self.statuses.lock().expect("statuses").push(status.clone());
    }
    fn imported(&self, report: &FileReport) {
        self.reports.lock().expect("reports").push(report.clone());
    }
}

impl Heard {
    fn reports_for(&self, name: &str) -> Vec<FileReport> {
        self.reports
            .lock()
            .expect("reports")
            .iter()
            .filter(|r| r.path.ends_with(name))
            .cloned()
            .collect()
    }
}

/// Settle long next to the pause inside a two-chunk write, short ticks.
fn opts() -> WatchOptions {
    WatchOptions {
        settle: Duration::from_millis(1500),
        tick: Duration::from_millis(50),
        // Longer than any wait here: the tests see what notifications alone achieve.
        rescan: Duration::from_secs(600),
        poll: Duration::from_millis(300),
    }
}

/// Polls `f` until it holds; panics with `what` after a generous timeout.
fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Rows of the import history for files named `name`.
fn history_rows(m: &DbManager, name: &str) -> usize {
    let db = m.db().expect("db");
    let conn = db.conn().expect("conn");
    maskline_store::imports::recent(&conn, 10_000)
        .expect("history")
        .iter()
        .filter(|r| r.path.ends_with(name))
        .count()
}

fn total_calls(m: &DbManager) -> u64 {
    calls::count(m, &CallFilter::default()).expect("count")
}

fn lines(cdrs: &[String]) -> String {
    cdrs.iter().map(|c| format!("{c}\n")).collect()
}

fn enable(m: &Arc<DbManager>, w: &WatchFolder, folder: &Path, heard: &Arc<Heard>) -> WatchStatus {
    let saved = settings::set_watch_folder(
        m,
        &WatchFolderSettings {
            enabled: true,
            folder: Some(folder.display().to_string()),
        },
    )
    .expect("the watch folder setting is saved");
    assert_eq!(
        settings::watch_folder(m).expect("read back"),
        saved,
        "stored as saved"
    );
    w.apply(m.clone(), &saved, opts(), heard.clone())
}

#[test]
fn a_watched_folder_imports_new_files_once_they_stop_growing() {
    let (dir, m) = manager();
    let m = Arc::new(m);
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");

    // Before the watch: one file imported by hand, one not yet imported.
    let manual = write(
        &inbox,
        "manual.json",
        body(&[cdr("m1", "+8613800138000", true, 0, 0)]),
    );
    assert_eq!(counts(&import_one(&m, &manual)), (1, 0, 0));
    write(
        &inbox,
        "old.jsonl",
        lines(&[
            cdr("o1", "+8613800138001", true, 0, 0),
            cdr("o2", "+8613800138002", false, 8102, 17),
        ]),
    );
    write(
        &inbox,
        ".hidden.json",
        body(&[cdr("h1", "+8613800138009", true, 0, 0)]),
    );
    write(&inbox, "notes.md", "not a CDR file");

    let heard = Arc::new(Heard::default());
    let w = WatchFolder::default();
    let started = enable(&m, &w, &inbox, &heard);
    assert_eq!(started.state, WatchState::Watching);

    // The start-up scan imports the file that was not imported yet, and only that one.
    wait_for("old.jsonl imported by the start-up scan", || {
        !heard.reports_for("old.jsonl").is_empty()
    });
    assert_eq!(counts(&heard.reports_for("old.jsonl")[0]), (2, 0, 0));
    assert_eq!(
        history_rows(&m, "manual.json"),
        1,
        "a file already in the history (same path, size, mtime) is not read again"
    );
    assert_eq!(total_calls(&m), 3);

    // A file written in two chunks with a pause: nothing is imported until it stops growing.
    let first = cdr("a1", "+8613900139001", true, 0, 0);
    let second = cdr("a2", "+8613900139002", true, 0, 0);
    let third = cdr("a3", "+8613900139003", false, 8102, 17);
    let (head, tail) = second.split_at(second.len() / 2);
    let growing = inbox.join("growing.jsonl");
    let mut f = std::fs::File::create(&growing).expect("create");
    write!(f, "{first}\n{head}").expect("first chunk");
    f.flush().expect("flush");
    wait_for("the watch to notice the growing file", || {
        w.status().pending >= 1
    });
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        history_rows(&m, "growing.jsonl"),
        0,
        "a file still being written is not imported half-way"
    );
    write!(f, "{tail}\n{third}\n").expect("second chunk");
    f.flush().expect("flush");
    drop(f);
    wait_for("growing.jsonl imported", || {
        !heard.reports_for("growing.jsonl").is_empty()
    });
    let r = &heard.reports_for("growing.jsonl")[0];
    assert_eq!(counts(r), (3, 0, 0), "{:#?}", r.errors);
    assert_eq!(history_rows(&m, "growing.jsonl"), 1, "read once, whole");
    assert_eq!(total_calls(&m), 6);

    // The same records dropped again under another name: all duplicates, no new calls.
    std::fs::copy(&growing, inbox.join("again.jsonl")).expect("copy");
    wait_for("again.jsonl imported", || {
        !heard.reports_for("again.jsonl").is_empty()
    });
    assert_eq!(counts(&heard.reports_for("again.jsonl")[0]), (0, 3, 0));
    assert_eq!(total_calls(&m), 6, "re-importing adds nothing");

    // A malformed file gets its report with the rejected records; the watch goes on.
    let good = cdr("b1", "+8613700137001", true, 0, 0);
    write(
        &inbox,
        "bad.jsonl",
        format!(
            "not json at all\n{good}\n{}\n",
            r#"{"eventType":"fee","feeLst":[{"direction":1,"bindNum":"+8617000000001""#
        ),
    );
    wait_for("bad.jsonl imported", || {
        !heard.reports_for("bad.jsonl").is_empty()
    });
    let bad = &heard.reports_for("bad.jsonl")[0];
    assert_eq!(counts(bad), (1, 0, 2), "{:#?}", bad.errors);
    assert_eq!(bad.status, ImportStatus::Done);
    assert_eq!(
        bad.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        [1, 3]
    );
    // Subfolders are watched too, like a folder import reads them.
    std::fs::create_dir(inbox.join("2024-03")).expect("subfolder");
    write(
        &inbox.join("2024-03"),
        "after.json.gz",
        gzip(body(&[cdr("c1", "+8613600136001", true, 0, 0)]).as_bytes()),
    );
    wait_for("after.json.gz imported after the bad file", || {
        !heard.reports_for("after.json.gz").is_empty()
    });
    assert_eq!(counts(&heard.reports_for("after.json.gz")[0]), (1, 0, 0));
    let s = w.status();
    assert_eq!(
        s.imported_files, 5,
        "old, growing, again, bad, after: {s:?}"
    );
    assert!(
        s.last_import
            .as_ref()
            .is_some_and(|l| l.report.path.ends_with("after.json.gz")),
        "{s:?}"
    );
    assert_eq!(s.problem, None);
    assert_eq!(
        history_rows(&m, ".hidden.json"),
        0,
        "hidden files are skipped"
    );
    assert_eq!(
        history_rows(&m, "notes.md"),
        0,
        "other extensions are skipped"
    );

    // Turned off: new files wait.
    let off = settings::set_watch_folder(
        &m,
        &WatchFolderSettings {
            enabled: false,
            folder: Some(inbox.display().to_string()),
        },
    )
    .expect("turn off");
    assert_eq!(
        off.folder.as_deref(),
        Some(inbox.display().to_string().as_str()),
        "turning off keeps the folder"
    );
    let status = w.apply(m.clone(), &off, opts(), heard.clone());
    assert_eq!(status.state, WatchState::Off);
    let calls_before = total_calls(&m);
    write(
        &inbox,
        "while-off.jsonl",
        lines(&[cdr("d1", "+8613500135001", true, 0, 0)]),
    );
    // Longer than the settle time plus several ticks: an active watch would have imported it.
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(
        history_rows(&m, "while-off.jsonl"),
        0,
        "a turned-off watch imports nothing"
    );
    assert_eq!(total_calls(&m), calls_before);

    // On again: the start-up scan takes the new file and reads none of the old ones again.
    enable(&m, &w, &inbox, &heard);
    wait_for("while-off.jsonl imported when the watch is back on", || {
        history_rows(&m, "while-off.jsonl") == 1 && w.status().importing.is_none()
    });
    wait_for("the import to finish", || {
        !heard.reports_for("while-off.jsonl").is_empty()
    });
    assert_eq!(counts(&heard.reports_for("while-off.jsonl")[0]), (1, 0, 0));
    for name in [
        "old.jsonl",
        "growing.jsonl",
        "again.jsonl",
        "bad.jsonl",
        "after.json.gz",
    ] {
        assert_eq!(
            history_rows(&m, name),
            1,
            "{name} is not read again on restart"
        );
    }
    w.stop();
}

#[test]
fn a_vanished_folder_is_reported_and_watched_again_when_it_is_back() {
    let (dir, m) = manager();
    let m = Arc::new(m);
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    let heard = Arc::new(Heard::default());
    let w = WatchFolder::default();
    enable(&m, &w, &inbox, &heard);

    std::fs::remove_dir(&inbox).expect("remove the folder");
    wait_for("the missing folder to be reported", || {
        let s = w.status();
        s.state == WatchState::Error && s.problem == Some(WatchProblem::Missing)
    });
    assert!(
        w.status()
            .detail
            .is_some_and(|d| d.to_string().contains("inbox")),
        "the detail names the folder"
    );

    std::fs::create_dir(&inbox).expect("the folder is back");
    write(
        &inbox,
        "late.json",
        body(&[cdr("l1", "+8613800138000", true, 0, 0)]),
    );
    wait_for("late.json imported once the folder is back", || {
        !heard.reports_for("late.json").is_empty()
    });
    let s = w.status();
    assert_eq!(s.state, WatchState::Watching);
    assert_eq!(s.problem, None);
    assert_eq!(counts(&heard.reports_for("late.json")[0]), (1, 0, 0));

    // Replaced in one step by another folder of the same name: the new folder is watched.
    let fresh = dir.path().join("inbox.new");
    std::fs::create_dir(&fresh).expect("the new folder");
    write(
        &fresh,
        "later.json",
        body(&[cdr("l2", "+8613800138001", true, 0, 0)]),
    );
    // (renaming over a folder needs it empty)
    std::fs::remove_file(inbox.join("late.json")).expect("empty the old folder");
    std::fs::rename(&fresh, &inbox).expect("swap the folders");
    wait_for("later.json imported from the new folder", || {
        !heard.reports_for("later.json").is_empty()
    });
    assert_eq!(counts(&heard.reports_for("later.json")[0]), (1, 0, 0));
    w.stop();

    // A file where the folder should be.
    std::fs::remove_dir_all(&inbox).expect("clean");
    std::fs::write(&inbox, "x").expect("a file named inbox");
    let on = WatchFolderSettings {
        enabled: true,
        folder: Some(inbox.display().to_string()),
    };
    w.apply(m.clone(), &on, opts(), heard.clone());
    wait_for("a file instead of a folder to be reported", || {
        w.status().problem == Some(WatchProblem::NotAFolder)
    });
    w.stop();
    assert!(
        heard
            .statuses
            .lock()
            .expect("statuses")
            .iter()
            .any(|s| s.problem == Some(WatchProblem::Missing)),
        "the listener heard the problem"
    );
}

#[test]
fn the_setting_is_off_by_default_and_refuses_unusable_folders() {
    let (dir, m) = manager();
    assert_eq!(
        settings::watch_folder(&m).expect("read"),
        WatchFolderSettings::default()
    );
    let refused = |folder: Option<&str>| {
        settings::set_watch_folder(
            &m,
            &WatchFolderSettings {
                enabled: true,
                folder: folder.map(str::to_string),
            },
        )
        .expect_err("refused")
        .to_string()
    };
    assert!(refused(None).contains("choose a folder"));
    assert!(refused(Some("   ")).contains("choose a folder"));
    assert!(refused(Some("relative/cdr")).contains("not a full path"));
    let gone = dir.path().join("gone");
    assert!(refused(Some(&gone.display().to_string())).contains("not an existing folder"));
    assert_eq!(
        settings::watch_folder(&m).expect("read"),
        WatchFolderSettings::default(),
        "nothing was saved"
    );
    // Off with a folder that does not exist (yet) is fine: nothing is watched.
    let saved = settings::set_watch_folder(
        &m,
        &WatchFolderSettings {
            enabled: false,
            folder: Some(format!("  {}  ", gone.display())),
        },
    )
    .expect("saved");
    assert_eq!(saved.folder, Some(gone.display().to_string()), "trimmed");
    assert!(!saved.enabled);
}

/// macOS reports `/private/var/…` for a folder set as `/var/…`: the watch resolves the folder
/// before watching, so what it walks, what the OS reports and what it records agree. Here a
/// link stands in for `/var`.
#[cfg(unix)]
#[test]
fn the_watch_resolves_its_folder_before_watching() {
    let (dir, m) = manager();
    let m = Arc::new(m);
    let real = dir.path().join("real-inbox");
    std::fs::create_dir(&real).expect("inbox");
    let link = dir.path().join("inbox-link");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    write(
        &real,
        "before.json",
        body(&[cdr("r1", "+8613800138000", true, 0, 0)]),
    );
    let heard = Arc::new(Heard::default());
    let w = WatchFolder::default();
    let on = enable(&m, &w, &link, &heard);
    assert_eq!(
        on.folder.as_deref(),
        Some(link.display().to_string().as_str()),
        "the status shows the folder as set"
    );
    wait_for("before.json imported", || {
        !heard.reports_for("before.json").is_empty()
    });
    write(
        &real,
        "after.json",
        body(&[cdr("r2", "+8613800138001", true, 0, 0)]),
    );
    wait_for("after.json imported", || {
        !heard.reports_for("after.json").is_empty()
    });
    w.stop();
    let resolved = std::fs::canonicalize(&real).expect("canonical");
    for name in ["before.json", "after.json"] {
        let r = &heard.reports_for(name)[0];
        assert_eq!(
            Path::new(&r.path),
            resolved.join(name),
            "recorded under the resolved folder"
        );
    }
    assert_eq!(total_calls(&m), 2);
}
