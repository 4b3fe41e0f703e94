//! The local cache: its size limit (least recently played, else fetched, unpinned copies go
//! first; pinned copies never), deleting local copies, and the recordings settings.

use maskline_domain::text;
use std::path::{Path, PathBuf};

use maskline_domain::recordings::{RecordingSettings, RecordingStorage};
use maskline_store::Conn;
use maskline_store::recordings::{self as store};

use super::now_secs;
use crate::{DbManager, ServiceError};

const LIMIT_KEY: &str = "recordings.cache_limit_mb";
const AUTO_KEY: &str = "recordings.auto_fetch";
/// Largest limit accepted (1 TiB).
const MAX_LIMIT_MB: u64 = 1 << 20;

/// The recordings settings; defaults when unset or unreadable.
pub fn settings(db: &DbManager) -> RecordingSettings {
    let d = RecordingSettings::default();
    let Ok(db) = db.db() else { return d };
    let Ok(conn) = db.conn() else { return d };
    let get = |k| store::setting(&conn, k).ok().flatten();
    RecordingSettings {
        cache_limit_mb: get(LIMIT_KEY)
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.cache_limit_mb),
        auto_fetch: get(AUTO_KEY).map_or(d.auto_fetch, |v| v == "true"),
    }
}

/// Whether an import that produced `reports` should be followed by a fetch: the setting is
/// on and at least one new record arrived.
pub fn fetch_after_import(db: &DbManager, reports: &[maskline_domain::import::FileReport]) -> bool {
    reports.iter().any(|r| r.new > 0) && settings(db).auto_fetch
}

pub(crate) fn limit_bytes(db: &DbManager) -> u64 {
    settings(db).cache_limit_mb.saturating_mul(1 << 20)
}

/// Saves the settings and evicts what no longer fits. Returns the new usage.
pub fn set_settings(
    db: &DbManager,
    dir: &Path,
    s: &RecordingSettings,
) -> Result<RecordingStorage, ServiceError> {
    if s.cache_limit_mb == 0 || s.cache_limit_mb > MAX_LIMIT_MB {
        return Err(ServiceError::Invalid {
            field: "cacheLimitMb".into(),
            message: text!(
                "the cache limit must be 1–{MAX_LIMIT_MB} MiB",
                "缓存上限须在 1–{MAX_LIMIT_MB} MiB 之间"
            ),
        });
    }
    {
        let db = db.db()?;
        let conn = db.conn()?;
        store::set_setting(&conn, LIMIT_KEY, &s.cache_limit_mb.to_string())?;
        store::set_setting(&conn, AUTO_KEY, if s.auto_fetch { "true" } else { "false" })?;
    }
    enforce_limit(db, dir)?;
    storage(db, dir)
}

/// Usage of the cache and the settings.
pub fn storage(db: &DbManager, dir: &Path) -> Result<RecordingStorage, ServiceError> {
    let u = {
        let db = db.db()?;
        store::usage(&*db.conn()?)?
    };
    Ok(RecordingStorage {
        used_bytes: u.used_bytes,
        files: u.files,
        pinned_bytes: u.pinned_bytes,
        pinned_files: u.pinned_files,
        folder: std::path::absolute(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .display()
            .to_string(),
        settings: settings(db),
    })
}

/// Removes `file_name` (and its peaks) unless another fetched call still uses it.
pub(crate) fn remove_if_unused(conn: &Conn, dir: &Path, file_name: &str) {
    if store::file_refs(conn, file_name).unwrap_or(1) > 0 {
        return;
    }
    let _ = std::fs::remove_file(dir.join(file_name));
    if let Some((stem, _)) = file_name.split_once('.') {
        let _ = std::fs::remove_file(dir.join(format!("{stem}.peaks")));
    }
}

/// Deletes the audio, peaks and partial downloads no recording row refers to any more (after
/// their calls were removed, as when leaving the demo). Returns how many files went.
pub fn remove_orphans(db: &DbManager, dir: &Path) -> Result<u64, ServiceError> {
    let db = db.db()?;
    let conn = db.conn()?;
    let names = |d: &Path| -> Vec<String> {
        std::fs::read_dir(d)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    let mut removed = 0;
    let mut remove = |path: PathBuf| removed += u64::from(std::fs::remove_file(path).is_ok());
    // Audio first, then peaks whose audio is gone (`remove_if_unused` removes both for one file).
    for name in names(dir).iter().filter(|n| !n.ends_with(".peaks")) {
        if store::file_refs(&conn, name)? == 0 {
            remove(dir.join(name));
        }
    }
    let left = names(dir);
    for peaks in left.iter().filter(|n| n.ends_with(".peaks")) {
        let stem = peaks.trim_end_matches(".peaks");
        if !left
            .iter()
            .any(|n| n != peaks && n.split_once('.').is_some_and(|(s, _)| s == stem))
        {
            remove(dir.join(peaks));
        }
    }
    let partial = super::partial_dir(dir);
    for name in names(&partial) {
        let call = name
            .strip_suffix(".part")
            .and_then(|id| id.parse::<i64>().ok());
        if call.is_none_or(|id| store::call(&conn, id, now_secs()).ok().flatten().is_none()) {
            remove(partial.join(&name));
        }
    }
    Ok(removed)
}

/// Evicts least recently used unpinned copies (never `keep`) until usage ≤ `limit`.
pub(crate) fn evict_to(
    conn: &Conn,
    dir: &Path,
    limit: u64,
    keep: Option<i64>,
) -> Result<u64, ServiceError> {
    let mut used = store::usage(conn)?.used_bytes;
    let mut evicted = 0;
    for (call_id, file, _) in store::eviction_order(conn)? {
        if used <= limit {
            break;
        }
        if Some(call_id) == keep {
            continue;
        }
        store::set_evicted(conn, call_id, now_secs())?;
        remove_if_unused(conn, dir, &file);
        evicted += 1;
        used = store::usage(conn)?.used_bytes;
    }
    Ok(evicted)
}

/// Applies the size limit now. Returns how many local copies were evicted.
pub fn enforce_limit(db: &DbManager, dir: &Path) -> Result<u64, ServiceError> {
    let limit = limit_bytes(db);
    let db = db.db()?;
    let conn = db.conn()?;
    evict_to(&conn, dir, limit, None)
}

/// Removes the local copies of `call_ids` (they can be fetched again while the platform
/// keeps them). Pinned ones are refused: unpin them first. Returns how many were removed.
pub fn delete_local(db: &DbManager, dir: &Path, call_ids: &[i64]) -> Result<u64, ServiceError> {
    let now = now_secs();
    let db = db.db()?;
    let conn = db.conn()?;
    let mut pinned = Vec::new();
    let mut targets = Vec::new();
    for &id in call_ids {
        let Some(c) = store::call(&conn, id, now)? else {
            continue;
        };
        match c.rec {
            Some(r) if r.pinned => pinned.push(id),
            Some(r) if r.file_name.is_some() => targets.push((id, r.file_name.unwrap_or_default())),
            _ => {}
        }
    }
    if !pinned.is_empty() {
        let ids = pinned
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ServiceError::Invalid {
            field: "pinned".into(),
            message: text!(
                "calls {ids} are pinned as evidence; unpin them first if their local copies should go",
                "通话 {ids} 的录音已标记为证据(固定),如需删除本地副本请先取消固定"
            ),
        });
    }
    for (id, file) in &targets {
        store::set_evicted(&conn, *id, now)?;
        remove_if_unused(&conn, dir, file);
    }
    Ok(targets.len() as u64)
}
