//! Binding use cases for every mode (AXB, AX, AXE, AXYB) plus the mode-independent call
//! operations (stop a call, get a recording's download link).
//!
//! A [`Session`] is opened for one account (by name, or the active one) through
//! [`accounts::client_for`](crate::accounts::client_for): that is the synchronous part (SQLite
//! and the keyring; run it off the UI thread). Its operations are async and refuse, before any
//! request is sent, an operation of another mode than the account's: the platform would answer
//! 1010040 and count the call. Platform and transport failures come back as
//! [`ServiceError::Api`], whose result code and bilingual explanation stay reachable.
//!
//! The request and answer types are the API client's, re-exported here so front ends depend on
//! this crate only.

use maskline_api::Client;
use maskline_domain::Mode;
use maskline_secrets::SecretStore;
use maskline_store::Db;

use crate::accounts::{self, AccountView};
use crate::{DbManager, ServiceError};

mod ax;
mod axb;
mod axe;
mod axyb;
mod calls;
mod forms;
mod record;
mod unsure;

pub use axyb::{AxybPair, YbStep};
pub use forms::resolve_x;
pub use maskline_api::{
    ApiError, AreaMatchMode, CallDirection, CodeCategory, Explanation, Page, PhoneNumber, PlayInfo,
    RecordingLink, ResultCode,
    ax::{AxBindRequest, AxBinding, AxBound, AxKey, AxModifyRequest, AxQuery, AxTempCalleeRequest},
    axb::{
        AxbBindRequest, AxbBinding, AxbBound, AxbModifyRequest, AxbQuery, AxbQueryPage, AxbUnbind,
    },
    axe::{AxeBindRequest, AxeBinding, AxeCallback, AxeKey, AxeModifyRequest, AxeTimeUnit},
    axyb::{AxybAxRequest, AxybBound, AxybQuery, AxybRelation, AxybUnbind, AxybYbRequest},
};
pub use unsure::{BindCheck, unsure_message};

/// One account's binding operations. Every bind, modify and unbind is audited and, when it
/// succeeds, written to the local bindings cache (see `record`).
#[derive(Debug, Clone)]
pub struct Session {
    account: AccountView,
    client: Client,
    db: Option<Db>,
}

impl Session {
    /// Resolves the account (`None` = the active one) and builds its client. Blocking: it reads
    /// the database and the keyring.
    pub fn open(
        dbm: &DbManager,
        secrets: &dyn SecretStore,
        account: Option<&str>,
    ) -> Result<Self, ServiceError> {
        let (account, client) = accounts::client_for(dbm, secrets, account)?;
        Ok(Self {
            account,
            client,
            db: dbm.db().ok(),
        })
    }

    /// The account this session works for (never its secret).
    pub fn account(&self) -> &AccountView {
        &self.account
    }

    /// The client, if the account is an app of `wanted` mode.
    fn client_for_mode(&self, wanted: Mode) -> Result<&Client, ServiceError> {
        if self.account.mode == wanted {
            Ok(&self.client)
        } else {
            Err(ServiceError::WrongMode {
                account: self.account.name.clone(),
                account_mode: self.account.mode,
                wanted,
            })
        }
    }
}
