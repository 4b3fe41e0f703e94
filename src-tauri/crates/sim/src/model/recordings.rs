//! Recording metadata (the WAV itself is rendered on demand by `crate::recordings`) and the
//! platform's lifetimes: links last 3 days, files 7 days (simulated time).

use serde::{Deserialize, Serialize};

/// A download link's lifetime.
pub const LINK_VALID_SECS: i64 = 3 * 86_400;
/// How long a recording is kept after its CDR.
pub const RETENTION_SECS: i64 = 7 * 86_400;
/// The `recordDomain` of every recording.
pub const RECORD_DOMAIN: &str = "record.maskline-sim.local";

/// One recording of an answered call.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recording {
    pub file_name: String,
    pub domain: String,
    pub app_key: String,
    pub session_id: String,
    pub created: i64,
    pub secs: u32,
}
