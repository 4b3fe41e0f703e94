//! `maskline-formats`: the file formats Maskline reads and writes, as pure codecs.
//!
//! - [`framer`] and [`source`]: CDR / call-event files split into JSON values (plain, gzip,
//!   BOM, JSON Lines, arrays) without holding the file in memory.
//! - [`wav`] and [`peaks`]: recordings' WAV headers, G.711 decoding and waveform peaks.
//! - [`sheet`]: the CSV (UTF-8 or GB18030) and XLSX files operators exchange.
//! - [`bulk`]: the column mapping and the row parser of bulk bind / modify / unbind files.
//!
//! Depends on `maskline-domain` and codec libraries only: no database, no network, no async.
//! The use cases that store or send what is read here live in `maskline-services`; the fuzz
//! targets (`tests/fuzz`) exercise this crate directly.

pub mod bulk;
pub mod framer;
pub mod peaks;
pub mod sheet;
pub mod source;
pub mod wav;
