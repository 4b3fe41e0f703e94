//! Recording content (§9.1): a real WAV as the platform records it — G.711 A-law (format
//! tag 6), 8 kHz mono — whose tones and noise derive from the call id; the HMAC token of a
//! download link; `Range` parsing. Served by `http::recordings`. The A-law encoder is written
//! here from G.711 (the client has its own decoder; neither uses the other).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

const RATE: u32 = 8000;
/// Longest recording rendered, in seconds (longer calls are truncated).
const MAX_SECS: u32 = 120;

/// The token of a download link for `file` valid until `expires` (simulated seconds).
pub(crate) fn link_token(key: &[u8; 32], file: &str, expires: i64) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    m.update(file.as_bytes());
    m.update(&expires.to_be_bytes());
    m.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Parse a single `bytes=a-b`, `bytes=a-` or `bytes=-n` range into inclusive offsets.
pub(crate) fn parse_range(spec: &str, len: u64) -> Option<(u64, u64)> {
    let r = spec.trim().strip_prefix("bytes=")?;
    if r.contains(',') || len == 0 {
        return None;
    }
    let (a, b) = r.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() {
        let n: u64 = b.parse().ok()?;
        if n == 0 {
            return None;
        }
        return Some((len.saturating_sub(n), len - 1));
    }
    let start: u64 = a.parse().ok()?;
    let end = if b.is_empty() {
        len - 1
    } else {
        b.parse::<u64>().ok()?.min(len - 1)
    };
    (start <= end && start < len).then_some((start, end))
}

/// The 16-bit samples of `call_id`'s recording: DTMF-like dual tones spelling a digest of the
/// id, over quiet seeded noise, 8 kHz mono.
pub(crate) fn samples(call_id: &str, secs: u32) -> Vec<i16> {
    let digest = Sha256::digest(call_id.as_bytes());
    let count = RATE * secs.clamp(1, MAX_SECS);
    const LOW: [f32; 4] = [697.0, 770.0, 852.0, 941.0];
    const HIGH: [f32; 4] = [1209.0, 1336.0, 1477.0, 1633.0];
    let mut noise = u32::from_le_bytes([digest[0], digest[1], digest[2], digest[3]]) | 1;
    let symbol_len = RATE * 3 / 10; // 200 ms tone + 100 ms gap
    let mut out = Vec::with_capacity(count as usize);
    for i in 0..count {
        let sym = (i / symbol_len) as usize % 32;
        let in_sym = i % symbol_len;
        let d = digest[sym];
        let t = i as f32 / RATE as f32;
        let mut v = 0.0f32;
        if in_sym < RATE / 5 {
            let (lo, hi) = (LOW[(d & 3) as usize], HIGH[((d >> 2) & 3) as usize]);
            v += 0.3 * (2.0 * std::f32::consts::PI * lo * t).sin();
            v += 0.3 * (2.0 * std::f32::consts::PI * hi * t).sin();
        }
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        v += ((noise >> 16) as f32 / 65_536.0 - 0.5) * 0.04;
        out.push((v * 32_767.0) as i16);
    }
    out
}

/// G.711 A-law code of a 16-bit sample (13-bit magnitude, segment search, even bits inverted).
pub(crate) fn alaw(sample: i16) -> u8 {
    const SEG_END: [i32; 8] = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF];
    let mut v = i32::from(sample) >> 3;
    let mask: u8 = if v >= 0 {
        0xD5
    } else {
        v = -v - 1;
        0x55
    };
    let Some(seg) = SEG_END.iter().position(|&end| v <= end) else {
        return 0x7F ^ mask;
    };
    let mantissa = if seg < 2 {
        (v >> 1) & 0x0F
    } else {
        (v >> seg) & 0x0F
    };
    (((seg as u8) << 4) | mantissa as u8) ^ mask
}

/// The platform's format: A-law WAV with an 18-byte `fmt ` chunk and a `fact` chunk (58-byte
/// header), 8 kHz mono, one byte per sample.
pub fn wav(call_id: &str, secs: u32) -> Vec<u8> {
    let pcm = samples(call_id, secs);
    let n = pcm.len() as u32;
    let mut out = Vec::with_capacity(58 + pcm.len());
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(50 + n).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&18u32.to_le_bytes());
    out.extend_from_slice(&6u16.to_le_bytes()); // WAVE_FORMAT_ALAW
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&8u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(b"fact");
    out.extend_from_slice(&4u32.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend(pcm.iter().map(|&s| alaw(s)));
    out
}

/// The same recording as 16-bit PCM WAV (44-byte header).
pub fn wav_pcm16(call_id: &str, secs: u32) -> Vec<u8> {
    let pcm = samples(call_id, secs);
    let data_len = pcm.len() as u32 * 2;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in pcm {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse() {
        assert_eq!(parse_range("bytes=0-9", 100), Some((0, 9)));
        assert_eq!(parse_range("bytes=90-", 100), Some((90, 99)));
        assert_eq!(parse_range("bytes=-10", 100), Some((90, 99)));
        assert_eq!(parse_range("bytes=95-200", 100), Some((95, 99)));
        assert_eq!(parse_range("bytes=100-", 100), None);
        assert_eq!(parse_range("bytes=5-2", 100), None);
        assert_eq!(parse_range("items=0-1", 100), None);
    }

    #[test]
    fn wavs_differ_per_call_and_have_valid_headers() {
        let a = wav("call-a", 2);
        let b = wav("call-b", 2);
        assert_eq!(&a[..4], b"RIFF");
        assert_eq!(u16::from_le_bytes([a[20], a[21]]), 6, "A-law format tag");
        assert_eq!(a.len(), 58 + 2 * 8000);
        assert_ne!(a, b, "recordings must differ per call");
        assert_eq!(wav_pcm16("call-a", 2).len(), 44 + 2 * 8000 * 2);
    }

    #[test]
    fn alaw_encodes_the_g711_reference_codes() {
        assert_eq!(alaw(8), 0xD5);
        assert_eq!(alaw(-8), 0x55);
        assert_eq!(alaw(0), 0xD5);
        assert_eq!(alaw(i16::MAX), 0xAA);
        assert_eq!(alaw(i16::MIN), 0x2A);
        assert_eq!(alaw(5504), 0x80);
    }
}
