//! Playback: what the player loads, and waveform peaks (`maskline_formats::peaks`) computed
//! once from the decoded samples and cached beside the audio as `<sha256>.peaks` (never
//! served: the `rec` scheme serves audio extensions only).

use maskline_domain::text;
use std::path::{Path, PathBuf};

use maskline_domain::recordings::{PlaybackInfo, RecordingState};
use maskline_store::recordings as store;

use super::{call_or_404, now_ms, now_secs};
use crate::{DbManager, ServiceError, audit};
use maskline_formats::peaks::compute_peaks;

fn peaks_path(dir: &Path, file_name: &str) -> PathBuf {
    let stem = file_name.split_once('.').map_or(file_name, |(s, _)| s);
    dir.join(format!("{stem}.peaks"))
}

fn read_cache(path: &Path) -> Option<Vec<f32>> {
    maskline_formats::peaks::decode(&std::fs::read(path).ok()?)
}

fn write_cache(path: &Path, peaks: &[f32]) {
    let b = maskline_formats::peaks::encode(peaks);
    let tmp = path.with_extension("peaks.tmp");
    if std::fs::write(&tmp, &b).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// What the player needs for a fetched recording: the `rec` source name, its MIME type as
/// served, duration and peaks (computed on the first call, then read from the cache).
pub fn playback(db: &DbManager, dir: &Path, call_id: i64) -> Result<PlaybackInfo, ServiceError> {
    let c = call_or_404(db, call_id, now_secs())?;
    let rec = c
        .rec
        .filter(|r| r.state == RecordingState::Fetched && r.file_name.is_some());
    let Some(rec) = rec else {
        return Err(ServiceError::NotFound(text!(
            "the recording of call {call_id} is not in the local cache; fetch it first",
            "通话 {call_id} 的录音不在本地缓存中,请先获取"
        )));
    };
    let file_name = rec.file_name.unwrap_or_default();
    let audio = dir.join(&file_name);
    if !audio.is_file() {
        let dir = dir.display();
        return Err(ServiceError::NotFound(text!(
            "the local copy of call {call_id}'s recording is missing from {dir}; fetch it again",
            "通话 {call_id} 的本地录音文件已不在 {dir} 中,请重新获取"
        )));
    }
    let cache = peaks_path(dir, &file_name);
    let peaks = match read_cache(&cache) {
        Some(p) => p,
        None => {
            let p = compute_peaks(&audio).map_err(|e| super::disk_error(&audio, e))?;
            write_cache(&cache, &p);
            p
        }
    };
    let mime = if file_name.ends_with(".mp3") {
        "audio/mpeg"
    } else {
        "audio/wav"
    };
    Ok(PlaybackInfo {
        call_id,
        source: file_name,
        mime: mime.into(),
        duration_ms: rec.duration_ms.unwrap_or(c.call.talk_seconds * 1000),
        peaks,
        stream_url: None,
    })
}

/// Records that the user played a call's recording: last use (for the LRU order) and an
/// audit entry `recording.play` with masked numbers.
pub fn mark_played(db: &DbManager, call_id: i64) -> Result<(), ServiceError> {
    let c = call_or_404(db, call_id, now_secs())?;
    let d = db.db()?;
    let ok = store::mark_played(&*d.conn()?, call_id, now_secs(), now_ms())?;
    audit::record(
        &d,
        None,
        "recording.play",
        &audit_target(call_id, &c.call.caller, &c.call.callee),
        if ok { "0" } else { "notFetched" },
        ok,
    )?;
    Ok(())
}

/// `call 12 +86 138****8000 → +86 139****9000`: what an audit entry names.
pub(crate) fn audit_target(call_id: i64, caller: &str, callee: &str) -> String {
    format!(
        "call {call_id} {} → {}",
        audit::mask(caller),
        audit::mask(callee)
    )
}
