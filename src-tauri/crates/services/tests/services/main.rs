//! maskline-services' integration tests, one binary mirroring `src/` (`bindings/unsure.rs` tests
//! `src/bindings/unsure.rs`, …), on real SQLite and the simulator on 127.0.0.1:0.

mod support;

mod accounts;
mod audit;
mod bindings;
mod bulk;
mod cache_pools;
mod calls;
mod connection;
mod demo;
mod import;
mod paging;
mod recordings;
