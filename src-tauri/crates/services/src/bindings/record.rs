//! After every bind, modify and unbind a [`Session`] sends: the audit entry (success or
//! failure, numbers masked) and, on success, the bindings cache update. Both are local
//! bookkeeping: a failure to write them is logged and never turns a platform success into an
//! error.

use maskline_domain::Mode;
use maskline_store::bindings::{self, BindingChanges, BindingRecord};
use maskline_store::timefmt;

use super::Session;
use crate::{ServiceError, audit};

/// Which cached binding a change is about.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    Sub(String),
    AllOnX(String),
    /// AX by A and X, AXE by X and extension.
    Find {
        a: Option<String>,
        x: String,
        extension: Option<String>,
    },
}

/// What the cache should learn from a successful operation.
#[derive(Debug, Clone)]
pub(crate) enum CacheChange {
    Bound(BindingRecord),
    Changed(Key, BindingChanges),
    Unbound(Key),
    Nothing,
}

/// `now + secs` in the stored form; `None` for 0 / absent (= never expires).
pub(crate) fn expiry(secs: Option<i64>) -> Option<String> {
    secs.filter(|s| *s > 0)
        .map(|s| timefmt::utc_text(time::OffsetDateTime::now_utc() + time::Duration::seconds(s)))
}

impl Session {
    /// Audits an operation and updates the cache when it succeeded.
    pub(crate) async fn record<T>(
        &self,
        action: &'static str,
        target: String,
        result: &Result<T, ServiceError>,
        change: impl FnOnce(&T) -> CacheChange,
    ) {
        let Some(db) = self.db.clone() else {
            return;
        };
        let (code, change) = match result {
            Ok(v) => ("0".to_string(), Some(change(v))),
            // Refused before sending: nothing happened on the platform.
            Err(ServiceError::WrongMode { .. }) => return,
            Err(e) => (audit::failure_code(e), None),
        };
        let (account_id, account, mode) = (
            self.account.id,
            self.account.name.clone(),
            self.account.mode,
        );
        let target = format!("{mode} {target}");
        let work = move || -> Result<(), ServiceError> {
            if let Some(change) = &change {
                apply(&db, account_id, mode, change)?;
            }
            audit::record(
                &db,
                Some(&account),
                action,
                &target,
                &code,
                change.is_some(),
            )?;
            Ok(())
        };
        match tokio::task::spawn_blocking(work).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!("could not record {action} locally: {e}"),
            Err(e) => tracing::warn!("could not record {action} locally: {e}"),
        }
    }
}

fn apply(
    db: &maskline_store::Db,
    account_id: i64,
    mode: Mode,
    change: &CacheChange,
) -> Result<(), ServiceError> {
    let conn = db.conn()?;
    let resolve = |key: &Key| -> Result<Option<String>, ServiceError> {
        Ok(match key {
            Key::Sub(id) => Some(id.clone()),
            Key::AllOnX(_) => None,
            Key::Find { a, x, extension } => {
                bindings::find_live(&conn, account_id, a.as_deref(), x, extension.as_deref())?
            }
        })
    };
    match change {
        CacheChange::Bound(rec) => {
            bindings::upsert(&conn, account_id, mode, rec, None)?;
        }
        CacheChange::Changed(key, changes) => {
            if let Some(id) = resolve(key)? {
                bindings::apply_changes(&conn, account_id, &id, changes)?;
            }
        }
        CacheChange::Unbound(Key::AllOnX(x)) => {
            bindings::mark_unbound(&conn, account_id, None, Some(x))?;
        }
        CacheChange::Unbound(key) => {
            if let Some(id) = resolve(key)? {
                bindings::mark_unbound(&conn, account_id, Some(&id), None)?;
            }
        }
        CacheChange::Nothing => {}
    }
    Ok(())
}

impl Session {
    /// The local database this session records into.
    pub(crate) fn db(&self) -> Result<&maskline_store::Db, ServiceError> {
        self.db.as_ref().ok_or(ServiceError::DbUnavailable)
    }

    /// The API client (for the sync's queries, which are not audited).
    pub(crate) fn raw_client(&self) -> &maskline_api::Client {
        &self.client
    }
}
