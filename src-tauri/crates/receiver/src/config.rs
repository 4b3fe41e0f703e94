//! The receiver's TOML configuration and its checks. Every key is documented in the crate
//! README and in `receiver.example.toml`. Secrets are never in this file: each app names the
//! OS keyring entry of a Maskline account, or a file readable only by its owner.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Default path of call-event pushes (the console's 呼叫状态接收地址 ends with it).
pub const DEFAULT_EVENTS_PATH: &str = "/maskline/events";
/// Default path of CDR pushes (the console's 呼叫话单接收地址 ends with it).
pub const DEFAULT_CDR_PATH: &str = "/maskline/cdr";
/// File name of the configuration in the app-data folder when `--config` is not given.
pub const DEFAULT_CONFIG_FILE: &str = "receiver.toml";

/// A problem found in the configuration: one English and one Chinese sentence saying the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub en: String,
    pub zh: String,
}

impl Problem {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\n{}", self.en, self.zh)
    }
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `IP:port` to listen on, e.g. `0.0.0.0:8443` (with `[tls]`) or `127.0.0.1:8080`.
    pub listen: String,
    /// TLS certificate and key files (PEM). Without it only a loopback `listen` is allowed.
    pub tls: Option<TlsFiles>,
    /// The SQLite database; default: the desktop app's file for the user running the receiver.
    pub database: Option<PathBuf>,
    #[serde(default)]
    pub paths: Paths,
    /// Accepted distance between a push's `Created` and this machine's clock, in seconds.
    #[serde(default = "default_skew")]
    pub max_skew_secs: i64,
    /// Largest push body accepted, in bytes.
    #[serde(default = "default_body")]
    pub max_body_bytes: usize,
    /// How often the counters are written to the log, in seconds (0 = never).
    #[serde(default = "default_log_secs")]
    pub status_log_secs: u64,
    /// How many of the last refusals the status endpoint keeps.
    #[serde(default = "default_refusals")]
    pub keep_refusals: usize,
    /// Whether `/status` answers requests from other machines (default: loopback only).
    #[serde(default)]
    pub status_from_anywhere: bool,
    #[serde(default)]
    pub apps: Vec<AppEntry>,
}

fn default_skew() -> i64 {
    300
}
fn default_body() -> usize {
    1 << 20
}
fn default_log_secs() -> u64 {
    60
}
fn default_refusals() -> usize {
    50
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paths {
    #[serde(default = "default_events")]
    pub events: String,
    #[serde(default = "default_cdr")]
    pub cdr: String,
}

fn default_events() -> String {
    DEFAULT_EVENTS_PATH.into()
}
fn default_cdr() -> String {
    DEFAULT_CDR_PATH.into()
}

impl Default for Paths {
    fn default() -> Self {
        Self {
            events: default_events(),
            cdr: default_cdr(),
        }
    }
}

/// How an app signs its pushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    Wsse,
    Aksk,
}

/// One platform app whose pushes are accepted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppEntry {
    pub app_key: String,
    pub scheme: Scheme,
    /// The Maskline account (its name in the app) whose keyring entry holds this app's secret.
    pub keyring_account: Option<String>,
    /// A file holding only the secret, readable by its owner only.
    pub secret_file: Option<PathBuf>,
}

/// Why the file could not be read at all.
pub fn load(path: &Path) -> Result<Config, Problem> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Problem::new(
            format!("cannot read the configuration {}: {e}", path.display()),
            format!("无法读取配置文件 {}:{e}", path.display()),
        )
    })?;
    toml::from_str(&text).map_err(|e| {
        let msg = e.message().to_string();
        let at = e
            .span()
            .map(|s| {
                let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                format!(" (line {line})")
            })
            .unwrap_or_default();
        let at_zh = e
            .span()
            .map(|s| {
                let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                format!("(第 {line} 行)")
            })
            .unwrap_or_default();
        Problem::new(
            format!(
                "the configuration {} is not valid TOML or has an unknown key{at}: {msg}",
                path.display()
            ),
            format!(
                "配置文件 {} 不是有效的 TOML,或含有未知的键{at_zh}:{msg}",
                path.display()
            ),
        )
    })
}

/// The listen address, when it parses.
pub fn listen_addr(c: &Config) -> Result<SocketAddr, Problem> {
    c.listen.trim().parse::<SocketAddr>().map_err(|_| {
        Problem::new(
            format!(
                "listen = {:?} is not an IP address and port, e.g. \"0.0.0.0:8443\" or \"127.0.0.1:8080\"",
                c.listen
            ),
            format!(
                "listen = {:?} 不是“IP 地址:端口”,例如 \"0.0.0.0:8443\" 或 \"127.0.0.1:8080\"",
                c.listen
            ),
        )
    })
}

/// The refusal of plain HTTP on an address other machines can reach.
pub fn plain_http_problem(addr: SocketAddr) -> Problem {
    Problem::new(
        format!(
            "listen = \"{addr}\" without [tls] would accept pushes in plain HTTP from the network; plain HTTP is only allowed on a loopback address (127.0.0.1 or ::1, behind a reverse proxy that does TLS). Add a [tls] section with cert and key files, or listen on 127.0.0.1"
        ),
        format!(
            "listen = \"{addr}\" 且没有 [tls]:将以明文 HTTP 接收来自网络的推送;明文 HTTP 只允许在本机回环地址(127.0.0.1 或 ::1,由做 TLS 的反向代理转发)上使用。请添加包含 cert 和 key 文件的 [tls] 段,或监听 127.0.0.1"
        ),
    )
}

/// Checks that need no database, keyring or file content: addresses, paths, app entries.
pub fn static_problems(c: &Config) -> Vec<Problem> {
    let mut out = Vec::new();
    match listen_addr(c) {
        Ok(addr) if c.tls.is_none() && !addr.ip().is_loopback() => {
            out.push(plain_http_problem(addr))
        }
        Ok(_) => {}
        Err(p) => out.push(p),
    }
    for (name, p) in [("events", &c.paths.events), ("cdr", &c.paths.cdr)] {
        if !p.starts_with('/') || p.contains(char::is_whitespace) || p.contains('?') {
            out.push(Problem::new(
                format!("paths.{name} = {p:?} must start with / and hold no spaces or '?', e.g. \"/maskline/{name}\""),
                format!("paths.{name} = {p:?} 必须以 / 开头,且不能含空格或“?”,例如 \"/maskline/{name}\""),
            ));
        }
        if p == "/healthz" || p == "/status" {
            out.push(Problem::new(
                format!(
                    "paths.{name} = {p:?} is taken by the receiver itself; choose another path"
                ),
                format!("paths.{name} = {p:?} 已被接收程序自身使用,请换一个路径"),
            ));
        }
    }
    if c.paths.events == c.paths.cdr {
        out.push(Problem::new(
            format!("paths.events and paths.cdr are both {:?}; give the call events and the CDRs different paths", c.paths.events),
            format!("paths.events 与 paths.cdr 都是 {:?};呼叫事件和话单需要不同的路径", c.paths.events),
        ));
    }
    if c.max_skew_secs < 1 || c.max_skew_secs > 3600 {
        out.push(Problem::new(
            format!(
                "max_skew_secs = {} must be 1 to 3600 (the platform's own window is 300)",
                c.max_skew_secs
            ),
            format!(
                "max_skew_secs = {} 必须在 1 到 3600 之间(平台自身的时间窗为 300)",
                c.max_skew_secs
            ),
        ));
    }
    if c.max_body_bytes < 1024 {
        out.push(Problem::new(
            format!("max_body_bytes = {} is too small for a CDR batch; use at least 1024 (default 1048576)", c.max_body_bytes),
            format!("max_body_bytes = {} 太小,容不下一批话单;至少 1024(默认 1048576)", c.max_body_bytes),
        ));
    }
    if c.apps.is_empty() {
        out.push(Problem::new(
            "no [[apps]]: add one entry per platform app whose pushes this receiver accepts (app_key, scheme, and keyring_account or secret_file)",
            "没有 [[apps]]:请为每个要接收推送的平台应用添加一项(app_key、scheme,以及 keyring_account 或 secret_file)",
        ));
    }
    let mut seen = HashSet::new();
    for (i, a) in c.apps.iter().enumerate() {
        let n = i + 1;
        if a.app_key.trim().is_empty() {
            out.push(Problem::new(
                format!("apps #{n}: app_key is empty"),
                format!("第 {n} 个应用:app_key 为空"),
            ));
        } else if !seen.insert(a.app_key.clone()) {
            out.push(Problem::new(
                format!("apps #{n}: app_key {:?} is listed twice", a.app_key),
                format!("第 {n} 个应用:app_key {:?} 重复出现", a.app_key),
            ));
        }
        match (&a.keyring_account, &a.secret_file) {
            (Some(_), Some(_)) => out.push(Problem::new(
                format!("apps #{n} ({}): give keyring_account or secret_file, not both", a.app_key),
                format!("第 {n} 个应用({}):keyring_account 与 secret_file 只能填一个", a.app_key),
            )),
            (None, None) => out.push(Problem::new(
                format!("apps #{n} ({}): say where its secret is: keyring_account = \"<the account's name in Maskline>\" or secret_file = \"<a file only its owner can read>\"", a.app_key),
                format!("第 {n} 个应用({}):请说明密钥在哪里:keyring_account = \"<该账号在 Maskline 中的名称>\" 或 secret_file = \"<仅所有者可读的文件>\"", a.app_key),
            )),
            _ => {}
        }
    }
    out
}

/// Reads a secret file: refused when group or others can read it (Unix), when empty, or when
/// unreadable. Trailing line breaks and spaces are not part of the secret.
pub fn read_secret_file(path: &Path) -> Result<String, Problem> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Problem::new(
            format!("cannot read the secret file {}: {e}", path.display()),
            format!("无法读取密钥文件 {}:{e}", path.display()),
        )
    })?;
    if !meta.is_file() {
        return Err(Problem::new(
            format!("the secret file {} is not a regular file", path.display()),
            format!("密钥文件 {} 不是普通文件", path.display()),
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(Problem::new(
                format!(
                    "the secret file {} can be read by other users (mode {mode:03o}); run: chmod 600 {}",
                    path.display(),
                    path.display()
                ),
                format!(
                    "密钥文件 {} 可被其他用户读取(权限 {mode:03o});请运行:chmod 600 {}",
                    path.display(),
                    path.display()
                ),
            ));
        }
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        Problem::new(
            format!("cannot read the secret file {}: {e}", path.display()),
            format!("无法读取密钥文件 {}:{e}", path.display()),
        )
    })?;
    let secret = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .trim_end()
        .to_string();
    if secret.is_empty() {
        return Err(Problem::new(
            format!("the secret file {} is empty", path.display()),
            format!("密钥文件 {} 是空的", path.display()),
        ));
    }
    Ok(secret)
}

/// The database file: the configured one, else the desktop app's default for this user.
pub fn database_path(c: &Config) -> Result<PathBuf, Problem> {
    match &c.database {
        Some(p) => Ok(p.clone()),
        None => maskline_services::paths::default_data_dir()
            .map(|d| maskline_services::paths::db_path_in(&d))
            .ok_or_else(|| {
                Problem::new(
                    "cannot find the app-data folder of this user; set database = \"<path of maskline.db>\"",
                    "找不到当前用户的应用数据文件夹;请设置 database = \"<maskline.db 的路径>\"",
                )
            }),
    }
}

/// The configuration file used when `--config` is not given.
pub fn default_config_path() -> Option<PathBuf> {
    maskline_services::paths::default_data_dir().map(|d| d.join(DEFAULT_CONFIG_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Config {
        toml::from_str(s).expect("valid toml")
    }

    #[test]
    fn plain_http_is_refused_off_loopback_and_allowed_on_it() {
        let app = "[[apps]]\napp_key = \"k\"\nscheme = \"wsse\"\nsecret_file = \"s\"\n";
        let off = parse(&format!("listen = \"0.0.0.0:8080\"\n{app}"));
        let p = static_problems(&off);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].en.contains("plain HTTP") && p[0].zh.contains("明文"),
            "{p:?}"
        );
        let on = parse(&format!("listen = \"127.0.0.1:8080\"\n{app}"));
        assert!(static_problems(&on).is_empty());
        let v6 = parse(&format!("listen = \"[::1]:8080\"\n{app}"));
        assert!(static_problems(&v6).is_empty());
        let tls = parse(&format!(
            "listen = \"0.0.0.0:8443\"\n[tls]\ncert = \"c\"\nkey = \"k\"\n{app}"
        ));
        assert!(static_problems(&tls).is_empty());
    }

    #[test]
    fn an_app_needs_exactly_one_secret_source() {
        let c = parse(
            "listen = \"127.0.0.1:1\"\n[[apps]]\napp_key = \"k\"\nscheme = \"aksk\"\n[[apps]]\napp_key = \"k\"\nscheme = \"wsse\"\nsecret_file = \"a\"\nkeyring_account = \"b\"\n",
        );
        let p = static_problems(&c);
        assert_eq!(p.len(), 3, "{p:?}");
    }

    #[test]
    fn the_example_configuration_is_valid() {
        let c = parse(include_str!("../receiver.example.toml"));
        assert!(static_problems(&c).is_empty(), "{:?}", static_problems(&c));
        assert_eq!(c.apps.len(), 2);
        assert_eq!(c.paths.events, DEFAULT_EVENTS_PATH);
        assert_eq!(c.max_skew_secs, 300);
    }

    #[cfg(unix)]
    #[test]
    fn a_secret_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let f = dir.path().join("s");
        std::fs::write(&f, "s3cr3t\n").expect("write");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let e = read_secret_file(&f).expect_err("group-readable");
        assert!(e.en.contains("chmod 600"), "{e}");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_eq!(read_secret_file(&f).expect("owner only"), "s3cr3t");
    }
}
