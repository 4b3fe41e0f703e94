//! Calls: a leg (who calls whom through which binding), a call still answered (target of
//! stop-call) and the summary the admin endpoint and `SimHandle::generate_calls` return.

use serde::{Deserialize, Serialize};

use crate::model::outcomes::Outcome;

/// Who calls whom through which binding.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Leg {
    pub subscription_id: String,
    pub caller: String,
    pub bind_num: String,
    pub dst: Option<String>,
    pub direction: i64,
    pub extend_num: Option<String>,
    pub user_data: Option<String>,
    pub record: bool,
    #[serde(skip)]
    pub forced: Option<Outcome>,
    /// AXYB: B calls X of a relation without YB, and the platform gives B a Y.
    #[serde(skip)]
    pub assigns_yb: bool,
}

/// A call that is answered and not yet over (target of stop-call).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OngoingCall {
    pub session_id: String,
    pub icid: String,
    pub app_key: String,
    pub leg: Leg,
    pub t_in: i64,
    pub t_answer: i64,
    pub planned_end: i64,
}

/// Summary returned by the admin endpoint.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallSummary {
    pub session_id: String,
    pub subscription_id: String,
    pub outcome: String,
    pub ongoing: bool,
    pub record_object_name: Option<String>,
    pub record_domain: Option<String>,
}
