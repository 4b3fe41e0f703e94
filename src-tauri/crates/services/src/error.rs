//! Service errors and their mapping to the IPC shape.

use maskline_domain::{AppError, ErrorCode};
use maskline_store::StoreError;

/// Errors from use cases. Converted to [`AppError`] at the IPC boundary.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(
        "The local database is not open. Choose \"Restore last backup\" or \"Start fresh\" on the recovery screen. / 本地数据库未打开,请在恢复页面选择“恢复最近备份”或“重新开始”。"
    )]
    DbUnavailable,
    #[error(
        "No usable backup was found. Choose \"Start fresh\" instead; the damaged file is kept aside. / 没有可用的备份。请选择“重新开始”,损坏的文件会被保留。"
    )]
    NoBackup,
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Secret(#[from] maskline_secrets::SecretError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl From<ServiceError> for AppError {
    fn from(e: ServiceError) -> Self {
        let code = match &e {
            ServiceError::DbUnavailable => ErrorCode::DbUnavailable,
            ServiceError::NoBackup => ErrorCode::NoBackup,
            ServiceError::Store(StoreError::Corrupt { .. }) => ErrorCode::DbCorrupt,
            ServiceError::Invalid { .. } => ErrorCode::InvalidInput,
            ServiceError::NotFound(_) => ErrorCode::NotFound,
            ServiceError::Secret(_) | ServiceError::Store(_) => ErrorCode::Internal,
        };
        AppError::new(code, e.to_string())
    }
}
