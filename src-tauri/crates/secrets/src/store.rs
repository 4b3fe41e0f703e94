//! [`SecretStore`] and its two implementations: the OS keyring and an in-memory map for tests.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::Sensitive;

/// Why a secret could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The OS keyring is missing, locked or refused access (e.g. no Secret Service on Linux).
    #[error(
        "the system keyring is not available ({0}); unlock it or install a keyring service \
         (系统钥匙串不可用,请解锁或安装钥匙串服务)"
    )]
    Unavailable(String),
    /// The account name cannot be used as a keyring entry.
    #[error("invalid account name for the keyring: {0}")]
    InvalidName(String),
    /// The keyring failed in some other way.
    #[error("the system keyring failed: {0}")]
    Backend(String),
}

/// Where account secrets live. Keys are account identifiers (not the secrets).
///
/// `get` returns `Ok(None)` when nothing is stored; `delete` of a missing entry succeeds.
pub trait SecretStore: Send + Sync {
    fn set(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError>;
    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError>;
    fn delete(&self, account: &str) -> Result<(), SecretError>;

    /// Whether a secret exists: all the UI is ever told.
    fn exists(&self, account: &str) -> Result<bool, SecretError> {
        Ok(self.get(account)?.is_some())
    }
}

#[cfg(feature = "keyring")]
/// The OS keyring (macOS Keychain, Windows Credential Manager, Secret Service / keyutils).
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
}

#[cfg(feature = "keyring")]
impl KeyringStore {
    /// `service` namespaces the entries, e.g. `"maskline"`.
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, account).map_err(map_err)
    }
}

#[cfg(feature = "keyring")]
fn map_err(e: keyring::Error) -> SecretError {
    use keyring::Error as K;
    match e {
        K::NoStorageAccess(inner) => SecretError::Unavailable(inner.to_string()),
        K::PlatformFailure(inner) => SecretError::Unavailable(inner.to_string()),
        K::TooLong(name, _) | K::Invalid(name, _) => SecretError::InvalidName(name),
        other => SecretError::Backend(other.to_string()),
    }
}

#[cfg(feature = "keyring")]
impl SecretStore for KeyringStore {
    fn set(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(map_err)
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        match self.entry(account)?.get_password() {
            Ok(s) => Ok(Some(Sensitive::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_err(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<(), SecretError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }
}

/// Secrets in a process-local map; for tests and the demo mode. Nothing touches disk.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: Mutex<HashMap<String, Sensitive<String>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Sensitive<String>>> {
        // A panic while holding the lock cannot leave the map half-updated; keep going.
        self.map
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl SecretStore for MemoryStore {
    fn set(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        self.lock().insert(account.to_string(), secret.clone());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        Ok(self.lock().get(account).cloned())
    }

    fn delete(&self, account: &str) -> Result<(), SecretError> {
        self.lock().remove(account);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(store: &dyn SecretStore, account: &str) {
        store
            .delete(account)
            .expect("delete of a missing entry succeeds");
        assert!(!store.exists(account).expect("exists"), "starts empty");
        store
            .set(account, &Sensitive::new("first".to_string()))
            .expect("set");
        assert_eq!(
            store.get(account).expect("get").expect("present").expose(),
            "first"
        );
        store
            .set(account, &Sensitive::new("second".to_string()))
            .expect("overwrite");
        assert_eq!(
            store.get(account).expect("get").expect("present").expose(),
            "second"
        );
        assert!(store.exists(account).expect("exists"));
        store.delete(account).expect("delete");
        assert!(
            store.get(account).expect("get").is_none(),
            "gone after delete"
        );
    }

    #[test]
    fn memory_store_behaves_like_a_secret_store() {
        let store = MemoryStore::new();
        exercise(&store, "acct-1");
        store.set("a", &Sensitive::new("x".into())).expect("set");
        assert!(
            store.get("b").expect("get").is_none(),
            "accounts are separate"
        );
    }

    #[test]
    fn memory_store_debug_does_not_leak() {
        let store = MemoryStore::new();
        store
            .set("a", &Sensitive::new("topsecret".into()))
            .expect("set");
        assert!(!format!("{store:?}").contains("topsecret"));
    }

    #[cfg(feature = "keyring")]
    /// Needs a real, unlocked OS keyring. `scripts/test.sh` (and CI) provide one and set
    /// `MASKLINE_TEST_KEYRING=1`; without it the test says it was skipped.
    #[test]
    fn keyring_store_round_trips() {
        if std::env::var_os("MASKLINE_TEST_KEYRING").is_none() {
            eprintln!("skipped: needs an unlocked OS keyring (run scripts/test.sh)");
            return;
        }
        exercise(
            &KeyringStore::new("maskline-test"),
            "maskline-secrets-selftest",
        );
    }

    #[cfg(feature = "keyring")]
    #[test]
    fn keyring_errors_map_to_useful_variants() {
        let e = map_err(keyring::Error::TooLong("account".into(), 255));
        assert!(
            matches!(e, SecretError::InvalidName(ref n) if n == "account"),
            "{e:?}"
        );
        let e = map_err(keyring::Error::NoStorageAccess("locked".into()));
        assert!(matches!(e, SecretError::Unavailable(_)), "{e:?}");
        assert!(
            e.to_string().contains("钥匙串"),
            "message is bilingual: {e}"
        );
    }
}
