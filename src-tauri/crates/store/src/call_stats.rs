//! Dashboard aggregates over the same filter as the Calls page.

use maskline_domain::calls::{BucketCount, NumberCount, OutcomeCount};
use maskline_domain::explain::CallOutcome;
use rusqlite::{Connection, params_from_iter};

use crate::StoreError;
use crate::call_query::Where;

/// `(calls, answered, total talk seconds)`.
pub fn totals(conn: &Connection, w: &Where) -> Result<(u64, u64, i64), StoreError> {
    let sql = format!(
        "SELECT count(*), coalesce(sum(c.answered), 0), coalesce(sum(c.talk_seconds), 0)
         FROM calls c WHERE {}",
        w.sql
    );
    let t = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(w.params.iter()), |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, i64>(1)? as u64,
                r.get(2)?,
            ))
        })?;
    Ok(t)
}

/// Calls per bucket of `size` seconds, buckets starting at local midnight/hours for
/// `offset` seconds east of UTC. Empty buckets are omitted.
pub fn buckets(
    conn: &Connection,
    w: &Where,
    size: i64,
    offset: i64,
) -> Result<Vec<BucketCount>, StoreError> {
    let sql = format!(
        "SELECT ((c.start_time + {offset}) / {size}) * {size} - {offset} AS b, count(*),
           sum(c.answered)
         FROM calls c WHERE {} GROUP BY b ORDER BY b",
        w.sql
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(w.params.iter()), |r| {
            Ok(BucketCount {
                start: r.get(0)?,
                calls: r.get::<_, i64>(1)? as u64,
                answered: r.get::<_, i64>(2)? as u64,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Unanswered calls by outcome, most frequent first.
pub fn failure_reasons(
    conn: &Connection,
    w: &Where,
    top: u32,
) -> Result<Vec<OutcomeCount>, StoreError> {
    let sql = format!(
        "SELECT c.outcome, count(*) AS n FROM calls c WHERE {} AND c.answered = 0
         GROUP BY c.outcome ORDER BY n DESC, c.outcome LIMIT {top}",
        w.sql
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(w.params.iter()), |r| {
            let o: String = r.get(0)?;
            Ok(OutcomeCount {
                outcome: CallOutcome::parse(&o).unwrap_or(CallOutcome::Unknown),
                calls: r.get::<_, i64>(1)? as u64,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn top_by(
    conn: &Connection,
    w: &Where,
    select: &str,
    top: u32,
) -> Result<Vec<NumberCount>, StoreError> {
    let sql = format!(
        "SELECT num, count(*) AS n FROM ({select}) GROUP BY num ORDER BY n DESC, num LIMIT {top}"
    )
    .replace("{where}", &w.sql);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(w.params.iter()), |r| {
            Ok(NumberCount {
                number: r.get(0)?,
                calls: r.get::<_, i64>(1)? as u64,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Callers and real callees with the most calls.
pub fn top_numbers(conn: &Connection, w: &Where, top: u32) -> Result<Vec<NumberCount>, StoreError> {
    top_by(
        conn,
        w,
        "SELECT c.caller AS num FROM calls c WHERE {where}
         UNION ALL SELECT c.callee AS num FROM calls c WHERE {where}",
        top,
    )
}

/// X numbers with the most calls.
pub fn busiest_x(conn: &Connection, w: &Where, top: u32) -> Result<Vec<NumberCount>, StoreError> {
    top_by(
        conn,
        w,
        "SELECT c.x_number AS num FROM calls c WHERE {where}",
        top,
    )
}
