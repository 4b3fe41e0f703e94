//! maskline-domain's integration tests, one binary mirroring `src/` (public API only; tests of
//! private items are `#[cfg(test)] mod tests` of their module).

mod cdr {
    mod official_notifications;
    mod parse;
}
