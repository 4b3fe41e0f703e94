//! The notification outbox: call events and CDRs waiting for (or done with) delivery, as
//! `GET /sim/admin/deliveries` lists them. Delivery itself lives in `crate::delivery`.

use std::collections::VecDeque;
use std::path::PathBuf;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::model::config::CallbackAuth;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    Event,
    Fee,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Target {
    Url(String),
    Dir(PathBuf),
    /// No callback configured: kept for inspection only.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    Pending,
    Delivered,
    Failed,
    Undeliverable,
}

/// One notification and its delivery state.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Item {
    pub(crate) id: u64,
    pub(crate) app_key: String,
    pub(crate) kind: Kind,
    pub(crate) target: Target,
    pub(crate) body: String,
    pub(crate) attempts: u32,
    pub(crate) status: Status,
    pub(crate) last_error: Option<String>,
    /// Simulated ms when the next attempt is due.
    pub(crate) next_due_ms: i64,
    #[serde(skip)]
    pub(crate) auth: (CallbackAuth, String, String),
}

#[derive(Debug)]
pub(crate) struct Outbox {
    pub(crate) items: VecDeque<Item>,
    pub(crate) next_id: u64,
    pub(crate) rng: ChaCha8Rng,
}

impl Default for Outbox {
    fn default() -> Self {
        Self {
            items: VecDeque::new(),
            next_id: 0,
            rng: ChaCha8Rng::seed_from_u64(0x0b0c),
        }
    }
}
