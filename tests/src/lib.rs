//! `maskline-tests`: cross-crate integration tests (in `tests/tests/`) and the real-window
//! E2E suite (in `tests/e2e/`). The TypeScript binding generator is `xtask gen-ts`.
//!
//! Test-only: nothing in the product depends on this crate.
