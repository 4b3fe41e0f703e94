//! An AXE binding (§6): A is reachable as X + extension, for a lifetime in `timeUnit` units.

use serde::{Deserialize, Serialize};

/// Extensions one X holds at most.
pub const EXTENSIONS_PER_X: usize = 9999;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AxeBinding {
    pub subscription_id: String,
    pub app_key: String,
    pub bind_num: String,
    pub virtual_num: String,
    pub extend_num: String,
    pub display_num_mode: String,
    pub record_flag: bool,
    pub record_hint_tone: Option<String>,
    pub callback_tone: Option<String>,
    pub callback_num: Option<String>,
    pub time_unit: i64,
    pub bind_expired_time: i64,
    /// `timeUnit` and `bindExpiredTime` as the bind carried them: the query reports these even
    /// when a later modify carried others ("当调用AXE模式绑定接口和AXE模式绑定信息修改接口都携带了
    /// timeUnit参数时,查询出来的timeUnit取值以调用AXE模式绑定接口配置的值为准", likewise
    /// bindExpiredTime; privatenumber_02_0024 table 5). The modify still sets the lifetime.
    #[serde(default)]
    pub bind_time_unit: Option<i64>,
    #[serde(default)]
    pub bind_bind_expired_time: Option<i64>,
    pub callback_expired_time: i64,
    pub user_data: Option<String>,
    pub subscribe_time: i64,
    pub expires_at: Option<i64>,
}

/// `timeUnit` "0": hours (also when absent).
pub const UNIT_HOURS: i64 = 0;
/// `timeUnit` "1": minutes.
pub const UNIT_MINUTES: i64 = 1;
