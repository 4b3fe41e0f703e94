//! AXYB: A↔X and B↔Y, bound in two steps within one relation.

use maskline_domain::Mode;
use maskline_store::bindings::{BindingChanges, BindingRecord};

use super::record::{CacheChange, Key, expiry};
use super::unsure::{BindCheck, audit_note, is_ambiguous, unsure};
use super::{
    AreaMatchMode, AxybAxRequest, AxybBound, AxybQuery, AxybRelation, AxybUnbind, AxybYbRequest,
    PhoneNumber, Session,
};
use crate::ServiceError;
use crate::audit::mask;

/// A lost answer to step 1: X is the platform's choice, so the relation cannot be looked up
/// by it; the message says so instead of "retry".
fn step1_lost(e: maskline_api::ApiError) -> ServiceError {
    unsure(
        e,
        BindCheck::Unknown {
            reason: "AXYB relations can only be looked up by the X the platform assigned".into(),
            reason_zh: "AXYB 关系只能按平台分配的 X 查询".into(),
        },
    )
}

fn relation(ax: &AxybAxRequest, sub: &str, x: &str) -> BindingRecord {
    let d = ax.duration_secs.map(i64::from);
    BindingRecord {
        subscription_id: sub.to_string(),
        a: Some(ax.a.to_string()),
        x: Some(x.to_string()),
        direction: ax.call_direction.map(|d| d.code()),
        duration_secs: d,
        expires_at: expiry(d),
        record: ax.record,
        user_data: ax.user_data.clone(),
        bound_at: Some(maskline_store::timefmt::now_text()),
        ..Default::default()
    }
}

/// The B side of a two-step bind ([`Session::axyb_bind`]): step 2 without the subscription id,
/// which comes from step 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YbStep {
    pub b: PhoneNumber,
    pub area_code: Option<String>,
    pub area_match_mode: Option<AreaMatchMode>,
    pub yb_duration_secs: Option<u32>,
    pub pre_voice_y: Option<String>,
}

impl YbStep {
    pub fn new(b: PhoneNumber) -> Self {
        Self {
            b,
            area_code: None,
            area_match_mode: None,
            yb_duration_secs: None,
            pre_voice_y: None,
        }
    }

    fn request(&self, subscription_id: &str) -> AxybYbRequest {
        AxybYbRequest {
            subscription_id: subscription_id.to_string(),
            b: self.b.clone(),
            area_code: self.area_code.clone(),
            area_match_mode: self.area_match_mode,
            yb_duration_secs: self.yb_duration_secs,
            pre_voice_y: self.pre_voice_y.clone(),
        }
    }
}

/// Both steps of a complete AXYB relation: `ax.relation_number` is X, `yb.relation_number` Y.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxybPair {
    pub ax: AxybBound,
    pub yb: AxybBound,
}

impl Session {
    /// Step 1 only: binds A to an X and opens the relation.
    pub async fn axyb_bind_ax(&self, req: &AxybAxRequest) -> Result<AxybBound, ServiceError> {
        let result = match self.client_for_mode(Mode::Axyb)?.axyb_bind_ax(req).await {
            Err(e) if is_ambiguous(&e) => Err(step1_lost(e)),
            r => r.map_err(ServiceError::from),
        };
        let target = format!("A={} (step 1){}", req.a.masked(), audit_note(&result));
        self.record("bind", target, &result, |b: &AxybBound| {
            CacheChange::Bound(relation(req, &b.subscription_id, &b.relation_number))
        })
        .await;
        result
    }

    /// Step 2 only: binds B to a Y within an existing relation.
    pub async fn axyb_bind_yb(&self, req: &AxybYbRequest) -> Result<AxybBound, ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axyb)?.axyb_bind_yb(req).await?) }.await;
        let target = format!("sub={} B={} (step 2)", req.subscription_id, req.b.masked());
        self.record("bind", target, &result, |b: &AxybBound| {
            CacheChange::Changed(
                Key::Sub(req.subscription_id.clone()),
                BindingChanges {
                    b: Some(req.b.to_string()),
                    y: Some(b.relation_number.clone()),
                    ..Default::default()
                },
            )
        })
        .await;
        result
    }

    /// Both steps. If B cannot be bound, the half-made relation is unbound again so no X stays
    /// taken; if that fails too, [`ServiceError::AxybHalfBound`] names the relation to clean up.
    pub async fn axyb_bind(
        &self,
        ax: &AxybAxRequest,
        yb: &YbStep,
    ) -> Result<AxybPair, ServiceError> {
        let result = self.axyb_bind_both(ax, yb).await;
        let target = format!(
            "A={} B={}{}",
            ax.a.masked(),
            yb.b.masked(),
            audit_note(&result)
        );
        self.record("bind", target, &result, |p: &AxybPair| {
            let mut rec = relation(ax, &p.ax.subscription_id, &p.ax.relation_number);
            rec.b = Some(yb.b.to_string());
            rec.y = Some(p.yb.relation_number.clone());
            CacheChange::Bound(rec)
        })
        .await;
        result
    }

    async fn axyb_bind_both(
        &self,
        ax: &AxybAxRequest,
        yb: &YbStep,
    ) -> Result<AxybPair, ServiceError> {
        let client = self.client_for_mode(Mode::Axyb)?;
        let first = match client.axyb_bind_ax(ax).await {
            Err(e) if is_ambiguous(&e) => return Err(step1_lost(e)),
            r => r?,
        };
        match client
            .axyb_bind_yb(&yb.request(&first.subscription_id))
            .await
        {
            Ok(second) => Ok(AxybPair {
                ax: first,
                yb: second,
            }),
            Err(source) => {
                let undo = AxybUnbind::Relation(first.subscription_id.clone());
                match client.axyb_unbind(&undo).await {
                    Ok(()) => Err(source.into()),
                    Err(rollback) => Err(ServiceError::AxybHalfBound {
                        subscription_id: first.subscription_id,
                        source: Box::new(source),
                        rollback: Box::new(rollback),
                    }),
                }
            }
        }
    }

    /// Removes the whole relation, or only its YB part.
    pub async fn axyb_unbind(&self, req: &AxybUnbind) -> Result<(), ServiceError> {
        let result = async { Ok(self.client_for_mode(Mode::Axyb)?.axyb_unbind(req).await?) }.await;
        let (target, change) = match req {
            AxybUnbind::Relation(id) => (
                format!("sub={id}"),
                CacheChange::Unbound(Key::Sub(id.clone())),
            ),
            // Only the B side went: the relation and its X stay (the cache keeps the last B/Y
            // until the next sync).
            AxybUnbind::YbByY { subscription_id, y } => (
                format!("sub={subscription_id} Y={} (B side)", mask(y.as_str())),
                CacheChange::Nothing,
            ),
            AxybUnbind::YbByB { subscription_id, b } => (
                format!("sub={subscription_id} B={} (B side)", b.masked()),
                CacheChange::Nothing,
            ),
        };
        self.record("unbind", target, &result, |_| change).await;
        result
    }

    /// Relations by id or by X.
    pub async fn axyb_query(&self, q: &AxybQuery) -> Result<Vec<AxybRelation>, ServiceError> {
        Ok(self.client_for_mode(Mode::Axyb)?.axyb_query(q).await?)
    }
}
