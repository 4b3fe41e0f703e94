use std::path::PathBuf;

/// Errors from the local database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a healthy SQLite database.
    #[error("the database file {path} is damaged or is not a Maskline database ({reason})")]
    Corrupt { path: PathBuf, reason: String },
    /// The file or its folder cannot be read or written.
    #[error("cannot use the database file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The database was written by a newer Maskline.
    #[error(
        "the database was created by a newer Maskline (schema {found}, this build knows {known}); update Maskline"
    )]
    TooNew { found: i64, known: i64 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] r2d2::Error),
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }
}
