//! Bulk modify and unbind against the simulator, and the file round trips operators rely on:
//! a template's bilingual headers are read back, and a bind job's exported results file can be
//! fed straight into a bulk unbind (undoing the job).

use crate::support;

use maskline_api::axb::AxbQuery;
use maskline_domain::bindings::{BindingFilter, BindingStatus};
use maskline_domain::jobs::{JobKind, JobState};
use maskline_domain::{Language, Mode};
use maskline_formats::sheet;
use maskline_services::bindings_cache;
use maskline_services::bulk::{self, RunOptions};
use support::env;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn template_bind_then_modify_then_unbind_from_the_results_export() {
    let env = env().await;
    let s = env.session("axb");
    let dir = tempfile::tempdir().expect("dir");

    // Fill the bilingual template's columns.
    let tpl = dir.path().join("template.xlsx");
    bulk::template(JobKind::Bind, Mode::Axb, Language::Auto, &tpl).expect("template");
    let (headers, mapping) = bulk::preview(&tpl).expect("preview");
    assert!(
        headers[0].contains("A号码") && headers[0].contains('A'),
        "{headers:?}"
    );
    assert!(
        bulk::mapping::missing(&mapping, JobKind::Bind, Mode::Axb).is_empty(),
        "{mapping:?}"
    );
    let rows: Vec<Vec<String>> = (0..30)
        .map(|i| {
            let mut r = vec![String::new(); headers.len()];
            r[0] = format!("+86137{i:08}");
            r[1] = format!("+86136{i:08}");
            r[2] = env.x("axb", i % 3).to_string();
            r
        })
        .collect();
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let file = dir.path().join("bind.xlsx");
    sheet::write_xlsx(&file, &refs, &rows).expect("write");
    let (bind_job, r) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Bind, &file, None, None).expect("create");
    assert_eq!(r.valid, 30, "{:?}", r.issues.first());
    let p = bulk::start(s.clone(), bind_job, RunOptions::default())
        .expect("start")
        .wait()
        .await
        .expect("bind");
    assert_eq!((p.state, p.ok), (JobState::Done, 30));

    // Modify the first ten: new user data.
    let results = bulk::results(&env.dbm, bind_job, None, 1, 100).expect("results");
    let ids: Vec<String> = results
        .iter()
        .filter_map(|r| r.subscription_id.clone())
        .collect();
    let mut csv = String::from("subscriptionId,userData\n");
    for id in &ids[..10] {
        csv.push_str(&format!("{id},changed\n"));
    }
    let modify = dir.path().join("modify.csv");
    std::fs::write(&modify, csv).expect("write");
    let (job, r) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Modify, &modify, None, None).expect("create");
    assert_eq!(r.valid, 10);
    let p = bulk::start(s.clone(), job, RunOptions::default())
        .expect("start")
        .wait()
        .await
        .expect("modify");
    assert_eq!((p.ok, p.failed), (10, 0));
    let page = s
        .axb_query(&AxbQuery::Subscription(ids[0].clone()))
        .await
        .expect("query");
    assert_eq!(
        page.bindings[0].user_data.as_deref(),
        Some("changed"),
        "the platform has the change"
    );

    // Unbind five by their numbers (A and X; no subscription id), found in the cache.
    let mut csv = String::from("A号码,X号码\n");
    for i in 0..5 {
        csv.push_str(&format!("+86137{i:08},{}\n", env.x("axb", i % 3)));
    }
    csv.push_str(&format!("+86130{:08},{}\n", 1, env.x("axb", 0)));
    let by_numbers = dir.path().join("unbind.csv");
    std::fs::write(&by_numbers, csv).expect("write");
    let (job, r) = bulk::create(
        &env.dbm,
        Some("axb"),
        JobKind::Unbind,
        &by_numbers,
        None,
        None,
    )
    .expect("create");
    assert_eq!(
        (r.valid, r.invalid),
        (5, 1),
        "an unknown pair is refused: {:?}",
        r.issues
    );
    let p = bulk::start(s.clone(), job, RunOptions::default())
        .expect("start")
        .wait()
        .await
        .expect("unbind by numbers");
    assert_eq!((p.ok, p.failed), (5, 0));

    // Undo the rest of the bind job: its exported results go straight into a bulk unbind.
    let export = dir.path().join("results.xlsx");
    bulk::export(&env.dbm, bind_job, &export, false).expect("export");
    let (job, r) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Unbind, &export, None, None).expect("create");
    assert_eq!(
        (r.rows, r.valid, r.conflicts),
        (30, 25, 5),
        "{:?}",
        r.issues.first()
    );
    let p = bulk::start(s.clone(), job, RunOptions::default())
        .expect("start")
        .wait()
        .await
        .expect("unbind");
    assert_eq!((p.ok, p.failed), (25, 0));
    let live = bindings_cache::list(
        &env.dbm,
        Some("axb"),
        &BindingFilter {
            status: Some(BindingStatus::Active),
            ..Default::default()
        },
    )
    .expect("list");
    assert_eq!(live.total, 0, "the cache followed the unbinds");
    let again = bulk::dry_run(&env.dbm, Some("axb"), JobKind::Unbind, &export, None, None)
        .expect("dry run");
    assert_eq!(
        again.conflicts, 30,
        "unbinding them again is flagged before sending"
    );
}
