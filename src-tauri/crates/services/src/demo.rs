//! Demo mode: "Try the demo" without any platform account.
//!
//! [`start_demo`] runs the PrivateNumber simulator inside the app on `127.0.0.1:0`, with its
//! state under `<data dir>/demo/sim` (bindings survive restarts), and the first time seeds the
//! local database through the ordinary use cases: one demo account per mode (the simulator's
//! public sample keys, kept in the secret store like any other), the apps' X numbers with their
//! cities in a pool, about forty bindings made through [`Session`](crate::bindings::Session)
//! (so they are cached and audited), and about three hundred generated calls whose events and
//! CDRs the simulator delivers as JSON files to `<data dir>/demo/cdrs`, imported with
//! [`import_paths`](crate::import::import_paths). Everything is seeded, so every demo looks the
//! same. On later starts it only starts the simulator again (on a new port) and points the demo
//! accounts at it.
//!
//! [`leave_demo`] stops the simulator and removes every demo row (accounts and their keyring
//! entries, numbers, pools, cached bindings, jobs, imported calls and events) and the demo
//! folder; real accounts and their data are untouched. The audit trail is append-only and
//! hash-chained, so the demo's entries stay in it (under the demo account names).

use maskline_domain::{Text, text};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use maskline_domain::{DemoStatus, Language};
use maskline_secrets::SecretStore;
use maskline_sim::{SimConfig, SimHandle, Simulator};
use maskline_store::accounts;

use crate::jobs::Jobs;
use crate::{DbManager, ServiceError};

mod seed;
mod spread;

/// Seed of the simulator and of everything the demo generates.
pub const DEMO_SEED: u64 = 20_261_125;

/// The demo folder inside the app data folder.
pub fn demo_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("demo")
}

fn sim_dir(data_dir: &Path) -> PathBuf {
    demo_dir(data_dir).join("sim")
}

fn cdr_dir(data_dir: &Path) -> PathBuf {
    demo_dir(data_dir).join("cdrs")
}

/// The running demo simulator. Dropping it stops the simulator.
pub struct DemoHandle {
    sim: SimHandle,
}

impl std::fmt::Debug for DemoHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoHandle")
            .field("base_url", &self.sim.base_url())
            .finish()
    }
}

impl DemoHandle {
    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        self.sim.base_url()
    }

    /// The simulator itself (tests look at its state).
    pub fn sim(&self) -> &SimHandle {
        &self.sim
    }

    /// Stops the simulator.
    pub async fn stop(self) {
        self.sim.shutdown().await;
    }
}

pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        ServiceError::NotFound(text!("background task failed: {e}", "后台任务失败:{e}"))
    })?
}

fn sim_error(e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Invalid {
        field: "demo".into(),
        message: text!(
            "the demo simulator could not start ({e}); restart Maskline and try again",
            "演示模拟器无法启动（{e}），请重启 Maskline 后重试"
        ),
    }
}

/// The simulator apps of the demo, delivering notifications as files to the CDR folder.
fn sim_config(data_dir: &Path) -> SimConfig {
    let mut apps = maskline_sim::config::demo_apps();
    for app in &mut apps {
        app.deliver_dir = Some(cdr_dir(data_dir));
    }
    SimConfig {
        seed: DEMO_SEED,
        data_dir: Some(sim_dir(data_dir)),
        apps,
        ..SimConfig::default()
    }
}

/// Starts the demo: the simulator, and the first time the demo data (see the module docs).
/// If the demo is already on (demo accounts exist), only restarts the simulator and points
/// the demo accounts at its new address.
pub async fn start_demo(
    dbm: Arc<DbManager>,
    secrets: Arc<dyn SecretStore>,
    data_dir: &Path,
) -> Result<DemoHandle, ServiceError> {
    let d = dbm.clone();
    let existing = blocking(move || Ok(accounts::list_demo(&*d.db()?.conn()?)?)).await?;
    if existing.is_empty() {
        // Leftovers of an interrupted start: begin again from nothing.
        let (d, s, dir) = (dbm.clone(), secrets.clone(), data_dir.to_path_buf());
        blocking(move || remove_demo_data(&d, s.as_ref(), &dir)).await?;
    }
    let sim = Simulator::start(sim_config(data_dir))
        .await
        .map_err(sim_error)?;
    let base_url = sim.base_url();
    if !existing.is_empty() {
        let d = dbm.clone();
        blocking(move || {
            let db = d.db()?;
            let conn = db.conn()?;
            for a in &existing {
                accounts::set_base_url(&conn, a.id, &base_url)?;
            }
            Ok(())
        })
        .await?;
        tracing::info!("demo simulator started again at {}", sim.base_url());
        return Ok(DemoHandle { sim });
    }
    let handle = DemoHandle { sim };
    if let Err(e) = seed::seed(&dbm, &secrets, data_dir, &handle).await {
        tracing::warn!("the demo could not be prepared: {e}");
        handle.stop().await;
        let (d, s, dir) = (dbm.clone(), secrets.clone(), data_dir.to_path_buf());
        blocking(move || remove_demo_data(&d, s.as_ref(), &dir)).await?;
        return Err(e);
    }
    tracing::info!("demo started at {}", handle.base_url());
    Ok(handle)
}

/// Stops the demo simulator (if running) and removes every demo row and the demo folder.
pub async fn leave_demo(
    dbm: Arc<DbManager>,
    secrets: Arc<dyn SecretStore>,
    data_dir: &Path,
    handle: Option<DemoHandle>,
) -> Result<(), ServiceError> {
    if let Some(h) = handle {
        h.stop().await;
    }
    let dir = data_dir.to_path_buf();
    blocking(move || remove_demo_data(&dbm, secrets.as_ref(), &dir)).await
}

/// Whether the demo is on (demo accounts exist). `running` and `base_url` are the caller's to
/// fill in: only it knows whether it holds a [`DemoHandle`].
pub fn demo_status(dbm: &DbManager) -> Result<DemoStatus, ServiceError> {
    let db = dbm.db()?;
    let ids: Vec<i64> = accounts::list_demo(&*db.conn()?)?
        .into_iter()
        .map(|a| a.id)
        .collect();
    Ok(DemoStatus {
        active: !ids.is_empty(),
        running: false,
        base_url: None,
        account_ids: ids,
    })
}

fn remove_demo_data(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    data_dir: &Path,
) -> Result<(), ServiceError> {
    let db = dbm.db()?;
    let folder = format!(
        "{}{}",
        demo_dir(data_dir).display(),
        std::path::MAIN_SEPARATOR
    );
    let keys: Vec<String> = maskline_sim::config::demo_apps()
        .into_iter()
        .map(|a| a.key)
        .collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let removed = maskline_store::demo::remove_imported(&mut *db.conn()?, &folder, &keys)?;
    // Their recording rows went with them (ON DELETE CASCADE); now their files.
    crate::recordings::remove_orphans(dbm, &crate::recordings::dir_in(data_dir))?;
    let demo = accounts::list_demo(&*db.conn()?)?;
    for a in &demo {
        crate::accounts::remove_by_id(dbm, secrets, a.id)?;
    }
    let dir = demo_dir(data_dir);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| ServiceError::Invalid {
            field: "demo".into(),
            message: Text::new(
                format!(
                    "cannot remove the demo folder {}: {e}; delete it by hand",
                    dir.display()
                ),
                format!("无法删除演示文件夹 {}:{e};请手动删除", dir.display()),
            ),
        })?;
    }
    if !demo.is_empty() || removed.calls > 0 {
        tracing::info!(
            accounts = demo.len(),
            calls = removed.calls,
            events = removed.events,
            "demo data removed"
        );
    }
    Ok(())
}

/// Chinese names when the app speaks Chinese (saved choice, else the OS language).
fn chinese(dbm: &DbManager) -> bool {
    match crate::settings::get(dbm).map(|s| s.language) {
        Ok(Language::ZhCn) => true,
        Ok(Language::En) => false,
        _ => crate::paths::os_locale()
            .to_ascii_lowercase()
            .starts_with("zh"),
    }
}

/// The demo's status, with the simulator's address when `handle` runs.
async fn status_with(
    dbm: &Arc<DbManager>,
    handle: Option<&DemoHandle>,
) -> Result<DemoStatus, ServiceError> {
    let d = dbm.clone();
    let mut status = blocking(move || demo_status(&d)).await?;
    status.running = handle.is_some();
    status.base_url = handle.map(DemoHandle::base_url);
    Ok(status)
}

/// Starts the demo in `jobs` (see [`start_demo`]); a running demo is left as it is.
pub async fn start(
    jobs: &Jobs,
    dbm: Arc<DbManager>,
    secrets: Arc<dyn SecretStore>,
    data_dir: &Path,
) -> Result<DemoStatus, ServiceError> {
    let mut slot = jobs.demo.lock().await;
    if slot.is_none() {
        *slot = Some(start_demo(dbm.clone(), secrets, data_dir).await?);
    }
    status_with(&dbm, slot.as_ref()).await
}

/// Stops the demo simulator held in `jobs` and removes every demo row and file.
pub async fn leave(
    jobs: &Jobs,
    dbm: Arc<DbManager>,
    secrets: Arc<dyn SecretStore>,
    data_dir: &Path,
) -> Result<DemoStatus, ServiceError> {
    let mut slot = jobs.demo.lock().await;
    leave_demo(dbm.clone(), secrets, data_dir, slot.take()).await?;
    status_with(&dbm, None).await
}

/// The demo's status. Never waits for a start or leave in progress: meanwhile the demo reads
/// as not running.
pub async fn status(jobs: &Jobs, dbm: Arc<DbManager>) -> Result<DemoStatus, ServiceError> {
    match jobs.demo.try_lock() {
        Ok(slot) => status_with(&dbm, slot.as_ref()).await,
        Err(_) => status_with(&dbm, None).await,
    }
}

/// At app start: if the demo is on, starts its simulator again (on a new port) in `jobs`.
pub async fn resume(
    jobs: &Jobs,
    dbm: Arc<DbManager>,
    secrets: Arc<dyn SecretStore>,
    data_dir: &Path,
) {
    let mut slot = jobs.demo.lock().await;
    let on = matches!(demo_status(&dbm), Ok(st) if st.active);
    if !on || slot.is_some() {
        return;
    }
    match start_demo(dbm, secrets, data_dir).await {
        Ok(h) => *slot = Some(h),
        Err(e) => tracing::warn!("the demo could not be started again: {e}"),
    }
}
