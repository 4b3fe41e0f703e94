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
