//! Reading and saving user settings.

use maskline_domain::{Text, text};
use std::path::Path;

use maskline_domain::{Settings, WatchFolderSettings};

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

/// The saved watch folder setting (off when nothing was saved yet).
pub fn watch_folder(dbm: &DbManager) -> Result<WatchFolderSettings, ServiceError> {
    let db = dbm.db()?;
    Ok(maskline_store::settings::get_watch_folder(&*db.conn()?)?)
}

/// Checks and saves the watch folder setting; returns what is now stored. Turning the watch
/// on needs an existing folder given by its full path; turning it off keeps the folder.
pub fn set_watch_folder(
    dbm: &DbManager,
    s: &WatchFolderSettings,
) -> Result<WatchFolderSettings, ServiceError> {
    let folder = s
        .folder
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_string);
    if let Some(f) = &folder
        && !Path::new(f).is_absolute()
    {
        return Err(invalid(text!(
            "{f} is not a full path; choose the folder with the Choose button",
            "{f} 不是完整路径,请用“选择”按钮选择文件夹"
        )));
    }
    if s.enabled {
        let Some(f) = &folder else {
            return Err(invalid(Text::new(
                "choose a folder before turning the watch folder on",
                "请先选择要监视的文件夹",
            )));
        };
        if !Path::new(f).is_dir() {
            return Err(invalid(text!(
                "{f} is not an existing folder; choose another folder",
                "{f} 不是已存在的文件夹,请选择其他文件夹"
            )));
        }
    }
    let clean = WatchFolderSettings {
        enabled: s.enabled,
        folder,
    };
    let db = dbm.db()?;
    let mut conn = db.conn()?;
    maskline_store::settings::set_watch_folder(&mut conn, &clean)?;
    Ok(maskline_store::settings::get_watch_folder(&conn)?)
}

fn invalid(message: Text) -> ServiceError {
    ServiceError::Invalid {
        field: "folder".into(),
        message,
    }
}
