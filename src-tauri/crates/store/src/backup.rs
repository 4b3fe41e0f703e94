//! File backups of the database, kept in `backups/` beside it, and recovery from them.
//!
//! Backups are consistent copies made with `VACUUM INTO`, named
//! `<stem>-<UTC timestamp>-<reason>.db`. The newest [`KEEP`] are kept.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use time::OffsetDateTime;
use time::macros::format_description;

use crate::StoreError;

/// How many backups are kept.
pub const KEEP: usize = 5;

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub created_at: OffsetDateTime,
}

const STAMP: &[time::format_description::FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

fn backup_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stem(db_path: &Path) -> String {
    db_path
        .file_stem()
        .map_or_else(|| "maskline".into(), |s| s.to_string_lossy().into_owned())
}

/// Backup files of `db_path`, newest first. Only files that can be a backup count: a
/// `.db` name of the expected shape whose content starts with the SQLite header (an empty
/// file left by a failed copy does not). [`verified_backups`] also opens and checks them.
pub fn list_backups(db_path: &Path) -> Vec<Backup> {
    named_backups(db_path)
        .into_iter()
        .filter(|b| has_sqlite_header(&b.path))
        .collect()
}

/// Every file named like a backup of `db_path`, whatever it holds, newest first.
fn named_backups(db_path: &Path) -> Vec<Backup> {
    let prefix = format!("{}-", stem(db_path));
    let Ok(entries) = std::fs::read_dir(backup_dir(db_path)) else {
        return Vec::new();
    };
    let mut found: Vec<Backup> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&prefix)?.strip_suffix(".db")?;
            let stamp = rest.get(..16)?;
            let dt = time::PrimitiveDateTime::parse(stamp, STAMP)
                .ok()?
                .assume_utc();
            Some(Backup {
                path: e.path(),
                created_at: dt,
            })
        })
        .collect();
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    found
}

/// The newest backup file of `db_path`, if any (see [`list_backups`]).
pub fn latest_backup(db_path: &Path) -> Option<Backup> {
    list_backups(db_path).into_iter().next()
}

/// Backups of `db_path` that open, pass `PRAGMA quick_check` and hold a Maskline schema,
/// newest first: the only ones `db check` counts and recovery restores.
pub fn verified_backups(db_path: &Path) -> Vec<Backup> {
    list_backups(db_path)
        .into_iter()
        .filter(|b| verify(&b.path).is_ok())
        .collect()
}

/// The newest verified backup of `db_path`, if any.
pub fn latest_verified_backup(db_path: &Path) -> Option<Backup> {
    list_backups(db_path)
        .into_iter()
        .find(|b| verify(&b.path).is_ok())
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn has_sqlite_header(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_HEADER)
}

/// Checks that `path` is a complete, healthy copy of a Maskline database: non-empty with
/// the SQLite header, opens read-only, `quick_check` is clean and the schema table has rows.
pub(crate) fn verify(path: &Path) -> Result<(), String> {
    if !has_sqlite_header(path) {
        return Err("the file is empty or is not an SQLite database".into());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| e.to_string())?;
    let problems = crate::db::quick_check(&conn).map_err(|e| e.to_string())?;
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let versions: i64 = conn
        .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if versions == 0 {
        return Err("the file holds no Maskline schema".into());
    }
    Ok(())
}

/// Removes a failed or unverified backup file and any journal SQLite left beside it.
fn discard(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        let _ = std::fs::remove_file(p);
    }
}

/// Writes a consistent copy of the open database into the backup folder and prunes old ones.
///
/// The copy is written under a temporary name, verified (see [`verify`]) and only then
/// given its backup name, so a copy cut short (a full disk, a crash) never counts as a
/// backup; a failed copy is removed. A full disk is reported as [`StoreError::DiskFull`].
pub(crate) fn create(
    conn: &Connection,
    db_path: &Path,
    reason: &str,
) -> Result<Backup, StoreError> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
    let now = OffsetDateTime::now_utc();
    let stamp = now
        .format(STAMP)
        .map_err(|e| StoreError::io(&dir, std::io::Error::other(e)))?;
    let mut target = dir.join(format!("{}-{stamp}-{reason}.db", stem(db_path)));
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{}-{stamp}-{reason}-{n}.db", stem(db_path)));
        n += 1;
    }
    // Unique per process and call: two processes opening at once may both take a backup.
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let partial = PathBuf::from(format!(
        "{}.{}-{seq}.partial",
        target.display(),
        std::process::id()
    ));
    discard(&partial);
    if let Err(e) = conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()]) {
        discard(&partial);
        // Name the backup folder (the temporary file is gone): "the disk holding … is full".
        return Err(StoreError::from(e).at(&dir));
    }
    if let Err(reason) = verify(&partial) {
        discard(&partial);
        return Err(StoreError::BackupCheck {
            path: target,
            reason,
        });
    }
    // Another process may have taken a backup with the same name meanwhile: keep both.
    while target.exists() {
        target = dir.join(format!("{}-{stamp}-{reason}-{n}.db", stem(db_path)));
        n += 1;
    }
    if let Err(e) = std::fs::rename(&partial, &target) {
        discard(&partial);
        return Err(StoreError::io(&target, e));
    }
    // Files named like backups that are not (an empty copy a full disk left before backups
    // were verified) are removed; then only the newest KEEP backups stay.
    for junk in named_backups(db_path)
        .into_iter()
        .filter(|b| !has_sqlite_header(&b.path))
    {
        let _ = std::fs::remove_file(junk.path);
    }
    for old in named_backups(db_path).into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(old.path);
    }
    Ok(Backup {
        path: target,
        created_at: now.replace_nanosecond(0).unwrap_or(now),
    })
}

/// Moves the database file (and its `-wal`/`-shm` companions) aside, returning the new path.
/// Nothing is deleted: the old file stays next to the database for support.
pub fn set_aside(db_path: &Path) -> Result<Option<PathBuf>, StoreError> {
    if !db_path.exists() {
        return Ok(None);
    }
    let stamp = OffsetDateTime::now_utc()
        .format(STAMP)
        .map_err(|e| StoreError::io(db_path, std::io::Error::other(e)))?;
    let mut aside = db_path.with_file_name(format!("{}-damaged-{stamp}.db", stem(db_path)));
    let mut n = 1;
    while aside.exists() {
        aside = db_path.with_file_name(format!("{}-damaged-{stamp}-{n}.db", stem(db_path)));
        n += 1;
    }
    std::fs::rename(db_path, &aside).map_err(|e| StoreError::io(db_path, e))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if side.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&side, &to).map_err(|e| StoreError::io(&side, e))?;
        }
    }
    Ok(Some(aside))
}

/// Replaces the database with its newest verified backup (see [`verified_backups`]), keeping
/// the old file aside.
pub fn restore_latest(db_path: &Path) -> Result<Option<Backup>, StoreError> {
    let Some(candidate) = latest_verified_backup(db_path) else {
        return Ok(None);
    };
    // Copy first under a temporary name: a copy cut short (full disk) leaves the current
    // file where it was.
    let incoming = PathBuf::from(format!("{}.restoring", db_path.display()));
    if let Err(e) = std::fs::copy(&candidate.path, &incoming) {
        let _ = std::fs::remove_file(&incoming);
        return Err(StoreError::io(db_path, e));
    }
    set_aside(db_path)?;
    std::fs::rename(&incoming, db_path).map_err(|e| StoreError::io(db_path, e))?;
    Ok(Some(candidate))
}
