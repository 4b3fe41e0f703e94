//! Calls: a leg (who calls whom through which binding), a call still answered (target of
//! stop-call) and the summary the admin endpoint and `SimHandle::generate_calls` return.

use serde::{Deserialize, Serialize};

use crate::model::outcomes::Outcome;

/// Who calls whom through which binding.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Leg {
    pub(crate) subscription_id: String,
    pub(crate) caller: String,
    pub(crate) bind_num: String,
    pub(crate) dst: Option<String>,
    pub(crate) direction: i64,
    pub(crate) extend_num: Option<String>,
    pub(crate) user_data: Option<String>,
    pub(crate) record: bool,
    #[serde(skip)]
    pub(crate) forced: Option<Outcome>,
    /// AXYB: B calls X of a relation without YB, and the platform gives B a Y.
    #[serde(skip)]
    pub(crate) assigns_yb: bool,
}

/// A call that is answered and not yet over (target of stop-call).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OngoingCall {
    pub(crate) session_id: String,
    pub(crate) icid: String,
    pub(crate) app_key: String,
    pub(crate) leg: Leg,
    pub(crate) t_in: i64,
    pub(crate) t_answer: i64,
    pub(crate) planned_end: i64,
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
