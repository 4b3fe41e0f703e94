//! AXE: A is reached as X plus an extension.

use maskline_domain::Mode;
use maskline_store::bindings::{BindingChanges, BindingRecord};

use super::record::{CacheChange, Key, expiry};
use super::unsure::{BindCheck, audit_note, is_ambiguous, unsure};
use super::{AxeBindRequest, AxeBinding, AxeKey, AxeModifyRequest, Session};
use crate::ServiceError;

fn key_of(k: &AxeKey) -> (String, Key) {
    match k {
        AxeKey::Subscription(id) => (format!("sub={id}"), Key::Sub(id.clone())),
        AxeKey::Extension {
            virtual_num,
            extend_num,
        } => (
            format!("X={} E={extend_num}", virtual_num.masked()),
            Key::Find {
                a: None,
                x: virtual_num.to_string(),
                extension: Some(extend_num.clone()),
            },
        ),
    }
}

impl Session {
    /// Binds A to X plus an extension (given, or allocated by the platform).
    pub async fn axe_bind(&self, req: &AxeBindRequest) -> Result<AxeBinding, ServiceError> {
        let result = match self.client_for_mode(Mode::Axe)?.axe_bind(req).await {
            // AXE bindings are looked up by X and the extension the platform chose, which a
            // lost answer does not tell: say so plainly instead of "retry".
            Err(e) if is_ambiguous(&e) => Err(unsure(
                e,
                BindCheck::Unknown {
                    reason: "AXE bindings can only be looked up by X and the extension the platform assigned".into(),
                    reason_zh: "AXE 绑定只能按 X 和平台分配的分机号查询".into(),
                },
            )),
            r => r.map_err(ServiceError::from),
        };
        let target = format!("A={}{}", req.bind_num.masked(), audit_note(&result));
        self.record("bind", target, &result, |b: &AxeBinding| {
            let secs = req.bind_expired_hours.map(|h| i64::from(h) * 3600);
            CacheChange::Bound(BindingRecord {
                subscription_id: b.subscription_id.clone(),
                a: Some(req.bind_num.to_string()),
                x: b.virtual_num
                    .clone()
                    .or_else(|| req.virtual_num.as_ref().map(ToString::to_string)),
                extension: b.extend_num.clone().or_else(|| req.extend_num.clone()),
                duration_secs: secs,
                expires_at: expiry(secs),
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
    pub async fn axe_modify(&self, req: &AxeModifyRequest) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axe)?.axe_modify(req).await?) }.await;
        let (target, key) = key_of(&req.key);
        self.record("modify", target, &result, |_| {
            let secs = req.bind_expired_hours.map(|h| i64::from(h) * 3600);
            CacheChange::Changed(
                key,
                BindingChanges {
                    duration_secs: secs,
                    expires_at: secs.map(|s| expiry(Some(s))),
                    record: req.record,
                    user_data: req.user_data.clone(),
                    bound_at: secs.map(|_| maskline_store::timefmt::now_text()),
                    ..Default::default()
                },
            )
        })
        .await;
        result
    }

    /// Releases the extension.
    pub async fn axe_unbind(&self, key: &AxeKey) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axe)?.axe_unbind(key).await?) }.await;
        let (target, k) = key_of(key);
        self.record("unbind", target, &result, |_| CacheChange::Unbound(k))
            .await;
        result
    }

    /// Bindings by id or by X and extension.
    pub async fn axe_query(&self, key: &AxeKey) -> Result<Vec<AxeBinding>, ServiceError> {
        Ok(self.client_for_mode(Mode::Axe)?.axe_query(key).await?)
    }
}
