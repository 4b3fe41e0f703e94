//! Regenerates `ui/src/ipc/bindings/*.ts` from the Rust IPC types, and `Command.ts` from the
//! registered command names (see `commands.rs`).
//!
//! `cargo run -p xtask -- gen-ts [OUT_DIR]`; CI runs it and fails on any diff.

use std::path::PathBuf;

use maskline_domain::calls::{
    CallDetail, CallFilter, CallPage, CallPageRequest, CallStats, ExportProgress, ExportReport,
    ExportRequest, StatsRequest,
};
use maskline_domain::import::{FileReport, ImportProgress};
use maskline_domain::{
    AccountDraft, AccountInfo, AppError, AppInfo, ConnectionReport, DbStatus, RecoverAction,
    Settings,
};
use ts_rs::TS;

pub fn run(out: Option<PathBuf>) -> Result<(), Box<dyn std::error::Error>> {
    let out = out.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings")
    });
    std::fs::create_dir_all(&out)?;
    for entry in std::fs::read_dir(&out)? {
        let p = entry?.path();
        if p.extension().is_some_and(|e| e == "ts") {
            std::fs::remove_file(p)?;
        }
    }
    // 64-bit integers (ids, counts, epoch seconds, byte sizes) stay far below 2^53 and arrive
    // from JSON as numbers: one setting types them `number` everywhere.
    let cfg = ts_rs::Config::new()
        .with_out_dir(&out)
        .with_large_int("number");
    Settings::export_all(&cfg)?;
    AppError::export_all(&cfg)?;
    AppInfo::export_all(&cfg)?;
    DbStatus::export_all(&cfg)?;
    RecoverAction::export_all(&cfg)?;
    AccountInfo::export_all(&cfg)?;
    AccountDraft::export_all(&cfg)?;
    ConnectionReport::export_all(&cfg)?;
    CallPageRequest::export_all(&cfg)?;
    CallPage::export_all(&cfg)?;
    CallFilter::export_all(&cfg)?;
    CallDetail::export_all(&cfg)?;
    StatsRequest::export_all(&cfg)?;
    CallStats::export_all(&cfg)?;
    ExportRequest::export_all(&cfg)?;
    ExportProgress::export_all(&cfg)?;
    ExportReport::export_all(&cfg)?;
    ImportProgress::export_all(&cfg)?;
    FileReport::export_all(&cfg)?;
    maskline_domain::WatchFolderSettings::export_all(&cfg)?;
    maskline_domain::WatchStatus::export_all(&cfg)?;
    export_bindings_types(&cfg)?;
    maskline_domain::DemoStatus::export_all(&cfg)?;
    export_recordings_types(&cfg)?;
    maskline_domain::privacy::PrivacyStatus::export_all(&cfg)?;
    crate::commands::write(&out)?;
    println!("wrote TypeScript bindings to {}", out.display());
    Ok(())
}

/// Bindings, bulk jobs, numbers and pools, audit (issue 5 items 3–6).
fn export_bindings_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    use maskline_domain::audit::{AuditEntry, AuditExportReport, ChainCheck};
    use maskline_domain::binding_forms::{BindForm, BindOutcome, ModifyForm};
    use maskline_domain::bindings::{BindingFilter, BindingPage, SyncReport};
    use maskline_domain::jobs::{BulkField, DryRunReport, JobKind, JobRowResult, JobSummary};
    use maskline_domain::pools::{NumberImportReport, NumberStats, Pool, PoolOverview};
    BindingFilter::export_all(cfg)?;
    BindingPage::export_all(cfg)?;
    SyncReport::export_all(cfg)?;
    BindForm::export_all(cfg)?;
    ModifyForm::export_all(cfg)?;
    BindOutcome::export_all(cfg)?;
    NumberStats::export_all(cfg)?;
    NumberImportReport::export_all(cfg)?;
    Pool::export_all(cfg)?;
    PoolOverview::export_all(cfg)?;
    DryRunReport::export_all(cfg)?;
    JobKind::export_all(cfg)?;
    BulkField::export_all(cfg)?;
    JobSummary::export_all(cfg)?;
    JobRowResult::export_all(cfg)?;
    AuditEntry::export_all(cfg)?;
    ChainCheck::export_all(cfg)?;
    AuditExportReport::export_all(cfg)?;
    Ok(())
}

/// Recordings: fetch manager, cache, playback and zip export (issue 7).
fn export_recordings_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    use maskline_domain::recordings::{
        FetchProgress, FetchReport, FetchRequest, PlaybackInfo, RecordingPage,
        RecordingPageRequest, RecordingSettings, RecordingStorage, RecordingSummary,
        ZipExportProgress, ZipExportReport, ZipExportRequest,
    };
    RecordingPageRequest::export_all(cfg)?;
    RecordingPage::export_all(cfg)?;
    RecordingSummary::export_all(cfg)?;
    FetchRequest::export_all(cfg)?;
    FetchProgress::export_all(cfg)?;
    FetchReport::export_all(cfg)?;
    RecordingStorage::export_all(cfg)?;
    RecordingSettings::export_all(cfg)?;
    PlaybackInfo::export_all(cfg)?;
    ZipExportRequest::export_all(cfg)?;
    ZipExportProgress::export_all(cfg)?;
    ZipExportReport::export_all(cfg)?;
    Ok(())
}
