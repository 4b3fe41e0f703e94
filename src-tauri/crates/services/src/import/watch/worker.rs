//! The watch's thread: folder health, OS notifications, rescans, the settle clock of each
//! file, and importing the files that have stopped growing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use maskline_domain::import::ImportStatus;
use maskline_domain::{WatchImport, WatchProblem, WatchState, WatchStatus};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::super::{
    Collected, ImportOptions, has_import_extension, import_paths, is_hidden, walk_with,
};
use super::{WatchListener, WatchOptions, lock};
use crate::DbManager;

/// Size and modification time in whole seconds: what the import history keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime: Option<i64>,
}

/// A file seen changing: imported once `(size, modified)` stays put for `settle`.
struct Pending {
    size: u64,
    modified: Option<SystemTime>,
    since: Instant,
}

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    Stamp {
        size: meta.len(),
        mtime: meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs() as i64),
    }
}

/// How often a healthy folder is checked for still being there.
const HEALTH_EVERY: Duration = Duration::from_secs(1);

pub(super) struct Worker {
    dbm: Arc<DbManager>,
    /// The folder as set.
    given: PathBuf,
    /// The folder resolved (links, `/var` → `/private/var`), when it was last found healthy.
    folder: PathBuf,
    opts: WatchOptions,
    listener: Arc<dyn WatchListener>,
    status: Arc<Mutex<WatchStatus>>,
    stop: Arc<AtomicBool>,
    tx: Sender<notify::Result<Event>>,
    rx: Receiver<notify::Result<Event>>,
    /// `None` while the folder is unusable, or when the OS refused (then polling).
    watcher: Option<RecommendedWatcher>,
    healthy: bool,
    pending: HashMap<PathBuf, Pending>,
    /// Files imported (or found in the history) by this watch, with what they were then.
    known: HashMap<PathBuf, Stamp>,
    last_scan: Instant,
    last_health: Instant,
    health_due: bool,
    rescan_due: bool,
}

impl Worker {
    pub(super) fn new(
        dbm: Arc<DbManager>,
        folder: PathBuf,
        opts: WatchOptions,
        listener: Arc<dyn WatchListener>,
        status: Arc<Mutex<WatchStatus>>,
        stop: Arc<AtomicBool>,
    ) -> Worker {
        let (tx, rx) = channel();
        Worker {
            dbm,
            given: folder.clone(),
            folder,
            opts,
            listener,
            status,
            stop,
            tx,
            rx,
            watcher: None,
            healthy: false,
            pending: HashMap::new(),
            known: HashMap::new(),
            last_scan: Instant::now(),
            last_health: Instant::now(),
            health_due: true,
            rescan_due: false,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    pub(super) fn run(&mut self) {
        while !self.stopped() {
            if self.health_due || !self.healthy || self.last_health.elapsed() >= HEALTH_EVERY {
                self.check_health();
            }
            if !self.healthy {
                std::thread::sleep(self.opts.tick);
                continue;
            }
            match self.rx.recv_timeout(self.opts.tick) {
                Ok(ev) => {
                    self.on_event(ev);
                    while let Ok(ev) = self.rx.try_recv() {
                        self.on_event(ev);
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
            if !self.healthy {
                continue;
            }
            let every = if self.watcher.is_some() {
                self.opts.rescan
            } else {
                self.opts.poll
            };
            if self.rescan_due || self.last_scan.elapsed() >= every {
                self.scan();
            }
            for path in self.settled() {
                if self.stopped() {
                    break;
                }
                self.import(&path);
            }
            self.publish(|s| s.pending = self.pending.len() as u32);
        }
        self.watcher = None;
    }

    /// Updates the shared status and tells the listener when it changed.
    fn publish(&self, f: impl FnOnce(&mut WatchStatus)) {
        let now = {
            let mut s = lock(&self.status);
            let before = s.clone();
            f(&mut s);
            if *s == before {
                return;
            }
            s.clone()
        };
        self.listener.status(&now);
    }

    /// Whether the folder can be read; starts watching again when it is back.
    fn check_health(&mut self) {
        self.last_health = Instant::now();
        self.health_due = false;
        match folder_problem(&self.given) {
            None if self.healthy => {}
            None => {
                // The OS reports events under the real path (macOS: `/private/var/…` for a
                // folder set as `/var/…`); watching, walking and matching all use it.
                self.folder =
                    dunce::canonicalize(&self.given).unwrap_or_else(|_| self.given.clone());
                self.healthy = true;
                self.watcher = self.os_watcher();
                self.publish(|s| {
                    s.state = WatchState::Watching;
                    s.problem = None;
                    s.detail = None;
                });
                self.scan();
            }
            Some((problem, detail)) => {
                if self.healthy {
                    tracing::info!("the watch folder became unusable: {detail}");
                }
                self.healthy = false;
                self.watcher = None;
                self.pending.clear();
                self.publish(|s| {
                    s.state = WatchState::Error;
                    s.problem = Some(problem);
                    s.detail = Some(maskline_domain::Text::same(detail));
                    s.pending = 0;
                    s.importing = None;
                });
            }
        }
    }

    /// OS notifications for the folder, or `None` (then the folder is polled).
    fn os_watcher(&self) -> Option<RecommendedWatcher> {
        let tx = self.tx.clone();
        let made = notify::recommended_watcher(move |ev| {
            let _ = tx.send(ev);
        })
        .and_then(|mut w| {
            w.watch(&self.folder, RecursiveMode::Recursive)?;
            Ok(w)
        });
        match made {
            Ok(w) => Some(w),
            Err(e) => {
                tracing::warn!(
                    "the system does not notify changes in {} ({e}); polling it every {:?} instead",
                    self.folder.display(),
                    self.opts.poll
                );
                None
            }
        }
    }

    fn on_event(&mut self, ev: notify::Result<Event>) {
        let ev = match ev {
            Ok(ev) => ev,
            Err(e) => {
                tracing::info!("watch folder notification error, rescanning: {e}");
                self.rescan_due = true;
                return;
            }
        };
        if ev.need_rescan() {
            self.rescan_due = true;
        }
        if matches!(ev.kind, EventKind::Access(_)) {
            return;
        }
        if ev.paths.contains(&self.folder) {
            // The folder itself was removed, moved or replaced (perhaps by a new one of the
            // same name that the old watch does not see): check it, watch it again, rescan.
            self.healthy = false;
            self.watcher = None;
            return;
        }
        match ev.kind {
            EventKind::Remove(_) => {
                for p in &ev.paths {
                    self.pending.remove(p);
                }
            }
            _ => {
                for p in ev.paths {
                    if p.is_dir() {
                        let mut files = Vec::new();
                        walk_tolerant(&p, &mut files);
                        for f in files {
                            self.note(f);
                        }
                    } else if self.wanted(&p) {
                        self.note(p);
                    }
                }
            }
        }
    }

    /// A file under the folder that a folder import would take.
    fn wanted(&self, p: &Path) -> bool {
        let Ok(rel) = p.strip_prefix(&self.folder) else {
            return false;
        };
        has_import_extension(p) && !rel.iter().any(|c| is_hidden(Path::new(c)))
    }

    /// Starts (or restarts) the settle clock of a file that changed.
    fn note(&mut self, p: PathBuf) {
        let Ok(meta) = std::fs::metadata(&p) else {
            self.pending.remove(&p);
            return;
        };
        if !meta.is_file() {
            return;
        }
        self.pending.insert(
            p,
            Pending {
                size: meta.len(),
                modified: meta.modified().ok(),
                since: Instant::now(),
            },
        );
    }

    /// Every wanted file of the folder that is neither known nor pending becomes pending.
    fn scan(&mut self) {
        self.last_scan = Instant::now();
        self.rescan_due = false;
        let mut files = Vec::new();
        walk_tolerant(&self.folder, &mut files);
        let db = self.dbm.db().ok();
        let conn = db.as_ref().and_then(|db| db.conn().ok());
        for f in files {
            if self.pending.contains_key(&f) {
                continue;
            }
            let Ok(meta) = std::fs::metadata(&f) else {
                continue;
            };
            let st = stamp(&meta);
            if self.known.get(&f) == Some(&st) {
                continue;
            }
            // Imported before (by hand, or by an earlier watch): known without waiting.
            let shown = f.display().to_string();
            if conn.as_ref().is_some_and(|c| {
                maskline_store::imports::already_imported(c, &shown, st.size, st.mtime)
                    .unwrap_or(false)
            }) {
                self.known.insert(f, st);
                continue;
            }
            self.note(f);
        }
    }

    /// Pending files that have stopped changing, removed from `pending`.
    fn settled(&mut self) -> Vec<PathBuf> {
        let settle = self.opts.settle;
        let mut ready = Vec::new();
        self.pending.retain(|p, w| {
            let Ok(meta) = std::fs::metadata(p) else {
                return false;
            };
            if !meta.is_file() {
                return false;
            }
            let modified = meta.modified().ok();
            if meta.len() != w.size || modified != w.modified {
                w.size = meta.len();
                w.modified = modified;
                w.since = Instant::now();
                return true;
            }
            if w.since.elapsed() >= settle {
                ready.push(p.clone());
                return false;
            }
            true
        });
        ready.sort();
        ready
    }

    fn import(&mut self, path: &Path) {
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let st = stamp(&meta);
        if self.known.get(path) == Some(&st) {
            return;
        }
        let shown = path.display().to_string();
        match self.already_imported(&shown, st) {
            Ok(true) => {
                self.known.insert(path.to_path_buf(), st);
                return;
            }
            Ok(false) => {}
            Err(e) => return self.import_failed(e.text()),
        }
        self.publish(|s| {
            s.importing = Some(shown.clone());
            s.pending = self.pending.len() as u32;
        });
        let result = import_paths(
            &self.dbm,
            &[path.to_path_buf()],
            &ImportOptions::default(),
            &self.stop,
            &mut |_| {},
        );
        match result {
            Ok(reports) => {
                for r in reports {
                    if r.status == ImportStatus::Cancelled {
                        // Stopped: the next watch reads it again (its history row says cancelled).
                        self.publish(|s| s.importing = None);
                        return;
                    }
                    self.known.insert(path.to_path_buf(), st);
                    tracing::info!(
                        "watch folder imported {}: {} new, {} duplicate, {} rejected",
                        r.path,
                        r.new,
                        r.duplicate,
                        r.rejected
                    );
                    self.publish(|s| {
                        s.importing = None;
                        s.imported_files += 1;
                        if s.problem == Some(WatchProblem::ImportFailed) {
                            s.problem = None;
                            s.detail = None;
                        }
                        s.last_import = Some(WatchImport {
                            at: super::super::now(),
                            report: r.clone(),
                        });
                    });
                    self.listener.imported(&r);
                }
            }
            // Not marked known: the next rescan tries the file again.
            Err(e) => self.import_failed(e.text()),
        }
    }

    fn already_imported(&self, path: &str, st: Stamp) -> Result<bool, crate::ServiceError> {
        let db = self.dbm.db()?;
        let conn = db.conn()?;
        Ok(maskline_store::imports::already_imported(
            &conn, path, st.size, st.mtime,
        )?)
    }

    fn import_failed(&self, detail: maskline_domain::Text) {
        tracing::warn!("the watch folder could not import a file: {detail}");
        self.publish(|s| {
            s.importing = None;
            s.problem = Some(WatchProblem::ImportFailed);
            s.detail = Some(detail);
        });
    }
}

/// Why `folder` cannot be watched, with the system's words; `None` when it can.
fn folder_problem(folder: &Path) -> Option<(WatchProblem, String)> {
    let what = |e: std::io::Error| {
        let p = match e.kind() {
            std::io::ErrorKind::NotFound => WatchProblem::Missing,
            std::io::ErrorKind::PermissionDenied => WatchProblem::PermissionDenied,
            _ => WatchProblem::Unreadable,
        };
        (p, format!("{}: {e}", folder.display()))
    };
    match std::fs::metadata(folder) {
        Err(e) => return Some(what(e)),
        Ok(m) if !m.is_dir() => {
            return Some((
                WatchProblem::NotAFolder,
                format!("{} is not a folder", folder.display()),
            ));
        }
        Ok(_) => {}
    }
    std::fs::read_dir(folder).err().map(what)
}

/// A folder import's walk (each real folder once, unreadable subfolders and non-regular files
/// skipped); what it skipped is logged.
fn walk_tolerant(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut c = Collected::default();
    walk_with(dir, &mut c, &mut HashSet::new());
    for s in &c.skipped {
        match &s.error {
            Some(e) => tracing::info!("watch folder: {e}"),
            None => tracing::info!("watch folder: {}", s.path),
        }
    }
    out.append(&mut c.files);
}
