//! Counters and the last refusals, for `/status`, the periodic log line and (later) the app's
//! receiver settings page.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

/// Counts since start. Pushes: `received` (reached an endpoint), `refused` (signature failed,
/// answered 401), `store_failed` (could not be stored, answered 503: the platform retries);
/// after parsing: `stored` (brought at least one new record), `duplicate` (only records
/// already stored: a retry), `rejected` (something in it could not be read; kept with its
/// reason). Records: `records_new`, `records_duplicate`, `records_rejected`.
#[derive(Debug, Default)]
pub struct Counters {
    pub received: AtomicU64,
    pub refused: AtomicU64,
    pub store_failed: AtomicU64,
    pub stored: AtomicU64,
    pub duplicate: AtomicU64,
    pub rejected: AtomicU64,
    pub records_new: AtomicU64,
    pub records_duplicate: AtomicU64,
    pub records_rejected: AtomicU64,
}

/// A copy of the counters.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Snapshot {
    pub received: u64,
    pub refused: u64,
    pub store_failed: u64,
    pub stored: u64,
    pub duplicate: u64,
    pub rejected: u64,
    pub records_new: u64,
    pub records_duplicate: u64,
    pub records_rejected: u64,
}

impl Counters {
    pub fn add(c: &AtomicU64, n: u64) {
        c.fetch_add(n, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        Snapshot {
            received: g(&self.received),
            refused: g(&self.refused),
            store_failed: g(&self.store_failed),
            stored: g(&self.stored),
            duplicate: g(&self.duplicate),
            rejected: g(&self.rejected),
            records_new: g(&self.records_new),
            records_duplicate: g(&self.records_duplicate),
            records_rejected: g(&self.records_rejected),
        }
    }
}

/// One refused push.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RefusalEntry {
    /// Epoch seconds.
    pub at: i64,
    pub peer: String,
    pub path: String,
    pub code: &'static str,
    pub reason: String,
    pub reason_zh: String,
}

/// The last `cap` refusals, newest last.
#[derive(Debug)]
pub struct Refusals {
    cap: usize,
    items: Mutex<VecDeque<RefusalEntry>>,
}

impl Refusals {
    pub fn new(cap: usize) -> Self {
        Self {
            cap,
            items: Mutex::new(VecDeque::new()),
        }
    }

    pub fn push(&self, e: RefusalEntry) {
        if self.cap == 0 {
            return;
        }
        let mut q = self.items.lock().unwrap_or_else(|p| p.into_inner());
        while q.len() >= self.cap {
            q.pop_front();
        }
        q.push_back(e);
    }

    pub fn list(&self) -> Vec<RefusalEntry> {
        self.items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }
}
