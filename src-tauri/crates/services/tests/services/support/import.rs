//! Shared fixtures of the import and calls tests (`crate::support::import`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use maskline_domain::import::FileReport;
use maskline_services::DbManager;
use maskline_services::import::{ImportOptions, import_paths};

/// §12: the real captured AXB CDR, verbatim.
pub const REAL_CDR: &str = r#"{"eventType":"fee","feeLst":[{"direction":1,"spId":"kumanruanjian_pv","appKey":"xxx",
 "icid":"c08dd88381a6deaa14e1c26e89e19b16.3861408249.24986516.29","bindNum":"+8617068754375",
 "sessionId":"+8613442977762_+8615006212131_4_627e5c1f_963036_669_1_0",
 "subscriptionId":"c1564552-844a-4048-9ac7-d4f5944543fc","callerNum":"+8615006212131","calleeNum":"+8617068754375",
 "fwdDisplayNum":"+8617068754375","fwdDstNum":"+8618605222935","callInTime":"2022-05-13 05:24:57",
 "fwdStartTime":"2022-05-13 05:24:58","fwdAlertingTime":"2022-05-13 05:25:01","fwdAnswerTime":"2022-05-13 05:25:18",
 "callEndTime":"2022-05-13 05:25:41","fwdUnaswRsn":0,"ulFailReason":0,"sipStatusCode":0,"callOutUnaswRsn":0,
 "recordFlag":1,"recordStartTime":"2022-05-13 05:25:18","recordDomain":"ostorQH2.huawei.com","recordBucketName":"sp-xxx",
 "recordObjectName":"22051313251812007961340.wav","ttsPlayTimes":0,"ttsTransDuration":0,
 "mptyId":"c1564552-844a-4048-9ac7-d4f5944543fc","serviceType":"004","hostName":"qhats01.huaweicaas.com","voiceCheckType":0}]}"#;

/// §11: the documented disconnect event (AXE demo), verbatim.
pub const DISCONNECT_EVENT: &str = r#"{"eventType":"disconnect","statusInfo":{"sessionId":"1202_1051_4294967295_20190124070250@callenabler246.huaweicaas.com",
 "timestamp":"2019-01-24 07:03:28","caller":"+86138****0022","called":"+86138****7021",
 "stateCode":0,"stateDesc":"The user releases the call.","subscriptionId":"********"}}"#;

/// A one-line CDR with the given session, caller and codes (unanswered unless `answered`).
pub fn cdr(session: &str, caller: &str, answered: bool, ul: i64, q850: i64) -> String {
    let answer = if answered {
        r#""fwdAnswerTime":"2024-03-01 10:00:10","#
    } else {
        ""
    };
    format!(
        r#"{{"direction":0,"spId":"sp","appKey":"k","bindNum":"+8617000000001","sessionId":"{session}","subscriptionId":"sub-1","callerNum":"{caller}","calleeNum":"+8617000000001","fwdDstNum":"+8618600000002","callInTime":"2024-03-01 10:00:00","fwdAlertingTime":"2024-03-01 10:00:03",{answer}"callEndTime":"2024-03-01 10:01:00","ulFailReason":{ul},"fwdUnaswRsn":{q850},"sipStatusCode":0,"recordFlag":0}}"#
    )
}

pub fn body(cdrs: &[String]) -> String {
    format!(r#"{{"eventType":"fee","feeLst":[{}]}}"#, cdrs.join(","))
}

pub fn manager() -> (tempfile::TempDir, DbManager) {
    let dir = tempfile::tempdir().expect("tempdir");
    let m = DbManager::open(&dir.path().join("maskline.db"));
    (dir, m)
}

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

pub fn import(m: &DbManager, paths: &[PathBuf]) -> Vec<FileReport> {
    import_paths(
        m,
        paths,
        &ImportOptions::default(),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("import runs")
}

pub fn import_one(m: &DbManager, path: &Path) -> FileReport {
    let mut r = import(m, &[path.to_path_buf()]);
    assert_eq!(r.len(), 1, "one report per file");
    r.remove(0)
}

pub fn counts(r: &FileReport) -> (u64, u64, u64) {
    (r.new, r.duplicate, r.rejected)
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("gzip in memory");
    e.finish().expect("gzip finish")
}

/// `count` simulator CDRs (JSON Lines, 50 per line).
pub fn sim_cdrs(count: u64, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    maskline_sim::cdrgen::write_cdrs(&mut out, count, seed).expect("generate");
    out
}
