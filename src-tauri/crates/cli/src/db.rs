//! `maskline db …`

use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use maskline_services::database;

#[derive(Subcommand)]
pub enum DbCommand {
    /// Check the database's integrity, schema version and backups (exit 1 when damaged).
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: DbCommand, path: &Path) -> ExitCode {
    match cmd {
        DbCommand::Check { json } => check(path, json),
    }
}

fn check(path: &Path, json: bool) -> ExitCode {
    let report = match database::check(path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = &report.backup_warning {
        eprintln!("warning: {w}");
    }
    if json {
        let v = serde_json::json!({
            "path": report.path.display().to_string(),
            "healthy": report.healthy(),
            "problems": report.problems,
            "schemaVersion": report.schema_version,
            "backups": report.backups,
            "latestBackup": report.latest_backup,
            "backupWarning": report.backup_warning,
        });
        println!("{v}");
    } else if report.healthy() {
        println!(
            "ok: {} (schema v{}, {} verified backup(s){})",
            report.path.display(),
            report.schema_version.unwrap_or(0),
            report.backups,
            report
                .latest_backup
                .as_ref()
                .map(|b| format!(", newest {b}"))
                .unwrap_or_default()
        );
    } else {
        println!("damaged: {}", report.path.display());
        for p in &report.problems {
            println!("  - {p}");
        }
        let n = report.backups;
        println!(
            "{}",
            maskline_domain::text!(
                "Open Maskline to restore the last backup ({n} verified backup(s) available) or start fresh.",
                "请打开 Maskline 恢复最近的备份(可用的已验证备份:{n} 个)或重新开始。"
            )
        );
    }
    if report.healthy() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
