//! Open and backup faults on real SQLite files: concurrent first opens, locks, folders,
//! missing files, a full disk (a real size-limited tmpfs) and unverifiable backups.

use std::path::PathBuf;
use std::sync::{Arc, Barrier};

#[path = "../../../../../tests/support/small_disk.rs"]
mod small_disk;
use small_disk::SmallDisk;

use maskline_store::{
    Db, StoreError, latest_backup, list_backups, restore_latest, settings, verified_backups,
};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("maskline.db");
    (dir, path)
}

#[test]
fn concurrent_first_opens_of_a_new_database_all_succeed() {
    // Several rounds: the race between two migrators is a matter of timing.
    for round in 0..12 {
        let (_dir, path) = temp_db();
        let n = 4;
        let barrier = Arc::new(Barrier::new(n));
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let path = path.clone();
                let barrier = Arc::clone(&barrier);
                std::thread::spawn(move || {
                    barrier.wait();
                    Db::open(&path).map(|db| db.schema_version())
                })
            })
            .collect();
        for h in handles {
            match h.join().expect("thread") {
                Ok(Ok(v)) => assert_eq!(v, maskline_store::MIGRATIONS.len() as i64),
                Ok(Err(e)) | Err(e) => panic!("round {round}: a concurrent open failed: {e}"),
            }
        }
        let db = Db::open(&path).expect("reopen");
        let rows: i64 = db
            .conn()
            .expect("conn")
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .expect("count");
        assert_eq!(
            rows,
            maskline_store::MIGRATIONS.len() as i64,
            "each migration once"
        );
    }
}

#[test]
fn a_folder_given_as_the_database_says_so_and_is_not_damage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = Db::open(dir.path()).expect_err("a folder is not a database");
    assert!(matches!(err, StoreError::IsADirectory { .. }), "{err:?}");
    assert!(!err.is_damage());
    assert!(err.to_string().contains("文件夹"), "both languages: {err}");
}

#[test]
fn open_existing_refuses_a_missing_file_and_creates_nothing() {
    let (dir, path) = temp_db();
    let err = Db::open_existing(&path).expect_err("no file");
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
    assert!(!err.is_damage());
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing was created"
    );
    drop(Db::open(&path).expect("create"));
    assert!(Db::open_existing(&path).is_ok());
}

#[test]
fn a_database_locked_by_another_connection_is_reported_as_locked_not_damaged() {
    let (_dir, path) = temp_db();
    let holder = rusqlite::Connection::open(&path).expect("open");
    holder
        .execute_batch(
            "PRAGMA journal_mode = DELETE; CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);",
        )
        .expect("hold the lock");
    let err = Db::open(&path).expect_err("locked");
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert!(!err.is_damage());
    assert!(err.to_string().contains("锁定"), "both languages: {err}");
    holder.execute_batch("ROLLBACK").expect("release");
}

#[test]
fn empty_or_broken_backup_files_are_not_counted_nor_restored() {
    let (_dir, path) = temp_db();
    let db = Db::open(&path).expect("open");
    settings::set(
        &mut db.conn().expect("conn"),
        &maskline_domain::Settings {
            language: maskline_domain::Language::ZhCn,
            theme: maskline_domain::Theme::Dark,
        },
    )
    .expect("set");
    drop(db);
    // A routine backup is taken at the next open when none exists.
    drop(Db::open(&path).expect("reopen"));
    let good = latest_backup(&path).expect("a routine backup was taken");
    let backups = path.parent().expect("dir").join("backups");
    // What a full disk left behind before the fix: a newer 0-byte file, and a newer file
    // with a valid header but cut short.
    std::fs::write(backups.join("maskline-29990101T000000Z-routine.db"), b"").expect("empty");
    let mut cut = std::fs::read(&good.path).expect("read backup");
    cut.truncate(4096);
    cut[100..].fill(0xAB);
    std::fs::write(backups.join("maskline-29980101T000000Z-routine.db"), &cut).expect("cut");
    assert!(
        list_backups(&path)
            .iter()
            .all(|b| !b.path.ends_with("maskline-29990101T000000Z-routine.db")),
        "a 0-byte file is no backup"
    );
    let verified = verified_backups(&path);
    assert_eq!(verified.len(), 1, "{verified:?}");
    assert_eq!(verified[0].path, good.path);
    std::fs::write(&path, b"garbage".repeat(1000)).expect("damage the db");
    let _ = std::fs::remove_file(format!("{}-wal", path.display()));
    let _ = std::fs::remove_file(format!("{}-shm", path.display()));
    let restored = restore_latest(&path).expect("restore").expect("a backup");
    assert_eq!(restored.path, good.path);
    let db = Db::open(&path).expect("open restored");
    assert_eq!(
        settings::get(&db.conn().expect("conn")).expect("get").theme,
        maskline_domain::Theme::Dark
    );
}

/// A database of about 1.5 MB on the small disk, with no backup yet.
fn big_db_on(disk: &SmallDisk) -> PathBuf {
    let path = disk.path().join("maskline.db");
    let db = Db::open(&path).expect("create");
    let c = db.conn().expect("conn");
    c.execute_batch("CREATE TABLE ballast (b BLOB)")
        .expect("ballast");
    for _ in 0..15 {
        c.execute("INSERT INTO ballast VALUES (randomblob(100000))", [])
            .expect("ballast row");
    }
    drop(c);
    drop(db);
    path
}

#[test]
fn a_full_disk_at_the_daily_backup_leaves_no_backup_and_the_database_still_opens() {
    let Some(disk) = SmallDisk::mount(
        "a_full_disk_at_the_daily_backup_leaves_no_backup_and_the_database_still_opens",
        "4m",
    ) else {
        return;
    };
    let path = big_db_on(&disk);
    assert!(latest_backup(&path).is_none());
    disk.fill_leaving(300 * 1024);

    let db = Db::open(&path).expect("a failed routine backup does not stop the open");
    let problem = db.backup_problem().expect("the backup failure is reported");
    assert!(
        problem.is_disk_full(),
        "reported as a full disk: {problem:?}"
    );
    assert!(problem.to_string().contains("磁盘已满"), "{problem}");
    // Read-only use still works.
    settings::get(&db.conn().expect("conn")).expect("read settings");
    drop(db);
    assert!(latest_backup(&path).is_none(), "no backup counts");
    let left: Vec<_> = std::fs::read_dir(path.parent().expect("dir").join("backups"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "the failed copy was removed: {left:?}");

    // With room again, the next open takes the backup, verified.
    std::fs::remove_file(disk.path().join("filler")).expect("free the disk");
    let db = Db::open(&path).expect("open");
    assert!(db.backup_problem().is_none());
    assert_eq!(verified_backups(&path).len(), 1);
}

#[test]
fn a_full_disk_before_a_migration_is_a_full_disk_not_damage() {
    let Some(disk) = SmallDisk::mount(
        "a_full_disk_before_a_migration_is_a_full_disk_not_damage",
        "4m",
    ) else {
        return;
    };
    let path = big_db_on(&disk);
    let latest = maskline_store::MIGRATIONS.len() as i64;
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute("DELETE FROM schema_migrations WHERE version = ?1", [latest])
        .expect("pretend the last migration is pending");
    disk.fill_leaving(300 * 1024);
    let err = Db::open(&path).expect_err("no backup, no migration");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert!(!err.is_damage());
    assert!(latest_backup(&path).is_none());
}
