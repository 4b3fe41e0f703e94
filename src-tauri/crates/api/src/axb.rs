//! AXB mode (§4): A and B call each other through a shared private number X.

use maskline_domain::PhoneNumber;
use reqwest::Method;
use serde::Deserialize;

use crate::common::{AreaMatchMode, Body, CallDirection, Page, PlayInfo};
use crate::transport::Call;
use crate::wire::{decode, opt_bool, opt_string, opt_u64};
use crate::{ApiError, Client, validate};

pub(crate) const PATH: &str = "/rest/caas/relationnumber/partners/v1.0";
/// `duration`: 0 (never expires) to 90 days, in seconds.
pub const MAX_DURATION_SECS: u32 = 7_776_000;

/// Bind A and B. X is `relation_num` if given, else a free number of `area_code`, else of A's city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxbBindRequest {
    pub caller: PhoneNumber,
    pub callee: PhoneNumber,
    pub relation_num: Option<PhoneNumber>,
    pub area_code: Option<String>,
    pub area_match_mode: Option<AreaMatchMode>,
    pub call_direction: Option<CallDirection>,
    /// Seconds, 0–7776000; absent or 0 = never expires.
    pub duration_secs: Option<u32>,
    /// Minutes per call, 0–1440; 0 = unlimited.
    pub max_duration_mins: Option<u32>,
    /// Tone one minute before `max_duration_mins` ends.
    pub last_min_voice: Option<String>,
    pub record: Option<bool>,
    /// Required by carriers when `record` is on.
    pub record_hint_tone: Option<String>,
    pub private_sms: Option<bool>,
    pub pre_voice: Option<PlayInfo>,
    pub user_data: Option<String>,
}

impl AxbBindRequest {
    pub fn new(caller: PhoneNumber, callee: PhoneNumber) -> Self {
        Self {
            caller,
            callee,
            relation_num: None,
            area_code: None,
            area_match_mode: None,
            call_direction: None,
            duration_secs: None,
            max_duration_mins: None,
            last_min_voice: None,
            record: None,
            record_hint_tone: None,
            private_sms: None,
            pre_voice: None,
            user_data: None,
        }
    }
}

/// Change a binding; `None` fields stay as they are. Changing `duration_secs` restarts the timer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AxbModifyRequest {
    pub subscription_id: String,
    pub caller: Option<PhoneNumber>,
    pub callee: Option<PhoneNumber>,
    pub call_direction: Option<CallDirection>,
    pub duration_secs: Option<u32>,
    pub max_duration_mins: Option<u32>,
    pub last_min_voice: Option<String>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    pub private_sms: Option<bool>,
    pub pre_voice: Option<PlayInfo>,
    pub user_data: Option<String>,
}

/// What to unbind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxbUnbind {
    Subscription(String),
    /// Every binding on this X.
    AllOnNumber(PhoneNumber),
}

/// What to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxbQuery {
    Subscription(String),
    /// Bindings on X, optionally narrowed to the one with this A and/or B.
    Number {
        relation_num: PhoneNumber,
        caller: Option<PhoneNumber>,
        callee: Option<PhoneNumber>,
        page: Page,
    },
}

/// The answer to a bind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxbBound {
    pub subscription_id: String,
    /// The X actually bound.
    pub relation_num: String,
}

/// One binding as the platform reports it. Numbers are E.164 text as returned.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AxbBinding {
    pub subscription_id: String,
    pub relation_num: Option<String>,
    pub caller: Option<String>,
    pub callee: Option<String>,
    pub call_direction: Option<CallDirection>,
    pub duration_secs: Option<u64>,
    pub max_duration_mins: Option<u64>,
    pub record: Option<bool>,
    pub private_sms: Option<bool>,
    /// When the binding was set or last modified, as the platform formats it.
    pub subscribe_time: Option<String>,
    pub user_data: Option<String>,
}

/// One page of query results.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AxbQueryPage {
    pub total_count: u64,
    pub page_index: u64,
    pub page_size: u64,
    pub bindings: Vec<AxbBinding>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BoundWire {
    #[serde(default, deserialize_with = "opt_string")]
    subscription_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    relation_num: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BindingWire {
    #[serde(default, deserialize_with = "opt_string")]
    subscription_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    relation_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    caller_num: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    callee_num: Option<String>,
    #[serde(default, deserialize_with = "opt_u64")]
    call_direction: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    duration: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    max_duration: Option<u64>,
    #[serde(default, deserialize_with = "opt_bool")]
    record_flag: Option<bool>,
    #[serde(default, deserialize_with = "opt_bool")]
    private_sms: Option<bool>,
    #[serde(default, deserialize_with = "opt_string")]
    subscribe_time: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    user_data: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageWire {
    #[serde(default, deserialize_with = "opt_u64")]
    total_count: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    page_index: Option<u64>,
    #[serde(default, deserialize_with = "opt_u64")]
    page_size: Option<u64>,
    #[serde(default)]
    relation_num_list: Vec<BindingWire>,
}

impl From<BindingWire> for AxbBinding {
    fn from(w: BindingWire) -> Self {
        Self {
            subscription_id: w.subscription_id.unwrap_or_default(),
            relation_num: w.relation_num,
            caller: w.caller_num,
            callee: w.callee_num,
            call_direction: w.call_direction.and_then(CallDirection::from_code),
            duration_secs: w.duration,
            max_duration_mins: w.max_duration,
            record: w.record_flag,
            private_sms: w.private_sms,
            subscribe_time: w.subscribe_time,
            user_data: w.user_data,
        }
    }
}

fn common_checks(
    duration: Option<u32>,
    max: Option<u32>,
    last_min_voice: Option<&str>,
    modify: bool,
    tone: Option<&str>,
    pre_voice: Option<&PlayInfo>,
    user_data: Option<&str>,
) -> Result<(), ApiError> {
    validate::range("duration", duration, 0, MAX_DURATION_SECS, "seconds")?;
    validate::max_duration(max, last_min_voice, modify)?;
    validate::tone("recordHintTone", tone)?;
    pre_voice.map_or(Ok(()), PlayInfo::validate)?;
    validate::user_data(user_data)
}

pub(crate) fn bind_call(r: &AxbBindRequest) -> Result<Call, ApiError> {
    validate::party("callerNum", &r.caller)?;
    validate::party("calleeNum", &r.callee)?;
    if r.caller == r.callee {
        return Err(ApiError::invalid(
            "calleeNum",
            "A and B must be different numbers",
        ));
    }
    validate::private_number("relationNum", r.relation_num.as_ref())?;
    validate::area_code(r.area_code.as_deref())?;
    common_checks(
        r.duration_secs,
        r.max_duration_mins,
        r.last_min_voice.as_deref(),
        false,
        r.record_hint_tone.as_deref(),
        r.pre_voice.as_ref(),
        r.user_data.as_deref(),
    )?;
    if r.record == Some(true) && r.record_hint_tone.is_none() {
        return Err(ApiError::invalid(
            "recordHintTone",
            "carriers block recorded calls without a recording notice tone",
        ));
    }
    let mut b = Body::new();
    b.put("callerNum", r.caller.as_str())
        .put("calleeNum", r.callee.as_str());
    b.opt(
        "relationNum",
        r.relation_num.as_ref().map(PhoneNumber::as_str),
    );
    b.opt("areaCode", r.area_code.as_deref());
    b.opt("areaMatchMode", r.area_match_mode.map(AreaMatchMode::wire));
    b.opt("callDirection", r.call_direction.map(CallDirection::code));
    b.opt("duration", r.duration_secs);
    b.opt("maxDuration", r.max_duration_mins);
    b.opt("lastMinVoice", r.last_min_voice.as_deref());
    b.flag("recordFlag", r.record);
    b.opt("recordHintTone", r.record_hint_tone.as_deref());
    b.flag("privateSms", r.private_sms);
    b.opt("preVoice", r.pre_voice.as_ref().map(PlayInfo::wire));
    b.opt("userData", r.user_data.as_deref());
    Ok(Call {
        method: Method::POST,
        path: PATH,
        query: vec![],
        body: Some(b.into_value()),
    })
}

pub(crate) fn modify_call(r: &AxbModifyRequest) -> Result<Call, ApiError> {
    validate::subscription_id(&r.subscription_id)?;
    for (field, n) in [("callerNum", &r.caller), ("calleeNum", &r.callee)] {
        n.as_ref().map_or(Ok(()), |n| validate::party(field, n))?;
    }
    common_checks(
        r.duration_secs,
        r.max_duration_mins,
        r.last_min_voice.as_deref(),
        true,
        r.record_hint_tone.as_deref(),
        r.pre_voice.as_ref(),
        r.user_data.as_deref(),
    )?;
    let mut b = Body::new();
    b.put("subscriptionId", r.subscription_id.as_str());
    b.opt("callerNum", r.caller.as_ref().map(PhoneNumber::as_str));
    b.opt("calleeNum", r.callee.as_ref().map(PhoneNumber::as_str));
    b.opt("callDirection", r.call_direction.map(CallDirection::code));
    b.opt("duration", r.duration_secs);
    b.opt("maxDuration", r.max_duration_mins);
    b.opt("lastMinVoice", r.last_min_voice.as_deref());
    b.flag("recordFlag", r.record);
    b.opt("recordHintTone", r.record_hint_tone.as_deref());
    b.flag("privateSms", r.private_sms);
    b.opt("preVoice", r.pre_voice.as_ref().map(PlayInfo::wire));
    b.opt("userData", r.user_data.as_deref());
    let body = b.into_value();
    if body.as_object().is_some_and(|m| m.len() == 1) {
        return Err(ApiError::invalid(
            "subscriptionId",
            "nothing to modify: set at least one field",
        ));
    }
    Ok(Call {
        method: Method::PUT,
        path: PATH,
        query: vec![],
        body: Some(body),
    })
}

pub(crate) fn unbind_call(r: &AxbUnbind) -> Result<Call, ApiError> {
    let query = match r {
        AxbUnbind::Subscription(id) => {
            validate::subscription_id(id)?;
            vec![("subscriptionId", id.clone())]
        }
        AxbUnbind::AllOnNumber(x) => {
            validate::private_number("relationNum", Some(x))?;
            vec![("relationNum", x.to_string())]
        }
    };
    Ok(Call {
        method: Method::DELETE,
        path: PATH,
        query,
        body: None,
    })
}

pub(crate) fn query_call(q: &AxbQuery) -> Result<Call, ApiError> {
    let query = match q {
        AxbQuery::Subscription(id) => {
            validate::subscription_id(id)?;
            vec![("subscriptionId", id.clone())]
        }
        AxbQuery::Number {
            relation_num,
            caller,
            callee,
            page,
        } => {
            validate::private_number("relationNum", Some(relation_num))?;
            page.validate()?;
            let mut v = vec![("relationNum", relation_num.to_string())];
            v.extend(caller.as_ref().map(|c| ("callerNum", c.to_string())));
            v.extend(callee.as_ref().map(|c| ("calleeNum", c.to_string())));
            v.push(("pageIndex", page.index.to_string()));
            v.push(("pageSize", page.size.to_string()));
            v
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
    pub async fn axb_bind(&self, req: &AxbBindRequest) -> Result<AxbBound, ApiError> {
        let v = self.json(bind_call(req)?).await?;
        let w: BoundWire = decode("AXB bind answer", v)?;
        Ok(AxbBound {
            subscription_id: w.subscription_id.ok_or_else(|| missing("subscriptionId"))?,
            relation_num: w.relation_num.ok_or_else(|| missing("relationNum"))?,
        })
    }

    pub async fn axb_modify(&self, req: &AxbModifyRequest) -> Result<(), ApiError> {
        self.json(modify_call(req)?).await.map(drop)
    }

    pub async fn axb_unbind(&self, req: &AxbUnbind) -> Result<(), ApiError> {
        self.json(unbind_call(req)?).await.map(drop)
    }

    pub async fn axb_query(&self, q: &AxbQuery) -> Result<AxbQueryPage, ApiError> {
        let v = self.json(query_call(q)?).await?;
        let w: PageWire = decode("AXB query answer", v)?;
        let bindings: Vec<AxbBinding> = w
            .relation_num_list
            .into_iter()
            .map(AxbBinding::from)
            .collect();
        Ok(AxbQueryPage {
            total_count: w.total_count.unwrap_or(bindings.len() as u64),
            page_index: w.page_index.unwrap_or(1),
            page_size: w.page_size.unwrap_or(bindings.len() as u64),
            bindings,
        })
    }
}

pub(crate) fn missing(field: &str) -> ApiError {
    ApiError::Decode(format!("the answer has no {field}"))
}

#[cfg(test)]
mod tests;
