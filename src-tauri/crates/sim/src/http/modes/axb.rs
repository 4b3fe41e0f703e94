//! AXB mode (§4): A and B talk through X; X holds up to 5000 pairs, and a user number may
//! appear in only one pair per X (1012010).

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Query, State};
use serde_json::{Value, json};

use super::{bound, not_applied};
use crate::codes::{self, ApiError, ApiResult, success};
use crate::http::params::{self as p, Body};
use crate::inventory;
use crate::model::axb::{AxbBinding, PAIRS_PER_X};
use crate::model::clock::{expiry, fmt_utc};
use crate::model::config::AppConfig;
use crate::state::{Inner, Sim};

impl AxbBinding {
    fn info(&self) -> Value {
        json!({
            "subscriptionId": self.subscription_id,
            "relationNum": self.relation_num,
            "callerNum": self.caller_num,
            "calleeNum": self.callee_num,
            "callDirection": self.call_direction,
            "duration": self.duration,
            "maxDuration": self.max_duration,
            "recordFlag": self.record_flag.to_string(),
            "recordHintTone": self.record_hint_tone,
            "lastMinVoice": self.last_min_voice,
            "privateSms": self.private_sms.to_string(),
            "preVoice": self.pre_voice,
            "userData": self.user_data,
            "subscribeTime": fmt_utc(self.subscribe_time),
        })
    }

    fn has(&self, n: &str) -> bool {
        self.caller_num == n || self.callee_num == n
    }
}

fn on_x<'a>(s: &'a Inner, x: &'a str) -> impl Iterator<Item = &'a AxbBinding> + 'a {
    s.axb.values().filter(move |b| b.relation_num == x)
}

fn pre_voice(b: &Body) -> Result<Option<Value>, ApiError> {
    match b.get("preVoice") {
        None | Some(Value::Null) => Ok(None),
        Some(v @ Value::Object(_)) => Ok(Some(v.clone())),
        _ => Err(ApiError::invalid("preVoice is invalid.")),
    }
}

pub(crate) async fn bind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let caller = p::req_number(&b, "callerNum")?;
    let callee = p::req_number(&b, "calleeNum")?;
    if caller == callee {
        return Err(ApiError::invalid("callerNum and calleeNum must differ."));
    }
    let direction = p::opt_int(&b, "callDirection", 0..=2)?.unwrap_or(0);
    let duration = p::opt_int(&b, "duration", 0..=7_776_000)?.unwrap_or(0);
    let max_duration = p::opt_int(&b, "maxDuration", 0..=1440)?.unwrap_or(0);
    let record = p::opt_bool(&b, "recordFlag")?.unwrap_or(false);
    let sms = p::opt_bool(&b, "privateSms")?.unwrap_or(true);
    let hint = p::opt_tone(&b, "recordHintTone")?;
    let last_min = p::opt_tone(&b, "lastMinVoice")?;
    let user_data = p::opt_user_data(&b)?;
    let pre = pre_voice(&b)?;
    let explicit = p::opt_str(&b, "relationNum");

    let now = sim.clock.now();
    let mut s = sim.state();
    let mut rng = s.rng().clone();
    let x = {
        let st: &Inner = &s;
        let usable = |n: &crate::model::config::XNumber| {
            let mut count = 0;
            for bd in on_x(st, &n.number) {
                if bd.has(&caller) || bd.has(&callee) {
                    return false;
                }
                count += 1;
            }
            count < PAIRS_PER_X
        };
        let area = p::opt_str(&b, "areaCode");
        let mode = p::opt_str(&b, "areaMatchMode");
        inventory::select(
            &app,
            explicit.as_deref(),
            area.as_deref(),
            mode.as_deref(),
            &caller,
            &mut rng,
            usable,
        )
    };
    *s.rng() = rng;
    let x = x?;
    if explicit.is_some() {
        if let Some(n) =
            on_x(&s, &x).find_map(|bd| [&caller, &callee].into_iter().find(|n| bd.has(n)).cloned())
        {
            return Err(bound(&n));
        }
        if on_x(&s, &x).count() >= PAIRS_PER_X {
            return Err(ApiError::forbidden(
                codes::RESOURCE_ALLOCATED,
                "Resources have been allocated.",
            ));
        }
    }
    let id = s.new_id();
    let binding = AxbBinding {
        subscription_id: id.clone(),
        app_key: app.key.clone(),
        relation_num: x.clone(),
        caller_num: caller,
        callee_num: callee,
        call_direction: direction,
        duration,
        max_duration,
        record_flag: record,
        record_hint_tone: hint,
        last_min_voice: last_min,
        private_sms: sms,
        pre_voice: pre,
        user_data,
        subscribe_time: now,
        expires_at: expiry(now, duration),
    };
    s.axb.insert(id.clone(), binding);
    sim.save(&s);
    success(json!({
        "subscriptionId": id,
        "relationNum": x,
        "callDirection": direction,
        "duration": duration,
        "maxDuration": max_duration,
    }))
}

pub(crate) async fn modify(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let id = p::req_str(&b, "subscriptionId")?;
    let caller = p::opt_number(&b, "callerNum")?;
    let callee = p::opt_number(&b, "calleeNum")?;
    let direction = p::opt_int(&b, "callDirection", 0..=2)?;
    let duration = p::opt_int(&b, "duration", 0..=7_776_000)?;
    let max_duration = p::opt_int(&b, "maxDuration", 0..=1440)?;
    let record = p::opt_bool(&b, "recordFlag")?;
    let sms = p::opt_bool(&b, "privateSms")?;
    let hint = p::opt_tone(&b, "recordHintTone")?;
    let last_min = p::opt_tone(&b, "lastMinVoice")?;
    let user_data = p::opt_user_data(&b)?;
    let pre = pre_voice(&b)?;

    let now = sim.clock.now();
    let mut s = sim.state();
    let current = s
        .axb
        .get(&id)
        .filter(|bd| bd.app_key == app.key)
        .cloned()
        .ok_or_else(not_applied)?;
    let new_caller = caller.unwrap_or_else(|| current.caller_num.clone());
    let new_callee = callee.unwrap_or_else(|| current.callee_num.clone());
    if new_caller == new_callee {
        return Err(ApiError::invalid("callerNum and calleeNum must differ."));
    }
    for n in [&new_caller, &new_callee] {
        if on_x(&s, &current.relation_num).any(|bd| bd.subscription_id != id && bd.has(n)) {
            return Err(bound(n));
        }
    }
    let bd = s.axb.get_mut(&id).ok_or_else(not_applied)?;
    bd.caller_num = new_caller;
    bd.callee_num = new_callee;
    if let Some(v) = direction {
        bd.call_direction = v;
    }
    if let Some(v) = duration {
        bd.duration = v;
        bd.expires_at = expiry(now, v);
    }
    if let Some(v) = max_duration {
        bd.max_duration = v;
    }
    if let Some(v) = record {
        bd.record_flag = v;
    }
    if let Some(v) = sms {
        bd.private_sms = v;
    }
    if hint.is_some() {
        bd.record_hint_tone = hint;
    }
    if last_min.is_some() {
        bd.last_min_voice = last_min;
    }
    if user_data.is_some() {
        bd.user_data = user_data;
    }
    if pre.is_some() {
        bd.pre_voice = pre;
    }
    bd.subscribe_time = now;
    let x = bd.relation_num.clone();
    sim.save(&s);
    success(json!({ "subscriptionId": id, "relationNum": x }))
}

pub(crate) async fn unbind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let mut s = sim.state();
    if let Some(id) = p::q(&query, "subscriptionId") {
        let owned = s.axb.get(id).is_some_and(|bd| bd.app_key == app.key);
        if !owned {
            return Err(not_applied());
        }
        s.axb.remove(id);
    } else if let Some(x) = p::q(&query, "relationNum") {
        let ids: Vec<String> = on_x(&s, x)
            .filter(|bd| bd.app_key == app.key)
            .map(|bd| bd.subscription_id.clone())
            .collect();
        if ids.is_empty() {
            return Err(not_applied());
        }
        for id in ids {
            s.axb.remove(&id);
        }
    } else {
        return Err(ApiError::invalid(
            "subscriptionId or relationNum is required.",
        ));
    }
    sim.save(&s);
    success(json!({}))
}

pub(crate) async fn query(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let s = sim.state();
    let list: Vec<Value> = if let Some(id) = p::q(&query, "subscriptionId") {
        let bd = s
            .axb
            .get(id)
            .filter(|bd| bd.app_key == app.key)
            .ok_or_else(not_applied)?;
        vec![bd.info()]
    } else if let Some(x) = p::q(&query, "relationNum") {
        if !app.numbers.iter().any(|n| n.number == x) {
            return Err(not_applied());
        }
        let caller = p::q(&query, "callerNum");
        let callee = p::q(&query, "calleeNum");
        on_x(&s, x)
            .filter(|bd| caller.is_none_or(|c| bd.caller_num == c))
            .filter(|bd| callee.is_none_or(|c| bd.callee_num == c))
            .map(AxbBinding::info)
            .collect()
    } else {
        return Err(ApiError::invalid(
            "subscriptionId or relationNum is required.",
        ));
    };
    let (items, total, index, size) = p::page(&list, &query);
    success(json!({
        "app_key": app.key,
        "relationNumList": items,
        "totalCount": total,
        "pageIndex": index,
        "pageSize": size,
    }))
}
