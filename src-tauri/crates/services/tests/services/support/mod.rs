//! The one support module of maskline-services' tests. Here: a simulator on 127.0.0.1:0 with
//! its four demo apps, and one account per app in a temp database (secrets in memory).
//! `import`: CDR files and an import into a temp database; `recordings`: calls with
//! recordings on the simulator, imported, and a fetch context over them.

#![allow(dead_code)]

pub mod import;
pub mod recordings;

use maskline_domain::{AuthScheme, Mode};
use maskline_secrets::{MemoryStore, Sensitive};
use maskline_services::DbManager;
use maskline_services::accounts::{self, NewAccount};
use maskline_services::bindings::{PhoneNumber, Session};
use maskline_sim::{SimConfig, SimHandle, Simulator};

pub struct Env {
    _dir: tempfile::TempDir,
    pub dbm: DbManager,
    pub secrets: MemoryStore,
    pub sim: SimHandle,
}

/// Account names used: the mode in lower case (`axb`, `ax`, `axe`, `axyb`).
pub async fn env() -> Env {
    let sim = Simulator::start(SimConfig::default())
        .await
        .expect("start the simulator");
    let dir = tempfile::tempdir().expect("tempdir");
    let dbm = DbManager::open(&dir.path().join("maskline.db"));
    let secrets = MemoryStore::new();
    for (i, mode) in Mode::ALL.into_iter().enumerate() {
        let name = mode.as_str().to_ascii_lowercase();
        accounts::add(
            &dbm,
            &secrets,
            NewAccount {
                name: name.clone(),
                mode,
                // Both schemes get exercised.
                auth: if i % 2 == 0 {
                    AuthScheme::Aksk
                } else {
                    AuthScheme::Wsse
                },
                base_url: sim.base_url(),
                ca_cert_pem: None,
                rate_limit: 100,
                app_key: format!("demo-{name}-key"),
                app_secret: Sensitive::new(format!("demo-{name}-secret")),
            },
        )
        .expect("add account");
    }
    Env {
        _dir: dir,
        dbm,
        secrets,
        sim,
    }
}

impl Env {
    pub fn session(&self, account: &str) -> Session {
        Session::open(&self.dbm, &self.secrets, Some(account)).expect("open session")
    }

    /// The `i`-th X number of the demo app of `account`.
    pub fn x(&self, account: &str, i: usize) -> PhoneNumber {
        let key = format!("demo-{account}-key");
        let app = self
            .sim
            .apps()
            .into_iter()
            .find(|a| a.key == key)
            .expect("demo app");
        num(&app.numbers[i].number)
    }
}

pub fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("valid number")
}
