//! CSV and XLSX exports: BOM, Chinese header with the zone, masked numbers unless unmasked.

use crate::support::import as support;

use std::sync::atomic::AtomicBool;

use maskline_domain::calls::{CallFilter, ExportFormat, ExportLanguage, ExportRequest};
use maskline_services::audit;
use maskline_services::calls::export::export;
use support::*;

fn request(path: &std::path::Path, format: ExportFormat, unmask: bool) -> ExportRequest {
    ExportRequest {
        filter: CallFilter::default(),
        sort: Default::default(),
        format,
        path: path.display().to_string(),
        unmask,
        utc_offset_minutes: 480,
        language: ExportLanguage::ZhCn,
    }
}

#[test]
fn csv_has_a_bom_a_chinese_header_and_masked_numbers() {
    let (dir, m) = manager();
    import_one(&m, &write(dir.path(), "real.json", REAL_CDR));
    import_one(&m, &write(dir.path(), "sim.jsonl", sim_cdrs(7001, 5)));
    let out = dir.path().join("calls.csv");
    let mut pages = Vec::new();
    let r = export(
        &m,
        &request(&out, ExportFormat::Csv, false),
        &AtomicBool::new(false),
        &mut |p| pages.push((p.rows, p.total)),
    )
    .expect("export");
    assert_eq!(r.rows, 7002);
    assert_eq!(
        pages,
        [(5000, 7002), (7002, 7002)],
        "streamed in pages with progress"
    );
    let bytes = std::fs::read(&out).expect("read");
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM for Excel"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7003);
    assert!(
        lines[0].starts_with("开始时间 (UTC+08:00),结束时间 (UTC+08:00),方向,主叫号码"),
        "{}",
        lines[0]
    );
    let real = lines
        .iter()
        .find(|l| l.contains("2022-05-13 13:24:57"))
        .expect("the real CDR in Beijing time");
    assert!(
        real.contains("+86 150****2131") && real.contains("+86 186****2935"),
        "{real}"
    );
    assert!(
        !text.contains("+8615006212131"),
        "no unmasked number anywhere"
    );
    assert!(real.contains(",是,23,已接通并正常结束。,是,"), "{real}");

    let raw = dir.path().join("raw.csv");
    export(
        &m,
        &request(&raw, ExportFormat::Csv, true),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("export");
    assert!(
        std::fs::read_to_string(&raw)
            .expect("read")
            .contains("+8615006212131"),
        "unmask writes real numbers"
    );
    let entries = audit::list(&m, Some("calls.export"), 1, 10).expect("audit");
    assert_eq!(
        entries
            .iter()
            .map(|e| e.target.as_str())
            .collect::<Vec<_>>(),
        [
            "7002 calls, CSV, full numbers / 7002 条通话，CSV，完整号码",
            "7002 calls, CSV / 7002 条通话，CSV"
        ],
        "both exports are audited, newest first, the unmasked one said so"
    );
}

#[test]
fn cancelled_export_keeps_written_rows_and_xlsx_is_a_workbook() {
    let (dir, m) = manager();
    import_one(&m, &write(dir.path(), "sim.jsonl", sim_cdrs(12_000, 6)));
    let out = dir.path().join("part.csv");
    let r = export(
        &m,
        &request(&out, ExportFormat::Csv, false),
        &AtomicBool::new(true),
        &mut |_| {},
    )
    .expect("export");
    assert!(r.cancelled);
    assert_eq!(r.rows, 5000, "one page then stop");
    assert_eq!(
        audit::list(&m, Some("calls.export"), 1, 10).expect("audit")[0].target,
        "5000 calls, CSV, cancelled / 5000 条通话，CSV，已取消",
        "a cancelled export wrote a file, so it is audited too"
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("read").lines().count(),
        5001
    );
    let x = dir.path().join("calls.xlsx");
    let r = export(
        &m,
        &request(&x, ExportFormat::Xlsx, false),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("xlsx");
    assert_eq!(r.rows, 12_000);
    let bytes = std::fs::read(&x).expect("read");
    assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");
}
