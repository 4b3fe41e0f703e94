//! Splits a byte stream into top-level JSON values without parsing them, so a file of any
//! size is read with flat memory: one value (a notification body, ≤ 50 CDRs) at a time.
//!
//! Handles concatenated values and JSON Lines, a top-level array (each element is a value),
//! and pretty-printed bodies spanning lines. Once the first value is seen to sit on one line,
//! the stream is treated as JSON Lines: each line is one value (the parser reports a line
//! that is cut off), so one broken line never swallows the rest.

use std::io::{self, BufRead};

/// Values larger than this are skipped and reported (a body holds at most 50 CDRs).
pub const MAX_VALUE: usize = 64 << 20;

/// What the framer found.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame<'a> {
    /// A complete value starting on `line` (1-based).
    Value { line: u64, bytes: &'a [u8] },
    /// A value that never closed: at the end of its line (JSON Lines) or of the file.
    Truncated { line: u64 },
    /// Text that cannot start a value (the rest of that line is skipped).
    Garbage { line: u64, byte: u8 },
    /// A value over [`MAX_VALUE`] bytes, skipped.
    TooLarge { line: u64 },
}

pub struct Framer<R> {
    input: R,
    st: State,
}

struct State {
    buf: Vec<u8>,
    line: u64,
    start_line: u64,
    depth: u32,
    in_str: bool,
    esc: bool,
    outer_array: bool,
    skip_line: bool,
    too_large: bool,
    /// `None` until the first value ends; then whether it fit on one line.
    json_lines: Option<bool>,
}

#[derive(Debug, Clone, Copy)]
enum Pending {
    Value,
    Truncated(u64),
    Garbage(u64, u8),
    TooLarge(u64),
}

impl<R: BufRead> Framer<R> {
    pub fn new(input: R) -> Self {
        Framer {
            input,
            st: State {
                buf: Vec::with_capacity(64 << 10),
                line: 1,
                start_line: 1,
                depth: 0,
                in_str: false,
                esc: false,
                outer_array: false,
                skip_line: false,
                too_large: false,
                json_lines: None,
            },
        }
    }
}

impl State {
    fn reset_value(&mut self) {
        self.depth = 0;
        self.in_str = false;
        self.esc = false;
        self.too_large = false;
    }
}

impl<R: BufRead> Framer<R> {
    /// Consumes input until something is found; `None` at the end of the stream.
    pub fn next_frame(&mut self) -> io::Result<Option<Frame<'_>>> {
        if self.st.json_lines == Some(true) && self.st.depth == 0 && !self.st.outer_array {
            return self.next_line();
        }
        let mut pending = None;
        while pending.is_none() {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                if self.st.depth > 0 {
                    let line = self.st.start_line;
                    self.st.reset_value();
                    return Ok(Some(Frame::Truncated { line }));
                }
                return Ok(None);
            }
            let mut used = 0;
            for &b in chunk {
                used += 1;
                if let Some(p) = step(&mut self.st, b) {
                    pending = Some(p);
                    break;
                }
            }
            self.input.consume(used);
        }
        Ok(pending.map(|p| match p {
            Pending::Value => Frame::Value {
                line: self.st.start_line,
                bytes: &self.st.buf,
            },
            Pending::Truncated(line) => Frame::Truncated { line },
            Pending::Garbage(line, byte) => Frame::Garbage { line, byte },
            Pending::TooLarge(line) => Frame::TooLarge { line },
        }))
    }
}

impl<R: BufRead> Framer<R> {
    /// JSON Lines fast path: a whole line per value (`read_until` finds the newline with
    /// memchr); the parser reports a line that does not hold one complete value.
    fn next_line(&mut self) -> io::Result<Option<Frame<'_>>> {
        let st = &mut self.st;
        loop {
            st.buf.clear();
            if self.input.read_until(b'\n', &mut st.buf)? == 0 {
                return Ok(None);
            }
            let line = st.line;
            if st.buf.last() == Some(&b'\n') {
                st.line += 1;
            }
            let start = st.buf.iter().position(|b| !b.is_ascii_whitespace());
            let Some(start) = start else { continue };
            let end = st
                .buf
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .unwrap_or(start)
                + 1;
            let first = st.buf[start];
            if first != b'{' {
                return Ok(Some(Frame::Garbage { line, byte: first }));
            }
            if end - start > MAX_VALUE {
                return Ok(Some(Frame::TooLarge { line }));
            }
            st.start_line = line;
            return Ok(Some(Frame::Value {
                line,
                bytes: &st.buf[start..end],
            }));
        }
    }
}

/// Feeds one byte; returns what completed, if anything.
fn step(f: &mut State, b: u8) -> Option<Pending> {
    if f.depth == 0 {
        if b == b'\n' {
            f.line += 1;
            f.skip_line = false;
            return None;
        }
        if f.skip_line || matches!(b, b' ' | b'\t' | b'\r') {
            return None;
        }
        match b {
            b',' | b']' if f.outer_array => {
                f.outer_array = b == b',';
                None
            }
            b'[' if !f.outer_array => {
                f.outer_array = true;
                None
            }
            b'{' => {
                f.buf.clear();
                f.buf.push(b);
                f.depth = 1;
                f.start_line = f.line;
                None
            }
            _ => {
                f.skip_line = true;
                Some(Pending::Garbage(f.line, b))
            }
        }
    } else {
        if b == b'\n' {
            f.line += 1;
            if f.json_lines == Some(true) && !f.outer_array {
                let line = f.start_line;
                f.reset_value();
                return Some(Pending::Truncated(line));
            }
        }
        if !f.too_large {
            if f.buf.len() >= MAX_VALUE {
                f.too_large = true;
                f.buf.clear();
            } else {
                f.buf.push(b);
            }
        }
        if f.in_str {
            if f.esc {
                f.esc = false;
            } else if b == b'\\' {
                f.esc = true;
            } else if b == b'"' {
                f.in_str = false;
            }
            return None;
        }
        match b {
            b'"' => f.in_str = true,
            b'{' | b'[' => f.depth += 1,
            b'}' | b']' => {
                f.depth -= 1;
                if f.depth == 0 {
                    if f.json_lines.is_none() {
                        f.json_lines = Some(f.line == f.start_line && !f.outer_array);
                    }
                    if f.too_large {
                        f.too_large = false;
                        return Some(Pending::TooLarge(f.start_line));
                    }
                    return Some(Pending::Value);
                }
            }
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<String> {
        let mut f = Framer::new(std::io::BufReader::with_capacity(7, input.as_bytes()));
        let mut out = Vec::new();
        while let Some(fr) = f.next_frame().expect("in-memory read") {
            out.push(match fr {
                Frame::Value { line, bytes } => {
                    format!("{line}:{}", String::from_utf8_lossy(bytes))
                }
                other => format!("{other:?}"),
            });
        }
        out
    }

    #[test]
    fn json_lines_with_a_broken_line_keep_the_rest() {
        let got = frames("{\"a\":1}\n{\"b\":[1,\n{\"c\":\"}\\\"{\"}\n\n{\"d\":2}");
        assert_eq!(
            got,
            vec![
                "1:{\"a\":1}".to_string(),
                "2:{\"b\":[1,".into(),
                "3:{\"c\":\"}\\\"{\"}".into(),
                "5:{\"d\":2}".into()
            ]
        );
    }

    #[test]
    fn arrays_pretty_bodies_garbage_and_truncation() {
        assert_eq!(
            frames("[ {\"a\":1},\n {\"b\":2} ]\n"),
            vec!["1:{\"a\":1}", "2:{\"b\":2}"]
        );
        assert_eq!(
            frames("{\n \"a\": [1,\n 2]\n}\n{\"b\":1}"),
            vec!["1:{\n \"a\": [1,\n 2]\n}", "5:{\"b\":1}"]
        );
        assert_eq!(
            frames("hello {\"x\":1}\n{\"a\":1}"),
            vec!["Garbage { line: 1, byte: 104 }", "2:{\"a\":1}"]
        );
        assert_eq!(frames("{\"a\":\n[1,2"), vec!["Truncated { line: 1 }"]);
    }
}
