//! Number pools: per-X utilisation and health, the pool view (per city and per pool, idle
//! numbers worth releasing, numbers near capacity) and choosing the X for a new binding.
//!
//! Bindings come from the local cache (sync first for fresh figures); calls from the imported
//! call records.

use std::collections::BTreeMap;

use maskline_domain::pools::{
    EXPIRING_WITHIN_DAYS, NEAR_CAPACITY_RATIO, NumberHealth, NumberStats, PoolOverview,
    Utilisation, XScope, capacity_per_x,
};
use maskline_domain::{Mode, PhoneNumber};
use maskline_store::{bindings, numbers, pools, timefmt};
use time::{Duration, OffsetDateTime};

use crate::scope::account_row;
use crate::{DbManager, ServiceError};

pub use maskline_domain::pools::Pool;

fn health(live: u32, capacity: u32, expiring: u32, calls_30d: Option<u32>) -> NumberHealth {
    if f64::from(live) >= f64::from(capacity) * NEAR_CAPACITY_RATIO {
        NumberHealth::NearCapacity
    } else if expiring > 0 {
        NumberHealth::ExpiringBindings
    } else if live == 0 && calls_30d.unwrap_or(0) == 0 {
        NumberHealth::Idle
    } else {
        NumberHealth::Busy
    }
}

/// Every number of the account with its bindings, capacity, calls and health.
pub fn stats(dbm: &DbManager, account: Option<&str>) -> Result<Vec<NumberStats>, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    let conn = db.conn()?;
    let now = OffsetDateTime::now_utc();
    let until = timefmt::utc_text(now + Duration::days(i64::from(EXPIRING_WITHIN_DAYS)));
    let usage = numbers::usage(&conn, acc.id, &timefmt::utc_text(now), &until)?;
    let t = now.unix_timestamp();
    let calls = numbers::call_activity(&conn, acc.id, t - 7 * 86_400, t - 30 * 86_400)?;
    let capacity = capacity_per_x(acc.mode);
    Ok(usage
        .into_iter()
        .map(|u| {
            let c = calls.get(&u.number.number).copied().unwrap_or_default();
            let (c7, c30) = (Some(c.since_a), Some(c.since_b));
            NumberStats {
                bindings: u.live,
                capacity,
                capacity_left: capacity.saturating_sub(u.live),
                expiring: u.expiring,
                calls_7d: c7,
                calls_30d: c30,
                last_call_at: c
                    .last_start
                    .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
                    .map(timefmt::utc_text),
                health: health(u.live, capacity, u.expiring, c30),
                number: u.number,
            }
        })
        .collect())
}

fn utilisation(groups: BTreeMap<Option<String>, (u32, u32)>, capacity: u32) -> Vec<Utilisation> {
    groups
        .into_iter()
        .map(|(key, (numbers, bindings))| {
            let cap = numbers * capacity;
            Utilisation {
                key,
                numbers,
                bindings,
                capacity: cap,
                ratio: if cap == 0 {
                    0.0
                } else {
                    f64::from(bindings) / f64::from(cap)
                },
            }
        })
        .collect()
}

/// The pool view of the account.
pub fn overview(dbm: &DbManager, account: Option<&str>) -> Result<PoolOverview, ServiceError> {
    let acc = account_row(dbm, account)?;
    let all = stats(dbm, account)?;
    let capacity = capacity_per_x(acc.mode);
    let mut by_city: BTreeMap<Option<String>, (u32, u32)> = BTreeMap::new();
    let mut by_pool: BTreeMap<Option<String>, (u32, u32)> = BTreeMap::new();
    for s in &all {
        for (map, key) in [
            (&mut by_city, &s.number.city),
            (&mut by_pool, &s.number.pool),
        ] {
            let e = map.entry(key.clone()).or_default();
            e.0 += 1;
            e.1 += s.bindings;
        }
    }
    let pick = |h: NumberHealth| all.iter().filter(|s| s.health == h).cloned().collect();
    Ok(PoolOverview {
        mode: acc.mode,
        by_city: utilisation(by_city, capacity),
        by_pool: utilisation(by_pool, capacity),
        idle: pick(NumberHealth::Idle),
        near_capacity: pick(NumberHealth::NearCapacity),
    })
}

/// The account's pools.
pub fn list(dbm: &DbManager, account: Option<&str>) -> Result<Vec<Pool>, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    Ok(pools::list(&*db.conn()?, acc.id)?)
}

/// Moves numbers into `pool` (created if needed), or out of any pool when `None`.
pub fn assign(
    dbm: &DbManager,
    account: Option<&str>,
    numbers: &[PhoneNumber],
    pool: Option<&str>,
) -> Result<usize, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    let mut conn = db.conn()?;
    let id = pool.map(|p| pools::ensure(&conn, acc.id, p)).transpose()?;
    let list: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    Ok(pools::assign(&mut conn, acc.id, &list, id)?)
}

/// The least-used X of the scope that can take this binding: below capacity and, in AXB,
/// with neither A nor B already bound on it. `None` when every candidate is full or taken.
pub fn choose_x(
    dbm: &DbManager,
    account: Option<&str>,
    scope: &XScope,
    a: &PhoneNumber,
    b: Option<&PhoneNumber>,
) -> Result<Option<PhoneNumber>, ServiceError> {
    let acc = account_row(dbm, account)?;
    let db = dbm.db()?;
    let conn = db.conn()?;
    let now = timefmt::now_text();
    let capacity = capacity_per_x(acc.mode);
    let mut candidates: Vec<(u32, String)> = numbers::usage(&conn, acc.id, &now, &now)?
        .into_iter()
        .filter(|u| match scope {
            XScope::Pool(p) => u
                .number
                .pool
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(p)),
            XScope::City(c) => u.number.city.as_deref() == Some(c.as_str()),
            XScope::Any => true,
        })
        .filter(|u| u.live < capacity)
        .map(|u| (u.live, u.number.number))
        .collect();
    candidates.sort();
    for (_, x) in candidates {
        let taken = |n: &PhoneNumber| bindings::number_on_x(&conn, acc.id, &x, n.as_str(), &now);
        let conflict = match acc.mode {
            Mode::Axb => taken(a)? || b.map(taken).transpose()?.unwrap_or(false),
            Mode::Axe => taken(a)?,
            Mode::Ax | Mode::Axyb => false,
        };
        if !conflict {
            return Ok(PhoneNumber::parse(&x).ok());
        }
    }
    Ok(None)
}
