//! Waveform peaks of a recording: the largest |sample| per bucket over full scale (0..=1, not
//! normalised to the loudest bucket: quiet recordings look quiet), 1000–2000 buckets (20 per
//! second), and their cache encoding (`MLPK`, a count, little-endian `f32`s).
//! MP3 (which the platform does not produce) gets no peaks: there is no decoder here.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::wav::{self, Coding, Kind};

const MAGIC: &[u8; 4] = b"MLPK";

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

/// Peaks as stored in a cache file.
pub fn encode(peaks: &[f32]) -> Vec<u8> {
    let mut b = Vec::with_capacity(8 + peaks.len() * 4);
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&(peaks.len() as u32).to_le_bytes());
    for p in peaks {
        b.extend_from_slice(&p.to_le_bytes());
    }
    b
}

/// Peaks read back from a cache file; `None` when the bytes are not one [`encode`] wrote.
pub fn decode(b: &[u8]) -> Option<Vec<f32>> {
    let body = b.strip_prefix(MAGIC)?;
    let n = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let data = body.get(4..)?;
    (data.len() == n * 4).then(|| {
        data.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_encoding_reads_back_and_refuses_other_bytes() {
        let p = vec![0.0, 0.25, 1.0];
        assert_eq!(decode(&encode(&p)), Some(p));
        assert_eq!(
            decode(b"MLPK\x02\0\0\0\0\0\0\0"),
            None,
            "count and data disagree"
        );
        assert_eq!(decode(b"RIFF"), None);
    }

    #[test]
    fn buckets_are_twenty_a_second_within_1000_to_2000() {
        assert_eq!(bucket_count(8000 * 60, 8000), 1200);
        assert_eq!(bucket_count(8000 * 10, 8000), 1000);
        assert_eq!(bucket_count(8000 * 600, 8000), 2000);
        assert_eq!(bucket_count(10, 8000), 10, "never more buckets than frames");
    }
}
