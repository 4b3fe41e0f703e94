//! Sending one journaled row through the account's [`Session`] (so it is audited and cached
//! like a single operation), and checking a row left `sending` by a crash against the
//! platform.

use maskline_api::ApiError;
use maskline_domain::Mode;
use maskline_domain::PhoneNumber;
use maskline_domain::Text;
use maskline_store::jobs::Outcome;

use super::plan::{BindRow, ModifyRow, Payload};
use crate::ServiceError;
use crate::bindings::*;

/// What happened to a row.
pub enum Sent {
    Done(Outcome),
    /// The platform refused for flow control and did nothing: the row may be sent again.
    Retry,
    /// The request may or may not have been carried out (connection lost after sending, timeout):
    /// the row stays `sending` and is checked on the platform before anything else.
    Unknown,
}

fn num(s: &str) -> Result<PhoneNumber, ServiceError> {
    PhoneNumber::parse(s).map_err(|e| ServiceError::Invalid {
        field: "number".into(),
        message: e.text(),
    })
}

fn opt(s: &Option<String>) -> Result<Option<PhoneNumber>, ServiceError> {
    s.as_deref().map(num).transpose()
}

fn direction(d: Option<u8>) -> Option<CallDirection> {
    d.and_then(|d| CallDirection::from_code(u64::from(d)))
}

fn ok(sub: Option<String>, x: Option<String>) -> Sent {
    Sent::Done(Outcome {
        ok: true,
        subscription_id: sub,
        x,
        result_code: Some("0".into()),
        reason: None,
    })
}

/// Turns a failure into the row's outcome.
pub fn failed(e: &ServiceError) -> Sent {
    // A lost answer the session already checked on the platform (`bindings::unsure`).
    if let ServiceError::BindUnsure { checked, .. } = e {
        return match checked {
            BindCheck::Bound { subscription_id, x } => Sent::Done(Outcome {
                ok: true,
                subscription_id: Some(subscription_id.clone()),
                x: x.clone(),
                result_code: Some("0".into()),
                reason: Some(Text::new(
                    "the answer was lost; checked on the platform: it was bound",
                    "应答丢失,经平台核实:已绑定",
                )),
            }),
            // Nothing was made: the row goes back to pending and is sent again.
            BindCheck::NotBound => Sent::Retry,
            // Stays `sending`: checked again before anything else (see `reconcile`).
            BindCheck::Unknown { .. } => Sent::Unknown,
        };
    }
    if let ServiceError::Api(api) = e {
        if api.is_flow_control() {
            return Sent::Retry;
        }
        let unknown = matches!(
            api,
            ApiError::Transport {
                request_sent: true,
                ..
            } | ApiError::Timeout {
                during_connect: false
            } | ApiError::HttpStatus { .. }
                | ApiError::Decode(_)
        );
        if unknown {
            return Sent::Unknown;
        }
    }
    Sent::Done(Outcome {
        ok: false,
        subscription_id: None,
        x: None,
        result_code: Some(crate::audit::failure_code(e)),
        reason: Some(e.text()),
    })
}

async fn bind(s: &Session, r: &BindRow) -> Result<Sent, ServiceError> {
    let a = num(&r.a)?;
    match s.account().mode {
        Mode::Axb => {
            let mut req = AxbBindRequest::new(a, num(r.b.as_deref().unwrap_or_default())?);
            req.relation_num = opt(&r.x)?;
            req.area_code = r.area_code.clone();
            req.duration_secs = r.duration_secs;
            req.call_direction = direction(r.direction);
            req.record = r.record;
            req.record_hint_tone = r.record_hint_tone.clone();
            req.user_data = r.user_data.clone();
            let b = s.axb_bind(&req).await?;
            Ok(ok(Some(b.subscription_id), Some(b.relation_num)))
        }
        Mode::Ax => {
            let mut req = AxBindRequest::new(a);
            req.private_num = opt(&r.x)?;
            req.area_code = r.area_code.clone();
            req.call_direction = direction(r.direction);
            req.record = r.record;
            req.record_hint_tone = r.record_hint_tone.clone();
            req.user_data = r.user_data.clone();
            let b = s.ax_bind(&req).await?;
            Ok(ok(Some(b.subscription_id), Some(b.private_num)))
        }
        Mode::Axe => {
            let mut req = AxeBindRequest::new(a);
            req.virtual_num = opt(&r.x)?;
            req.area_code = r.area_code.clone();
            req.record = r.record;
            req.record_hint_tone = r.record_hint_tone.clone();
            req.user_data = r.user_data.clone();
            let b = s.axe_bind(&req).await?;
            Ok(ok(Some(b.subscription_id), b.virtual_num))
        }
        Mode::Axyb => {
            let mut ax = AxybAxRequest::new(a);
            ax.area_code = r.area_code.clone();
            ax.duration_secs = r.duration_secs;
            ax.call_direction = direction(r.direction);
            ax.record = r.record;
            ax.record_hint_tone = r.record_hint_tone.clone();
            ax.user_data = r.user_data.clone();
            let yb = YbStep::new(num(r.b.as_deref().unwrap_or_default())?);
            let p = s.axyb_bind(&ax, &yb).await?;
            Ok(ok(Some(p.ax.subscription_id), Some(p.ax.relation_number)))
        }
    }
}

async fn modify(s: &Session, m: &ModifyRow) -> Result<Sent, ServiceError> {
    let id = m.subscription_id.clone();
    match s.account().mode {
        Mode::Axb => {
            let req = AxbModifyRequest {
                subscription_id: id.clone(),
                caller: opt(&m.a)?,
                callee: opt(&m.b)?,
                call_direction: direction(m.direction),
                duration_secs: m.duration_secs,
                record: m.record,
                record_hint_tone: m.record_hint_tone.clone(),
                user_data: m.user_data.clone(),
                ..Default::default()
            };
            s.axb_modify(&req).await?;
        }
        Mode::Ax => {
            let mut req = AxModifyRequest::new(AxKey::Subscription(id.clone()));
            req.call_direction = direction(m.direction);
            req.record = m.record;
            req.record_hint_tone = m.record_hint_tone.clone();
            req.user_data = m.user_data.clone();
            s.ax_modify(&req).await?;
        }
        Mode::Axe => {
            let mut req = AxeModifyRequest::new(AxeKey::Subscription(id.clone()));
            req.record = m.record;
            req.record_hint_tone = m.record_hint_tone.clone();
            req.user_data = m.user_data.clone();
            s.axe_modify(&req).await?;
        }
        Mode::Axyb => {
            return Err(ServiceError::Invalid {
                field: "kind".into(),
                message: Text::new("AXYB relations cannot be modified", "AXYB 不支持修改"),
            });
        }
    }
    Ok(ok(Some(id), None))
}

async fn unbind(s: &Session, id: &str) -> Result<Sent, ServiceError> {
    let id = id.to_string();
    match s.account().mode {
        Mode::Axb => s.axb_unbind(&AxbUnbind::Subscription(id.clone())).await?,
        Mode::Ax => s.ax_unbind(&AxKey::Subscription(id.clone())).await?,
        Mode::Axe => s.axe_unbind(&AxeKey::Subscription(id.clone())).await?,
        Mode::Axyb => s.axyb_unbind(&AxybUnbind::Relation(id.clone())).await?,
    }
    Ok(ok(Some(id), None))
}

/// Sends one row.
pub async fn send(s: &Session, p: &Payload) -> Sent {
    let r = match p {
        Payload::Bind(b) => bind(s, b).await,
        Payload::Modify(m) => modify(s, m).await,
        Payload::Unbind { subscription_id } => unbind(s, subscription_id).await,
        Payload::UnbindParties { .. } => Err(ServiceError::Invalid {
            field: "subscriptionId".into(),
            message: Text::new(
                "the row was not resolved to a binding by the dry run",
                "该行未解析出绑定",
            ),
        }),
    };
    r.unwrap_or_else(|e| failed(&e))
}
