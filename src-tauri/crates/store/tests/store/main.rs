//! maskline-store's integration tests, one binary mirroring `src/`, on real SQLite files. Its
//! only shared helper is the root crate's `tests/support/small_disk.rs` (in `open_faults`).

mod db;
mod open_faults;
mod tables;
