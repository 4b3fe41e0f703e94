//! The `bindings` cache: what the platform holds, as last seen by a sync or by one of
//! Maskline's own operations, and the filtered, sorted, paged list the Bindings page shows.

use maskline_domain::Mode;
use maskline_domain::bindings::{
    BindingFilter, BindingPage, BindingSort, BindingStatus, CachedBinding,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use crate::StoreError;

/// A binding to write into the cache (a new one, or the platform's current view of one).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BindingRecord {
    pub subscription_id: String,
    pub a: Option<String>,
    pub b: Option<String>,
    pub x: Option<String>,
    pub y: Option<String>,
    pub extension: Option<String>,
    pub direction: Option<u8>,
    pub duration_secs: Option<i64>,
    pub expires_at: Option<String>,
    pub record: Option<bool>,
    pub user_data: Option<String>,
    pub bound_at: Option<String>,
}

/// Fields a modify changed (`None` = unchanged).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BindingChanges {
    pub a: Option<String>,
    pub b: Option<String>,
    /// AXYB: the Y bound in step 2.
    pub y: Option<String>,
    pub direction: Option<u8>,
    pub duration_secs: Option<i64>,
    /// Set together with `duration_secs` (a new duration restarts the timer).
    pub expires_at: Option<Option<String>>,
    pub record: Option<bool>,
    pub user_data: Option<String>,
    pub bound_at: Option<String>,
}

const COLUMNS: &str = "id, account_id, mode, subscription_id, a, b, x, y, extension, direction, \
    duration_secs, expires_at, record, user_data, status, city, bound_at, last_synced_at";

fn from_row(r: &Row<'_>, now: &str) -> rusqlite::Result<CachedBinding> {
    let mode: String = r.get(2)?;
    let status: String = r.get(14)?;
    let expires_at: Option<String> = r.get(11)?;
    let mut status = BindingStatus::parse(&status).unwrap_or(BindingStatus::Unbound);
    if status == BindingStatus::Active && expires_at.as_deref().is_some_and(|e| e <= now) {
        status = BindingStatus::Expired;
    }
    Ok(CachedBinding {
        id: r.get(0)?,
        account_id: r.get(1)?,
        mode: Mode::parse(&mode).unwrap_or(Mode::Axb),
        subscription_id: r.get(3)?,
        a: r.get(4)?,
        b: r.get(5)?,
        x: r.get(6)?,
        y: r.get(7)?,
        extension: r.get(8)?,
        direction: r.get(9)?,
        duration_secs: r.get(10)?,
        expires_at,
        record: r.get(12)?,
        user_data: r.get(13)?,
        status,
        city: r.get(15)?,
        bound_at: r.get(16)?,
        last_synced_at: r.get(17)?,
    })
}

/// Inserts or refreshes a binding as active. `synced_at` marks it as confirmed by a sync.
pub fn upsert(
    conn: &Connection,
    account_id: i64,
    mode: Mode,
    b: &BindingRecord,
    synced_at: Option<&str>,
) -> Result<bool, StoreError> {
    let existed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM bindings WHERE account_id = ?1 AND subscription_id = ?2)",
        (account_id, &b.subscription_id),
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO bindings (account_id, mode, subscription_id, a, b, x, y, extension, direction,
            duration_secs, expires_at, record, user_data, status, city, bound_at, last_synced_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'active',
            (SELECT city FROM numbers WHERE account_id = ?1 AND number = ?6), ?14, ?15)
         ON CONFLICT (account_id, subscription_id) DO UPDATE SET
            a = excluded.a, b = excluded.b, x = excluded.x, y = excluded.y,
            extension = excluded.extension, direction = excluded.direction,
            duration_secs = excluded.duration_secs, expires_at = excluded.expires_at,
            record = excluded.record, user_data = excluded.user_data, status = 'active',
            city = COALESCE(excluded.city, bindings.city),
            bound_at = COALESCE(excluded.bound_at, bindings.bound_at),
            last_synced_at = COALESCE(excluded.last_synced_at, bindings.last_synced_at)",
    )?;
    stmt.execute(rusqlite::params![
        account_id,
        mode.as_str(),
        b.subscription_id,
        b.a,
        b.b,
        b.x,
        b.y,
        b.extension,
        b.direction,
        b.duration_secs,
        b.expires_at,
        b.record,
        b.user_data,
        b.bound_at,
        synced_at,
    ])?;
    Ok(!existed)
}

/// Applies a modify to a cached binding; returns false when it is not cached.
pub fn apply_changes(
    conn: &Connection,
    account_id: i64,
    subscription_id: &str,
    c: &BindingChanges,
) -> Result<bool, StoreError> {
    let (set_expiry, expiry) = match &c.expires_at {
        Some(e) => (true, e.clone()),
        None => (false, None),
    };
    let n = conn.execute(
        "UPDATE bindings SET a = COALESCE(?3, a), b = COALESCE(?4, b), y = COALESCE(?12, y),
            direction = COALESCE(?5, direction), duration_secs = COALESCE(?6, duration_secs),
            expires_at = CASE WHEN ?7 THEN ?8 ELSE expires_at END,
            record = COALESCE(?9, record), user_data = COALESCE(?10, user_data),
            bound_at = COALESCE(?11, bound_at)
         WHERE account_id = ?1 AND subscription_id = ?2",
        rusqlite::params![
            account_id,
            subscription_id,
            c.a,
            c.b,
            c.direction,
            c.duration_secs,
            set_expiry,
            expiry,
            c.record,
            c.user_data,
            c.bound_at,
            c.y,
        ],
    )?;
    Ok(n == 1)
}

/// Marks bindings unbound: one by subscription id, or (`x` given) every active one on X.
pub fn mark_unbound(
    conn: &Connection,
    account_id: i64,
    subscription_id: Option<&str>,
    x: Option<&str>,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE bindings SET status = 'unbound'
         WHERE account_id = ?1 AND status = 'active'
           AND (?2 IS NULL OR subscription_id = ?2) AND (?3 IS NULL OR x = ?3)
           AND (?2 IS NOT NULL OR ?3 IS NOT NULL)",
        (account_id, subscription_id, x),
    )?)
}

/// The subscription id of the live cached binding with this X (and A and/or extension).
pub fn find_live(
    conn: &Connection,
    account_id: i64,
    a: Option<&str>,
    x: &str,
    extension: Option<&str>,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT subscription_id FROM bindings WHERE account_id = ?1 AND x = ?2
             AND (?3 IS NULL OR a = ?3) AND (?4 IS NULL OR extension = ?4) AND status = 'active'
             ORDER BY id DESC LIMIT 1",
            (account_id, x, a, extension),
            |r| r.get(0),
        )
        .optional()?)
}

/// One cached binding.
pub fn get(
    conn: &Connection,
    account_id: i64,
    subscription_id: &str,
    now: &str,
) -> Result<Option<CachedBinding>, StoreError> {
    let sql =
        format!("SELECT {COLUMNS} FROM bindings WHERE account_id = ?1 AND subscription_id = ?2");
    Ok(conn
        .query_row(&sql, (account_id, subscription_id), |r| from_row(r, now))
        .optional()?)
}

/// The filtered, sorted page of the Bindings table.
pub fn list(
    conn: &Connection,
    account_id: i64,
    f: &BindingFilter,
    now: &str,
) -> Result<BindingPage, StoreError> {
    let mut wh = vec!["account_id = ?".to_string()];
    let mut args: Vec<Value> = vec![account_id.into()];
    if let Some(n) = f.number.as_deref() {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            wh.push("(a LIKE ? OR b LIKE ? OR x LIKE ? OR y LIKE ?)".into());
            let pat = format!("%{digits}%");
            args.extend(std::iter::repeat_n(Value::from(pat), 4));
        }
    }
    if let Some(x) = f.x.as_deref() {
        wh.push("x = ?".into());
        args.push(x.to_string().into());
    }
    if let Some(city) = f.city.as_deref() {
        wh.push("city = ?".into());
        args.push(city.to_string().into());
    }
    let live = "status = 'active' AND (expires_at IS NULL OR expires_at > ?)";
    match f.status {
        Some(BindingStatus::Active) => {
            wh.push(live.into());
            args.push(now.to_string().into());
        }
        Some(BindingStatus::Expired) => {
            wh.push("(status = 'expired' OR (status = 'active' AND expires_at <= ?))".into());
            args.push(now.to_string().into());
        }
        Some(BindingStatus::Unbound) => wh.push("status = 'unbound'".into()),
        None => {}
    }
    if let Some(days) = f.expiring_within_days {
        let until = crate::timefmt::utc_text(
            crate::timefmt::parse_utc(now).unwrap_or_else(time::OffsetDateTime::now_utc)
                + time::Duration::days(i64::from(days)),
        );
        wh.push(format!("{live} AND expires_at <= ?"));
        args.push(now.to_string().into());
        args.push(until.into());
    }
    let where_sql = wh.join(" AND ");
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM bindings WHERE {where_sql}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let order = match f.sort {
        BindingSort::BoundAt => "bound_at",
        BindingSort::ExpiresAt => "expires_at",
        BindingSort::X => "x",
        BindingSort::A => "a",
        BindingSort::City => "city",
        BindingSort::Status => "status",
    };
    let dir = if f.descending { "DESC" } else { "ASC" };
    let page = f.page.max(1);
    let size = if f.page_size == 0 {
        50
    } else {
        f.page_size.min(500)
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM bindings WHERE {where_sql} ORDER BY {order} IS NULL, {order} {dir}, id {dir} LIMIT {size} OFFSET {}",
        u64::from(page - 1) * u64::from(size)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), |r| from_row(r, now))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(BindingPage {
        items,
        total,
        page,
        page_size: size,
        last_synced_at: last_synced(conn, account_id)?,
    })
}

/// Active, unexpired bindings on X.
pub fn live_on_x(
    conn: &Connection,
    account_id: i64,
    x: &str,
    now: &str,
) -> Result<u32, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT COUNT(*) FROM bindings WHERE account_id = ?1 AND x = ?2 AND status = 'active'
         AND (expires_at IS NULL OR expires_at > ?3)",
    )?;
    Ok(stmt.query_row((account_id, x, now), |r| r.get(0))?)
}

/// Whether `number` is already in a live binding on X as A or B (AXB allows one pair per
/// number per X).
pub fn number_on_x(
    conn: &Connection,
    account_id: i64,
    x: &str,
    number: &str,
    now: &str,
) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM bindings WHERE account_id = ?1 AND x = ?2
         AND (a = ?3 OR b = ?3) AND status = 'active' AND (expires_at IS NULL OR expires_at > ?4))",
    )?;
    Ok(stmt.query_row((account_id, x, number, now), |r| r.get(0))?)
}

/// Subscription ids of live cached bindings on X.
pub fn live_ids_on_x(
    conn: &Connection,
    account_id: i64,
    x: &str,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT subscription_id FROM bindings WHERE account_id = ?1 AND x = ?2 AND status = 'active'",
    )?;
    let ids = stmt
        .query_map((account_id, x), |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}

/// Records a completed sync.
pub fn set_synced(conn: &Connection, account_id: i64, at: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO binding_syncs (account_id, last_synced_at) VALUES (?1, ?2)
         ON CONFLICT (account_id) DO UPDATE SET last_synced_at = excluded.last_synced_at",
        (account_id, at),
    )?;
    Ok(())
}

pub fn last_synced(conn: &Connection, account_id: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT last_synced_at FROM binding_syncs WHERE account_id = ?1",
            [account_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every X the cache has seen for the account.
pub fn known_x(conn: &Connection, account_id: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT x FROM bindings WHERE account_id = ?1 AND x IS NOT NULL ORDER BY x",
    )?;
    let xs = stmt
        .query_map([account_id], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(xs)
}

/// Subscription ids of every active cached binding of the account.
pub fn live_ids(conn: &Connection, account_id: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT subscription_id FROM bindings WHERE account_id = ?1 AND status = 'active' ORDER BY id",
    )?;
    let ids = stmt
        .query_map([account_id], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}

/// Who is on a live binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveParties {
    pub subscription_id: String,
    pub x: String,
    pub a: Option<String>,
    pub b: Option<String>,
}

/// Every live cached binding of the account with an X (for bulk conflict checks and for
/// finding a binding by its numbers).
pub fn live_parties(
    conn: &Connection,
    account_id: i64,
    now: &str,
) -> Result<Vec<LiveParties>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT subscription_id, x, a, b FROM bindings WHERE account_id = ?1 AND x IS NOT NULL
         AND status = 'active' AND (expires_at IS NULL OR expires_at > ?2)",
    )?;
    let rows = stmt
        .query_map((account_id, now), |r| {
            Ok(LiveParties {
                subscription_id: r.get(0)?,
                x: r.get(1)?,
                a: r.get(2)?,
                b: r.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Subscription ids of the account's cached bindings in a stored status.
pub fn ids_with_status(
    conn: &Connection,
    account_id: i64,
    status: &str,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT subscription_id FROM bindings WHERE account_id = ?1 AND status = ?2",
    )?;
    let ids = stmt
        .query_map((account_id, status), |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}
