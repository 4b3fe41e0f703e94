//! AXE mode (§6): A is reachable as X + extension E (1–4 digits, unique per X, up to 9999
//! per X). Lifetimes are in `timeUnit` units: `"0"` hours, `"1"` minutes (query page
//! privatenumber_02_0024, table 5; absent = hours). The query answer is flat (the binding's
//! fields beside `resultcode`), with `timeUnit` a String and the lifetimes Integers.

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Query, State};
use rand::Rng;
use serde_json::{Value, json};

use super::{bound, not_applied};
use crate::codes::{self, ApiError, ApiResult, success};
use crate::http::params::{self as p, Body};
use crate::inventory;
use crate::model::axe::{AxeBinding, EXTENSIONS_PER_X, UNIT_HOURS, UNIT_MINUTES};
use crate::model::clock::expiry;
use crate::model::config::AppConfig;
use crate::state::{Inner, Sim};

impl AxeBinding {
    fn info(&self) -> Value {
        json!({
            "subscriptionId": self.subscription_id,
            "bindNum": self.bind_num,
            "virtualNum": self.virtual_num,
            "extendNum": self.extend_num,
            "displayNumMode": self.display_num_mode,
            "recordFlag": self.record_flag.to_string(),
            "recordHintTone": self.record_hint_tone,
            "callbackTone": self.callback_tone,
            "callbackNum": self.callback_num,
            "timeUnit": self.bind_time_unit.unwrap_or(self.time_unit).to_string(),
            "bindExpiredTime": self.bind_bind_expired_time.unwrap_or(self.bind_expired_time),
            "callbackExpiredTime": self.callback_expired_time,
            "userData": self.user_data,
        })
    }
}

/// Seconds per `timeUnit` (privatenumber_02_0024: 0 = hours, 1 = minutes).
fn unit_secs(unit: i64) -> i64 {
    if unit == UNIT_MINUTES { 60 } else { 3600 }
}

/// Apply lifetime fields; restarts the timer when `bindExpiredTime` is given.
fn apply_times(bd: &mut AxeBinding, b: &Body, now: i64) -> Result<(), ApiError> {
    if let Some(u) = p::opt_int(b, "timeUnit", UNIT_HOURS..=UNIT_MINUTES)? {
        bd.time_unit = u;
    }
    let bind = p::opt_int(b, "bindExpiredTime", 0..=(90 * 24 * 60))?;
    if let Some(cb) = p::opt_int(b, "callbackExpiredTime", 0..=(90 * 24 * 60))? {
        bd.callback_expired_time = cb;
    }
    if let Some(v) = bind {
        bd.bind_expired_time = v;
    }
    if bd.bind_expired_time != 0 && bd.bind_expired_time < bd.callback_expired_time {
        return Err(ApiError::invalid(
            "bindExpiredTime must not be less than callbackExpiredTime.",
        ));
    }
    if bind.is_some() || bd.expires_at.is_none() {
        bd.expires_at = expiry(now, bd.bind_expired_time * unit_secs(bd.time_unit));
    }
    Ok(())
}

fn apply_common(bd: &mut AxeBinding, b: &Body) -> Result<(), ApiError> {
    let tone = p::opt_tone(b, "callbackTone")?;
    let num = p::opt_number(b, "callbackNum")?;
    if tone.is_some() && num.is_some() {
        return Err(ApiError::invalid(
            "callbackTone and callbackNum cannot both be set.",
        ));
    }
    if tone.is_some() {
        bd.callback_tone = tone;
        bd.callback_num = None;
    }
    if num.is_some() {
        bd.callback_num = num;
        bd.callback_tone = None;
    }
    if let Some(v) = p::opt_str(b, "displayNumMode") {
        bd.display_num_mode = v;
    }
    if let Some(v) = p::opt_bool(b, "recordFlag")? {
        bd.record_flag = v;
    }
    if let Some(v) = p::opt_tone(b, "recordHintTone")? {
        bd.record_hint_tone = Some(v);
    }
    if let Some(v) = p::opt_user_data(b)? {
        bd.user_data = Some(v);
    }
    Ok(())
}

/// 1020167 "No idle extend Number." (没有空闲的分机号, the API error-code table): the chosen X
/// has all 9999 extensions taken.
fn no_idle_extension() -> ApiError {
    ApiError::forbidden(codes::NO_IDLE_EXTENSION, "No idle extend Number.")
}

fn on_x<'a>(s: &'a Inner, x: &'a str) -> impl Iterator<Item = &'a AxeBinding> + 'a {
    s.axe.values().filter(move |b| b.virtual_num == x)
}

fn find(
    s: &Inner,
    app: &AppConfig,
    id: Option<&str>,
    x: Option<&str>,
    e: Option<&str>,
) -> Result<String, ApiError> {
    let hit = match (id, x, e) {
        (Some(id), _, _) => s.axe.get(id),
        (None, Some(x), Some(e)) => on_x(s, x).find(|b| b.extend_num == e),
        _ => {
            return Err(ApiError::invalid(
                "subscriptionId or virtualNum and extendNum are required.",
            ));
        }
    };
    hit.filter(|b| b.app_key == app.key)
        .map(|b| b.subscription_id.clone())
        .ok_or_else(not_applied)
}

pub(crate) async fn bind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let a = p::req_number(&b, "bindNum")?;
    let explicit = p::opt_str(&b, "virtualNum");
    let ext = p::opt_str(&b, "extendNum");
    if ext
        .as_deref()
        .is_some_and(|e| e.len() > 4 || !e.bytes().all(|c| c.is_ascii_digit()))
    {
        return Err(ApiError::invalid("extendNum is invalid."));
    }
    let now = sim.clock.now();
    let mut s = sim.state();
    let mut rng = s.rng().clone();
    let x = {
        let st: &Inner = &s;
        inventory::select(
            &app,
            explicit.as_deref(),
            p::opt_str(&b, "areaCode").as_deref(),
            p::opt_str(&b, "areaMatchMode").as_deref(),
            &a,
            &mut rng,
            |n| {
                let mut count = 0;
                for bd in on_x(st, &n.number) {
                    if bd.bind_num == a || ext.as_deref() == Some(bd.extend_num.as_str()) {
                        return false;
                    }
                    count += 1;
                }
                count < EXTENSIONS_PER_X
            },
        )
    };
    let x = match x {
        Ok(x) => x,
        Err(e) => {
            *s.rng() = rng;
            return Err(e);
        }
    };
    if on_x(&s, &x).any(|bd| bd.bind_num == a) {
        return Err(bound(&a));
    }
    if let Some(e) = ext.as_deref()
        && on_x(&s, &x).any(|bd| bd.extend_num == e)
    {
        return Err(bound(e));
    }
    let used: std::collections::HashSet<String> =
        on_x(&s, &x).map(|bd| bd.extend_num.clone()).collect();
    if used.len() >= EXTENSIONS_PER_X {
        return Err(no_idle_extension());
    }
    let ext = match ext {
        Some(e) => e,
        None => {
            let start = rng.random_range(1..=EXTENSIONS_PER_X);
            (0..EXTENSIONS_PER_X)
                .map(|i| format!("{:04}", (start + i - 1) % EXTENSIONS_PER_X + 1))
                .find(|e| !used.contains(e))
                .ok_or_else(no_idle_extension)?
        }
    };
    *s.rng() = rng;
    let id = s.new_id();
    let mut bd = AxeBinding {
        subscription_id: id.clone(),
        app_key: app.key.clone(),
        bind_num: a,
        virtual_num: x.clone(),
        extend_num: ext.clone(),
        display_num_mode: "0".into(),
        record_flag: false,
        record_hint_tone: None,
        callback_tone: None,
        callback_num: None,
        time_unit: UNIT_HOURS,
        bind_expired_time: 0,
        bind_time_unit: None,
        bind_bind_expired_time: None,
        callback_expired_time: 0,
        user_data: None,
        subscribe_time: now,
        expires_at: None,
    };
    apply_common(&mut bd, &b)?;
    apply_times(&mut bd, &b, now)?;
    bd.bind_time_unit = b.contains_key("timeUnit").then_some(bd.time_unit);
    bd.bind_bind_expired_time = b
        .contains_key("bindExpiredTime")
        .then_some(bd.bind_expired_time);
    let (bet, cet) = (bd.bind_expired_time, bd.callback_expired_time);
    s.axe.insert(id.clone(), bd);
    sim.save(&s);
    success(json!({
        "subscriptionId": id,
        "virtualNum": x,
        "extendNum": ext,
        "bindExpiredTime": bet,
        "callbackExpiredTime": cet,
    }))
}

pub(crate) async fn modify(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let now = sim.clock.now();
    let mut s = sim.state();
    let id = find(
        &s,
        &app,
        p::opt_str(&b, "subscriptionId").as_deref(),
        p::opt_str(&b, "virtualNum").as_deref(),
        p::opt_str(&b, "extendNum").as_deref(),
    )?;
    let new_a = p::opt_number(&b, "bindNum")?;
    let current = s.axe.get(&id).cloned().ok_or_else(not_applied)?;
    if let Some(a) = &new_a
        && on_x(&s, &current.virtual_num).any(|bd| bd.subscription_id != id && &bd.bind_num == a)
    {
        return Err(bound(a));
    }
    let mut updated = current;
    if let Some(a) = new_a {
        updated.bind_num = a;
    }
    apply_common(&mut updated, &b)?;
    apply_times(&mut updated, &b, now)?;
    updated.subscribe_time = now;
    s.axe.insert(id.clone(), updated);
    sim.save(&s);
    success(json!({ "subscriptionId": id }))
}

pub(crate) async fn unbind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let mut s = sim.state();
    let id = find(
        &s,
        &app,
        p::q(&query, "subscriptionId"),
        p::q(&query, "virtualNum"),
        p::q(&query, "extendNum"),
    )?;
    s.axe.remove(&id);
    sim.save(&s);
    success(json!({}))
}

pub(crate) async fn query(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let s = sim.state();
    let id = find(
        &s,
        &app,
        p::q(&query, "subscriptionId"),
        p::q(&query, "virtualNum"),
        p::q(&query, "extendNum"),
    )?;
    let info = s
        .axe
        .get(&id)
        .map(AxeBinding::info)
        .ok_or_else(not_applied)?;
    success(info)
}
