//! The Calls page, its detail drawer and the dashboard, over imported CDRs.
//!
//! Blocking (SQLite): run off the UI thread. CSV/XLSX exports are in [`export`].

use maskline_domain::calls::{
    CallDetail, CallFilter, CallPage, CallPageRequest, CallStats, StatsBucket, StatsRequest,
};
use maskline_domain::explain::explain;
use maskline_domain::phone::to_ascii_digits;
use maskline_domain::text;
use maskline_store::call_query::{self, Where};
use maskline_store::call_stats;

use crate::{DbManager, ServiceError};

pub mod export;

/// Rows per page when the request says 0.
pub const DEFAULT_PAGE_SIZE: u32 = 100;
/// Largest page served.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// The filter as searched: full-width digits (`１３８…`, as a Chinese input method types them)
/// in the number fields read as ASCII. A number search with no digit at all is refused: it
/// could match no number, and it must not quietly list every call.
pub fn checked_filter(f: &CallFilter) -> Result<CallFilter, ServiceError> {
    let mut f = f.clone();
    let ascii = |s: &mut Option<String>| {
        if let Some(t) = s.as_mut() {
            *t = to_ascii_digits(t).into_owned();
        }
    };
    ascii(&mut f.number);
    ascii(&mut f.x_number);
    for (field, text) in [("number", &f.number), ("xNumber", &f.x_number)] {
        if let Some(t) = text.as_deref().filter(|t| !t.trim().is_empty())
            && !t.chars().any(|c| c.is_ascii_digit())
        {
            return Err(ServiceError::Invalid {
                field: field.into(),
                message: text!(
                    "a number search needs at least one digit; {t:?} has none",
                    "号码搜索至少需要一位数字,{t:?} 中没有数字"
                ),
            });
        }
    }
    Ok(f)
}

/// One page of calls for the filter and sort.
pub fn page(dbm: &DbManager, req: &CallPageRequest) -> Result<CallPage, ServiceError> {
    // 0 asks for the default (the IPC's serde default); more than the maximum is refused
    // with the range, never silently cut.
    let size = match req.page_size {
        0 => DEFAULT_PAGE_SIZE,
        n => crate::paging::page_size_within("page size", n, MAX_PAGE_SIZE)?,
    };
    let w = Where::new(&checked_filter(&req.filter)?);
    let conn = dbm.db()?.conn()?;
    let offset = u64::from(req.page) * u64::from(size);
    let mut rows = call_query::page(&conn, &w, req.sort, offset, size + 1)?;
    let has_more = rows.len() > size as usize;
    rows.truncate(size as usize);
    Ok(CallPage {
        rows,
        page: req.page,
        page_size: size,
        has_more,
        number_match: w.number_match,
    })
}

/// How many calls match the filter.
pub fn count(dbm: &DbManager, filter: &CallFilter) -> Result<u64, ServiceError> {
    let w = Where::new(&checked_filter(filter)?);
    let conn = dbm.db()?.conn()?;
    Ok(call_query::count(&conn, &w)?)
}

/// One call with its events and its explanation in both languages.
pub fn get(dbm: &DbManager, id: i64) -> Result<CallDetail, ServiceError> {
    let conn = dbm.db()?.conn()?;
    let c = call_query::get(&conn, id)?.ok_or_else(|| {
        ServiceError::NotFound(text!("call {id} does not exist", "通话记录 {id} 不存在"))
    })?;
    let events = call_query::events(&conn, &c.session_id)?;
    let codes = c.codes.with_events(events.iter().map(|e| e.state_code));
    let explanation = explain(&codes);
    Ok(CallDetail {
        row: c.row,
        icid: c.icid,
        session_id: c.session_id,
        app_key: c.app_key,
        calling_display: c.display_num,
        service_type: c.service_type,
        user_data: c.user_data,
        extend_number: c.extend_number,
        alerting_time: c.alerting_time,
        answer_time: c.answer_time,
        record_object_name: c.record_object_name,
        record_domain: c.record_domain,
        events,
        explanation,
    })
}

/// Dashboard figures for the filter (typically a time range).
pub fn stats(dbm: &DbManager, req: &StatsRequest) -> Result<CallStats, ServiceError> {
    let w = Where::new(&checked_filter(&req.filter)?);
    let conn = dbm.db()?.conn()?;
    let top = if req.top_n == 0 {
        10
    } else {
        req.top_n.min(100)
    };
    let (calls, answered, total) = call_stats::totals(&conn, &w)?;
    let size = match req.bucket {
        StatsBucket::Hour => 3600,
        StatsBucket::Day => 86_400,
    };
    let offset = i64::from(req.utc_offset_minutes) * 60;
    Ok(CallStats {
        calls,
        answered,
        answer_rate: if calls == 0 {
            0.0
        } else {
            answered as f64 / calls as f64
        },
        total_talk_seconds: total,
        avg_talk_seconds: if answered == 0 {
            0.0
        } else {
            total as f64 / answered as f64
        },
        bucket: req.bucket,
        buckets: call_stats::buckets(&conn, &w, size, offset)?,
        failure_reasons: call_stats::failure_reasons(&conn, &w, top)?,
        top_numbers: call_stats::top_numbers(&conn, &w, top)?,
        busiest_x: call_stats::busiest_x(&conn, &w, top)?,
    })
}
