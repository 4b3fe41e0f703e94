//! Platform accounts: connection settings in SQLite, app key and secret in the OS keyring.
//!
//! The secret goes in through [`add`] / [`set_secret`] and only comes back out inside
//! [`client_for`], which hands it straight to the API client. Nothing here returns it.

use maskline_api::{Client, ClientConfig, RateLimit};
use maskline_domain::{AuthScheme, Mode};
use maskline_domain::{Text, text};
use maskline_secrets::{SecretStore, Sensitive};
use maskline_store::accounts::{self, AccountFields, AccountRow};

use crate::{DbManager, ServiceError};

/// The platform's base URL ("APP接入地址") used when none is given.
pub const DEFAULT_BASE_URL: &str = "https://rtcpns.cn-north-1.myhuaweicloud.com";

/// What a new account needs.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub name: String,
    pub mode: Mode,
    pub auth: AuthScheme,
    pub base_url: String,
    pub ca_cert_pem: Option<String>,
    /// Requests per second for this account (burst the same).
    pub rate_limit: u32,
    pub app_key: String,
    pub app_secret: Sensitive<String>,
}

/// An account as the UI and CLI see it: never the secret.
pub type AccountView = maskline_domain::AccountInfo;

fn key_entry(id: i64) -> String {
    format!("account-{id}-app-key")
}

fn secret_entry(id: i64) -> String {
    format!("account-{id}-app-secret")
}

fn view(row: AccountRow, secrets: &dyn SecretStore) -> Result<AccountView, ServiceError> {
    let app_key = secrets.get(&key_entry(row.id))?.map(|k| k.expose().clone());
    let secret_saved = secrets.exists(&secret_entry(row.id))?;
    Ok(AccountView {
        id: row.id,
        name: row.name,
        mode: row.mode,
        auth: row.auth,
        base_url: row.base_url,
        has_custom_ca: row.ca_cert_pem.is_some(),
        rate_limit: row.rate_limit,
        is_active: row.is_active,
        created_at: row.created_at,
        app_key,
        secret_saved,
    })
}

fn client_config(f: &AccountFields, app_key: String, secret: Sensitive<String>) -> ClientConfig {
    let mut cfg = ClientConfig::new(f.base_url.clone(), app_key, secret);
    cfg.scheme = f.auth;
    cfg.custom_ca_pem = f.ca_cert_pem.as_ref().map(|p| p.as_bytes().to_vec());
    cfg.rate_limit = RateLimit {
        per_second: f.rate_limit,
        burst: f.rate_limit,
    };
    cfg
}

fn invalid(field: &str, why: Text) -> ServiceError {
    ServiceError::invalid(field, why)
}

/// Validates and stores a new account; the key and secret go to the keyring only.
pub fn add(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    new: NewAccount,
) -> Result<AccountView, ServiceError> {
    let name = new.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 64 {
        return Err(invalid(
            "name",
            Text::new(
                "the account name must be 1–64 characters",
                "账号名称须为 1–64 个字符",
            ),
        ));
    }
    let fields = AccountFields {
        name,
        mode: new.mode,
        auth: new.auth,
        base_url: base_url(&new.base_url)?,
        ca_cert_pem: new.ca_cert_pem,
        rate_limit: new.rate_limit,
    };
    // Building a client checks the URL (https, or http only to loopback), the CA and the key.
    Client::new(client_config(
        &fields,
        new.app_key.clone(),
        new.app_secret.clone(),
    ))
    .map_err(|e| invalid("account", crate::error::api_text(&e)))?;

    let db = dbm.db()?;
    let mut conn = db.conn()?;
    if accounts::by_name(&conn, &fields.name)?.is_some() {
        return Err(invalid(
            "name",
            Text::new(
                format!("an account named {:?} already exists", fields.name),
                format!("已存在名为 {:?} 的账号", fields.name),
            ),
        ));
    }
    let row = accounts::insert(&mut conn, &fields)?;
    let stored = secrets
        .set(&key_entry(row.id), &Sensitive::new(new.app_key))
        .and_then(|()| secrets.set(&secret_entry(row.id), &new.app_secret));
    if let Err(e) = stored {
        // Do not leave an account without credentials behind.
        let _ = secrets.delete(&key_entry(row.id));
        accounts::delete(&mut conn, row.id)?;
        return Err(e.into());
    }
    view(row, secrets)
}

/// The platform address as typed, trimmed: only scheme, host and port. Maskline adds the API
/// paths itself, so an address with a path, query or fragment would fail later with a bare
/// "HTTP 404"; it is refused here with what to remove.
pub fn base_url(raw: &str) -> Result<String, ServiceError> {
    let url = raw.trim().trim_end_matches('/');
    let Some((_, rest)) = url.split_once("://") else {
        return Err(invalid(
            "base URL",
            text!(
                "{url:?} is not an address like https://rtcpns.cn-north-1.myhuaweicloud.com",
                "{url:?} 不是 https://rtcpns.cn-north-1.myhuaweicloud.com 这样的地址"
            ),
        ));
    };
    if let Some(at) = rest.find(['/', '?', '#']) {
        let extra = &rest[at..];
        return Err(invalid(
            "base URL",
            text!(
                "give only the scheme, host and port (for example https://rtcpns.cn-north-1.myhuaweicloud.com); Maskline adds the API paths itself, so remove {extra:?}",
                "只需填写协议、主机和端口(例如 https://rtcpns.cn-north-1.myhuaweicloud.com);接口路径由 Maskline 自动添加,请删除 {extra:?}"
            ),
        ));
    }
    Ok(url.to_string())
}

/// All accounts, by name.
pub fn list(dbm: &DbManager, secrets: &dyn SecretStore) -> Result<Vec<AccountView>, ServiceError> {
    let db = dbm.db()?;
    let rows = accounts::list(&*db.conn()?)?;
    rows.into_iter().map(|r| view(r, secrets)).collect()
}

/// The account's own CA certificate (PEM), when it has one (recording downloads trust it too).
pub(crate) fn ca_pem(dbm: &DbManager, name: &str) -> Result<Option<String>, ServiceError> {
    Ok(find(dbm, name)?.ca_cert_pem)
}

fn find(dbm: &DbManager, name: &str) -> Result<AccountRow, ServiceError> {
    let db = dbm.db()?;
    let row = accounts::by_name(&*db.conn()?, name)?;
    row.ok_or_else(|| {
        ServiceError::NotFound(text!(
            "no account named {name:?}",
            "没有名为 {name:?} 的账号"
        ))
    })
}

/// Removes an account and its keyring entries.
pub fn remove(dbm: &DbManager, secrets: &dyn SecretStore, name: &str) -> Result<(), ServiceError> {
    let row = find(dbm, name)?;
    secrets.delete(&secret_entry(row.id))?;
    secrets.delete(&key_entry(row.id))?;
    let db = dbm.db()?;
    accounts::delete(&mut *db.conn()?, row.id)?;
    Ok(())
}

/// Replaces the saved secret of an account.
pub fn set_secret(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    name: &str,
    secret: &Sensitive<String>,
) -> Result<(), ServiceError> {
    let row = find(dbm, name)?;
    if secret.is_empty() {
        return Err(invalid(
            "secret",
            Text::new("the app secret is empty", "App Secret 不能为空"),
        ));
    }
    Ok(secrets.set(&secret_entry(row.id), secret)?)
}

/// Builds the API client of an account (by name, or the active one when `None`).
pub fn client_for(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    name: Option<&str>,
) -> Result<(AccountView, Client), ServiceError> {
    let row = match name {
        Some(n) => find(dbm, n)?,
        None => {
            let db = dbm.db()?;
            let rows = accounts::list(&*db.conn()?)?;
            rows.into_iter().find(|r| r.is_active).ok_or_else(|| {
                ServiceError::NotFound(Text::new(
                    "no active account: add one first",
                    "尚无可用账号,请先添加",
                ))
            })?
        }
    };
    let missing = || {
        ServiceError::NotFound(Text::new(
            format!(
                "the keyring has no credentials for account {:?}; add them again",
                row.name
            ),
            format!("系统钥匙串中没有账号 {:?} 的凭据,请重新填写", row.name),
        ))
    };
    let key = secrets.get(&key_entry(row.id))?.ok_or_else(missing)?;
    let secret = secrets.get(&secret_entry(row.id))?.ok_or_else(missing)?;
    let fields = AccountFields {
        name: row.name.clone(),
        mode: row.mode,
        auth: row.auth,
        base_url: row.base_url.clone(),
        ca_cert_pem: row.ca_cert_pem.clone(),
        rate_limit: row.rate_limit,
    };
    let client = Client::new(client_config(&fields, key.expose().clone(), secret))
        .map_err(|e| invalid("account", crate::error::api_text(&e)))?;
    Ok((view(row, secrets)?, client))
}

/// The app key and secret of an account (by name), for verifying the platform's pushes to
/// that app (the push receiver, `maskline-receiver`). The secret goes straight into the
/// receiver's verifier; like [`client_for`], nothing shows or stores it.
pub fn push_credentials(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    name: &str,
) -> Result<(String, Sensitive<String>), ServiceError> {
    let row = find(dbm, name)?;
    let missing = || {
        let name = &row.name;
        ServiceError::NotFound(maskline_domain::text!(
            "the keyring has no credentials for account {name:?}; add them again",
            "系统钥匙串中没有账号 {name:?} 的凭据,请重新填写"
        ))
    };
    let key = secrets.get(&key_entry(row.id))?.ok_or_else(missing)?;
    let secret = secrets.get(&secret_entry(row.id))?.ok_or_else(missing)?;
    Ok((key.expose().clone(), secret))
}

/// Edits an account. A `None` secret keeps the saved one; a changed app key is saved too.
pub fn update(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    id: i64,
    draft: NewAccountDraft,
) -> Result<AccountView, ServiceError> {
    let db = dbm.db()?;
    let row = accounts::get(&*db.conn()?, id)?.ok_or_else(|| {
        ServiceError::NotFound(text!("no account with id {id}", "不存在 ID 为 {id} 的账号"))
    })?;
    let name = draft.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 64 {
        return Err(invalid(
            "name",
            Text::new(
                "the account name must be 1–64 characters",
                "账号名称须为 1–64 个字符",
            ),
        ));
    }
    let clash = accounts::by_name(&*db.conn()?, &name)?.is_some_and(|other| other.id != id);
    if clash {
        return Err(invalid(
            "name",
            text!(
                "an account named {name:?} already exists",
                "已存在名为 {name:?} 的账号"
            ),
        ));
    }
    let fields = AccountFields {
        name,
        mode: draft.mode,
        auth: draft.auth,
        base_url: base_url(&draft.base_url)?,
        // `None` keeps the saved CA, an empty text removes it.
        ca_cert_pem: match draft.ca_cert_pem {
            None => row.ca_cert_pem.clone(),
            Some(pem) if pem.trim().is_empty() => None,
            Some(pem) => Some(pem),
        },
        rate_limit: draft.rate_limit,
    };
    let secret = match draft.app_secret {
        Some(s) => s,
        None => secrets.get(&secret_entry(row.id))?.ok_or_else(|| {
            invalid(
                "secret",
                Text::new(
                    "no secret is saved for this account: enter it",
                    "该账号未保存 App Secret,请填写",
                ),
            )
        })?,
    };
    Client::new(client_config(
        &fields,
        draft.app_key.clone(),
        secret.clone(),
    ))
    .map_err(|e| invalid("account", crate::error::api_text(&e)))?;
    secrets.set(&key_entry(row.id), &Sensitive::new(draft.app_key))?;
    secrets.set(&secret_entry(row.id), &secret)?;
    accounts::update(&*db.conn()?, id, &fields)?;
    let row = accounts::get(&*db.conn()?, id)?.ok_or_else(|| {
        ServiceError::NotFound(text!("no account with id {id}", "不存在 ID 为 {id} 的账号"))
    })?;
    view(row, secrets)
}

/// The fields of an edited account. `app_secret: None` keeps the saved secret;
/// `ca_cert_pem: None` keeps the saved CA and `Some("")` removes it.
#[derive(Debug, Clone)]
pub struct NewAccountDraft {
    pub name: String,
    pub mode: Mode,
    pub auth: AuthScheme,
    pub base_url: String,
    pub ca_cert_pem: Option<String>,
    pub rate_limit: u32,
    pub app_key: String,
    pub app_secret: Option<Sensitive<String>>,
}

/// Makes an account the active one.
pub fn set_active(dbm: &DbManager, id: i64) -> Result<(), ServiceError> {
    let db = dbm.db()?;
    if accounts::set_active(&mut *db.conn()?, id)? {
        Ok(())
    } else {
        Err(ServiceError::NotFound(text!(
            "no account with id {id}",
            "不存在 ID 为 {id} 的账号"
        )))
    }
}

/// Removes an account by id (the UI's way; the CLI removes by name).
pub fn remove_by_id(
    dbm: &DbManager,
    secrets: &dyn SecretStore,
    id: i64,
) -> Result<(), ServiceError> {
    let db = dbm.db()?;
    let row = accounts::get(&*db.conn()?, id)?.ok_or_else(|| {
        ServiceError::NotFound(text!("no account with id {id}", "不存在 ID 为 {id} 的账号"))
    })?;
    remove(dbm, secrets, &row.name)
}
