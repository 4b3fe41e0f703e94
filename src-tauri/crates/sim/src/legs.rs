//! Every way a call can be placed on an app's bindings: caller, private number, forwarded-to
//! number and CDR direction per mode, with the failures the binding itself implies
//! (direction not allowed → 8016, AX without temporary callee → 8013, AXE callback without
//! record → 8019).

use rand::Rng;

use crate::model::calls::Leg;
use crate::model::config::{AppConfig, Mode};
use crate::model::outcomes;
use crate::state::Inner;

fn random_mobile(rng: &mut impl Rng) -> String {
    format!(
        "+861{}{:09}",
        rng.random_range(3..=9),
        rng.random_range(0..1_000_000_000u32)
    )
}

/// Every way to place a call on the app's bindings (one entry per binding and direction).
pub(crate) fn legs(s: &mut Inner, app: &AppConfig) -> Vec<Leg> {
    let mut out = Vec::new();
    let leg = |sub: &str,
               caller: String,
               bind: &str,
               dst: Option<String>,
               dir: i64,
               rec: bool,
               ud: &Option<String>| Leg {
        subscription_id: sub.into(),
        caller,
        bind_num: bind.into(),
        dst,
        direction: dir,
        extend_num: None,
        user_data: ud.clone(),
        record: rec,
        forced: None,
        assigns_yb: false,
    };
    let other = random_mobile(s.rng());
    match app.mode {
        Mode::Axb => {
            for b in s.axb.values().filter(|b| b.app_key == app.key) {
                for (dir, from, to) in [
                    (1, &b.caller_num, &b.callee_num),
                    (0, &b.callee_num, &b.caller_num),
                ] {
                    let mut l = leg(
                        &b.subscription_id,
                        from.clone(),
                        &b.relation_num,
                        Some(to.clone()),
                        dir,
                        b.record_flag,
                        &b.user_data,
                    );
                    let allowed = b.call_direction == 0
                        || (b.call_direction == 1 && dir == 1)
                        || (b.call_direction == 2 && dir == 0);
                    if !allowed {
                        l.forced = Some(outcomes::DIRECTION_FORBIDDEN);
                    }
                    out.push(l);
                }
            }
        }
        Mode::Ax => {
            for b in s.ax.values().filter(|b| b.app_key == app.key) {
                out.push(leg(
                    &b.subscription_id,
                    other.clone(),
                    &b.private_num,
                    Some(b.orig_num.clone()),
                    0,
                    b.record_flag,
                    &b.user_data,
                ));
                let mut l = leg(
                    &b.subscription_id,
                    b.orig_num.clone(),
                    &b.private_num,
                    b.temp_callee.clone(),
                    1,
                    b.record_flag,
                    &b.user_data,
                );
                if b.temp_callee.is_none() {
                    l.forced = Some(outcomes::NO_TEMP_CALLEE);
                }
                out.push(l);
            }
        }
        Mode::Axe => {
            for b in s.axe.values().filter(|b| b.app_key == app.key) {
                let mut l = leg(
                    &b.subscription_id,
                    other.clone(),
                    &b.virtual_num,
                    Some(b.bind_num.clone()),
                    0,
                    b.record_flag,
                    &b.user_data,
                );
                l.extend_num = Some(b.extend_num.clone());
                out.push(l);
                let mut back = leg(
                    &b.subscription_id,
                    b.bind_num.clone(),
                    &b.virtual_num,
                    b.callback_num.clone(),
                    1,
                    b.record_flag,
                    &b.user_data,
                );
                back.extend_num = Some(b.extend_num.clone());
                if b.callback_num.is_none() {
                    back.forced = Some(outcomes::NO_CALLBACK_RECORD);
                }
                out.push(back);
            }
        }
        Mode::Axyb => {
            for r in s.axyb.values().filter(|r| r.app_key == app.key) {
                if r.y_num.is_none() {
                    // Before the YB step, a B calling X reaches A and is given a Y.
                    let mut l = leg(
                        &r.subscription_id,
                        other.clone(),
                        &r.x_num,
                        Some(r.a_num.clone()),
                        0,
                        r.record_flag,
                        &r.user_data,
                    );
                    l.assigns_yb = true;
                    out.push(l);
                }
                if let (Some(bn), Some(y)) = (&r.b_num, &r.y_num) {
                    out.push(leg(
                        &r.subscription_id,
                        r.a_num.clone(),
                        y,
                        Some(bn.clone()),
                        1,
                        r.record_flag,
                        &r.user_data,
                    ));
                    out.push(leg(
                        &r.subscription_id,
                        bn.clone(),
                        &r.x_num,
                        Some(r.a_num.clone()),
                        0,
                        r.record_flag,
                        &r.user_data,
                    ));
                }
            }
        }
    }
    out
}
