//! Playback: the `rec` scheme's answers (ranges, the 1 MiB cap, 416, A-law → PCM, path
//! traversal), cached peaks, the zip export and the play/export audit entries.

use crate::support::recordings as support;

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use maskline_domain::calls::ExportLanguage;
use maskline_domain::recordings::ZipExportRequest;
use maskline_formats::wav::ALAW;
use maskline_services::recordings::serve::{MAX_CHUNK, serve};
use maskline_services::{audit, recordings};
use sha2::{Digest, Sha256};
use support::*;

/// Stores `bytes` under their content name in `dir`; returns the name.
fn put(dir: &Path, bytes: &[u8], ext: &str) -> String {
    let name = format!("{}.{ext}", hex(&Sha256::digest(bytes)));
    std::fs::write(dir.join(&name), bytes).expect("write");
    name
}

/// The platform's A-law layout (58-byte header) around `data`.
fn alaw_wav(data: &[u8]) -> Vec<u8> {
    let mut w = maskline_sim::recordings::wav("any", 1);
    w.truncate(58);
    let n = data.len() as u32;
    w[4..8].copy_from_slice(&(50 + n).to_le_bytes());
    w[46..50].copy_from_slice(&n.to_le_bytes());
    w[54..58].copy_from_slice(&n.to_le_bytes());
    w.extend_from_slice(data);
    w
}

fn samples(pcm: &[u8]) -> Vec<i16> {
    pcm.chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect()
}

#[test]
fn alaw_is_served_as_pcm_with_the_g711_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = put(
        dir.path(),
        &alaw_wav(&[0xD5, 0x55, 0xAA, 0x2A, 0x80]),
        "wav",
    );
    let s = serve(dir.path(), &format!("/{name}"), None);
    assert_eq!(s.status, 200);
    assert_eq!(s.header("content-type"), Some("audio/wav"));
    assert_eq!(s.header("accept-ranges"), Some("bytes"));
    assert_eq!(s.body.len(), 44 + 10);
    assert_eq!(s.header("content-length"), Some("54"));
    assert_eq!(&s.body[..4], b"RIFF");
    assert_eq!(u16::from_le_bytes([s.body[20], s.body[21]]), 1, "PCM");
    assert_eq!(u16::from_le_bytes([s.body[34], s.body[35]]), 16, "16-bit");
    assert_eq!(
        u32::from_le_bytes([s.body[40], s.body[41], s.body[42], s.body[43]]),
        10
    );
    assert_eq!(samples(&s.body[44..]), vec![8, -8, 32_256, -32_256, 5_504]);
}

#[test]
fn ranges_map_onto_the_virtual_pcm_file_and_are_capped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wav = maskline_sim::recordings::wav("call-ranges", 90);
    let name = put(dir.path(), &wav, "wav");
    let data = &wav[58..];
    let len = 44 + 2 * data.len() as u64;
    let mut full = serve(dir.path(), &name, Some("bytes=0-43")).body;
    for &b in data {
        full.extend_from_slice(&ALAW[b as usize].to_le_bytes());
    }
    let get = |r: &str| serve(dir.path(), &name, Some(r));
    let first = get("bytes=0-");
    assert_eq!(first.status, 206);
    assert_eq!(
        first.body.len() as u64,
        MAX_CHUNK,
        "open-ended ranges are capped"
    );
    let cr = format!("bytes 0-{}/{len}", MAX_CHUNK - 1);
    assert_eq!(first.header("content-range"), Some(cr.as_str()));
    assert_eq!(first.body, full[..MAX_CHUNK as usize]);
    for (spec, start, end) in [
        ("bytes=43-46", 43u64, 46u64),
        ("bytes=45-45", 45, 45),
        ("bytes=700001-700100", 700_001, 700_100),
        ("bytes=-100", len - 100, len - 1),
        ("bytes=1440000-", 1_440_000, len - 1),
    ] {
        let s = get(spec);
        assert_eq!(s.status, 206, "{spec}");
        assert_eq!(s.body, full[start as usize..=end as usize], "{spec}");
        let cr = format!("bytes {start}-{end}/{len}");
        assert_eq!(s.header("content-range"), Some(cr.as_str()), "{spec}");
    }
    let none = serve(dir.path(), &name, None);
    assert_eq!(
        none.status, 206,
        "a large file without Range gets its first MiB"
    );
    assert_eq!(none.body.len() as u64, MAX_CHUNK);
    let bad = get(&format!("bytes={len}-"));
    assert_eq!(bad.status, 416);
    let cr = format!("bytes */{len}");
    assert_eq!(bad.header("content-range"), Some(cr.as_str()));
    assert!(bad.body.is_empty());
}

#[test]
fn pcm_wav_is_served_as_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wav = maskline_sim::recordings::wav_pcm16("call-pcm", 2);
    let name = put(dir.path(), &wav, "wav");
    let s = serve(dir.path(), &name, None);
    assert_eq!((s.status, s.body == wav), (200, true));
    let s = serve(dir.path(), &name, Some("bytes=100-199"));
    assert_eq!(s.body, wav[100..200]);
}

#[test]
fn paths_outside_the_cache_name_pattern_are_404_and_touch_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("recordings");
    std::fs::create_dir_all(&dir).expect("dir");
    let secret = b"RIFF secret outside the recordings folder";
    let outside = put(root.path(), secret, "wav");
    let inside = put(&dir, &alaw_wav(&[0xD5; 16]), "wav");
    let stem = inside.trim_end_matches(".wav").to_string();
    std::fs::write(dir.join(format!("{stem}.peaks")), b"MLPK").expect("peaks");
    #[cfg(unix)]
    let linked = {
        let fake = format!("{}.wav", "ab".repeat(32));
        std::os::unix::fs::symlink(root.path().join(&outside), dir.join(&fake)).expect("link");
        fake
    };
    #[cfg(not(unix))]
    let linked = outside.clone();
    let abs = root.path().join(&outside).display().to_string();
    for attempt in [
        format!("../{outside}"),
        format!("/../{outside}"),
        format!("%2e%2e%2f{outside}"),
        format!("%2E%2E/{outside}"),
        format!("..%5c{outside}"),
        format!("..\\{outside}"),
        format!("recordings/../{outside}"),
        abs,
        format!("//{inside}"),
        format!("{inside}/"),
        format!("{inside}%00"),
        format!("{inside}\0"),
        inside.to_uppercase(),
        format!("{stem}.peaks"),
        format!("{stem}.wav.part"),
        stem.clone(),
        ".partial".into(),
        linked,
        "%zz".into(),
        String::new(),
    ] {
        let s = serve(&dir, &attempt, None);
        assert_eq!(s.status, 404, "{attempt:?} must be refused");
        assert_eq!(s.body, b"not found", "{attempt:?}");
    }
    assert_eq!(serve(&dir, &format!("/{inside}"), None).status, 200);
    assert_eq!(serve(&dir, &format!("%2F{inside}"), None).status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn peaks_are_computed_once_and_exports_keep_audio_byte_for_byte() {
    let r = setup(30).await;
    let rows = r.rows();
    assert!(rows.len() >= 3, "fixture");
    let ids: Vec<i64> = rows.iter().take(3).map(|w| w.call_id).collect();
    assert_eq!(r.fetch(&ids[..2], &opts()).await.fetched, 2);

    let p = recordings::playback(r.db(), r.dir(), ids[0]).expect("playback");
    assert!(p.source.ends_with(".wav") && p.mime == "audio/wav");
    assert!((1000..=2000).contains(&p.peaks.len()), "{}", p.peaks.len());
    assert!(p.peaks.iter().all(|v| (0.0..=1.0).contains(v)));
    assert!(p.peaks.iter().any(|&v| v > 0.2), "the tones show");
    let served = serve(r.dir(), &p.source, Some("bytes=0-"));
    assert_eq!(served.status, 206, "the player's source is servable");
    // Silence the file in place: cached peaks mean the audio is not decoded again.
    let path = r.dir().join(&p.source);
    let mut bytes = std::fs::read(&path).expect("audio");
    let original = bytes.clone();
    bytes[58..].fill(0xD5);
    std::fs::write(&path, &bytes).expect("overwrite");
    let again = recordings::playback(r.db(), r.dir(), ids[0]).expect("playback");
    assert_eq!(again.peaks, p.peaks, "second call reads the cache");
    let stem = p.source.trim_end_matches(".wav");
    std::fs::remove_file(r.dir().join(format!("{stem}.peaks"))).expect("cache file");
    let fresh = recordings::playback(r.db(), r.dir(), ids[0]).expect("playback");
    assert!(
        fresh.peaks.iter().all(|&v| v < 0.001),
        "recomputed from the silenced file"
    );
    std::fs::write(&path, &original).expect("restore");
    recordings::mark_played(r.db(), ids[0]).expect("played");

    let out = r.data.path().join("export.zip");
    let req = ZipExportRequest {
        call_ids: ids.clone(),
        path: out.display().to_string(),
        unmask: false,
        utc_offset_minutes: 480,
        language: ExportLanguage::ZhCn,
    };
    let report = recordings::export_zip(
        r.db(),
        r.dir(),
        &req,
        Arc::new(AtomicBool::new(false)),
        |_| {},
    )
    .expect("export");
    assert_eq!(
        (report.calls, report.recordings, report.missing),
        (3, 2, 1),
        "{report:?}"
    );
    assert!(!Path::new(&format!("{}.part", req.path)).exists());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("read zip");
    let mut csv = Vec::new();
    zip.by_name("calls.csv")
        .expect("csv")
        .read_to_end(&mut csv)
        .expect("read");
    assert!(csv.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(csv.contains("UTC+08:00") && csv.contains("录音文件") && csv.contains("缺失"));
    for w in rows.iter().take(3) {
        let national = w.caller.trim_start_matches("+86");
        assert!(!csv.contains(national), "caller masked in the CSV");
    }
    assert!(csv.contains("****"));
    let mut audio = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().expect("entry name").to_string();
        if !name.starts_with("recordings/") {
            continue;
        }
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Stored,
            "audio is stored"
        );
        let id: i64 = name
            .rsplit('_')
            .next()
            .and_then(|t| t.trim_end_matches(".wav").parse().ok())
            .expect("id in name");
        let mut got = Vec::new();
        f.read_to_end(&mut got).expect("read");
        let s = recordings::status(r.db(), id, now()).expect("status");
        let cached = std::fs::read(r.dir().join(s.file_name.expect("fetched"))).expect("cached");
        assert!(got == cached, "{name} is byte-identical");
        audio += 1;
    }
    assert_eq!(audio, 2);

    for action in ["recording.play", "recording.export"] {
        let entries = audit::list(r.db(), Some(action), 1, 50).expect("audit");
        assert_eq!(entries.len(), 1, "{action} audited");
        for w in &rows {
            assert!(
                !entries[0]
                    .target
                    .contains(w.caller.trim_start_matches("+86"))
            );
        }
    }
}
