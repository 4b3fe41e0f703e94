//! Code tables of §13: platform disconnect codes (`stateCode` / `ulFailReason`), Q.850 causes
//! (`fwdUnaswRsn` / `callOutUnaswRsn`) and SIP statuses, each with the outcome it implies.

use super::CallOutcome::{self, *};

/// `(code, outcome, zh, en)`. `stateCode` and `ulFailReason` share this space; where they
/// differ (7503: 被叫拒接 vs 被叫挂机) the caller of [`platform`] decides by "answered".
pub(super) const PLATFORM: &[(i64, CallOutcome, &str, &str)] = &[
    (
        522,
        PlatformFailure,
        "平台语音端口不足",
        "no free voice port on the platform",
    ),
    (
        7001,
        Restricted,
        "开发者呼叫频次管控",
        "developer call-rate control",
    ),
    (
        7002,
        Restricted,
        "应用呼叫频次管控",
        "app call-rate control",
    ),
    (
        7003,
        Restricted,
        "主显号码呼叫频次管控",
        "displayed-number call-rate control",
    ),
    (7004, Restricted, "被叫黑名单管控", "callee blacklisted"),
    (7005, Restricted, "主叫黑名单管控", "caller blacklisted"),
    (7100, AccountProblem, "应用信息不存在", "app does not exist"),
    (
        7101,
        AccountProblem,
        "应用未申请隐私号码资源",
        "app has no private-number resources",
    ),
    (
        7102,
        PlatformFailure,
        "服务内部出错",
        "internal service error",
    ),
    (
        7103,
        NoBinding,
        "主叫号码信息不存在",
        "caller number information missing",
    ),
    (7104, NoBinding, "AX绑定关系不存在", "no AX binding"),
    (
        7105,
        AccountProblem,
        "业务类型不匹配",
        "service type mismatch",
    ),
    (
        7106,
        AccountProblem,
        "应用无隐私保护通话能力",
        "app lacks the PrivateNumber capability",
    ),
    (
        7107,
        PlatformFailure,
        "安全管控提示音放音失败",
        "security prompt playback failed",
    ),
    (7108, AccountProblem, "用户状态已冻结", "account frozen"),
    (
        7109,
        PlatformFailure,
        "租户语音端口不足",
        "tenant has no free voice port",
    ),
    (7500, Restricted, "呼叫前缀被限制", "call prefix restricted"),
    (
        7501,
        CallerHungUpBeforeRinging,
        "被叫振铃前主叫挂机",
        "caller hung up before the callee rang",
    ),
    (
        7502,
        CallerHungUpWhileRinging,
        "被叫振铃后主叫挂机",
        "caller hung up while the callee rang",
    ),
    (
        7503,
        CalleeRejected,
        "被叫拒接/被叫挂机",
        "callee rejected / callee hung up",
    ),
    (7504, CalleeRejected, "呼叫被拒绝", "call rejected"),
    (
        7505,
        NetworkFailure,
        "主叫侧网络异常",
        "network failure on the caller's side",
    ),
    (
        7506,
        NetworkFailure,
        "被叫侧网络异常",
        "network failure on the callee's side",
    ),
    (
        7507,
        PlatformFailure,
        "无放音文件",
        "announcement file missing",
    ),
    (7508, NetworkFailure, "路由失败", "routing failed"),
    (
        7516,
        CallerHungUpBeforeTransfer,
        "呼叫转接前主叫挂机",
        "caller hung up before the transfer",
    ),
    (
        8002,
        NetworkFailure,
        "接续用户时对端返回失败放音",
        "far end played a failure tone",
    ),
    (8003, CalleeNoAnswer, "用户振铃超时", "ringing timed out"),
    (
        8004,
        CallerHungUpWhileRinging,
        "用户振铃时挂机",
        "hung up while ringing",
    ),
    (
        8005,
        PlatformFailure,
        "TTS转换失败",
        "text-to-speech failed",
    ),
    (
        8006,
        PlatformFailure,
        "放音文件不存在",
        "announcement file does not exist",
    ),
    (
        8007,
        PlatformFailure,
        "给用户放音失败",
        "announcement playback failed",
    ),
    (
        8008,
        PlatformFailure,
        "给用户放音收号失败",
        "digit collection failed",
    ),
    (
        8009,
        CallerHungUpBeforeRinging,
        "接通前主叫用户主动挂机",
        "caller hung up before connection",
    ),
    (
        8010,
        MaxDurationReached,
        "超过通话最大时长挂机",
        "maximum call duration reached",
    ),
    (8011, PlatformFailure, "内部错误", "internal error"),
    (8012, AccountProblem, "无效的app_key", "invalid app_key"),
    (
        8013,
        NoBinding,
        "无效AX模式呼叫(存在AX绑定,但无临时被叫)",
        "AX binding without a temporary callee",
    ),
    (
        8014,
        NoBinding,
        "无效AXB/X模式呼叫(绑定关系不存在,号码格式错误等)",
        "no AXB/X binding (or bad number format)",
    ),
    (8015, PlatformFailure, "给用户录音失败", "recording failed"),
    (
        8016,
        DirectionNotAllowed,
        "AX/AXB模式呼叫方向不允许",
        "call direction not allowed by the binding",
    ),
    (
        8018,
        NoBinding,
        "业务无权限(包含:不存在AX绑定关系)",
        "no permission (e.g. no AX binding)",
    ),
    (
        8019,
        NoBinding,
        "回呼记录不存在",
        "no callback record (AXE/AX, A calls X)",
    ),
    (8020, PlatformFailure, "业务异常", "service exception"),
    (
        8022,
        NoBinding,
        "绑定关系不存在或已过期(AXE模式,B呼X场景)",
        "AXE binding missing or expired",
    ),
    (
        8023,
        Restricted,
        "不允许固话号码作为主叫号码",
        "fixed-line caller not allowed",
    ),
    (
        8024,
        Restricted,
        "不允许使用显示真实主叫号码模式",
        "showing the real caller number not allowed",
    ),
    (
        8025,
        NoBinding,
        "呼叫的X号码不存在(AXE模式)",
        "X number does not exist (AXE)",
    ),
    (8030, NoBinding, "AXYB模式绑定关系不存在", "no AXYB binding"),
    (
        8031,
        NoBinding,
        "AXYB模式呼叫过程中分配Y号码失败",
        "AXYB could not allocate a Y number",
    ),
    (
        8032,
        Restricted,
        "AXYB模式主叫拨打自己绑定的隐私号",
        "caller dialled their own private number (AXYB)",
    ),
    (
        8033,
        CallerHungUpBeforeTransfer,
        "收到的分机号为空",
        "no extension entered",
    ),
    (
        8035,
        CalleeNoAnswer,
        "被叫无应答,振铃超时未响应",
        "callee did not answer (platform timeout)",
    ),
    (8040, PlatformFailure, "内部错误", "internal error"),
    (8041, PlatformFailure, "给用户录音失败", "recording failed"),
    (
        8042,
        Restricted,
        "国际呼入限制",
        "international inbound restricted",
    ),
    (
        8043,
        Restricted,
        "国际呼出限制",
        "international outbound restricted",
    ),
    (
        8044,
        Restricted,
        "通话时间异常管控",
        "abnormal call-duration control",
    ),
    (
        8046,
        Restricted,
        "接通率异常管控",
        "abnormal answer-rate control",
    ),
    (
        8047,
        Restricted,
        "主叫呼叫频次管控",
        "caller call-rate control",
    ),
    (
        8048,
        Restricted,
        "被叫呼叫频次管控",
        "callee call-rate control",
    ),
    (
        8049,
        Restricted,
        "业务号码呼叫频次管控",
        "service-number call-rate control",
    ),
    (
        8050,
        Restricted,
        "呼叫时段限制",
        "calls not allowed at this time",
    ),
    (
        8051,
        AccountProblem,
        "子企业被暂停",
        "sub-enterprise suspended",
    ),
    (
        8055,
        AccountProblem,
        "X号码不可用,呼叫和短信功能不可用",
        "X number unusable for calls and SMS",
    ),
    (8056, Restricted, "拨测号码管控", "test-call number control"),
    (
        8057,
        DirectionNotAllowed,
        "呼叫方向管控",
        "call-direction control",
    ),
    (
        8058,
        Restricted,
        "从业者未实名",
        "practitioner not real-name verified",
    ),
    (8059, Restricted, "运营商拦截", "blocked by the carrier"),
    (
        8100,
        CalleeNumberInvalid,
        "被叫号码不存在",
        "callee number does not exist",
    ),
    (
        8101,
        CalleeNoAnswer,
        "被叫振铃后无应答",
        "callee rang but did not answer",
    ),
    (8102, CalleeBusy, "被叫用户正忙", "callee busy"),
    (
        8103,
        NetworkFailure,
        "被叫信号异常",
        "callee signal abnormal",
    ),
    (
        8104,
        CalleeUnreachable,
        "被叫已关机",
        "callee powered off or out of coverage",
    ),
    (
        8105,
        CalleeSuspended,
        "被叫已停机",
        "callee number suspended",
    ),
];

/// Q.850 causes: `(cause, outcome if it decides one, zh, en)`. 16 and 31 (normal clearing)
/// decide nothing for an unanswered call: they do not say who hung up.
pub(super) const Q850: &[(i64, Option<CallOutcome>, &str, &str)] = &[
    (
        1,
        Some(CalleeNumberInvalid),
        "无法找到号码",
        "unallocated number",
    ),
    (
        2,
        Some(NetworkFailure),
        "无法路由到网络",
        "no route to network",
    ),
    (
        3,
        Some(NetworkFailure),
        "无法路由到目的地",
        "no route to destination",
    ),
    (16, None, "正常呼叫清除", "normal call clearing"),
    (17, Some(CalleeBusy), "用户忙", "user busy"),
    (18, Some(CalleeNoAnswer), "无应答", "no user responding"),
    (
        19,
        Some(CalleeNoAnswer),
        "无用户应答",
        "no answer from user",
    ),
    (
        20,
        Some(CalleeUnreachable),
        "用户不可及",
        "subscriber absent",
    ),
    (21, Some(CalleeRejected), "拒绝呼叫", "call rejected"),
    (
        22,
        Some(CalleeNumberInvalid),
        "号码已改变",
        "number changed",
    ),
    (
        27,
        Some(NetworkFailure),
        "目标无序",
        "destination out of order",
    ),
    (
        28,
        Some(CalleeNumberInvalid),
        "非法号码格式",
        "invalid number format",
    ),
    (29, Some(Restricted), "设备拒绝", "facility rejected"),
    (31, None, "正常", "normal, unspecified"),
    (
        34,
        Some(NetworkFailure),
        "路由不可达",
        "no circuit available",
    ),
    (
        38,
        Some(NetworkFailure),
        "网络状态不好",
        "network out of order",
    ),
    (41, Some(NetworkFailure), "暂时失败", "temporary failure"),
    (
        42,
        Some(NetworkFailure),
        "设备拥塞",
        "switching equipment congestion",
    ),
    (
        44,
        Some(NetworkFailure),
        "请求的通道不可用",
        "requested circuit not available",
    ),
    (
        47,
        Some(NetworkFailure),
        "资源不可用",
        "resource unavailable",
    ),
    (
        57,
        Some(Restricted),
        "承载能力未授权",
        "bearer capability not authorized",
    ),
    (
        58,
        Some(NetworkFailure),
        "发送无效",
        "bearer capability not available",
    ),
    (
        63,
        Some(NetworkFailure),
        "服务无效",
        "service not available",
    ),
    (
        88,
        Some(NetworkFailure),
        "目标冲突",
        "incompatible destination",
    ),
    (
        102,
        Some(CalleeNoAnswer),
        "定时器超时",
        "recovery on timer expiry",
    ),
    (111, Some(NetworkFailure), "协议错误", "protocol error"),
    (
        127,
        Some(NetworkFailure),
        "未指定的交互",
        "interworking, unspecified",
    ),
];

/// SIP final statuses of the failed leg: `(status, outcome, reason phrase)`.
pub(super) const SIP: &[(i64, CallOutcome, &str)] = &[
    (403, Restricted, "Forbidden"),
    (404, CalleeNumberInvalid, "Not Found"),
    (408, CalleeNoAnswer, "Request Timeout"),
    (410, CalleeNumberInvalid, "Gone"),
    (480, CalleeUnreachable, "Temporarily Unavailable"),
    (484, CalleeNumberInvalid, "Address Incomplete"),
    (486, CalleeBusy, "Busy Here"),
    (487, CallerHungUpWhileRinging, "Request Terminated"),
    (500, NetworkFailure, "Server Internal Error"),
    (502, NetworkFailure, "Bad Gateway"),
    (503, NetworkFailure, "Service Unavailable"),
    (504, NetworkFailure, "Server Time-out"),
    (600, CalleeBusy, "Busy Everywhere"),
    (603, CalleeRejected, "Decline"),
    (604, CalleeNumberInvalid, "Does Not Exist Anywhere"),
];

pub(super) fn platform(
    code: i64,
) -> Option<&'static (i64, CallOutcome, &'static str, &'static str)> {
    PLATFORM.iter().find(|e| e.0 == code)
}

pub(super) fn q850(
    code: i64,
) -> Option<&'static (i64, Option<CallOutcome>, &'static str, &'static str)> {
    Q850.iter().find(|e| e.0 == code)
}

pub(super) fn sip(code: i64) -> Option<&'static (i64, CallOutcome, &'static str)> {
    SIP.iter().find(|e| e.0 == code)
}
