//! Bulk job files: which column holds which field ([`mapping`]) and one row as a typed request
//! ([`plan`]).

pub mod mapping;
pub mod plan;
