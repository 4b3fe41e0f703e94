//! `maskline-receiver check [--config F]` and `maskline-receiver run [--config F]`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use maskline_receiver::config::{self, Problem};
use maskline_receiver::{Receiver, check};

#[derive(Parser)]
#[command(
    name = "maskline-receiver",
    version,
    about = "Receives PrivateNumber's call-event and CDR pushes into the Maskline database"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the configuration and say what is wrong
    Check {
        /// Configuration file (default: receiver.toml in Maskline's app-data folder)
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Run the receiver until stopped (Ctrl+C, SIGTERM, service stop)
    Run {
        /// Configuration file (default: receiver.toml in Maskline's app-data folder)
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

fn print_problems(problems: &[Problem]) {
    for p in problems {
        eprintln!("problem: {}", p.en);
        eprintln!("问题:{}", p.zh);
    }
}

fn config_path(given: Option<PathBuf>) -> Result<PathBuf, Problem> {
    given.or_else(config::default_config_path).ok_or_else(|| {
        Problem::new(
            "cannot find the app-data folder; pass --config FILE",
            "找不到应用数据文件夹;请用 --config FILE 指定配置文件",
        )
    })
}

fn load(given: Option<PathBuf>) -> Result<(PathBuf, config::Config), Problem> {
    let path = config_path(given)?;
    let c = config::load(&path)?;
    Ok((path, c))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { config } => {
            let (path, c) = match load(config) {
                Ok(x) => x,
                Err(p) => {
                    print_problems(&[p]);
                    return ExitCode::from(2);
                }
            };
            let problems = check(&c);
            if problems.is_empty() {
                let scheme = if c.tls.is_some() { "https" } else { "http" };
                println!(
                    "{} is usable: {} app(s); set the app's call status URL to {scheme}://<this host>{} and its CDR URL to {scheme}://<this host>{}",
                    path.display(),
                    c.apps.len(),
                    c.paths.events,
                    c.paths.cdr
                );
                println!(
                    "{} 可以使用:{} 个应用;请把应用的呼叫状态接收地址设为 {scheme}://<本机地址>{},呼叫话单接收地址设为 {scheme}://<本机地址>{}",
                    path.display(),
                    c.apps.len(),
                    c.paths.events,
                    c.paths.cdr
                );
                ExitCode::SUCCESS
            } else {
                print_problems(&problems);
                let (n, file) = (problems.len(), path.display());
                eprintln!(
                    "{}",
                    maskline_domain::text!("{n} problem(s) in {file}", "{file} 中有 {n} 个问题")
                );
                ExitCode::from(1)
            }
        }
        Command::Run { config } => {
            tracing_subscriber::fmt()
                .with_env_filter(
                    tracing_subscriber::EnvFilter::try_from_default_env()
                        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
                )
                .with_writer(std::io::stderr)
                .init();
            let (_, c) = match load(config) {
                Ok(x) => x,
                Err(p) => {
                    print_problems(&[p]);
                    return ExitCode::from(2);
                }
            };
            let rt = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!(
                        "{}",
                        maskline_domain::text!(
                            "error: cannot start the runtime: {e}",
                            "错误:无法启动运行时:{e}"
                        )
                    );
                    return ExitCode::from(1);
                }
            };
            rt.block_on(async move {
                let handle = match Receiver::start(c).await {
                    Ok(h) => h,
                    Err(e) => {
                        print_problems(&e.0);
                        return ExitCode::from(1);
                    }
                };
                let (ev, cdr) = handle.urls();
                eprintln!(
                    "{}",
                    maskline_domain::text!(
                        "call events: {ev}  CDRs: {cdr}",
                        "呼叫事件:{ev}  话单:{cdr}"
                    )
                );
                wait_for_stop().await;
                tracing::info!("stopping");
                handle.shutdown().await;
                ExitCode::SUCCESS
            })
        }
    }
}

/// Ctrl+C everywhere (also what a Windows service wrapper sends), SIGTERM on Unix.
async fn wait_for_stop() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
