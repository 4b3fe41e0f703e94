//! `maskline-sim`: a local, faithful simulator of Huawei Cloud PrivateNumber
//! (隐私保护通话) — the test peer, the benchmark load and the demo backend.
//!
//! Layers, each depending only on the ones before it:
//! - `model`: the data — configuration, bindings per mode, calls, recordings metadata, the
//!   outbox, auth bookkeeping, fault rules, the simulated clock, call outcomes;
//! - `state`: the shared, snapshotted state (`Sim`), made of model types only;
//! - domain logic: WSSE/AKSK verification and signing (`auth`), X selection (`inventory`),
//!   AXYB's Y (`yb`), call generation (`calls`, `legs`, `callbody`), notification delivery
//!   (`delivery`), recording content (`recordings`), the `gen-cdrs` writer (`cdrgen`);
//! - `http`: the listener, router, middlewares, platform handlers and admin endpoints.
//!
//! The public API is what the crate README documents: [`Simulator`], [`SimHandle`],
//! [`SimConfig`] and its config types, [`FaultRule`], [`CallSummary`], plus
//! `recordings::{wav, wav_pcm16}`, `cdrgen::write_cdrs` and the header parser
//! `auth::{parse_attrs, parse_headers}` (fuzzed). Everything else is `pub(crate)`.
//!
//! Must never depend on `maskline-api` (nor share its signer): a client bug and a simulator
//! bug must not be able to cancel out. See the crate README for the demo apps and the list of
//! known differences from the real platform.
//!
//! ```no_run
//! # async fn demo() -> Result<(), maskline_sim::StartError> {
//! let sim = maskline_sim::Simulator::start(maskline_sim::SimConfig::default()).await?;
//! println!("{}", sim.base_url());
//! sim.advance(std::time::Duration::from_secs(3600)); // bindings expire on this clock
//! # Ok(()) }
//! ```

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub mod auth;
mod callbody;
mod calls;
pub mod cdrgen;
mod codes;
mod delivery;
mod http;
mod inventory;
mod legs;
mod model;
pub mod recordings;
mod state;
mod yb;

pub use codes::ApiError;
pub use model::calls::CallSummary;
pub use model::clock::SimClock;
pub use model::config;
pub use model::config::{AppConfig, AuthPolicy, CallbackAuth, Mode, SimConfig, XNumber};
pub use model::faults::{FaultKind, FaultRule};

/// Why the simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("cannot listen or load state: {0}")]
    Io(#[from] std::io::Error),
}

/// Entry point.
pub struct Simulator;

impl Simulator {
    /// Bind `127.0.0.1:{config.port}` and serve until the handle is dropped or shut down.
    pub async fn start(config: SimConfig) -> Result<SimHandle, StartError> {
        let apps = config.effective_apps()?;
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let clock = Arc::new(SimClock::new(config.time_factor));
        let sim = Arc::new(state::Sim::new(
            config,
            apps,
            clock,
            format!("http://{addr}"),
        )?);
        let app = http::router::build(sim.clone())
            .into_make_service_with_connect_info::<http::server::ConnInfo>();
        let (tx, rx) = oneshot::channel::<()>();
        let serve = tokio::spawn(async move {
            let result = axum::serve(http::server::SimListener(listener), app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
            if let Err(e) = result {
                tracing::error!("simulator server stopped: {e}");
            }
        });
        let worker = tokio::spawn(delivery::worker(sim.clone()));
        let ticker = tokio::spawn(ticker(sim.clone()));
        Ok(SimHandle {
            addr,
            sim,
            shutdown: Some(tx),
            tasks: vec![serve, worker, ticker],
        })
    }
}

/// Finishes due calls and runs periodic call generation.
async fn ticker(sim: Arc<state::Sim>) {
    let mut last_gen = sim.clock.now();
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        calls::finish_due(&sim);
        let Some(period) = sim.config.call_period_secs.filter(|p| *p > 0) else {
            continue;
        };
        let now = sim.clock.now();
        if now - last_gen < period as i64 {
            continue;
        }
        last_gen = now;
        let keys: Vec<String> = sim
            .apps
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|a| a.key.clone())
            .collect();
        for key in keys {
            // Apps without bindings have nothing to call through; that is not an error here.
            let _ = calls::generate(&sim, &key, sim.config.calls_per_period, 0);
        }
    }
}

/// A running simulator. Dropping it stops the server.
pub struct SimHandle {
    addr: SocketAddr,
    sim: Arc<state::Sim>,
    shutdown: Option<oneshot::Sender<()>>,
    tasks: Vec<JoinHandle<()>>,
}

impl SimHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn clock(&self) -> &SimClock {
        &self.sim.clock
    }

    /// Move the simulated clock forward and process what became due (calls ending, retries).
    pub fn advance(&self, by: Duration) {
        self.sim.clock.advance(by);
        calls::finish_due(&self.sim);
        self.sim.wake.notify_one();
    }

    /// The apps served (with their numbers).
    pub fn apps(&self) -> Vec<AppConfig> {
        self.sim
            .apps
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Generate calls on the app's bindings (same as `POST /sim/admin/calls/generate`).
    pub fn generate_calls(
        &self,
        app_key: &str,
        count: u32,
        ongoing: u32,
    ) -> Result<Vec<CallSummary>, ApiError> {
        calls::generate(&self.sim, app_key, count, ongoing)
    }

    /// Stop serving and wait for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let mut tasks = std::mem::take(&mut self.tasks);
        if !tasks.is_empty() {
            let serve = tasks.remove(0);
            for t in tasks {
                t.abort();
            }
            let _ = serve.await;
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        for t in &self.tasks {
            t.abort();
        }
    }
}
