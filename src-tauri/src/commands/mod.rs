//! IPC commands, one module per area. Each returns `Result<T, AppError>`.

pub mod accounts;
pub mod app;
pub mod audit;
pub mod bindings;
pub mod bulk;
pub mod calls;
pub mod demo;
pub mod import;
pub mod numbers;
pub mod privacy;
pub mod recordings;
pub mod settings;
pub mod watch;

use maskline_domain::{AppError, ErrorCode};

/// Runs blocking service work (SQLite, files) off the async runtime.
pub(crate) async fn blocking<T, F>(f: F) -> Result<T, AppError>
where
    F: FnOnce() -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            maskline_domain::text!("a background task failed: {e}", "后台任务失败:{e}"),
        )
    })?
}
