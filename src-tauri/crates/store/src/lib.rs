//! `maskline-store`: everything Maskline keeps in its local SQLite database.
//!
//! Owns the connection pool ([`Db`]), the embedded append-only migrations, integrity
//! checks, file backups taken before migrating, and one module per table.
//!
//! Depends only on `maskline-domain`. Must not depend on `tauri`, the network client,
//! the keyring, or the services crate. Secrets never reach this crate.

pub mod accounts;
pub mod audit;
mod backup;
pub mod bindings;
pub mod call_query;
pub mod call_stats;
pub mod calls;
mod db;
pub mod demo;
mod error;
pub mod imports;
pub mod inbox;
pub mod jobs;
mod migrate;
pub mod numbers;
pub mod pools;
pub mod recordings;
pub mod settings;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod timefmt;

pub use backup::{
    Backup, latest_backup, latest_verified_backup, list_backups, restore_latest, set_aside,
    verified_backups,
};
pub use db::{Conn, Db};
pub use error::StoreError;
pub use migrate::{MIGRATIONS, Migration};
/// The connection the store's functions take (a pooled [`Conn`] derefs to it).
pub use rusqlite::Connection;

/// How many backup files are kept beside the database.
pub fn backup_keep() -> usize {
    backup::KEEP
}
