//! Notification delivery: call events and CDRs are POSTed to the app's callback URLs,
//! signed like the platform (WSSE by default, AKSK optional), and retried 6 times at
//! 1/4/9/106/203/300 simulated minutes after each failure; or written as JSON files into a
//! folder. One worker delivers in order.

use std::sync::Arc;
use std::time::Duration;

use rand::Rng;

use crate::auth;
use crate::model::config::AppConfig;
use crate::model::delivery::{Item, Kind, Status, Target};
use crate::state::Sim;

/// Minutes between a failed attempt and the next one.
pub(crate) const RETRY_MINUTES: [i64; 6] = [1, 4, 9, 106, 203, 300];
const HISTORY: usize = 10_000;

/// Queue a notification for the app.
pub(crate) fn enqueue(sim: &Arc<Sim>, app: &AppConfig, kind: Kind, body: String) {
    let url = match kind {
        Kind::Event => app.event_url.clone(),
        Kind::Fee => app.fee_url.clone(),
    }
    .or_else(|| app.callback_url.clone());
    let target = match (&app.deliver_dir, url) {
        (Some(d), _) => Target::Dir(d.clone()),
        (None, Some(u)) => Target::Url(u),
        (None, None) => Target::None,
    };
    let mut ob = sim.outbox.lock().unwrap_or_else(|p| p.into_inner());
    ob.next_id += 1;
    let status = if matches!(target, Target::None) {
        Status::Undeliverable
    } else {
        Status::Pending
    };
    let item = Item {
        id: ob.next_id,
        app_key: app.key.clone(),
        kind,
        target,
        body,
        attempts: 0,
        status,
        last_error: None,
        next_due_ms: sim.clock.now_ms(),
        auth: (app.callback_auth, app.key.clone(), app.secret.clone()),
    };
    ob.items.push_back(item);
    while ob.items.len() > HISTORY {
        match ob.items.iter().position(|i| i.status != Status::Pending) {
            Some(pos) => {
                ob.items.remove(pos);
            }
            None => break,
        }
    }
    drop(ob);
    sim.wake.notify_one();
}

/// The delivery loop; runs until the simulator stops.
pub(crate) async fn worker(sim: Arc<Sim>) {
    loop {
        let due = {
            let now = sim.clock.now_ms();
            let ob = sim.outbox.lock().unwrap_or_else(|p| p.into_inner());
            ob.items
                .iter()
                .find(|i| i.status == Status::Pending && i.next_due_ms <= now)
                .cloned()
        };
        let Some(item) = due else {
            let _ = tokio::time::timeout(Duration::from_millis(100), sim.wake.notified()).await;
            continue;
        };
        let result = attempt(&sim, &item).await;
        let now = sim.clock.now_ms();
        let mut ob = sim.outbox.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(it) = ob.items.iter_mut().find(|i| i.id == item.id) {
            it.attempts += 1;
            match result {
                Ok(()) => {
                    it.status = Status::Delivered;
                    it.last_error = None;
                }
                Err(e) => {
                    it.last_error = Some(e);
                    match RETRY_MINUTES.get(it.attempts as usize - 1) {
                        Some(m) => it.next_due_ms = now + m * 60_000,
                        None => it.status = Status::Failed,
                    }
                }
            }
        }
    }
}

async fn attempt(sim: &Arc<Sim>, item: &Item) -> Result<(), String> {
    match &item.target {
        Target::Dir(dir) => {
            let name = format!(
                "{:08}-{}.json",
                item.id,
                match item.kind {
                    Kind::Event => "event",
                    Kind::Fee => "fee",
                }
            );
            let tmp = dir.join(format!(".{name}.tmp"));
            tokio::fs::create_dir_all(dir)
                .await
                .map_err(|e| e.to_string())?;
            tokio::fs::write(&tmp, &item.body)
                .await
                .map_err(|e| e.to_string())?;
            tokio::fs::rename(&tmp, dir.join(name))
                .await
                .map_err(|e| e.to_string())
        }
        Target::Url(url) => {
            let nonce: String = {
                let mut ob = sim.outbox.lock().unwrap_or_else(|p| p.into_inner());
                format!("{:032X}", ob.rng.random::<u128>())
            };
            let (scheme, key, secret) = &item.auth;
            let created = time::OffsetDateTime::now_utc().unix_timestamp();
            let (authz, hname, hval) = auth::sign(*scheme, key, secret, &nonce, created);
            let resp = sim
                .http
                .post(url)
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("Authorization", authz)
                .header(hname, hval)
                .body(item.body.clone())
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if resp.status().is_success() {
                Ok(())
            } else {
                Err(format!("HTTP {}", resp.status()))
            }
        }
        Target::None => Err("no callback configured".into()),
    }
}
