//! The local bindings cache: sync from the platform by query, and the filtered list the
//! Bindings page shows. Single operations keep it current on their own (`bindings::record`).
//!
//! The platform has no "list all bindings" call, so a sync asks per X: every number of the
//! account's number list plus every X the cache knows (AXB pages through each X; AX and AXYB
//! query by X). AXE can only be queried by subscription or extension, so its sync re-checks
//! the cached subscriptions. Cached bindings on a queried X that the platform no longer
//! reports are marked unbound.

use std::collections::BTreeSet;

use maskline_api::ApiError;
use maskline_api::ax::AxQuery;
use maskline_api::axb::AxbQuery;
use maskline_api::axe::AxeKey;
use maskline_api::axyb::AxybQuery;
use maskline_api::{CodeCategory, Page};
use maskline_domain::bindings::{BindingFilter, BindingPage, SyncReport};
use maskline_domain::{Mode, PhoneNumber};
use maskline_store::bindings::{self, BindingRecord};
use maskline_store::{Db, numbers, timefmt};

use crate::bindings::Session;
use crate::{DbManager, ServiceError};

/// `bound_at + duration`, when both are known and the duration is not "never".
fn expires(bound_at: Option<&str>, secs: Option<u64>) -> Option<String> {
    let t = timefmt::parse_utc(bound_at?)?;
    let s = i64::try_from(secs.filter(|s| *s > 0)?).ok()?;
    Some(timefmt::utc_text(t + time::Duration::seconds(s)))
}

fn bound_at(platform_time: Option<&String>) -> Option<String> {
    platform_time
        .and_then(|t| timefmt::parse_utc(t))
        .map(timefmt::utc_text)
}

fn not_found(e: &ApiError) -> bool {
    e.result_code()
        .is_some_and(|c| c.category() == CodeCategory::NotFound)
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        ServiceError::NotFound(maskline_domain::text!(
            "background task failed: {e}",
            "后台任务失败:{e}"
        ))
    })?
}

/// X numbers to query: the number list and every X in the cache.
fn numbers_to_query(db: &Db, account_id: i64) -> Result<Vec<String>, ServiceError> {
    let conn = db.conn()?;
    let mut set: BTreeSet<String> = numbers::list(&conn, account_id)?
        .into_iter()
        .map(|n| n.number)
        .collect();
    set.extend(bindings::known_x(&conn, account_id)?);
    Ok(set.into_iter().collect())
}

/// Queries the platform and brings the cache in line with it.
pub async fn sync(session: &Session) -> Result<SyncReport, ServiceError> {
    let db = session.db()?.clone();
    let account = session.account().clone();
    let d = db.clone();
    let xs = blocking(move || numbers_to_query(&d, account.id)).await?;
    let client = session.raw_client();
    let mut seen: Vec<BindingRecord> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    let mut queried = 0u32;
    match account.mode {
        Mode::Axb => {
            for x in &xs {
                let Ok(xn) = PhoneNumber::parse(x) else {
                    continue;
                };
                queried += 1;
                let mut index = 1;
                loop {
                    let page = client
                        .axb_query(&AxbQuery::Number {
                            relation_num: xn.clone(),
                            caller: None,
                            callee: None,
                            page: Page { index, size: 100 },
                        })
                        .await?;
                    let n = page.bindings.len();
                    for b in page.bindings {
                        let at = bound_at(b.subscribe_time.as_ref());
                        seen.push(BindingRecord {
                            expires_at: expires(at.as_deref(), b.duration_secs),
                            subscription_id: b.subscription_id,
                            a: b.caller,
                            b: b.callee,
                            x: b.relation_num.or_else(|| Some(x.clone())),
                            direction: b.call_direction.map(|d| d.code()),
                            duration_secs: b.duration_secs.map(|d| d as i64),
                            record: b.record,
                            user_data: b.user_data,
                            bound_at: at,
                            ..Default::default()
                        });
                    }
                    if n < 100 || u64::from(index) * 100 >= page.total_count {
                        break;
                    }
                    index += 1;
                }
            }
        }
        Mode::Ax => {
            for x in &xs {
                let Ok(xn) = PhoneNumber::parse(x) else {
                    continue;
                };
                queried += 1;
                let found = match client.ax_query(&AxQuery::PrivateNum(xn)).await {
                    Ok(v) => v,
                    Err(e) if not_found(&e) => vec![],
                    Err(e) => return Err(e.into()),
                };
                seen.extend(found.into_iter().map(|b| BindingRecord {
                    subscription_id: b.subscription_id,
                    a: b.orig_num,
                    x: b.private_num.or_else(|| Some(x.clone())),
                    direction: b.call_direction.map(|d| d.code()),
                    record: b.record,
                    user_data: b.user_data,
                    ..Default::default()
                }));
            }
        }
        Mode::Axyb => {
            for x in &xs {
                let Ok(xn) = PhoneNumber::parse(x) else {
                    continue;
                };
                queried += 1;
                let found = match client.axyb_query(&AxybQuery::RelationNum(xn)).await {
                    Ok(v) => v,
                    Err(e) if not_found(&e) => vec![],
                    Err(e) => return Err(e.into()),
                };
                seen.extend(found.into_iter().map(|r| {
                    let at = bound_at(r.subscribe_time.as_ref());
                    BindingRecord {
                        expires_at: expires(at.as_deref(), r.duration_secs),
                        subscription_id: r.subscription_id,
                        a: r.a,
                        b: r.b,
                        x: r.x.or_else(|| Some(x.clone())),
                        y: r.y,
                        direction: r.call_direction.map(|d| d.code()),
                        duration_secs: r.duration_secs.map(|d| d as i64),
                        record: r.record,
                        user_data: r.user_data,
                        bound_at: at,
                        ..Default::default()
                    }
                }));
            }
        }
        Mode::Axe => {
            let d = db.clone();
            let ids = blocking(move || Ok(bindings::live_ids(&*d.conn()?, account.id)?)).await?;
            for id in ids {
                queried += 1;
                match client.axe_query(&AxeKey::Subscription(id.clone())).await {
                    Ok(found) => seen.extend(found.into_iter().map(|b| BindingRecord {
                        // In the unit the answer states (`timeUnit`: hours or minutes).
                        duration_secs: b.bind_expired_secs().map(|s| s as i64),
                        subscription_id: b.subscription_id,
                        a: b.bind_num,
                        x: b.virtual_num,
                        extension: b.extend_num,
                        record: b.record,
                        user_data: b.user_data,
                        ..Default::default()
                    })),
                    Err(e) if not_found(&e) => gone.push(id),
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
    let seen_count = seen.len() as u32;
    let synced_at = timefmt::now_text();
    let at = synced_at.clone();
    let mode = account.mode;
    let per_x = mode != Mode::Axe;
    let (added, removed) = blocking(move || {
        let mut conn = db.conn()?;
        let tx = conn
            .transaction()
            .map_err(maskline_store::StoreError::from)?;
        let mut added = 0u32;
        let ids: BTreeSet<&str> = seen.iter().map(|b| b.subscription_id.as_str()).collect();
        for b in &seen {
            if bindings::upsert(&tx, account.id, mode, b, Some(&at))? {
                added += 1;
            }
        }
        let mut removed = 0u32;
        let stale: Vec<String> = if per_x {
            let mut v = Vec::new();
            for x in &xs {
                v.extend(bindings::live_ids_on_x(&tx, account.id, x)?);
            }
            v.retain(|id| !ids.contains(id.as_str()));
            v
        } else {
            gone
        };
        for id in stale {
            removed += bindings::mark_unbound(&tx, account.id, Some(&id), None)? as u32;
        }
        bindings::set_synced(&tx, account.id, &at)?;
        tx.commit().map_err(maskline_store::StoreError::from)?;
        Ok((added, removed))
    })
    .await?;
    Ok(SyncReport {
        numbers_queried: queried,
        seen: seen_count,
        added,
        removed,
        synced_at,
    })
}

/// The filtered, sorted page of cached bindings of an account (`None` = the active one).
pub fn list(
    dbm: &DbManager,
    account: Option<&str>,
    filter: &BindingFilter,
) -> Result<BindingPage, ServiceError> {
    // 0 means "the default" in the filter (serde default); anything above the maximum is refused.
    if filter.page_size != 0 {
        crate::paging::page_size("page size", filter.page_size)?;
    }
    let row = crate::scope::account_row(dbm, account)?;
    let mut f = filter.clone();
    if let Some(x) = f.x.as_deref() {
        // Accept X as typed: `170 0010 0000` finds `+8617000100000`.
        if let Ok(p) = PhoneNumber::parse(x) {
            f.x = Some(p.to_string());
        }
    }
    let db = dbm.db()?;
    Ok(bindings::list(
        &*db.conn()?,
        row.id,
        &f,
        &timefmt::now_text(),
    )?)
}
