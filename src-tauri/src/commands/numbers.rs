//! X numbers and pools of the active account.

use std::path::PathBuf;

use maskline_domain::pools::{NumberImportReport, NumberStats, Pool, PoolOverview, XScope};
use maskline_domain::{AppError, ErrorCode, PhoneNumber};
use maskline_services::{numbers, pools};
use tauri::State;

use super::blocking;
use crate::AppState;

fn phone(field: &str, s: &str) -> Result<PhoneNumber, AppError> {
    PhoneNumber::parse(s).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidInput,
            e.text().map(|m| format!("{field}: {m}")),
        )
    })
}

/// Imports a CSV or XLSX file of X numbers, optionally into a pool.
#[tauri::command]
pub async fn numbers_import(
    state: State<'_, AppState>,
    path: PathBuf,
    pool: Option<String>,
) -> Result<NumberImportReport, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(numbers::import_file(&s.db, None, &path, pool.as_deref())?)).await
}

/// Adds typed numbers with a shared city and pool.
#[tauri::command]
pub async fn numbers_add(
    state: State<'_, AppState>,
    numbers: Vec<String>,
    city: Option<String>,
    pool: Option<String>,
) -> Result<NumberImportReport, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(numbers::add_typed(
            &s.db,
            None,
            &numbers,
            city.as_deref(),
            pool.as_deref(),
        )?)
    })
    .await
}

/// Every X with its bindings, capacity, calls and health.
#[tauri::command]
pub async fn numbers_list(state: State<'_, AppState>) -> Result<Vec<NumberStats>, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(pools::stats(&s.db, None)?)).await
}

#[tauri::command]
pub async fn pools_list(state: State<'_, AppState>) -> Result<Vec<Pool>, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(pools::list(&s.db, None)?)).await
}

#[tauri::command]
pub async fn pools_overview(state: State<'_, AppState>) -> Result<PoolOverview, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(pools::overview(&s.db, None)?)).await
}

/// Moves numbers into a pool (created if needed), or out of any pool with `pool: null`.
#[tauri::command]
pub async fn pools_assign(
    state: State<'_, AppState>,
    numbers: Vec<String>,
    pool: Option<String>,
) -> Result<usize, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        let list = numbers
            .iter()
            .map(|n| phone("number", n))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(pools::assign(&s.db, None, &list, pool.as_deref())?)
    })
    .await
}

/// The least-used X of the scope that can take A (and B); `null` when none can.
#[tauri::command]
pub async fn numbers_choose_x(
    state: State<'_, AppState>,
    scope: XScope,
    a: String,
    b: Option<String>,
) -> Result<Option<String>, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        let a = phone("A", &a)?;
        let b = b
            .as_deref()
            .filter(|b| !b.trim().is_empty())
            .map(|b| phone("B", b))
            .transpose()?;
        Ok(pools::choose_x(&s.db, None, &scope, &a, b.as_ref())?.map(|x| x.to_string()))
    })
    .await
}
