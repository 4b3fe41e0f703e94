//! `maskline`: the command-line face of Maskline, for scripting and support.
//!
//! A thin layer over `maskline-services` (the same use cases as the desktop app).
//! Must not depend on `tauri` or contain business logic of its own.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod account;
mod bind;
mod bulk;
mod cache;
mod calls;
mod console;
mod db;
mod import;
mod pools;
mod recordings;

#[derive(Parser)]
#[command(
    name = "maskline",
    version,
    about = "Maskline: privacy-number operations from the command line"
)]
struct Cli {
    /// Database file (default: the desktop app's database in the OS app-data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Platform accounts (credentials live in the OS keyring).
    Account {
        #[command(subcommand)]
        command: account::AccountCommand,
    },
    /// Database maintenance.
    Db {
        #[command(subcommand)]
        command: db::DbCommand,
    },
    #[command(flatten)]
    Bindings(bind::Commands),
    /// Bulk bind / modify / unbind from CSV or XLSX (dry run, journal, resume, export).
    Bulk {
        #[command(subcommand)]
        command: bulk::BulkCommand,
    },
    /// The local bindings cache: sync from the platform, list with filters.
    #[command(name = "bindings")]
    Cache {
        #[command(subcommand)]
        command: cache::BindingsCommand,
    },
    /// X numbers and pools: import, utilisation, choose X.
    Numbers {
        #[command(subcommand)]
        command: pools::NumbersCommand,
    },
    /// The local audit trail (list, verify the hash chain, export it).
    Audit {
        #[command(subcommand)]
        command: pools::AuditCommand,
    },
    /// Import CDR and call-event files or folders (JSON, JSON Lines, gzip).
    Import(import::ImportArgs),
    /// Browse and export imported calls.
    Calls {
        #[command(subcommand)]
        command: calls::CallsCommand,
    },
    /// Fetch and inspect call recordings (kept in `recordings/` beside the database).
    Recordings {
        #[command(subcommand)]
        command: recordings::RecordingsCommand,
    },
}

fn main() -> ExitCode {
    console::utf8_output();
    let cli = Cli::parse();
    let db_path = match cli.db.or_else(|| {
        maskline_services::paths::default_data_dir()
            .map(|d| maskline_services::paths::db_path_in(&d))
    }) {
        Some(p) => p,
        None => {
            eprintln!("error: cannot find the app-data folder; pass --db PATH");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Db { command } => db::run(command, &db_path),
        Command::Account { command } => with_db(&db_path, |dbm| account::run(command, dbm)),
        Command::Bindings(command) => bind::run(command, &db_path),
        Command::Bulk { command } => with_db_exit(&db_path, |dbm| bulk::run(command, dbm)),
        Command::Cache { command } => with_db_exit(&db_path, |dbm| cache::run(command, dbm)),
        Command::Numbers { command } => with_db_exit(&db_path, |dbm| pools::run(command, dbm)),
        Command::Audit { command } => with_db_exit(&db_path, |dbm| pools::run_audit(command, dbm)),
        Command::Import(args) => import::run(args, &db_path),
        Command::Calls { command } => calls::run(command, &db_path),
        Command::Recordings { command } => recordings::run(command, &db_path),
    }
}

/// Opens the database and runs `f`, printing errors the way scripts expect (stderr, exit 1).
fn with_db(
    path: &std::path::Path,
    f: impl FnOnce(&maskline_services::DbManager) -> Result<(), maskline_services::ServiceError>,
) -> ExitCode {
    let dbm = match open_db(path) {
        Ok(dbm) => dbm,
        Err(code) => return code,
    };
    match f(&dbm) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the database and runs `f`, which reports its own errors and exit code.
fn with_db_exit(
    path: &std::path::Path,
    f: impl FnOnce(&maskline_services::DbManager) -> ExitCode,
) -> ExitCode {
    match open_db(path) {
        Ok(dbm) => f(&dbm),
        Err(code) => code,
    }
}

/// Opens the database, or explains on stderr why it cannot be used (exit 2).
fn open_db(path: &std::path::Path) -> Result<maskline_services::DbManager, ExitCode> {
    let dbm = maskline_services::DbManager::open(path);
    if let maskline_services::DbStatus::Corrupt { reason, .. } = dbm.status() {
        eprintln!(
            "error: the database {} cannot be opened ({reason}); run `maskline db check` or open the app to recover it",
            path.display()
        );
        return Err(ExitCode::from(2));
    }
    Ok(dbm)
}
