//! Binding endpoints, one module per mode (reference §4–§7). Each handler runs after the
//! auth middleware, which has already checked the signature and that the app has this mode.

use std::sync::Arc;

use axum::Router;
use axum::routing::{post, put};

use crate::state::Sim;

pub mod ax;
pub mod axb;
pub mod axe;
pub mod axyb;

pub const AXB_PATH: &str = "/rest/caas/relationnumber/partners/v1.0";
pub const AX_PATH: &str = "/rest/provision/caas/privatenumber/v1.0";
pub const AX_CALLEE_PATH: &str = "/rest/caas/privatenumber/calleenumber/v1.0";
pub const AXE_PATH: &str = "/rest/caas/extendnumber/v1.0";
pub const AXYB_PATH: &str = "/rest/omp/xyrelationnumber/v1.0";

/// Routes of every mode.
pub fn routes() -> Router<Arc<Sim>> {
    Router::new()
        .route(
            AXB_PATH,
            post(axb::bind)
                .put(axb::modify)
                .delete(axb::unbind)
                .get(axb::query),
        )
        .route(
            AX_PATH,
            post(ax::bind)
                .put(ax::modify)
                .delete(ax::unbind)
                .get(ax::query),
        )
        .route(AX_CALLEE_PATH, put(ax::set_callee))
        .route(
            AXE_PATH,
            post(axe::bind)
                .put(axe::modify)
                .delete(axe::unbind)
                .get(axe::query),
        )
        .route(
            AXYB_PATH,
            post(axyb::bind).delete(axyb::unbind).get(axyb::query),
        )
}

/// `expires_at` for a lifetime in seconds (`0` = never).
pub fn expiry(now: i64, secs: i64) -> Option<i64> {
    (secs > 0).then_some(now + secs)
}

/// The 1012010 conflict error.
pub fn bound(number: &str) -> crate::codes::ApiError {
    crate::codes::ApiError::forbidden(
        crate::codes::NUMBER_BOUND,
        format!("The number {number} has been bound."),
    )
}

/// The 1012001 "not applied / not found" error.
pub fn not_applied() -> crate::codes::ApiError {
    crate::codes::ApiError::forbidden(
        crate::codes::NUMBER_NOT_APPLIED,
        "Resource of number is not to be applied.",
    )
}
