//! Importing the X numbers an operator bought: from the console's CSV/XLSX export, a simple
//! `number, city/areaCode, carrier, tags` sheet (with or without a header), or typed in.
//! Numbers are normalised with [`PhoneNumber::parse`]; every rejected cell is reported with
//! its file, row and column; importing the same file twice changes nothing.

use std::path::Path;

use maskline_domain::PhoneNumber;
use maskline_domain::pools::{NumberImportReport, RowError, XNumber};
use maskline_store::numbers::{self, NumberFields};
use maskline_store::pools;

use crate::scope::account_row;
use crate::{DbManager, ServiceError};
use maskline_formats::sheet::{Table, header_key, read_table};

const NUMBER: &[&str] = &[
    "号码",
    "隐私号码",
    "虚拟号码",
    "x号码",
    "隐私号",
    "小号",
    "number",
    "x",
    "privatenumber",
    "virtualnumber",
    "relationnum",
    "phonenumber",
];
const CITY: &[&str] = &[
    "城市",
    "区号",
    "城市区号",
    "归属地",
    "city",
    "areacode",
    "area",
];
const CARRIER: &[&str] = &["运营商", "carrier", "operator", "isp"];
const TAGS: &[&str] = &["标签", "tags", "tag", "备注"];

fn find(headers: &[String], names: &[&str]) -> Option<u32> {
    headers
        .iter()
        .position(|h| names.contains(&header_key(h).as_str()))
        .map(|i| i as u32)
}

/// `755`, `0755`, `0755-` → `0755`; city names are kept as written.
fn area_code(s: &str) -> Option<String> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 2 && digits.len() <= 4 && t.chars().all(|c| c.is_ascii_digit() || c == '-') {
        let d = digits.trim_start_matches('0');
        return Some(format!("0{d}"));
    }
    Some(t.to_string())
}

fn split_tags(s: &str) -> Vec<String> {
    s.split([',', ';', '|', '、', ',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads numbers from a table; rows with an invalid number become errors.
pub(crate) fn parse_table(t: &Table) -> (Vec<NumberFields>, Vec<RowError>) {
    let mut rows = t.rows.clone();
    let (num, city, carrier, tags, headers) = match find(&t.headers, NUMBER) {
        Some(n) => (
            Some(n),
            find(&t.headers, CITY),
            find(&t.headers, CARRIER),
            find(&t.headers, TAGS),
            t.headers.clone(),
        ),
        // No recognisable header: the simple layout, and the first line is data.
        None => {
            rows.insert(0, (1, t.headers.clone()));
            let h = ["number", "city", "carrier", "tags"]
                .map(String::from)
                .to_vec();
            (Some(0), Some(1), Some(2), Some(3), h)
        }
    };
    let col_name = |c: Option<u32>| c.and_then(|c| headers.get(c as usize)).cloned();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (row_no, cells) in &rows {
        let raw = Table::cell(cells, num);
        match PhoneNumber::parse(raw) {
            Ok(p) => out.push(NumberFields {
                number: p.to_string(),
                city: area_code(Table::cell(cells, city)),
                carrier: Some(Table::cell(cells, carrier).to_string()).filter(|s| !s.is_empty()),
                tags: split_tags(Table::cell(cells, tags)),
            }),
            Err(e) => errors.push(RowError {
                file: t.file.clone(),
                row: *row_no,
                column: col_name(num),
                message: e.text(),
            }),
        }
    }
    (out, errors)
}

/// Imports the numbers of a CSV or XLSX file into the account (`None` = active), optionally
/// into a pool (created if needed). Valid rows are imported even when others are rejected.
pub fn import_file(
    dbm: &DbManager,
    account: Option<&str>,
    path: &Path,
    pool: Option<&str>,
) -> Result<NumberImportReport, ServiceError> {
    let table = read_table(path)?;
    let (rows, errors) = parse_table(&table);
    let mut report = save(dbm, account, &rows, pool)?;
    report.errors = errors;
    Ok(report)
}

/// Adds typed numbers (one per entry) with a shared city, carrier and tags.
pub fn add_typed(
    dbm: &DbManager,
    account: Option<&str>,
    typed: &[String],
    city: Option<&str>,
    pool: Option<&str>,
) -> Result<NumberImportReport, ServiceError> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in typed.iter().enumerate() {
        match PhoneNumber::parse(raw) {
            Ok(p) => rows.push(NumberFields {
                number: p.to_string(),
                city: city.and_then(area_code),
                ..Default::default()
            }),
            Err(e) => errors.push(RowError {
                file: "typed".into(),
                row: i as u32 + 1,
                column: None,
                message: e.text().map(|m| format!("{raw:?}: {m}")),
            }),
        }
    }
    let mut report = save(dbm, account, &rows, pool)?;
    report.errors = errors;
    Ok(report)
}

fn save(
    dbm: &DbManager,
    account: Option<&str>,
    rows: &[NumberFields],
    pool: Option<&str>,
) -> Result<NumberImportReport, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    let mut conn = db.conn()?;
    let pool_id = match pool.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Some(pools::ensure(&conn, acc.id, p)?),
        None => None,
    };
    let n = numbers::upsert_many(&mut conn, acc.id, rows, pool_id)?;
    Ok(NumberImportReport {
        added: n.added,
        updated: n.updated,
        unchanged: n.unchanged,
        errors: vec![],
    })
}

/// The account's numbers.
pub fn list(dbm: &DbManager, account: Option<&str>) -> Result<Vec<XNumber>, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    Ok(numbers::list(&*db.conn()?, acc.id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            file: "n.csv".into(),
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i as u32 + 2, r.iter().map(|s| s.to_string()).collect()))
                .collect(),
        }
    }

    #[test]
    fn console_headers_and_the_headerless_layout_both_read() {
        let t = table(
            &["隐私号码", "城市区号", "运营商"],
            &[&["170 0010 0000", "10", "移动"], &["12345", "755", ""]],
        );
        let (rows, errors) = parse_table(&t);
        assert_eq!(rows[0].number, "+8617000100000");
        assert_eq!(rows[0].city.as_deref(), Some("010"));
        assert_eq!(rows[0].carrier.as_deref(), Some("移动"));
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].row, errors[0].column.as_deref()),
            (3, Some("隐私号码"))
        );
        assert!(
            errors[0]
                .to_string()
                .starts_with("n.csv row 3 column \"隐私号码\""),
            "{}",
            errors[0]
        );

        let bare = table(
            &["+8617007550000", "0755", "CMCC", "vip;night"],
            &[&["17007550001", "0755", "", ""]],
        );
        let (rows, errors) = parse_table(&bare);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            rows.len(),
            2,
            "the first line is data when it has no header"
        );
        assert_eq!(rows[0].tags, ["vip", "night"]);
    }
}
