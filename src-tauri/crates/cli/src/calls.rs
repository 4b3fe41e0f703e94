//! `maskline calls list|show|export`: imported calls.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Args, Subcommand, ValueEnum};
use maskline_domain::calls::{
    CallFilter, CallPageRequest, ExportFormat, ExportLanguage, ExportRequest, mask_number,
};
use maskline_domain::cdr::time::{format_time, parse_utc};
use maskline_services::calls;

#[derive(Subcommand)]
pub enum CallsCommand {
    /// List calls, newest first (times in UTC, numbers masked).
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// 0-based page.
        #[arg(long, default_value_t = 0)]
        page: u32,
        /// Calls per page, 1–1000 (0 or more than 1000 is refused, not silently changed).
        #[arg(long, default_value_t = 50)]
        page_size: u32,
        /// Print the page (and the total) as JSON, numbers unmasked.
        #[arg(long)]
        json: bool,
    },
    /// One call with its events and the explanation in both languages.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Export the filtered calls to CSV (UTF-8 with BOM) or XLSX.
    Export {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum)]
        format: FormatArg,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write real numbers instead of masked ones.
        #[arg(long)]
        unmask: bool,
        /// Minutes east of UTC for the times (480 = Beijing time).
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        utc_offset: i32,
        /// Header and label language.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    #[value(name = "zh-CN", alias = "zh")]
    Zh,
    En,
}

#[derive(Args)]
pub struct FilterArgs {
    /// Number as typed: full (`138 0013 8000`), any part (`0013`), or last digits (`8000`).
    #[arg(long, value_name = "Q")]
    number: Option<String>,
    /// From this UTC time (`2024-01-01` or `2024-01-01 08:00:00`), inclusive.
    #[arg(long, value_name = "T")]
    from: Option<String>,
    /// Until this UTC time, exclusive.
    #[arg(long, value_name = "T")]
    to: Option<String>,
    /// Only answered (true) or unanswered (false) calls.
    #[arg(long)]
    answered: Option<bool>,
    /// The private number X.
    #[arg(long, value_name = "X")]
    x: Option<String>,
}

fn time_arg(s: &str) -> Result<i64, String> {
    let full = if s.trim().len() == 10 {
        format!("{} 00:00:00", s.trim())
    } else {
        s.to_string()
    };
    parse_utc(&full)
}

impl FilterArgs {
    fn to_filter(&self) -> Result<CallFilter, String> {
        Ok(CallFilter {
            from: self
                .from
                .as_deref()
                .map(time_arg)
                .transpose()
                .map_err(|e| format!("--from: {e}"))?,
            to: self
                .to
                .as_deref()
                .map(time_arg)
                .transpose()
                .map_err(|e| format!("--to: {e}"))?,
            number: self.number.clone(),
            answered: self.answered,
            x_number: self.x.clone(),
            ..CallFilter::default()
        })
    }
}

pub fn run(cmd: CallsCommand, db_path: &Path) -> ExitCode {
    // An out-of-range page size is refused with the range (in both languages), never clamped.
    if let CallsCommand::List { page_size, .. } = &cmd
        && let Err(e) = maskline_services::paging::page_size_within(
            "--page-size",
            *page_size,
            calls::MAX_PAGE_SIZE,
        )
    {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let dbm = match crate::open_db(db_path) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let result = match cmd {
        CallsCommand::List {
            filter,
            page,
            page_size,
            json,
        } => filter
            .to_filter()
            .map_err(|e| {
                eprintln!("error: {e}");
            })
            .and_then(|f| {
                list(&dbm, f, page, page_size, json).map_err(|e| eprintln!("error: {e}"))
            }),
        CallsCommand::Show { id, json } => {
            show(&dbm, id, json).map_err(|e| eprintln!("error: {e}"))
        }
        CallsCommand::Export {
            filter,
            format,
            out,
            unmask,
            utc_offset,
            lang,
        } => filter
            .to_filter()
            .map_err(|e| eprintln!("error: {e}"))
            .and_then(|f| {
                let req = ExportRequest {
                    filter: f,
                    sort: Default::default(),
                    format: match format {
                        FormatArg::Csv => ExportFormat::Csv,
                        FormatArg::Xlsx => ExportFormat::Xlsx,
                    },
                    path: out.display().to_string(),
                    unmask,
                    utc_offset_minutes: utc_offset,
                    language: match lang {
                        LangArg::Zh => ExportLanguage::ZhCn,
                        LangArg::En => ExportLanguage::En,
                    },
                };
                let cancel = AtomicBool::new(false);
                calls::export::export(&dbm, &req, &cancel, &mut |_| {})
                    .map(|r| println!("{} rows written to {}", r.rows, r.path))
                    .map_err(|e| eprintln!("error: {e}"))
            }),
    };
    if result.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn list(
    dbm: &maskline_services::DbManager,
    filter: CallFilter,
    page: u32,
    page_size: u32,
    json: bool,
) -> Result<(), maskline_services::ServiceError> {
    let total = calls::count(dbm, &filter)?;
    let req = CallPageRequest {
        filter,
        page,
        page_size,
        ..Default::default()
    };
    let p = calls::page(dbm, &req)?;
    if json {
        println!("{}", serde_json::json!({ "total": total, "page": p }));
        return Ok(());
    }
    for r in &p.rows {
        let (_, en) = r.outcome.label();
        println!(
            "{:>8}  {} UTC  {}  →  {}  via {}  {:>5}s  {en}",
            r.id,
            format_time(r.start_time, 0),
            mask_number(&r.caller),
            mask_number(&r.callee),
            mask_number(&r.x_number),
            r.talk_seconds
        );
    }
    println!("{} of {total} calls (page {})", p.rows.len(), p.page);
    Ok(())
}

fn show(
    dbm: &maskline_services::DbManager,
    id: i64,
    json: bool,
) -> Result<(), maskline_services::ServiceError> {
    let d = calls::get(dbm, id)?;
    if json {
        println!("{}", serde_json::json!(d));
        return Ok(());
    }
    println!(
        "call {} at {} UTC, X {}",
        d.row.id,
        format_time(d.row.start_time, 0),
        mask_number(&d.row.x_number)
    );
    for e in &d.events {
        println!(
            "  {} {} {:?}",
            format_time(e.time, 0),
            e.kind.as_str(),
            e.state_code
        );
    }
    println!("{}\n{}", d.explanation.zh, d.explanation.en);
    Ok(())
}
