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
    if json {
        let v = serde_json::json!({
            "path": report.path.display().to_string(),
            "healthy": report.healthy(),
            "problems": report.problems,
            "schemaVersion": report.schema_version,
            "backups": report.backups,
            "latestBackup": report.latest_backup,
        });
        println!("{v}");
    } else if report.healthy() {
        println!(
            "ok: {} (schema v{}, {} backup(s){})",
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
        println!(
            "Open Maskline to restore the last backup ({} available) or start fresh.",
            report.backups
        );
    }
    if report.healthy() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
