//! An AX binding (§5): A owns X; A→X calls go to a temporary callee.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// "1个A号码同时只能绑定5个X号码".
pub const X_PER_A: usize = 5;
/// The only documented `privateNumType`.
pub const PRIVATE_NUM_TYPE: &str = "mobile-virtual";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AxBinding {
    pub subscription_id: String,
    pub app_key: String,
    pub orig_num: String,
    pub private_num: String,
    pub call_direction: i64,
    pub record_flag: bool,
    pub record_hint_tone: Option<String>,
    pub callee_num_display: String,
    pub private_sms: bool,
    pub max_duration: i64,
    pub last_min_voice: Option<String>,
    pub pre_voice: Option<Value>,
    pub user_data: Option<String>,
    /// `turnFlag`: the private number's on/off state ("on" when absent; older snapshots).
    #[serde(default = "turned_on")]
    pub turn_flag: String,
    pub temp_callee: Option<String>,
    pub temp_callee_expires: Option<i64>,
    pub subscribe_time: i64,
}

/// The default `turnFlag`.
pub(crate) fn turned_on() -> String {
    "on".into()
}
