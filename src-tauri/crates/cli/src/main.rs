//! `maskline`: the command-line face of Maskline, for scripting and support.
//!
//! A thin layer over `maskline-services` (the same use cases as the desktop app).
//! Must not depend on `tauri` or contain business logic of its own.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

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

/// Set once in `main`: the command only reads, so a missing database is an error, not a new file.
static READ_ONLY: OnceLock<bool> = OnceLock::new();

impl Command {
    /// Commands that only read the local database: they must not create one.
    fn read_only(&self) -> bool {
        match self {
            Command::Calls { .. } | Command::Audit { .. } => true,
            Command::Cache { command } => matches!(command, cache::BindingsCommand::List(_)),
            Command::Numbers { command } => matches!(
                command,
                pools::NumbersCommand::List { .. }
                    | pools::NumbersCommand::Pools { .. }
                    | pools::NumbersCommand::ChooseX { .. }
            ),
            Command::Account { command } => {
                matches!(command, account::AccountCommand::List { .. })
            }
            Command::Recordings { command } => matches!(
                command,
                recordings::RecordingsCommand::List { .. }
                    | recordings::RecordingsCommand::Status { .. }
            ),
            Command::Db { .. }
            | Command::Bindings(_)
            | Command::Bulk { .. }
            | Command::Import(_) => false,
        }
    }
}

fn main() -> ExitCode {
    console::utf8_output();
    output::install_hook();
    let cli = Cli::parse();
    let db_path = match cli.db.or_else(|| {
        maskline_services::paths::default_data_dir()
            .map(|d| maskline_services::paths::db_path_in(&d))
    }) {
        Some(p) => p,
        None => {
            eprintln!(
                "{}",
                maskline_domain::text!(
                    "error: cannot find the app-data folder; pass --db PATH",
                    "错误:找不到应用数据文件夹,请用 --db PATH 指定数据库"
                )
            );
            return ExitCode::from(2);
        }
    };
    let _ = READ_ONLY.set(cli.command.read_only());
    let code = match cli.command {
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
    };
    // Output still buffered is written now, so a failure (a full disk) is reported, not lost.
    match std::io::stdout().flush() {
        Ok(()) => code,
        Err(e) => output::write_failed(&e),
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

/// Opens the database, or explains on stderr why it cannot be used (exit 2). Only a damaged
/// file gets the recovery advice; a lock, a full disk, a folder or a missing file (for a
/// command that only reads: nothing is created) are named as what they are.
fn open_db(path: &std::path::Path) -> Result<maskline_services::DbManager, ExitCode> {
    let dbm = if READ_ONLY.get().copied().unwrap_or(false) {
        maskline_services::DbManager::open_existing(path)
    } else {
        maskline_services::DbManager::open(path)
    };
    match dbm.status() {
        maskline_services::DbStatus::Corrupt { reason, .. } => {
            let p = path.display();
            eprintln!(
                "{}",
                maskline_domain::text!(
                    "error: the database {p} is damaged and cannot be opened ({reason}); run `maskline db check`, or open the app to restore the last backup or start fresh",
                    "错误:数据库 {p} 已损坏,无法打开({reason});请运行 `maskline db check`,或打开应用恢复最近的备份或重新开始"
                )
            );
            Err(ExitCode::from(2))
        }
        maskline_services::DbStatus::Unavailable { reason, .. } => {
            eprintln!("error: {reason}");
            Err(ExitCode::from(2))
        }
        maskline_services::DbStatus::Ok => {
            if let Some(w) = dbm.backup_warning() {
                eprintln!("warning: {w}");
            }
            Ok(dbm)
        }
    }
}

/// Writing the output: a reader that went away (`| head`) ends the program quietly; any
/// other failure (`> /dev/full`) is reported as an error instead of a panic.
mod output {
    use std::process::ExitCode;

    const STDOUT_FAILURE: &str = "failed printing to stdout: ";
    const STDERR_FAILURE: &str = "failed printing to stderr: ";

    /// `println!` panics when stdout cannot be written (Rust ignores SIGPIPE, so a closed
    /// pipe is an `EPIPE` write error). This hook turns exactly those panics into an exit;
    /// every other panic goes to the default hook.
    pub fn install_hook() {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("");
            if let Some(detail) = payload.strip_prefix(STDOUT_FAILURE) {
                let code = if is_broken_pipe(detail) {
                    0
                } else {
                    report(detail);
                    1
                };
                std::process::exit(code);
            }
            if payload.starts_with(STDERR_FAILURE) {
                std::process::exit(1);
            }
            default(info);
        }));
    }

    /// `detail` is an `io::Error`'s text, ending in `(os error N)`.
    fn is_broken_pipe(detail: &str) -> bool {
        detail
            .rsplit_once("(os error ")
            .and_then(|(_, n)| n.strip_suffix(')'))
            .and_then(|n| n.parse::<i32>().ok())
            .is_some_and(|n| {
                std::io::Error::from_raw_os_error(n).kind() == std::io::ErrorKind::BrokenPipe
            })
    }

    fn report(detail: &str) {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            maskline_domain::text!(
                "error: cannot write the output: {detail}",
                "错误:无法写出结果:{detail}"
            )
        );
    }

    /// A failed final flush of stdout.
    pub fn write_failed(e: &std::io::Error) -> ExitCode {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        report(&e.to_string());
        ExitCode::FAILURE
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn recognises_a_broken_pipe_only() {
            let epipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
            let raw = std::io::Error::from_raw_os_error(if cfg!(windows) { 232 } else { 32 });
            assert_eq!(raw.kind(), std::io::ErrorKind::BrokenPipe, "{epipe}");
            assert!(is_broken_pipe(&raw.to_string()));
            let full = std::io::Error::from_raw_os_error(if cfg!(windows) { 112 } else { 28 });
            assert!(!is_broken_pipe(&full.to_string()));
            assert!(!is_broken_pipe("something else"));
        }
    }
}
