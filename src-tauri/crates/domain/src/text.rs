//! [`Text`]: a user-visible message in both languages, as one typed value.
//!
//! Backend messages cross IPC, land in job reports and stored rows as `{ en, zh }`; the UI
//! shows the half of its language (`pick` in `ui/src/i18n/format.ts`) and never parses text.
//! The Chinese says as much as the English (numbers, names, what to do next).
//! `Display` writes both on one line (English, ` / `, then Chinese) for logs and the CLI.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One message in English and Chinese.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// Text that reads the same in both languages: a path, a number, the operating system's
    /// or a library's own words quoted as they are.
    pub fn same(s: impl Into<String>) -> Self {
        let s = s.into();
        Self {
            en: s.clone(),
            zh: s,
        }
    }

    /// Both halves with `f` applied (e.g. a prefix that is the same in both languages).
    pub fn map(&self, f: impl Fn(&str) -> String) -> Self {
        Self {
            en: f(&self.en),
            zh: f(&self.zh),
        }
    }

    /// The half for a language tag: Chinese for `zh…`, English otherwise.
    pub fn pick(&self, language: &str) -> &str {
        if language.starts_with("zh") {
            &self.zh
        } else {
            &self.en
        }
    }

    /// Stored form of a message in a TEXT column: JSON `{"en":…,"zh":…}`.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.en.clone())
    }

    /// Reads [`Text::to_stored`]; a row written before messages were typed (one string
    /// holding both languages) reads as that string in both halves.
    pub fn from_stored(s: &str) -> Self {
        serde_json::from_str(s).unwrap_or_else(|_| Text::same(s))
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.zh.is_empty() || self.zh == self.en {
            f.write_str(&self.en)
        } else {
            write!(f, "{} / {}", self.en, self.zh)
        }
    }
}

/// `text!("English {x}", "中文 {x}")`: a [`Text`] from two format strings (arguments captured
/// by name, as in `format!`).
#[macro_export]
macro_rules! text {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::Text::new(format!($en), format!($zh))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_macro_formats_both_halves_and_display_shows_both() {
        let n = 3;
        let t = text!("{n} files", "{n} 个文件");
        assert_eq!(t, Text::new("3 files", "3 个文件"));
        assert_eq!(t.to_string(), ["3 files", "3 个文件"].join(" / "));
        assert_eq!(t.pick("zh-CN"), "3 个文件");
        assert_eq!(t.pick("en"), "3 files");
        assert_eq!(Text::same("/tmp/a").to_string(), "/tmp/a");
    }

    #[test]
    fn serializes_as_en_zh_and_reads_old_stored_strings() {
        let t = Text::new("gone", "已删除");
        assert_eq!(
            serde_json::to_value(&t).expect("json"),
            serde_json::json!({"en": "gone", "zh": "已删除"})
        );
        assert_eq!(Text::from_stored(&t.to_stored()), t);
        let old = ["old", "旧"].join(" / ");
        assert_eq!(Text::from_stored(&old), Text::new(&old, &old));
    }
}
