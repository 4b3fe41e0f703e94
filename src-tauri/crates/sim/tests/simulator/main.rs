//! Integration tests: the simulator driven over HTTP with reqwest, signed by code written
//! here (independent of the simulator's verifier and of `maskline-api`).

mod common;

mod auth;
mod ax;
mod axb;
mod axe;
mod axyb;
mod binary;
mod calls;
mod faults;
mod layout;
mod official;
mod python;
mod recordings;
