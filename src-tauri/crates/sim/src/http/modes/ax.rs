//! AX mode (§5): A owns X exclusively; A→X calls go to a temporary callee set by API,
//! anyone else calling X reaches A. One A is bound to at most 5 X at once (bind page
//! privatenumber_02_0011, "使用限制": "1个A号码同时只能绑定5个X号码") → 1011003. Bind and
//! modify accept `turnFlag` ("on"/"off", default "on"); query items carry `privateNumType`
//! and `turnFlag` (query page privatenumber_02_0014).

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Query, State};
use serde_json::{Value, json};

use crate::codes::{self, ApiError, ApiResult, success};
use crate::http::params::{self as p, Body};
use crate::inventory;
use crate::model::ax::{AxBinding, PRIVATE_NUM_TYPE, X_PER_A, turned_on};
use crate::model::clock::{expiry, fmt_utc};
use crate::model::config::AppConfig;
use crate::state::{Inner, Sim};

impl AxBinding {
    fn info(&self) -> Value {
        json!({
            "subscriptionId": self.subscription_id,
            "origNum": self.orig_num,
            "privateNum": self.private_num,
            "privateNumType": PRIVATE_NUM_TYPE,
            "calleeNum": self.temp_callee,
            "callDirection": self.call_direction,
            "recordFlag": self.record_flag.to_string(),
            "recordHintTone": if self.record_flag { self.record_hint_tone.clone() } else { None },
            "calleeNumDisplay": self.callee_num_display,
            "privateSms": self.private_sms.to_string(),
            "maxDuration": self.max_duration,
            "lastMinVoice": self.last_min_voice,
            "preVoice": self.pre_voice,
            "userData": self.user_data,
            "turnFlag": self.turn_flag,
            "subscribeTime": fmt_utc(self.subscribe_time),
        })
    }
}

fn not_found() -> ApiError {
    ApiError::forbidden(
        codes::AX_NOT_FOUND,
        "The binding relationship does not exist.",
    )
}

/// The binding named by `subscriptionId`, else by its X (`privateNum`; one A per X, so X alone
/// is unique). `origNum` never names it: privatenumber_02_0012 (unbind) and _0015 (temporary
/// callee) say "系统不会解析该参数", and in a modify (_0013) it is the new A number.
fn by_id_or_x(
    s: &Inner,
    app: &AppConfig,
    id: Option<&str>,
    x: Option<&str>,
) -> Result<String, ApiError> {
    match (id, x) {
        (Some(id), _) => s.ax.get(id),
        (None, Some(x)) => {
            s.ax.values()
                .find(|bd| bd.private_num == x && bd.app_key == app.key)
        }
        (None, None) => {
            return Err(ApiError::invalid(
                "subscriptionId or privateNum is required.",
            ));
        }
    }
    .filter(|bd| bd.app_key == app.key)
    .map(|bd| bd.subscription_id.clone())
    .ok_or_else(not_found)
}

fn apply_common(bd: &mut AxBinding, b: &Body) -> Result<(), ApiError> {
    if let Some(v) = p::opt_bool(b, "recordFlag")? {
        bd.record_flag = v;
    }
    if let Some(v) = p::opt_tone(b, "recordHintTone")? {
        bd.record_hint_tone = Some(v);
    }
    if let Some(v) = p::opt_str(b, "calleeNumDisplay") {
        bd.callee_num_display = v;
    }
    if let Some(v) = p::opt_bool(b, "privateSms")? {
        bd.private_sms = v;
    }
    if let Some(v) = p::opt_int(b, "maxDuration", 0..=1440)? {
        bd.max_duration = v;
    }
    if let Some(v) = p::opt_tone(b, "lastMinVoice")? {
        bd.last_min_voice = Some(v);
    }
    if let Some(v) = p::opt_int(b, "callDirection", 0..=2)? {
        bd.call_direction = v;
    }
    match b.get("preVoice") {
        None | Some(Value::Null) => {}
        Some(v @ Value::Object(_)) => bd.pre_voice = Some(v.clone()),
        _ => return Err(ApiError::invalid("preVoice is invalid.")),
    }
    if let Some(v) = p::opt_user_data(b)? {
        bd.user_data = Some(v);
    }
    match p::opt_str(b, "turnFlag").as_deref() {
        None => {}
        Some(v @ ("on" | "off")) => bd.turn_flag = v.to_string(),
        Some(_) => return Err(ApiError::invalid("turnFlag is invalid.")),
    }
    Ok(())
}

pub(crate) async fn bind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let a = p::req_number(&b, "origNum")?;
    let explicit = p::opt_str(&b, "privateNum");
    let area = p::opt_str(&b, "areaCode");
    if explicit.is_none() && p::opt_str(&b, "privateNumType").as_deref() != Some(PRIVATE_NUM_TYPE) {
        return Err(ApiError::invalid(
            "privateNumType is required when privateNum is absent.",
        ));
    }
    let now = sim.clock.now();
    let mut s = sim.state();
    if let Some(x) = explicit.as_deref()
        && let Some(owner) = s.ax.values().find(|bd| bd.private_num == x)
    {
        return Err(if owner.orig_num == a {
            ApiError::forbidden(codes::RECORD_EXISTS, "The record already exists.")
        } else {
            ApiError::forbidden(codes::RESOURCE_ALLOCATED, "Resource has been applied.")
        });
    }
    if s.ax.values().filter(|bd| bd.orig_num == a).count() >= X_PER_A {
        return Err(codes::a_limit());
    }
    let mut rng = s.rng().clone();
    let x = {
        let st: &Inner = &s;
        inventory::select(
            &app,
            explicit.as_deref(),
            area.as_deref(),
            p::opt_str(&b, "areaMatchMode").as_deref(),
            &a,
            &mut rng,
            |n| !st.ax.values().any(|bd| bd.private_num == n.number),
        )
    };
    *s.rng() = rng;
    let x = x?;
    let id = s.new_id();
    let mut bd = AxBinding {
        subscription_id: id.clone(),
        app_key: app.key.clone(),
        orig_num: a.clone(),
        private_num: x.clone(),
        call_direction: 0,
        record_flag: false,
        record_hint_tone: None,
        callee_num_display: "0".into(),
        private_sms: true,
        max_duration: 0,
        last_min_voice: None,
        pre_voice: None,
        user_data: None,
        turn_flag: turned_on(),
        temp_callee: None,
        temp_callee_expires: None,
        subscribe_time: now,
    };
    apply_common(&mut bd, &b)?;
    s.ax.insert(id.clone(), bd);
    sim.save(&s);
    success(json!({ "origNum": a, "privateNum": x, "subscriptionId": id }))
}

/// The binding a modify or temporary-callee request names (see `by_id_or_x`).
fn named(s: &Inner, app: &AppConfig, b: &Body) -> Result<String, ApiError> {
    by_id_or_x(
        s,
        app,
        p::opt_str(b, "subscriptionId").as_deref(),
        p::opt_str(b, "privateNum").as_deref(),
    )
}

/// `PUT`: modify the binding named by `subscriptionId` or `privateNum`; `origNum` is the new A
/// ("如果需要修改绑定关系中的用户号码,请指定新的用户号码。不携带时表示不修改该参数值"), held to
/// the 5-X limit like a bind.
pub(crate) async fn modify(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let new_a = p::opt_number(&b, "origNum")?;
    let now = sim.clock.now();
    let mut s = sim.state();
    let id = named(&s, &app, &b)?;
    let mut updated = s.ax.get(&id).cloned().ok_or_else(not_found)?;
    if let Some(a) = new_a
        && a != updated.orig_num
    {
        if s.ax.values().filter(|bd| bd.orig_num == a).count() >= X_PER_A {
            return Err(codes::a_limit());
        }
        updated.orig_num = a;
    }
    apply_common(&mut updated, &b)?;
    updated.subscribe_time = now;
    s.ax.insert(id.clone(), updated);
    sim.save(&s);
    success(json!({ "subscriptionId": id }))
}

pub(crate) async fn unbind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let mut s = sim.state();
    // privatenumber_02_0012: `origNum` "系统不会解析该参数,可不携带"; `privateNum` names the
    // binding when `subscriptionId` is absent.
    let id = by_id_or_x(
        &s,
        &app,
        p::q(&query, "subscriptionId"),
        p::q(&query, "privateNum"),
    )?;
    s.ax.remove(&id);
    sim.save(&s);
    success(json!({}))
}

pub(crate) async fn query(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let s = sim.state();
    let mine = s.ax.values().filter(|b| b.app_key == app.key);
    let list: Vec<Value> = if let Some(id) = p::q(&query, "subscriptionId") {
        vec![
            s.ax.get(id)
                .filter(|b| b.app_key == app.key)
                .ok_or_else(not_found)?
                .info(),
        ]
    } else if let Some(a) = p::q(&query, "origNum") {
        mine.filter(|b| b.orig_num == a)
            .map(AxBinding::info)
            .collect()
    } else if let Some(x) = p::q(&query, "privateNum") {
        mine.filter(|b| b.private_num == x)
            .map(AxBinding::info)
            .collect()
    } else {
        return Err(ApiError::invalid(
            "subscriptionId, origNum or privateNum is required.",
        ));
    };
    if list.is_empty() {
        return Err(not_found());
    }
    let (items, total, index, size) = p::page(&list, &query);
    success(json!({
        "privateNumList": items,
        "totalCount": total,
        "pageIndex": index,
        "pageSize": size,
    }))
}

/// `PUT /rest/caas/privatenumber/calleenumber/v1.0`: temporary callee for A→X calls.
pub(crate) async fn set_callee(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let callee = p::req_str(&b, "calleeNum")?;
    if !callee.starts_with('+') || callee.len() < 5 {
        return Err(ApiError::invalid("calleeNum is invalid."));
    }
    let duration = p::opt_int(&b, "duration", 1..=259_200)?.unwrap_or(60);
    let user_data = p::opt_user_data(&b)?;
    let now = sim.clock.now();
    let mut s = sim.state();
    let id = named(&s, &app, &b)?;
    let bd = s.ax.get_mut(&id).ok_or_else(not_found)?;
    if bd.orig_num == callee {
        return Err(ApiError::invalid("origNum and calleeNum must differ."));
    }
    bd.temp_callee = Some(callee);
    bd.temp_callee_expires = expiry(now, duration);
    if user_data.is_some() {
        bd.user_data = user_data;
    }
    sim.save(&s);
    success(json!({}))
}
