//! The local audit trail.

use std::path::PathBuf;

use maskline_domain::AppError;
use maskline_domain::audit::{AuditEntry, AuditExportReport, ChainCheck};
use maskline_services::audit;
use tauri::State;

use super::blocking;
use crate::AppState;

/// Entries newest first (`page` from 1), optionally of one action.
#[tauri::command]
pub async fn audit_list(
    state: State<'_, AppState>,
    action: Option<String>,
    page: u32,
    page_size: u32,
) -> Result<Vec<AuditEntry>, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(audit::list(&s.db, action.as_deref(), page, page_size)?)).await
}

/// Checks the hash chain; names the first altered or removed row.
#[tauri::command]
pub async fn audit_verify(state: State<'_, AppState>) -> Result<ChainCheck, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(audit::verify_chain(&s.db)?)).await
}

/// Writes the whole audit log with its chain links and the chain check to a CSV file.
#[tauri::command]
pub async fn audit_export(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<AuditExportReport, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(audit::export(&s.db, &path)?)).await
}
