//! What a recording file is: WAV headers (PCM, G.711 A-law / µ-law), MP3 sniffing, and the
//! G.711 decoders (ITU-T G.711, written from the standard's segment tables).
//!
//! The platform records WAV in A-law (format tag 6), which Chromium and WebView2 do not play:
//! `maskline_services::recordings::serve` turns such files into 16-bit PCM on the fly with [`decode_g711`].

/// How the samples of a WAV file are coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Pcm16,
    /// 8-bit unsigned PCM.
    Pcm8,
    ALaw,
    MuLaw,
}

/// The parts of a WAV header Maskline needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WavInfo {
    pub coding: Coding,
    pub channels: u16,
    pub sample_rate: u32,
    /// Offset of the first sample byte in the file.
    pub data_offset: u64,
    /// Bytes of sample data (clipped to what the file holds when the header says "unknown").
    pub data_len: u64,
}

impl WavInfo {
    /// Bytes per sample of one channel.
    pub fn sample_bytes(&self) -> u64 {
        match self.coding {
            Coding::Pcm16 => 2,
            _ => 1,
        }
    }

    pub fn duration_ms(&self) -> i64 {
        let per_sec = self.sample_rate as u64 * self.channels as u64 * self.sample_bytes();
        (self.data_len * 1000).checked_div(per_sec).unwrap_or(0) as i64
    }

    /// True for A-law and µ-law: served transcoded.
    pub fn is_g711(&self) -> bool {
        matches!(self.coding, Coding::ALaw | Coding::MuLaw)
    }
}

/// What a downloaded file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Wav(WavInfo),
    Mp3,
}

impl Kind {
    /// The stored `format` (`wav/alaw`, `wav/ulaw`, `wav/pcm16`, `wav/pcm8`, `mp3`).
    pub fn format(&self) -> &'static str {
        match self {
            Kind::Wav(w) => match w.coding {
                Coding::ALaw => "wav/alaw",
                Coding::MuLaw => "wav/ulaw",
                Coding::Pcm16 => "wav/pcm16",
                Coding::Pcm8 => "wav/pcm8",
            },
            Kind::Mp3 => "mp3",
        }
    }

    pub fn ext(&self) -> &'static str {
        match self {
            Kind::Wav(_) => "wav",
            Kind::Mp3 => "mp3",
        }
    }
}

/// Why a file is not a recording Maskline can keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadFile {
    /// The header promises more sample data than the file has.
    Truncated,
    /// Not WAV or MP3, or a WAV coding that is not supported.
    Unsupported(String),
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Parses the start of a file (`head`, at least its header chunks) of `file_len` bytes.
pub fn sniff(head: &[u8], file_len: u64) -> Result<Kind, BadFile> {
    if head.starts_with(b"ID3") || (head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0) {
        return Ok(Kind::Mp3);
    }
    if head.len() < 12 || &head[..4] != b"RIFF" || &head[8..12] != b"WAVE" {
        return Err(BadFile::Unsupported("neither WAV nor MP3".into()));
    }
    let mut fmt: Option<(u16, u16, u32, u16)> = None;
    let mut pos = 12usize;
    while pos + 8 <= head.len() {
        let id = &head[pos..pos + 4];
        let size = u32_at(head, pos + 4).unwrap_or(0) as u64;
        let body = pos + 8;
        if id == b"fmt " {
            let tag = u16_at(head, body).ok_or(BadFile::Truncated)?;
            let channels = u16_at(head, body + 2).ok_or(BadFile::Truncated)?;
            let rate = u32_at(head, body + 4).ok_or(BadFile::Truncated)?;
            let bits = u16_at(head, body + 14).ok_or(BadFile::Truncated)?;
            // WAVE_FORMAT_EXTENSIBLE: the real tag leads the sub-format GUID.
            let tag = if tag == 0xFFFE {
                u16_at(head, body + 24).ok_or(BadFile::Truncated)?
            } else {
                tag
            };
            fmt = Some((tag, channels, rate, bits));
        } else if id == b"data" {
            let (tag, channels, sample_rate, bits) =
                fmt.ok_or_else(|| BadFile::Unsupported("WAV data before its format".into()))?;
            let coding = match (tag, bits) {
                (1, 16) => Coding::Pcm16,
                (1, 8) => Coding::Pcm8,
                (6, 8) => Coding::ALaw,
                (7, 8) => Coding::MuLaw,
                _ => {
                    return Err(BadFile::Unsupported(format!(
                        "WAV format {tag} with {bits}-bit samples"
                    )));
                }
            };
            if channels == 0 || sample_rate == 0 {
                return Err(BadFile::Unsupported("WAV without channels or rate".into()));
            }
            let data_offset = body as u64;
            let available = file_len.saturating_sub(data_offset);
            // 0 and 0xFFFFFFFF are what streaming writers leave when the length is unknown.
            let data_len = if size == 0 || size == 0xFFFF_FFFF {
                available
            } else if size > available {
                return Err(BadFile::Truncated);
            } else {
                size
            };
            return Ok(Kind::Wav(WavInfo {
                coding,
                channels,
                sample_rate,
                data_offset,
                data_len,
            }));
        }
        pos = body + size as usize + (size as usize & 1);
    }
    if (pos as u64) < file_len && head.len() as u64 >= file_len {
        return Err(BadFile::Unsupported("WAV without sample data".into()));
    }
    Err(BadFile::Truncated)
}

/// A-law code → 16-bit linear (G.711 §A: even bits inverted, sign bit 1 = positive).
pub const fn alaw_to_linear(code: u8) -> i16 {
    let a = code ^ 0x55;
    let mantissa = ((a & 0x0F) as i16) << 4;
    let segment = (a & 0x70) >> 4;
    let magnitude = match segment {
        0 => mantissa + 8,
        1 => mantissa + 0x108,
        s => (mantissa + 0x108) << (s - 1),
    };
    if a & 0x80 != 0 { magnitude } else { -magnitude }
}

/// µ-law code → 16-bit linear (G.711 §B: all bits inverted, bias 0x84).
pub const fn ulaw_to_linear(code: u8) -> i16 {
    let u = !code;
    let t = ((((u & 0x0F) as i16) << 3) + 0x84) << ((u & 0x70) >> 4);
    if u & 0x80 != 0 { 0x84 - t } else { t - 0x84 }
}

const fn table(alaw: bool) -> [i16; 256] {
    let mut t = [0i16; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if alaw {
            alaw_to_linear(i as u8)
        } else {
            ulaw_to_linear(i as u8)
        };
        i += 1;
    }
    t
}

pub static ALAW: [i16; 256] = table(true);
pub static ULAW: [i16; 256] = table(false);

/// Decodes G.711 bytes into little-endian 16-bit PCM, appended to `out`.
pub fn decode_g711(coding: Coding, input: &[u8], out: &mut Vec<u8>) {
    let t = if coding == Coding::MuLaw {
        &ULAW
    } else {
        &ALAW
    };
    out.reserve(input.len() * 2);
    for &b in input {
        out.extend_from_slice(&t[b as usize].to_le_bytes());
    }
}

/// A canonical 44-byte PCM header for `data_len` bytes of 16-bit samples.
pub fn pcm16_header(channels: u16, sample_rate: u32, data_len: u32) -> [u8; 44] {
    let mut h = [0u8; 44];
    h[..4].copy_from_slice(b"RIFF");
    h[4..8].copy_from_slice(&(36u32.saturating_add(data_len)).to_le_bytes());
    h[8..16].copy_from_slice(b"WAVEfmt ");
    h[16..20].copy_from_slice(&16u32.to_le_bytes());
    h[20..22].copy_from_slice(&1u16.to_le_bytes());
    h[22..24].copy_from_slice(&channels.to_le_bytes());
    h[24..28].copy_from_slice(&sample_rate.to_le_bytes());
    let block = channels as u32 * 2;
    h[28..32].copy_from_slice(&(sample_rate * block).to_le_bytes());
    h[32..34].copy_from_slice(&(block as u16).to_le_bytes());
    h[34..36].copy_from_slice(&16u16.to_le_bytes());
    h[36..40].copy_from_slice(b"data");
    h[40..44].copy_from_slice(&data_len.to_le_bytes());
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g711_decoding_matches_the_standard_values() {
        // ITU-T G.711 Table 1/2 end points and the codes for the smallest magnitudes.
        assert_eq!(alaw_to_linear(0xD5), 8);
        assert_eq!(alaw_to_linear(0x55), -8);
        assert_eq!(alaw_to_linear(0xAA), 32_256);
        assert_eq!(alaw_to_linear(0x2A), -32_256);
        assert_eq!(
            alaw_to_linear(0x80),
            5_504,
            "0x80 ^ 0x55 = segment 5, mantissa 5"
        );
        assert_eq!(ulaw_to_linear(0xFF), 0);
        assert_eq!(ulaw_to_linear(0x7F), 0);
        assert_eq!(ulaw_to_linear(0x80), 32_124);
        assert_eq!(ulaw_to_linear(0x00), -32_124);
        assert_eq!(ulaw_to_linear(0xFE), 8, "smallest positive step");
        // Every A-law code decodes to a distinct value, symmetric around zero.
        let mut seen: Vec<i16> = ALAW.to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 256);
        for c in 0..=255u8 {
            assert_eq!(ALAW[c as usize], -ALAW[(c ^ 0x80) as usize]);
        }
    }

    #[test]
    fn headers_are_read_and_truncation_is_seen() {
        let mut f = pcm16_header(1, 8000, 16).to_vec();
        f[20] = 6;
        f[34] = 8;
        f.extend_from_slice(&[0xD5; 16]);
        let k = sniff(&f, f.len() as u64).expect("wav");
        let Kind::Wav(w) = k else { panic!("not wav") };
        assert_eq!(
            (w.coding, w.data_offset, w.data_len),
            (Coding::ALaw, 44, 16)
        );
        assert_eq!(k.format(), "wav/alaw");
        assert_eq!(sniff(&f[..50], 50), Err(BadFile::Truncated));
        assert!(matches!(
            sniff(b"hello world!", 12),
            Err(BadFile::Unsupported(_))
        ));
        assert_eq!(sniff(b"ID3\x03", 4), Ok(Kind::Mp3));
    }
}
