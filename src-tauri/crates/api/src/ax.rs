//! AX mode (§5): X belongs to A. Others calling X reach A; A calling X reaches the temporary
//! callee set with [`Client::ax_set_temp_callee`].

use maskline_domain::PhoneNumber;
use reqwest::Method;
use serde::Deserialize;

use crate::axb::missing;
use crate::common::{AreaMatchMode, Body, CallDirection, PlayInfo};
use crate::transport::Call;
use crate::wire::{decode, opt_bool, opt_string, opt_u64, records};
use crate::{ApiError, Client, validate};

pub(crate) const PATH: &str = "/rest/provision/caas/privatenumber/v1.0";
pub(crate) const CALLEE_PATH: &str = "/rest/caas/privatenumber/calleenumber/v1.0";
/// Temporary-callee lifetime: 1 s to 3 days (platform default 60 s).
pub const MAX_TEMP_CALLEE_SECS: u32 = 259_200;

/// Bind A to `private_num`, or to a free number of `area_code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxBindRequest {
    pub orig: PhoneNumber,
    pub private_num: Option<PhoneNumber>,
    /// Sent with `privateNumType: "mobile-virtual"`, as the platform requires.
    pub area_code: Option<String>,
    pub area_match_mode: Option<AreaMatchMode>,
    pub call_direction: Option<CallDirection>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    /// `calleeNumDisplay`, `"0"` or `"1"` (meaning unconfirmed; carriers require X to be shown).
    pub callee_num_display: Option<String>,
    pub private_sms: Option<bool>,
    pub pre_voice: Option<PlayInfo>,
    pub max_duration_mins: Option<u32>,
    pub last_min_voice: Option<String>,
    pub user_data: Option<String>,
    /// `turnFlag` (privatenumber_02_0011): `"on"` the private number is switched on, `"off"`
    /// switched off; absent = on.
    pub turn_flag: Option<bool>,
}

impl AxBindRequest {
    pub fn new(orig: PhoneNumber) -> Self {
        Self {
            orig,
            private_num: None,
            area_code: None,
            area_match_mode: None,
            call_direction: None,
            record: None,
            record_hint_tone: None,
            callee_num_display: None,
            private_sms: None,
            pre_voice: None,
            max_duration_mins: None,
            last_min_voice: None,
            user_data: None,
            turn_flag: None,
        }
    }
}

/// Which AX binding an operation is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxKey {
    Subscription(String),
    Pair {
        orig: PhoneNumber,
        private_num: PhoneNumber,
    },
}

/// Change an AX binding; `None` fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxModifyRequest {
    pub key: AxKey,
    pub call_direction: Option<CallDirection>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    pub callee_num_display: Option<String>,
    pub private_sms: Option<bool>,
    pub pre_voice: Option<PlayInfo>,
    pub max_duration_mins: Option<u32>,
    pub last_min_voice: Option<String>,
    pub user_data: Option<String>,
}

impl AxModifyRequest {
    pub fn new(key: AxKey) -> Self {
        Self {
            key,
            call_direction: None,
            record: None,
            record_hint_tone: None,
            callee_num_display: None,
            private_sms: None,
            pre_voice: None,
            max_duration_mins: None,
            last_min_voice: None,
            user_data: None,
        }
    }
}

/// Where A's calls to X go, for `duration_secs` (1–259200, default 60).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxTempCalleeRequest {
    pub key: AxKey,
    /// Mobile, fixed line, 400 or 95 number; must differ from A.
    pub callee: PhoneNumber,
    pub duration_secs: Option<u32>,
    pub user_data: Option<String>,
}

/// What to look up (precedence on the platform: subscription, then A, then X).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxQuery {
    Subscription(String),
    Orig(PhoneNumber),
    PrivateNum(PhoneNumber),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxBound {
    pub subscription_id: String,
    pub orig_num: String,
    pub private_num: String,
}

/// One AX binding as reported by the query (shape partly unverified: §5.4).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AxBinding {
    pub subscription_id: String,
    pub orig_num: Option<String>,
    pub private_num: Option<String>,
    pub call_direction: Option<CallDirection>,
    pub record: Option<bool>,
    pub private_sms: Option<bool>,
    pub max_duration_mins: Option<u64>,
    pub user_data: Option<String>,
    /// `turnFlag`: whether the private number is switched on.
    pub turned_on: Option<bool>,
    /// `privateNumType` of the X (the bind sends `"mobile-virtual"` with an areaCode).
    pub private_num_type: Option<String>,
    /// The temporary callee currently set for A→X calls (`calleeNum`), if the platform reports it.
    pub temp_callee: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    #[serde(default, deserialize_with = "opt_string")]
    subscription_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    orig_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    private_num: Option<String>,
    #[serde(default, deserialize_with = "opt_u64")]
    call_direction: Option<u64>,
    #[serde(default, deserialize_with = "opt_bool")]
    record_flag: Option<bool>,
    #[serde(default, deserialize_with = "opt_bool")]
    private_sms: Option<bool>,
    #[serde(default, deserialize_with = "opt_u64")]
    max_duration: Option<u64>,
    #[serde(default, deserialize_with = "opt_string")]
    user_data: Option<String>,
    #[serde(default, deserialize_with = "opt_bool")]
    turn_flag: Option<bool>,
    #[serde(default, deserialize_with = "opt_string")]
    callee_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    private_num_type: Option<String>,
}

fn key_params(key: &AxKey) -> Result<Vec<(&'static str, String)>, ApiError> {
    Ok(match key {
        AxKey::Subscription(id) => {
            validate::subscription_id(id)?;
            vec![("subscriptionId", id.clone())]
        }
        AxKey::Pair { orig, private_num } => {
            validate::private_number("privateNum", Some(private_num))?;
            vec![
                ("origNum", orig.to_string()),
                ("privateNum", private_num.to_string()),
            ]
        }
    })
}

fn key_body(key: &AxKey) -> Result<Body, ApiError> {
    let mut b = Body::new();
    for (k, v) in key_params(key)? {
        b.put(k, v);
    }
    Ok(b)
}

fn display(v: Option<&str>) -> Result<(), ApiError> {
    match v {
        Some(s) if s != "0" && s != "1" => Err(ApiError::invalid(
            "calleeNumDisplay",
            "must be \"0\" or \"1\"",
        )),
        _ => Ok(()),
    }
}

#[allow(clippy::too_many_arguments)]
fn options(
    b: &mut Body,
    dir: Option<CallDirection>,
    record: Option<bool>,
    tone: Option<&str>,
    disp: Option<&str>,
    sms: Option<bool>,
    pre: Option<&PlayInfo>,
    max: Option<u32>,
    last: Option<&str>,
    user_data: Option<&str>,
    modify: bool,
) -> Result<(), ApiError> {
    validate::tone("recordHintTone", tone)?;
    display(disp)?;
    pre.map_or(Ok(()), PlayInfo::validate)?;
    validate::max_duration(max, last, modify)?;
    validate::user_data(user_data)?;
    b.opt("callDirection", dir.map(CallDirection::code));
    b.flag("recordFlag", record);
    b.opt("recordHintTone", tone);
    b.opt("calleeNumDisplay", disp);
    b.flag("privateSms", sms);
    b.opt("preVoice", pre.map(PlayInfo::wire));
    b.opt("maxDuration", max);
    b.opt("lastMinVoice", last);
    b.opt("userData", user_data);
    Ok(())
}

pub(crate) fn bind_call(r: &AxBindRequest) -> Result<Call, ApiError> {
    validate::party("origNum", &r.orig)?;
    validate::private_number("privateNum", r.private_num.as_ref())?;
    validate::area_code(r.area_code.as_deref())?;
    if r.private_num.is_none() && r.area_code.is_none() {
        return Err(ApiError::invalid(
            "privateNum",
            "give the private number or an areaCode",
        ));
    }
    if r.area_match_mode.is_some() && r.area_code.is_none() {
        return Err(ApiError::invalid(
            "areaMatchMode",
            "only applies together with areaCode",
        ));
    }
    if r.record == Some(true) && r.record_hint_tone.is_none() {
        return Err(ApiError::invalid(
            "recordHintTone",
            "carriers block recorded calls without a recording notice tone",
        ));
    }
    let mut b = Body::new();
    b.put("origNum", r.orig.as_str());
    b.opt(
        "privateNum",
        r.private_num.as_ref().map(PhoneNumber::as_str),
    );
    if let Some(area) = &r.area_code {
        b.put("areaCode", area.as_str())
            .put("privateNumType", "mobile-virtual");
    }
    b.opt("areaMatchMode", r.area_match_mode.map(AreaMatchMode::wire));
    b.opt(
        "turnFlag",
        r.turn_flag.map(|on| if on { "on" } else { "off" }),
    );
    options(
        &mut b,
        r.call_direction,
        r.record,
        r.record_hint_tone.as_deref(),
        r.callee_num_display.as_deref(),
        r.private_sms,
        r.pre_voice.as_ref(),
        r.max_duration_mins,
        r.last_min_voice.as_deref(),
        r.user_data.as_deref(),
        false,
    )?;
    Ok(Call {
        method: Method::POST,
        path: PATH,
        query: vec![],
        body: Some(b.into_value()),
    })
}

pub(crate) fn modify_call(r: &AxModifyRequest) -> Result<Call, ApiError> {
    // privatenumber_02_0013: the binding is named by subscriptionId or privateNum; an origNum
    // in a modify is the *new* A number. So a pair names the binding by its X only (an X has
    // one A), and the A is not sent: it must not be read as a change of A.
    let mut b = match &r.key {
        AxKey::Pair { private_num, .. } => {
            validate::private_number("privateNum", Some(private_num))?;
            let mut b = Body::new();
            b.put("privateNum", private_num.as_str());
            b
        }
        key => key_body(key)?,
    };
    let keys = b.0.as_object().map_or(0, |m| m.len());
    options(
        &mut b,
        r.call_direction,
        r.record,
        r.record_hint_tone.as_deref(),
        r.callee_num_display.as_deref(),
        r.private_sms,
        r.pre_voice.as_ref(),
        r.max_duration_mins,
        r.last_min_voice.as_deref(),
        r.user_data.as_deref(),
        true,
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

pub(crate) fn temp_callee_call(r: &AxTempCalleeRequest) -> Result<Call, ApiError> {
    if let AxKey::Pair { orig, .. } = &r.key
        && *orig == r.callee
    {
        return Err(ApiError::invalid(
            "calleeNum",
            "must differ from A (origNum)",
        ));
    }
    validate::range(
        "duration",
        r.duration_secs,
        1,
        MAX_TEMP_CALLEE_SECS,
        "seconds",
    )?;
    validate::user_data(r.user_data.as_deref())?;
    let mut b = key_body(&r.key)?;
    b.put("calleeNum", r.callee.as_str());
    b.opt("duration", r.duration_secs);
    b.opt("userData", r.user_data.as_deref());
    Ok(Call {
        method: Method::PUT,
        path: CALLEE_PATH,
        query: vec![],
        body: Some(b.into_value()),
    })
}

pub(crate) fn unbind_call(key: &AxKey) -> Result<Call, ApiError> {
    Ok(Call {
        method: Method::DELETE,
        path: PATH,
        query: key_params(key)?,
        body: None,
    })
}

pub(crate) fn query_call(q: &AxQuery) -> Result<Call, ApiError> {
    let query = match q {
        AxQuery::Subscription(id) => {
            validate::subscription_id(id)?;
            vec![("subscriptionId", id.clone())]
        }
        AxQuery::Orig(a) => vec![("origNum", a.to_string())],
        AxQuery::PrivateNum(x) => {
            validate::private_number("privateNum", Some(x))?;
            vec![("privateNum", x.to_string())]
        }
    };
    Ok(Call {
        method: Method::GET,
        path: PATH,
        query,
        body: None,
    })
}

impl Client {
    pub async fn ax_bind(&self, req: &AxBindRequest) -> Result<AxBound, ApiError> {
        let w: Wire = decode("AX bind answer", self.json(bind_call(req)?).await?)?;
        Ok(AxBound {
            subscription_id: w.subscription_id.ok_or_else(|| missing("subscriptionId"))?,
            orig_num: w.orig_num.unwrap_or_else(|| req.orig.to_string()),
            private_num: w.private_num.ok_or_else(|| missing("privateNum"))?,
        })
    }

    pub async fn ax_modify(&self, req: &AxModifyRequest) -> Result<(), ApiError> {
        self.json(modify_call(req)?).await.map(drop)
    }

    pub async fn ax_unbind(&self, key: &AxKey) -> Result<(), ApiError> {
        self.json(unbind_call(key)?).await.map(drop)
    }

    pub async fn ax_set_temp_callee(&self, req: &AxTempCalleeRequest) -> Result<(), ApiError> {
        self.json(temp_callee_call(req)?).await.map(drop)
    }

    pub async fn ax_query(&self, q: &AxQuery) -> Result<Vec<AxBinding>, ApiError> {
        let v = self.json(query_call(q)?).await?;
        records(&v)
            .into_iter()
            .map(|r| decode::<Wire>("AX binding", r).map(AxBinding::from))
            .collect()
    }
}

impl From<Wire> for AxBinding {
    fn from(w: Wire) -> Self {
        Self {
            subscription_id: w.subscription_id.unwrap_or_default(),
            orig_num: w.orig_num,
            private_num: w.private_num,
            call_direction: w.call_direction.and_then(CallDirection::from_code),
            record: w.record_flag,
            private_sms: w.private_sms,
            max_duration_mins: w.max_duration,
            user_data: w.user_data,
            turned_on: w.turn_flag,
            temp_callee: w.callee_num,
            private_num_type: w.private_num_type,
        }
    }
}

#[cfg(test)]
mod tests;
