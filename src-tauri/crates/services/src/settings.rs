//! Reading and saving user settings.

use maskline_domain::Settings;

use crate::{DbManager, ServiceError};

/// The saved settings (defaults when nothing was saved yet).
pub fn get(dbm: &DbManager) -> Result<Settings, ServiceError> {
    let db = dbm.db()?;
    Ok(maskline_store::settings::get(&*db.conn()?)?)
}

/// Saves the settings and returns what is now stored.
pub fn set(dbm: &DbManager, settings: &Settings) -> Result<Settings, ServiceError> {
    let db = dbm.db()?;
    let mut conn = db.conn()?;
    maskline_store::settings::set(&mut conn, settings)?;
    Ok(maskline_store::settings::get(&conn)?)
}
