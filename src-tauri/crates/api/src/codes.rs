//! The platform's result codes (reference §10) as a typed [`ResultCode`], each with a
//! bilingual explanation and a suggested action. Unknown codes keep their raw text.

/// What kind of failure a code is; drives retries and the suggested action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCategory {
    Success,
    /// The signature headers are missing or malformed: a client bug, not a user error.
    AuthHeader,
    /// Wrong or unknown app key/secret.
    AuthFailed,
    /// Too many authentication failures: the caller's IP is blocked for 30 minutes.
    IpLocked,
    /// The computer's clock differs too much from the platform's.
    ClockSkew,
    /// Platform flow control: wait and retry.
    FlowControl,
    /// A parameter was rejected.
    InvalidRequest,
    /// The app may not call this API (wrong mode, not commercial, IP not whitelisted, frozen).
    NotPermitted,
    /// The number or binding is already in use.
    AlreadyBound,
    /// The binding, number or recording does not exist (or no longer does).
    NotFound,
    /// The platform failed internally.
    Internal,
    /// A code this client does not know.
    Unknown,
}

/// What happened and what to do, in Simplified Chinese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    pub zh: &'static str,
    pub en: &'static str,
    pub action_zh: &'static str,
    pub action_en: &'static str,
}

macro_rules! result_codes {
    ($( $variant:ident = $code:literal, $cat:ident, $zh:literal, $en:literal; )*) => {
        /// A platform `resultcode`.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum ResultCode {
            $( $variant, )*
            /// Not in the table; the raw code is kept.
            Unknown(String),
        }

        impl ResultCode {
            /// Maps the raw code (`"1010013"`, or a number rendered as text).
            pub fn from_code(code: &str) -> Self {
                match code.trim() {
                    $( $code => ResultCode::$variant, )*
                    other => ResultCode::Unknown(other.to_string()),
                }
            }

            /// The raw code text.
            pub fn code(&self) -> &str {
                match self {
                    $( ResultCode::$variant => $code, )*
                    ResultCode::Unknown(c) => c,
                }
            }

            pub fn category(&self) -> CodeCategory {
                match self {
                    $( ResultCode::$variant => CodeCategory::$cat, )*
                    ResultCode::Unknown(_) => CodeCategory::Unknown,
                }
            }

            fn what(&self) -> Option<(&'static str, &'static str)> {
                match self {
                    $( ResultCode::$variant => Some(($zh, $en)), )*
                    ResultCode::Unknown(_) => None,
                }
            }
        }
    };
}

result_codes! {
    Success = "0", Success, "成功。", "Success.";
    AuthorizationMissing = "1023006", AuthHeader, "请求头缺少 Authorization。", "The Authorization header is missing.";
    RealmMissing = "1023007", AuthHeader, "Authorization 缺少 realm。", "realm is missing from Authorization.";
    ProfileMissing = "1023008", AuthHeader, "Authorization 缺少 profile。", "profile is missing from Authorization.";
    RealmNotSdp = "1023009", AuthHeader, "Authorization 的 realm 必须为 SDP。", "realm in Authorization must be SDP.";
    ProfileNotUsernameToken = "1023010", AuthHeader, "Authorization 的 profile 必须为 UsernameToken。", "profile in Authorization must be UsernameToken.";
    TypeNotAppKey = "1023011", AuthHeader, "Authorization 的 type 必须为 Appkey。", "type in Authorization must be Appkey.";
    TypeMissing = "1023012", AuthHeader, "Authorization 缺少 type。", "type is missing from Authorization.";
    WsseMissing = "1023013", AuthHeader, "Authorization 不是 WSSE。", "WSSE is missing from Authorization.";
    XWsseMissing = "1023026", AuthHeader, "请求头缺少 X-WSSE。", "The X-WSSE header is missing.";
    WsseUsernameMissing = "1023027", AuthHeader, "X-WSSE 缺少 Username。", "Username is missing from X-WSSE.";
    WsseNonceMissing = "1023028", AuthHeader, "X-WSSE 缺少 Nonce。", "Nonce is missing from X-WSSE.";
    WsseCreatedMissing = "1023029", AuthHeader, "X-WSSE 缺少 Created。", "Created is missing from X-WSSE.";
    WsseDigestMissing = "1023030", AuthHeader, "X-WSSE 缺少 PasswordDigest。", "PasswordDigest is missing from X-WSSE.";
    CreatedFormatInvalid = "1023031", AuthHeader, "Created 的格式不正确。", "The format of Created is invalid.";
    XAkskMissing = "1023033", AuthHeader, "请求头缺少 X-AKSK。", "The X-AKSK header is missing.";
    AkskUsernameMissing = "1023034", AuthHeader, "X-AKSK 缺少 UserName。", "UserName is missing from X-AKSK.";
    AkskNonceMissing = "1023035", AuthHeader, "X-AKSK 缺少 Nonce。", "Nonce is missing from X-AKSK.";
    AkskCreatedMissing = "1023036", AuthHeader, "X-AKSK 缺少 Created。", "Created is missing from X-AKSK.";
    AkskDigestMissing = "1023037", AuthHeader, "X-AKSK 缺少 PasswordDigest。", "PasswordDigest is missing from X-AKSK.";
    ClockSkew = "1010013", ClockSkew, "本机时间与平台时间相差过大,请求被拒绝。", "Your computer's clock is too far from the platform's time, so the request was refused.";
    InvalidRequest = "1010002", InvalidRequest, "请求无效(格式错误、多余空格、非 +86 号码或放音文件未审核)。", "The request is invalid (bad format, extra spaces, a non-+86 number or an unapproved tone file).";
    // Not captured in the reference: the "check PasswordDigest" row sits between 1010011 and
    // 1010013, so 1010012 is the most plausible code (the simulator chose it independently).
    DigestInvalid = "1010012", AuthFailed, "鉴权失败:PasswordDigest 不正确(App Secret 错误)或 Nonce 被重复使用。", "Authentication failed: the PasswordDigest is wrong (wrong app secret) or the nonce was reused.";
    InvalidAppKey = "1010003", AuthFailed, "App Key 无效。", "The app key is invalid.";
    FlowControl = "1010010", FlowControl, "已达到平台流量控制上限。", "The platform's flow-control limit was reached.";
    NotCommercial = "1010011", NotPermitted, "应用未获准访问商用环境。", "The app is not allowed to access the commercial environment.";
    SubscriberFrozen = "1010029", NotPermitted, "账号或号码已被冻结(可能欠费)。", "The account or number is frozen (possibly in arrears).";
    WrongMode = "1010040", NotPermitted, "该 App Key 无权调用此接口(应用模式不同)。", "This app key may not call this API (the app has a different mode).";
    AccountNotFound = "1011001", AuthFailed, "账号不存在。", "The account does not exist.";
    AxBindingNotFound = "1011004", NotFound, "AX 绑定关系不存在或号码已释放。", "The AX binding does not exist or the number was released.";
    // pn_faq_1011003: "the A number given already has 5 X numbers" (privatenumber_02_0011
    // 使用限制: "1个A号码同时只能绑定5个X号码").
    AxLimitReached = "1011003", AlreadyBound, "这个 A 号码已经同时绑定了 5 个 X 号码,平台规定一个 A 号码最多只能同时绑定 5 个 X 号码,所以这次绑定被拒绝。", "This A number is already bound to 5 X numbers at once, and the platform allows at most 5 per A number, so this binding was refused.";
    // The AXE error-code table (privatenumber_02_0022): "没有空闲的分机号".
    NoIdleExtension = "1020167", AlreadyBound, "这个 X 号码已没有空闲的分机号(分机号已全部被占用)。", "This X number has no free extension left (all its extensions are taken).";
    ResourceAllocated = "1011005", AlreadyBound, "X 号码已被其他 A 号码绑定,或资源已用完。", "The X number is already bound to another A number, or the quota is used up.";
    NumberNotApplied = "1012001", NotFound, "号码不属于该应用,或绑定关系不存在,或号码已释放。", "The number does not belong to this app, the binding does not exist, or the number was released.";
    NumberAlreadyBound = "1012010", AlreadyBound, "号码已被绑定(同一 X 上已有包含该 A 或 B 的绑定)。", "The number is already bound (this X already has a binding with this A or B).";
    RecordNotFound = "1016001", NotFound, "记录不存在(例如录音已过期)。", "The record does not exist (for example, the recording has expired).";
    RecordExists = "1016002", AlreadyBound, "记录已存在(A 与 X 已绑定)。", "The record already exists (A and X are already bound).";
    ParameterError = "1020001", InvalidRequest, "参数错误。", "A parameter is wrong.";
    InternalError = "1020002", Internal, "平台内部错误。", "The platform had an internal error.";
    AppKeyInvalid = "1020150", AuthFailed, "App Key 无效。", "The app key is invalid.";
    IpNotWhitelisted = "1020166", NotPermitted, "本机 IP 不在应用的 IP 白名单中。", "This computer's IP is not in the app's IP whitelist.";
    IpLocked = "1020176", IpLocked, "鉴权失败次数过多,本机 IP 已被平台临时封禁。", "Too many authentication failures: the platform has temporarily blocked this IP.";
    InternalSystemError = "1010001", Internal, "平台内部系统错误。", "The platform had an internal system error.";
    GatewayInternalError = "1023001", Internal, "平台内部错误。", "The platform had an internal error.";
    ResponseTimeout = "1023002", Internal, "平台响应超时。", "The platform timed out.";
}

impl CodeCategory {
    /// The suggested next step (zh, en).
    pub fn action(self) -> (&'static str, &'static str) {
        match self {
            CodeCategory::Success => ("无需处理。", "Nothing to do."),
            CodeCategory::AuthHeader => (
                "这是 Maskline 的签名问题,请更新 Maskline 或反馈问题。",
                "This is a signing problem in Maskline; update Maskline or report the issue.",
            ),
            CodeCategory::AuthFailed => (
                "请检查账号设置中的 App Key 和 App Secret。注意:多次鉴权失败会导致本机 IP 被封禁 30 分钟(1020176)。",
                "Check the app key and secret in the account settings. Repeated authentication failures lock this IP for 30 minutes (1020176).",
            ),
            CodeCategory::IpLocked => (
                "请在 30 分钟后重试,并先核对 App Key 和 App Secret。",
                "Wait 30 minutes before retrying, and check the app key and secret first.",
            ),
            CodeCategory::ClockSkew => (
                "请同步本机时间(开启自动网络校时)后重试。",
                "Sync your computer's clock (turn on automatic network time) and try again.",
            ),
            CodeCategory::FlowControl => ("请等待一分钟后重试。", "Wait a minute and try again."),
            CodeCategory::InvalidRequest => (
                "请检查输入;平台返回的描述通常会指出有问题的字段。",
                "Check the input; the platform's description usually names the bad field.",
            ),
            CodeCategory::NotPermitted => (
                "请在华为云控制台检查应用的模式、状态和 IP 白名单。",
                "Check the app's mode, status and IP whitelist in the Huawei Cloud console.",
            ),
            CodeCategory::AlreadyBound => (
                "请使用其他号码,或先解绑已有的绑定关系。",
                "Use another number, or unbind the existing binding first.",
            ),
            CodeCategory::NotFound => (
                "请刷新列表确认绑定或录音是否仍然存在。",
                "Refresh the list to check whether the binding or recording still exists.",
            ),
            CodeCategory::Internal => (
                "请稍后重试;如持续出现请联系华为云支持。",
                "Try again later; if it persists, contact Huawei Cloud support.",
            ),
            CodeCategory::Unknown => (
                "请查看平台返回的描述,必要时联系华为云支持。",
                "Read the platform's description; contact Huawei Cloud support if needed.",
            ),
        }
    }
}

impl ResultCode {
    /// A code-specific next step where the category's is not precise enough.
    fn action(&self) -> (&'static str, &'static str) {
        match self {
            ResultCode::AxLimitReached => (
                "请先解绑这个 A 号码已有的某个 X 号码,再重新绑定;或者改用另一个 A 号码。",
                "Unbind one of this A number's X numbers first and bind again, or use another A number.",
            ),
            other => other.category().action(),
        }
    }

    /// What happened and what to do. Unknown codes get a generic text; keep the raw code too.
    pub fn explanation(&self) -> Explanation {
        let (action_zh, action_en) = self.action();
        let (zh, en) = self.what().unwrap_or((
            "平台返回了未知的结果码。",
            "The platform returned an unknown result code.",
        ));
        Explanation {
            zh,
            en,
            action_zh,
            action_en,
        }
    }

    pub fn is_success(&self) -> bool {
        *self == ResultCode::Success
    }
}

impl std::fmt::Display for ResultCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_codes_map_to_their_meaning() {
        assert_eq!(
            ResultCode::from_code("1010013").category(),
            CodeCategory::ClockSkew
        );
        assert_eq!(
            ResultCode::from_code("1010010").category(),
            CodeCategory::FlowControl
        );
        assert_eq!(
            ResultCode::from_code("1012010"),
            ResultCode::NumberAlreadyBound
        );
        assert_eq!(
            ResultCode::from_code("1020176").category(),
            CodeCategory::IpLocked
        );
        assert_eq!(ResultCode::from_code("1010040"), ResultCode::WrongMode);
        assert_eq!(ResultCode::from_code(" 0 "), ResultCode::Success);
    }

    #[test]
    fn codes_round_trip_through_text() {
        for raw in ["0", "1023006", "1010002", "1012001", "1016001", "1023037"] {
            assert_eq!(ResultCode::from_code(raw).code(), raw);
            assert!(
                !matches!(ResultCode::from_code(raw), ResultCode::Unknown(_)),
                "{raw} is known"
            );
        }
    }

    #[test]
    fn unknown_codes_keep_the_raw_code() {
        let c = ResultCode::from_code("1099999");
        assert_eq!(c, ResultCode::Unknown("1099999".into()));
        assert_eq!(c.code(), "1099999");
        assert_eq!(c.category(), CodeCategory::Unknown);
    }

    #[test]
    fn explanations_say_what_to_do_in_both_languages() {
        let clock = ResultCode::ClockSkew.explanation();
        assert!(
            clock.en.contains("clock") && clock.action_en.contains("Sync"),
            "{clock:?}"
        );
        assert!(
            clock.zh.contains("时间") && clock.action_zh.contains("同步"),
            "{clock:?}"
        );
        let flow = ResultCode::FlowControl.explanation();
        assert!(flow.action_en.contains("minute") && flow.action_zh.contains("一分钟"));
        let auth = ResultCode::InvalidAppKey.explanation();
        assert!(
            auth.action_en.contains("30 minutes"),
            "auth failures warn about the IP lock"
        );
        assert!(auth.action_zh.contains("30 分钟"));
        let bound = ResultCode::NumberAlreadyBound.explanation();
        assert!(bound.en.contains("already bound"));
    }

    #[test]
    fn the_five_x_limit_is_explained_in_plain_words() {
        // pn_faq_1011003 (support.huaweicloud.com/PrivateNumber_faq/pn_faq_1011003.html).
        let c = ResultCode::from_code("1011003");
        assert_eq!(c, ResultCode::AxLimitReached);
        let e = c.explanation();
        assert!(
            e.en.contains("5 X numbers") && e.zh.contains("5 个 X 号码"),
            "{e:?}"
        );
        assert!(e.action_en.contains("Unbind one of this A number"), "{e:?}");
        assert!(
            e.action_zh.contains("解绑") && e.action_zh.contains("另一个 A 号码"),
            "{e:?}"
        );
    }
}
