//! `maskline-secrets`: where account secrets live.
//!
//! Owns the `SecretStore` trait, the OS-keyring-backed store, an in-memory store for
//! tests, and `Sensitive<T>` (redacting `Debug`, no `Serialize`).
//!
//! A leaf crate: must not depend on any other Maskline crate, and never writes secrets
//! to files, SQLite, logs or anything that reaches the webview.
