//! About → "Copy diagnostics": what support needs to know, as plain text. Versions, OS,
//! folders and the last warnings and errors, with no secret and no phone number (the whole
//! text passes through [`crate::logging::redact`], and the errors were redacted when logged).

use std::fmt::Write;

/// The facts the text is built from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub app_version: String,
    pub webview_version: String,
    pub os: String,
    pub arch: String,
    pub os_locale: String,
    pub data_dir: String,
    pub db_path: String,
    pub db_state: String,
    pub log_dir: String,
    pub last_errors: Vec<String>,
}

/// The diagnostics text (pure, tested). A plain-text report for support, read by people of
/// either language: each line is labelled in English, then Chinese, then the value.
pub fn text(f: &Facts) -> String {
    let mut out = String::new();
    let mut line = |en: &str, zh: &str, value: String| {
        let _ = writeln!(out, "{en} / {zh}: {value}");
    };
    line("app", "版本", f.app_version.clone());
    line("webview", "浏览器内核", f.webview_version.clone());
    line("os", "系统", format!("{} {}", f.os, f.arch));
    line("locale", "系统语言", f.os_locale.clone());
    line("data folder", "数据文件夹", f.data_dir.clone());
    line(
        "database",
        "数据库",
        format!("{} ({})", f.db_path, f.db_state),
    );
    line("log folder", "日志文件夹", f.log_dir.clone());
    line(
        "last warnings and errors",
        "最近的警告和错误",
        f.last_errors.len().to_string(),
    );
    let mut out = format!(
        "{}\n{out}",
        maskline_domain::Text::new("Maskline diagnostics", "诊断信息")
    );
    for line in &f.last_errors {
        let _ = writeln!(out, "  {line}");
    }
    crate::logging::redact(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_carry_versions_and_folders_but_no_secret_and_no_number() {
        let facts = Facts {
            app_version: "0.1.0".into(),
            webview_version: "2.48.3".into(),
            os: "windows".into(),
            arch: "x86_64".into(),
            os_locale: "zh-CN".into(),
            data_dir: r"C:\Users\op\AppData\Roaming\com.maskline.desktop".into(),
            db_path: r"C:\Users\op\AppData\Roaming\com.maskline.desktop\maskline.db".into(),
            db_state: "ok".into(),
            log_dir: r"C:\Users\op\AppData\Local\com.maskline.desktop\logs".into(),
            last_errors: vec![
                "ERROR bind 13800138000 -> +86 171 0000 1234 failed".into(),
                "WARN account test: appSecret=Zx9-secret-value rejected".into(),
            ],
        };
        let text = text(&facts);
        for expected in [
            "0.1.0",
            "2.48.3",
            "windows x86_64",
            "zh-CN",
            r"AppData\Local\com.maskline.desktop\logs",
            "maskline.db (ok)",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
        assert!(text.contains("最近的警告和错误: 2"));
        for leaked in ["13800138000", "0000 1234", "Zx9-secret-value"] {
            assert!(!text.contains(leaked), "{leaked} leaked into:\n{text}");
        }
    }
}
