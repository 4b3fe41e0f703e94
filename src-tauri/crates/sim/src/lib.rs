//! `maskline-sim`: a local, faithful simulator of Huawei Cloud PrivateNumber.
//!
//! Owns the server side: signature verification written from the API reference, per-app
//! number inventory, bindings for every mode, generated calls, CDRs and recordings, and
//! fault injection. It is the test peer, the benchmark load and the demo backend.
//!
//! May use `maskline-domain` types but must never depend on `maskline-api`: a client bug
//! and a simulator bug must not be able to cancel out.
