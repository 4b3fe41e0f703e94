//! AXYB mode (§7): A↔X and B↔Y, bound in two steps (AX, then YB with the subscription id).
//! Every AXYB call carries `app_key` in the query string.

use maskline_domain::PhoneNumber;
use reqwest::Method;
use serde::Deserialize;

use crate::axb::missing;
use crate::common::{AreaMatchMode, Body, CallDirection};
use crate::transport::Call;
use crate::wire::{decode, opt_bool, opt_string, opt_u64};
use crate::{ApiError, Client, validate};

pub(crate) const PATH: &str = "/rest/omp/xyrelationnumber/v1.0";
/// `duration` / `ybDuration`: 0, or 60 s to 90 days.
pub const MIN_DURATION_SECS: u32 = 60;
pub const MAX_DURATION_SECS: u32 = 7_776_000;

/// Step 1: bind A to an X.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxybAxRequest {
    pub a: PhoneNumber,
    /// City of X (the demo always sends one).
    pub area_code: Option<String>,
    pub area_match_mode: Option<AreaMatchMode>,
    pub call_direction: Option<CallDirection>,
    /// Lifetime of the whole relation: 0 = never, else 60–7776000 s.
    pub duration_secs: Option<u32>,
    /// Lifetime of YB: 0 = until AX ends, else 60–7776000 s and not longer than `duration_secs`.
    pub yb_duration_secs: Option<u32>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    /// `preVoiceX`: wait tone for X.
    pub pre_voice_x: Option<String>,
    pub user_data: Option<String>,
}

impl AxybAxRequest {
    pub fn new(a: PhoneNumber) -> Self {
        Self {
            a,
            area_code: None,
            area_match_mode: None,
            call_direction: None,
            duration_secs: None,
            yb_duration_secs: None,
            record: None,
            record_hint_tone: None,
            pre_voice_x: None,
            user_data: None,
        }
    }
}

/// Step 2: bind B to a Y within the relation created by step 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxybYbRequest {
    pub subscription_id: String,
    pub b: PhoneNumber,
    pub area_code: Option<String>,
    pub area_match_mode: Option<AreaMatchMode>,
    /// Overrides a `yb_duration_secs` given in step 1.
    pub yb_duration_secs: Option<u32>,
    /// `preVoiceY`: wait tone for Y.
    pub pre_voice_y: Option<String>,
}

/// What an unbind removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxybUnbind {
    /// The whole relation (AX and YB).
    Relation(String),
    /// Only the YB part, found by its Y.
    YbByY {
        subscription_id: String,
        y: PhoneNumber,
    },
    /// Only the YB part, found by its B.
    YbByB {
        subscription_id: String,
        b: PhoneNumber,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxybQuery {
    Subscription(String),
    /// All relations on an X.
    RelationNum(PhoneNumber),
}

/// Answer of either bind step: the relation id and the private number bound (X, then Y).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxybBound {
    pub subscription_id: String,
    pub relation_number: String,
}

/// One relation of a query answer: an item of `xyRelationNumList` (xyRelationNumInfo,
/// privatenumber_axyb_0019 table 6).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AxybRelation {
    /// `bindId`: the relation's id, the `subscriptionId` the bind answered.
    pub subscription_id: String,
    /// `numA`.
    pub a: Option<String>,
    /// `numX`.
    pub x: Option<String>,
    /// `numY`: absent while only AX is bound.
    pub y: Option<String>,
    /// `numB`.
    pub b: Option<String>,
    pub call_direction: Option<CallDirection>,
    /// `duration` (documented String, seconds; 0 = never expires).
    pub duration_secs: Option<u64>,
    /// `ybDuration` (documented String, seconds; 0 = YB ends with AX).
    pub yb_duration_secs: Option<u64>,
    /// `recordFlag` (documented String "true"/"false").
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    /// `subscribeTime`: when the relation was set or last changed, as the platform wrote it
    /// (`2016-12-24 15:15:15`).
    pub subscribe_time: Option<String>,
    pub pre_voice_x: Option<String>,
    pub pre_voice_y: Option<String>,
    pub user_data: Option<String>,
}

/// The documented list container of the query answer.
pub const QUERY_LIST: &str = "xyRelationNumList";

/// Answer of either bind step (privatenumber_axyb_0017 table 7).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BoundWire {
    #[serde(default, deserialize_with = "opt_string")]
    subscription_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    relation_number: Option<String>,
}

/// xyRelationNumInfo (privatenumber_axyb_0019 table 6).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RelationWire {
    #[serde(default, deserialize_with = "opt_string")]
    bind_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    num_a: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    num_x: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    num_y: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    num_b: Option<String>,
    #[serde(default, deserialize_with = "opt_u64")]
    call_direction: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    duration: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    yb_duration: Option<u64>,
    #[serde(default, deserialize_with = "opt_bool")]
    record_flag: Option<bool>,
    #[serde(default, deserialize_with = "opt_string")]
    record_hint_tone: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    subscribe_time: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pre_voice_x: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pre_voice_y: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    user_data: Option<String>,
}

impl Client {
    fn axyb_call(
        &self,
        method: Method,
        mut query: Vec<(&'static str, String)>,
        body: Option<Body>,
    ) -> Call {
        query.insert(0, ("app_key", self.app_key().to_string()));
        Call {
            method,
            path: PATH,
            query,
            body: body.map(Body::into_value),
        }
    }

    pub async fn axyb_bind_ax(&self, req: &AxybAxRequest) -> Result<AxybBound, ApiError> {
        let call = self.axyb_call(Method::POST, vec![], Some(ax_body(req)?));
        bound(self.json(call).await?)
    }

    pub async fn axyb_bind_yb(&self, req: &AxybYbRequest) -> Result<AxybBound, ApiError> {
        let call = self.axyb_call(Method::POST, vec![], Some(yb_body(req)?));
        bound(self.json(call).await?)
    }

    pub async fn axyb_unbind(&self, req: &AxybUnbind) -> Result<(), ApiError> {
        let call = self.axyb_call(Method::DELETE, unbind_query(req)?, None);
        self.json(call).await.map(drop)
    }

    pub async fn axyb_query(&self, q: &AxybQuery) -> Result<Vec<AxybRelation>, ApiError> {
        let call = self.axyb_call(Method::GET, query_params(q)?, None);
        relations(&self.json(call).await?)
    }
}

fn lifetimes(duration: Option<u32>, yb: Option<u32>) -> Result<(), ApiError> {
    validate::zero_or_range("duration", duration, MIN_DURATION_SECS, MAX_DURATION_SECS)?;
    validate::zero_or_range("ybDuration", yb, MIN_DURATION_SECS, MAX_DURATION_SECS)?;
    if let (Some(d), Some(y)) = (duration, yb)
        && d != 0
        && y > d
    {
        return Err(ApiError::invalid(
            "ybDuration",
            format!("{y} s is longer than duration {d} s"),
        ));
    }
    Ok(())
}

pub(crate) fn ax_body(r: &AxybAxRequest) -> Result<Body, ApiError> {
    validate::party("origNum", &r.a)?;
    validate::area_code(r.area_code.as_deref())?;
    lifetimes(r.duration_secs, r.yb_duration_secs)?;
    validate::tone("recordHintTone", r.record_hint_tone.as_deref())?;
    validate::tone("preVoiceX", r.pre_voice_x.as_deref())?;
    validate::user_data(r.user_data.as_deref())?;
    let mut b = Body::new();
    b.put("origNum", r.a.as_str());
    b.opt("areaCode", r.area_code.as_deref());
    b.opt("areaMatchMode", r.area_match_mode.map(AreaMatchMode::wire));
    b.opt("callDirection", r.call_direction.map(CallDirection::code));
    // Documented as String(1-32).
    b.opt("duration", r.duration_secs.map(|d| d.to_string()));
    b.opt("ybDuration", r.yb_duration_secs.map(|d| d.to_string()));
    b.flag("recordFlag", r.record);
    b.opt("recordHintTone", r.record_hint_tone.as_deref());
    b.opt("preVoiceX", r.pre_voice_x.as_deref());
    b.opt("userData", r.user_data.as_deref());
    Ok(b)
}

pub(crate) fn yb_body(r: &AxybYbRequest) -> Result<Body, ApiError> {
    validate::subscription_id(&r.subscription_id)?;
    validate::party("origNum", &r.b)?;
    validate::area_code(r.area_code.as_deref())?;
    lifetimes(None, r.yb_duration_secs)?;
    validate::tone("preVoiceY", r.pre_voice_y.as_deref())?;
    let mut b = Body::new();
    b.put("origNum", r.b.as_str())
        .put("subscriptionId", r.subscription_id.as_str());
    b.opt("areaCode", r.area_code.as_deref());
    b.opt("areaMatchMode", r.area_match_mode.map(AreaMatchMode::wire));
    b.opt("ybDuration", r.yb_duration_secs.map(|d| d.to_string()));
    b.opt("preVoiceY", r.pre_voice_y.as_deref());
    Ok(b)
}

pub(crate) fn unbind_query(r: &AxybUnbind) -> Result<Vec<(&'static str, String)>, ApiError> {
    let (id, extra) = match r {
        AxybUnbind::Relation(id) => (id, None),
        AxybUnbind::YbByY { subscription_id, y } => {
            validate::private_number("yNum", Some(y))?;
            (subscription_id, Some(("yNum", y.to_string())))
        }
        AxybUnbind::YbByB { subscription_id, b } => {
            (subscription_id, Some(("bNum", b.to_string())))
        }
    };
    validate::subscription_id(id)?;
    let mut q = vec![("subscriptionId", id.clone())];
    q.extend(extra);
    Ok(q)
}

pub(crate) fn query_params(q: &AxybQuery) -> Result<Vec<(&'static str, String)>, ApiError> {
    Ok(match q {
        AxybQuery::Subscription(id) => {
            validate::subscription_id(id)?;
            vec![("subscriptionId", id.clone())]
        }
        AxybQuery::RelationNum(x) => {
            validate::private_number("relationNum", Some(x))?;
            vec![("relationNum", x.to_string())]
        }
    })
}

fn bound(v: serde_json::Value) -> Result<AxybBound, ApiError> {
    let w: BoundWire = decode("AXYB bind answer", v)?;
    Ok(AxybBound {
        subscription_id: w.subscription_id.ok_or_else(|| missing("subscriptionId"))?,
        relation_number: w.relation_number.ok_or_else(|| missing("relationNumber"))?,
    })
}

/// The relations of a query answer. An item without `bindId` cannot be unbound or kept apart
/// from the others, so it is a decode error rather than a silently dropped or empty-id record.
pub(crate) fn relations(v: &serde_json::Value) -> Result<Vec<AxybRelation>, ApiError> {
    crate::wire::list(v, QUERY_LIST)?
        .into_iter()
        .map(|r| {
            let w: RelationWire = decode("AXYB relation (xyRelationNumInfo)", r)?;
            Ok(AxybRelation {
                subscription_id: w.bind_id.ok_or_else(|| missing("bindId"))?,
                a: w.num_a,
                x: w.num_x,
                y: w.num_y,
                b: w.num_b,
                call_direction: w.call_direction.and_then(CallDirection::from_code),
                duration_secs: w.duration,
                yb_duration_secs: w.yb_duration,
                record: w.record_flag,
                record_hint_tone: w.record_hint_tone,
                subscribe_time: w.subscribe_time,
                pre_voice_x: w.pre_voice_x,
                pre_voice_y: w.pre_voice_y,
                user_data: w.user_data,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
