//! maskline-api's integration tests, one binary mirroring `src/`: the client against a scripted
//! HTTP server (`support::scripted`) and against the simulator (`support::sim`).

#[macro_use]
mod support;

mod auth_failures;
mod ax;
mod axb;
mod axe;
mod axyb;
mod binding_failures;
mod calls;
mod client;
mod faults;
mod logs;
mod official;
mod plain_http;
mod rate_limit;
mod signing;
mod tls;
