//! Which account an operation is for: by name, or the active one.

use maskline_domain::{Text, text};
use maskline_store::accounts::{self, AccountRow};

use crate::{DbManager, ServiceError};

/// The account named `name` (case-insensitive), or the active account when `None`.
pub fn account_row(dbm: &DbManager, name: Option<&str>) -> Result<AccountRow, ServiceError> {
    let db = dbm.db()?;
    let conn = db.conn()?;
    let row = match name {
        Some(n) => accounts::by_name(&conn, n)?,
        None => accounts::list(&conn)?.into_iter().find(|r| r.is_active),
    };
    row.ok_or_else(|| match name {
        Some(n) => ServiceError::NotFound(text!("no account named {n:?}", "没有名为 {n:?} 的账号")),
        None => ServiceError::NotFound(Text::new(
            "no active account: add one first",
            "尚无可用账号,请先添加",
        )),
    })
}
