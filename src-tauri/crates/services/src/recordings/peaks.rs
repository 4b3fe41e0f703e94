//! Playback: what the player loads, and waveform peaks computed once from the decoded samples
//! and cached beside the audio as `<sha256>.peaks` (never served: the `rec` scheme serves
//! audio extensions only).
//!
//! Peaks are the largest |sample| per bucket over full scale (0..=1, not normalised to the
//! loudest bucket: quiet recordings look quiet), 1000–2000 buckets (20 per second).
//! MP3 (which the platform does not produce) gets no peaks: there is no decoder here.

use maskline_domain::text;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use maskline_domain::recordings::{PlaybackInfo, RecordingState};
use maskline_store::recordings as store;

use super::wav::{self, Coding, Kind};
use super::{call_or_404, now_ms, now_secs};
use crate::{DbManager, ServiceError, audit};

const MAGIC: &[u8; 4] = b"MLPK";

fn peaks_path(dir: &Path, file_name: &str) -> PathBuf {
    let stem = file_name.split_once('.').map_or(file_name, |(s, _)| s);
    dir.join(format!("{stem}.peaks"))
}

fn bucket_count(frames: u64, sample_rate: u32) -> u64 {
    let secs = frames / u64::from(sample_rate.max(1));
    (secs * 20).clamp(1000, 2000).min(frames.max(1))
}

/// Reads a file's samples once and returns its peaks (empty for MP3).
pub fn compute_peaks(path: &Path) -> std::io::Result<Vec<f32>> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut head = vec![0u8; (64 * 1024).min(len as usize)];
    file.read_exact(&mut head)?;
    let w = match wav::sniff(&head, len) {
        Ok(Kind::Wav(w)) => w,
        _ => return Ok(Vec::new()),
    };
    let frame_bytes = w.sample_bytes() * u64::from(w.channels);
    let frames = w.data_len / frame_bytes.max(1);
    if frames == 0 {
        return Ok(Vec::new());
    }
    let buckets = bucket_count(frames, w.sample_rate);
    // |sample| per code for the 8-bit codings.
    let abs8: [u16; 256] = std::array::from_fn(|c| match w.coding {
        Coding::ALaw => wav::ALAW[c].unsigned_abs(),
        Coding::MuLaw => wav::ULAW[c].unsigned_abs(),
        _ => ((c as i16 - 128).unsigned_abs()) << 8,
    });
    file.seek(SeekFrom::Start(w.data_offset))?;
    let mut reader = BufReader::with_capacity(1 << 20, file.take(w.data_len));
    let mut out = vec![0u16; buckets as usize];
    let mut buf = vec![0u8; 1 << 20];
    let mut frame: u64 = 0;
    // Frames per bucket as a fraction: bucket = frame * buckets / frames.
    let mut next_edge = frames.div_ceil(buckets);
    let mut bucket = 0usize;
    let mut carry: Option<u8> = None;
    let mut peak = 0u16;
    let mut sample_in_frame = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        let mut step = |abs: u16| {
            peak = peak.max(abs);
            sample_in_frame += 1;
            if sample_in_frame == u64::from(w.channels) {
                sample_in_frame = 0;
                frame += 1;
                if frame >= next_edge {
                    out[bucket] = out[bucket].max(peak);
                    peak = 0;
                    bucket = (bucket + 1).min(out.len() - 1);
                    next_edge = ((bucket as u64 + 1) * frames).div_ceil(buckets);
                }
            }
        };
        match w.coding {
            Coding::Pcm16 => {
                let mut bytes = &buf[..n];
                if let Some(lo) = carry.take() {
                    step(i16::from_le_bytes([lo, bytes[0]]).unsigned_abs());
                    bytes = &bytes[1..];
                }
                let mut pairs = bytes.chunks_exact(2);
                for p in &mut pairs {
                    step(i16::from_le_bytes([p[0], p[1]]).unsigned_abs());
                }
                carry = pairs.remainder().first().copied();
            }
            _ => buf[..n].iter().for_each(|&b| step(abs8[b as usize])),
        }
    }
    if peak > 0 {
        out[bucket] = out[bucket].max(peak);
    }
    Ok(out
        .into_iter()
        .map(|p| (f32::from(p) / 32_768.0).min(1.0))
        .collect())
}

fn read_cache(path: &Path) -> Option<Vec<f32>> {
    let b = std::fs::read(path).ok()?;
    let body = b.strip_prefix(MAGIC)?;
    let n = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let data = body.get(4..)?;
    (data.len() == n * 4).then(|| {
        data.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    })
}

fn write_cache(path: &Path, peaks: &[f32]) {
    let mut b = Vec::with_capacity(8 + peaks.len() * 4);
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&(peaks.len() as u32).to_le_bytes());
    for p in peaks {
        b.extend_from_slice(&p.to_le_bytes());
    }
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
        duration_ms: rec.duration_ms.unwrap_or(c.talk_seconds * 1000),
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
        &audit_target(call_id, &c.caller, &c.callee),
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
