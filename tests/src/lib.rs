//! `maskline-tests`: cross-crate integration tests (in `tests/tests/`), the real-window
//! E2E suite (in `tests/e2e/`) and `gen-ts`, the TypeScript binding generator.
//!
//! Test-only: nothing in the product depends on this crate.
