//! Demo mode as the UI sees it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether the demo is on, and whether its simulator is serving.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoStatus {
    /// Demo accounts exist: the banner shows and "Leave the demo" removes them.
    pub active: bool,
    /// The in-app simulator is serving (it is started again with the app while the demo is on).
    pub running: bool,
    /// `http://127.0.0.1:PORT` of the simulator while it runs.
    pub base_url: Option<String>,
    /// The demo accounts.
    pub account_ids: Vec<i64>,
}
