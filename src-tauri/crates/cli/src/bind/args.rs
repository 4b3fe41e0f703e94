//! Flags shared by the binding commands, and their conversion to API values.

use clap::{Args, ValueEnum};
use maskline_services::bindings::{AreaMatchMode, CallDirection, PhoneNumber, PlayInfo};

/// Accepts a number in any form `PhoneNumber::parse` does (`138…`, `+86138…`, `0755…`).
pub fn phone(s: &str) -> Result<PhoneNumber, String> {
    PhoneNumber::parse(s).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, ValueEnum)]
pub enum AreaMatchArg {
    /// Only the given city; fail if it has no free number.
    Strict,
    /// The same province first, then any of the app's numbers.
    Province,
}

impl From<AreaMatchArg> for AreaMatchMode {
    fn from(a: AreaMatchArg) -> Self {
        match a {
            AreaMatchArg::Strict => AreaMatchMode::Strict,
            AreaMatchArg::Province => AreaMatchMode::Relaxed,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DirectionArg {
    /// Both parties may call.
    Both,
    /// Only A (the caller) may call.
    AToB,
    /// Only B (or, in AX, anyone but A) may call.
    BToA,
}

impl From<DirectionArg> for CallDirection {
    fn from(d: DirectionArg) -> Self {
        match d {
            DirectionArg::Both => CallDirection::Both,
            DirectionArg::AToB => CallDirection::CallerToCallee,
            DirectionArg::BToA => CallDirection::CalleeToCaller,
        }
    }
}

/// Which private number to bind: a given X, or a free one of a city.
#[derive(Args)]
pub struct Placement {
    /// The private number X to bind (relationNum / privateNum / virtualNum).
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone,
          visible_alias = "relation-num", aliases = ["private-num", "virtual-num"])]
    pub x: Option<PhoneNumber>,
    /// Pick a free X of this city code (e.g. 0755) instead.
    #[arg(long, value_name = "CODE", conflicts_with = "x")]
    pub area_code: Option<String>,
    /// How strictly --area-code is matched.
    #[arg(long, value_enum, requires = "area_code")]
    pub area_match_mode: Option<AreaMatchArg>,
}

/// Recording switch and its notice tone.
#[derive(Args)]
pub struct Recording {
    /// Record calls (`--record` alone means true; `--record false` switches it off).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub record: Option<bool>,
    /// Tone file telling callers the call is recorded (carriers require it with --record).
    #[arg(long, value_name = "FILE")]
    pub record_hint_tone: Option<String>,
}

/// Per-call options of AXB and AX bindings.
#[derive(Args)]
pub struct CallOptions {
    /// Who may call whom.
    #[arg(long, value_enum)]
    pub call_direction: Option<DirectionArg>,
    /// Longest call in minutes (0 = unlimited, at most 1440).
    #[arg(long, value_name = "MINUTES")]
    pub max_duration: Option<u32>,
    /// Tone played one minute before --max-duration ends.
    #[arg(long, value_name = "FILE")]
    pub last_min_voice: Option<String>,
    /// Relay SMS through X (`--private-sms` alone means true).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub private_sms: Option<bool>,
    /// Wait tone played to A when A calls X.
    #[arg(long, value_name = "FILE")]
    pub caller_hint_tone: Option<String>,
    /// Wait tone played to B (in AX: anyone but A) when calling X.
    #[arg(long, value_name = "FILE")]
    pub callee_hint_tone: Option<String>,
    #[command(flatten)]
    pub recording: Recording,
    /// Free text returned in call events and CDRs.
    #[arg(long)]
    pub user_data: Option<String>,
}

impl CallOptions {
    pub fn direction(&self) -> Option<CallDirection> {
        self.call_direction.map(Into::into)
    }

    pub fn pre_voice(&self) -> Option<PlayInfo> {
        (self.caller_hint_tone.is_some() || self.callee_hint_tone.is_some()).then(|| PlayInfo {
            caller_hint_tone: self.caller_hint_tone.clone(),
            callee_hint_tone: self.callee_hint_tone.clone(),
        })
    }
}
