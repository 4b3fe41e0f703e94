//! Answers of the `rec` URI scheme (the shell wraps [`serve`] in its protocol handler).
//!
//! - The path must be exactly `<64 lowercase hex>.wav` or `.mp3` (after percent-decoding, one
//!   leading `/` allowed) naming a regular file directly in the recordings folder. Anything
//!   else (`..`, slashes, backslashes, NUL, other extensions such as the `.peaks` cache,
//!   symlinks) is 404 and no other file is touched.
//! - HTTP Range: `bytes=a-b`, `bytes=a-`, `bytes=-n` → 206 with `Content-Range`; at most
//!   [`MAX_CHUNK`] (1 MiB) per answer, read by seeking, never the whole file. Without Range,
//!   files up to 1 MiB come whole (200) and larger ones as 206 with their first MiB (media
//!   elements then ask for the rest). Unsatisfiable → 416 with `Content-Range: bytes */len`.
//!   A malformed or multi-part Range is ignored, as RFC 9110 allows.
//! - G.711 WAV (A-law, µ-law), which Chromium and WebView2 do not play, is served as a virtual
//!   16-bit PCM WAV: a 44-byte header then 2 bytes per input byte, so any range maps to an
//!   input range directly and only that part is decoded. PCM WAV and MP3 are served as stored.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use maskline_formats::wav::{self, Kind, WavInfo};

/// Most bytes one answer carries.
pub const MAX_CHUNK: u64 = 1 << 20;
/// Bytes read to find a WAV's header chunks.
const HEAD: usize = 64 * 1024;

/// One HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Served {
    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn answer(status: u16, mime: &str, extra: Vec<(String, String)>, body: Vec<u8>) -> Served {
    let mut headers = vec![
        ("Content-Type".to_string(), mime.to_string()),
        ("Content-Length".to_string(), body.len().to_string()),
        ("Accept-Ranges".to_string(), "bytes".to_string()),
        // Personal data: never in the webview's disk cache.
        ("Cache-Control".to_string(), "no-store".to_string()),
        ("X-Content-Type-Options".to_string(), "nosniff".to_string()),
    ];
    headers.extend(extra);
    Served {
        status,
        headers,
        body,
    }
}

fn not_found() -> Served {
    answer(404, "text/plain", vec![], b"not found".to_vec())
}

/// Percent-decodes `s`; `None` on a broken escape or non-UTF-8 result.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file name a request path names, if it is a valid cache name.
pub fn file_name(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    let name = decoded.strip_prefix('/').unwrap_or(&decoded);
    let (stem, ext) = name.split_once('.')?;
    let ok = stem.len() == 64
        && stem.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        && matches!(ext, "wav" | "mp3");
    ok.then(|| name.to_string())
}

/// `Some(Ok((start, end)))` inclusive, `Some(Err(()))` unsatisfiable, `None` = no usable Range.
fn parse_range(spec: &str, len: u64) -> Option<Result<(u64, u64), ()>> {
    let r = spec.trim().strip_prefix("bytes=")?.trim();
    if r.contains(',') {
        return None;
    }
    let (a, b) = r.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    let range = if a.is_empty() {
        let n: u64 = b.parse().ok()?;
        if n == 0 || len == 0 {
            return Some(Err(()));
        }
        (len.saturating_sub(n), len - 1)
    } else {
        let start: u64 = a.parse().ok()?;
        let end = if b.is_empty() {
            u64::MAX
        } else {
            b.parse::<u64>().ok()?
        };
        if end < start {
            return None;
        }
        if start >= len {
            return Some(Err(()));
        }
        (start, end.min(len - 1))
    };
    Some(Ok(range))
}

/// A file as served: its length and how to read a byte range of it.
enum Source {
    Raw { file: File, len: u64 },
    Pcm { file: File, wav: WavInfo },
}

impl Source {
    fn len(&self) -> u64 {
        match self {
            Source::Raw { len, .. } => *len,
            Source::Pcm { wav, .. } => 44 + 2 * wav.data_len,
        }
    }

    fn read(&mut self, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
        let n = (end - start + 1) as usize;
        match self {
            Source::Raw { file, .. } => {
                let mut buf = vec![0u8; n];
                file.seek(SeekFrom::Start(start))?;
                file.read_exact(&mut buf)?;
                Ok(buf)
            }
            Source::Pcm { file, wav } => {
                let mut out = Vec::with_capacity(n);
                if start < 44 {
                    let h = wav::pcm16_header(wav.channels, wav.sample_rate, pcm_len(wav));
                    out.extend_from_slice(&h[start as usize..=end.min(43) as usize]);
                }
                if end >= 44 {
                    let vs = start.max(44) - 44;
                    let ve = end - 44;
                    let (i0, i1) = (vs / 2, ve / 2);
                    let mut input = vec![0u8; (i1 - i0 + 1) as usize];
                    file.seek(SeekFrom::Start(wav.data_offset + i0))?;
                    file.read_exact(&mut input)?;
                    let mut pcm = Vec::new();
                    wav::decode_g711(wav.coding, &input, &mut pcm);
                    let skip = (vs - 2 * i0) as usize;
                    out.extend_from_slice(&pcm[skip..skip + (ve - vs + 1) as usize]);
                }
                Ok(out)
            }
        }
    }
}

fn pcm_len(w: &WavInfo) -> u32 {
    u32::try_from(2 * w.data_len).unwrap_or(u32::MAX)
}

fn open(dir: &Path, name: &str) -> Option<(Source, &'static str)> {
    let path = dir.join(name);
    // Only a regular file directly in the folder: a symlink could point anywhere.
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    let mut file = File::open(&path).ok()?;
    let len = file.metadata().ok()?.len();
    if name.ends_with(".mp3") {
        return Some((Source::Raw { file, len }, "audio/mpeg"));
    }
    let mut head = vec![0u8; HEAD.min(len as usize)];
    file.read_exact(&mut head).ok()?;
    match wav::sniff(&head, len) {
        Ok(Kind::Wav(w)) if w.is_g711() => Some((Source::Pcm { file, wav: w }, "audio/wav")),
        _ => Some((Source::Raw { file, len }, "audio/wav")),
    }
}

/// Answers a `rec` request for `path` (the URL path) with an optional `Range` header.
pub fn serve(dir: &Path, path: &str, range: Option<&str>) -> Served {
    let Some(name) = file_name(path) else {
        return not_found();
    };
    let Some((mut src, mime)) = open(dir, &name) else {
        return not_found();
    };
    let len = src.len();
    let wanted = range.and_then(|r| parse_range(r, len));
    let (start, end, partial) = match wanted {
        Some(Err(())) => {
            let cr = vec![("Content-Range".into(), format!("bytes */{len}"))];
            return answer(416, mime, cr, Vec::new());
        }
        Some(Ok((s, e))) => (s, e.min(s + MAX_CHUNK - 1), true),
        None if len == 0 => return answer(200, mime, vec![], Vec::new()),
        None if len <= MAX_CHUNK => (0, len - 1, false),
        None => (0, MAX_CHUNK - 1, true),
    };
    let body = match src.read(start, end) {
        Ok(b) => b,
        Err(_) => return not_found(),
    };
    if partial {
        let cr = vec![("Content-Range".into(), format!("bytes {start}-{end}/{len}"))];
        answer(206, mime, cr, body)
    } else {
        answer(200, mime, vec![], body)
    }
}
