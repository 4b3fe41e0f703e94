//! Benchmark of recordings playback (run by `tests/bench/recordings.sh`): a cached 60-minute
//! A-law recording served through `recordings::serve` as a media element asks for it (first
//! bytes after "play", a seek into the middle) and its waveform peaks (cold, no cache file),
//! next to a baseline measured in the same run: reading the whole file with `std::fs::read`
//! and decoding every sample.
//!
//!     recordings_bench [RUNS]        # default 20

use std::path::Path;
use std::time::Instant;

use maskline_formats::peaks::compute_peaks;
use maskline_formats::wav::ALAW;
use maskline_services::recordings::serve::serve;
use sha2::{Digest, Sha256};

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// 60 minutes of the simulator's A-law audio (its 120 s rendering, repeated).
fn sixty_minutes(dir: &Path) -> String {
    let two = maskline_sim::recordings::wav("bench-call", 120);
    let (head, data) = two.split_at(58);
    let n = data.len() as u32 * 30;
    let mut w = head.to_vec();
    w[4..8].copy_from_slice(&(50 + n).to_le_bytes());
    w[46..50].copy_from_slice(&n.to_le_bytes());
    w[54..58].copy_from_slice(&n.to_le_bytes());
    for _ in 0..30 {
        w.extend_from_slice(data);
    }
    let name = format!("{}.wav", hex::encode(Sha256::digest(&w)));
    std::fs::write(dir.join(&name), &w).expect("write the recording");
    name
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("recordings");
    std::fs::create_dir_all(&dir).expect("dir");
    let name = sixty_minutes(&dir);
    let path = dir.join(&name);
    let size = std::fs::metadata(&path).expect("file").len();
    println!(
        "recording: 60 min A-law, {:.1} MB, served as {:.1} MB of PCM",
        size as f64 / 1e6,
        (44 + 2 * (size - 58)) as f64 / 1e6
    );
    let (mut first, mut seek, mut peaks, mut read, mut decode) =
        (vec![], vec![], vec![], vec![], vec![]);
    let mid = format!("bytes={}-", size - 58);
    for _ in 0..runs {
        first.push(ms(|| {
            let s = serve(&dir, &name, Some("bytes=0-"));
            assert_eq!(s.status, 206);
        }));
        seek.push(ms(|| {
            let s = serve(&dir, &name, Some(&mid));
            assert_eq!(s.status, 206);
        }));
        peaks.push(ms(|| {
            let p = compute_peaks(&path).expect("peaks");
            assert!(!p.is_empty());
        }));
        read.push(ms(|| {
            let b = std::fs::read(&path).expect("read");
            assert_eq!(b.len() as u64, size);
        }));
        decode.push(ms(|| {
            let b = std::fs::read(&path).expect("read");
            let s: Vec<i16> = b[58..].iter().map(|&c| ALAW[c as usize]).collect();
            assert_eq!(s.len() as u64, size - 58);
        }));
    }
    let row = |name: &str, v: &mut Vec<f64>| {
        let (p50, p95) = (pct(v, 0.5), pct(v, 0.95));
        println!("{name:<34} p50 {p50:8.2} ms  p95 {p95:8.2} ms");
        (p50, p95)
    };
    println!("== {runs} runs each");
    let f = row("play → first bytes (Range 0-)", &mut first);
    let s = row("seek into the middle", &mut seek);
    let p = row("peaks (cold, from the file)", &mut peaks);
    let r = row("baseline: std::fs::read whole file", &mut read);
    let d = row("baseline: read + decode all", &mut decode);
    println!(
        "ratios (p50): first bytes = {:.3}x whole-file read, seek = {:.3}x, peaks = {:.2}x read+decode",
        f.0 / r.0,
        s.0 / r.0,
        p.0 / d.0
    );
    println!(
        "SUMMARY first bytes p95 {:.1} ms (aim <150), seek p95 {:.1} ms (aim <50), peaks p95 {:.0} ms (aim <1000)",
        f.1, s.1, p.1
    );
}
