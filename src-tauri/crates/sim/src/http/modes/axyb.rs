//! AXYB mode (§7): two steps. Step 1 binds A to X and returns the relation's
//! `subscriptionId`; step 2 (same URI, with `subscriptionId`) binds B to Y. Every call
//! carries `app_key` in the query string.
//!
//! The query answer follows the official table (privatenumber_axyb_0019, tables 5 and 6):
//! `xyRelationNumList` of xyRelationNumInfo[1-5], each with `bindId`, `numA`, `numX`,
//! `numY`, `numB`, `recordFlag` (String), `recordHintTone`, `subscribeTime`,
//! `callDirection` (Integer), `duration`/`ybDuration` (Strings, seconds), `preVoiceX`,
//! `preVoiceY`, `userData`. Limits of the bind page (privatenumber_axyb_0017, 使用限制): one X
//! is bound to one A at a time, one A to at most 5 X ("一个X号码同时只能绑定一个A号码,一个A号码可以同时
//! 绑定5个X号码"), a Y takes up to 1000 relations.

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Query, State};
use serde_json::{Value, json};

use super::not_applied;
use crate::codes::{self, ApiError, ApiResult, success};
use crate::http::params::{self as p, Body};
use crate::inventory;
use crate::model::axyb::{AxybRelation, QUERY_MAX_ITEMS, X_PER_A};
use crate::model::clock::{expiry, fmt_utc};
use crate::model::config::AppConfig;
use crate::state::{Inner, Sim};
use crate::yb::{y_usable, yb_lifetime};

impl AxybRelation {
    /// One xyRelationNumInfo (privatenumber_axyb_0019, table 6). `recordHintTone` only when
    /// the bind set one; absent fields are omitted.
    fn info(&self) -> Value {
        json!({
            "bindId": self.subscription_id,
            "numA": self.a_num,
            "numX": self.x_num,
            "numY": self.y_num,
            "numB": self.b_num,
            "recordFlag": self.record_flag.to_string(),
            "recordHintTone": self.record_hint_tone,
            "subscribeTime": fmt_utc(self.subscribe_time),
            "callDirection": self.call_direction,
            "duration": self.duration.to_string(),
            "ybDuration": self.yb_duration.to_string(),
            "preVoiceX": self.pre_voice_x,
            "preVoiceY": self.pre_voice_y,
            "userData": self.user_data,
        })
    }
}

/// `app_key` must be present in the query and name the authenticated app.
fn check_app_key(query: &p::Query, app: &AppConfig) -> Result<(), ApiError> {
    match p::q(query, "app_key") {
        None => Err(ApiError::invalid("app_key is required.")),
        Some(k) if k != app.key => Err(ApiError::forbidden(
            codes::INVALID_APP_KEY,
            "Invalid app_key.",
        )),
        Some(_) => Ok(()),
    }
}

/// Lifetimes are `0` or 60–7776000 seconds.
fn lifetime(b: &Body, k: &str) -> Result<Option<i64>, ApiError> {
    match p::opt_int(b, k, 0..=7_776_000)? {
        Some(v) if v != 0 && v < 60 => Err(ApiError::invalid(format!("{k} is invalid."))),
        other => Ok(other),
    }
}

pub(crate) async fn bind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
    body: Bytes,
) -> ApiResult {
    check_app_key(&query, &app)?;
    let b = p::body(&body)?;
    let orig = p::req_number(&b, "origNum")?;
    let area = p::opt_str(&b, "areaCode");
    let mode = p::opt_str(&b, "areaMatchMode");
    let now = sim.clock.now();
    let mut s = sim.state();
    let mut rng = s.rng().clone();
    let result = match p::opt_str(&b, "subscriptionId") {
        None => {
            if s.axyb.values().filter(|r| r.a_num == orig).count() >= X_PER_A {
                return Err(codes::a_limit());
            }
            let duration = lifetime(&b, "duration")?.unwrap_or(0);
            let yb = lifetime(&b, "ybDuration")?.unwrap_or(0);
            let x = {
                let st: &Inner = &s;
                inventory::select(
                    &app,
                    None,
                    area.as_deref(),
                    mode.as_deref(),
                    &orig,
                    &mut rng,
                    // "一个X号码同时只能绑定一个A号码" (privatenumber_axyb_0017, 使用限制 1).
                    |n| !st.axyb.values().any(|r| r.x_num == n.number),
                )
            };
            *s.rng() = rng;
            let x = x?;
            let id = s.new_id();
            let rel = AxybRelation {
                subscription_id: id.clone(),
                app_key: app.key.clone(),
                a_num: orig,
                x_num: x.clone(),
                b_num: None,
                y_num: None,
                call_direction: p::opt_int(&b, "callDirection", 0..=2)?.unwrap_or(0),
                duration,
                yb_duration: yb,
                record_flag: p::opt_bool(&b, "recordFlag")?.unwrap_or(false),
                record_hint_tone: p::opt_tone(&b, "recordHintTone")?,
                pre_voice_x: p::opt_tone(&b, "preVoiceX")?,
                pre_voice_y: None,
                user_data: p::opt_user_data(&b)?,
                subscribe_time: now,
                expires_at: expiry(now, duration),
                yb_expires_at: None,
            };
            s.axyb.insert(id.clone(), rel);
            (id, x)
        }
        Some(id) => {
            let rel = s
                .axyb
                .get(&id)
                .filter(|r| r.app_key == app.key)
                .cloned()
                .ok_or_else(not_applied)?;
            if rel.y_num.is_some() {
                return Err(ApiError::forbidden(
                    codes::RECORD_EXISTS,
                    "The record already exists.",
                ));
            }
            if rel.a_num == orig {
                return Err(ApiError::invalid(
                    "origNum of the YB step must differ from A.",
                ));
            }
            let yb = lifetime(&b, "ybDuration")?.unwrap_or(rel.yb_duration);
            let y = {
                let st: &Inner = &s;
                inventory::select(
                    &app,
                    None,
                    area.as_deref(),
                    mode.as_deref(),
                    &orig,
                    &mut rng,
                    |n| y_usable(st, &rel, n),
                )
            };
            *s.rng() = rng;
            let y = y?;
            let pre_y = p::opt_tone(&b, "preVoiceY")?;
            let r = s.axyb.get_mut(&id).ok_or_else(not_applied)?;
            r.b_num = Some(orig);
            r.y_num = Some(y.clone());
            r.yb_duration = yb;
            r.pre_voice_y = pre_y;
            r.yb_expires_at = expiry(now, yb_lifetime(yb, r.duration));
            if yb == 0 {
                r.yb_expires_at = None;
            }
            (id, y)
        }
    };
    sim.save(&s);
    success(json!({ "subscriptionId": result.0, "relationNumber": result.1 }))
}

pub(crate) async fn unbind(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    check_app_key(&query, &app)?;
    let id = p::q(&query, "subscriptionId")
        .ok_or_else(|| ApiError::invalid("subscriptionId is required."))?;
    let mut s = sim.state();
    let rel = s
        .axyb
        .get_mut(id)
        .filter(|r| r.app_key == app.key)
        .ok_or_else(not_applied)?;
    match (p::q(&query, "yNum"), p::q(&query, "bNum")) {
        (None, None) => {
            s.axyb.remove(id);
        }
        (Some(y), _) if rel.y_num.as_deref() == Some(y) => rel.clear_yb(),
        (None, Some(bn)) if rel.b_num.as_deref() == Some(bn) => rel.clear_yb(),
        _ => return Err(not_applied()),
    }
    sim.save(&s);
    success(json!({}))
}

pub(crate) async fn query(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    check_app_key(&query, &app)?;
    let s = sim.state();
    let list: Vec<Value> = if let Some(id) = p::q(&query, "subscriptionId") {
        vec![
            s.axyb
                .get(id)
                .filter(|r| r.app_key == app.key)
                .ok_or_else(not_applied)?
                .info(),
        ]
    } else if let Some(x) = p::q(&query, "relationNum") {
        if !app.numbers.iter().any(|n| n.number == x) {
            return Err(not_applied());
        }
        let mut on_x: Vec<&AxybRelation> = s
            .axyb
            .values()
            .filter(|r| r.app_key == app.key)
            // relationNum is "想要查询绑定关系的X号码": an X, not a Y.
            .filter(|r| r.x_num == x)
            .collect();
        on_x.sort_by(|a, b| {
            (a.subscribe_time, &a.subscription_id).cmp(&(b.subscribe_time, &b.subscription_id))
        });
        on_x.into_iter().map(AxybRelation::info).collect()
    } else {
        return Err(ApiError::invalid(
            "subscriptionId or relationNum is required.",
        ));
    };
    // The table has no paging and bounds the list to 5 items: the oldest five are answered.
    let items: Vec<Value> = list.into_iter().take(QUERY_MAX_ITEMS).collect();
    success(json!({ "xyRelationNumList": items }))
}
