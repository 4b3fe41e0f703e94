//! `maskline-api`: the Huawei Cloud PrivateNumber REST client.
//!
//! Owns request signing ([`sign`]: WSSE and AKSK, pure and known-answer tested), one module per
//! binding mode ([`axb`], [`ax`], [`axe`], [`axyb`]), the common operations ([`common`]: stop
//! call, recording download link), transport ([`Client`]: TLS always verified, plain http only
//! to loopback, a shared token-bucket rate limit, retries only where safe, redirects never
//! followed) and the typed errors ([`ApiError`], [`ResultCode`] with bilingual explanations).
//!
//! Wire DTOs are private; callers build typed requests (validated before sending, phone numbers
//! as [`maskline_domain::PhoneNumber`]) and get typed answers. Logs never contain the signature
//! headers or whole phone numbers ([`redact`]).
//!
//! Depends on `maskline-domain` and on `maskline-secrets` for `Sensitive` only (without its
//! keyring backend). Must not depend on `tauri`, the store or the simulator.

pub mod ax;
pub mod axb;
pub mod axe;
pub mod axyb;
pub mod codes;
pub mod common;
pub mod error;
mod ratelimit;
pub mod redact;
mod response;
mod retry;
pub mod sign;
mod transport;
mod validate;
mod wire;

pub use codes::{CodeCategory, Explanation, ResultCode};
pub use common::{AreaMatchMode, CallDirection, Page, PlayInfo, RecordingLink};
pub use error::ApiError;
pub use maskline_domain::{AuthScheme, PhoneNumber};
pub use maskline_secrets::Sensitive;
pub use ratelimit::RateLimit;
pub use retry::RetryPolicy;
pub use transport::{Client, ClientConfig, Timeouts, transport_allowed};
