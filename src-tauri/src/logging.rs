//! The app's log: a daily-rotated file in the OS log folder (kept 14 days) plus stderr, and
//! the last warnings and errors kept in memory for About → "Copy diagnostics".
//!
//! Everything written passes through [`redact`]: digit runs that could be a phone number and
//! the values of secret-looking fields never reach the file, the console or the diagnostics.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use regex::Regex;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, filter::LevelFilter};

/// How many warnings and errors "Copy diagnostics" shows.
pub const LAST_ERRORS: usize = 20;
/// Daily files kept in the log folder.
const KEEP_FILES: usize = 14;

/// The OS log folder, as Tauri's `app_log_dir` resolves it: `~/Library/Logs/<id>` on macOS,
/// `<local data>/<id>/logs` on Windows (`%LOCALAPPDATA%`) and Linux (`$XDG_DATA_HOME`).
pub fn log_dir() -> Option<PathBuf> {
    let id = maskline_services::paths::APP_IDENTIFIER;
    if cfg!(target_os = "macos") {
        dirs::home_dir().map(|h| h.join("Library").join("Logs").join(id))
    } else {
        dirs::data_local_dir().map(|d| d.join(id).join("logs"))
    }
}

/// Digit runs of 7 or more (single spaces allowed between digits, an optional leading +):
/// phone numbers in any of the forms operators paste. Dates and times have shorter runs.
static NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\+?\d(?: ?\d){6,}").ok());
/// `name=value` / `name: value` / `name="value"` where the name says secret.
static SECRET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\b(app_?secret|app_?key|secret|password|passphrase|passworddigest|token|authorization|x-wsse|nonce)(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;]+)"#,
    )
    .ok()
});

/// Masks phone-number-like digit runs and the values of secret-looking fields.
/// When a pattern cannot be built (it always can) every digit is masked rather than none.
pub fn redact(text: &str) -> String {
    let step = match SECRET.as_ref() {
        Some(re) => re.replace_all(text, "${1}${2}[redacted]").into_owned(),
        None => {
            return text
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
        }
    };
    match NUMBER.as_ref() {
        Some(re) => re.replace_all(&step, "[number]").into_owned(),
        None => step
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect(),
    }
}

/// A writer that collects one formatted event and hands it on redacted when dropped
/// (the fmt layer makes one writer per event).
pub struct Redacting<M>(pub M);

pub struct RedactingWriter<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;
    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            inner: self.0.make_writer(),
            buf: Vec::new(),
        }
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let text = redact(&String::from_utf8_lossy(&self.buf));
        // A log line that cannot be written is dropped; logging must never stop the app.
        let _ = self.inner.write_all(text.as_bytes());
        let _ = self.inner.flush();
    }
}

static RECENT: Mutex<VecDeque<String>> = Mutex::new(VecDeque::new());

/// The last warnings and errors, oldest first, already redacted.
pub fn last_errors() -> Vec<String> {
    RECENT
        .lock()
        .map(|r| r.iter().cloned().collect())
        .unwrap_or_default()
}

/// Keeps the last [`LAST_ERRORS`] lines written to it.
#[derive(Clone, Copy, Default)]
pub struct Recent;

impl Write for Recent {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let line = String::from_utf8_lossy(data).trim_end().to_string();
        if !line.is_empty()
            && let Ok(mut recent) = RECENT.lock()
        {
            if recent.len() == LAST_ERRORS {
                recent.pop_front();
            }
            recent.push_back(line);
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Recent {
    type Writer = Recent;
    fn make_writer(&'a self) -> Recent {
        Recent
    }
}

/// The rotating file in `dir`.
pub fn file_appender(dir: &Path) -> Result<RollingFileAppender, String> {
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("maskline")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(|e| e.to_string())
}

/// The layers Maskline logs through: stderr, the file in `dir` (when it can be created) and
/// the in-memory last errors. Returns why the file could not be opened, if it could not.
pub fn subscriber(
    filter: EnvFilter,
    dir: Option<&Path>,
) -> (impl tracing::Subscriber + Send + Sync, Option<String>) {
    let (file, file_error) = match dir.map(file_appender) {
        Some(Ok(appender)) => (Some(appender), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, Some("no log folder on this system".to_string())),
    };
    let file_layer = file.map(|appender| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(Redacting(appender))
    });
    let recent = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_target(false)
        .with_writer(Redacting(Recent))
        .with_filter(LevelFilter::WARN);
    let stderr = tracing_subscriber::fmt::layer().with_writer(Redacting(io::stderr));
    let subscriber = tracing_subscriber::registry()
        .with(filter)
        .with(stderr)
        .with(file_layer)
        .with(recent);
    (subscriber, file_error)
}

/// Installs the app's logging (once, at start-up).
pub fn init() {
    let filter = EnvFilter::try_from_env("MASKLINE_LOG").unwrap_or_else(|_| "info".into());
    let dir = log_dir();
    if let Some(d) = &dir {
        let _ = std::fs::create_dir_all(d);
    }
    let (subscriber, file_error) = subscriber(filter, dir.as_deref());
    if subscriber.try_init().is_err() {
        return;
    }
    match (file_error, dir) {
        (Some(e), _) => tracing::warn!("no log file: {e}"),
        (None, Some(d)) => tracing::info!("log folder: {}", d.display()),
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_and_secret_values_are_masked() {
        let line = "2026-12-07T18:33:30.123456Z WARN bind failed for 13800138000 (+86 138 0013 8000), \
                    appSecret=s3cr3tValue password: \"hunter2\" X-WSSE: UsernameToken; took 250 ms";
        let out = redact(line);
        assert!(!out.contains("13800138000"), "{out}");
        assert!(!out.contains("0013 8000"), "{out}");
        assert!(!out.contains("s3cr3tValue"), "{out}");
        assert!(!out.contains("hunter2"), "{out}");
        assert!(
            out.starts_with("2026-12-07T18:33:30.123456Z WARN"),
            "dates and times stay: {out}"
        );
        assert!(out.contains("took 250 ms"), "short numbers stay: {out}");
        assert!(out.contains("[number]"), "{out}");
    }

    #[test]
    fn the_log_file_rotates_and_holds_no_number_or_secret() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (subscriber, error) = subscriber(EnvFilter::new("info"), Some(dir.path()));
        assert_eq!(error, None);
        tracing::subscriber::with_default(subscriber, || {
            tracing::error!("binding 13912345678 failed: token=abc.def.ghi");
            tracing::info!("fine");
        });
        let files: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read_dir")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let name = files[0]
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(
            name.starts_with("maskline.") && name.ends_with(".log"),
            "dated file: {name}"
        );
        let text = std::fs::read_to_string(&files[0]).expect("log file");
        assert!(
            text.contains("binding [number] failed: token=[redacted]"),
            "{text}"
        );
        assert!(
            !text.contains("13912345678") && !text.contains("abc.def.ghi"),
            "{text}"
        );
        let recent = last_errors();
        assert!(
            recent.iter().any(|l| l.contains("binding [number] failed")),
            "errors are kept for the diagnostics: {recent:?}"
        );
        assert!(
            !recent.iter().any(|l| l.contains("fine")),
            "info lines are not: {recent:?}"
        );
    }

    #[test]
    fn log_dir_is_the_os_log_folder_for_the_bundle_identifier() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json");
        assert_eq!(conf["identifier"], maskline_services::paths::APP_IDENTIFIER);
        if let Some(dir) = log_dir() {
            assert!(
                dir.to_string_lossy()
                    .contains(maskline_services::paths::APP_IDENTIFIER)
            );
        }
    }
}
