//! The end of a download: check the complete partial file is a recording, hash it, make room
//! in the cache, move it to `<sha256>.<ext>` and only then record it as fetched. A file that
//! does not check out, or does not fit, is deleted: nothing unverified is ever `fetched`.

use maskline_domain::{Text, text};
use std::fs::File;
use std::io::Read;
use std::path::Path;

use maskline_store::recordings::{self as store, Fetched, RecCall};
use sha2::{Digest, Sha256};

use super::attempt::{Failure, part_path};
use super::cache::{evict_to, limit_bytes};
use super::peaks::audit_target;
use super::{now_ms, now_secs};
use crate::bindings::Session;
use crate::{DbManager, ServiceError, audit};
use maskline_formats::wav::{self, BadFile};

pub(crate) struct Finished {
    pub bytes: u64,
    pub evicted: u64,
}

fn disk(e: impl std::fmt::Display) -> Failure {
    Failure::new(
        "disk",
        text!(
            "Cannot store the recording ({e}); free disk space or check the recordings folder, then fetch again",
            "无法保存录音({e});请释放磁盘空间或检查录音文件夹,然后重新获取"
        ),
        true,
    )
}

fn mib(b: u64) -> String {
    format!("{:.1} MiB", b as f64 / f64::from(1 << 20))
}

/// SHA-256 of a file, read in 1 MiB blocks.
pub(crate) fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut f = File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

/// Makes the rename durable (the directory entry), where the OS allows opening a folder.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The recording (`len` bytes) cannot fit beside the pinned copies under the cache limit.
pub(crate) fn cache_full(len: u64, limit: u64, pinned: u64) -> Failure {
    Failure::new(
        "cacheFull",
        Text::new(
            format!(
                "The recording ({}) does not fit in the recordings cache ({} limit, {} pinned); raise the limit in Settings or unpin recordings, then fetch again",
                mib(len),
                mib(limit),
                mib(pinned)
            ),
            format!(
                "录音({})放不进录音缓存(上限 {},已固定 {}):请在设置中调高上限或取消固定部分录音,然后重新获取",
                mib(len),
                mib(limit),
                mib(pinned)
            ),
        ),
        false,
    )
}

/// Bytes a new recording may have: the cache limit less the pinned copies (which are never
/// evicted). The download stops at the headers when the announced size is larger.
pub(crate) fn room(db: &DbManager) -> Result<(u64, u64), ServiceError> {
    let limit = limit_bytes(db);
    let d = db.db()?;
    let pinned = store::usage(&*d.conn()?)?.pinned_bytes;
    Ok((limit, pinned))
}

pub(crate) fn finish(
    db: &DbManager,
    dir: &Path,
    c: &RecCall,
    session: Option<&Session>,
) -> Result<Finished, Failure> {
    let part = part_path(dir, c.call.id);
    let discard = |f: Failure| {
        let _ = std::fs::remove_file(&part);
        f
    };
    let len = std::fs::metadata(&part).map_err(disk)?.len();
    let mut head = vec![0u8; (64 * 1024).min(len as usize)];
    File::open(&part)
        .and_then(|mut f| f.read_exact(&mut head))
        .map_err(disk)?;
    let kind = match wav::sniff(&head, len) {
        Ok(k) => k,
        Err(BadFile::Truncated) => {
            return Err(discard(Failure::new(
                "truncated",
                Text::new(
                    "The downloaded file is shorter than its own header says; Maskline fetches it again later",
                    "下载的录音文件不完整,稍后会重新获取",
                ),
                true,
            )));
        }
        Err(BadFile::Unsupported(why)) => {
            return Err(discard(Failure::new(
                "format",
                text!(
                    "The downloaded file is not a recording Maskline can keep ({why}); report it if it happens again",
                    "下载的文件不是 Maskline 能保存的录音({why});如反复出现请反馈"
                ),
                false,
            )));
        }
    };
    let sha = sha256_file(&part).map_err(|e| discard(disk(e)))?;
    let file_name = format!("{sha}.{}", kind.ext());
    let d = db.db().map_err(|e| discard(disk(e)))?;
    let conn = d.conn().map_err(|e| discard(disk(e)))?;
    let limit = limit_bytes(db);
    let usage = store::usage(&conn).map_err(|e| discard(disk(e)))?;
    if len.saturating_add(usage.pinned_bytes) > limit {
        return Err(discard(cache_full(len, limit, usage.pinned_bytes)));
    }
    let target = dir.join(&file_name);
    let same = std::fs::metadata(&target).is_ok_and(|m| m.len() == len);
    if same {
        let _ = std::fs::remove_file(&part);
    } else {
        // Antivirus often holds a file it has just seen written: retried for a few seconds.
        crate::fsx::rename_retrying(&part, &target).map_err(|e| discard(disk(e)))?;
        sync_dir(dir);
    }
    let duration_ms = match kind {
        wav::Kind::Wav(w) => Some(w.duration_ms()),
        wav::Kind::Mp3 => Some(c.call.talk_seconds * 1000),
    };
    let row = Fetched {
        file_name: file_name.clone(),
        sha256: sha,
        bytes: len as i64,
        duration_ms,
        format: kind.format().into(),
        fetched_at: now_secs(),
        lru_ms: now_ms(),
    };
    store::set_fetched(&conn, c.call.id, &row).map_err(disk)?;
    let evicted = evict_to(&conn, dir, limit, Some(c.call.id)).unwrap_or(0);
    let account = session.map(|s| s.account().name.clone());
    if let Err(e) = audit::record(
        &d,
        account.as_deref(),
        "recording.download",
        &audit_target(c.call.id, &c.call.caller, &c.call.callee),
        "0",
        true,
    ) {
        tracing::warn!(call_id = c.call.id, error = %e, "recordings: audit entry not written");
    }
    Ok(Finished {
        bytes: len,
        evicted,
    })
}
