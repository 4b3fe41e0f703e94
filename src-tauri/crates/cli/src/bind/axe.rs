//! `maskline bind|modify|unbind|query axe …`

use clap::Args;
use maskline_services::ServiceError;
use maskline_services::bindings::{
    AxeBindRequest, AxeCallback, AxeKey, AxeModifyRequest, PhoneNumber, Session,
};
use serde_json::{Value, json};

use super::args::{Placement, Recording, phone};
use super::output::{self, Report};

/// Options of bind and modify.
#[derive(Args)]
pub struct Options {
    #[command(flatten)]
    recording: Recording,
    /// Tone A hears when calling X with nobody recent to call back.
    #[arg(long, value_name = "FILE", conflicts_with = "callback_num")]
    callback_tone: Option<String>,
    /// Number A reaches when calling X with nobody recent to call back.
    #[arg(long, value_name = "NUMBER", value_parser = phone)]
    callback_num: Option<PhoneNumber>,
    /// Lifetime of the binding in hours (0 = never expires).
    #[arg(long, value_name = "HOURS")]
    bind_expired_time: Option<u32>,
    /// How long A may call back the last caller, in hours (not above --bind-expired-time).
    #[arg(long, value_name = "HOURS")]
    callback_expired_time: Option<u32>,
    /// Free text returned in call events and CDRs.
    #[arg(long)]
    user_data: Option<String>,
}

impl Options {
    fn callback(&self) -> Option<AxeCallback> {
        match (&self.callback_tone, &self.callback_num) {
            (Some(t), _) => Some(AxeCallback::Tone(t.clone())),
            (None, Some(n)) => Some(AxeCallback::Number(n.clone())),
            (None, None) => None,
        }
    }
}

#[derive(Args)]
pub struct BindArgs {
    /// A, the number reached through X and the extension (bindNum).
    #[arg(long, value_parser = phone, visible_alias = "bind-num")]
    caller: PhoneNumber,
    #[command(flatten)]
    placement: Placement,
    /// The extension, 1–4 digits (default: the platform picks one).
    #[arg(long, visible_alias = "extend-num")]
    ext: Option<String>,
    #[command(flatten)]
    options: Options,
}

/// An AXE binding: by id, or by X and extension.
#[derive(Args)]
#[group(required = true, multiple = true)]
pub struct Key {
    /// The binding's subscription id.
    #[arg(long, conflicts_with_all = ["x", "ext"])]
    subscription_id: Option<String>,
    /// X (with --ext).
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone, requires = "ext",
          visible_alias = "virtual-num")]
    x: Option<PhoneNumber>,
    /// The extension (with --x).
    #[arg(long, requires = "x", visible_alias = "extend-num")]
    ext: Option<String>,
}

impl Key {
    fn key(self) -> AxeKey {
        match (self.subscription_id, self.x, self.ext) {
            (Some(id), _, _) => AxeKey::Subscription(id),
            (None, Some(virtual_num), Some(extend_num)) => AxeKey::Extension {
                virtual_num,
                extend_num,
            },
            _ => unreachable!("clap requires --subscription-id or --x with --ext"),
        }
    }
}

fn key_json(k: &AxeKey) -> Value {
    match k {
        AxeKey::Subscription(id) => json!({"subscriptionId": id}),
        AxeKey::Extension {
            virtual_num,
            extend_num,
        } => json!({"x": virtual_num.as_str(), "ext": extend_num}),
    }
}

#[derive(Args)]
pub struct ModifyArgs {
    #[command(flatten)]
    key: Key,
    #[command(flatten)]
    options: Options,
}

pub async fn bind(s: &Session, a: BindArgs) -> Result<Report, ServiceError> {
    let o = &a.options;
    let mut r = AxeBindRequest::new(a.caller);
    r.virtual_num = a.placement.x;
    r.area_code = a.placement.area_code;
    r.area_match_mode = a.placement.area_match_mode.map(Into::into);
    r.extend_num = a.ext;
    r.record = o.recording.record;
    r.record_hint_tone = o.recording.record_hint_tone.clone();
    r.callback = o.callback();
    r.bind_expired_hours = o.bind_expired_time;
    r.callback_expired_hours = o.callback_expired_time;
    r.user_data = o.user_data.clone();
    let b = s.axe_bind(&r).await?;
    Ok(Report::new(
        format!(
            "bound on X {} extension {}",
            b.virtual_num.as_deref().unwrap_or("?"),
            b.extend_num.as_deref().unwrap_or("?")
        ),
        output::axe(&b),
    ))
}

pub async fn modify(s: &Session, a: ModifyArgs) -> Result<Report, ServiceError> {
    let o = &a.options;
    let mut r = AxeModifyRequest::new(a.key.key());
    r.record = o.recording.record;
    r.record_hint_tone = o.recording.record_hint_tone.clone();
    r.callback = o.callback();
    r.bind_expired_hours = o.bind_expired_time;
    r.callback_expired_hours = o.callback_expired_time;
    r.user_data = o.user_data.clone();
    s.axe_modify(&r).await?;
    Ok(super::done("modified", key_json(&r.key)))
}

pub async fn unbind(s: &Session, k: Key) -> Result<Report, ServiceError> {
    let key = k.key();
    s.axe_unbind(&key).await?;
    Ok(super::done("unbound", key_json(&key)))
}

pub async fn query(s: &Session, k: Key) -> Result<Report, ServiceError> {
    let found = s.axe_query(&k.key()).await?;
    Ok(super::listed(found.iter().map(output::axe).collect()))
}
