//! `maskline numbers import|add|list|pools|choose-x` and `maskline audit list|verify|export`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use maskline_domain::PhoneNumber;
use maskline_domain::pools::XScope;
use maskline_services::{DbManager, ServiceError, audit, numbers, pools};
use serde::Serialize;

#[derive(Subcommand)]
pub enum NumbersCommand {
    /// Import X numbers from the console's CSV/XLSX export or a `number,city,carrier,tags` sheet.
    Import {
        file: PathBuf,
        #[arg(long)]
        pool: Option<String>,
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add typed numbers.
    Add {
        numbers: Vec<String>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        pool: Option<String>,
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every number with bindings, capacity left, calls and health.
    List {
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Utilisation per city and pool, idle numbers and numbers near capacity.
    Pools {
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The least-used X without a conflict for A (and B).
    ChooseX {
        #[arg(long)]
        a: String,
        #[arg(long)]
        b: Option<String>,
        #[arg(long)]
        pool: Option<String>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Recent entries, newest first.
    List {
        #[arg(long)]
        action: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Check the hash chain (exit 1 and the first altered row when broken).
    Verify,
    /// Write the whole log to a CSV file (UTF-8 with BOM) with each row's chain links, so it
    /// can be checked outside Maskline; the last line holds the chain check. Exit 1 when the
    /// chain is broken (the file is written all the same).
    Export { out: PathBuf },
}

fn print<T: Serialize + std::fmt::Debug>(v: Result<T, ServiceError>, json: bool) -> ExitCode {
    match v {
        Ok(v) if json => {
            println!("{}", serde_json::to_value(&v).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Ok(v) => {
            println!("{v:#?}");
            ExitCode::SUCCESS
        }
        Err(e) => crate::bulk::fail(&e),
    }
}

fn phone(s: &str) -> Result<PhoneNumber, ServiceError> {
    PhoneNumber::parse(s).map_err(|e| ServiceError::Invalid {
        field: "number".into(),
        message: e.text(),
    })
}

pub fn run(cmd: NumbersCommand, dbm: &DbManager) -> ExitCode {
    match cmd {
        NumbersCommand::Import {
            file,
            pool,
            account,
            json,
        } => print(
            numbers::import_file(dbm, account.as_deref(), &file, pool.as_deref()),
            json,
        ),
        NumbersCommand::Add {
            numbers: n,
            city,
            pool,
            account,
            json,
        } => print(
            numbers::add_typed(
                dbm,
                account.as_deref(),
                &n,
                city.as_deref(),
                pool.as_deref(),
            ),
            json,
        ),
        NumbersCommand::List { account, json } => {
            print(pools::stats(dbm, account.as_deref()), json)
        }
        NumbersCommand::Pools { account, json } => {
            print(pools::overview(dbm, account.as_deref()), json)
        }
        NumbersCommand::ChooseX {
            a,
            b,
            pool,
            city,
            account,
        } => {
            let scope = match (pool, city) {
                (Some(p), _) => XScope::Pool(p),
                (None, Some(c)) => XScope::City(c),
                (None, None) => XScope::Any,
            };
            let chosen = phone(&a).and_then(|a| {
                let b = b.as_deref().map(phone).transpose()?;
                pools::choose_x(dbm, account.as_deref(), &scope, &a, b.as_ref())
            });
            match chosen {
                Ok(Some(x)) => {
                    println!("{x}");
                    ExitCode::SUCCESS
                }
                Ok(None) => {
                    eprintln!(
                        "{}",
                        maskline_domain::text!("no free X in that scope", "没有可用的 X")
                    );
                    ExitCode::FAILURE
                }
                Err(e) => crate::bulk::fail(&e),
            }
        }
    }
}

/// One line per entry, newest first: time, who, account, action, outcome, target.
fn print_audit(entries: &[maskline_domain::audit::AuditEntry]) {
    if entries.is_empty() {
        println!(
            "{}",
            maskline_domain::text!("no audit entries", "没有审计记录")
        );
        return;
    }
    for e in entries {
        let outcome = if e.ok {
            "ok".to_string()
        } else {
            format!("FAILED ({})", e.result_code)
        };
        println!(
            "#{id} {at} {who} [{account}] {action} {outcome}: {target}",
            id = e.id,
            at = e.at,
            who = e.who,
            account = e.account.as_deref().unwrap_or("-"),
            action = e.action,
            target = e.target,
        );
    }
}

pub fn run_audit(cmd: AuditCommand, dbm: &DbManager) -> ExitCode {
    match cmd {
        AuditCommand::List {
            action,
            limit,
            json,
        } => match audit::list(dbm, action.as_deref(), 1, limit) {
            Ok(entries) if json => {
                println!("{}", serde_json::to_value(&entries).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Ok(entries) => {
                print_audit(&entries);
                ExitCode::SUCCESS
            }
            Err(e @ ServiceError::Invalid { .. }) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
            Err(e) => crate::bulk::fail(&e),
        },
        AuditCommand::Verify => match audit::verify_chain(dbm) {
            Ok(c) if c.first_broken.is_none() => {
                println!("audit chain intact ({} entries)", c.rows);
                ExitCode::SUCCESS
            }
            Ok(c) => {
                println!(
                    "audit chain BROKEN at entry {} (of {} entries): it or the one before it was altered or removed outside Maskline; keep a copy of the database",
                    c.first_broken.unwrap_or_default(),
                    c.rows
                );
                ExitCode::FAILURE
            }
            Err(e) => crate::bulk::fail(&e),
        },
        AuditCommand::Export { out } => match audit::export(dbm, &out) {
            Ok(r) => {
                println!("{} entries written to {}", r.rows, out.display());
                match r.check.first_broken {
                    None => {
                        println!("audit chain intact");
                        ExitCode::SUCCESS
                    }
                    Some(id) => {
                        println!(
                            "audit chain BROKEN at entry {id}: it or the one before it was altered or removed outside Maskline (the file's last line says so too)"
                        );
                        ExitCode::FAILURE
                    }
                }
            }
            Err(e) => crate::bulk::fail(&e),
        },
    }
}
