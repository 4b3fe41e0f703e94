use std::path::PathBuf;

use maskline_domain::{Text, text};

/// Errors from the local database. Every message is given in English and Chinese.
///
/// Only [`StoreError::Corrupt`] means the file itself is damaged (see [`StoreError::is_damage`]);
/// the others say what stands in the way (a lock, a full disk, a folder, a missing file) and
/// must not lead the user to replace the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a healthy SQLite database.
    Corrupt {
        path: PathBuf,
        reason: String,
    },
    /// Another process holds the database's write lock for longer than the busy timeout.
    Locked {
        path: PathBuf,
    },
    /// The disk (or quota) holding the file is full.
    DiskFull {
        path: PathBuf,
    },
    /// The database path names a folder.
    IsADirectory {
        path: PathBuf,
    },
    /// A command that only reads found no database file (a mistyped `--db`?).
    NotFound {
        path: PathBuf,
    },
    /// The file or its folder cannot be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A backup copy failed its check after it was written, and was removed.
    BackupCheck {
        path: PathBuf,
        reason: String,
    },
    /// The database was written by a newer Maskline.
    TooNew {
        found: i64,
        known: i64,
    },
    Sqlite(#[from] rusqlite::Error),
    Pool(#[from] r2d2::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl StoreError {
    /// What happened and what to do, in both languages.
    pub fn text(&self) -> Text {
        match self {
            StoreError::Corrupt { path, reason } => {
                let path = path.display();
                text!(
                    "the database file {path} is damaged or is not a Maskline database ({reason})",
                    "数据库文件 {path} 已损坏或不是 Maskline 数据库({reason})"
                )
            }
            StoreError::Locked { path } => {
                let path = path.display();
                text!(
                    "the database {path} is locked by another program (another Maskline window or command may be writing to it); wait for it to finish and try again",
                    "数据库 {path} 正被另一个程序锁定(可能另一个 Maskline 窗口或命令正在写入),请等它结束后重试"
                )
            }
            StoreError::DiskFull { path } => {
                let path = path.display();
                text!(
                    "the disk holding {path} is full; nothing was changed by this step. Free some disk space and try again",
                    "{path} 所在的磁盘已满,这一步没有做任何更改。请释放磁盘空间后重试"
                )
            }
            StoreError::IsADirectory { path } => {
                let path = path.display();
                text!(
                    "{path} is a folder, not a database file; give the path of a file (for example {path}/maskline.db)",
                    "{path} 是文件夹,不是数据库文件;请给出文件路径(例如 {path}/maskline.db)"
                )
            }
            StoreError::NotFound { path } => {
                let path = path.display();
                text!(
                    "there is no database at {path}; check the path (nothing was created)",
                    "{path} 处没有数据库;请检查路径(未创建任何文件)"
                )
            }
            StoreError::Io { path, source } => {
                let path = path.display();
                text!(
                    "cannot use the database file {path}: {source}",
                    "无法使用数据库文件 {path}:{source}"
                )
            }
            StoreError::BackupCheck { path, reason } => {
                let path = path.display();
                text!(
                    "the backup copy {path} failed its check ({reason}) and was removed",
                    "备份副本 {path} 未通过检查({reason}),已删除"
                )
            }
            StoreError::TooNew { found, known } => text!(
                "the database was created by a newer Maskline (schema {found}, this build knows {known}); update Maskline",
                "数据库由更新版本的 Maskline 创建(结构版本 {found},本程序支持 {known});请升级 Maskline"
            ),
            StoreError::Sqlite(e) => text!("database error: {e}", "数据库错误:{e}"),
            StoreError::Pool(e) => text!("database pool error: {e}", "数据库连接池错误:{e}"),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        match source.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                StoreError::DiskFull { path }
            }
            std::io::ErrorKind::IsADirectory => StoreError::IsADirectory { path },
            _ => StoreError::Io { path, source },
        }
    }

    /// True only when the database file itself is damaged: the one case where restoring a
    /// backup or starting fresh is the right advice.
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Corrupt { .. })
    }

    /// True when the disk is full (also when SQLite reports it as `SQLITE_FULL`).
    pub fn is_disk_full(&self) -> bool {
        match self {
            StoreError::DiskFull { .. } => true,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
                f.code == rusqlite::ErrorCode::DiskFull
            }
            _ => false,
        }
    }

    /// Gives SQLite's lock, full-disk and damage failures their own variants, naming `path`.
    pub fn at(self, path: &std::path::Path) -> StoreError {
        use rusqlite::ErrorCode as C;
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg)) => match f.code {
                C::NotADatabase | C::DatabaseCorrupt => StoreError::Corrupt {
                    path: path.to_path_buf(),
                    reason: msg.unwrap_or_else(|| f.to_string()),
                },
                C::DatabaseBusy | C::DatabaseLocked => StoreError::Locked {
                    path: path.to_path_buf(),
                },
                C::DiskFull => StoreError::DiskFull {
                    path: path.to_path_buf(),
                },
                C::CannotOpen if path.is_dir() => StoreError::IsADirectory {
                    path: path.to_path_buf(),
                },
                _ => StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg)),
            },
            other => other,
        }
    }
}
