//! `maskline-api`: the Huawei Cloud PrivateNumber REST client.
//!
//! Owns request signing (WSSE and AKSK), one module per binding mode (AXB, AX, AXE, AXYB),
//! the common operations (stop call, recording download URL), transport (TLS always
//! verified, rate limiting, safe retries) and the typed result-code errors.
//!
//! Depends on `maskline-domain` only. Must not depend on `tauri`, the store, the keyring
//! implementation or the simulator.
