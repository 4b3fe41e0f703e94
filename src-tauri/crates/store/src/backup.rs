//! File backups of the database, kept in `backups/` beside it, and recovery from them.
//!
//! Backups are consistent copies made with `VACUUM INTO`, named
//! `<stem>-<UTC timestamp>-<reason>.db`. The newest [`KEEP`] are kept.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
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

/// Backups of `db_path`, newest first.
pub fn list_backups(db_path: &Path) -> Vec<Backup> {
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

/// The newest backup of `db_path`, if any.
pub fn latest_backup(db_path: &Path) -> Option<Backup> {
    list_backups(db_path).into_iter().next()
}

/// Writes a consistent copy of the open database into the backup folder and prunes old ones.
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
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    for old in list_backups(db_path).into_iter().skip(KEEP) {
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

/// Replaces the database with its newest healthy backup, keeping the old file aside.
pub fn restore_latest(db_path: &Path) -> Result<Option<Backup>, StoreError> {
    for candidate in list_backups(db_path) {
        let healthy = Connection::open(&candidate.path)
            .map_err(StoreError::from)
            .and_then(|c| crate::db::quick_check(&c))
            .is_ok_and(|p| p.is_empty());
        if !healthy {
            continue;
        }
        set_aside(db_path)?;
        std::fs::copy(&candidate.path, db_path).map_err(|e| StoreError::io(db_path, e))?;
        return Ok(Some(candidate));
    }
    Ok(None)
}
