//! Bindings of the active account: the cached table, sync, and bind / modify / unbind per mode.

use maskline_domain::AppError;
use maskline_domain::binding_forms::{BindForm, BindOutcome, ModifyForm};
use maskline_domain::bindings::{BindingFilter, BindingPage, SyncReport};
use maskline_services::bindings::{Session, resolve_x};
use maskline_services::bindings_cache;
use tauri::State;

use super::blocking;
use crate::AppState;

/// A session for the active account (SQLite and the keyring, off the async runtime).
pub(crate) async fn session(state: &AppState) -> Result<Session, AppError> {
    let s = state.clone();
    blocking(move || Ok(Session::open(&s.db, s.secrets.as_ref(), None)?)).await
}

#[tauri::command]
pub async fn bindings_list(
    state: State<'_, AppState>,
    filter: BindingFilter,
) -> Result<BindingPage, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(bindings_cache::list(&s.db, None, &filter)?)).await
}

/// Queries the platform for every known X and brings the cache in line.
#[tauri::command]
pub async fn bindings_sync(state: State<'_, AppState>) -> Result<SyncReport, AppError> {
    let session = session(state.inner()).await?;
    Ok(bindings_cache::sync(&session).await?)
}

/// Binds; with no X but a pool or city, Maskline picks the least-used X first.
#[tauri::command]
pub async fn binding_bind(
    state: State<'_, AppState>,
    form: BindForm,
) -> Result<BindOutcome, AppError> {
    let s = state.inner().clone();
    let (session, form) = blocking(move || {
        let mut form = form;
        resolve_x(&s.db, None, &mut form)?;
        Ok((Session::open(&s.db, s.secrets.as_ref(), None)?, form))
    })
    .await?;
    Ok(session.bind_form(&form).await?)
}

#[tauri::command]
pub async fn binding_modify(state: State<'_, AppState>, form: ModifyForm) -> Result<(), AppError> {
    let session = session(state.inner()).await?;
    Ok(session.modify_form(&form).await?)
}

#[tauri::command]
pub async fn binding_unbind(
    state: State<'_, AppState>,
    subscription_id: String,
) -> Result<(), AppError> {
    let session = session(state.inner()).await?;
    Ok(session.unbind_subscription(&subscription_id).await?)
}
