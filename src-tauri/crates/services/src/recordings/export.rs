//! "Export selected calls with recordings": one zip with `calls.csv` (the Calls export's
//! columns and language, UTF-8 with BOM, numbers masked unless asked, times in the chosen
//! offset named in the header) plus a "recording" column naming each call's audio file in
//! `recordings/<start time>_<call id>.<ext>` (stored byte for byte, not re-compressed) or
//! saying it is missing. Written to `<path>.part` and renamed when complete; a cancelled
//! export leaves nothing behind.

use maskline_domain::Text;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use maskline_domain::calls::{ExportFormat, ExportLanguage, ExportRequest};
use maskline_domain::cdr::time::{format_time, offset_label};
use maskline_domain::recordings::{
    RecordingState, ZipExportProgress, ZipExportReport, ZipExportRequest,
};
use maskline_store::call_query;
use maskline_store::recordings as store;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::now_secs;
use crate::calls::export::{cells, csv_field, headers};
use crate::{DbManager, ServiceError, audit};

fn io_err(path: &Path, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Invalid {
        field: "path".into(),
        message: Text::new(
            format!(
                "cannot write {}: {e}. Choose another folder or free disk space",
                path.display()
            ),
            format!(
                "无法写入 {}:{e}。请换一个位置或释放磁盘空间",
                path.display()
            ),
        ),
    }
}

/// `20240301-100000` in the export's offset: sorts by time and is a valid file name anywhere.
fn stamp(epoch: i64, offset_secs: i32) -> String {
    format_time(epoch, offset_secs)
        .replace(['-', ':'], "")
        .replace(' ', "-")
}

fn csv_line(fields: &[String]) -> String {
    let mut l = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    l.push_str("\r\n");
    l
}

/// Writes the zip for `req.call_ids` (unknown ids are skipped). `progress` gets one call at a
/// time; `cancel` stops and removes the unfinished file.
pub fn export_zip(
    db: &DbManager,
    dir: &Path,
    req: &ZipExportRequest,
    cancel: Arc<AtomicBool>,
    mut progress: impl FnMut(&ZipExportProgress),
) -> Result<ZipExportReport, ServiceError> {
    let path = PathBuf::from(&req.path);
    let tmp = PathBuf::from(format!("{}.part", req.path));
    let result = write(db, dir, req, &tmp, &cancel, &mut progress);
    let report = match result {
        Ok(r) if !r.cancelled => r,
        other => {
            let _ = std::fs::remove_file(&tmp);
            return other;
        }
    };
    std::fs::rename(&tmp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        crate::fsx::write_error(&path, e, |e| io_err(&path, e))
    })?;
    let d = db.db()?;
    audit::record(
        &d,
        None,
        "recording.export",
        &format!(
            "{} calls, {} recordings{}",
            report.calls,
            report.recordings,
            if req.unmask { ", full numbers" } else { "" }
        ),
        "0",
        true,
    )?;
    Ok(report)
}

fn write(
    db: &DbManager,
    dir: &Path,
    req: &ZipExportRequest,
    tmp: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&ZipExportProgress),
) -> Result<ZipExportReport, ServiceError> {
    let d = db.db()?;
    let conn = d.conn()?;
    let file =
        File::create(tmp).map_err(|e| crate::fsx::write_error(tmp, e, |e| io_err(tmp, e)))?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(true);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let calls_req = ExportRequest {
        filter: Default::default(),
        sort: Default::default(),
        format: ExportFormat::Csv,
        path: req.path.clone(),
        unmask: req.unmask,
        utc_offset_minutes: req.utc_offset_minutes,
        language: req.language,
    };
    let offset = req.utc_offset_minutes * 60;
    let zh = req.language == ExportLanguage::ZhCn;
    let mut head = headers(req.language, &offset_label(offset));
    head.push(if zh { "录音文件" } else { "Recording file" }.into());
    let mut csv = String::from("\u{feff}");
    csv.push_str(&csv_line(&head));
    let mut report = ZipExportReport {
        path: req.path.clone(),
        ..Default::default()
    };
    let total = req.call_ids.len() as u64;
    for (i, &id) in req.call_ids.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            return Ok(report);
        }
        let Some(full) = call_query::get(&conn, id)? else {
            continue;
        };
        report.calls += 1;
        let rec = store::call(&conn, id, now_secs())?.and_then(|c| c.rec);
        let local = rec
            .filter(|r| r.state == RecordingState::Fetched)
            .and_then(|r| r.file_name)
            .filter(|f| dir.join(f).is_file());
        let cell = match local {
            Some(f) => {
                let ext = f.rsplit('.').next().unwrap_or("wav");
                let entry = format!(
                    "recordings/{}_{id}.{ext}",
                    stamp(full.row.start_time, offset)
                );
                zip.start_file(entry.as_str(), stored)
                    .map_err(|e| io_err(tmp, e))?;
                let mut src = File::open(dir.join(&f)).map_err(|e| io_err(tmp, e))?;
                std::io::copy(&mut src, &mut zip).map_err(|e| io_err(tmp, e))?;
                report.recordings += 1;
                entry
            }
            None if full.row.has_recording => {
                report.missing += 1;
                if zh {
                    "缺失(本地无副本)"
                } else {
                    "missing (no local copy)"
                }
                .into()
            }
            None => if zh { "无录音" } else { "not recorded" }.into(),
        };
        let mut row = cells(&full.row, &calls_req, offset).to_vec();
        row.push(cell);
        csv.push_str(&csv_line(&row));
        progress(&ZipExportProgress {
            done: i as u64 + 1,
            total,
        });
    }
    zip.start_file("calls.csv", deflated)
        .map_err(|e| io_err(tmp, e))?;
    zip.write_all(csv.as_bytes()).map_err(|e| io_err(tmp, e))?;
    let mut out = zip.finish().map_err(|e| io_err(tmp, e))?;
    out.flush().map_err(|e| io_err(tmp, e))?;
    out.get_ref().sync_all().map_err(|e| io_err(tmp, e))?;
    Ok(report)
}
