//! Simulator configuration: apps (key, secret, mode, X numbers, callback targets), auth
//! policy, faults and call generation. Built from CLI flags, a TOML/JSON file, or defaults
//! (one demo app per mode, see the crate README).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::areas::AREAS;
use crate::model::faults::FaultRule;

/// Binding mode of an app; an app has exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Mode {
    Axb,
    Ax,
    Axe,
    Axyb,
}

impl Mode {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "AXB" => Some(Self::Axb),
            "AX" => Some(Self::Ax),
            "AXE" => Some(Self::Axe),
            "AXYB" => Some(Self::Axyb),
            _ => None,
        }
    }

    /// Mobile-virtual prefix used for generated X numbers of this mode.
    fn prefix(self) -> &'static str {
        match self {
            Self::Axb => "170",
            Self::Ax => "171",
            Self::Axe => "165",
            Self::Axyb => "167",
        }
    }
}

/// How callbacks are signed. WSSE (`X-WSSE`) by default: the one captured real platform push
/// (a 2022 AXB CDR, `shared/docs/privatenumber-api.md` §11–12, C-CDR) was verified by its
/// receiver as `X-WSSE` with SHA-256(Nonce+Created+Secret). AKSK stays available by config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CallbackAuth {
    Aksk,
    #[default]
    Wsse,
}

/// One private number (X) owned by an app, with its city code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct XNumber {
    pub number: String,
    pub area_code: String,
}

/// One PrivateNumber application.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppConfig {
    pub key: String,
    pub secret: String,
    pub mode: Mode,
    #[serde(default)]
    pub numbers: Vec<XNumber>,
    /// Receives call events and CDRs unless `event_url`/`fee_url` override it.
    #[serde(default)]
    pub callback_url: Option<String>,
    #[serde(default)]
    pub event_url: Option<String>,
    #[serde(default)]
    pub fee_url: Option<String>,
    /// Write notifications as JSON files here instead of POSTing them.
    #[serde(default)]
    pub deliver_dir: Option<PathBuf>,
    #[serde(default)]
    pub callback_auth: CallbackAuth,
    /// App-level recording switch (the console setting); bindings opt in with `recordFlag`.
    #[serde(default = "yes")]
    pub recording: bool,
    #[serde(default = "default_sp")]
    pub sp_id: String,
}

fn yes() -> bool {
    true
}

fn default_sp() -> String {
    "maskline_sim".into()
}

/// Authentication policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AuthPolicy {
    /// Accepted distance between `Created` and the platform clock.
    pub max_skew_secs: i64,
    /// Authentication failures from one IP that trigger the 1020176 lock.
    pub lock_threshold: u32,
    /// Lock length in simulated minutes.
    pub lock_minutes: i64,
}

impl Default for AuthPolicy {
    fn default() -> Self {
        Self {
            max_skew_secs: 300,
            lock_threshold: 10,
            lock_minutes: 30,
        }
    }
}

/// Everything `Simulator::start` needs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SimConfig {
    pub seed: u64,
    /// Simulated seconds per real second.
    pub time_factor: f64,
    /// Persist bindings and recordings metadata here; `None` keeps state in memory.
    pub data_dir: Option<PathBuf>,
    /// Port to bind on 127.0.0.1 (0 = any free port).
    pub port: u16,
    /// Apps; empty = the demo apps.
    pub apps: Vec<AppConfig>,
    pub auth: AuthPolicy,
    /// Faults active from the start.
    pub faults: Vec<FaultRule>,
    /// Generate calls for every app with bindings every this many simulated seconds.
    pub call_period_secs: Option<u64>,
    pub calls_per_period: u32,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            time_factor: 1.0,
            data_dir: None,
            port: 0,
            apps: Vec::new(),
            auth: AuthPolicy::default(),
            faults: Vec::new(),
            call_period_secs: None,
            calls_per_period: 5,
        }
    }
}

/// Configuration errors (bad flags or file).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("--app must be KEY:SECRET:MODE with MODE one of AXB, AX, AXE, AXYB; got {0:?}")]
    AppFlag(String),
    #[error("cannot read config file {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("invalid config file {0}: {1}")]
    Parse(PathBuf, String),
    #[error("invalid apps: {0}")]
    Apps(String),
}

impl SimConfig {
    /// Read a TOML (`.toml`) or JSON file with the same fields as this struct.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read(path.into(), e))?;
        let is_toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if is_toml {
            toml::from_str(&text).map_err(|e| ConfigError::Parse(path.into(), e.to_string()))
        } else {
            serde_json::from_str(&text).map_err(|e| ConfigError::Parse(path.into(), e.to_string()))
        }
    }

    /// The apps to serve: configured ones (numbers filled in where missing) or the demo set.
    pub(crate) fn effective_apps(&self) -> Result<Vec<AppConfig>, ConfigError> {
        let mut apps = if self.apps.is_empty() {
            demo_apps()
        } else {
            self.apps.clone()
        };
        for (i, app) in apps.iter_mut().enumerate() {
            if app.numbers.is_empty() {
                app.numbers = generated_numbers(app.mode, i);
            }
        }
        let mut seen = std::collections::HashSet::new();
        for app in &apps {
            if !seen.insert(app.key.clone()) {
                return Err(ConfigError::Apps(format!("duplicate app key {}", app.key)));
            }
        }
        let mut numbers = std::collections::HashSet::new();
        for n in apps.iter().flat_map(|a| a.numbers.iter()) {
            if !numbers.insert(n.number.clone()) {
                return Err(ConfigError::Apps(format!(
                    "number {} belongs to two apps",
                    n.number
                )));
            }
        }
        Ok(apps)
    }
}

/// Parse `KEY:SECRET:MODE`.
pub fn parse_app_flag(flag: &str) -> Result<AppConfig, ConfigError> {
    let mut parts = flag.splitn(3, ':');
    let (Some(key), Some(secret), Some(mode)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(ConfigError::AppFlag(flag.into()));
    };
    let mode = Mode::parse(mode).ok_or_else(|| ConfigError::AppFlag(flag.into()))?;
    if key.is_empty() || secret.is_empty() {
        return Err(ConfigError::AppFlag(flag.into()));
    }
    Ok(app(key, secret, mode))
}

fn app(key: &str, secret: &str, mode: Mode) -> AppConfig {
    AppConfig {
        key: key.into(),
        secret: secret.into(),
        mode,
        numbers: Vec::new(),
        callback_url: None,
        event_url: None,
        fee_url: None,
        deliver_dir: None,
        callback_auth: CallbackAuth::default(),
        recording: true,
        sp_id: default_sp(),
    }
}

/// One demo app per mode; keys, secrets and numbers are documented in the README.
pub fn demo_apps() -> Vec<AppConfig> {
    vec![
        app("demo-axb-key", "demo-axb-secret", Mode::Axb),
        app("demo-ax-key", "demo-ax-secret", Mode::Ax),
        app("demo-axe-key", "demo-axe-secret", Mode::Axe),
        app("demo-axyb-key", "demo-axyb-secret", Mode::Axyb),
    ]
}

/// Numbers for app number `index` of `mode`: `+86` + mode prefix + 4-digit area + app index +
/// 3-digit serial. Two numbers in every known area, four in 0755 and 010.
pub(crate) fn generated_numbers(mode: Mode, index: usize) -> Vec<XNumber> {
    let mut out = Vec::new();
    for (area, _) in AREAS {
        let count = if matches!(*area, "0755" | "010") {
            4
        } else {
            2
        };
        for serial in 0..count {
            out.push(XNumber {
                number: format!(
                    "+86{}{:0>4}{}{serial:03}",
                    mode.prefix(),
                    area.trim_start_matches('0'),
                    index % 10
                ),
                area_code: (*area).to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_flag_parses_and_rejects() {
        let a = parse_app_flag("k:s:axe").expect("valid flag");
        assert_eq!(
            (a.key.as_str(), a.secret.as_str(), a.mode),
            ("k", "s", Mode::Axe)
        );
        assert!(parse_app_flag("k:s").is_err());
        assert!(parse_app_flag("k:s:XYZ").is_err());
    }

    #[test]
    fn toml_config_file_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sim.toml");
        let text = r#"
seed = 9
timeFactor = 60.0
[auth]
lockThreshold = 3
[[apps]]
key = "k"
secret = "s"
mode = "AXE"
callbackUrl = "http://127.0.0.1:9/cb"
numbers = [{ number = "+8616500000001", areaCode = "0755" }]
"#;
        std::fs::write(&path, text).expect("write");
        let cfg = SimConfig::from_file(&path).expect("valid TOML config");
        assert_eq!((cfg.seed, cfg.auth.lock_threshold), (9, 3));
        let apps = cfg.effective_apps().expect("apps");
        assert_eq!(apps[0].mode, Mode::Axe);
        assert_eq!(apps[0].numbers.len(), 1, "explicit numbers are kept");
    }

    #[test]
    fn generated_numbers_are_e164_and_unique() {
        let cfg = SimConfig::default();
        let apps = cfg.effective_apps().expect("demo apps are consistent");
        assert_eq!(apps.len(), 4);
        for n in apps.iter().flat_map(|a| &a.numbers) {
            assert_eq!(n.number.len(), 14, "{} must be +86 and 11 digits", n.number);
        }
    }
}
