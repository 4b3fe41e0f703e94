//! The one error shape that crosses the IPC boundary.
//!
//! The UI branches on [`ErrorCode`], never on message text. Add a code only when the UI
//! needs to branch on it; everything else is `Internal` with a helpful message.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Text;

/// Flat list of error codes the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Unexpected failure; the message says what happened and what to try.
    Internal,
    /// The user's input was rejected; the message names the field.
    InvalidInput,
    /// The requested item does not exist.
    NotFound,
    /// The local database is not open (for example while the recovery screen is shown).
    DbUnavailable,
    /// The local database file is damaged or not a database.
    DbCorrupt,
    /// "Restore last backup" was chosen but no usable backup exists.
    NoBackup,
    /// The app lock is on: ask for the passphrase, then retry.
    Locked,
}

/// `{ code, message: { en, zh } }`: what every failing command returns to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: Text,
}

impl AppError {
    pub fn new(code: ErrorCode, message: Text) -> Self {
        Self { code, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_to_the_flat_ipc_shape() {
        let e = AppError::new(ErrorCode::DbCorrupt, Text::new("damaged", "已损坏"));
        let json = serde_json::to_value(&e).expect("serialize");
        assert_eq!(
            json,
            serde_json::json!({"code": "dbCorrupt", "message": {"en": "damaged", "zh": "已损坏"}})
        );
    }
}
