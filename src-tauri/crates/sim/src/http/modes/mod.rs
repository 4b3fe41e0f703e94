//! Binding endpoints, one module per mode (reference §4–§7), routed by `http::router`. Each
//! handler runs after the auth middleware, which has already checked the signature and that
//! the app has this mode.

use crate::codes::{self, ApiError};

pub mod ax;
pub mod axb;
pub mod axe;
pub mod axyb;

pub const AXB_PATH: &str = "/rest/caas/relationnumber/partners/v1.0";
pub const AX_PATH: &str = "/rest/provision/caas/privatenumber/v1.0";
pub const AX_CALLEE_PATH: &str = "/rest/caas/privatenumber/calleenumber/v1.0";
pub const AXE_PATH: &str = "/rest/caas/extendnumber/v1.0";
pub const AXYB_PATH: &str = "/rest/omp/xyrelationnumber/v1.0";

/// The 1012010 conflict error.
pub fn bound(number: &str) -> ApiError {
    ApiError::forbidden(
        codes::NUMBER_BOUND,
        format!("The number {number} has been bound."),
    )
}

/// The 1012001 "not applied / not found" error.
pub fn not_applied() -> ApiError {
    ApiError::forbidden(
        codes::NUMBER_NOT_APPLIED,
        "Resource of number is not to be applied.",
    )
}
