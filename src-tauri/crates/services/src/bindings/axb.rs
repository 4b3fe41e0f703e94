//! AXB: A and B call each other through a shared X.

use maskline_domain::Mode;
use maskline_store::bindings::{BindingChanges, BindingRecord};

use super::record::{CacheChange, Key, expiry};
use super::unsure::{audit_note, confirmed, is_ambiguous, unsure};
use super::{
    AxbBindRequest, AxbBound, AxbModifyRequest, AxbQuery, AxbQueryPage, AxbUnbind, Session,
};
use crate::ServiceError;
use crate::audit::mask;

impl Session {
    /// Binds A and B on an X (the given one, or a free one of the area code / A's city).
    /// A lost answer (timeout, reset after sending) is checked on the platform before
    /// anything is said: see [`super::unsure`].
    pub async fn axb_bind(&self, req: &AxbBindRequest) -> Result<AxbBound, ServiceError> {
        let result = match self.client_for_mode(Mode::Axb)?.axb_bind(req).await {
            Err(e) if is_ambiguous(&e) => {
                let checked = self
                    .check_axb(&req.caller, &req.callee, req.relation_num.as_ref())
                    .await;
                Err(unsure(e, checked))
            }
            r => r.map_err(ServiceError::from),
        };
        let target = format!(
            "A={} B={} X={}{}",
            req.caller.masked(),
            req.callee.masked(),
            req.relation_num
                .as_ref()
                .map_or_else(|| "auto".into(), |x| x.masked()),
            audit_note(&result)
        );
        let change = |b: &AxbBound| {
            CacheChange::Bound(BindingRecord {
                subscription_id: b.subscription_id.clone(),
                a: Some(req.caller.to_string()),
                b: Some(req.callee.to_string()),
                x: Some(b.relation_num.clone()),
                direction: req.call_direction.map(|d| d.code()),
                duration_secs: req.duration_secs.map(i64::from),
                expires_at: expiry(req.duration_secs.map(i64::from)),
                record: req.record,
                user_data: req.user_data.clone(),
                bound_at: Some(maskline_store::timefmt::now_text()),
                ..Default::default()
            })
        };
        match confirmed(&result) {
            // Made after all: audited as a bind and cached.
            Some((subscription_id, x)) => {
                let b = AxbBound {
                    subscription_id,
                    relation_num: x.unwrap_or_default(),
                };
                self.record("bind", target, &Ok::<_, ServiceError>(b), change)
                    .await;
            }
            None => self.record("bind", target, &result, change).await,
        }
        result
    }

    /// Changes a binding; fields left `None` stay as they are.
    pub async fn axb_modify(&self, req: &AxbModifyRequest) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axb)?.axb_modify(req).await?) }.await;
        let target = format!("sub={}", req.subscription_id);
        self.record("modify", target, &result, |_| {
            let d = req.duration_secs.map(i64::from);
            CacheChange::Changed(
                Key::Sub(req.subscription_id.clone()),
                BindingChanges {
                    a: req.caller.as_ref().map(ToString::to_string),
                    b: req.callee.as_ref().map(ToString::to_string),
                    direction: req.call_direction.map(|d| d.code()),
                    duration_secs: d,
                    expires_at: d.map(|d| expiry(Some(d))),
                    record: req.record,
                    user_data: req.user_data.clone(),
                    bound_at: d.map(|_| maskline_store::timefmt::now_text()),
                    ..Default::default()
                },
            )
        })
        .await;
        result
    }

    /// Removes one binding, or every binding on an X.
    pub async fn axb_unbind(&self, req: &AxbUnbind) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axb)?.axb_unbind(req).await?) }.await;
        let (target, key) = match req {
            AxbUnbind::Subscription(id) => (format!("sub={id}"), Key::Sub(id.clone())),
            AxbUnbind::AllOnNumber(x) => (
                format!("all on X={}", mask(x.as_str())),
                Key::AllOnX(x.to_string()),
            ),
        };
        self.record("unbind", target, &result, |_| CacheChange::Unbound(key))
            .await;
        result
    }

    /// One binding by id, or a page of the bindings on an X.
    pub async fn axb_query(&self, q: &AxbQuery) -> Result<AxbQueryPage, ServiceError> {
        Ok(self.client_for_mode(Mode::Axb)?.axb_query(q).await?)
    }
}
