//! `maskline-domain`: the vocabulary of Maskline.
//!
//! Owns plain data types shared by every other crate: user settings, the flat IPC
//! [`ErrorCode`] and [`AppError`] shape, E.164 phone-number normalisation ([`PhoneNumber`]),
//! binding [`Mode`]s and [`AuthScheme`]s, CDR/event parsing ([`cdr`]), call explanations
//! ([`explain`]) and the types of the Calls page and imports ([`calls`], [`import`]).
//!
//! Must not depend on: any I/O (files, network, SQLite, keyring), `tauri`, or any other
//! Maskline crate. Everything here is pure and unit-tested in place.

pub mod account;
pub mod app;
pub mod audit;
pub mod binding_forms;
pub mod bindings;
pub mod calls;
pub mod cdr;
pub mod demo;
pub mod error;
pub mod explain;
pub mod import;
pub mod jobs;
pub mod mode;
pub mod phone;
pub mod pools;
pub mod privacy;
pub mod recordings;
pub mod settings;
pub mod text;

pub use account::{AccountDraft, AccountInfo, ConnectionReport, ConnectionVerdict};
pub use app::{AppInfo, DbProblem, DbStatus, RecoverAction};
pub use demo::DemoStatus;
pub use error::{AppError, ErrorCode};
pub use mode::{AuthScheme, Mode};
pub use phone::{PhoneError, PhoneKind, PhoneNumber};
pub use settings::{
    Language, Settings, Theme, WatchFolderSettings, WatchImport, WatchProblem, WatchState,
    WatchStatus,
};
pub use text::Text;
