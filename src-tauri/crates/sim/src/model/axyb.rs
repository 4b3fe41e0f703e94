//! An AXYB relation (§7): A bound to X, later B bound to Y.

use serde::{Deserialize, Serialize};

/// Relations one Y takes at most.
pub const RELATIONS_PER_Y: usize = 1000;
/// "一个A号码可以同时绑定5个X号码" (AXYB bind page, privatenumber_axyb_0017).
pub const X_PER_A: usize = 5;
/// `xyRelationNumList` is xyRelationNumInfo[1-5] (privatenumber_axyb_0019, table 5).
pub const QUERY_MAX_ITEMS: usize = 5;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AxybRelation {
    pub subscription_id: String,
    pub app_key: String,
    pub a_num: String,
    pub x_num: String,
    pub b_num: Option<String>,
    pub y_num: Option<String>,
    pub call_direction: i64,
    pub duration: i64,
    pub yb_duration: i64,
    pub record_flag: bool,
    pub record_hint_tone: Option<String>,
    pub pre_voice_x: Option<String>,
    pub pre_voice_y: Option<String>,
    pub user_data: Option<String>,
    pub subscribe_time: i64,
    pub expires_at: Option<i64>,
    pub yb_expires_at: Option<i64>,
}

impl AxybRelation {
    /// Forget the YB step (B and Y).
    pub fn clear_yb(&mut self) {
        self.b_num = None;
        self.y_num = None;
        self.yb_expires_at = None;
    }
}
