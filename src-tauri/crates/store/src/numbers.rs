//! The `numbers` table: X numbers the operator bought, with city, carrier, tags and pool,
//! and the per-number usage the Numbers page and `choose_x` read.

use maskline_domain::pools::XNumber;
use rusqlite::Connection;

use crate::StoreError;

/// A number to import (already normalised to E.164).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NumberFields {
    pub number: String,
    pub city: Option<String>,
    pub carrier: Option<String>,
    pub tags: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Upserted {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
}

fn tags_text(tags: &[String]) -> String {
    let mut t: Vec<&str> = tags
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    t.sort_unstable();
    t.dedup();
    t.join(",")
}

/// Inserts or updates numbers in one transaction (re-importing the same file changes nothing).
/// Empty fields of an import never erase known values. `pool_id` puts every number in a pool.
pub fn upsert_many(
    conn: &mut Connection,
    account_id: i64,
    rows: &[NumberFields],
    pool_id: Option<i64>,
) -> Result<Upserted, StoreError> {
    let tx = conn.transaction()?;
    let mut out = Upserted::default();
    {
        let mut find = tx.prepare_cached(
            "SELECT city, carrier, tags, pool_id FROM numbers WHERE account_id = ?1 AND number = ?2",
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO numbers (account_id, number, city, carrier, tags, pool_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut update = tx.prepare_cached(
            "UPDATE numbers SET city = ?3, carrier = ?4, tags = ?5, pool_id = ?6
             WHERE account_id = ?1 AND number = ?2",
        )?;
        for r in rows {
            let tags = tags_text(&r.tags);
            type Old = (Option<String>, Option<String>, String, Option<i64>);
            let old: Option<Old> = find
                .query_row((account_id, &r.number), |x| {
                    Ok((x.get(0)?, x.get(1)?, x.get(2)?, x.get(3)?))
                })
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            match old {
                None => {
                    insert.execute((account_id, &r.number, &r.city, &r.carrier, &tags, pool_id))?;
                    out.added += 1;
                }
                Some((city, carrier, old_tags, old_pool)) => {
                    let new = (
                        r.city.clone().or(city.clone()),
                        r.carrier.clone().or(carrier.clone()),
                        if tags.is_empty() {
                            old_tags.clone()
                        } else {
                            tags
                        },
                        pool_id.or(old_pool),
                    );
                    if new == (city, carrier, old_tags, old_pool) {
                        out.unchanged += 1;
                    } else {
                        update.execute((account_id, &r.number, &new.0, &new.1, &new.2, new.3))?;
                        out.updated += 1;
                    }
                }
            }
        }
    }
    tx.commit()?;
    Ok(out)
}

const SELECT: &str =
    "SELECT n.id, n.account_id, n.number, n.city, n.carrier, n.tags, n.pool_id, p.name
    FROM numbers n LEFT JOIN pools p ON p.id = n.pool_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<XNumber> {
    let tags: String = r.get(5)?;
    Ok(XNumber {
        id: r.get(0)?,
        account_id: r.get(1)?,
        number: r.get(2)?,
        city: r.get(3)?,
        carrier: r.get(4)?,
        tags: tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        pool_id: r.get(6)?,
        pool: r.get(7)?,
    })
}

/// Every number of the account, by number.
pub fn list(conn: &Connection, account_id: i64) -> Result<Vec<XNumber>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE n.account_id = ?1 ORDER BY n.number"
    ))?;
    let rows = stmt
        .query_map([account_id], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// A number with its live bindings and how many of them expire before `expiring_until`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberUsage {
    pub number: XNumber,
    pub live: u32,
    pub expiring: u32,
}

/// Usage of every number of the account, from the bindings cache, in one query.
pub fn usage(
    conn: &Connection,
    account_id: i64,
    now: &str,
    expiring_until: &str,
) -> Result<Vec<NumberUsage>, StoreError> {
    let sql = format!(
        "WITH live AS (
            SELECT x, COUNT(*) AS n, SUM(expires_at IS NOT NULL AND expires_at <= ?3) AS soon
            FROM bindings WHERE account_id = ?1 AND status = 'active'
              AND (expires_at IS NULL OR expires_at > ?2)
            GROUP BY x)
         SELECT q.*, COALESCE(live.n, 0), COALESCE(live.soon, 0)
         FROM ({SELECT} WHERE n.account_id = ?1) q LEFT JOIN live ON live.x = q.number
         ORDER BY q.number"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map((account_id, now, expiring_until), |r| {
            Ok(NumberUsage {
                number: from_row(r)?,
                live: r.get(8)?,
                expiring: r.get(9)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Removes a number from the account's list (its cached bindings stay).
pub fn delete(conn: &Connection, account_id: i64, number: &str) -> Result<bool, StoreError> {
    let n = conn.execute(
        "DELETE FROM numbers WHERE account_id = ?1 AND number = ?2",
        (account_id, number),
    )?;
    Ok(n == 1)
}

/// Calls through each of the account's numbers since two instants (epoch seconds), and the
/// start of the latest call, from the imported call records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallActivity {
    pub since_a: u32,
    pub since_b: u32,
    pub last_start: Option<i64>,
}

pub fn call_activity(
    conn: &Connection,
    account_id: i64,
    since_a: i64,
    since_b: i64,
) -> Result<std::collections::HashMap<String, CallActivity>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.x_number, SUM(c.start_time >= ?2), SUM(c.start_time >= ?3), MAX(c.start_time)
         FROM calls c JOIN numbers n ON n.number = c.x_number AND n.account_id = ?1
         GROUP BY c.x_number",
    )?;
    let rows = stmt.query_map((account_id, since_a, since_b), |r| {
        Ok((
            r.get::<_, String>(0)?,
            CallActivity {
                since_a: r.get(1)?,
                since_b: r.get(2)?,
                last_start: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
