//! An AX binding (§5): A owns X; A→X calls go to a temporary callee.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// "1个A号码同时只能绑定5个X号码".
pub(crate) const X_PER_A: usize = 5;
/// The only documented `privateNumType`.
pub(crate) const PRIVATE_NUM_TYPE: &str = "mobile-virtual";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AxBinding {
    pub(crate) subscription_id: String,
    pub(crate) app_key: String,
    pub(crate) orig_num: String,
    pub(crate) private_num: String,
    pub(crate) call_direction: i64,
    pub(crate) record_flag: bool,
    pub(crate) record_hint_tone: Option<String>,
    pub(crate) callee_num_display: String,
    pub(crate) private_sms: bool,
    pub(crate) max_duration: i64,
    pub(crate) last_min_voice: Option<String>,
    pub(crate) pre_voice: Option<Value>,
    pub(crate) user_data: Option<String>,
    /// `turnFlag`: the private number's on/off state ("on" when absent; older snapshots).
    #[serde(default = "turned_on")]
    pub(crate) turn_flag: String,
    pub(crate) temp_callee: Option<String>,
    pub(crate) temp_callee_expires: Option<i64>,
    pub(crate) subscribe_time: i64,
}

/// The default `turnFlag`.
pub(crate) fn turned_on() -> String {
    "on".into()
}
