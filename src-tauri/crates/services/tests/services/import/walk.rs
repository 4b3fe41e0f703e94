//! Folder imports over hostile trees (issue 14 item 3, issue 15 item 5): symbolic-link loops,
//! FIFOs named like CDR files, unreadable subfolders, and absurd batch sizes. Each walk runs
//! on its own thread with a generous deadline, so a walk that loops or blocks fails the test
//! instead of hanging it.

use crate::support::import as support;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::Duration;

use maskline_domain::calls::CallFilter;
use maskline_domain::import::{FileReport, ImportStatus};
use maskline_services::import::{ImportOptions, MAX_BATCH_SIZE, import_paths};
use maskline_services::{DbManager, ServiceError, calls};
use support::*;

/// Imports `paths` on another thread; panics if it has not finished in 60 s.
fn import_within_deadline(
    m: DbManager,
    paths: Vec<PathBuf>,
) -> (DbManager, Result<Vec<FileReport>, ServiceError>) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = import_paths(
            &m,
            &paths,
            &ImportOptions::default(),
            &AtomicBool::new(false),
            &mut |_| {},
        );
        let _ = tx.send((m, r));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the folder import finished (no loop, no blocking open)")
}

fn name(r: &FileReport) -> String {
    std::path::Path::new(&r.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn symlink_loops_read_every_real_folder_once() {
    let (dir, m) = manager();
    let root = dir.path().join("cdrs");
    let sub = root.join("sub");
    std::fs::create_dir_all(&sub).expect("mkdir");
    write(
        &root,
        "a.json",
        body(&[cdr("a", "+8613800138001", true, 0, 0)]),
    );
    write(
        &sub,
        "b.json",
        body(&[cdr("b", "+8613800138002", true, 0, 0)]),
    );
    // One link to the parent and two to the root: without loop detection the walk never ends.
    std::os::unix::fs::symlink("..", sub.join("up")).expect("symlink up");
    std::os::unix::fs::symlink(&root, sub.join("root1")).expect("symlink root1");
    std::os::unix::fs::symlink(&root, root.join("root2")).expect("symlink root2");
    let (m, r) = import_within_deadline(m, vec![root.clone()]);
    let reports = r.expect("the import runs");
    let mut names: Vec<String> = reports.iter().map(name).collect();
    names.sort();
    assert_eq!(
        names,
        ["a.json", "b.json"],
        "each file read once: {reports:?}"
    );
    assert!(reports.iter().all(|r| r.status == ImportStatus::Done));
    assert_eq!(calls::count(&m, &CallFilter::default()).expect("count"), 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_cdr_file_is_skipped_with_a_report_line() {
    let (dir, m) = manager();
    let root = dir.path().join("cdrs");
    std::fs::create_dir_all(&root).expect("mkdir");
    write(
        &root,
        "a.json",
        body(&[cdr("a", "+8613800138001", true, 0, 0)]),
    );
    let fifo = root.join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo made {}", fifo.display());
    // In a folder, and named on the command line: neither may block.
    let (m, r) = import_within_deadline(m, vec![root.clone(), fifo.clone()]);
    let reports = r.expect("the import runs");
    let fifo_lines: Vec<&FileReport> = reports.iter().filter(|r| name(r) == "pipe.json").collect();
    assert_eq!(fifo_lines.len(), 2, "{reports:?}");
    for l in fifo_lines {
        assert_eq!(l.status, ImportStatus::Failed);
        let why = l
            .error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            why.contains("not a regular file") && why.contains("不是普通文件"),
            "{why}"
        );
    }
    let a = reports
        .iter()
        .find(|r| name(r) == "a.json")
        .expect("a.json read");
    assert_eq!(counts(a), (1, 0, 0));
    assert_eq!(calls::count(&m, &CallFilter::default()).expect("count"), 1);
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_skipped_with_a_report_line_and_the_rest_imported() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, m) = manager();
    let root = dir.path().join("cdrs");
    let locked = root.join("locked");
    std::fs::create_dir_all(&locked).expect("mkdir");
    write(
        &root,
        "a.json",
        body(&[cdr("a", "+8613800138001", true, 0, 0)]),
    );
    write(
        &locked,
        "b.json",
        body(&[cdr("b", "+8613800138002", true, 0, 0)]),
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let unreadable = std::fs::read_dir(&locked).is_err();
    let (m, r) = import_within_deadline(m, vec![root.clone()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    let reports = r.expect("an unreadable subfolder does not stop the import");
    let a = reports
        .iter()
        .find(|r| name(r) == "a.json")
        .expect("a.json read");
    assert_eq!(counts(a), (1, 0, 0));
    if unreadable {
        let l = reports
            .iter()
            .find(|r| name(r) == "locked")
            .expect("a line for the skipped folder");
        assert_eq!(l.status, ImportStatus::Failed);
        let why = l
            .error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            why.contains("cannot be read") && why.contains("无法读取文件夹"),
            "{why}"
        );
        assert_eq!(calls::count(&m, &CallFilter::default()).expect("count"), 1);
    } else {
        // Running as root: permission bits do not stop it (the unit test in `import` covers
        // the skip with a folder that vanishes mid-walk; CI runs this as a normal user).
        assert_eq!(calls::count(&m, &CallFilter::default()).expect("count"), 2);
    }
}

#[test]
fn batch_sizes_out_of_range_are_refused_before_anything_is_read() {
    let (dir, m) = manager();
    let f = write(
        dir.path(),
        "a.json",
        body(&[cdr("a", "+8613800138001", true, 0, 0)]),
    );
    for bad in [0, MAX_BATCH_SIZE + 1, u64::MAX] {
        let e = import_paths(
            &m,
            std::slice::from_ref(&f),
            &ImportOptions { batch_size: bad },
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .expect_err("refused");
        let text = e.to_string();
        assert!(
            matches!(&e, ServiceError::Invalid { field, .. } if field == "batch")
                && text.contains(&MAX_BATCH_SIZE.to_string())
                && text.contains("每批记录数"),
            "{bad}: {text}"
        );
    }
    assert_eq!(calls::count(&m, &CallFilter::default()).expect("count"), 0);
    let r = import_paths(
        &m,
        &[f],
        &ImportOptions {
            batch_size: MAX_BATCH_SIZE,
        },
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("the largest batch is accepted");
    assert_eq!(counts(&r[0]), (1, 0, 0));
}
