//! `maskline account …`: platform accounts. Secrets are prompted without echo or read
//! from standard input (`--secret-stdin`); never from argv or the environment.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use maskline_domain::{AuthScheme, Mode, text};
use maskline_secrets::Sensitive;
use maskline_services::accounts::{self, AccountView, NewAccount};
use maskline_services::{DbManager, ServiceError, paths};

#[derive(Subcommand)]
pub enum AccountCommand {
    /// Add an account; the app key and secret are stored in the OS keyring only.
    Add(AddArgs),
    /// List accounts (never shows secrets).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove an account and its keyring entries.
    Remove { name: String },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ModeArg {
    #[value(name = "axb", alias = "AXB")]
    Axb,
    #[value(name = "ax", alias = "AX")]
    Ax,
    #[value(name = "axe", alias = "AXE")]
    Axe,
    #[value(name = "axyb", alias = "AXYB")]
    Axyb,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Axb => Mode::Axb,
            ModeArg::Ax => Mode::Ax,
            ModeArg::Axe => Mode::Axe,
            ModeArg::Axyb => Mode::Axyb,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum AuthArg {
    Aksk,
    Wsse,
}

#[derive(Args)]
pub struct AddArgs {
    /// A name for the account, e.g. "Shenzhen production".
    name: String,
    /// The binding mode of the platform app.
    #[arg(long, value_enum)]
    mode: ModeArg,
    /// Authentication scheme.
    #[arg(long, value_enum, default_value = "aksk")]
    auth: AuthArg,
    /// The app's access address (APP接入地址).
    #[arg(long, default_value = accounts::DEFAULT_BASE_URL)]
    base_url: String,
    /// The app key (APP_Key).
    #[arg(long)]
    app_key: String,
    /// A PEM file with an extra CA certificate to trust (added to the system roots).
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<PathBuf>,
    /// Requests per second allowed for this account.
    #[arg(long, default_value_t = 10)]
    rate_limit: u32,
    /// Read the app secret from the first line of standard input instead of prompting.
    #[arg(long)]
    secret_stdin: bool,
}

pub fn run(cmd: AccountCommand, dbm: &DbManager) -> Result<(), ServiceError> {
    let secrets = paths::keyring_store();
    match cmd {
        AccountCommand::Add(a) => {
            let app_secret = read_secret(a.secret_stdin)?;
            let ca_cert_pem = match &a.ca_cert {
                Some(p) => Some(
                    std::fs::read_to_string(p).map_err(|e| ServiceError::Invalid {
                        field: "ca-cert".into(),
                        message: {
                            let p = p.display();
                            text!("cannot read {p}: {e}", "无法读取 {p}:{e}")
                        },
                    })?,
                ),
                None => None,
            };
            let new = NewAccount {
                name: a.name,
                mode: a.mode.into(),
                auth: match a.auth {
                    AuthArg::Aksk => AuthScheme::Aksk,
                    AuthArg::Wsse => AuthScheme::Wsse,
                },
                base_url: a.base_url,
                ca_cert_pem,
                rate_limit: a.rate_limit,
                app_key: a.app_key,
                app_secret,
            };
            let v = accounts::add(dbm, &secrets, new)?;
            println!(
                "added account {:?} ({}, {}); secret saved in the OS keyring",
                v.name, v.mode, v.auth
            );
        }
        AccountCommand::List { json } => {
            let list = accounts::list(dbm, &secrets)?;
            if json {
                let items: Vec<_> = list.iter().map(to_json).collect();
                println!("{}", serde_json::Value::Array(items));
            } else if list.is_empty() {
                println!(
                    "no accounts yet: add one with `maskline account add NAME --mode axb --app-key KEY`"
                );
            } else {
                for v in &list {
                    println!(
                        "{} {:<24} {:<5} {:<5} {}  secret: {}",
                        if v.is_active { "*" } else { " " },
                        v.name,
                        v.mode.as_str(),
                        v.auth.as_str(),
                        v.base_url,
                        if v.secret_saved { "saved" } else { "MISSING" }
                    );
                }
            }
        }
        AccountCommand::Remove { name } => {
            accounts::remove(dbm, &secrets, &name)?;
            println!("removed account {name:?} and its keyring entries");
        }
    }
    Ok(())
}

fn to_json(v: &AccountView) -> serde_json::Value {
    serde_json::json!({
        "id": v.id,
        "name": v.name,
        "mode": v.mode.as_str(),
        "auth": v.auth.as_str(),
        "baseUrl": v.base_url,
        "hasCustomCa": v.has_custom_ca,
        "rateLimit": v.rate_limit,
        "active": v.is_active,
        "createdAt": v.created_at,
        "appKey": v.app_key,
        "secretSaved": v.secret_saved,
    })
}

fn read_secret(from_stdin: bool) -> Result<Sensitive<String>, ServiceError> {
    let io_err = |e: std::io::Error| ServiceError::Invalid {
        field: "secret".into(),
        message: text!("cannot read the app secret: {e}", "无法读取 App Secret:{e}"),
    };
    let secret = if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(io_err)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else if std::io::stdin().is_terminal() {
        rpassword::prompt_password("App secret (not shown): ").map_err(io_err)?
    } else {
        return Err(ServiceError::Invalid {
            field: "secret".into(),
            message: text!(
                "no terminal to prompt on: pass --secret-stdin and pipe the secret in",
                "没有可用于输入的终端:请加 --secret-stdin 并通过管道传入 App Secret"
            ),
        });
    };
    if secret.is_empty() {
        return Err(ServiceError::Invalid {
            field: "secret".into(),
            message: text!("the app secret is empty", "App Secret 不能为空"),
        });
    }
    Ok(Sensitive::new(secret))
}
