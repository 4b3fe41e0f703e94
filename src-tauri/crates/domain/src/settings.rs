//! User preferences persisted in the local database.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// UI language. `Auto` follows the operating system (Chinese → zh-CN, else English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum Language {
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

/// Colour theme. `System` follows the OS light/dark preference live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// All user settings, read and written as one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
}

/// The optional CDR watch folder: new and changed files in it are imported automatically.
/// Off by default; the folder is kept when the watch is turned off.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchFolderSettings {
    pub enabled: bool,
    /// Absolute path of the folder (read recursively, like a folder import).
    pub folder: Option<String>,
}

/// What the watch folder is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WatchState {
    /// Turned off (or never set up).
    #[default]
    Off,
    /// Watching: new files are imported once they stop growing.
    Watching,
    /// The folder cannot be watched right now (see `problem`); retried by itself.
    Error,
}

/// Why the watch folder needs attention. The UI says what to do for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WatchProblem {
    /// The folder does not exist (deleted, renamed, drive unplugged).
    Missing,
    /// The path is a file, not a folder.
    NotAFolder,
    /// The app's user may not read the folder.
    PermissionDenied,
    /// The folder could not be read for another reason (see `detail`).
    Unreadable,
    /// A file could not be imported because the database refused (see `detail`); watching goes on.
    ImportFailed,
}

/// The last file the watch folder imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchImport {
    /// When the import finished, UTC epoch seconds.
    pub at: i64,
    pub report: crate::import::FileReport,
}

/// The live state of the watch folder, sent to the UI whenever it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchStatus {
    pub state: WatchState,
    pub folder: Option<String>,
    pub problem: Option<WatchProblem>,
    /// What happened behind `problem` (the system's own words, or why an import failed).
    pub detail: Option<crate::Text>,
    /// Files seen that are waiting to stop growing before they are imported.
    pub pending: u32,
    /// The file being imported now.
    pub importing: Option<String>,
    /// Files imported since the watch started (also counts files re-imported after a change).
    pub imported_files: u64,
    pub last_import: Option<WatchImport>,
}

impl Language {
    /// Stable text form used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Auto => "auto",
            Language::ZhCn => "zh-CN",
            Language::En => "en",
        }
    }

    /// Parses the stored text form; unknown values fall back to `None`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "auto" => Some(Language::Auto),
            "zh-CN" => Some(Language::ZhCn),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The concrete language for an OS locale such as `zh_CN.UTF-8`, `zh-Hans-CN` or `en-US`.
    pub fn resolve(self, os_locale: &str) -> Language {
        match self {
            Language::Auto if os_locale.to_ascii_lowercase().starts_with("zh") => Language::ZhCn,
            Language::Auto => Language::En,
            other => other,
        }
    }
}

impl Theme {
    /// Stable text form used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses the stored text form; unknown values fall back to `None`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_language_follows_chinese_locales_only() {
        assert_eq!(Language::Auto.resolve("zh_CN.UTF-8"), Language::ZhCn);
        assert_eq!(Language::Auto.resolve("zh-Hans-CN"), Language::ZhCn);
        assert_eq!(Language::Auto.resolve("en-US"), Language::En);
        assert_eq!(Language::Auto.resolve(""), Language::En);
        assert_eq!(
            Language::En.resolve("zh-CN"),
            Language::En,
            "an explicit choice wins over the OS"
        );
    }

    #[test]
    fn watch_folder_is_off_by_default_and_serialises_in_camel_case() {
        let d = WatchFolderSettings::default();
        assert!(
            !d.enabled && d.folder.is_none(),
            "the watch folder is opt-in"
        );
        let s = WatchStatus {
            problem: Some(WatchProblem::NotAFolder),
            ..WatchStatus::default()
        };
        let json = serde_json::to_string(&s).expect("serialize");
        assert!(json.contains(r#""state":"off""#), "{json}");
        assert!(json.contains(r#""problem":"notAFolder""#), "{json}");
        assert!(json.contains(r#""importedFiles":0"#), "{json}");
    }

    #[test]
    fn text_forms_round_trip_and_match_serde() {
        for l in [Language::Auto, Language::ZhCn, Language::En] {
            assert_eq!(Language::parse(l.as_str()), Some(l));
            assert_eq!(
                serde_json::to_string(&l).expect("serialize"),
                format!("\"{}\"", l.as_str())
            );
        }
        for t in [Theme::System, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(t.as_str()), Some(t));
            assert_eq!(
                serde_json::to_string(&t).expect("serialize"),
                format!("\"{}\"", t.as_str())
            );
        }
        assert_eq!(Theme::parse("purple"), None);
    }
}
