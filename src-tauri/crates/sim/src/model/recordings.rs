//! Recording metadata (the WAV itself is rendered on demand by `crate::recordings`) and the
//! platform's lifetimes: links last 3 days, files 7 days (simulated time).

use serde::{Deserialize, Serialize};

/// A download link's lifetime.
pub(crate) const LINK_VALID_SECS: i64 = 3 * 86_400;
/// How long a recording is kept after its CDR.
pub(crate) const RETENTION_SECS: i64 = 7 * 86_400;
/// The `recordDomain` of every recording.
pub(crate) const RECORD_DOMAIN: &str = "record.maskline-sim.local";

/// One recording of an answered call.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Recording {
    pub(crate) file_name: String,
    pub(crate) domain: String,
    pub(crate) app_key: String,
    pub(crate) session_id: String,
    pub(crate) created: i64,
    pub(crate) secs: u32,
}
