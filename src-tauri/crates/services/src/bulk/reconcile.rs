//! A row found `sending` (the job crashed or lost the connection after marking it) is never
//! sent blindly again: the platform is asked whether the request took effect.

use maskline_api::CodeCategory;
use maskline_domain::Text;
use maskline_domain::{Mode, PhoneNumber};
use maskline_store::jobs::Outcome;

use super::plan::Payload;
use crate::ServiceError;
use crate::bindings::*;

/// What the platform says about a `sending` row.
pub enum Checked {
    /// It took effect: record it as ok.
    Done(Outcome),
    /// It did not: send it (again).
    NotApplied,
    /// Cannot be told from here: mark failed with this reason (never re-sent automatically).
    Unknown(Text),
}

fn not_found(e: &ServiceError) -> bool {
    e.result_code()
        .is_some_and(|c| c.category() == CodeCategory::NotFound)
}

fn done(sub: String, x: Option<String>) -> Checked {
    Checked::Done(Outcome {
        ok: true,
        subscription_id: Some(sub),
        x,
        result_code: Some("0".into()),
        reason: Some(Text::new(
            "confirmed on the platform after an interruption",
            "中断后经平台查询确认",
        )),
    })
}

/// Asks the platform about one row. Errors (e.g. the network is down) leave it `sending`.
pub async fn check(s: &Session, p: &Payload) -> Result<Checked, ServiceError> {
    let mode = s.account().mode;
    match p {
        // Re-sending the same change is harmless; an unresolved row is refused when sent.
        Payload::Modify(_) | Payload::UnbindParties { .. } => Ok(Checked::NotApplied),
        Payload::Unbind { subscription_id } => {
            let id = subscription_id.clone();
            let found = match mode {
                Mode::Axb => s
                    .axb_query(&AxbQuery::Subscription(id.clone()))
                    .await
                    .map(|p| !p.bindings.is_empty()),
                Mode::Ax => s
                    .ax_query(&AxQuery::Subscription(id.clone()))
                    .await
                    .map(|v| !v.is_empty()),
                Mode::Axe => s
                    .axe_query(&AxeKey::Subscription(id.clone()))
                    .await
                    .map(|v| !v.is_empty()),
                Mode::Axyb => s
                    .axyb_query(&AxybQuery::Subscription(id.clone()))
                    .await
                    .map(|v| !v.is_empty()),
            };
            match found {
                Ok(true) => Ok(Checked::NotApplied),
                Ok(false) => Ok(done(id, None)),
                Err(e) if not_found(&e) => Ok(done(id, None)),
                Err(e) => Err(e),
            }
        }
        Payload::Bind(b) => {
            let parse = |n: &str| PhoneNumber::parse(n).ok();
            match (mode, b.x.as_deref().and_then(parse)) {
                (Mode::Axb, Some(x)) => {
                    let page = s
                        .axb_query(&AxbQuery::Number {
                            relation_num: x.clone(),
                            caller: parse(&b.a),
                            callee: b.b.as_deref().and_then(parse),
                            page: Page { index: 1, size: 10 },
                        })
                        .await?;
                    let hit = page.bindings.into_iter().find(|f| {
                        f.caller.as_deref() == Some(b.a.as_str())
                            && f.callee.as_deref() == b.b.as_deref()
                    });
                    Ok(match hit {
                        Some(f) => done(f.subscription_id, Some(x.to_string())),
                        None => Checked::NotApplied,
                    })
                }
                (Mode::Ax, x) => {
                    let Some(a) = parse(&b.a) else {
                        return Ok(Checked::NotApplied);
                    };
                    match s.ax_query(&AxQuery::Orig(a)).await {
                        Ok(found) => Ok(found
                            .into_iter()
                            .find(|f| {
                                x.as_ref()
                                    .is_none_or(|x| f.private_num.as_deref() == Some(x.as_str()))
                            })
                            .map_or(Checked::NotApplied, |f| {
                                done(f.subscription_id, f.private_num)
                            })),
                        Err(e) if not_found(&e) => Ok(Checked::NotApplied),
                        Err(e) => Err(e),
                    }
                }
                _ => Ok(Checked::Unknown(Text::new(
                    "interrupted while sending and the platform cannot be asked about it without X; \
                     sync the bindings and check before retrying",
                    "发送中断,且无 X 无法向平台确认,请先同步并核对后再重试",
                ))),
            }
        }
    }
}
