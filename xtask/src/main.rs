//! Developer tasks, run with `cargo run -p xtask -- <task>`. Not part of the app: the Tauri
//! bundler ships every binary of the app's package, so tools live in this crate of their own.
//!
//! - `gen-ts [OUT_DIR]`: writes `ui/src/ipc/bindings/*.ts` (the ts-rs types and the `Command`
//!   union of registered command names). CI runs it and fails on any diff.

mod commands;
mod gen_ts;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo run -p xtask -- gen-ts [OUT_DIR]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let result = match args.next().as_deref() {
        Some("gen-ts") => gen_ts::run(args.next().map(PathBuf::from)),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
