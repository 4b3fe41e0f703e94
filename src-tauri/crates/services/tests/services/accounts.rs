//! Accounts on a real SQLite file with an in-memory secret store.

use maskline_domain::{AuthScheme, Mode};
use maskline_secrets::{MemoryStore, SecretError, SecretStore, Sensitive};
use maskline_services::accounts::{self, NewAccount};
use maskline_services::{DbManager, ServiceError};

fn new_account(name: &str, base_url: &str) -> NewAccount {
    NewAccount {
        name: name.into(),
        mode: Mode::Axb,
        auth: AuthScheme::Wsse,
        base_url: base_url.into(),
        ca_cert_pem: None,
        rate_limit: 5,
        app_key: "key-123".into(),
        app_secret: Sensitive::new("top-secret-value".into()),
    }
}

fn manager() -> (tempfile::TempDir, DbManager) {
    let dir = tempfile::tempdir().expect("tempdir");
    let m = DbManager::open(&dir.path().join("maskline.db"));
    (dir, m)
}

#[test]
fn add_stores_secrets_in_the_keyring_only_and_remove_deletes_them() {
    let (dir, m) = manager();
    let secrets = MemoryStore::new();
    let v = accounts::add(&m, &secrets, new_account("Prod", "https://example.com/")).expect("add");
    assert_eq!(v.base_url, "https://example.com", "trailing slash trimmed");
    assert!(v.secret_saved && v.is_active);
    assert_eq!(v.app_key.as_deref(), Some("key-123"));

    // The secret is nowhere in the database files.
    for entry in std::fs::read_dir(dir.path()).expect("ls").flatten() {
        let bytes = std::fs::read(entry.path()).expect("read");
        let found = bytes.windows(16).any(|w| w == b"top-secret-value");
        assert!(!found, "secret leaked into {}", entry.path().display());
    }

    let (view, client) = accounts::client_for(&m, &secrets, None).expect("active client");
    assert_eq!(view.id, v.id);
    assert_eq!(client.app_key(), "key-123");

    accounts::remove(&m, &secrets, "prod").expect("remove ignores case");
    assert!(accounts::list(&m, &secrets).expect("list").is_empty());
    assert!(
        secrets
            .get(&format!("account-{}-app-secret", v.id))
            .expect("get")
            .is_none()
    );
}

#[test]
fn refuses_plain_http_to_other_hosts_and_duplicate_names() {
    let (_dir, m) = manager();
    let secrets = MemoryStore::new();
    let err =
        accounts::add(&m, &secrets, new_account("A", "http://example.com")).expect_err("http");
    assert!(matches!(err, ServiceError::Invalid { .. }), "{err:?}");
    accounts::add(&m, &secrets, new_account("A", "http://127.0.0.1:9"))
        .expect("loopback http is fine");
    let err = accounts::add(&m, &secrets, new_account("a", "https://x.example")).expect_err("dup");
    assert!(err.to_string().contains("already exists"), "{err}");
}

struct BrokenKeyring;

impl SecretStore for BrokenKeyring {
    fn set(&self, _: &str, _: &Sensitive<String>) -> Result<(), SecretError> {
        Err(SecretError::Unavailable("locked".into()))
    }
    fn get(&self, _: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        Ok(None)
    }
    fn delete(&self, _: &str) -> Result<(), SecretError> {
        Ok(())
    }
}

#[test]
fn a_keyring_failure_leaves_no_half_added_account() {
    let (_dir, m) = manager();
    let err = accounts::add(&m, &BrokenKeyring, new_account("A", "https://x.example"))
        .expect_err("fails");
    assert!(
        matches!(err, ServiceError::Secret(SecretError::Unavailable(_))),
        "{err:?}"
    );
    assert!(
        accounts::list(&m, &MemoryStore::new())
            .expect("list")
            .is_empty()
    );
}

#[test]
fn a_base_url_with_a_path_or_query_is_refused_at_add_and_edit() {
    let (_dir, m) = manager();
    let secrets = MemoryStore::new();
    for bad in [
        "https://rtcpns.cn-north-1.myhuaweicloud.com/rest/caas",
        "https://example.com:8443/?region=cn-north-1",
        "https://example.com#top",
    ] {
        let err = accounts::add(&m, &secrets, new_account("A", bad)).expect_err(bad);
        let text = err.to_string();
        assert!(
            matches!(&err, ServiceError::Invalid { field, .. } if field == "base URL"),
            "{bad}: {err:?}"
        );
        assert!(
            text.contains("only the scheme, host and port")
                && text.contains("只需填写协议、主机和端口"),
            "{text}"
        );
    }
    assert!(accounts::list(&m, &secrets).expect("list").is_empty());
    let v = accounts::add(&m, &secrets, new_account("A", "https://example.com:8443/"))
        .expect("a port and a trailing slash are fine");
    assert_eq!(v.base_url, "https://example.com:8443");
    let err = accounts::update(
        &m,
        &secrets,
        v.id,
        accounts::NewAccountDraft {
            name: "A".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Wsse,
            base_url: "https://example.com:8443/rest/provision".into(),
            ca_cert_pem: None,
            rate_limit: 5,
            app_key: "key-123".into(),
            app_secret: None,
        },
    )
    .expect_err("a path is refused when editing too");
    assert!(err.to_string().contains("/rest/provision"), "{err}");
    assert_eq!(
        accounts::list(&m, &secrets).expect("list")[0].base_url,
        "https://example.com:8443",
        "nothing stored changed"
    );
}
