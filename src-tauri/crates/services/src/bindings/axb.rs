//! AXB: A and B call each other through a shared X.

use maskline_domain::Mode;
use maskline_store::bindings::{BindingChanges, BindingRecord};

use super::record::{CacheChange, Key, expiry};
use super::{
    AxbBindRequest, AxbBound, AxbModifyRequest, AxbQuery, AxbQueryPage, AxbUnbind, Session,
};
use crate::ServiceError;
use crate::audit::mask;

impl Session {
    /// Binds A and B on an X (the given one, or a free one of the area code / A's city).
    pub async fn axb_bind(&self, req: &AxbBindRequest) -> Result<AxbBound, ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axb)?.axb_bind(req).await?) }.await;
        let target = format!(
            "A={} B={} X={}",
            req.caller.masked(),
            req.callee.masked(),
            req.relation_num
                .as_ref()
                .map_or_else(|| "auto".into(), |x| x.masked())
        );
        self.record("bind", target, &result, |b: &AxbBound| {
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
        })
        .await;
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
