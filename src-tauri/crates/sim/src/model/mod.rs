//! The simulator's data: configuration (apps, X numbers, auth policy), bindings of every mode,
//! calls, recordings metadata, the notification outbox, auth bookkeeping, fault rules, the
//! simulated clock and call outcomes. Plain types with the rules that concern them alone;
//! nothing here reads the shared state (`crate::state`) or serves HTTP (`crate::http`).

pub(crate) mod areas;
pub(crate) mod auth;
pub(crate) mod ax;
pub(crate) mod axb;
pub(crate) mod axe;
pub(crate) mod axyb;
pub(crate) mod calls;
pub(crate) mod clock;
pub mod config;
pub(crate) mod delivery;
pub(crate) mod faults;
pub(crate) mod outcomes;
pub(crate) mod recordings;
