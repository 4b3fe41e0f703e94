//! `maskline bind|modify|unbind|query axb …`

use clap::Args;
use maskline_services::ServiceError;
use maskline_services::bindings::{
    AxbBindRequest, AxbModifyRequest, AxbQuery, AxbUnbind, Page, PhoneNumber, Session,
};
use serde_json::json;

use super::args::{CallOptions, Placement, phone};
use super::output::{self, Report};

#[derive(Args)]
pub struct BindArgs {
    /// A, the caller.
    #[arg(long, value_parser = phone)]
    caller: PhoneNumber,
    /// B, the callee.
    #[arg(long, value_parser = phone)]
    callee: PhoneNumber,
    #[command(flatten)]
    placement: Placement,
    /// Lifetime in seconds (0 = never expires, at most 7776000).
    #[arg(long, value_name = "SECONDS")]
    duration: Option<u32>,
    #[command(flatten)]
    options: CallOptions,
}

#[derive(Args)]
pub struct ModifyArgs {
    /// The binding to change.
    #[arg(long)]
    subscription_id: String,
    /// New A.
    #[arg(long, value_parser = phone)]
    caller: Option<PhoneNumber>,
    /// New B.
    #[arg(long, value_parser = phone)]
    callee: Option<PhoneNumber>,
    /// New lifetime in seconds, counted from now (0 = never expires).
    #[arg(long, value_name = "SECONDS")]
    duration: Option<u32>,
    #[command(flatten)]
    options: CallOptions,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct UnbindArgs {
    /// Remove this binding.
    #[arg(long)]
    subscription_id: Option<String>,
    /// Remove every binding on this X.
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone, visible_alias = "relation-num")]
    x: Option<PhoneNumber>,
}

#[derive(Args)]
pub struct QueryArgs {
    /// One binding by id.
    #[arg(long, required_unless_present = "x", conflicts_with = "x")]
    subscription_id: Option<String>,
    /// The bindings on this X.
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone, visible_alias = "relation-num")]
    x: Option<PhoneNumber>,
    /// With --x: only the binding with this A.
    #[arg(long, value_parser = phone, requires = "x")]
    caller: Option<PhoneNumber>,
    /// With --x: only the binding with this B.
    #[arg(long, value_parser = phone, requires = "x")]
    callee: Option<PhoneNumber>,
    /// With --x: page number, from 1.
    #[arg(long, default_value_t = 1, requires = "x")]
    page: u32,
    /// With --x: bindings per page, 10–100.
    #[arg(long, default_value_t = 50, requires = "x")]
    page_size: u32,
}

pub async fn bind(s: &Session, a: BindArgs) -> Result<Report, ServiceError> {
    let o = &a.options;
    let mut r = AxbBindRequest::new(a.caller, a.callee);
    r.relation_num = a.placement.x;
    r.area_code = a.placement.area_code;
    r.area_match_mode = a.placement.area_match_mode.map(Into::into);
    r.call_direction = o.direction();
    r.duration_secs = a.duration;
    r.max_duration_mins = o.max_duration;
    r.last_min_voice = o.last_min_voice.clone();
    r.record = o.recording.record;
    r.record_hint_tone = o.recording.record_hint_tone.clone();
    r.private_sms = o.private_sms;
    r.pre_voice = o.pre_voice();
    r.user_data = o.user_data.clone();
    let (id, x, lost) = match output::confirmed_bind(s.axb_bind(&r).await)? {
        Ok(b) => (b.subscription_id, b.relation_num, false),
        Err((id, x)) => (id, x.unwrap_or_default(), true),
    };
    Ok(Report::new(
        format!("bound on X {x}"),
        json!({"subscriptionId": id, "x": x, "answerLost": lost}),
    ))
}

pub async fn modify(s: &Session, a: ModifyArgs) -> Result<Report, ServiceError> {
    let o = &a.options;
    let r = AxbModifyRequest {
        subscription_id: a.subscription_id.clone(),
        caller: a.caller,
        callee: a.callee,
        call_direction: o.direction(),
        duration_secs: a.duration,
        max_duration_mins: o.max_duration,
        last_min_voice: o.last_min_voice.clone(),
        record: o.recording.record,
        record_hint_tone: o.recording.record_hint_tone.clone(),
        private_sms: o.private_sms,
        pre_voice: o.pre_voice(),
        user_data: o.user_data.clone(),
    };
    s.axb_modify(&r).await?;
    Ok(super::done(
        "modified",
        json!({"subscriptionId": a.subscription_id}),
    ))
}

pub async fn unbind(s: &Session, a: UnbindArgs) -> Result<Report, ServiceError> {
    let (req, what) = match (a.subscription_id, a.x) {
        (Some(id), _) => (
            AxbUnbind::Subscription(id.clone()),
            json!({"subscriptionId": id}),
        ),
        (None, Some(x)) => (
            AxbUnbind::AllOnNumber(x.clone()),
            json!({"x": x.as_str(), "allOnX": true}),
        ),
        (None, None) => unreachable!("clap requires one of them"),
    };
    s.axb_unbind(&req).await?;
    Ok(super::done("unbound", what))
}

pub async fn query(s: &Session, a: QueryArgs) -> Result<Report, ServiceError> {
    let q = match (a.subscription_id, a.x) {
        (Some(id), _) => AxbQuery::Subscription(id),
        (None, Some(x)) => AxbQuery::Number {
            relation_num: x,
            caller: a.caller,
            callee: a.callee,
            page: Page {
                index: a.page,
                size: a.page_size,
            },
        },
        (None, None) => unreachable!("clap requires one of them"),
    };
    let p = s.axb_query(&q).await?;
    let bindings: Vec<_> = p.bindings.iter().map(output::axb).collect();
    Ok(Report::new(
        format!(
            "{} binding(s) in all; page {} shows {}",
            p.total_count,
            p.page_index,
            bindings.len()
        ),
        json!({
            "totalCount": p.total_count, "pageIndex": p.page_index, "pageSize": p.page_size,
            "bindings": bindings,
        }),
    ))
}
