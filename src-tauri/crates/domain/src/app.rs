//! App-level status types shown by the shell (about box, database recovery screen).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Facts for the About card and support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub db_path: String,
    /// The OS language, e.g. `zh-CN` or `en-US`; empty when unknown.
    pub os_locale: String,
}

/// Whether the local database is usable, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum DbStatus {
    /// Open and healthy.
    Ok,
    /// The file could not be opened; the UI shows the recovery screen.
    #[serde(rename_all = "camelCase")]
    Corrupt {
        path: String,
        reason: String,
        backup_available: bool,
        /// UTC time of the newest backup, RFC 3339.
        backup_created_at: Option<String>,
    },
}

/// The two ways out of the recovery screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RecoverAction {
    /// Replace the damaged file with the newest healthy backup.
    RestoreBackup,
    /// Move the damaged file aside and create an empty database.
    StartFresh,
}
