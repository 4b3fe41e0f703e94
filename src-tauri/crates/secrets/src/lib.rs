//! `maskline-secrets`: where account secrets live.
//!
//! Owns the [`SecretStore`] trait, the OS-keyring-backed [`KeyringStore`], an in-memory
//! [`MemoryStore`] for tests, and [`Sensitive<T>`] (redacting `Debug`/`Display`, no
//! `Serialize`, zeroed on drop), and the app lock's passphrase verifier ([`passphrase`]).
//!
//! A leaf crate: must not depend on any other Maskline crate, and never writes secrets
//! to files, SQLite, logs or anything that reaches the webview.

pub mod passphrase;
mod sensitive;
mod store;

pub use sensitive::Sensitive;
#[cfg(feature = "keyring")]
pub use store::KeyringStore;
pub use store::{MemoryStore, SecretError, SecretStore};
