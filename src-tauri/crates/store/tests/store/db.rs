//! Store tests on real SQLite files in a temp directory.

use maskline_domain::{Language, Settings, Theme};
use maskline_store::{
    Db, StoreError, latest_backup, list_backups, restore_latest, set_aside, settings,
};

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("maskline.db");
    (dir, path)
}

#[test]
fn settings_round_trip_and_survive_reopen() {
    let (_dir, path) = temp_db();
    let db = Db::open(&path).expect("open new db");
    assert_eq!(
        settings::get(&db.conn().expect("conn")).expect("get"),
        Settings::default()
    );
    let wanted = Settings {
        language: Language::ZhCn,
        theme: Theme::Dark,
    };
    settings::set(&mut db.conn().expect("conn"), &wanted).expect("set");
    drop(db);
    let db = Db::open(&path).expect("reopen");
    assert_eq!(
        settings::get(&db.conn().expect("conn")).expect("get"),
        wanted
    );
}

#[test]
fn new_database_uses_wal_and_latest_schema() {
    let (_dir, path) = temp_db();
    let db = Db::open(&path).expect("open");
    let mode: String = db
        .conn()
        .expect("conn")
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("q");
    assert_eq!(mode, "wal");
    assert_eq!(
        db.schema_version().expect("v"),
        maskline_store::MIGRATIONS.len() as i64
    );
    assert!(db.quick_check().expect("check").is_empty());
}

#[test]
fn garbage_file_is_reported_corrupt_and_left_untouched() {
    let (_dir, path) = temp_db();
    let garbage = b"this is not a database, it is a shopping list\n".repeat(200);
    std::fs::write(&path, &garbage).expect("write garbage");
    match Db::open(&path) {
        Err(StoreError::Corrupt { path: p, .. }) => assert_eq!(p, path),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        garbage,
        "a damaged file must not be modified"
    );
}

#[test]
fn reopening_takes_a_backup_that_can_be_restored() {
    let (_dir, path) = temp_db();
    let db = Db::open(&path).expect("open");
    let wanted = Settings {
        language: Language::En,
        theme: Theme::Light,
    };
    settings::set(&mut db.conn().expect("conn"), &wanted).expect("set");
    drop(db);
    // Second open of an existing file: no backup yet, so a routine one is taken.
    drop(Db::open(&path).expect("reopen"));
    let backup = latest_backup(&path).expect("a backup exists after reopening");
    assert!(backup.path.exists());

    std::fs::write(&path, b"garbage garbage garbage".repeat(100)).expect("corrupt");
    assert!(matches!(Db::open(&path), Err(StoreError::Corrupt { .. })));
    let restored = restore_latest(&path)
        .expect("restore")
        .expect("a healthy backup");
    assert_eq!(restored.path, backup.path);
    let db = Db::open(&path).expect("open restored");
    assert_eq!(
        settings::get(&db.conn().expect("conn")).expect("get"),
        wanted
    );
    let aside: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
        .expect("ls")
        .flatten()
        .filter(|e| {
            // The -wal/-shm companions move aside too when the last close left them behind.
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains("-damaged-") && name.ends_with(".db")
        })
        .collect();
    assert_eq!(
        aside.len(),
        1,
        "the damaged file is kept aside, not deleted"
    );
}

#[test]
fn set_aside_then_open_starts_fresh() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"not sqlite".repeat(500)).expect("corrupt");
    let aside = set_aside(&path).expect("set aside").expect("moved");
    assert!(aside.exists() && !path.exists());
    let db = Db::open(&path).expect("fresh db");
    assert_eq!(
        settings::get(&db.conn().expect("conn")).expect("get"),
        Settings::default()
    );
}

#[test]
fn only_the_newest_backups_are_kept() {
    let (_dir, path) = temp_db();
    drop(Db::open(&path).expect("open"));
    let dir = path.parent().expect("dir").join("backups");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for day in 1..=9 {
        std::fs::write(
            dir.join(format!("maskline-202001{day:02}T000000Z-routine.db")),
            b"SQLite format 3\0 and then not much",
        )
        .expect("fake old backup");
    }
    drop(Db::open(&path).expect("reopen takes a routine backup"));
    let left = list_backups(&path);
    assert_eq!(
        left.len(),
        maskline_store::backup_keep(),
        "old backups are pruned"
    );
    assert!(left[0].path.to_string_lossy().contains("routine"));
}

#[test]
fn in_memory_databases_are_separate_and_migrated() {
    let a = Db::in_memory().expect("a");
    let b = Db::in_memory().expect("b");
    let s = Settings {
        language: Language::ZhCn,
        theme: Theme::Dark,
    };
    settings::set(&mut a.conn().expect("conn"), &s).expect("set");
    assert_eq!(settings::get(&a.conn().expect("conn")).expect("get a"), s);
    assert_eq!(
        settings::get(&b.conn().expect("conn")).expect("get b"),
        Settings::default()
    );
}

mod accounts {
    use maskline_domain::{AuthScheme, Mode};
    use maskline_store::{Db, accounts};

    fn fields(name: &str) -> accounts::AccountFields {
        accounts::AccountFields {
            name: name.into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: "https://rtcpns.cn-north-1.myhuaweicloud.com".into(),
            ca_cert_pem: None,
            rate_limit: 5,
        }
    }

    #[test]
    fn first_account_is_active_and_deleting_it_activates_another() {
        let db = Db::in_memory().expect("db");
        let mut c = db.conn().expect("conn");
        let a = accounts::insert(&mut c, &fields("Beijing")).expect("insert a");
        let b = accounts::insert(&mut c, &fields("Shenzhen")).expect("insert b");
        assert!(
            a.is_active && !b.is_active,
            "only the first account starts active"
        );
        assert!(accounts::set_active(&mut c, b.id).expect("activate"));
        let active: Vec<_> = accounts::list(&c)
            .expect("list")
            .into_iter()
            .filter(|r| r.is_active)
            .collect();
        assert_eq!(active.len(), 1);
        assert_eq!(active[0].id, b.id);
        assert!(accounts::delete(&mut c, b.id).expect("delete"));
        assert!(
            accounts::get(&c, a.id)
                .expect("get")
                .expect("a exists")
                .is_active
        );
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let db = Db::in_memory().expect("db");
        let mut c = db.conn().expect("conn");
        accounts::insert(&mut c, &fields("Beijing")).expect("insert");
        assert!(accounts::insert(&mut c, &fields("BEIJING")).is_err());
        assert!(accounts::by_name(&c, "beijing").expect("by name").is_some());
    }
}
