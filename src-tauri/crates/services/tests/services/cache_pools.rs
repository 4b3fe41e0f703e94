//! The bindings cache and number pools against the real simulator and real SQLite: a sync
//! matches what the simulator holds (including bindings made behind Maskline's back), pool
//! metrics follow the bindings, and `choose_x` picks the least-used X without a conflict.

use crate::support;

use maskline_api::axb::{AxbBindRequest, AxbUnbind};
use maskline_api::{AuthScheme, Client, ClientConfig, Sensitive};
use maskline_domain::bindings::{BindingFilter, BindingStatus};
use maskline_domain::pools::{NumberHealth, XScope};
use maskline_services::{bindings_cache, numbers, pools};
use support::{Env, env, num};

/// A client of the demo AXB app that bypasses Maskline (another operator, or the console).
fn outsider(env: &Env) -> Client {
    let mut cfg = ClientConfig::new(
        env.sim.base_url(),
        "demo-axb-key",
        Sensitive::new("demo-axb-secret".to_string()),
    );
    cfg.scheme = AuthScheme::Aksk;
    Client::new(cfg).expect("client")
}

async fn sim_axb_count(env: &Env) -> u64 {
    let state: serde_json::Value = reqwest::get(format!("{}/sim/admin/state", env.sim.base_url()))
        .await
        .expect("admin state")
        .json()
        .await
        .expect("json");
    state["bindings"]["axb"].as_u64().expect("axb count")
}

/// Imports the demo AXB app's numbers as the console would export them, in two pools.
fn import_numbers(env: &Env) -> Vec<(String, String)> {
    let app = env
        .sim
        .apps()
        .into_iter()
        .find(|a| a.key == "demo-axb-key")
        .expect("demo app");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("numbers.csv");
    let mut csv = String::from("\u{feff}隐私号码,城市区号,运营商\n");
    for n in &app.numbers {
        csv.push_str(&format!("{},{},CMCC\n", n.number, n.area_code));
    }
    std::fs::write(&path, csv).expect("write");
    let r = numbers::import_file(&env.dbm, Some("axb"), &path, Some("main")).expect("import");
    assert_eq!(
        (r.added, r.errors.len()),
        (app.numbers.len() as u32, 0),
        "{r:?}"
    );
    let again = numbers::import_file(&env.dbm, Some("axb"), &path, Some("main")).expect("again");
    assert_eq!(
        again.unchanged,
        app.numbers.len() as u32,
        "re-import is a no-op"
    );
    app.numbers
        .into_iter()
        .map(|n| (n.number, n.area_code))
        .collect()
}

#[tokio::test]
async fn sync_matches_the_simulator_including_changes_made_elsewhere() {
    let env = env().await;
    let xs = import_numbers(&env);
    let s = env.session("axb");
    for i in 0..6 {
        let mut req = AxbBindRequest::new(
            num(&format!("1380000000{i}")),
            num(&format!("1390000000{i}")),
        );
        req.relation_num = Some(num(&xs[i % 3].0));
        req.duration_secs = Some(3600);
        s.axb_bind(&req).await.expect("bind through Maskline");
    }
    let other = outsider(&env);
    let mut req = AxbBindRequest::new(num("13700000001"), num("13600000001"));
    req.relation_num = Some(num(&xs[5].0));
    let hidden = other.axb_bind(&req).await.expect("bind elsewhere");
    let list = |f: BindingFilter| bindings_cache::list(&env.dbm, Some("axb"), &f).expect("list");
    assert_eq!(
        list(BindingFilter::default()).total,
        6,
        "the cache saw only Maskline's binds"
    );

    let first = list(BindingFilter::default()).items[0]
        .subscription_id
        .clone();
    other
        .axb_unbind(&AxbUnbind::Subscription(first.clone()))
        .await
        .expect("unbind elsewhere");
    let report = bindings_cache::sync(&s).await.expect("sync");
    assert_eq!(report.numbers_queried, xs.len() as u32);
    assert_eq!(
        (report.seen, report.added, report.removed),
        (6, 1, 1),
        "{report:?}"
    );
    let live = list(BindingFilter {
        status: Some(BindingStatus::Active),
        page_size: 500,
        ..Default::default()
    });
    assert_eq!(
        live.total,
        sim_axb_count(&env).await,
        "cache and simulator agree"
    );
    assert!(
        live.items
            .iter()
            .any(|b| b.subscription_id == hidden.subscription_id)
    );
    assert!(live.items.iter().all(|b| b.subscription_id != first));
    assert!(live.last_synced_at.is_some());
    assert!(
        live.items
            .iter()
            .all(|b| b.last_synced_at.is_some() && b.city.is_some())
    );
    let by_x = list(BindingFilter {
        x: Some(xs[5].0.clone()),
        ..Default::default()
    });
    assert_eq!(by_x.total, 1, "filter by X as E.164");
}

#[tokio::test]
async fn pool_metrics_follow_bindings_and_choose_x_avoids_conflicts() {
    let env = env().await;
    let xs = import_numbers(&env);
    let s = env.session("axb");
    // X0 gets three pairs, X1 one, the rest none.
    for (i, x) in [0usize, 0, 0, 1].into_iter().enumerate() {
        let mut req = AxbBindRequest::new(
            num(&format!("1381111000{i}")),
            num(&format!("1391111000{i}")),
        );
        req.relation_num = Some(num(&xs[x].0));
        s.axb_bind(&req).await.expect("bind");
    }
    let stats = pools::stats(&env.dbm, Some("axb")).expect("stats");
    let of = |x: &str| stats.iter().find(|s| s.number.number == x).expect("listed");
    assert_eq!(
        (of(&xs[0].0).bindings, of(&xs[0].0).capacity_left),
        (3, 4997)
    );
    assert_eq!(of(&xs[1].0).health, NumberHealth::Busy);
    assert_eq!(of(&xs[2].0).health, NumberHealth::Idle);
    assert_eq!(of(&xs[2].0).calls_30d, Some(0), "no call records imported");

    let overview = pools::overview(&env.dbm, Some("axb")).expect("overview");
    let total: u32 = overview.by_city.iter().map(|u| u.bindings).sum();
    assert_eq!(total, 4);
    assert_eq!(overview.by_pool.len(), 1);
    assert_eq!(overview.idle.len(), xs.len() - 2);

    // Restricted to X0's city, the least-used X there without a conflict is chosen.
    let city = xs[0].1.clone();
    let in_city: Vec<&String> = xs.iter().filter(|x| x.1 == city).map(|x| &x.0).collect();
    assert!(
        in_city.len() >= 2,
        "demo data has several numbers in {city}"
    );
    let a = num("13822220000");
    let chosen = pools::choose_x(&env.dbm, Some("axb"), &XScope::City(city.clone()), &a, None)
        .expect("choose")
        .expect("a free X");
    assert_ne!(chosen.as_str(), xs[0].0, "X0 is the busiest");
    // Bind A on the chosen X: asking again for A must avoid that X.
    let mut req = AxbBindRequest::new(a.clone(), num("13922220000"));
    req.relation_num = Some(chosen.clone());
    s.axb_bind(&req).await.expect("bind on chosen");
    let next = pools::choose_x(&env.dbm, Some("axb"), &XScope::City(city), &a, None)
        .expect("choose")
        .expect("another X");
    assert_ne!(next, chosen, "A is already on the first choice");
    let pool = pools::choose_x(
        &env.dbm,
        Some("axb"),
        &XScope::Pool("nope".into()),
        &a,
        None,
    )
    .expect("choose");
    assert_eq!(pool, None, "an unknown pool has no numbers");
}

/// AXYB bindings are found by the documented query (`xyRelationNumList`, privatenumber_axyb_0019):
/// a relation made behind Maskline's back is listed with A, X, Y, B, its lifetime and expiry, and
/// dropped once it is unbound elsewhere. Before issue 13 the client kept only list items with a
/// `subscriptionId`, so against the real answer (`bindId`) a sync found nothing.
#[tokio::test]
async fn axyb_sync_lists_relations_made_elsewhere_and_drops_unbound_ones() {
    use maskline_api::axyb::{AxybAxRequest, AxybUnbind, AxybYbRequest};
    let env = env().await;
    let app = env
        .sim
        .apps()
        .into_iter()
        .find(|a| a.key == "demo-axyb-key")
        .expect("demo app");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("numbers.csv");
    let mut csv = String::from("\u{feff}隐私号码,城市区号,运营商\n");
    for n in &app.numbers {
        csv.push_str(&format!("{},{},CMCC\n", n.number, n.area_code));
    }
    std::fs::write(&path, csv).expect("write");
    numbers::import_file(&env.dbm, Some("axyb"), &path, None).expect("import");

    let mut cfg = ClientConfig::new(
        env.sim.base_url(),
        "demo-axyb-key",
        Sensitive::new("demo-axyb-secret".to_string()),
    );
    cfg.scheme = AuthScheme::Aksk;
    let other = Client::new(cfg).expect("client");
    let mut ax = AxybAxRequest::new(num("13800000071"));
    ax.area_code = Some("010".into());
    ax.duration_secs = Some(3600);
    let step1 = other.axyb_bind_ax(&ax).await.expect("AX elsewhere");
    let step2 = other
        .axyb_bind_yb(&AxybYbRequest {
            subscription_id: step1.subscription_id.clone(),
            b: num("13900000071"),
            area_code: Some("010".into()),
            area_match_mode: None,
            yb_duration_secs: None,
            pre_voice_y: None,
        })
        .await
        .expect("YB elsewhere");

    let s = env.session("axyb");
    let report = bindings_cache::sync(&s).await.expect("sync");
    assert_eq!((report.seen, report.added), (1, 1), "{report:?}");
    let list =
        || bindings_cache::list(&env.dbm, Some("axyb"), &BindingFilter::default()).expect("list");
    let page = list();
    assert_eq!(page.total, 1, "{page:?}");
    let b = &page.items[0];
    assert_eq!(b.subscription_id, step1.subscription_id);
    assert_eq!(b.a.as_deref(), Some("+8613800000071"));
    assert_eq!(b.b.as_deref(), Some("+8613900000071"));
    assert_eq!(b.x.as_deref(), Some(step1.relation_number.as_str()));
    assert_eq!(b.y.as_deref(), Some(step2.relation_number.as_str()));
    assert_eq!(b.duration_secs, Some(3600));
    assert!(
        b.bound_at.is_some() && b.expires_at.is_some(),
        "subscribeTime gives bound-at and expiry: {b:?}"
    );
    assert_eq!(b.status, BindingStatus::Active);

    other
        .axyb_unbind(&AxybUnbind::Relation(step1.subscription_id.clone()))
        .await
        .expect("unbind elsewhere");
    let report = bindings_cache::sync(&s).await.expect("sync again");
    assert_eq!(report.removed, 1, "{report:?}");
    assert_eq!(list().items[0].status, BindingStatus::Unbound);
}
