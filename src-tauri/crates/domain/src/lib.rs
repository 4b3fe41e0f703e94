//! `maskline-domain`: the vocabulary of Maskline.
//!
//! Owns plain data types shared by every other crate: user settings, the flat IPC
//! [`ErrorCode`] and [`AppError`] shape, E.164 phone-number normalisation ([`PhoneNumber`]),
//! binding [`Mode`]s and [`AuthScheme`]s, and (as the product grows) CDR/event parsing.
//!
//! Must not depend on: any I/O (files, network, SQLite, keyring), `tauri`, or any other
//! Maskline crate. Everything here is pure and unit-tested in place.

pub mod app;
pub mod audit;
pub mod bindings;
pub mod error;
pub mod jobs;
pub mod mode;
pub mod phone;
pub mod pools;
pub mod settings;

pub use app::{AppInfo, DbStatus, RecoverAction};
pub use error::{AppError, ErrorCode};
pub use mode::{AuthScheme, Mode};
pub use phone::{PhoneError, PhoneKind, PhoneNumber};
pub use settings::{Language, Settings, Theme};
