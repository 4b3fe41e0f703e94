//! AXE mode (§6): A is reached as X plus a 1–4 digit extension E.
//!
//! Expiry times are sent without `timeUnit`, so the platform reads them as hours (its
//! documented default). Answers are read with the unit they state: the query table
//! (privatenumber_02_0024) gives `timeUnit` String `"0"` hours / `"1"` minutes, and the v1.0
//! query answer is flat (one binding, no list).

use maskline_domain::PhoneNumber;
use reqwest::Method;
use serde::Deserialize;

use crate::axb::missing;
use crate::common::{AreaMatchMode, Body};
use crate::transport::Call;
use crate::wire::{decode, opt_bool, opt_string, opt_u64, records};
use crate::{ApiError, Client, validate};

pub(crate) const PATH: &str = "/rest/caas/extendnumber/v1.0";

/// What A reaches when calling X with no recent caller to call back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxeCallback {
    /// `callbackTone`: a tone file.
    Tone(String),
    /// `callbackNum`: a number to connect to.
    Number(PhoneNumber),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxeBindRequest {
    pub bind_num: PhoneNumber,
    pub virtual_num: Option<PhoneNumber>,
    pub area_code: Option<String>,
    pub area_match_mode: Option<AreaMatchMode>,
    /// 1–4 digits; absent → the platform allocates one.
    pub extend_num: Option<String>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    pub callback: Option<AxeCallback>,
    /// Hours; 0 = never. Must be ≥ `callback_expired_hours`.
    pub bind_expired_hours: Option<u32>,
    pub callback_expired_hours: Option<u32>,
    pub user_data: Option<String>,
}

impl AxeBindRequest {
    pub fn new(bind_num: PhoneNumber) -> Self {
        Self {
            bind_num,
            virtual_num: None,
            area_code: None,
            area_match_mode: None,
            extend_num: None,
            record: None,
            record_hint_tone: None,
            callback: None,
            bind_expired_hours: None,
            callback_expired_hours: None,
            user_data: None,
        }
    }
}

/// Which AXE binding an operation is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxeKey {
    Subscription(String),
    Extension {
        virtual_num: PhoneNumber,
        extend_num: String,
    },
}

/// Change an AXE binding (fields per §6.3, partly inferred); `None` stays unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxeModifyRequest {
    pub key: AxeKey,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    pub callback: Option<AxeCallback>,
    pub bind_expired_hours: Option<u32>,
    pub callback_expired_hours: Option<u32>,
    pub user_data: Option<String>,
}

impl AxeModifyRequest {
    pub fn new(key: AxeKey) -> Self {
        Self {
            key,
            record: None,
            record_hint_tone: None,
            callback: None,
            bind_expired_hours: None,
            callback_expired_hours: None,
            user_data: None,
        }
    }
}

/// The unit of `bindExpiredTime` and `callbackExpiredTime` (`timeUnit`, privatenumber_02_0024:
/// `"0"` hours, `"1"` minutes; absent = hours, the bind page's default).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AxeTimeUnit {
    #[default]
    Hours,
    Minutes,
    /// A value no page documents; the lifetimes' length is then unknown.
    Other(String),
}

impl AxeTimeUnit {
    pub fn from_wire(v: Option<&str>) -> Self {
        match v.map(str::trim) {
            None | Some("0") => AxeTimeUnit::Hours,
            Some("1") => AxeTimeUnit::Minutes,
            Some(other) => AxeTimeUnit::Other(other.to_string()),
        }
    }

    /// Seconds per unit; `None` for an undocumented unit.
    pub fn secs(&self) -> Option<u64> {
        match self {
            AxeTimeUnit::Hours => Some(3600),
            AxeTimeUnit::Minutes => Some(60),
            AxeTimeUnit::Other(_) => None,
        }
    }
}

/// A bind answer, or the binding a query answered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AxeBinding {
    pub subscription_id: String,
    pub bind_num: Option<String>,
    pub virtual_num: Option<String>,
    pub extend_num: Option<String>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    /// `displayNumMode` as sent: `"0"` X is shown, `"1"` the real caller.
    pub display_num_mode: Option<String>,
    pub callback_tone: Option<String>,
    pub callback_num: Option<String>,
    /// `bindExpiredTime` in `time_unit`; 0 = never.
    pub bind_expired: Option<u64>,
    /// `callbackExpiredTime` in `time_unit`.
    pub callback_expired: Option<u64>,
    pub time_unit: AxeTimeUnit,
    pub user_data: Option<String>,
}

impl AxeBinding {
    /// The binding's lifetime in seconds (0 = never); `None` if not given or the unit is unknown.
    pub fn bind_expired_secs(&self) -> Option<u64> {
        Some(self.bind_expired? * self.time_unit.secs()?)
    }

    pub fn callback_expired_secs(&self) -> Option<u64> {
        Some(self.callback_expired? * self.time_unit.secs()?)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    #[serde(default, deserialize_with = "opt_string")]
    subscription_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    bind_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    virtual_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    extend_num: Option<String>,
    #[serde(default, deserialize_with = "opt_bool")]
    record_flag: Option<bool>,
    #[serde(default, deserialize_with = "opt_string")]
    record_hint_tone: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    display_num_mode: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    callback_tone: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    callback_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    time_unit: Option<String>,
    #[serde(default, deserialize_with = "opt_u64")]
    bind_expired_time: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    callback_expired_time: Option<u64>,
    #[serde(default, deserialize_with = "opt_string")]
    user_data: Option<String>,
}

impl From<Wire> for AxeBinding {
    fn from(w: Wire) -> Self {
        Self {
            subscription_id: w.subscription_id.unwrap_or_default(),
            bind_num: w.bind_num,
            virtual_num: w.virtual_num,
            extend_num: w.extend_num,
            record: w.record_flag,
            record_hint_tone: w.record_hint_tone,
            display_num_mode: w.display_num_mode,
            callback_tone: w.callback_tone,
            callback_num: w.callback_num,
            bind_expired: w.bind_expired_time,
            callback_expired: w.callback_expired_time,
            time_unit: AxeTimeUnit::from_wire(w.time_unit.as_deref()),
            user_data: w.user_data,
        }
    }
}

/// The binding(s) of a v1.0 query answer: flat per the table; a record nested in a member is
/// accepted too (see [`records`]).
pub(crate) fn query_answer(v: &serde_json::Value) -> Result<Vec<AxeBinding>, ApiError> {
    records(v)
        .into_iter()
        .map(|r| decode::<Wire>("AXE binding", r).map(AxeBinding::from))
        .collect()
}

/// A bind answer (privatenumber_02_0022): lifetimes are in the unit the request used; the
/// client sends none, so hours.
pub(crate) fn bind_answer(v: serde_json::Value) -> Result<AxeBinding, ApiError> {
    let w: Wire = decode("AXE bind answer", v)?;
    if w.subscription_id.is_none() {
        return Err(missing("subscriptionId"));
    }
    Ok(AxeBinding::from(w))
}

fn extension(e: &str) -> Result<(), ApiError> {
    if !(1..=4).contains(&e.len()) || !validate::is_digits(e) {
        return Err(ApiError::invalid(
            "extendNum",
            format!("{e:?} must be 1–4 digits"),
        ));
    }
    Ok(())
}

fn key_params(key: &AxeKey) -> Result<Vec<(&'static str, String)>, ApiError> {
    Ok(match key {
        AxeKey::Subscription(id) => {
            validate::subscription_id(id)?;
            vec![("subscriptionId", id.clone())]
        }
        AxeKey::Extension {
            virtual_num,
            extend_num,
        } => {
            validate::private_number("virtualNum", Some(virtual_num))?;
            extension(extend_num)?;
            vec![
                ("virtualNum", virtual_num.to_string()),
                ("extendNum", extend_num.clone()),
            ]
        }
    })
}

/// Shared optional fields of bind and modify.
fn options(
    b: &mut Body,
    record: Option<bool>,
    tone: Option<&str>,
    callback: Option<&AxeCallback>,
    bind_exp: Option<u32>,
    cb_exp: Option<u32>,
    user_data: Option<&str>,
) -> Result<(), ApiError> {
    validate::tone("recordHintTone", tone)?;
    validate::user_data(user_data)?;
    if let (Some(bind), Some(cb)) = (bind_exp, cb_exp)
        && bind != 0
        && cb > bind
    {
        return Err(ApiError::invalid(
            "callbackExpiredTime",
            "must not exceed bindExpiredTime",
        ));
    }
    b.flag("recordFlag", record);
    b.opt("recordHintTone", tone);
    match callback {
        Some(AxeCallback::Tone(t)) => {
            validate::tone("callbackTone", Some(t))?;
            b.put("callbackTone", t.as_str());
        }
        Some(AxeCallback::Number(n)) => {
            b.put("callbackNum", n.as_str());
        }
        None => {}
    }
    b.opt("bindExpiredTime", bind_exp);
    b.opt("callbackExpiredTime", cb_exp);
    b.opt("userData", user_data);
    Ok(())
}

pub(crate) fn bind_call(r: &AxeBindRequest) -> Result<Call, ApiError> {
    validate::party("bindNum", &r.bind_num)?;
    validate::private_number("virtualNum", r.virtual_num.as_ref())?;
    validate::area_code(r.area_code.as_deref())?;
    if r.virtual_num.is_none() && r.area_code.is_none() {
        return Err(ApiError::invalid(
            "virtualNum",
            "give the private number or an areaCode",
        ));
    }
    if r.area_match_mode.is_some() && r.area_code.is_none() {
        return Err(ApiError::invalid(
            "areaMatchMode",
            "only applies together with areaCode",
        ));
    }
    r.extend_num.as_deref().map_or(Ok(()), extension)?;
    let mut b = Body::new();
    b.put("bindNum", r.bind_num.as_str());
    b.opt(
        "virtualNum",
        r.virtual_num.as_ref().map(PhoneNumber::as_str),
    );
    b.opt("areaCode", r.area_code.as_deref());
    b.opt("areaMatchMode", r.area_match_mode.map(AreaMatchMode::wire));
    b.opt("extendNum", r.extend_num.as_deref());
    options(
        &mut b,
        r.record,
        r.record_hint_tone.as_deref(),
        r.callback.as_ref(),
        r.bind_expired_hours,
        r.callback_expired_hours,
        r.user_data.as_deref(),
    )?;
    Ok(Call {
        method: Method::POST,
        path: PATH,
        query: vec![],
        body: Some(b.into_value()),
    })
}

pub(crate) fn modify_call(r: &AxeModifyRequest) -> Result<Call, ApiError> {
    let mut b = Body::new();
    let key = key_params(&r.key)?;
    let keys = key.len();
    for (k, v) in key {
        b.put(k, v);
    }
    options(
        &mut b,
        r.record,
        r.record_hint_tone.as_deref(),
        r.callback.as_ref(),
        r.bind_expired_hours,
        r.callback_expired_hours,
        r.user_data.as_deref(),
    )?;
    if b.0.as_object().map_or(0, |m| m.len()) == keys {
        return Err(ApiError::invalid(
            "subscriptionId",
            "nothing to modify: set at least one field",
        ));
    }
    Ok(Call {
        method: Method::PUT,
        path: PATH,
        query: vec![],
        body: Some(b.into_value()),
    })
}

pub(crate) fn unbind_call(key: &AxeKey) -> Result<Call, ApiError> {
    Ok(Call {
        method: Method::DELETE,
        path: PATH,
        query: key_params(key)?,
        body: None,
    })
}

pub(crate) fn query_call(key: &AxeKey) -> Result<Call, ApiError> {
    Ok(Call {
        method: Method::GET,
        path: PATH,
        query: key_params(key)?,
        body: None,
    })
}

impl Client {
    pub async fn axe_bind(&self, req: &AxeBindRequest) -> Result<AxeBinding, ApiError> {
        let mut b = bind_answer(self.json(bind_call(req)?).await?)?;
        b.bind_num.get_or_insert_with(|| req.bind_num.to_string());
        Ok(b)
    }

    pub async fn axe_modify(&self, req: &AxeModifyRequest) -> Result<(), ApiError> {
        self.json(modify_call(req)?).await.map(drop)
    }

    pub async fn axe_unbind(&self, key: &AxeKey) -> Result<(), ApiError> {
        self.json(unbind_call(key)?).await.map(drop)
    }

    pub async fn axe_query(&self, key: &AxeKey) -> Result<Vec<AxeBinding>, ApiError> {
        query_answer(&self.json(query_call(key)?).await?)
    }
}

#[cfg(test)]
mod tests;
