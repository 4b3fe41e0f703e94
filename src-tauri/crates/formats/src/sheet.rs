//! Reading and writing the spreadsheets operators exchange with Maskline: CSV (UTF-8 with or
//! without BOM, or GBK/GB18030 as saved by Excel on Chinese Windows) and XLSX.

use maskline_domain::text;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

/// Why a spreadsheet could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// The file (named by `field`) cannot be read, or its contents cannot be encoded: `message`
    /// says why and what to do.
    #[error("{field}: {message}")]
    Invalid {
        field: String,
        message: maskline_domain::Text,
    },
    /// The finished file could not be put in place (`path`): the caller decides how to word
    /// it (another program may hold the file); [`cannot_write`] is the plain wording.
    #[error("{}: {error}", path.display())]
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Header text reduced for matching: lower case, no spaces, `_`, `-` or brackets.
pub fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && !"_-()/\u{ff08}\u{ff09}".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A file read as text cells: the header row and the data rows with their 1-based row numbers
/// in the file (blank rows are skipped but keep the numbering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The file name, for messages.
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
}

impl Table {
    /// The cell of `row` in `column` (empty when the row is short).
    pub fn cell(row: &[String], column: Option<u32>) -> &str {
        column
            .and_then(|c| row.get(c as usize))
            .map_or("", |s| s.trim())
    }
}

fn unreadable(path: &Path, why: impl std::fmt::Display) -> SheetError {
    SheetError::Invalid {
        field: path.display().to_string(),
        message: text!(
            "cannot read this file: {why}. Save it as CSV or XLSX and try again",
            "无法读取该文件:{why}。请另存为 CSV 或 XLSX 后重试"
        ),
    }
}

/// Reads `.xlsx`/`.xls` with calamine (first sheet), anything else as CSV.
pub fn read_table(path: &Path) -> Result<Table, SheetError> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into(),
    );
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut grid = if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        read_workbook(path)?
    } else {
        let bytes = std::fs::read(path).map_err(|e| unreadable(path, e))?;
        read_csv(&bytes).map_err(|e| unreadable(path, e))?
    };
    if grid.is_empty() {
        return Err(unreadable(path, "it is empty"));
    }
    let headers = grid
        .remove(0)
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    let rows = grid
        .into_iter()
        .enumerate()
        .map(|(i, r)| (i as u32 + 2, r))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Ok(Table {
        file,
        headers,
        rows,
    })
}

/// Decodes CSV bytes: UTF-8 (BOM stripped) when valid, else GB18030 (a superset of GBK).
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, csv::Error> {
    csv_rows(&decode_text(bytes)).collect()
}

/// The rows of decoded CSV text (see [`decode_text`]) as Maskline reads them: no header row
/// set apart, rows of any length.
pub fn csv_rows(text: &str) -> impl Iterator<Item = Result<Vec<String>, csv::Error>> + '_ {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.map(|rec| rec.iter().map(str::to_string).collect()))
}

fn read_workbook(path: &Path) -> Result<Vec<Vec<String>>, SheetError> {
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| unreadable(path, e))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable(path, "it has no sheet"))?
        .map_err(|e| unreadable(path, e))?;
    Ok(range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect())
}

/// Numbers typed into Excel come back as floats: `13800138000.0` must read `13800138000`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Writes rows as CSV with a UTF-8 BOM (so Excel opens Chinese text correctly).
pub fn write_csv(path: &Path, headers: &[&str], rows: &[Vec<String>]) -> Result<(), SheetError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(headers).map_err(|e| unreadable(path, e))?;
        for r in rows {
            w.write_record(r).map_err(|e| unreadable(path, e))?;
        }
        w.flush().map_err(|e| unreadable(path, e))?;
    }
    write_atomically(path, &out)
}

/// Writes rows as an XLSX sheet; every cell is text, so numbers keep their `+86` and digits.
pub fn write_xlsx(path: &Path, headers: &[&str], rows: &[Vec<String>]) -> Result<(), SheetError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let fail = |e: rust_xlsxwriter::XlsxError| unreadable(path, e);
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(fail)?;
        sheet.set_column_width(c as u16, 18).map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, v)
                .map_err(fail)?;
        }
    }
    let bytes = wb.save_to_buffer().map_err(fail)?;
    write_atomically(path, &bytes)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SheetError> {
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, bytes).map_err(|e| cannot_write(path, e))?;
    std::fs::rename(&tmp, path).map_err(|error| {
        let _ = std::fs::remove_file(&tmp);
        SheetError::Write {
            path: path.to_path_buf(),
            error,
        }
    })
}

/// The plain wording of a file that cannot be written.
pub fn cannot_write(path: &Path, e: std::io::Error) -> SheetError {
    SheetError::Invalid {
        field: path.display().to_string(),
        message: text!(
            "cannot write this file: {e}. Choose another folder or free disk space",
            "无法写入该文件:{e}。请换一个位置或释放磁盘空间"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_utf8_with_bom_and_in_gbk_reads_the_same() {
        let text = "号码,城市\n13800138000,深圳\n";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode_text(&bom), text);
        assert_eq!(decode_text(&gbk), text, "GBK bytes are recognised");
        assert_eq!(read_csv(&gbk).expect("csv")[1], ["13800138000", "深圳"]);
    }

    #[test]
    fn xlsx_written_here_reads_back_with_row_numbers() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("t.xlsx");
        let rows = vec![
            vec!["+8613800138000".into(), "a".into()],
            vec![String::new(), String::new()],
            vec!["13900139000".into(), "b".into()],
        ];
        write_xlsx(&p, &["A号码", "备注"], &rows).expect("write");
        let t = read_table(&p).expect("read");
        assert_eq!(t.headers, ["A号码", "备注"]);
        assert_eq!(t.rows.len(), 2, "the blank row is skipped");
        assert_eq!(
            t.rows[1],
            (4, vec!["13900139000".to_string(), "b".to_string()])
        );
        assert_eq!(cell_text(&Data::Float(13800138000.0)), "13800138000");
    }
}
