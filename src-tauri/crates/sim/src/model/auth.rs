//! Authentication bookkeeping kept between requests: nonces seen (replay), failures per IP
//! and IP locks (1020176). The checks themselves live in `crate::auth`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Instant;

/// Replay and lock bookkeeping.
#[derive(Debug, Default)]
pub(crate) struct AuthState {
    pub(crate) nonces: HashMap<(String, String), Instant>,
    pub(crate) failures: HashMap<IpAddr, (u32, i64)>,
    pub(crate) locked_until: HashMap<IpAddr, i64>,
}

impl AuthState {
    pub(crate) fn unlock_all(&mut self) {
        self.locked_until.clear();
        self.failures.clear();
    }
}
