//! The HTTP surface: the TCP listener (`server`), the router with its fault and auth
//! middlewares (`router`, `faults`), the platform handlers (`modes`, `calls`, `recordings`,
//! with request parsing in `params`) and the unsigned admin endpoints (`admin`).

mod admin;
mod calls;
mod faults;
mod modes;
mod params;
mod recordings;
pub(crate) mod router;
pub(crate) mod server;
