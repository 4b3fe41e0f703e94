//! Export of the current filter to CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX.
//! Numbers are masked unless the request says `unmask`; times are written in the requested
//! UTC offset, named in the header. Rows are read page by page (flat memory for CSV; XLSX
//! uses rust_xlsxwriter's constant-memory worksheet), with progress and cancellation. Every
//! export that wrote a file is recorded in the audit log, saying when it held full numbers.

use maskline_domain::text;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use maskline_domain::calls::{
    CallDirection, CallRow, ExportFormat, ExportLanguage, ExportProgress, ExportReport,
    ExportRequest, mask_number,
};
use maskline_domain::cdr::time::{format_time, offset_label};
use maskline_store::call_query::{self, Where};
use rust_xlsxwriter::Workbook;

use crate::{DbManager, ServiceError, audit};

/// Rows fetched per query.
const PAGE: u32 = 5000;
/// An XLSX sheet holds 1,048,576 rows including the header.
const XLSX_MAX_ROWS: u64 = 1_048_575;

pub(crate) fn headers(lang: ExportLanguage, zone: &str) -> Vec<String> {
    let names: [&str; 12] = match lang {
        ExportLanguage::ZhCn => [
            "开始时间",
            "结束时间",
            "方向",
            "主叫号码",
            "被叫号码",
            "隐私号码(X)",
            "绑定ID",
            "是否接通",
            "通话时长(秒)",
            "结果",
            "有录音",
            "记录ID",
        ],
        ExportLanguage::En => [
            "Start time",
            "End time",
            "Direction",
            "Caller",
            "Callee",
            "Private number (X)",
            "Binding ID",
            "Answered",
            "Talk time (s)",
            "Outcome",
            "Recorded",
            "Call ID",
        ],
    };
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if i < 2 {
                format!("{n} ({zone})")
            } else {
                (*n).to_string()
            }
        })
        .collect()
}

pub(crate) fn cells(r: &CallRow, req: &ExportRequest, offset: i32) -> [String; 12] {
    let zh = req.language == ExportLanguage::ZhCn;
    let num = |n: &str| {
        if req.unmask {
            n.to_string()
        } else {
            mask_number(n)
        }
    };
    let yes_no = |b: bool| match (zh, b) {
        (true, true) => "是",
        (true, false) => "否",
        (false, true) => "yes",
        (false, false) => "no",
    };
    let direction = match (r.direction, zh) {
        (CallDirection::ToA, true) => "呼入A",
        (CallDirection::FromA, true) => "A呼出",
        (CallDirection::Abnormal, true) => "异常",
        (CallDirection::ToA, false) => "to A",
        (CallDirection::FromA, false) => "from A",
        (CallDirection::Abnormal, false) => "abnormal",
    };
    let (oz, oe) = r.outcome.label();
    [
        format_time(r.start_time, offset),
        r.end_time
            .map(|t| format_time(t, offset))
            .unwrap_or_default(),
        direction.into(),
        num(&r.caller),
        num(&r.callee),
        num(&r.x_number),
        r.subscription_id.clone().unwrap_or_default(),
        yes_no(r.answered).into(),
        r.talk_seconds.to_string(),
        (if zh { oz } else { oe }).to_string(),
        yes_no(r.has_recording).into(),
        r.id.to_string(),
    ]
}

pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn io_err(path: &str, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Invalid {
        field: "path".into(),
        message: text!("cannot write {path}: {e}", "无法写入导出文件 {path}:{e}"),
    }
}

/// Writes the filter's calls to `req.path`. `progress` is called after every page; setting
/// `cancel` stops after the current page and keeps what was written.
pub fn export(
    dbm: &DbManager,
    req: &ExportRequest,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&ExportProgress),
) -> Result<ExportReport, ServiceError> {
    let conn = dbm.db()?.conn()?;
    let w = Where::new(&super::checked_filter(&req.filter)?);
    let total = call_query::count(&conn, &w)?;
    if req.format == ExportFormat::Xlsx && total > XLSX_MAX_ROWS {
        return Err(ServiceError::Invalid {
            field: "format".into(),
            message: text!(
                "{total} calls do not fit in one XLSX sheet (at most {XLSX_MAX_ROWS}); export CSV or narrow the filter",
                "{total} 条通话超出一个 XLSX 工作表的行数上限({XLSX_MAX_ROWS} 行);请导出 CSV 或缩小筛选范围"
            ),
        });
    }
    let offset = req.utc_offset_minutes * 60;
    let head = headers(req.language, &offset_label(offset));
    let mut rows = 0u64;
    let mut cancelled = false;
    let mut each =
        |page: &[CallRow], sink: &mut dyn FnMut(u64, [String; 12]) -> Result<(), ServiceError>| {
            for r in page {
                rows += 1;
                sink(rows, cells(r, req, offset))?;
            }
            progress(&ExportProgress { rows, total });
            cancelled = cancel.load(Ordering::Relaxed);
            Ok::<bool, ServiceError>(!cancelled)
        };
    match req.format {
        ExportFormat::Csv => {
            let file = File::create(&req.path).map_err(|e| {
                crate::fsx::write_error(Path::new(&req.path), e, |e| io_err(&req.path, e))
            })?;
            let mut out = BufWriter::new(file);
            let line = |fields: &[String], out: &mut BufWriter<File>| {
                let l = fields
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(",");
                out.write_all(l.as_bytes())
                    .and_then(|_| out.write_all(b"\r\n"))
                    .map_err(|e| io_err(&req.path, e))
            };
            out.write_all("\u{feff}".as_bytes())
                .map_err(|e| io_err(&req.path, e))?;
            line(&head, &mut out)?;
            let mut failure = None;
            call_query::for_each_page(&conn, &w, req.sort, PAGE, |page| {
                let r = each(page, &mut |_, c| line(&c, &mut out));
                match r {
                    Ok(go) => Ok(go),
                    Err(e) => {
                        failure = Some(e);
                        Ok(false)
                    }
                }
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            out.flush().map_err(|e| io_err(&req.path, e))?;
        }
        ExportFormat::Xlsx => {
            let mut book = Workbook::new();
            let sheet = book
                .add_worksheet_with_constant_memory()
                .map_err(|e| io_err(&req.path, e))?;
            for (c, h) in head.iter().enumerate() {
                sheet
                    .write_string(0, c as u16, h)
                    .map_err(|e| io_err(&req.path, e))?;
            }
            let mut failure = None;
            call_query::for_each_page(&conn, &w, req.sort, PAGE, |page| {
                let r = each(page, &mut |row, c| {
                    for (col, v) in c.iter().enumerate() {
                        let numeric = col == 8 || col == 11;
                        let res = match v.parse::<f64>() {
                            Ok(n) if numeric => sheet.write_number(row as u32, col as u16, n),
                            _ => sheet.write_string(row as u32, col as u16, v),
                        };
                        res.map_err(|e| io_err(&req.path, e))?;
                    }
                    Ok(())
                });
                match r {
                    Ok(go) => Ok(go),
                    Err(e) => {
                        failure = Some(e);
                        Ok(false)
                    }
                }
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            book.save(&req.path).map_err(|e| match e {
                rust_xlsxwriter::XlsxError::IoError(e) => {
                    crate::fsx::write_error(Path::new(&req.path), e, |e| io_err(&req.path, e))
                }
                e => io_err(&req.path, e),
            })?;
        }
    }
    drop(conn);
    audit::record(
        &dbm.db()?,
        None,
        "calls.export",
        &{
            let format = match req.format {
                ExportFormat::Csv => "CSV",
                ExportFormat::Xlsx => "XLSX",
            };
            format!(
                "{rows} calls, {format}{}{} / {rows} 条通话，{format}{}{}",
                if req.unmask { ", full numbers" } else { "" },
                if cancelled { ", cancelled" } else { "" },
                if req.unmask { "，完整号码" } else { "" },
                if cancelled { "，已取消" } else { "" }
            )
        },
        "0",
        true,
    )?;
    Ok(ExportReport {
        path: req.path.clone(),
        rows,
        cancelled,
    })
}
