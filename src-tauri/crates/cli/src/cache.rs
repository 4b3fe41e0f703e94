//! `maskline bindings sync|list`: the local bindings cache (`maskline_services::bindings_cache`).

use std::process::ExitCode;

use clap::{Args, Subcommand};
use maskline_domain::bindings::{BindingFilter, BindingSort, BindingStatus};
use maskline_services::bindings::Session;
use maskline_services::{DbManager, bindings_cache, paths};

#[derive(Subcommand)]
pub enum BindingsCommand {
    /// Query the platform for every X of the account and update the local cache.
    Sync {
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List cached bindings (filters combine).
    List(ListArgs),
}

#[derive(Args)]
pub struct ListArgs {
    #[arg(long, value_name = "NAME")]
    account: Option<String>,
    /// Any part of A, B, X or Y.
    #[arg(long)]
    number: Option<String>,
    #[arg(long)]
    x: Option<String>,
    /// active, expired or unbound.
    #[arg(long)]
    status: Option<String>,
    /// Active bindings expiring within this many days.
    #[arg(long, value_name = "DAYS")]
    expiring: Option<u32>,
    /// Area code of X.
    #[arg(long)]
    city: Option<String>,
    /// bound-at (default), expires-at, x, a, city, status.
    #[arg(long, default_value = "bound-at")]
    sort: String,
    #[arg(long)]
    desc: bool,
    #[arg(long, default_value_t = 1)]
    page: u32,
    #[arg(long, default_value_t = 50)]
    page_size: u32,
    #[arg(long)]
    json: bool,
}

pub fn run(cmd: BindingsCommand, dbm: &DbManager) -> ExitCode {
    match cmd {
        BindingsCommand::Sync { account, json } => {
            let session = match Session::open(dbm, &paths::keyring_store(), account.as_deref()) {
                Ok(s) => s,
                Err(e) => return crate::bulk::fail(&e),
            };
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match rt.block_on(bindings_cache::sync(&session)) {
                Ok(r) if json => {
                    println!("{}", serde_json::to_value(&r).unwrap_or_default());
                    ExitCode::SUCCESS
                }
                Ok(r) => {
                    println!(
                        "synced at {}: {} numbers queried, {} bindings on the platform ({} new), {} gone",
                        r.synced_at, r.numbers_queried, r.seen, r.added, r.removed
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => crate::bulk::fail(&e),
            }
        }
        BindingsCommand::List(a) => list(a, dbm),
    }
}

fn list(a: ListArgs, dbm: &DbManager) -> ExitCode {
    if let Err(e) = maskline_services::paging::page_size("--page-size", a.page_size)
        .and_then(|_| maskline_services::paging::page("--page", a.page))
    {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let status = match a.status.as_deref().map(BindingStatus::parse) {
        Some(None) => {
            eprintln!(
                "{}",
                maskline_domain::text!(
                    "error: --status must be active, expired or unbound",
                    "错误:--status 只能是 active、expired 或 unbound"
                )
            );
            return ExitCode::from(2);
        }
        Some(s) => s,
        None => None,
    };
    let sort = match a.sort.as_str() {
        "bound-at" => BindingSort::BoundAt,
        "expires-at" => BindingSort::ExpiresAt,
        "x" => BindingSort::X,
        "a" => BindingSort::A,
        "city" => BindingSort::City,
        "status" => BindingSort::Status,
        other => {
            eprintln!(
                "{}",
                maskline_domain::text!(
                    "error: --sort {other:?} is not one of bound-at, expires-at, x, a, city, status",
                    "错误:--sort {other:?} 不是 bound-at、expires-at、x、a、city、status 之一"
                )
            );
            return ExitCode::from(2);
        }
    };
    let f = BindingFilter {
        number: a.number,
        x: a.x,
        status,
        expiring_within_days: a.expiring,
        city: a.city,
        sort,
        descending: a.desc,
        page: a.page,
        page_size: a.page_size,
    };
    match bindings_cache::list(dbm, a.account.as_deref(), &f) {
        Ok(p) if a.json => {
            println!("{}", serde_json::to_value(&p).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Ok(p) => {
            println!(
                "{} binding(s), page {} ({} per page); last synced {}",
                p.total,
                p.page,
                p.page_size,
                p.last_synced_at.as_deref().unwrap_or("never")
            );
            for b in p.items {
                let m = |n: &Option<String>| {
                    n.as_deref()
                        .map(maskline_services::audit::mask)
                        .unwrap_or_else(|| "-".into())
                };
                println!(
                    "  {} {:?} A={} B={} X={} expires={} city={}",
                    b.subscription_id,
                    b.status,
                    m(&b.a),
                    m(&b.b),
                    b.x.as_deref().unwrap_or("-"),
                    b.expires_at.as_deref().unwrap_or("never"),
                    b.city.as_deref().unwrap_or("-")
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => crate::bulk::fail(&e),
    }
}
