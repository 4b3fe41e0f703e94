//! Opening an import file: gzip (by magic bytes, any name), UTF-8 BOM skipped, UTF-16/32
//! refused with a clear message. Counts the bytes read from disk for progress.

use maskline_domain::{Text, text};
use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

use flate2::bufread::MultiGzDecoder;

const BUF: usize = 256 << 10;

/// Counts bytes read from the inner reader.
pub struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// An opened file, decompressed, positioned after any BOM.
pub struct Source {
    pub reader: Box<dyn BufRead>,
    /// Bytes read from disk so far.
    pub read: Rc<Cell<u64>>,
    pub gzip: bool,
}

/// Why a file cannot be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    Io(#[from] io::Error),
    Encoding(&'static str),
}

impl SourceError {
    /// What happened and what to do, in both languages.
    pub fn text(&self) -> Text {
        match self {
            SourceError::Io(e) => text!("cannot read the file: {e}", "无法读取文件:{e}"),
            SourceError::Encoding(enc) => text!(
                "the file is {enc}, not UTF-8; save it as UTF-8 (with or without BOM) and import again",
                "文件编码为 {enc},不是 UTF-8;请另存为 UTF-8(带或不带 BOM)后重新导入"
            ),
        }
    }
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

fn sniff_encoding(head: &[u8]) -> Option<&'static str> {
    match head {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32"),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => Some("UTF-16"),
        [a, 0, ..] | [0, a, ..] if *a != 0 => Some("UTF-16"),
        _ => None,
    }
}

pub fn open(path: &Path) -> Result<Source, SourceError> {
    let read = Rc::new(Cell::new(0));
    let file = Counting {
        inner: File::open(path)?,
        count: read.clone(),
    };
    let mut raw = BufReader::with_capacity(BUF, file);
    let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead> = if gzip {
        Box::new(BufReader::with_capacity(BUF, MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    };
    let head = fill_at_least(&mut reader, 4)?;
    if let Some(enc) = sniff_encoding(&head) {
        return Err(SourceError::Encoding(enc));
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        reader.consume(3);
    }
    Ok(Source { reader, read, gzip })
}

/// The first `n` bytes (fewer at end of file) without consuming them.
fn fill_at_least(r: &mut Box<dyn BufRead>, n: usize) -> io::Result<Vec<u8>> {
    let buf = r.fill_buf()?;
    Ok(buf[..buf.len().min(n)].to_vec())
}
