//! The one support module of the cross-crate tests.
//!
//! - `cli`: a temp home for the built `maskline` binary, and process helpers.
//! - `sim`: the simulator helpers of maskline-api's tests (the same file, shared).
//! - `small_disk`: a real size-limited tmpfs (also used by maskline-store's tests).

pub mod cli;
#[path = "../../../../src-tauri/crates/api/tests/api/support/sim.rs"]
pub mod sim;
#[path = "../../../support/small_disk.rs"]
pub mod small_disk;
