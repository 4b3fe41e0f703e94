//! The dry run: every row validated (numbers, durations, mode rules), duplicates within the
//! file and conflicts with the bindings cache found, before anything is sent. In AXB a number
//! may be in one pair per X, so A or B already bound on the row's X is a conflict. Rows
//! without X can get one from a pool or city (least used first, conflicts avoided).

use maskline_domain::{Text, text};
use std::collections::{HashMap, HashSet};

use maskline_domain::Mode;
use maskline_domain::jobs::{ColumnMapping, DryRunReport, IssueKind, JobKind, RowIssue, RowState};
use maskline_domain::pools::{RowError, XScope, capacity_per_x};
use maskline_store::bindings;
use maskline_store::jobs::NewRow;
use maskline_store::{Db, numbers, timefmt};

use super::plan::{Payload, parse_row};
use crate::ServiceError;
use maskline_formats::sheet::Table;

/// B and the subscription id of a live binding.
type BOnX = (Option<String>, String);

/// What the cache knows, loaded once per dry run.
struct Known {
    /// `(x, number)` pairs in live bindings.
    on_x: HashSet<(String, String)>,
    /// Live bindings per X.
    load: HashMap<String, u32>,
    /// The account's numbers with city and pool (empty = no number list).
    numbers: Vec<(String, Option<String>, Option<String>)>,
    unbound: HashSet<String>,
    /// Live bindings by `(x, a)`.
    by_parties: HashMap<(String, String), Vec<BOnX>>,
}

fn load(db: &Db, account_id: i64) -> Result<Known, ServiceError> {
    let conn = db.conn()?;
    let now = timefmt::now_text();
    let mut k = Known {
        on_x: HashSet::new(),
        load: HashMap::new(),
        numbers: vec![],
        unbound: HashSet::new(),
        by_parties: HashMap::new(),
    };
    for p in bindings::live_parties(&conn, account_id, &now)? {
        *k.load.entry(p.x.clone()).or_default() += 1;
        if let Some(a) = &p.a {
            k.by_parties
                .entry((p.x.clone(), a.clone()))
                .or_default()
                .push((p.b.clone(), p.subscription_id.clone()));
        }
        for n in [p.a, p.b].into_iter().flatten() {
            k.on_x.insert((p.x.clone(), n));
        }
    }
    k.numbers = numbers::list(&conn, account_id)?
        .into_iter()
        .map(|n| (n.number, n.city, n.pool))
        .collect();
    k.unbound = bindings::ids_with_status(&conn, account_id, "unbound")?
        .into_iter()
        .collect();
    Ok(k)
}

impl Known {
    fn conflict_on(&self, x: &str, parties: &[&str]) -> Option<String> {
        parties
            .iter()
            .find(|n| self.on_x.contains(&(x.to_string(), n.to_string())))
            .map(|n| n.to_string())
    }

    /// Least-loaded X of the scope below capacity where none of `parties` is bound yet.
    fn choose(&self, mode: Mode, scope: &XScope, parties: &[&str]) -> Option<String> {
        let cap = capacity_per_x(mode);
        let mut c: Vec<(u32, &str)> = self
            .numbers
            .iter()
            .filter(|(_, city, pool)| match scope {
                XScope::Pool(p) => pool.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(p)),
                XScope::City(want) => city.as_deref() == Some(want.as_str()),
                XScope::Any => true,
            })
            .map(|(x, _, _)| (self.load.get(x).copied().unwrap_or(0), x.as_str()))
            .filter(|(n, _)| *n < cap)
            .collect();
        c.sort();
        c.into_iter()
            .find(|(_, x)| self.conflict_on(x, parties).is_none())
            .map(|(_, x)| x.to_string())
    }

    fn take(&mut self, x: &str, parties: &[&str]) {
        *self.load.entry(x.to_string()).or_default() += 1;
        for n in parties {
            self.on_x.insert((x.to_string(), n.to_string()));
        }
    }
}

/// Checks every row; returns the report and the journal rows (valid ones `Pending`).
pub fn check(
    db: &Db,
    account_id: i64,
    kind: JobKind,
    mode: Mode,
    table: &Table,
    mapping: &ColumnMapping,
    auto_x: Option<&XScope>,
) -> Result<(DryRunReport, Vec<NewRow>), ServiceError> {
    let mut known = load(db, account_id)?;
    let mut seen_keys: HashSet<String> = HashSet::new();
    let mut issues = Vec::new();
    let mut rows = Vec::new();
    for (row_no, cells) in &table.rows {
        let issue = |kind, column: Option<String>, message: Text| RowIssue {
            kind,
            error: RowError {
                file: table.file.clone(),
                row: *row_no,
                column,
                message,
            },
        };
        let verdict = match parse_row(kind, mode, mapping, cells) {
            Err((column, msg)) => Err(issue(IssueKind::Invalid, column, msg)),
            Ok(mut p) => classify(&mut known, &mut seen_keys, mode, &mut p, auto_x)
                .map(|()| p)
                .map_err(|(k, msg)| issue(k, None, msg)),
        };
        rows.push(match verdict {
            Ok(p) => journal_row(*row_no, RowState::Pending, &p, None),
            Err(i) => {
                let payload = parse_row(kind, mode, mapping, cells).ok();
                let mut r = match &payload {
                    Some(p) => journal_row(*row_no, RowState::Invalid, p, None),
                    None => journal_row_raw(*row_no, cells),
                };
                r.reason = Some(i.error.message.map(|m| format!("{:?}: {m}", i.kind)));
                issues.push(i);
                r
            }
        });
    }
    let count = |k| issues.iter().filter(|i: &&RowIssue| i.kind == k).count() as u32;
    let report = DryRunReport {
        kind,
        mode,
        mapping: mapping.clone(),
        rows: table.rows.len() as u32,
        valid: (table.rows.len() - issues.len()) as u32,
        invalid: count(IssueKind::Invalid),
        duplicates: count(IssueKind::Duplicate),
        conflicts: count(IssueKind::Conflict),
        issues,
    };
    Ok((report, rows))
}

type Refusal = (IssueKind, Text);

fn classify(
    known: &mut Known,
    seen: &mut HashSet<String>,
    mode: Mode,
    p: &mut Payload,
    auto_x: Option<&XScope>,
) -> Result<(), Refusal> {
    if let Payload::UnbindParties { a, b, x } = p {
        let found = known
            .by_parties
            .get(&(x.clone(), a.clone()))
            .and_then(|v| v.iter().find(|(bb, _)| b.is_none() || bb == b))
            .map(|(_, id)| id.clone());
        let Some(subscription_id) = found else {
            return Err((
                IssueKind::Invalid,
                text!(
                    "no live binding of this A on X {x} in the local cache; sync first",
                    "本地缓存中没有该 A 在 X {x} 上的有效绑定;请先同步"
                ),
            ));
        };
        *p = Payload::Unbind { subscription_id };
    }
    match p {
        Payload::Bind(b) => {
            let mut parties = vec![b.a.as_str()];
            parties.extend(b.b.as_deref());
            let mut sorted = parties.clone();
            sorted.sort_unstable();
            let key = format!("{}|{}", b.x.as_deref().unwrap_or("*"), sorted.join("|"));
            if !seen.insert(key) {
                return Err((
                    IssueKind::Duplicate,
                    Text::new("the same binding is in an earlier row", "与前面的行重复"),
                ));
            }
            if let (None, Some(scope)) = (&b.x, auto_x) {
                let x = known.choose(mode, scope, &parties).ok_or_else(|| {
                    (
                        IssueKind::Conflict,
                        Text::new(
                            "no X of the pool or city is free for these numbers",
                            "号码池中没有可用的 X",
                        ),
                    )
                })?;
                b.x = Some(x);
            }
            if let Some(x) = b.x.clone() {
                if !known.numbers.is_empty() && !known.numbers.iter().any(|n| n.0 == x) {
                    return Err((
                        IssueKind::Invalid,
                        text!(
                            "X {x} is not one of the account's numbers",
                            "X {x} 不是该账号的号码"
                        ),
                    ));
                }
                let checked: &[&str] = match mode {
                    Mode::Axb | Mode::Axe => &parties,
                    Mode::Ax | Mode::Axyb => &[],
                };
                if let Some(n) = known.conflict_on(&x, checked) {
                    let who = if n == b.a { "A" } else { "B" };
                    return Err((
                        IssueKind::Conflict,
                        text!("{who} is already bound on X {x}", "{who} 已在 X {x} 上绑定"),
                    ));
                }
                if mode == Mode::Ax && known.load.get(&x).copied().unwrap_or(0) > 0 {
                    return Err((
                        IssueKind::Conflict,
                        text!("X {x} already belongs to another A", "X {x} 已属于另一个 A"),
                    ));
                }
                known.take(&x, &parties);
            }
            Ok(())
        }
        Payload::Modify(m) => {
            if !seen.insert(m.subscription_id.clone()) {
                return Err((
                    IssueKind::Duplicate,
                    Text::new(
                        "this binding is modified in an earlier row",
                        "与前面的行重复",
                    ),
                ));
            }
            if known.unbound.contains(&m.subscription_id) {
                return Err((
                    IssueKind::Conflict,
                    Text::new("this binding was unbound", "该绑定已解除"),
                ));
            }
            Ok(())
        }
        Payload::UnbindParties { .. } => Ok(()),
        Payload::Unbind { subscription_id } => {
            if !seen.insert(subscription_id.clone()) {
                return Err((
                    IssueKind::Duplicate,
                    Text::new(
                        "this binding is unbound in an earlier row",
                        "与前面的行重复",
                    ),
                ));
            }
            if known.unbound.contains(subscription_id) {
                return Err((
                    IssueKind::Conflict,
                    Text::new("this binding is already unbound", "该绑定已解除"),
                ));
            }
            Ok(())
        }
    }
}

pub(crate) fn journal_row(
    row_no: u32,
    state: RowState,
    p: &Payload,
    reason: Option<Text>,
) -> NewRow {
    let (a, b, x, sub) = match p {
        Payload::Bind(b) => (Some(b.a.clone()), b.b.clone(), b.x.clone(), None),
        Payload::Modify(m) => (
            m.a.clone(),
            m.b.clone(),
            None,
            Some(m.subscription_id.clone()),
        ),
        Payload::Unbind { subscription_id } => (None, None, None, Some(subscription_id.clone())),
        Payload::UnbindParties { a, b, x } => (Some(a.clone()), b.clone(), Some(x.clone()), None),
    };
    NewRow {
        row_no,
        state,
        payload: serde_json::to_string(p).unwrap_or_default(),
        a,
        b,
        x,
        subscription_id: sub,
        reason,
    }
}

fn journal_row_raw(row_no: u32, cells: &[String]) -> NewRow {
    NewRow {
        row_no,
        state: RowState::Invalid,
        payload: serde_json::json!({ "op": "invalid", "cells": cells }).to_string(),
        a: None,
        b: None,
        x: None,
        subscription_id: None,
        reason: None,
    }
}
