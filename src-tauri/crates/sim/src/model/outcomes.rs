//! How generated calls end: a weighted mix of answered, busy, no-answer, abandoned, rejected
//! and failed calls, with the codes of §13 (disconnect `stateCode`, CDR `ulFailReason`,
//! Q.850 `fwdUnaswRsn`, SIP status).

use rand::Rng;

/// One way a call can end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub(crate) name: &'static str,
    pub(crate) state_code: i64,
    pub(crate) state_desc: &'static str,
    pub(crate) ul_fail_reason: i64,
    pub(crate) q850: i64,
    pub(crate) sip: i64,
    /// The platform placed the forwarded leg (callout event).
    pub(crate) forwarded: bool,
    pub(crate) alerting: bool,
    pub(crate) answered: bool,
}

const fn o(
    name: &'static str,
    state_code: i64,
    state_desc: &'static str,
    ul_fail_reason: i64,
    q850: i64,
    sip: i64,
    flags: (bool, bool, bool),
) -> Outcome {
    Outcome {
        name,
        state_code,
        state_desc,
        ul_fail_reason,
        q850,
        sip,
        forwarded: flags.0,
        alerting: flags.1,
        answered: flags.2,
    }
}

pub(crate) const ANSWERED: Outcome = o(
    "answered",
    0,
    "The user releases the call.",
    0,
    0,
    0,
    (true, true, true),
);
pub(crate) const BUSY: Outcome = o(
    "busy",
    8102,
    "The callee is busy.",
    8102,
    17,
    486,
    (true, false, false),
);
pub(crate) const NO_ANSWER: Outcome = o(
    "noAnswer",
    8101,
    "The callee does not answer.",
    8101,
    19,
    480,
    (true, true, false),
);
pub(crate) const ABANDONED: Outcome = o(
    "callerAbandoned",
    7502,
    "The caller hangs up after the callee rings.",
    7502,
    16,
    487,
    (true, true, false),
);
pub(crate) const REJECTED: Outcome = o(
    "rejected",
    7503,
    "The callee rejects the call.",
    7503,
    21,
    603,
    (true, true, false),
);
pub(crate) const POWERED_OFF: Outcome = o(
    "poweredOff",
    8104,
    "The callee is powered off.",
    8104,
    20,
    480,
    (true, false, false),
);
pub(crate) const NOT_EXIST: Outcome = o(
    "calleeNotExist",
    8100,
    "The callee number does not exist.",
    8100,
    1,
    404,
    (true, false, false),
);
pub(crate) const NETWORK: Outcome = o(
    "networkFailure",
    8103,
    "The callee signal is abnormal.",
    7506,
    41,
    503,
    (true, false, false),
);
pub(crate) const DIRECTION_FORBIDDEN: Outcome = o(
    "directionForbidden",
    8016,
    "The call direction is not allowed.",
    8016,
    0,
    0,
    (false, false, false),
);
pub(crate) const NO_TEMP_CALLEE: Outcome = o(
    "noTemporaryCallee",
    8013,
    "Invalid AX call: no temporary callee.",
    8013,
    0,
    0,
    (false, false, false),
);
pub(crate) const NO_CALLBACK_RECORD: Outcome = o(
    "noCallbackRecord",
    8019,
    "The callback record does not exist.",
    8019,
    0,
    0,
    (false, false, false),
);

/// Outcomes of a call that reached a valid binding, with weights (percent).
pub(crate) const MIX: &[(Outcome, u32)] = &[
    (ANSWERED, 62),
    (BUSY, 11),
    (NO_ANSWER, 13),
    (ABANDONED, 5),
    (REJECTED, 4),
    (POWERED_OFF, 3),
    (NOT_EXIST, 1),
    (NETWORK, 1),
];

/// Draw an outcome from [`MIX`].
pub(crate) fn draw(rng: &mut impl Rng) -> Outcome {
    let total: u32 = MIX.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (outcome, w) in MIX {
        if roll < *w {
            return *outcome;
        }
        roll -= w;
    }
    ANSWERED
}
