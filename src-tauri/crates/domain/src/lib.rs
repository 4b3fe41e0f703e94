//! `maskline-domain`: the vocabulary of Maskline.
//!
//! Owns plain data types shared by every other crate: user settings, the flat IPC
//! [`ErrorCode`] and [`AppError`] shape, and (as the product grows) phone-number
//! validation, binding modes and CDR/event parsing.
//!
//! Must not depend on: any I/O (files, network, SQLite, keyring), `tauri`, or any other
//! Maskline crate. Everything here is pure and unit-tested in place.

pub mod app;
pub mod error;
pub mod settings;

pub use app::{AppInfo, DbStatus, RecoverAction};
pub use error::{AppError, ErrorCode};
pub use settings::{Language, Settings, Theme};
