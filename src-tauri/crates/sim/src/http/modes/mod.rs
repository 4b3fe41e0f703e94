//! Binding endpoints, one module per mode (reference §4–§7), routed by `http::router`. Each
//! handler runs after the auth middleware, which has already checked the signature and that
//! the app has this mode.

use crate::codes::{self, ApiError};

pub(crate) mod ax;
pub(crate) mod axb;
pub(crate) mod axe;
pub(crate) mod axyb;

pub(crate) const AXB_PATH: &str = "/rest/caas/relationnumber/partners/v1.0";
pub(crate) const AX_PATH: &str = "/rest/provision/caas/privatenumber/v1.0";
pub(crate) const AX_CALLEE_PATH: &str = "/rest/caas/privatenumber/calleenumber/v1.0";
pub(crate) const AXE_PATH: &str = "/rest/caas/extendnumber/v1.0";
pub(crate) const AXYB_PATH: &str = "/rest/omp/xyrelationnumber/v1.0";

/// The 1012010 conflict error.
pub(crate) fn bound(number: &str) -> ApiError {
    ApiError::forbidden(
        codes::NUMBER_BOUND,
        format!("The number {number} has been bound."),
    )
}

/// The 1012001 "not applied / not found" error.
pub(crate) fn not_applied() -> ApiError {
    ApiError::forbidden(
        codes::NUMBER_NOT_APPLIED,
        "Resource of number is not to be applied.",
    )
}
