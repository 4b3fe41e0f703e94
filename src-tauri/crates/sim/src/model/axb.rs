//! An AXB binding (§4): A and B talk through X.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Pairs one X holds at most.
pub const PAIRS_PER_X: usize = 5000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AxbBinding {
    pub subscription_id: String,
    pub app_key: String,
    pub relation_num: String,
    pub caller_num: String,
    pub callee_num: String,
    pub call_direction: i64,
    pub duration: i64,
    pub max_duration: i64,
    pub record_flag: bool,
    pub record_hint_tone: Option<String>,
    pub last_min_voice: Option<String>,
    pub private_sms: bool,
    pub pre_voice: Option<Value>,
    pub user_data: Option<String>,
    pub subscribe_time: i64,
    pub expires_at: Option<i64>,
}
