//! `maskline-sim` binary: `serve` runs the simulator, `gen-cdrs` writes benchmark CDRs.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use maskline_sim::{FaultKind, FaultRule, SimConfig, Simulator, config};

#[derive(Parser)]
#[command(
    name = "maskline-sim",
    version,
    about = "Local Huawei Cloud PrivateNumber simulator"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the PrivateNumber API on 127.0.0.1.
    Serve(Serve),
    /// Write N CDRs as JSON Lines (`{"eventType":"fee","feeLst":[…≤50…]}` per line).
    GenCdrs {
        #[arg(long)]
        count: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (`-` = standard output).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
struct Serve {
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(long, default_value_t = 8443)]
    port: u16,
    #[arg(long)]
    seed: Option<u64>,
    /// Keep bindings and recordings metadata here across restarts.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Simulated seconds per real second (expiry, retention, retries, locks).
    #[arg(long)]
    time_factor: Option<f64>,
    /// An app as KEY:SECRET:MODE (repeatable); MODE is AXB, AX, AXE or AXYB.
    #[arg(long = "app")]
    apps: Vec<String>,
    /// TOML or JSON file with the same fields as `SimConfig`.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Auth failures from one IP before the 30-minute lock (1020176).
    #[arg(long)]
    lock_threshold: Option<u32>,
    /// Generate calls for every app with bindings every this many simulated seconds.
    #[arg(long)]
    call_period: Option<u64>,
    /// Probability (0–1) of answering HTTP 500.
    #[arg(long)]
    fault_5xx: Option<f64>,
    /// Probability (0–1) of resetting the connection.
    #[arg(long)]
    fault_reset: Option<f64>,
    /// Probability (0–1) of a flow-control (1010010) answer.
    #[arg(long)]
    fault_flow_control: Option<f64>,
    /// Latency added to every request, in milliseconds.
    #[arg(long)]
    latency_ms: Option<u64>,
    /// Probability (0–1) of a slow, chunked body.
    #[arg(long)]
    fault_slow_body: Option<f64>,
}

fn build_config(a: Serve) -> Result<SimConfig, config::ConfigError> {
    let mut cfg = match &a.config {
        Some(path) => SimConfig::from_file(path)?,
        None => SimConfig::default(),
    };
    cfg.port = a.port;
    if let Some(s) = a.seed {
        cfg.seed = s;
    }
    if a.data_dir.is_some() {
        cfg.data_dir = a.data_dir;
    }
    if let Some(f) = a.time_factor {
        cfg.time_factor = f;
    }
    for flag in &a.apps {
        cfg.apps.push(config::parse_app_flag(flag)?);
    }
    if let Some(t) = a.lock_threshold {
        cfg.auth.lock_threshold = t;
    }
    if a.call_period.is_some() {
        cfg.call_period_secs = a.call_period;
    }
    let prob = |kind, p: Option<f64>| {
        p.map(|p| FaultRule {
            probability: Some(p),
            ..FaultRule::new(kind)
        })
    };
    cfg.faults.extend(prob(FaultKind::Http5xx, a.fault_5xx));
    cfg.faults.extend(prob(FaultKind::Reset, a.fault_reset));
    cfg.faults
        .extend(prob(FaultKind::FlowControl, a.fault_flow_control));
    cfg.faults
        .extend(prob(FaultKind::SlowBody, a.fault_slow_body));
    if let Some(ms) = a.latency_ms {
        cfg.faults.push(FaultRule {
            latency_ms: Some(ms),
            ..FaultRule::new(FaultKind::Latency)
        });
    }
    Ok(cfg)
}

async fn serve(a: Serve) -> Result<(), String> {
    let cfg = build_config(a).map_err(|e| e.to_string())?;
    let sim = Simulator::start(cfg).await.map_err(|e| e.to_string())?;
    for app in sim.apps() {
        let first: Vec<&str> = app
            .numbers
            .iter()
            .take(3)
            .map(|n| n.number.as_str())
            .collect();
        println!(
            "app {} mode {:?} numbers {} ({}, …)",
            app.key,
            app.mode,
            app.numbers.len(),
            first.join(", ")
        );
    }
    println!("listening on {}", sim.base_url());
    tokio::signal::ctrl_c().await.map_err(|e| e.to_string())?;
    sim.shutdown().await;
    Ok(())
}

fn gen_cdrs(count: u64, seed: u64, out: PathBuf) -> Result<(), String> {
    let started = std::time::Instant::now();
    let lines = if out.as_os_str() == "-" {
        maskline_sim::cdrgen::write_cdrs(std::io::stdout().lock(), count, seed)
    } else {
        let f = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        maskline_sim::cdrgen::write_cdrs(f, count, seed)
    }
    .map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {count} CDRs in {lines} lines in {:.2?}",
        started.elapsed()
    );
    Ok(())
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::GenCdrs { count, seed, out } => gen_cdrs(count, seed, out),
        Command::Serve(a) => match tokio::runtime::Runtime::new() {
            Ok(rt) => rt.block_on(serve(a)),
            Err(e) => Err(e.to_string()),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("maskline-sim: {e}");
            ExitCode::FAILURE
        }
    }
}
