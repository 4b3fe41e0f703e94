//! X numbers, pools and their utilisation, as the Numbers page shows them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Mode;

/// Most simultaneous uses of one X, per mode: AXB pairs, AXE extensions, AX owners, AXYB
/// relations on a Y.
pub fn capacity_per_x(mode: Mode) -> u32 {
    match mode {
        Mode::Axb => 5000,
        Mode::Axe => 9999,
        Mode::Ax => 1,
        Mode::Axyb => 1000,
    }
}

/// Share of capacity in use from which a number counts as near capacity.
pub const NEAR_CAPACITY_RATIO: f64 = 0.9;
/// Bindings expiring within this many days make a number "expiring".
pub const EXPIRING_WITHIN_DAYS: u32 = 3;

/// A number the operator bought, with what is known about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct XNumber {
    pub id: i64,
    pub account_id: i64,
    /// E.164.
    pub number: String,
    /// Area code, e.g. `0755`.
    pub city: Option<String>,
    pub carrier: Option<String>,
    pub tags: Vec<String>,
    pub pool_id: Option<i64>,
    pub pool: Option<String>,
}

/// A named group of X numbers of one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pool {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub numbers: u32,
}

/// The one-word state of a number on the Numbers page (in order of precedence: near
/// capacity, expiring, busy, idle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NumberHealth {
    /// No active binding and no call in the last 30 days: a candidate for release.
    Idle,
    /// In use.
    Busy,
    /// At or above 90 % of its capacity.
    NearCapacity,
    /// Some of its bindings expire within 3 days.
    ExpiringBindings,
}

/// Utilisation and activity of one X.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberStats {
    pub number: XNumber,
    /// Active bindings now (from the cache).
    pub bindings: u32,
    pub capacity: u32,
    pub capacity_left: u32,
    /// Active bindings that expire within [`EXPIRING_WITHIN_DAYS`].
    pub expiring: u32,
    /// Calls through this number (None when call records were never imported).
    pub calls_7d: Option<u32>,
    pub calls_30d: Option<u32>,
    pub last_call_at: Option<String>,
    pub health: NumberHealth,
}

/// Utilisation of a group of numbers (a city or a pool), for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Utilisation {
    /// The city's area code or the pool's name (`None` = no city / no pool).
    pub key: Option<String>,
    pub numbers: u32,
    pub bindings: u32,
    pub capacity: u32,
    /// bindings / capacity, 0–1.
    pub ratio: f64,
}

/// The pool view: utilisation per city and per pool, and the two lists to act on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PoolOverview {
    pub mode: Mode,
    pub by_city: Vec<Utilisation>,
    pub by_pool: Vec<Utilisation>,
    /// Idle numbers worth releasing.
    pub idle: Vec<NumberStats>,
    pub near_capacity: Vec<NumberStats>,
}

/// Where `choose_x` may pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum XScope {
    Pool(String),
    City(String),
    Any,
}

/// A problem with one cell or row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    pub file: String,
    /// 1-based row in the file (the header is row 1).
    pub row: u32,
    /// Column header, when the problem is in one cell.
    pub column: Option<String>,
    pub message: crate::Text,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(
                f,
                "{} row {} column {c:?}: {}",
                self.file, self.row, self.message
            ),
            None => write!(f, "{} row {}: {}", self.file, self.row, self.message),
        }
    }
}

/// What a number import did. Importing the same file twice adds nothing the second time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberImportReport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub errors: Vec<RowError>,
}
