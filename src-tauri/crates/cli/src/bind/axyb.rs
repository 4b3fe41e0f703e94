//! `maskline bind|unbind|query axyb …` (the platform has no AXYB modify).

use clap::Args;
use maskline_services::ServiceError;
use maskline_services::bindings::{
    AxybAxRequest, AxybQuery, AxybUnbind, AxybYbRequest, PhoneNumber, Session, YbStep,
};
use serde_json::json;

use super::args::{AreaMatchArg, DirectionArg, Recording, phone};
use super::output::{self, Report};

/// Both steps (`--caller A --callee B`), step 1 only (`--caller A`), or step 2 only
/// (`--subscription-id ID --callee B`).
#[derive(Args)]
pub struct BindArgs {
    /// A, bound to X (step 1).
    #[arg(long, value_parser = phone, visible_alias = "a",
          required_unless_present = "subscription_id")]
    caller: Option<PhoneNumber>,
    /// B, bound to Y (step 2).
    #[arg(long, value_parser = phone, visible_alias = "b")]
    callee: Option<PhoneNumber>,
    /// Step 2 only: the relation made by an earlier step 1.
    #[arg(long, conflicts_with = "caller", requires = "callee")]
    subscription_id: Option<String>,
    /// City code of X (and of Y unless --yb-area-code is given).
    #[arg(long, value_name = "CODE")]
    area_code: Option<String>,
    /// City code of Y.
    #[arg(long, value_name = "CODE")]
    yb_area_code: Option<String>,
    /// How strictly the city codes are matched.
    #[arg(long, value_enum)]
    area_match_mode: Option<AreaMatchArg>,
    /// Who may call whom.
    #[arg(long, value_enum)]
    call_direction: Option<DirectionArg>,
    /// Lifetime of the relation in seconds (0 = never, else 60–7776000).
    #[arg(long, value_name = "SECONDS")]
    duration: Option<u32>,
    /// Lifetime of the B↔Y part in seconds (0 = as long as the relation).
    #[arg(long, value_name = "SECONDS")]
    yb_duration: Option<u32>,
    #[command(flatten)]
    recording: Recording,
    /// Wait tone for X.
    #[arg(long, value_name = "FILE")]
    pre_voice_x: Option<String>,
    /// Wait tone for Y.
    #[arg(long, value_name = "FILE")]
    pre_voice_y: Option<String>,
    /// Free text returned in call events and CDRs.
    #[arg(long)]
    user_data: Option<String>,
}

#[derive(Args)]
pub struct UnbindArgs {
    /// The relation to remove (all of it, unless --y or --b is given).
    #[arg(long)]
    subscription_id: String,
    /// Remove only the B↔Y part, found by Y.
    #[arg(long, value_parser = phone, conflicts_with = "callee")]
    y: Option<PhoneNumber>,
    /// Remove only the B↔Y part, found by B.
    #[arg(long, value_parser = phone, visible_alias = "b")]
    callee: Option<PhoneNumber>,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct QueryArgs {
    /// By subscription id.
    #[arg(long)]
    subscription_id: Option<String>,
    /// Every relation on this X.
    #[arg(long = "x", value_name = "NUMBER", value_parser = phone, visible_alias = "relation-num")]
    x: Option<PhoneNumber>,
}

pub async fn bind(s: &Session, a: BindArgs) -> Result<Report, ServiceError> {
    let mode = a.area_match_mode.map(Into::into);
    let yb_area = a.yb_area_code.clone().or_else(|| a.area_code.clone());
    if let Some(id) = a.subscription_id {
        let r = AxybYbRequest {
            subscription_id: id,
            b: a.callee.clone().expect("clap requires --callee"),
            area_code: yb_area,
            area_match_mode: mode,
            yb_duration_secs: a.yb_duration,
            pre_voice_y: a.pre_voice_y,
        };
        let y = s.axyb_bind_yb(&r).await?;
        return Ok(Report::new(
            format!("B bound on Y {}", y.relation_number),
            json!({"subscriptionId": y.subscription_id, "y": y.relation_number}),
        ));
    }
    let mut ax = AxybAxRequest::new(a.caller.expect("clap requires --caller"));
    ax.area_code = a.area_code;
    ax.area_match_mode = mode;
    ax.call_direction = a.call_direction.map(Into::into);
    ax.duration_secs = a.duration;
    ax.yb_duration_secs = a.yb_duration;
    ax.record = a.recording.record;
    ax.record_hint_tone = a.recording.record_hint_tone;
    ax.pre_voice_x = a.pre_voice_x;
    ax.user_data = a.user_data;
    let Some(b) = a.callee else {
        let x = s.axyb_bind_ax(&ax).await?;
        return Ok(Report::new(
            format!("A bound on X {} (step 1 of 2)", x.relation_number),
            json!({"subscriptionId": x.subscription_id, "x": x.relation_number}),
        ));
    };
    let mut yb = YbStep::new(b);
    yb.area_code = yb_area;
    yb.area_match_mode = mode;
    yb.pre_voice_y = a.pre_voice_y;
    let p = s.axyb_bind(&ax, &yb).await?;
    Ok(Report::new(
        format!(
            "bound: A on X {}, B on Y {}",
            p.ax.relation_number, p.yb.relation_number
        ),
        json!({
            "subscriptionId": p.ax.subscription_id,
            "x": p.ax.relation_number, "y": p.yb.relation_number,
        }),
    ))
}

pub async fn unbind(s: &Session, a: UnbindArgs) -> Result<Report, ServiceError> {
    let subscription_id = a.subscription_id.clone();
    let req = match (a.y, a.callee) {
        (Some(y), _) => AxybUnbind::YbByY { subscription_id, y },
        (None, Some(b)) => AxybUnbind::YbByB { subscription_id, b },
        (None, None) => AxybUnbind::Relation(subscription_id),
    };
    s.axyb_unbind(&req).await?;
    let what = if matches!(req, AxybUnbind::Relation(_)) {
        "relation"
    } else {
        "yb"
    };
    Ok(super::done(
        "unbound",
        json!({"subscriptionId": a.subscription_id, "removed": what}),
    ))
}

pub async fn query(s: &Session, a: QueryArgs) -> Result<Report, ServiceError> {
    let q = match (a.subscription_id, a.x) {
        (Some(id), _) => AxybQuery::Subscription(id),
        (None, Some(x)) => AxybQuery::RelationNum(x),
        (None, None) => unreachable!("clap requires one of them"),
    };
    let found = s.axyb_query(&q).await?;
    Ok(super::listed(found.iter().map(output::axyb).collect()))
}
