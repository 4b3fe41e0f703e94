//! `maskline bind|modify|unbind|query ax …` and `maskline ax temp-callee …`

use clap::{Args, Subcommand};
use maskline_services::ServiceError;
use maskline_services::bindings::{
    AxBindRequest, AxKey, AxModifyRequest, AxQuery, AxTempCalleeRequest, PhoneNumber, Session,
};
use serde_json::{Value, json};

use super::args::{CallOptions, Placement, phone};
use super::output::{self, Report};

#[derive(Args)]
pub struct BindArgs {
    /// A, the owner of X (origNum).
    #[arg(long, value_parser = phone, visible_alias = "orig-num")]
    caller: PhoneNumber,
    #[command(flatten)]
    placement: Placement,
    /// Show X to the callee: "0" or "1" (calleeNumDisplay).
    #[arg(long, value_name = "0|1")]
    callee_num_display: Option<String>,
    /// Bind with the private number switched off (turnFlag "off"): calls to X are not put
    /// through until it is switched on. Without it the platform binds it switched on.
    #[arg(long)]
    switched_off: bool,
    #[command(flatten)]
    options: CallOptions,
}

/// An AX binding: by id, or by A and X.
#[derive(Args)]
#[group(required = true, multiple = true)]
pub struct Key {
    /// The binding's subscription id.
    #[arg(long, conflicts_with_all = ["caller", "x"])]
    subscription_id: Option<String>,
    /// A (with --x).
    #[arg(long, value_parser = phone, requires = "x", visible_alias = "orig-num")]
    caller: Option<PhoneNumber>,
    /// X (with --caller).
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone, requires = "caller",
          visible_alias = "private-num")]
    x: Option<PhoneNumber>,
}

impl Key {
    fn key(self) -> AxKey {
        match (self.subscription_id, self.caller, self.x) {
            (Some(id), _, _) => AxKey::Subscription(id),
            (None, Some(orig), Some(private_num)) => AxKey::Pair { orig, private_num },
            _ => unreachable!("clap requires --subscription-id or --caller with --x"),
        }
    }
}

fn key_json(k: &AxKey) -> Value {
    match k {
        AxKey::Subscription(id) => json!({"subscriptionId": id}),
        AxKey::Pair { orig, private_num } => {
            json!({"caller": orig.as_str(), "x": private_num.as_str()})
        }
    }
}

#[derive(Args)]
pub struct ModifyArgs {
    #[command(flatten)]
    key: Key,
    /// Show X to the callee: "0" or "1".
    #[arg(long, value_name = "0|1")]
    callee_num_display: Option<String>,
    #[command(flatten)]
    options: CallOptions,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct QueryArgs {
    /// By subscription id.
    #[arg(long)]
    subscription_id: Option<String>,
    /// The binding of this A.
    #[arg(long, value_parser = phone, visible_alias = "orig-num")]
    caller: Option<PhoneNumber>,
    /// The binding on this X.
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone, visible_alias = "private-num")]
    x: Option<PhoneNumber>,
}

/// AX-only operations.
#[derive(Subcommand)]
pub enum AxCommand {
    /// Send A's own calls to X to a temporary callee for a while (default 60 s).
    TempCallee(TempCalleeArgs),
}

#[derive(Args)]
pub struct TempCalleeArgs {
    #[command(flatten)]
    key: Key,
    /// Where A's calls to X go: a mobile, fixed-line, 400 or 95 number (not A).
    #[arg(long, value_parser = phone)]
    callee: PhoneNumber,
    /// For how many seconds (1–259200; platform default 60).
    #[arg(long, value_name = "SECONDS")]
    duration: Option<u32>,
    /// Free text returned in call events and CDRs.
    #[arg(long)]
    user_data: Option<String>,
}

pub async fn bind(s: &Session, a: BindArgs) -> Result<Report, ServiceError> {
    let o = &a.options;
    let mut r = AxBindRequest::new(a.caller);
    r.private_num = a.placement.x;
    r.area_code = a.placement.area_code;
    r.area_match_mode = a.placement.area_match_mode.map(Into::into);
    r.call_direction = o.direction();
    r.record = o.recording.record;
    r.record_hint_tone = o.recording.record_hint_tone.clone();
    r.callee_num_display = a.callee_num_display;
    r.private_sms = o.private_sms;
    r.pre_voice = o.pre_voice();
    r.max_duration_mins = o.max_duration;
    r.last_min_voice = o.last_min_voice.clone();
    r.user_data = o.user_data.clone();
    r.turn_flag = a.switched_off.then_some(false);
    let caller = r.orig.to_string();
    let (id, x, lost) = match output::confirmed_bind(s.ax_bind(&r).await)? {
        Ok(b) => (b.subscription_id, b.private_num, false),
        Err((id, x)) => (id, x.unwrap_or_default(), true),
    };
    Ok(Report::new(
        format!("bound on X {x}"),
        json!({"subscriptionId": id, "caller": caller, "x": x, "answerLost": lost}),
    ))
}

pub async fn modify(s: &Session, a: ModifyArgs) -> Result<Report, ServiceError> {
    let o = &a.options;
    let mut r = AxModifyRequest::new(a.key.key());
    r.call_direction = o.direction();
    r.record = o.recording.record;
    r.record_hint_tone = o.recording.record_hint_tone.clone();
    r.callee_num_display = a.callee_num_display;
    r.private_sms = o.private_sms;
    r.pre_voice = o.pre_voice();
    r.max_duration_mins = o.max_duration;
    r.last_min_voice = o.last_min_voice.clone();
    r.user_data = o.user_data.clone();
    s.ax_modify(&r).await?;
    Ok(super::done("modified", key_json(&r.key)))
}

pub async fn unbind(s: &Session, k: Key) -> Result<Report, ServiceError> {
    let key = k.key();
    s.ax_unbind(&key).await?;
    Ok(super::done("unbound", key_json(&key)))
}

pub async fn query(s: &Session, a: QueryArgs) -> Result<Report, ServiceError> {
    let q = match (a.subscription_id, a.caller, a.x) {
        (Some(id), _, _) => AxQuery::Subscription(id),
        (None, Some(orig), _) => AxQuery::Orig(orig),
        (None, None, Some(x)) => AxQuery::PrivateNum(x),
        (None, None, None) => unreachable!("clap requires one of them"),
    };
    let found = s.ax_query(&q).await?;
    let bindings: Vec<_> = found.iter().map(output::ax).collect();
    Ok(super::listed(bindings))
}

pub async fn temp_callee(s: &Session, a: TempCalleeArgs) -> Result<Report, ServiceError> {
    let r = AxTempCalleeRequest {
        key: a.key.key(),
        callee: a.callee,
        duration_secs: a.duration,
        user_data: a.user_data,
    };
    s.ax_set_temp_callee(&r).await?;
    let mut v = key_json(&r.key);
    v["tempCallee"] = r.callee.as_str().into();
    v["duration"] = r.duration_secs.into();
    Ok(super::done("temporary callee set", v))
}
