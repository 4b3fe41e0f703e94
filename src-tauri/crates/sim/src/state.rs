//! Shared simulator state: apps, bindings of every mode, ongoing calls, recordings, the
//! seeded RNG, and the JSON snapshot written to `--data-dir` after every change. Holds
//! `model` types only; the logic that changes them lives in the domain modules and `http`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::model::auth::AuthState;
use crate::model::ax::AxBinding;
use crate::model::axb::AxbBinding;
use crate::model::axe::{AxeBinding, UNIT_HOURS, UNIT_MINUTES};
use crate::model::axyb::AxybRelation;
use crate::model::calls::OngoingCall;
use crate::model::clock::SimClock;
use crate::model::config::{AppConfig, SimConfig};
use crate::model::delivery::Outbox;
use crate::model::faults::Faults;
use crate::model::recordings::{RETENTION_SECS, Recording};

/// Everything that survives a restart (when a data dir is configured).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Inner {
    pub(crate) axb: BTreeMap<String, AxbBinding>,
    pub(crate) ax: BTreeMap<String, AxBinding>,
    pub(crate) axe: BTreeMap<String, AxeBinding>,
    pub(crate) axyb: BTreeMap<String, AxybRelation>,
    pub(crate) calls: BTreeMap<String, OngoingCall>,
    pub(crate) recordings: BTreeMap<String, Recording>,
    pub(crate) seq: u64,
    /// Snapshot format: 0 (absent) = before issue 13, whose AXE `timeUnit` meant 0 minutes,
    /// 1 hours, 2 days; 1 = the official 0 hours, 1 minutes.
    pub(crate) format: u32,
    #[serde(skip)]
    rng: Option<ChaCha8Rng>,
    #[serde(skip)]
    seed: u64,
}

/// The snapshot format this build writes.
pub(crate) const FORMAT: u32 = 1;

impl Inner {
    /// Bring a snapshot of an older format up to [`FORMAT`] (AXE lifetimes keep their length).
    pub(crate) fn migrate(&mut self) {
        if self.format < 1 {
            for b in self.axe.values_mut() {
                let (unit, factor) = match b.time_unit {
                    0 => (UNIT_MINUTES, 1),
                    2 => (UNIT_HOURS, 24),
                    _ => (UNIT_HOURS, 1),
                };
                b.time_unit = unit;
                b.bind_expired_time = b.bind_expired_time.saturating_mul(factor);
                b.callback_expired_time = b.callback_expired_time.saturating_mul(factor);
                // Older builds did not record the bind's own values.
                b.bind_time_unit = None;
                b.bind_bind_expired_time = None;
            }
        }
        self.format = FORMAT;
    }

    /// The seeded RNG (re-seeded from seed and sequence after a restart).
    pub(crate) fn rng(&mut self) -> &mut ChaCha8Rng {
        let seed = self.seed ^ self.seq.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.rng
            .get_or_insert_with(|| ChaCha8Rng::seed_from_u64(seed))
    }

    pub(crate) fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// A UUID-shaped id drawn from the seeded RNG.
    pub(crate) fn new_id(&mut self) -> String {
        self.next_seq();
        let a: u128 = self.rng().random();
        let h = format!("{a:032x}");
        format!(
            "{}-{}-4{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[13..16],
            &h[16..20],
            &h[20..32]
        )
    }

    /// Drop everything whose lifetime ended at or before `now` (simulated seconds).
    pub(crate) fn purge(&mut self, now: i64) {
        let alive = |e: Option<i64>| e.is_none_or(|t| t > now);
        self.axb.retain(|_, b| alive(b.expires_at));
        self.axe.retain(|_, b| alive(b.expires_at));
        self.axyb.retain(|_, r| alive(r.expires_at));
        for r in self.axyb.values_mut() {
            if r.yb_expires_at.is_some_and(|t| t <= now) {
                r.clear_yb();
            }
        }
        for b in self.ax.values_mut() {
            if b.temp_callee_expires.is_some_and(|t| t <= now) {
                b.temp_callee = None;
                b.temp_callee_expires = None;
            }
        }
        self.recordings
            .retain(|_, r| now < r.created + RETENTION_SECS);
    }
}

/// The running simulator's shared state.
pub(crate) struct Sim {
    pub(crate) apps: RwLock<Vec<AppConfig>>,
    pub(crate) config: SimConfig,
    pub(crate) clock: Arc<SimClock>,
    pub(crate) auth: Mutex<AuthState>,
    inner: Mutex<Inner>,
    pub(crate) faults: Mutex<Faults>,
    pub(crate) outbox: Mutex<Outbox>,
    pub(crate) wake: tokio::sync::Notify,
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    /// Key for signing recording download links.
    pub(crate) link_key: [u8; 32],
    snapshot: Option<PathBuf>,
}

impl Sim {
    pub(crate) fn new(
        config: SimConfig,
        apps: Vec<AppConfig>,
        clock: Arc<SimClock>,
        base_url: String,
    ) -> std::io::Result<Self> {
        let snapshot = config.data_dir.as_ref().map(|d| d.join("state.json"));
        let mut inner = match &snapshot {
            Some(p) if p.exists() => {
                let text = std::fs::read_to_string(p)?;
                serde_json::from_str::<Inner>(&text).map_err(std::io::Error::other)?
            }
            _ => Inner::default(),
        };
        inner.migrate();
        inner.seed = config.seed;
        let mut key_rng = ChaCha8Rng::seed_from_u64(config.seed ^ 0x6c69_6e6b);
        let mut link_key = [0u8; 32];
        key_rng.fill(&mut link_key);
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(std::io::Error::other)?;
        Ok(Self {
            apps: RwLock::new(apps),
            faults: Mutex::new(Faults::new(config.seed, config.faults.clone())),
            config,
            clock,
            auth: Mutex::new(AuthState::default()),
            inner: Mutex::new(inner),
            outbox: Mutex::new(Outbox::default()),
            wake: tokio::sync::Notify::new(),
            http,
            base_url,
            link_key,
            snapshot,
        })
    }

    /// Lock the state after purging expired entries.
    pub(crate) fn state(&self) -> MutexGuard<'_, Inner> {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.purge(self.clock.now());
        g
    }

    /// Write the snapshot (no-op without a data dir). Called after each change.
    pub(crate) fn save(&self, inner: &Inner) {
        let Some(path) = &self.snapshot else { return };
        let result = serde_json::to_vec_pretty(inner)
            .map_err(std::io::Error::other)
            .and_then(|bytes| {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                let tmp = path.with_extension("json.tmp");
                std::fs::write(&tmp, bytes)?;
                std::fs::rename(&tmp, path)
            });
        if let Err(e) = result {
            tracing::warn!("cannot save simulator state to {}: {e}", path.display());
        }
    }

    pub(crate) fn app(&self, key: &str) -> Option<AppConfig> {
        self.apps
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .find(|a| a.key == key)
            .cloned()
    }
}
