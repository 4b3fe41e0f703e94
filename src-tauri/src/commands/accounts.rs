//! Platform accounts. Secrets go in through `account_add` / `account_update` and never come back.

use maskline_domain::{AccountDraft, AccountInfo, AppError, ConnectionReport};
use maskline_secrets::Sensitive;
use maskline_services::accounts::{self, NewAccount, NewAccountDraft};
use maskline_services::connection;
use tauri::State;

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn accounts_list(state: State<'_, AppState>) -> Result<Vec<AccountInfo>, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(accounts::list(&s.db, s.secrets.as_ref())?)).await
}

#[tauri::command]
pub async fn account_add(
    state: State<'_, AppState>,
    draft: AccountDraft,
) -> Result<AccountInfo, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        let new = NewAccount {
            name: draft.name,
            mode: draft.mode,
            auth: draft.auth,
            base_url: draft.base_url,
            ca_cert_pem: draft.ca_cert_pem,
            rate_limit: draft.rate_limit,
            app_key: draft.app_key,
            app_secret: Sensitive::new(draft.app_secret.unwrap_or_default()),
        };
        Ok(accounts::add(&s.db, s.secrets.as_ref(), new)?)
    })
    .await
}

#[tauri::command]
pub async fn account_update(
    state: State<'_, AppState>,
    id: i64,
    draft: AccountDraft,
) -> Result<AccountInfo, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        let edit = NewAccountDraft {
            name: draft.name,
            mode: draft.mode,
            auth: draft.auth,
            base_url: draft.base_url,
            ca_cert_pem: draft.ca_cert_pem,
            rate_limit: draft.rate_limit,
            app_key: draft.app_key,
            app_secret: draft
                .app_secret
                .filter(|s| !s.is_empty())
                .map(Sensitive::new),
        };
        Ok(accounts::update(&s.db, s.secrets.as_ref(), id, edit)?)
    })
    .await
}

#[tauri::command]
pub async fn account_remove(state: State<'_, AppState>, id: i64) -> Result<(), AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(accounts::remove_by_id(&s.db, s.secrets.as_ref(), id)?)).await
}

#[tauri::command]
pub async fn account_set_active(state: State<'_, AppState>, id: i64) -> Result<(), AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(accounts::set_active(&s.db, id)?)).await
}

/// Sends one harmless signed query and explains the outcome.
#[tauri::command]
pub async fn account_test(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ConnectionReport, AppError> {
    let s = state.inner().clone();
    let session =
        blocking(move || Ok(connection::session_for_id(&s.db, s.secrets.as_ref(), id)?)).await?;
    Ok(connection::test(&session).await)
}
