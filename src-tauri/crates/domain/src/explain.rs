//! One plain-language reason per call, in zh-CN and en, merged from the platform's disconnect
//! code (`ulFailReason` from the CDR, `stateCode` from the disconnect event), the Q.850 causes
//! (`fwdUnaswRsn`, `callOutUnaswRsn`) and the SIP status: who hung up or what failed, and what
//! the operator can do. Pure: codes in, text out.
//!
//! Precedence: a known platform code, then a deciding Q.850 cause, then the SIP status. Q.850
//! 16/31 ("normal clearing") never decides an unanswered call on its own: it does not say who
//! hung up. Codes missing from the tables are shown raw.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod codes;

/// The reason category of a call; stored with each call so the Calls page can filter and the
/// dashboard can count by it. Stable ids (camelCase in JSON and the database).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CallOutcome {
    Answered,
    MaxDurationReached,
    CallerHungUpBeforeRinging,
    CallerHungUpWhileRinging,
    CallerHungUpBeforeTransfer,
    CalleeRejected,
    CalleeBusy,
    CalleeNoAnswer,
    CalleeUnreachable,
    CalleeSuspended,
    CalleeNumberInvalid,
    NetworkFailure,
    NoBinding,
    DirectionNotAllowed,
    Restricted,
    AccountProblem,
    PlatformFailure,
    EndedBeforeAnswer,
    Unknown,
}

use CallOutcome::*;

/// `(outcome, id, zh what, zh action, en what, en action)`.
const TEXT: &[(CallOutcome, &str, &str, &str, &str, &str)] = &[
    (
        Answered,
        "answered",
        "已接通并正常结束。",
        "无需处理。",
        "Answered and ended normally.",
        "Nothing to do.",
    ),
    (
        MaxDurationReached,
        "maxDurationReached",
        "已接通,通话达到绑定设置的最长通话时长后被平台挂断。",
        "如需更长通话,请调大绑定的最长通话时长(maxDuration)。",
        "Answered, then cut off by the platform at the binding's maximum call duration.",
        "If calls need to last longer, raise maxDuration on the binding.",
    ),
    (
        CallerHungUpBeforeRinging,
        "callerHungUpBeforeRinging",
        "被叫振铃前,主叫已挂机。",
        "非故障,主叫提前放弃;若频繁出现,请检查提示音或接续是否过慢。",
        "The caller hung up before the callee's phone rang.",
        "Not a fault: the caller gave up early. If frequent, check for long announcements or slow connection.",
    ),
    (
        CallerHungUpWhileRinging,
        "callerHungUpWhileRinging",
        "被叫振铃期间,主叫挂机。",
        "非故障:被叫未及时接听。",
        "The caller hung up while the callee's phone was ringing.",
        "Not a fault: nobody answered in time.",
    ),
    (
        CallerHungUpBeforeTransfer,
        "callerHungUpBeforeTransfer",
        "转接前主叫挂机(例如 AXE 模式未输入分机号)。",
        "请确认提示音清楚告知主叫输入分机号。",
        "The caller hung up before being transferred (e.g. no extension entered in AXE mode).",
        "Check that the prompt clearly asks callers for the extension.",
    ),
    (
        CalleeRejected,
        "calleeRejected",
        "被叫拒接(挂断、免打扰、黑名单或拦截软件)。",
        "请让被叫接听来自隐私号 X 的来电,或在拦截软件中放行该号码。",
        "The callee rejected the call (declined, do-not-disturb, blacklist or a blocking app).",
        "Ask the callee to accept calls from the private number X or allow it in their blocking app.",
    ),
    (
        CalleeBusy,
        "calleeBusy",
        "被叫用户忙。",
        "请稍后重试。",
        "The callee's line was busy.",
        "Try again later.",
    ),
    (
        CalleeNoAnswer,
        "calleeNoAnswer",
        "被叫振铃后无人接听,超时结束。",
        "请稍后重试。",
        "The callee's phone rang but nobody answered before the timeout.",
        "Try again later.",
    ),
    (
        CalleeUnreachable,
        "calleeUnreachable",
        "被叫无法接通(关机、飞行模式或无信号)。",
        "请稍后重试,或通过其他方式联系被叫。",
        "The callee could not be reached (phone off, flight mode or no signal).",
        "Try again later or reach the callee another way.",
    ),
    (
        CalleeSuspended,
        "calleeSuspended",
        "被叫号码已停机。",
        "请核对绑定的真实号码;需号码机主恢复服务。",
        "The callee's number is suspended by the carrier.",
        "Check the real number in the binding; its owner must restore service.",
    ),
    (
        CalleeNumberInvalid,
        "calleeNumberInvalid",
        "被叫号码不存在或格式错误。",
        "请检查绑定中的真实号码,有误请重新绑定。",
        "The callee number does not exist or is malformed.",
        "Check the real number in the binding and rebind it if wrong.",
    ),
    (
        NetworkFailure,
        "networkFailure",
        "运营商网络或被叫侧异常(信号或路由问题),呼叫失败。",
        "通常是临时问题,请重试;若某号码或地区持续出现,请带上 icid 联系华为云客服。",
        "The call failed in the carrier network or on the callee's side (signal or routing).",
        "Usually temporary: retry. If it persists for a number or area, report it to Huawei Cloud support with the icid.",
    ),
    (
        NoBinding,
        "noBinding",
        "没有有效的绑定关系(不存在、已过期,或 AX 模式无临时被叫)。",
        "请查询 X 的绑定关系是否有效,过期请重新绑定。",
        "No valid binding for this call (missing, expired, or an AX binding without a temporary callee).",
        "Query the bindings of X and bind again if it expired.",
    ),
    (
        DirectionNotAllowed,
        "directionNotAllowed",
        "绑定的呼叫方向(callDirection)不允许此次呼叫。",
        "如应允许,请修改绑定的 callDirection。",
        "The binding does not allow calls in this direction (callDirection).",
        "Change callDirection on the binding if this call should be allowed.",
    ),
    (
        Restricted,
        "restricted",
        "呼叫被平台管控拦截(频次、黑名单、时段、国际或运营商限制)。",
        "请检查应用的频次与黑名单设置;如属误拦截请联系华为云客服。",
        "The platform's controls blocked the call (rate limit, blacklist, time window, international or carrier restriction).",
        "Check the app's limits and blacklists; contact Huawei Cloud support if the block is unexpected.",
    ),
    (
        AccountProblem,
        "accountProblem",
        "应用或账号无法呼叫(应用不存在、无号码资源、账号冻结、子企业暂停或 X 号码不可用)。",
        "请在华为云控制台检查应用和 X 号码的状态。",
        "The app or account cannot make this call (app missing, no number resources, frozen account, suspended sub-enterprise or unusable X).",
        "Check the app and the X number's status in the Huawei Cloud console.",
    ),
    (
        PlatformFailure,
        "platformFailure",
        "平台内部故障(内部错误、语音端口不足、放音或录音失败)。",
        "请重试;反复出现时请带上 icid 和时间联系华为云客服。",
        "The platform failed (internal error, no free voice port, announcement or recording failure).",
        "Retry; if it repeats, report it to Huawei Cloud support with the icid and time.",
    ),
    (
        EndedBeforeAnswer,
        "endedBeforeAnswer",
        "呼叫在接听前结束;平台只给出“正常呼叫清除”,无法判断是谁挂机,多为主叫放弃或被叫拒接。",
        "请查看该呼叫挂机事件的 stateCode 以获得准确原因。",
        "The call ended before anyone answered; the platform reported only \"normal clearing\", which does not say who hung up (usually the caller gave up or the callee declined).",
        "Check the call's disconnect event (stateCode) for the precise reason.",
    ),
    (
        Unknown,
        "unknown",
        "平台返回了 Maskline 不认识的原因码。",
        "请查阅华为云隐私保护通话的原因码说明,或咨询华为云客服。",
        "The platform reported codes Maskline does not know.",
        "Look the codes up in Huawei Cloud's PrivateNumber code tables or ask support.",
    ),
];

impl CallOutcome {
    fn text(
        self,
    ) -> &'static (
        CallOutcome,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ) {
        TEXT.iter()
            .find(|t| t.0 == self)
            .unwrap_or(&TEXT[TEXT.len() - 1])
    }

    /// Every outcome, in display order (for filter lists).
    pub fn all() -> impl Iterator<Item = CallOutcome> {
        TEXT.iter().map(|t| t.0)
    }

    /// The stable id stored in the database (same as the JSON form).
    pub fn as_str(self) -> &'static str {
        self.text().1
    }

    pub fn parse(s: &str) -> Option<Self> {
        TEXT.iter().find(|t| t.1 == s).map(|t| t.0)
    }

    /// Short label: `(zh, en)` of what happened.
    pub fn label(self) -> (&'static str, &'static str) {
        let t = self.text();
        (t.2, t.4)
    }
}

/// The codes of one call. `None` = the field was absent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallCodes {
    pub answered: bool,
    pub talk_seconds: i64,
    pub ul_fail_reason: Option<i64>,
    pub state_code: Option<i64>,
    pub fwd_unasw_rsn: Option<i64>,
    pub call_out_unasw_rsn: Option<i64>,
    pub sip_status: Option<i64>,
    /// 1 caller hung up, 2 callee hung up (X mode).
    pub call_rel_direction: Option<i64>,
}

impl CallCodes {
    /// The codes of a stored call as explained: its own `state_code` (the disconnect event
    /// seen when the CDR was imported), else the latest non-zero one of its events, oldest
    /// first in `event_state_codes` (events imported after the CDR).
    pub fn with_events(
        self,
        event_state_codes: impl DoubleEndedIterator<Item = Option<i64>>,
    ) -> Self {
        let mut latest = event_state_codes.rev().flatten().filter(|s| *s != 0);
        CallCodes {
            state_code: self.state_code.or_else(|| latest.next()),
            ..self
        }
    }
}

/// One code as shown to the operator, with its meaning when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RawCode {
    /// `ulFailReason`, `stateCode`, `fwdUnaswRsn`, `callOutUnaswRsn` or `sipStatusCode`.
    pub field: String,
    pub value: i64,
    /// `None` when the code is not in Maskline's tables (shown raw).
    pub meaning_zh: Option<String>,
    pub meaning_en: Option<String>,
}

/// The explanation of one call in both languages, so switching language needs no refetch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub outcome: CallOutcome,
    /// What happened and who hung up, then what to do.
    pub zh: String,
    pub en: String,
    /// The non-zero codes it was derived from.
    pub codes: Vec<RawCode>,
}

fn nonzero(v: Option<i64>) -> Option<i64> {
    v.filter(|&c| c != 0)
}

fn platform_outcome(code: i64, answered: bool) -> Option<CallOutcome> {
    codes::platform(code).map(|e| match e.1 {
        // 7503 is 被叫挂机 in the CDR table: after an answer that is a normal hang-up.
        CalleeRejected if answered && code == 7503 => Answered,
        o => o,
    })
}

/// The outcome category of a call.
pub fn classify(c: &CallCodes) -> CallOutcome {
    let platform = [c.ul_fail_reason, c.state_code]
        .into_iter()
        .filter_map(nonzero)
        .find_map(|code| platform_outcome(code, c.answered));
    if c.answered {
        return match platform {
            Some(MaxDurationReached) => MaxDurationReached,
            _ => Answered,
        };
    }
    if let Some(o) = platform {
        return o;
    }
    let q = [c.fwd_unasw_rsn, c.call_out_unasw_rsn]
        .into_iter()
        .filter_map(nonzero)
        .find_map(|code| codes::q850(code).and_then(|e| e.1));
    if let Some(o) = q {
        return o;
    }
    if let Some(e) = nonzero(c.sip_status).and_then(codes::sip) {
        return e.1;
    }
    let unknown = raw_codes(c).iter().any(|r| r.meaning_en.is_none());
    if unknown { Unknown } else { EndedBeforeAnswer }
}

fn raw_codes(c: &CallCodes) -> Vec<RawCode> {
    let mut out = Vec::new();
    let mut push = |field: &str, v: Option<i64>, m: Option<(String, String)>| {
        if let Some(value) = nonzero(v) {
            let (zh, en) = m.map_or((None, None), |(z, e)| (Some(z), Some(e)));
            out.push(RawCode {
                field: field.into(),
                value,
                meaning_zh: zh,
                meaning_en: en,
            });
        }
    };
    let plat = |v: Option<i64>| {
        nonzero(v)
            .and_then(codes::platform)
            .map(|e| (e.2.to_string(), e.3.to_string()))
    };
    let q = |v: Option<i64>| {
        nonzero(v)
            .and_then(codes::q850)
            .map(|e| (e.2.to_string(), e.3.to_string()))
    };
    push("ulFailReason", c.ul_fail_reason, plat(c.ul_fail_reason));
    push("stateCode", c.state_code, plat(c.state_code));
    push("fwdUnaswRsn", c.fwd_unasw_rsn, q(c.fwd_unasw_rsn));
    push(
        "callOutUnaswRsn",
        c.call_out_unasw_rsn,
        q(c.call_out_unasw_rsn),
    );
    let s = nonzero(c.sip_status)
        .and_then(codes::sip)
        .map(|e| (e.2.to_string(), e.2.to_string()));
    push("sipStatusCode", c.sip_status, s);
    out
}

fn duration_text(s: i64) -> (String, String) {
    let (m, s) = (s / 60, s % 60);
    if m > 0 {
        (format!("{m} 分 {s} 秒"), format!("{m} min {s} s"))
    } else {
        (format!("{s} 秒"), format!("{s} s"))
    }
}

/// Explains a call in both languages.
pub fn explain(c: &CallCodes) -> Explanation {
    let outcome = classify(c);
    let codes = raw_codes(c);
    let t = outcome.text();
    let (mut zh, mut en) = (t.2.to_string(), t.4.to_string());
    if outcome == Answered {
        let (dz, de) = duration_text(c.talk_seconds);
        let who = match c.call_rel_direction {
            Some(1) => Some(("主叫先挂机", "The caller hung up")),
            Some(2) => Some(("被叫先挂机", "The callee hung up")),
            _ if nonzero(c.ul_fail_reason) == Some(7503) => {
                Some(("被叫先挂机", "The callee hung up"))
            }
            _ => None,
        };
        zh = format!("已接通,通话 {dz}。");
        en = format!("Answered; talked {de}.");
        if let Some((wz, we)) = who {
            zh.push_str(&format!("{wz}。"));
            en.push_str(&format!(" {we}."));
        }
    }
    zh.push_str(t.3);
    en.push(' ');
    en.push_str(t.5);
    if !codes.is_empty() {
        let list = |zh: bool| {
            codes
                .iter()
                .map(|r| {
                    let m = if zh { &r.meaning_zh } else { &r.meaning_en };
                    match m {
                        Some(m) => format!("{} {} ({m})", r.field, r.value),
                        None if zh => format!("{} {} (未知)", r.field, r.value),
                        None => format!("{} {} (unknown)", r.field, r.value),
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        zh.push_str(&format!(" 原因码:{}。", list(true)));
        en.push_str(&format!(" Codes: {}.", list(false)));
    }
    Explanation {
        outcome,
        zh,
        en,
        codes,
    }
}

#[cfg(test)]
#[path = "explain/tests.rs"]
mod tests;
