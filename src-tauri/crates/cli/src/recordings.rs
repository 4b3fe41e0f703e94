//! `maskline recordings fetch|list|status`: the recordings of imported calls, kept in the
//! `recordings/` folder beside the database (the app's cache).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Subcommand;
use maskline_domain::calls::mask_number;
use maskline_domain::cdr::time::{format_time, parse_utc};
use maskline_domain::recordings::{
    FetchRequest, RecordingFilter, RecordingPageRequest, RecordingState, RecordingStatus,
};
use maskline_secrets::SecretStore;
use maskline_services::recordings::{self, FetchContext};

#[derive(Subcommand)]
pub enum RecordingsCommand {
    /// Download every recording not fetched yet that the platform still keeps (soonest
    /// deletion first). Progress on stderr; Ctrl-C stops cleanly and a later run resumes.
    Fetch {
        /// Only calls that started at or after this UTC time (`YYYY-MM-DD[ HH:MM:SS]`).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Recorded calls with their recording state, newest first (numbers masked).
    List {
        /// waiting, fetching, fetched, failed, expired or evicted.
        #[arg(long, value_name = "S")]
        state: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        /// JSON, numbers unmasked.
        #[arg(long)]
        json: bool,
    },
    /// The recording state of one call.
    Status {
        call_id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DD HH:MM:SS` (UTC).
fn time_arg(s: &str) -> Result<i64, String> {
    let s = s.trim();
    if s.len() == 10 {
        parse_utc(&format!("{s} 00:00:00"))
    } else {
        parse_utc(s)
    }
}

fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::FAILURE
}

fn describe(s: &RecordingStatus) -> String {
    let state = s.state.as_str();
    let extra = match s.state {
        RecordingState::Fetched => s.file_name.clone().unwrap_or_default(),
        RecordingState::Failed => format!(
            "{}: {}",
            s.error_kind.as_deref().unwrap_or(""),
            s.error
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        RecordingState::NotRecorded => format!("{:?}", s.not_recorded),
        _ => s
            .platform_deletes_at
            .map(|t| format!("platform deletes it at {} UTC", format_time(t, 0)))
            .unwrap_or_default(),
    };
    format!("{state} {extra}").trim_end().to_string()
}

pub fn run(command: RecordingsCommand, db_path: &Path) -> ExitCode {
    let dbm = match crate::open_db(db_path) {
        Ok(d) => Arc::new(d),
        Err(code) => return code,
    };
    let data_dir = db_path.parent().unwrap_or(Path::new("."));
    let dir = recordings::dir_in(data_dir);
    match command {
        RecordingsCommand::Fetch { since, json } => {
            let since = match since.as_deref().map(time_arg).transpose() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: --since: {e}");
                    return ExitCode::from(2);
                }
            };
            let secrets: Arc<dyn SecretStore> = Arc::new(maskline_services::paths::keyring_store());
            let ctx = FetchContext {
                db: dbm.clone(),
                secrets,
                dir,
            };
            fetch(&ctx, since, json)
        }
        RecordingsCommand::List { state, limit, json } => {
            let states = match state.as_deref() {
                None => vec![],
                Some(s) => match RecordingState::parse(s) {
                    Some(st) => vec![st],
                    None => {
                        eprintln!(
                            "{}",
                            maskline_domain::text!(
                                "error: --state: unknown state {s:?} (waiting, fetching, fetched, failed, expired, evicted)",
                                "错误:--state:未知状态 {s:?}(可用 waiting、fetching、fetched、failed、expired、evicted)"
                            )
                        );
                        return ExitCode::from(2);
                    }
                },
            };
            let limit = match maskline_services::paging::page_size("--limit", limit) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let req = RecordingPageRequest {
                filter: RecordingFilter {
                    states,
                    ..Default::default()
                },
                page: 0,
                page_size: limit,
            };
            let page = match recordings::page(&dbm, &req, now()) {
                Ok(p) => p,
                Err(e) => return fail(e),
            };
            if json {
                println!("{}", serde_json::to_string(&page).unwrap_or_default());
            } else {
                for r in &page.rows {
                    println!(
                        "{} {} {} → {} {}s {}",
                        r.call_id,
                        format_time(r.start_time, 0),
                        mask_number(&r.caller),
                        mask_number(&r.callee),
                        r.talk_seconds,
                        describe(&r.status)
                    );
                }
                println!("{} of {} recorded calls", page.rows.len(), page.total);
            }
            ExitCode::SUCCESS
        }
        RecordingsCommand::Status { call_id, json } => {
            match recordings::status(&dbm, call_id, now()) {
                Ok(s) if json => println!("{}", serde_json::to_string(&s).unwrap_or_default()),
                Ok(s) => println!("{call_id}: {}", describe(&s)),
                Err(e) => return fail(e),
            }
            ExitCode::SUCCESS
        }
    }
}

fn fetch(ctx: &FetchContext, since: Option<i64>, json: bool) -> ExitCode {
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(e),
    };
    // A previous run that was killed left rows in `fetching`.
    if let Err(e) = recordings::reset_interrupted(&ctx.db) {
        return fail(e);
    }
    let cancel = Arc::new(AtomicBool::new(false));
    let report = rt.block_on(async {
        let c = cancel.clone();
        let ctrl_c = tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                eprintln!("\ncancelling: downloads in flight stop, a later run resumes them…");
                c.store(true, Ordering::Relaxed);
            }
        });
        let req = FetchRequest {
            call_ids: vec![],
            since,
        };
        let r = recordings::fetch(ctx, &req, cancel.clone(), |p| {
            eprint!(
                "\r{}/{} fetched, {} failed, {} expired, {:.1} MB   ",
                p.fetched,
                p.total,
                p.failed,
                p.expired,
                p.bytes as f64 / 1e6
            );
        })
        .await;
        ctrl_c.abort();
        eprintln!();
        r
    });
    match report {
        Ok(r) => {
            if json {
                println!("{}", serde_json::to_string(&r).unwrap_or_default());
            } else {
                println!(
                    "{} recordings: {} fetched ({:.1} MB), {} failed, {} expired on the platform, {} evicted{}",
                    r.total,
                    r.fetched,
                    r.bytes as f64 / 1e6,
                    r.failed,
                    r.expired,
                    r.evicted,
                    if r.cancelled { " — cancelled" } else { "" }
                );
            }
            if r.failed > 0 || r.cancelled {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => fail(e),
    }
}
