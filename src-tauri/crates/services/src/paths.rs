//! Where Maskline keeps its files.

use std::path::PathBuf;

/// The app identifier; also the name of the data folder (matches `tauri.conf.json`).
pub const APP_IDENTIFIER: &str = "com.maskline.desktop";
/// File name of the database inside the data folder.
pub const DB_FILE: &str = "maskline.db";

/// The OS app-data folder the desktop app uses (e.g. `~/.local/share/com.maskline.desktop`).
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// The database path inside a data folder.
pub fn db_path_in(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

/// The OS language, e.g. `zh-CN` or `en-US` (empty when unknown).
pub fn os_locale() -> String {
    sys_locale::get_locale().unwrap_or_default()
}

/// The OS keyring store Maskline uses. `MASKLINE_KEYRING_SERVICE` renames the keyring
/// namespace (tests use it to stay out of a developer's real entries); it holds no secret.
pub fn keyring_store() -> maskline_secrets::KeyringStore {
    let service = std::env::var("MASKLINE_KEYRING_SERVICE")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| APP_IDENTIFIER.to_string());
    maskline_secrets::KeyringStore::new(service)
}
