//! AXYB: which number can be a relation's Y, and the Y the platform gives a B that calls X
//! before any YB step (privatenumber_axyb_0017, 使用限制 and 注意事项). Shared by the bind
//! handler (`http::modes::axyb`) and call generation (`calls`).

use crate::inventory;
use crate::model::axyb::{AxybRelation, RELATIONS_PER_Y};
use crate::model::clock::expiry;
use crate::model::config::{AppConfig, XNumber};
use crate::state::Inner;

/// Whether `n` can be the Y of `rel`: 使用限制 2 and 3 — a Y takes up to 1000 relations, never
/// the same AX twice; an A→Y call must find one relation, so A is unique per Y.
pub(crate) fn y_usable(st: &Inner, rel: &AxybRelation, n: &XNumber) -> bool {
    let on_y: Vec<&AxybRelation> = st
        .axyb
        .values()
        .filter(|r| r.y_num.as_deref() == Some(&n.number))
        .collect();
    n.number != rel.x_num
        && on_y.len() < RELATIONS_PER_Y
        && !on_y.iter().any(|r| r.a_num == rel.a_num)
}

/// B called X of a relation without YB: "若只设置了AX绑定关系(未绑定YB),B拨打X时隐私保护通话平台会
/// 自动给B分配一个Y号码…此时的YB关系过期时间为绑定AX时携带的ybDuration参数值;若未携带ybDuration,则随AX
/// 解绑时解绑" (privatenumber_axyb_0017, 注意事项). Y is chosen like a YB step without `areaCode`
/// (B's area, then non-strict); with no usable Y the relation stays without YB.
pub(crate) fn auto_yb(s: &mut Inner, app: &AppConfig, id: &str, b: &str, now: i64) {
    let Some(rel) = s.axyb.get(id).filter(|r| r.y_num.is_none()).cloned() else {
        return;
    };
    let mut rng = s.rng().clone();
    let y = {
        let st: &Inner = s;
        inventory::select(app, None, None, Some("1"), b, &mut rng, |n| {
            y_usable(st, &rel, n)
        })
    };
    *s.rng() = rng;
    if let (Ok(y), Some(r)) = (y, s.axyb.get_mut(id)) {
        r.b_num = Some(b.to_string());
        r.y_num = Some(y);
        r.yb_expires_at = (r.yb_duration != 0)
            .then(|| expiry(now, yb_lifetime(r.yb_duration, r.duration)))
            .flatten();
    }
}

/// The YB step's lifetime in seconds: `ybDuration`, capped by the relation's `duration`; `0`
/// (as long as AX) becomes `duration`.
pub(crate) fn yb_lifetime(yb: i64, duration: i64) -> i64 {
    if duration != 0 && (yb == 0 || yb > duration) {
        duration
    } else {
        yb
    }
}
