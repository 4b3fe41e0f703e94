//! `maskline-services`: Maskline's use cases.
//!
//! Composes the store, the API client and the secret store into the operations the app
//! and the CLI offer (database lifecycle and recovery, settings, accounts, bindings in every
//! mode, and later bulk jobs, imports, recordings and pools). Both front ends call only this
//! crate. Demo mode (`demo`) also runs the simulator (`maskline-sim`) in-process as the
//! platform; nothing else here talks to it.
//!
//! Must not depend on `tauri` or any UI concern: commands in `src-tauri` stay a few lines.

pub mod accounts;
pub mod audit;
pub mod bindings;
pub mod bindings_cache;
pub mod bulk;
pub mod calls;
pub mod connection;
pub mod database;
pub mod demo;
pub mod error;
pub mod fsx;
pub mod import;
pub mod jobs;
pub mod numbers;
pub mod paging;
pub mod paths;
pub mod pools;
pub mod privacy;
pub mod recordings;
mod scope;
pub mod settings;

pub use database::DbManager;
pub use error::ServiceError;
pub use maskline_domain::{DbProblem, DbStatus, RecoverAction};
