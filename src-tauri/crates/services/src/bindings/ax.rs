//! AX: X belongs to A; A's own calls to X go to a temporary callee.

use maskline_domain::Mode;
use maskline_store::bindings::{BindingChanges, BindingRecord};

use super::record::{CacheChange, Key};
use super::unsure::{audit_note, confirmed, is_ambiguous, unsure};
use super::{
    AxBindRequest, AxBinding, AxBound, AxKey, AxModifyRequest, AxQuery, AxTempCalleeRequest,
    Session,
};
use crate::ServiceError;

fn key_of(k: &AxKey) -> (String, Key) {
    match k {
        AxKey::Subscription(id) => (format!("sub={id}"), Key::Sub(id.clone())),
        AxKey::Pair { orig, private_num } => (
            format!("A={} X={}", orig.masked(), private_num.masked()),
            Key::Find {
                a: Some(orig.to_string()),
                x: private_num.to_string(),
                extension: None,
            },
        ),
    }
}

impl Session {
    /// Binds A to an X (the given one or a free one of the area code). A lost answer
    /// (timeout, reset after sending) is checked on the platform (by A) before anything is
    /// said: see [`super::unsure`].
    pub async fn ax_bind(&self, req: &AxBindRequest) -> Result<AxBound, ServiceError> {
        let result = match self.client_for_mode(Mode::Ax)?.ax_bind(req).await {
            Err(e) if is_ambiguous(&e) => {
                let checked = self.check_ax(&req.orig, req.private_num.as_ref()).await;
                Err(unsure(e, checked))
            }
            r => r.map_err(ServiceError::from),
        };
        let target = format!("A={}{}", req.orig.masked(), audit_note(&result));
        let change = |b: &AxBound| {
            CacheChange::Bound(BindingRecord {
                subscription_id: b.subscription_id.clone(),
                a: Some(req.orig.to_string()),
                x: Some(b.private_num.clone()),
                direction: req.call_direction.map(|d| d.code()),
                record: req.record,
                user_data: req.user_data.clone(),
                bound_at: Some(maskline_store::timefmt::now_text()),
                ..Default::default()
            })
        };
        match confirmed(&result) {
            // Made after all: audited as a bind and cached.
            Some((subscription_id, x)) => {
                let b = AxBound {
                    subscription_id,
                    orig_num: req.orig.to_string(),
                    private_num: x.unwrap_or_default(),
                };
                self.record("bind", target, &Ok::<_, ServiceError>(b), change)
                    .await;
            }
            None => self.record("bind", target, &result, change).await,
        }
        result
    }

    /// Changes a binding; fields left `None` stay as they are.
    pub async fn ax_modify(&self, req: &AxModifyRequest) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Ax)?.ax_modify(req).await?) }.await;
        let (target, key) = key_of(&req.key);
        self.record("modify", target, &result, |_| {
            CacheChange::Changed(
                key,
                BindingChanges {
                    direction: req.call_direction.map(|d| d.code()),
                    record: req.record,
                    user_data: req.user_data.clone(),
                    ..Default::default()
                },
            )
        })
        .await;
        result
    }

    /// Sets where A's calls to X go, for a limited time.
    pub async fn ax_set_temp_callee(&self, req: &AxTempCalleeRequest) -> Result<(), ServiceError> {
        let result = async {
            Ok(self
                .client_for_mode(Mode::Ax)?
                .ax_set_temp_callee(req)
                .await?)
        }
        .await;
        let (target, _) = key_of(&req.key);
        self.record("modify", format!("{target} temp-callee"), &result, |_| {
            CacheChange::Nothing
        })
        .await;
        result
    }

    /// Releases X from A.
    pub async fn ax_unbind(&self, key: &AxKey) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Ax)?.ax_unbind(key).await?) }.await;
        let (target, k) = key_of(key);
        self.record("unbind", target, &result, |_| CacheChange::Unbound(k))
            .await;
        result
    }

    /// Bindings by id, by A or by X.
    pub async fn ax_query(&self, q: &AxQuery) -> Result<Vec<AxBinding>, ServiceError> {
        Ok(self.client_for_mode(Mode::Ax)?.ax_query(q).await?)
    }
}
