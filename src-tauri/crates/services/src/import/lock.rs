//! One import at a time per database across processes: two `maskline import` runs (a
//! scheduled task overlapping a manual one) take turns instead of competing for the write lock
//! batch after batch.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::ServiceError;

/// Held while this process imports into a database: an OS lock on `<database>.import-lock`
/// beside it. The OS releases it when the process ends, killed or not, so a crash never
/// leaves it held.
#[derive(Debug)]
pub struct ImportLock {
    _file: File,
}

/// The lock file of the database at `db_path`.
pub fn lock_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.file_name().unwrap_or_default().to_os_string();
    name.push(".import-lock");
    db_path.with_file_name(name)
}

impl ImportLock {
    /// Takes the lock of the database at `db_path`; when another process holds it, calls
    /// `waiting` once and waits until it is released.
    pub fn acquire(db_path: &Path, waiting: impl FnOnce()) -> Result<ImportLock, ServiceError> {
        let path = lock_path(db_path);
        let cannot = |e: std::io::Error| ServiceError::Invalid {
            field: path.display().to_string(),
            message: maskline_domain::text!(
                "cannot take the import lock beside the database: {e}",
                "无法在数据库旁创建导入锁文件:{e}"
            ),
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(cannot)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock().map_err(cannot)?;
            }
            Err(TryLockError::Error(e)) => return Err(cannot(e)),
        }
        Ok(ImportLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_holder_waits_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("maskline.db");
        assert_eq!(lock_path(&db), dir.path().join("maskline.db.import-lock"));
        let first = ImportLock::acquire(&db, || panic!("nobody holds it yet")).expect("first");
        let (tx, rx) = mpsc::channel();
        let db2 = db.clone();
        let second = std::thread::spawn(move || {
            let waited = tx.clone();
            let lock = ImportLock::acquire(&db2, move || waited.send("waiting").expect("send"));
            tx.send("acquired").expect("send");
            lock
        });
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok("waiting"));
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "not while the first holds it"
        );
        drop(first);
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok("acquired"));
        second.join().expect("join").expect("second lock");
    }
}
