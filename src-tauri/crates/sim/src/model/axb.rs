//! An AXB binding (§4): A and B talk through X.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Pairs one X holds at most.
pub(crate) const PAIRS_PER_X: usize = 5000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AxbBinding {
    pub(crate) subscription_id: String,
    pub(crate) app_key: String,
    pub(crate) relation_num: String,
    pub(crate) caller_num: String,
    pub(crate) callee_num: String,
    pub(crate) call_direction: i64,
    pub(crate) duration: i64,
    pub(crate) max_duration: i64,
    pub(crate) record_flag: bool,
    pub(crate) record_hint_tone: Option<String>,
    pub(crate) last_min_voice: Option<String>,
    pub(crate) private_sms: bool,
    pub(crate) pre_voice: Option<Value>,
    pub(crate) user_data: Option<String>,
    pub(crate) subscribe_time: i64,
    pub(crate) expires_at: Option<i64>,
}
