//! The `audit` table: an append-only, hash-chained record of every change made through
//! Maskline. Each row stores `hash = SHA-256(prev_hash ‖ canonical content)`, so editing,
//! deleting or reordering any row breaks the chain from that row on ([`verify_chain`]).
//! Callers pass numbers already masked; no secret ever reaches this table.

use maskline_domain::audit::{AuditEntry, ChainCheck};
use rusqlite::{Connection, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::StoreError;

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub at: String,
    pub who: String,
    pub account: Option<String>,
    pub action: String,
    pub target: String,
    pub result_code: String,
    pub ok: bool,
}

/// Length-prefixed fields, so that no two different rows share a canonical form.
fn canonical(id: i64, r: &AuditRecord) -> String {
    let fields = [
        id.to_string(),
        r.at.clone(),
        r.who.clone(),
        r.account.clone().unwrap_or_default(),
        if r.account.is_some() { "1" } else { "0" }.into(),
        r.action.clone(),
        r.target.clone(),
        r.result_code.clone(),
        if r.ok { "1" } else { "0" }.into(),
    ];
    let mut out = String::new();
    for f in fields {
        out.push_str(&f.len().to_string());
        out.push(':');
        out.push_str(&f);
        out.push('|');
    }
    out
}

fn chain_hash(prev: &str, id: i64, r: &AuditRecord) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical(id, r).as_bytes());
    hex::encode(h.finalize())
}

/// Appends a row (serialised with other writers by an immediate transaction).
pub fn append(conn: &mut Connection, r: &AuditRecord) -> Result<i64, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (last_id, prev): (i64, String) = tx
        .query_row(
            "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |x| Ok((x.get(0)?, x.get(1)?)),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok((0, GENESIS.to_string())),
            e => Err(e),
        })?;
    let id = last_id + 1;
    let hash = chain_hash(&prev, id, r);
    tx.execute(
        "INSERT INTO audit (id, at, who, account, action, target, result_code, ok, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        rusqlite::params![
            id,
            r.at,
            r.who,
            r.account,
            r.action,
            r.target,
            r.result_code,
            r.ok,
            prev,
            hash
        ],
    )?;
    tx.commit()?;
    Ok(id)
}

fn row(x: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, AuditRecord, String, String)> {
    Ok((
        x.get(0)?,
        AuditRecord {
            at: x.get(1)?,
            who: x.get(2)?,
            account: x.get(3)?,
            action: x.get(4)?,
            target: x.get(5)?,
            result_code: x.get(6)?,
            ok: x.get(7)?,
        },
        x.get(8)?,
        x.get(9)?,
    ))
}

const COLUMNS: &str = "id, at, who, account, action, target, result_code, ok, prev_hash, hash";

/// Newest first, `limit` rows after skipping `offset`; optionally one action only.
pub fn list(
    conn: &Connection,
    action: Option<&str>,
    offset: u32,
    limit: u32,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM audit WHERE (?1 IS NULL OR action = ?1)
         ORDER BY id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = stmt
        .query_map((action, limit, offset), row)?
        .map(|r| {
            r.map(|(id, a, _, _)| AuditEntry {
                id,
                at: a.at,
                who: a.who,
                account: a.account,
                action: a.action,
                target: a.target,
                result_code: a.result_code,
                ok: a.ok,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One row as stored, with its chain links (for exports that can be checked elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedRow {
    pub id: i64,
    pub record: AuditRecord,
    pub prev_hash: String,
    pub hash: String,
}

/// Checks rows one at a time, in id order: feed every row to [`ChainVerifier::push`], then
/// [`ChainVerifier::finish`].
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    prev: String,
    rows: u64,
    first_broken: Option<i64>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            prev: GENESIS.to_string(),
            rows: 0,
            first_broken: None,
        }
    }
}

impl ChainVerifier {
    /// Counts the row and notes it if its content, predecessor link or position does not
    /// match its hash (only the first such row is kept).
    pub fn push(&mut self, r: &ChainedRow) {
        self.rows += 1;
        if self.first_broken.is_none()
            && (r.prev_hash != self.prev || chain_hash(&self.prev, r.id, &r.record) != r.hash)
        {
            self.first_broken = Some(r.id);
        }
        self.prev = r.hash.clone();
    }

    /// The result; `rows` counts every row pushed.
    pub fn finish(&self) -> ChainCheck {
        ChainCheck {
            rows: self.rows,
            first_broken: self.first_broken,
        }
    }
}

/// Calls `f` with every row in id order, one at a time (one statement: a consistent snapshot,
/// nothing held in memory). `f` returning an error stops the walk and returns it.
pub fn for_each<E: From<StoreError>>(
    conn: &Connection,
    mut f: impl FnMut(&ChainedRow) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY id"))
        .map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    while let Some(x) = rows.next().map_err(StoreError::from)? {
        let (id, record, prev_hash, hash) = row(x).map_err(StoreError::from)?;
        f(&ChainedRow {
            id,
            record,
            prev_hash,
            hash,
        })?;
    }
    Ok(())
}

/// Walks the whole chain; `first_broken` is the first row whose content, predecessor link or
/// position does not match its hash.
pub fn verify_chain(conn: &Connection) -> Result<ChainCheck, StoreError> {
    let mut v = ChainVerifier::default();
    for_each(conn, |r| {
        v.push(r);
        Ok::<(), StoreError>(())
    })?;
    Ok(v.finish())
}
