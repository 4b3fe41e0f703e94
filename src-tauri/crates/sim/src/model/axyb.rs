//! An AXYB relation (§7): A bound to X, later B bound to Y.

use serde::{Deserialize, Serialize};

/// Relations one Y takes at most.
pub(crate) const RELATIONS_PER_Y: usize = 1000;
/// "一个A号码可以同时绑定5个X号码" (AXYB bind page, privatenumber_axyb_0017).
pub(crate) const X_PER_A: usize = 5;
/// `xyRelationNumList` is xyRelationNumInfo[1-5] (privatenumber_axyb_0019, table 5).
pub(crate) const QUERY_MAX_ITEMS: usize = 5;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AxybRelation {
    pub(crate) subscription_id: String,
    pub(crate) app_key: String,
    pub(crate) a_num: String,
    pub(crate) x_num: String,
    pub(crate) b_num: Option<String>,
    pub(crate) y_num: Option<String>,
    pub(crate) call_direction: i64,
    pub(crate) duration: i64,
    pub(crate) yb_duration: i64,
    pub(crate) record_flag: bool,
    pub(crate) record_hint_tone: Option<String>,
    pub(crate) pre_voice_x: Option<String>,
    pub(crate) pre_voice_y: Option<String>,
    pub(crate) user_data: Option<String>,
    pub(crate) subscribe_time: i64,
    pub(crate) expires_at: Option<i64>,
    pub(crate) yb_expires_at: Option<i64>,
}

impl AxybRelation {
    /// Forget the YB step (B and Y).
    pub(crate) fn clear_yb(&mut self) {
        self.b_num = None;
        self.y_num = None;
        self.yb_expires_at = None;
    }
}
