//! The one support module of maskline-api's tests.
//!
//! - `scripted`: a tiny scripted HTTP server (not the simulator), for exact wire checks.
//! - `sim`: a seeded simulator and clients for its demo apps (also used by `tests/tests/cross`).

pub mod scripted;
#[macro_use]
pub mod sim;
