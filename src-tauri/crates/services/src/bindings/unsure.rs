//! A bind whose answer was lost after the request left (a timeout while waiting for the
//! answer, a connection reset after sending) may or may not have been carried out. Telling the
//! user "retry later" then risks a second live binding for the same pair, so before anything
//! is said the platform is asked, through the same rate-limited client, whether the binding
//! exists: AXB by X with A and B (when X was given), AX by A. The answer becomes
//! [`ServiceError::BindUnsure`] with "it may have been bound — checked: it was / was not", and
//! the audit records what it was.

use maskline_api::{ApiError, CodeCategory};
use maskline_domain::{Text, text};

use super::{AxQuery, AxbQuery, Page, PhoneNumber, Session};
use crate::ServiceError;

/// What the check after a lost answer found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindCheck {
    /// The binding exists on the platform: it was made; do not bind again.
    Bound {
        subscription_id: String,
        x: Option<String>,
    },
    /// The platform has no such binding: nothing was made; binding again is safe.
    NotBound,
    /// The platform could not be asked (no X to ask by, or the check failed too): why, in
    /// English and in Chinese.
    Unknown { reason: String, reason_zh: String },
}

/// True when a bind failed in a way that leaves open whether the platform carried it out.
pub(crate) fn is_ambiguous(e: &ApiError) -> bool {
    matches!(
        e,
        ApiError::Transport {
            request_sent: true,
            ..
        } | ApiError::Timeout {
            during_connect: false
        }
    )
}

fn lost_zh(e: &ApiError) -> &'static str {
    match e {
        ApiError::Timeout { .. } => "平台未及时应答",
        _ => "请求发出后连接中断",
    }
}

/// The one message for a lost answer, in both languages.
pub fn unsure_message(source: &ApiError, checked: &BindCheck) -> Text {
    let head = format!("{source}; it may have been bound");
    let zh = format!("{}({source}),可能已绑定", lost_zh(source));
    match checked {
        BindCheck::Bound {
            subscription_id, ..
        } => text!(
            "{head} — checked: it was (subscription {subscription_id}); it is recorded, do not bind it again",
            "{zh}——已向平台核实:已绑定(订阅 {subscription_id}),已记录,请勿重复绑定"
        ),
        BindCheck::NotBound => text!(
            "{head} — checked: it was not; nothing was bound, so binding again is safe",
            "{zh}——已向平台核实:未绑定,没有绑定任何号码,可以放心重新绑定"
        ),
        BindCheck::Unknown { reason, reason_zh } => text!(
            "{head} — it could not be checked ({reason}); look the binding up on the Bindings page (sync) before binding again",
            "{zh}——无法核实({reason_zh});重新绑定前请先在“绑定”页面同步并查询"
        ),
    }
}

fn check_failed(e: &ApiError) -> BindCheck {
    BindCheck::Unknown {
        reason: format!("the lookup failed too: {e}"),
        reason_zh: format!("查询也失败了:{e}"),
    }
}

fn not_found(e: &ApiError) -> bool {
    e.result_code()
        .is_some_and(|c| c.category() == CodeCategory::NotFound)
}

fn same(found: Option<&str>, want: &PhoneNumber) -> bool {
    found
        .and_then(|f| PhoneNumber::parse(f).ok())
        .is_some_and(|f| f == *want)
}

impl Session {
    /// AXB: the bindings on X with this A and B.
    pub(crate) async fn check_axb(
        &self,
        a: &PhoneNumber,
        b: &PhoneNumber,
        x: Option<&PhoneNumber>,
    ) -> BindCheck {
        let Some(x) = x else {
            return BindCheck::Unknown {
                reason: "the platform chose X, and AXB bindings can only be looked up by X".into(),
                reason_zh: "X 由平台选择,而 AXB 绑定只能按 X 查询".into(),
            };
        };
        let q = AxbQuery::Number {
            relation_num: x.clone(),
            caller: Some(a.clone()),
            callee: Some(b.clone()),
            page: Page {
                index: 1,
                size: 100,
            },
        };
        match self.raw_client().axb_query(&q).await {
            Ok(page) => page
                .bindings
                .into_iter()
                .find(|f| same(f.caller.as_deref(), a) && same(f.callee.as_deref(), b))
                .map_or(BindCheck::NotBound, |f| BindCheck::Bound {
                    subscription_id: f.subscription_id,
                    x: Some(x.to_string()),
                }),
            Err(e) if not_found(&e) => BindCheck::NotBound,
            Err(e) => check_failed(&e),
        }
    }

    /// AX: A's bindings, on X when X was given.
    pub(crate) async fn check_ax(&self, a: &PhoneNumber, x: Option<&PhoneNumber>) -> BindCheck {
        match self.raw_client().ax_query(&AxQuery::Orig(a.clone())).await {
            Ok(found) => found
                .into_iter()
                .find(|f| {
                    same(f.orig_num.as_deref(), a)
                        && x.is_none_or(|x| same(f.private_num.as_deref(), x))
                })
                .map_or(BindCheck::NotBound, |f| BindCheck::Bound {
                    subscription_id: f.subscription_id,
                    x: f.private_num,
                }),
            Err(e) if not_found(&e) => BindCheck::NotBound,
            Err(e) => check_failed(&e),
        }
    }
}

/// The error for a lost answer after `checked`.
pub(crate) fn unsure(source: ApiError, checked: BindCheck) -> ServiceError {
    ServiceError::BindUnsure {
        source: Box::new(source),
        checked,
    }
}

/// The binding a lost answer turned out to have made: `(subscription id, X)`.
pub(crate) fn confirmed<T>(r: &Result<T, ServiceError>) -> Option<(String, Option<String>)> {
    match r {
        Err(ServiceError::BindUnsure {
            checked: BindCheck::Bound { subscription_id, x },
            ..
        }) => Some((subscription_id.clone(), x.clone())),
        _ => None,
    }
}

/// What the audit's target gets appended after a lost answer ("" otherwise).
pub(crate) fn audit_note<T>(r: &Result<T, ServiceError>) -> &'static str {
    match r {
        Err(ServiceError::BindUnsure { checked, .. }) => match checked {
            BindCheck::Bound { .. } => " (answer lost; checked: bound)",
            BindCheck::NotBound => " (answer lost; checked: not bound)",
            BindCheck::Unknown { .. } => " (answer lost; could not be checked)",
        },
        _ => "",
    }
}
