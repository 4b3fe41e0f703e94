//! An AXE binding (§6): A is reachable as X + extension, for a lifetime in `timeUnit` units.

use serde::{Deserialize, Serialize};

/// Extensions one X holds at most.
pub(crate) const EXTENSIONS_PER_X: usize = 9999;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AxeBinding {
    pub(crate) subscription_id: String,
    pub(crate) app_key: String,
    pub(crate) bind_num: String,
    pub(crate) virtual_num: String,
    pub(crate) extend_num: String,
    pub(crate) display_num_mode: String,
    pub(crate) record_flag: bool,
    pub(crate) record_hint_tone: Option<String>,
    pub(crate) callback_tone: Option<String>,
    pub(crate) callback_num: Option<String>,
    pub(crate) time_unit: i64,
    pub(crate) bind_expired_time: i64,
    /// `timeUnit` and `bindExpiredTime` as the bind carried them: the query reports these even
    /// when a later modify carried others ("当调用AXE模式绑定接口和AXE模式绑定信息修改接口都携带了
    /// timeUnit参数时,查询出来的timeUnit取值以调用AXE模式绑定接口配置的值为准", likewise
    /// bindExpiredTime; privatenumber_02_0024 table 5). The modify still sets the lifetime.
    #[serde(default)]
    pub(crate) bind_time_unit: Option<i64>,
    #[serde(default)]
    pub(crate) bind_bind_expired_time: Option<i64>,
    pub(crate) callback_expired_time: i64,
    pub(crate) user_data: Option<String>,
    pub(crate) subscribe_time: i64,
    pub(crate) expires_at: Option<i64>,
}

/// `timeUnit` "0": hours (also when absent).
pub(crate) const UNIT_HOURS: i64 = 0;
/// `timeUnit` "1": minutes.
pub(crate) const UNIT_MINUTES: i64 = 1;
