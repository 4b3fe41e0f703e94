//! Privacy settings the UI shows: whether the optional app lock is on and unlocked.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The app lock: when on, revealing a number or playing a recording needs the passphrase
/// (then stays unlocked for [`PrivacyStatus::unlock_minutes`] minutes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrivacyStatus {
    pub lock_enabled: bool,
    /// Always true when the lock is off.
    pub unlocked: bool,
    /// Seconds left before it locks again (when on and unlocked).
    pub unlocked_secs_left: Option<u64>,
    pub unlock_minutes: u32,
}
