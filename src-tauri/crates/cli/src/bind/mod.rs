//! `maskline bind|modify|unbind|query <mode> …`, `maskline ax temp-callee`, `maskline call
//! stop` and `maskline recording url`: thin wrappers over `maskline_services::bindings`.
//!
//! Human output masks the parties' numbers (X and Y, the app's own, stay visible); `--json`
//! prints one JSON object with the full numbers, for scripts. Errors go to stderr (platform errors with their result code, meaning and
//! suggested action in English and Chinese); exit code 1, or 2 when the arguments were refused
//! before anything was sent.

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maskline_services::bindings::Session;
use maskline_services::{ServiceError, paths};
use serde_json::{Value, json};

mod args;
mod ax;
mod axb;
mod axe;
mod axyb;
mod output;

use output::Report;

/// Options of every binding command.
#[derive(Args)]
pub struct Common {
    /// The account to use (default: the active account).
    #[arg(long, global = true, value_name = "NAME")]
    account: Option<String>,
    /// Print one JSON object with full phone numbers (for scripts). The default output masks
    /// A's and B's numbers (+86 138****8000); private numbers X/Y are always shown in full.
    #[arg(long, global = true)]
    json: bool,
}

const EXIT_CODES: &str = "Phone numbers are accepted as 138…, +86138…, 0086…, 0755… (fixed lines).\n\
Exit codes: 0 done; 1 the platform or the connection failed (code, meaning and what to do on \
stderr); 2 invalid arguments or an account of another mode.";

#[derive(Subcommand)]
pub enum Commands {
    /// Create a binding.
    #[command(after_help = EXIT_CODES)]
    Bind {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        mode: BindMode,
    },
    /// Change a binding; options not given stay as they are. (AXYB has no modify.)
    #[command(after_help = EXIT_CODES)]
    Modify {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        mode: ModifyMode,
    },
    /// Remove a binding.
    #[command(after_help = EXIT_CODES)]
    Unbind {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        mode: UnbindMode,
    },
    /// Look bindings up on the platform.
    #[command(after_help = EXIT_CODES)]
    Query {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        mode: QueryMode,
    },
    /// AX-only operations: `maskline ax temp-callee …`.
    #[command(after_help = EXIT_CODES)]
    Ax {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        command: ax::AxCommand,
    },
    /// Calls in progress: `maskline call stop SESSION_ID`.
    Call {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        command: CallCommand,
    },
    /// Recordings: `maskline recording url --file NAME --domain DOMAIN`.
    Recording {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        command: RecordingCommand,
    },
}

#[derive(Subcommand)]
pub enum BindMode {
    /// A and B talk through a shared X.
    Axb(axb::BindArgs),
    /// X belongs to A.
    Ax(ax::BindArgs),
    /// A is reached as X plus an extension.
    Axe(axe::BindArgs),
    /// A↔X and B↔Y (both steps, or one).
    Axyb(axyb::BindArgs),
}

#[derive(Subcommand)]
pub enum ModifyMode {
    Axb(axb::ModifyArgs),
    Ax(ax::ModifyArgs),
    Axe(axe::ModifyArgs),
}

#[derive(Subcommand)]
pub enum UnbindMode {
    /// By subscription id, or every binding on an X.
    Axb(axb::UnbindArgs),
    Ax(ax::Key),
    Axe(axe::Key),
    /// The whole relation, or only its B↔Y part.
    Axyb(axyb::UnbindArgs),
}

#[derive(Subcommand)]
pub enum QueryMode {
    /// By subscription id, or a page of the bindings on an X.
    Axb(axb::QueryArgs),
    Ax(ax::QueryArgs),
    Axe(axe::Key),
    Axyb(axyb::QueryArgs),
}

#[derive(Subcommand)]
pub enum CallCommand {
    /// End a call in progress (any mode).
    Stop {
        /// The sessionId from the call event or CDR.
        session_id: String,
    },
}

#[derive(Subcommand)]
pub enum RecordingCommand {
    /// Print a recording's time-limited download link (it needs no credentials).
    Url {
        /// recordObjectName from the CDR.
        #[arg(long)]
        file: String,
        /// recordDomain from the CDR.
        #[arg(long)]
        domain: String,
    },
}

/// Opens the database and the account, then runs the command on a current-thread runtime.
pub fn run(cmd: Commands, db_path: &Path) -> ExitCode {
    let common = match &cmd {
        Commands::Bind { common, .. }
        | Commands::Modify { common, .. }
        | Commands::Unbind { common, .. }
        | Commands::Query { common, .. }
        | Commands::Ax { common, .. }
        | Commands::Call { common, .. }
        | Commands::Recording { common, .. } => common,
    };
    let json = common.json;
    let dbm = match crate::open_db(db_path) {
        Ok(dbm) => dbm,
        Err(code) => return code,
    };
    let session = match Session::open(&dbm, &paths::keyring_store(), common.account.as_deref()) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(dispatch(&session, cmd)) {
        Ok(report) => {
            report.print(json);
            ExitCode::SUCCESS
        }
        Err(e) => output::fail(&e),
    }
}

async fn dispatch(s: &Session, cmd: Commands) -> Result<Report, ServiceError> {
    match cmd {
        Commands::Bind { mode, .. } => match mode {
            BindMode::Axb(a) => axb::bind(s, a).await,
            BindMode::Ax(a) => ax::bind(s, a).await,
            BindMode::Axe(a) => axe::bind(s, a).await,
            BindMode::Axyb(a) => axyb::bind(s, a).await,
        },
        Commands::Modify { mode, .. } => match mode {
            ModifyMode::Axb(a) => axb::modify(s, a).await,
            ModifyMode::Ax(a) => ax::modify(s, a).await,
            ModifyMode::Axe(a) => axe::modify(s, a).await,
        },
        Commands::Unbind { mode, .. } => match mode {
            UnbindMode::Axb(a) => axb::unbind(s, a).await,
            UnbindMode::Ax(k) => ax::unbind(s, k).await,
            UnbindMode::Axe(k) => axe::unbind(s, k).await,
            UnbindMode::Axyb(a) => axyb::unbind(s, a).await,
        },
        Commands::Query { mode, .. } => match mode {
            QueryMode::Axb(a) => axb::query(s, a).await,
            QueryMode::Ax(a) => ax::query(s, a).await,
            QueryMode::Axe(k) => axe::query(s, k).await,
            QueryMode::Axyb(a) => axyb::query(s, a).await,
        },
        Commands::Ax {
            command: ax::AxCommand::TempCallee(a),
            ..
        } => ax::temp_callee(s, a).await,
        Commands::Call {
            command: CallCommand::Stop { session_id },
            ..
        } => {
            s.stop_call(&session_id).await?;
            Ok(done("call stopped", json!({"sessionId": session_id})))
        }
        Commands::Recording {
            command: RecordingCommand::Url { file, domain },
            ..
        } => {
            let link = s.recording_url(&file, &domain).await?;
            let expires = link
                .expires_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            Ok(Report::new(
                format!("download link (valid until {expires}):"),
                json!({"url": link.url.as_str(), "expiresAt": expires}),
            ))
        }
    }
}

/// A change that returns nothing but success: `{"ok": true, …what}`.
fn done(verb: &str, mut what: Value) -> Report {
    what["ok"] = true.into();
    Report::new(verb, what)
}

/// Query results: `{"count": N, "bindings": […]}`.
fn listed(bindings: Vec<Value>) -> Report {
    Report::new(
        format!("{} binding(s) found", bindings.len()),
        json!({"count": bindings.len(), "bindings": bindings}),
    )
}
