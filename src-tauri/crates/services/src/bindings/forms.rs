//! The Bindings page's forms ([`BindForm`], [`ModifyForm`]) turned into the per-mode
//! operations above, so front ends stay free of mode logic. A form of another mode than the
//! account's is refused before anything is sent.

use maskline_domain::Text;
use maskline_domain::binding_forms::{BindForm, BindOutcome, ModifyForm};
use maskline_domain::{Mode, PhoneNumber};

use super::*;
use crate::{DbManager, ServiceError, pools};

fn num(field: &str, s: &str) -> Result<PhoneNumber, ServiceError> {
    PhoneNumber::parse(s).map_err(|e| ServiceError::invalid(field, e.text()))
}

fn opt(field: &str, s: Option<&str>) -> Result<Option<PhoneNumber>, ServiceError> {
    s.filter(|s| !s.trim().is_empty())
        .map(|s| num(field, s))
        .transpose()
}

fn dir(d: Option<u8>) -> Option<CallDirection> {
    d.and_then(|d| CallDirection::from_code(u64::from(d)))
}

/// Fills in X from the form's pool or city (least-used X without a conflict) when no X was
/// typed. Synchronous (SQLite): run it off the UI thread before [`Session::bind_form`].
pub fn resolve_x(
    dbm: &DbManager,
    account: Option<&str>,
    form: &mut BindForm,
) -> Result<(), ServiceError> {
    let (a, b, x, scope) = match form {
        BindForm::Axb {
            a, b, x, x_scope, ..
        } => (a.as_str(), Some(b.as_str()), x, x_scope),
        BindForm::Ax { a, x, x_scope, .. } | BindForm::Axe { a, x, x_scope, .. } => {
            (a.as_str(), None, x, x_scope)
        }
        BindForm::Axyb { .. } => return Ok(()),
    };
    if x.as_deref().is_some_and(|x| !x.trim().is_empty()) {
        return Ok(());
    }
    let Some(scope) = scope.as_ref() else {
        return Ok(());
    };
    let a = num("a", a)?;
    let b = opt("b", b)?;
    match pools::choose_x(dbm, account, scope, &a, b.as_ref())? {
        Some(chosen) => {
            *x = Some(chosen.to_string());
            Ok(())
        }
        None => Err(ServiceError::Invalid {
            field: "x".into(),
            message: Text::new(
                "no X in that pool or city can take this binding (all full or already \
                      used by these numbers); choose another pool or city",
                "该号码池或城市没有可用的 X \
                      (已满或已被这些号码占用),请换一个号码池或城市",
            ),
        }),
    }
}

fn form_mode(f: &BindForm) -> Mode {
    match f {
        BindForm::Axb { .. } => Mode::Axb,
        BindForm::Ax { .. } => Mode::Ax,
        BindForm::Axe { .. } => Mode::Axe,
        BindForm::Axyb { .. } => Mode::Axyb,
    }
}

impl Session {
    /// Binds as the form says (X already resolved by [`resolve_x`]).
    pub async fn bind_form(&self, form: &BindForm) -> Result<BindOutcome, ServiceError> {
        self.client_for_mode(form_mode(form))?;
        match form {
            BindForm::Axb {
                a,
                b,
                x,
                area_code,
                duration_secs,
                direction,
                record,
                record_hint_tone,
                user_data,
                ..
            } => {
                let mut req = AxbBindRequest::new(num("a", a)?, num("b", b)?);
                req.relation_num = opt("x", x.as_deref())?;
                req.area_code = area_code.clone();
                req.duration_secs = *duration_secs;
                req.call_direction = dir(*direction);
                req.record = *record;
                req.record_hint_tone = record_hint_tone.clone();
                req.user_data = user_data.clone();
                let r = self.axb_bind(&req).await?;
                Ok(BindOutcome {
                    subscription_id: r.subscription_id,
                    x: Some(r.relation_num),
                    y: None,
                    extension: None,
                })
            }
            BindForm::Ax {
                a,
                x,
                area_code,
                direction,
                record,
                record_hint_tone,
                user_data,
                switched_off,
                ..
            } => {
                let mut req = AxBindRequest::new(num("a", a)?);
                // turnFlag "off" only when asked; absent means on (privatenumber_02_0011).
                req.turn_flag = (*switched_off == Some(true)).then_some(false);
                req.private_num = opt("x", x.as_deref())?;
                req.area_code = area_code.clone();
                req.call_direction = dir(*direction);
                req.record = *record;
                req.record_hint_tone = record_hint_tone.clone();
                req.user_data = user_data.clone();
                let r = self.ax_bind(&req).await?;
                Ok(BindOutcome {
                    subscription_id: r.subscription_id,
                    x: Some(r.private_num),
                    y: None,
                    extension: None,
                })
            }
            BindForm::Axe {
                a,
                x,
                area_code,
                extension,
                duration_hours,
                record,
                record_hint_tone,
                user_data,
                ..
            } => {
                let mut req = AxeBindRequest::new(num("a", a)?);
                req.virtual_num = opt("x", x.as_deref())?;
                req.area_code = area_code.clone();
                req.extend_num = extension.clone().filter(|e| !e.is_empty());
                req.bind_expired_hours = *duration_hours;
                req.record = *record;
                req.record_hint_tone = record_hint_tone.clone();
                req.user_data = user_data.clone();
                let r = self.axe_bind(&req).await?;
                Ok(BindOutcome {
                    subscription_id: r.subscription_id,
                    x: r.virtual_num,
                    y: None,
                    extension: r.extend_num,
                })
            }
            BindForm::Axyb {
                a,
                b,
                area_code,
                y_area_code,
                duration_secs,
                direction,
                record,
                record_hint_tone,
                user_data,
            } => {
                let mut ax = AxybAxRequest::new(num("a", a)?);
                ax.area_code = area_code.clone();
                ax.duration_secs = *duration_secs;
                ax.call_direction = dir(*direction);
                ax.record = *record;
                ax.record_hint_tone = record_hint_tone.clone();
                ax.user_data = user_data.clone();
                let mut yb = YbStep::new(num("b", b)?);
                yb.area_code = y_area_code.clone();
                let p = self.axyb_bind(&ax, &yb).await?;
                Ok(BindOutcome {
                    subscription_id: p.ax.subscription_id,
                    x: Some(p.ax.relation_number),
                    y: Some(p.yb.relation_number),
                    extension: None,
                })
            }
        }
    }

    /// Applies the form's changes to one binding.
    pub async fn modify_form(&self, form: &ModifyForm) -> Result<(), ServiceError> {
        match form {
            ModifyForm::Axb {
                subscription_id,
                a,
                b,
                duration_secs,
                direction,
                record,
                user_data,
            } => {
                let req = AxbModifyRequest {
                    subscription_id: subscription_id.clone(),
                    caller: opt("a", a.as_deref())?,
                    callee: opt("b", b.as_deref())?,
                    call_direction: dir(*direction),
                    duration_secs: *duration_secs,
                    record: *record,
                    user_data: user_data.clone(),
                    ..Default::default()
                };
                self.axb_modify(&req).await
            }
            ModifyForm::Ax {
                subscription_id,
                direction,
                record,
                user_data,
            } => {
                let mut req = AxModifyRequest::new(AxKey::Subscription(subscription_id.clone()));
                req.call_direction = dir(*direction);
                req.record = *record;
                req.user_data = user_data.clone();
                self.ax_modify(&req).await
            }
            ModifyForm::Axe {
                subscription_id,
                duration_hours,
                record,
                user_data,
            } => {
                let mut req = AxeModifyRequest::new(AxeKey::Subscription(subscription_id.clone()));
                req.bind_expired_hours = *duration_hours;
                req.record = *record;
                req.user_data = user_data.clone();
                self.axe_modify(&req).await
            }
        }
    }

    /// Unbinds one binding by its subscription id, in the account's mode (AXYB: the whole
    /// relation).
    pub async fn unbind_subscription(&self, subscription_id: &str) -> Result<(), ServiceError> {
        let id = subscription_id.to_string();
        match self.account().mode {
            Mode::Axb => self.axb_unbind(&AxbUnbind::Subscription(id)).await,
            Mode::Ax => self.ax_unbind(&AxKey::Subscription(id)).await,
            Mode::Axe => self.axe_unbind(&AxeKey::Subscription(id)).await,
            Mode::Axyb => self.axyb_unbind(&AxybUnbind::Relation(id)).await,
        }
    }
}
