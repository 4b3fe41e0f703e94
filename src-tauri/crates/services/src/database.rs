//! Database lifecycle: open at start, report damage, recover on the user's choice.

use std::path::{Path, PathBuf};
use std::sync::RwLock;

use maskline_domain::{DbStatus, RecoverAction};
use maskline_store::{Db, StoreError};
use time::format_description::well_known::Rfc3339;

use crate::ServiceError;

enum State {
    Open(Db),
    Damaged { reason: String },
}

/// Owns the app's database handle. A damaged file never crashes the app: it is reported
/// through [`DbManager::status`] until the user picks a [`RecoverAction`].
pub struct DbManager {
    path: PathBuf,
    state: RwLock<State>,
}

impl DbManager {
    /// Opens the database at `path`; failures other than damage (e.g. permissions) are
    /// also turned into the recovery state, with the reason shown to the user.
    pub fn open(path: &Path) -> Self {
        let state = Self::try_open(path);
        if let State::Damaged { reason } = &state {
            tracing::warn!(path = %path.display(), %reason, "database could not be opened");
        }
        DbManager {
            path: path.to_path_buf(),
            state: RwLock::new(state),
        }
    }

    fn try_open(path: &Path) -> State {
        match Db::open(path) {
            Ok(db) => State::Open(db),
            Err(StoreError::Corrupt { reason, .. }) => State::Damaged { reason },
            Err(e) => State::Damaged {
                reason: e.to_string(),
            },
        }
    }

    /// The database file path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open database, or [`ServiceError::DbUnavailable`] while recovery is pending.
    pub fn db(&self) -> Result<Db, ServiceError> {
        match &*self.state.read().unwrap_or_else(|p| p.into_inner()) {
            State::Open(db) => Ok(db.clone()),
            State::Damaged { .. } => Err(ServiceError::DbUnavailable),
        }
    }

    /// What the UI should show.
    pub fn status(&self) -> DbStatus {
        match &*self.state.read().unwrap_or_else(|p| p.into_inner()) {
            State::Open(_) => DbStatus::Ok,
            State::Damaged { reason } => {
                let backup = maskline_store::latest_backup(&self.path);
                DbStatus::Corrupt {
                    path: self.path.display().to_string(),
                    reason: reason.clone(),
                    backup_available: backup.is_some(),
                    backup_created_at: backup.and_then(|b| b.created_at.format(&Rfc3339).ok()),
                }
            }
        }
    }

    /// Carries out the user's choice and reopens the database.
    pub fn recover(&self, action: RecoverAction) -> Result<DbStatus, ServiceError> {
        {
            let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
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
            };
            *state = Self::try_open(&self.path);
            outcome?;
        }
        Ok(self.status())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

/// What `maskline db check` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub path: PathBuf,
    /// Problems found by `PRAGMA quick_check` (or why the file cannot be opened); empty when healthy.
    pub problems: Vec<String>,
    pub schema_version: Option<i64>,
    pub backups: usize,
    pub latest_backup: Option<String>,
}

impl CheckReport {
    pub fn healthy(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks an existing database file without creating one.
pub fn check(path: &Path) -> Result<CheckReport, ServiceError> {
    if !path.exists() {
        return Err(ServiceError::Store(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no database file here"),
        }));
    }
    let backups = maskline_store::list_backups(path);
    let latest_backup = backups
        .first()
        .and_then(|b| b.created_at.format(&Rfc3339).ok());
    let (problems, schema_version) = match Db::open(path) {
        Ok(db) => (db.quick_check()?, Some(db.schema_version()?)),
        Err(StoreError::Corrupt { reason, .. }) => (vec![reason], None),
        Err(e) => return Err(e.into()),
    };
    Ok(CheckReport {
        path: path.to_path_buf(),
        problems,
        schema_version,
        backups: backups.len(),
        latest_backup,
    })
}
