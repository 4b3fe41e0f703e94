//! Demo mode: start it, leave it, ask whether it is on. The running simulator is kept in
//! [`DemoSlot`] (part of `AppState`); [`resume`] starts it again when the app starts.

use maskline_domain::{AppError, DemoStatus};
use maskline_services::demo::{self, DemoHandle};
use tauri::State;

use super::blocking;
use crate::AppState;

/// The demo simulator, while it runs. One start or leave at a time.
#[derive(Default)]
pub struct DemoSlot(tokio::sync::Mutex<Option<DemoHandle>>);

async fn status(s: &AppState, handle: Option<&DemoHandle>) -> Result<DemoStatus, AppError> {
    let db = s.db.clone();
    let mut status = blocking(move || Ok(demo::demo_status(&db)?)).await?;
    status.running = handle.is_some();
    status.base_url = handle.map(DemoHandle::base_url);
    Ok(status)
}

/// Starts the demo (the first time also creates its data); a running demo is left as it is.
#[tauri::command]
pub async fn demo_start(state: State<'_, AppState>) -> Result<DemoStatus, AppError> {
    let s = state.inner().clone();
    let mut slot = s.demo.0.lock().await;
    if slot.is_none() {
        *slot = Some(demo::start_demo(s.db.clone(), s.secrets.clone(), &s.data_dir).await?);
    }
    status(&s, slot.as_ref()).await
}

/// Stops the demo simulator and removes every demo row and file.
#[tauri::command]
pub async fn demo_leave(state: State<'_, AppState>) -> Result<DemoStatus, AppError> {
    let s = state.inner().clone();
    let mut slot = s.demo.0.lock().await;
    demo::leave_demo(s.db.clone(), s.secrets.clone(), &s.data_dir, slot.take()).await?;
    status(&s, None).await
}

/// Never waits for a start or leave in progress: meanwhile the demo reads as not running.
#[tauri::command]
pub async fn demo_status(state: State<'_, AppState>) -> Result<DemoStatus, AppError> {
    let s = state.inner().clone();
    match s.demo.0.try_lock() {
        Ok(slot) => status(&s, slot.as_ref()).await,
        Err(_) => status(&s, None).await,
    }
}

/// At app start: if the demo is on, start its simulator again (on a new port).
pub async fn resume(s: AppState) {
    let mut slot = s.demo.0.lock().await;
    let on = matches!(demo::demo_status(&s.db), Ok(st) if st.active);
    if !on || slot.is_some() {
        return;
    }
    match demo::start_demo(s.db.clone(), s.secrets.clone(), &s.data_dir).await {
        Ok(h) => *slot = Some(h),
        Err(e) => tracing::warn!("the demo could not be started again: {e}"),
    }
}
