//! The first start of the demo: accounts, numbers, bindings and calls, all seeded.

use maskline_domain::{Text, text};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use maskline_domain::{AuthScheme, Mode, PhoneNumber};
use maskline_secrets::{SecretStore, Sensitive};
use maskline_sim::AppConfig;
use maskline_store::numbers::NumberFields;
use maskline_store::{accounts as account_rows, numbers, pools};

use super::{DEMO_SEED, DemoHandle, blocking, cdr_dir, chinese};
use crate::accounts::{self, NewAccount};
use crate::bindings::{
    AxBindRequest, AxbBindRequest, AxeBindRequest, AxybAxRequest, Session, YbStep,
};
use crate::import::{ImportOptions, import_paths};
use crate::{DbManager, ServiceError};

/// Calls generated per app (AXB, AX, AXE, AXYB): about 300 in all.
const CALLS: [u32; 4] = [140, 60, 50, 50];
/// Bindings made per app: 40 in all.
const BINDINGS: [usize; 4] = [16, 8, 8, 8];

/// A small deterministic generator (SplitMix64): the demo needs no more.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn domain_mode(m: maskline_sim::Mode) -> Mode {
    match m {
        maskline_sim::Mode::Axb => Mode::Axb,
        maskline_sim::Mode::Ax => Mode::Ax,
        maskline_sim::Mode::Axe => Mode::Axe,
        maskline_sim::Mode::Axyb => Mode::Axyb,
    }
}

fn invalid(message: Text) -> ServiceError {
    ServiceError::Invalid {
        field: "demo".into(),
        message,
    }
}

/// A customer's mobile number, e.g. `+8613812345678`.
fn user_number(rng: &mut Rng) -> Result<PhoneNumber, ServiceError> {
    const PREFIXES: [&str; 8] = ["138", "139", "137", "186", "159", "135", "188", "152"];
    let p = PREFIXES[rng.below(PREFIXES.len() as u64) as usize];
    PhoneNumber::parse(&format!("+86{p}{:08}", rng.below(100_000_000)))
        .map_err(|e| invalid(e.text()))
}

fn x_number(app: &AppConfig, i: usize) -> Result<PhoneNumber, ServiceError> {
    PhoneNumber::parse(&app.numbers[i % app.numbers.len()].number).map_err(|e| invalid(e.text()))
}

pub(super) async fn seed(
    dbm: &Arc<DbManager>,
    secrets: &Arc<dyn SecretStore>,
    data_dir: &Path,
    handle: &DemoHandle,
) -> Result<(), ServiceError> {
    let apps = handle.sim.apps();
    let base_url = handle.base_url();
    let (d, s, a) = (dbm.clone(), secrets.clone(), apps.clone());
    let names = blocking(move || create_accounts(&d, s.as_ref(), &a, &base_url)).await?;
    let mut rng = Rng::new(DEMO_SEED);
    for ((app, name), count) in apps.iter().zip(&names).zip(BINDINGS) {
        let (d, s, n) = (dbm.clone(), secrets.clone(), name.clone());
        let session = blocking(move || Session::open(&d, s.as_ref(), Some(&n))).await?;
        bind(&session, app, count, &mut rng).await?;
    }
    let mut fee_files = 0;
    for (app, count) in apps.iter().zip(CALLS) {
        handle.sim.generate_calls(&app.key, count, 0).map_err(|e| {
            invalid(text!(
                "the simulator placed no calls: {e:?}",
                "模拟器没有发起任何通话:{e:?}"
            ))
        })?;
        fee_files += count.div_ceil(50) as usize;
    }
    let cdrs = cdr_dir(data_dir);
    wait_for_fee_files(&cdrs, fee_files).await?;
    let (d, dir) = (dbm.clone(), cdrs.clone());
    blocking(move || {
        super::spread::spread_calls(&dir, DEMO_SEED)?;
        let cancel = AtomicBool::new(false);
        import_paths(&d, &[dir], &ImportOptions::default(), &cancel, &mut |_| {})?;
        Ok(())
    })
    .await?;
    // A first sync gives the Bindings page its "last synced" time.
    for name in &names {
        let (d, s, n) = (dbm.clone(), secrets.clone(), name.clone());
        let session = blocking(move || Session::open(&d, s.as_ref(), Some(&n))).await?;
        if let Err(e) = crate::bindings_cache::sync(&session).await {
            tracing::warn!("demo: first sync of {name} failed: {e}");
        }
    }
    Ok(())
}

/// One demo account per simulator app, its numbers in a pool. Returns the account names.
fn create_accounts(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    apps: &[AppConfig],
    base_url: &str,
) -> Result<Vec<String>, ServiceError> {
    let zh = chinese(dbm);
    let (label, pool) = if zh {
        ("演示", "演示号码池")
    } else {
        ("Demo", "Demo pool")
    };
    let mut names = Vec::new();
    let mut first_id = None;
    for (i, app) in apps.iter().enumerate() {
        let mode = domain_mode(app.mode);
        let name = format!("{label} · {}", mode.as_str());
        let view = accounts::add(
            dbm,
            secrets,
            NewAccount {
                name: name.clone(),
                mode,
                auth: if i % 2 == 0 {
                    AuthScheme::Aksk
                } else {
                    AuthScheme::Wsse
                },
                base_url: base_url.to_string(),
                ca_cert_pem: None,
                rate_limit: 100,
                app_key: app.key.clone(),
                app_secret: Sensitive::new(app.secret.clone()),
            },
        )?;
        let db = dbm.db()?;
        let mut conn = db.conn()?;
        account_rows::mark_demo(&conn, view.id)?;
        first_id.get_or_insert(view.id);
        let pool_id = pools::ensure(&conn, view.id, pool)?;
        let rows: Vec<NumberFields> = app
            .numbers
            .iter()
            .enumerate()
            .map(|(j, n)| NumberFields {
                number: n.number.clone(),
                city: Some(n.area_code.clone()),
                carrier: Some(
                    match j % 3 {
                        0 if zh => "中国移动",
                        1 if zh => "中国联通",
                        _ if zh => "中国电信",
                        0 => "China Mobile",
                        1 => "China Unicom",
                        _ => "China Telecom",
                    }
                    .into(),
                ),
                tags: if j % 5 == 0 {
                    vec!["demo".into(), "vip".into()]
                } else {
                    vec!["demo".into()]
                },
            })
            .collect();
        numbers::upsert_many(&mut conn, view.id, &rows, Some(pool_id))?;
        names.push(name);
    }
    // The demo is what the user asked to see: its AXB account becomes the active one.
    if let Some(id) = first_id {
        accounts::set_active(dbm, id)?;
    }
    Ok(names)
}

/// `count` bindings of the app's mode; about two in three record their calls.
async fn bind(
    session: &Session,
    app: &AppConfig,
    count: usize,
    rng: &mut Rng,
) -> Result<(), ServiceError> {
    for i in 0..count {
        let record = Some(i % 3 != 2);
        let user_data = Some(format!("demo-{}", 1000 + i));
        // Carriers refuse recorded calls without a notice tone.
        let tone = record
            .filter(|r| *r)
            .map(|_| "record_notice.wav".to_string());
        match app.mode {
            maskline_sim::Mode::Axb => {
                let mut req = AxbBindRequest::new(user_number(rng)?, user_number(rng)?);
                req.relation_num = Some(x_number(app, i * 2)?);
                req.record = record;
                req.record_hint_tone = tone;
                req.user_data = user_data;
                // Some expire within a week, the rest never.
                req.duration_secs = (i % 4 == 0).then(|| 86_400 * (1 + rng.below(6) as u32));
                session.axb_bind(&req).await?;
            }
            maskline_sim::Mode::Ax => {
                let mut req = AxBindRequest::new(user_number(rng)?);
                req.private_num = Some(x_number(app, i * 3)?);
                req.record = record;
                req.record_hint_tone = tone;
                req.user_data = user_data;
                session.ax_bind(&req).await?;
            }
            maskline_sim::Mode::Axe => {
                let mut req = AxeBindRequest::new(user_number(rng)?);
                req.virtual_num = Some(x_number(app, i % 4)?);
                req.record = record;
                req.record_hint_tone = tone;
                req.user_data = user_data;
                req.bind_expired_hours = (i % 3 == 0).then_some(72);
                session.axe_bind(&req).await?;
            }
            maskline_sim::Mode::Axyb => {
                let area = app.numbers[(i * 4) % app.numbers.len()].area_code.clone();
                let mut ax = AxybAxRequest::new(user_number(rng)?);
                ax.area_code = Some(area.clone());
                ax.record = record;
                ax.record_hint_tone = tone;
                ax.user_data = user_data;
                let mut yb = YbStep::new(user_number(rng)?);
                yb.area_code = Some(area);
                session.axyb_bind(&ax, &yb).await?;
            }
        }
    }
    Ok(())
}

/// The simulator writes notifications one at a time, events before the CDRs of the same
/// calls: once every CDR file is there, everything is.
async fn wait_for_fee_files(dir: &Path, expected: usize) -> Result<(), ServiceError> {
    let started = Instant::now();
    loop {
        let found = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().ends_with("-fee.json"))
                    .count()
            })
            .unwrap_or(0);
        if found >= expected {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(60) {
            return Err(invalid(text!(
                "the simulator delivered {found} of {expected} CDR files in time",
                "模拟器在限定时间内只生成了 {expected} 个话单文件中的 {found} 个"
            )));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
