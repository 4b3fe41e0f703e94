//! Database lifecycle: open at start, report damage, recover on the user's choice.
//!
//! Only real damage ([`StoreError::is_damage`]) leads to the recovery choices (restore the
//! last verified backup, start fresh). A lock held by another program, a full disk, a folder
//! in place of the file or missing permissions are reported as what they are: replacing the
//! database would not help, so the user fixes the cause and tries again.

use maskline_domain::{Text, text};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use maskline_domain::{DbProblem, DbStatus, RecoverAction};
use maskline_store::{Db, StoreError};
use time::format_description::well_known::Rfc3339;

use crate::ServiceError;

enum State {
    Open(Db),
    Damaged { reason: String },
    Unavailable { reason: Text, problem: DbProblem },
}

/// What kind of trouble a failed open is, for the UI and the CLI.
pub fn problem_of(e: &StoreError) -> Option<DbProblem> {
    if e.is_damage() {
        return None;
    }
    Some(match e {
        _ if e.is_disk_full() => DbProblem::DiskFull,
        StoreError::Locked { .. } => DbProblem::Locked,
        StoreError::IsADirectory { .. } => DbProblem::NotAFile,
        StoreError::TooNew { .. } => DbProblem::TooNew,
        _ => DbProblem::Other,
    })
}

/// Owns the app's database handle. A damaged file never crashes the app: it is reported
/// through [`DbManager::status`] until the user picks a [`RecoverAction`].
pub struct DbManager {
    path: PathBuf,
    state: RwLock<State>,
    /// Why the routine backup at open failed (the database opened anyway).
    backup_warning: Option<String>,
}

impl DbManager {
    /// Opens (creating if needed) the database at `path`. Damage leads to the recovery
    /// state; other failures (lock, disk full, folder, permissions) to the unavailable state.
    pub fn open(path: &Path) -> Self {
        Self::from_result(path, Db::open(path))
    }

    /// Opens an existing database without ever creating one (commands that only read):
    /// a missing file is reported as such instead of leaving an empty database behind.
    pub fn open_existing(path: &Path) -> Self {
        Self::from_result(path, Db::open_existing(path))
    }

    fn from_result(path: &Path, opened: Result<Db, StoreError>) -> Self {
        let state = Self::state_of(opened);
        match &state {
            State::Damaged { reason } => {
                tracing::warn!(path = %path.display(), %reason, "database is damaged");
            }
            State::Unavailable { reason, .. } => {
                tracing::warn!(path = %path.display(), %reason, "database could not be opened");
            }
            State::Open(_) => {}
        }
        let backup_warning = match &state {
            State::Open(db) => db.backup_problem().map(|p| {
                tracing::warn!(path = %path.display(), problem = %p, "routine backup failed");
                text!(
                    "the daily backup could not be written: {p}",
                    "未能写入每日备份:{p}"
                )
                .to_string()
            }),
            _ => None,
        };
        DbManager {
            path: path.to_path_buf(),
            state: RwLock::new(state),
            backup_warning,
        }
    }

    fn state_of(opened: Result<Db, StoreError>) -> State {
        match opened {
            Ok(db) => State::Open(db),
            Err(StoreError::Corrupt { reason, .. }) => State::Damaged { reason },
            Err(e) => State::Unavailable {
                problem: problem_of(&e).unwrap_or(DbProblem::Other),
                reason: e.text(),
            },
        }
    }

    /// The database file path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the routine backup taken at open failed, in both languages (the database is
    /// usable; the user should know that no fresh backup exists).
    pub fn backup_warning(&self) -> Option<&str> {
        self.backup_warning.as_deref()
    }

    /// The open database, or [`ServiceError::DbUnavailable`] while it cannot be used.
    pub fn db(&self) -> Result<Db, ServiceError> {
        match &*self.state.read().unwrap_or_else(|p| p.into_inner()) {
            State::Open(db) => Ok(db.clone()),
            State::Damaged { .. } | State::Unavailable { .. } => Err(ServiceError::DbUnavailable),
        }
    }

    /// What the UI should show.
    pub fn status(&self) -> DbStatus {
        match &*self.state.read().unwrap_or_else(|p| p.into_inner()) {
            State::Open(_) => DbStatus::Ok,
            State::Damaged { reason } => {
                let backup = maskline_store::latest_verified_backup(&self.path);
                DbStatus::Corrupt {
                    path: self.path.display().to_string(),
                    reason: Text::same(reason.clone()),
                    backup_available: backup.is_some(),
                    backup_created_at: backup.and_then(|b| b.created_at.format(&Rfc3339).ok()),
                }
            }
            State::Unavailable { reason, problem } => DbStatus::Unavailable {
                path: self.path.display().to_string(),
                reason: reason.clone(),
                problem: *problem,
            },
        }
    }

    /// Carries out the user's choice and reopens the database. Restoring a backup or
    /// starting fresh is refused unless the file is damaged.
    pub fn recover(&self, action: RecoverAction) -> Result<DbStatus, ServiceError> {
        {
            let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
            let damaged = matches!(*state, State::Damaged { .. });
            if !damaged && action != RecoverAction::Retry {
                return Err(ServiceError::NotDamaged);
            }
            // Close our handle first so the file can be moved (required on Windows).
            *state = State::Damaged {
                reason: "recovering".into(),
            };
            let outcome = match action {
                RecoverAction::RestoreBackup => maskline_store::restore_latest(&self.path)
                    .map_err(ServiceError::from)
                    .and_then(|b| b.map(|_| ()).ok_or(ServiceError::NoBackup)),
                RecoverAction::StartFresh => maskline_store::set_aside(&self.path)
                    .map(|_| ())
                    .map_err(ServiceError::from),
                RecoverAction::Retry => Ok(()),
            };
            *state = Self::state_of(Db::open(&self.path));
            outcome?;
        }
        Ok(self.status())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maskline_store::testing;

    #[test]
    fn garbage_file_reports_corrupt_then_start_fresh_recovers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("maskline.db");
        std::fs::write(&path, b"garbage".repeat(1000)).expect("write");
        let m = DbManager::open(&path);
        assert!(matches!(
            m.status(),
            DbStatus::Corrupt {
                backup_available: false,
                ..
            }
        ));
        assert!(matches!(m.db(), Err(ServiceError::DbUnavailable)));
        assert!(matches!(
            m.recover(RecoverAction::RestoreBackup),
            Err(ServiceError::NoBackup)
        ));
        assert_eq!(
            m.recover(RecoverAction::StartFresh).expect("fresh"),
            DbStatus::Ok
        );
        assert!(m.db().is_ok());
    }

    #[test]
    fn a_locked_database_is_unavailable_not_damaged_and_is_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("maskline.db");
        // Another program (here: another handle) holds the write lock while this build has
        // a migration to apply (simulated by forgetting the last one's row).
        let other = Db::open(&path).expect("create");
        let latest = maskline_store::MIGRATIONS.len() as i64;
        let holder = other.conn().expect("conn");
        testing::forget_migration(&holder, latest).expect("pending");
        testing::hold_write_lock(&holder).expect("hold the lock");
        let m = DbManager::open(&path);
        match m.status() {
            DbStatus::Unavailable {
                problem, reason, ..
            } => {
                assert_eq!(problem, DbProblem::Locked);
                assert!(
                    reason.en.contains("locked") && reason.zh.contains("锁定"),
                    "{reason}"
                );
            }
            other => panic!("expected unavailable, got {other:?}"),
        }
        for action in [RecoverAction::RestoreBackup, RecoverAction::StartFresh] {
            assert!(matches!(m.recover(action), Err(ServiceError::NotDamaged)));
        }
        assert!(path.exists(), "the file was not set aside");
        testing::release(&holder).expect("release");
        testing::record_migration(&holder, latest).expect("the migration is applied after all");
        drop(holder);
        drop(other);
        assert_eq!(
            m.recover(RecoverAction::Retry).expect("retry"),
            DbStatus::Ok
        );
        let rows = testing::rows_of_t(&m.db().expect("open").conn().expect("conn"))
            .expect("the same file, not a fresh one");
        assert_eq!(rows, 0);
    }

    #[test]
    fn a_folder_is_unavailable_and_the_missing_file_is_not_created_for_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(
            DbManager::open(dir.path()).status(),
            DbStatus::Unavailable {
                problem: DbProblem::NotAFile,
                ..
            }
        ));
        let missing = dir.path().join("mistyped.db");
        let m = DbManager::open_existing(&missing);
        assert!(matches!(m.status(), DbStatus::Unavailable { .. }));
        assert!(!missing.exists());
        assert!(matches!(
            check(&missing),
            Err(ServiceError::Store(StoreError::NotFound { .. }))
        ));
    }

    #[test]
    fn an_empty_backup_file_is_not_offered_for_restore() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("maskline.db");
        let backups = dir.path().join("backups");
        std::fs::create_dir_all(&backups).expect("mkdir");
        std::fs::write(backups.join("maskline-20261101T000000Z-routine.db"), b"")
            .expect("0-byte backup");
        std::fs::write(&path, b"garbage".repeat(1000)).expect("write");
        let m = DbManager::open(&path);
        assert!(matches!(
            m.status(),
            DbStatus::Corrupt {
                backup_available: false,
                backup_created_at: None,
                ..
            }
        ));
        assert!(matches!(
            m.recover(RecoverAction::RestoreBackup),
            Err(ServiceError::NoBackup)
        ));
        let report = check(&path).expect("check a damaged file");
        assert!(!report.healthy());
        assert_eq!(report.backups, 0, "a 0-byte file is not a backup");
    }
}

/// What `maskline db check` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub path: PathBuf,
    /// Problems found by `PRAGMA quick_check` (or why the file cannot be opened); empty when healthy.
    pub problems: Vec<String>,
    pub schema_version: Option<i64>,
    /// Verified backups only (non-empty, open, integrity ok, hold a Maskline schema).
    pub backups: usize,
    pub latest_backup: Option<String>,
    /// Why the routine backup taken while checking failed, if it did.
    pub backup_warning: Option<String>,
}

impl CheckReport {
    pub fn healthy(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks an existing database file without creating one. Damage is reported in the
/// report; anything else that stops the open (lock, disk full, folder, missing) is an error.
pub fn check(path: &Path) -> Result<CheckReport, ServiceError> {
    let (problems, schema_version, backup_warning) = match Db::open_existing(path) {
        Ok(db) => (
            db.quick_check()?,
            Some(db.schema_version()?),
            db.backup_problem().map(|p| {
                text!(
                    "the daily backup could not be written: {p}",
                    "未能写入每日备份:{p}"
                )
                .to_string()
            }),
        ),
        Err(StoreError::Corrupt { reason, .. }) => (vec![reason], None, None),
        Err(e) => return Err(e.into()),
    };
    let backups = maskline_store::verified_backups(path);
    let latest_backup = backups
        .first()
        .and_then(|b| b.created_at.format(&Rfc3339).ok());
    Ok(CheckReport {
        path: path.to_path_buf(),
        problems,
        schema_version,
        backups: backups.len(),
        latest_backup,
        backup_warning,
    })
}
