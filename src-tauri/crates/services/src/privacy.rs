//! Privacy by default: the optional app lock (a passphrase asked before a number is revealed
//! or a recording is played) and the audited reveal of a number.
//!
//! The passphrase's verifier lives in the secret store (the OS keyring) under [`LOCK_KEY`];
//! the lock is on exactly when that entry exists. Unlocking lasts [`UNLOCK_MINUTES`] minutes;
//! after [`MAX_FAILURES`] wrong passphrases in a row, attempts wait [`BACKOFF`] each.

use maskline_domain::{Text, text};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use maskline_domain::privacy::PrivacyStatus;
use maskline_domain::{AppError, ErrorCode};
use maskline_secrets::{SecretError, SecretStore, passphrase};

use crate::{DbManager, ServiceError, audit};

/// The secret-store entry holding the passphrase verifier.
pub const LOCK_KEY: &str = "__maskline_app_lock__";
pub const UNLOCK_MINUTES: u32 = 10;
pub const MAX_FAILURES: u32 = 5;
pub const BACKOFF: Duration = Duration::from_secs(30);
const MIN_LEN: usize = 6;

/// Why a privacy action was refused.
#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    Locked,
    WrongPassphrase,
    TooManyAttempts(u64),
    TooShort,
    Secret(#[from] SecretError),
    Service(#[from] ServiceError),
}

impl PrivacyError {
    /// What happened and what to do, in both languages.
    pub fn text(&self) -> Text {
        match self {
            PrivacyError::Locked => text!(
                "The app is locked: enter your passphrase to reveal numbers or play recordings.",
                "应用已锁定:请输入口令后再查看完整号码或播放录音。"
            ),
            PrivacyError::WrongPassphrase => text!(
                "Wrong passphrase. Check it and try again.",
                "口令不正确,请检查后重试。"
            ),
            PrivacyError::TooManyAttempts(secs) => text!(
                "Too many wrong passphrases: wait {secs} seconds, then try again.",
                "口令错误次数过多,请等待 {secs} 秒后重试。"
            ),
            PrivacyError::TooShort => text!(
                "The passphrase must have at least 6 characters.",
                "口令至少需要 6 个字符。"
            ),
            PrivacyError::Secret(e) => crate::error::secret_text(e),
            PrivacyError::Service(e) => e.text(),
        }
    }
}

impl std::fmt::Display for PrivacyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl From<PrivacyError> for AppError {
    fn from(e: PrivacyError) -> Self {
        let code = match e {
            PrivacyError::Service(s) => return AppError::from(s),
            PrivacyError::Locked => ErrorCode::Locked,
            PrivacyError::WrongPassphrase
            | PrivacyError::TooManyAttempts(_)
            | PrivacyError::TooShort => ErrorCode::InvalidInput,
            PrivacyError::Secret(_) => ErrorCode::Internal,
        };
        AppError::new(code, e.text())
    }
}

#[derive(Default)]
struct LockState {
    /// Whether the verifier exists, once read (the keyring is asked once per process).
    enabled: Option<bool>,
    unlocked_until: Option<Instant>,
    failures: u32,
    blocked_until: Option<Instant>,
}

/// The app lock of one process. Cheap to share (`Arc`).
pub struct AppLock {
    secrets: Arc<dyn SecretStore>,
    state: Mutex<LockState>,
    iterations: u32,
}

impl AppLock {
    pub fn new(secrets: Arc<dyn SecretStore>) -> Self {
        Self::with_cost(secrets, passphrase::ITERATIONS)
    }

    /// With another PBKDF2 cost for new passphrases (tests use a small one).
    pub fn with_cost(secrets: Arc<dyn SecretStore>, iterations: u32) -> Self {
        Self {
            secrets,
            state: Mutex::default(),
            iterations,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, LockState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn enabled(&self) -> Result<bool, PrivacyError> {
        if let Some(on) = self.state().enabled {
            return Ok(on);
        }
        let on = self.secrets.exists(LOCK_KEY)?;
        self.state().enabled = Some(on);
        Ok(on)
    }

    pub fn status(&self) -> Result<PrivacyStatus, PrivacyError> {
        let enabled = self.enabled()?;
        let left = self
            .state()
            .unlocked_until
            .and_then(|t| t.checked_duration_since(Instant::now()))
            .map(|d| d.as_secs());
        Ok(PrivacyStatus {
            lock_enabled: enabled,
            unlocked: !enabled || left.is_some(),
            unlocked_secs_left: if enabled { left } else { None },
            unlock_minutes: UNLOCK_MINUTES,
        })
    }

    /// `Ok` when the lock is off or unlocked; [`PrivacyError::Locked`] otherwise.
    pub fn require_unlocked(&self) -> Result<(), PrivacyError> {
        if self.status()?.unlocked {
            Ok(())
        } else {
            Err(PrivacyError::Locked)
        }
    }

    /// Checks `given` against the stored verifier, counting failures.
    fn check(&self, given: &str) -> Result<(), PrivacyError> {
        let now = Instant::now();
        if let Some(until) = self.state().blocked_until.filter(|u| *u > now) {
            return Err(PrivacyError::TooManyAttempts(
                until.duration_since(now).as_secs().max(1),
            ));
        }
        let ok = match self.secrets.get(LOCK_KEY)? {
            Some(v) => passphrase::verify(given, &v),
            None => true,
        };
        let mut st = self.state();
        if ok {
            st.failures = 0;
            st.blocked_until = None;
            Ok(())
        } else {
            st.failures += 1;
            if st.failures >= MAX_FAILURES {
                st.blocked_until = Some(now + BACKOFF);
            }
            Err(PrivacyError::WrongPassphrase)
        }
    }

    /// Turns the lock on, changes the passphrase (`current` required when on), or turns it
    /// off (`new = None`).
    pub fn set_passphrase(
        &self,
        current: Option<&str>,
        new: Option<&str>,
    ) -> Result<PrivacyStatus, PrivacyError> {
        if self.enabled()? {
            self.check(current.unwrap_or(""))?;
        }
        match new {
            Some(p) if p.chars().count() < MIN_LEN => return Err(PrivacyError::TooShort),
            Some(p) => {
                self.secrets
                    .set(LOCK_KEY, &passphrase::make_with(p, self.iterations))?;
                let mut st = self.state();
                st.enabled = Some(true);
                st.unlocked_until = Some(Instant::now() + unlock_for());
            }
            None => {
                self.secrets.delete(LOCK_KEY)?;
                let mut st = self.state();
                st.enabled = Some(false);
                st.unlocked_until = None;
            }
        }
        self.status()
    }

    pub fn unlock(&self, given: &str) -> Result<PrivacyStatus, PrivacyError> {
        self.check(given)?;
        self.state().unlocked_until = Some(Instant::now() + unlock_for());
        self.status()
    }

    pub fn lock_now(&self) -> Result<PrivacyStatus, PrivacyError> {
        self.state().unlocked_until = None;
        self.status()
    }
}

fn unlock_for() -> Duration {
    Duration::from_secs(u64::from(UNLOCK_MINUTES) * 60)
}

/// The user asked to see a full number (`context` says where: `calls`, `bindings`, …).
/// Refused while locked; recorded in the audit log with the number masked.
pub fn reveal(
    dbm: &DbManager,
    lock: &AppLock,
    context: &str,
    number: &str,
) -> Result<(), PrivacyError> {
    lock.require_unlocked()?;
    let context: String = context
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .take(40)
        .collect();
    let db = dbm.db().map_err(PrivacyError::Service)?;
    audit::record(
        &db,
        None,
        "reveal",
        &format!("{context} {}", audit::mask(number)),
        "0",
        true,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use maskline_secrets::MemoryStore;

    fn lock() -> AppLock {
        AppLock::with_cost(Arc::new(MemoryStore::default()), 1_000)
    }

    #[test]
    fn off_by_default_and_then_everything_is_allowed() {
        let l = lock();
        let s = l.status().expect("status");
        assert!(!s.lock_enabled && s.unlocked);
        assert!(l.require_unlocked().is_ok());
    }

    #[test]
    fn on_locks_after_lock_now_and_unlocks_with_the_passphrase_only() {
        let l = lock();
        assert!(matches!(
            l.set_passphrase(None, Some("short")),
            Err(PrivacyError::TooShort)
        ));
        let s = l.set_passphrase(None, Some("hunter22")).expect("turn on");
        assert!(
            s.lock_enabled && s.unlocked,
            "setting it leaves you unlocked"
        );
        l.lock_now().expect("lock");
        assert!(matches!(l.require_unlocked(), Err(PrivacyError::Locked)));
        assert!(matches!(
            l.unlock("wrong!"),
            Err(PrivacyError::WrongPassphrase)
        ));
        assert!(l.unlock("hunter22").expect("unlock").unlocked);
        assert!(l.require_unlocked().is_ok());
        // Changing or removing it needs the current passphrase.
        assert!(l.set_passphrase(Some("nope"), None).is_err());
        assert!(
            !l.set_passphrase(Some("hunter22"), None)
                .expect("off")
                .lock_enabled
        );
    }

    #[test]
    fn repeated_failures_block_further_attempts() {
        let l = lock();
        l.set_passphrase(None, Some("hunter22")).expect("on");
        l.lock_now().expect("lock");
        for _ in 0..MAX_FAILURES {
            assert!(matches!(
                l.unlock("bad-one"),
                Err(PrivacyError::WrongPassphrase)
            ));
        }
        assert!(
            matches!(l.unlock("hunter22"), Err(PrivacyError::TooManyAttempts(_))),
            "even the right passphrase waits after too many failures"
        );
    }

    #[test]
    fn locked_errors_reach_the_ui_as_their_own_code() {
        assert_eq!(AppError::from(PrivacyError::Locked).code, ErrorCode::Locked);
    }
}
