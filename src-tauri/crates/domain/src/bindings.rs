//! Cached bindings as the Bindings page shows them, and the filters it sends.
//!
//! The cache is filled by syncing from the platform and by every bind/modify/unbind made
//! through Maskline. Numbers are E.164 text (`+86…`); the UI masks A and B itself.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Mode;

/// Where a cached binding stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BindingStatus {
    /// On the platform as of the last sync or operation.
    Active,
    /// Its duration has passed (the platform removes it by itself).
    Expired,
    /// Unbound through Maskline, or no longer reported by the platform. Kept so that an
    /// unbind can be undone by binding again with the same parameters.
    Unbound,
}

impl BindingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BindingStatus::Active => "active",
            BindingStatus::Expired => "expired",
            BindingStatus::Unbound => "unbound",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Active, Self::Expired, Self::Unbound]
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One binding in the local cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CachedBinding {
    pub id: i64,
    pub account_id: i64,
    pub mode: Mode,
    pub subscription_id: String,
    pub a: Option<String>,
    pub b: Option<String>,
    pub x: Option<String>,
    /// AXYB only: B's private number.
    pub y: Option<String>,
    /// AXE only: the extension.
    pub extension: Option<String>,
    /// 0 both ways, 1 A→B only, 2 B→A only (the platform's `callDirection`).
    pub direction: Option<u8>,
    /// Seconds the binding lasts from `boundAt` (None or 0 = never expires).
    pub duration_secs: Option<i64>,
    /// UTC `YYYY-MM-DDTHH:MM:SSZ`; None = never.
    pub expires_at: Option<String>,
    pub record: Option<bool>,
    pub user_data: Option<String>,
    pub status: BindingStatus,
    /// Area code of X (from the number list), e.g. `0755`.
    pub city: Option<String>,
    /// When the binding was made or last modified (UTC).
    pub bound_at: Option<String>,
    /// When the platform last confirmed it (None = only seen through our own operations).
    pub last_synced_at: Option<String>,
}

/// Sort keys of the bindings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BindingSort {
    #[default]
    BoundAt,
    ExpiresAt,
    X,
    A,
    City,
    Status,
}

/// Filters, sort and paging of the bindings table. Every filter is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct BindingFilter {
    /// Any part of A, B, X or Y (digits; spaces and `+` ignored).
    pub number: Option<String>,
    /// Exactly this X (E.164 or as typed).
    pub x: Option<String>,
    pub status: Option<BindingStatus>,
    /// Active bindings expiring within this many days.
    pub expiring_within_days: Option<u32>,
    /// Area code of X.
    pub city: Option<String>,
    pub sort: BindingSort,
    pub descending: bool,
    /// 1-based.
    pub page: u32,
    /// 1–500 (default 50).
    pub page_size: u32,
}

/// One page of the bindings table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BindingPage {
    pub items: Vec<CachedBinding>,
    /// Rows matching the filter, over all pages.
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
    /// When the account was last synced from the platform.
    pub last_synced_at: Option<String>,
}

/// What a sync from the platform did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    /// X numbers (or keys) queried.
    pub numbers_queried: u32,
    /// Bindings the platform reported.
    pub seen: u32,
    /// Of those, new to the cache.
    pub added: u32,
    /// Cached bindings on the queried numbers that the platform no longer has.
    pub removed: u32,
    pub synced_at: String,
}
