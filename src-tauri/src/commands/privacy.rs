//! The app lock and the audited reveal of a number.

use maskline_domain::AppError;
use maskline_domain::privacy::PrivacyStatus;
use maskline_services::privacy;
use tauri::State;

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn privacy_status(state: State<'_, AppState>) -> Result<PrivacyStatus, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(s.lock.status()?)).await
}

/// Turns the lock on, changes its passphrase, or (with no `passphrase`) turns it off.
#[tauri::command]
pub async fn privacy_set_passphrase(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: Option<String>,
) -> Result<PrivacyStatus, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(s.lock
            .set_passphrase(current.as_deref(), passphrase.as_deref())?)
    })
    .await
}

#[tauri::command]
pub async fn privacy_unlock(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<PrivacyStatus, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(s.lock.unlock(&passphrase)?)).await
}

#[tauri::command]
pub async fn privacy_lock_now(state: State<'_, AppState>) -> Result<PrivacyStatus, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(s.lock.lock_now()?)).await
}

/// The user revealed a full number (`context`: the page or list it was on). Refused with
/// `locked` while the app lock is locked; audited with the number masked.
#[tauri::command]
pub async fn number_reveal(
    state: State<'_, AppState>,
    context: String,
    number: String,
) -> Result<(), AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(privacy::reveal(&s.db, &s.lock, &context, &number)?)).await
}
