//! Service errors and their mapping to the IPC shape.

use maskline_api::{ApiError, CodeCategory, Explanation, ResultCode};
use maskline_domain::{AppError, ErrorCode, Mode, Text, text};
use maskline_formats::sheet::{self, SheetError};
use maskline_store::StoreError;

/// Errors from use cases. Converted to [`AppError`] at the IPC boundary; [`ServiceError::text`]
/// says what happened in both languages (`Display` writes both, for logs and the CLI).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    DbUnavailable,
    NoBackup,
    /// Restore / start fresh was asked for a database that is not damaged.
    NotDamaged,
    Invalid {
        field: String,
        message: Text,
    },
    NotFound(Text),
    /// A job of a kind that runs once at a time is already running (`crate::jobs`).
    Busy(Text),
    Secret(#[from] maskline_secrets::SecretError),
    Store(#[from] StoreError),
    /// The platform (or the way to it) failed; see [`ServiceError::result_code`].
    Api(#[from] ApiError),
    /// The operation belongs to another mode than the account's app.
    WrongMode {
        account: String,
        account_mode: Mode,
        wanted: Mode,
    },
    /// A bind whose answer was lost after the request was sent (a timeout, a reset
    /// connection): the platform was asked whether the binding exists before anything was
    /// said, and `checked` is what it answered. See `bindings::unsure`.
    BindUnsure {
        source: Box<ApiError>,
        checked: crate::bindings::BindCheck,
    },
    /// An AXYB bind got X but not Y, and unbinding X again failed as well.
    AxybHalfBound {
        subscription_id: String,
        source: Box<ApiError>,
        rollback: Box<ApiError>,
    },
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl ServiceError {
    /// A refused input: `field` is named in both languages.
    pub fn invalid(field: impl Into<String>, message: Text) -> Self {
        ServiceError::Invalid {
            field: field.into(),
            message,
        }
    }

    /// What happened and what to do, in both languages.
    pub fn text(&self) -> Text {
        match self {
            ServiceError::DbUnavailable => text!(
                "The local database is not open; the start screen says why and what to do.",
                "本地数据库未打开;启动页面会说明原因和处理方法。"
            ),
            ServiceError::NoBackup => text!(
                "No usable backup was found. Choose \"Start fresh\" instead; the damaged file is kept aside.",
                "没有可用的备份。请选择“重新开始”,损坏的文件会被保留。"
            ),
            ServiceError::NotDamaged => text!(
                "The database is not damaged, so it is neither replaced nor set aside. Fix what the message says (a lock, a full disk, the path) and choose \"Try again\".",
                "数据库并未损坏,因此不会被替换或移走。请按提示解决问题(锁定、磁盘已满、路径)后选择“重试”。"
            ),
            ServiceError::Invalid { field, message } => message.map(|m| format!("{field}: {m}")),
            ServiceError::NotFound(t) | ServiceError::Busy(t) => t.clone(),
            ServiceError::Secret(e) => secret_text(e),
            ServiceError::Store(e) => e.text(),
            ServiceError::Api(e) => api_text(e),
            ServiceError::WrongMode {
                account,
                account_mode,
                wanted,
            } => text!(
                "account {account:?} is an {account_mode} app; {wanted} operations are refused by the platform (1010040). Choose an {wanted} account (--account NAME)",
                "账号 {account:?} 是 {account_mode} 应用,平台会拒绝 {wanted} 操作(1010040)。请选择 {wanted} 模式的账号(--account 名称)"
            ),
            ServiceError::BindUnsure { source, checked } => {
                crate::bindings::unsure_message(source, checked)
            }
            ServiceError::AxybHalfBound {
                subscription_id,
                source,
                rollback,
            } => {
                let (b, undo) = (api_text(source), api_text(rollback));
                let (b_en, b_zh, undo_en, undo_zh) = (b.en, b.zh, undo.en, undo.zh);
                text!(
                    "A was bound (relation {subscription_id}) but binding B failed: {b_en}; undoing the A side also failed: {undo_en}. Unbind relation {subscription_id} by hand",
                    "A 方已绑定(关系 {subscription_id}),但 B 方绑定失败:{b_zh};撤销 A 方也失败了:{undo_zh}。请手动解绑关系 {subscription_id}"
                )
            }
        }
    }
}

/// The keyring's failure in both languages (the secrets crate, a leaf, words it in English).
pub(crate) fn secret_text(e: &maskline_secrets::SecretError) -> Text {
    use maskline_secrets::SecretError as S;
    match e {
        S::Unavailable(d) => text!(
            "the system keyring is not available ({d}); unlock it or install a keyring service",
            "系统钥匙串不可用({d});请解锁或安装钥匙串服务"
        ),
        S::InvalidName(n) => text!(
            "invalid account name for the keyring: {n}",
            "该账号名称不能用作钥匙串条目:{n}"
        ),
        S::Backend(d) => text!("the system keyring failed: {d}", "系统钥匙串出错:{d}"),
    }
}

impl ServiceError {
    /// The platform result code, when the platform answered with one.
    pub fn result_code(&self) -> Option<&ResultCode> {
        match self {
            ServiceError::Api(e) => e.result_code(),
            ServiceError::AxybHalfBound { source, .. } => source.result_code(),
            _ => None,
        }
    }

    /// What the platform's result code means and what to do, in both languages.
    pub fn explanation(&self) -> Option<Explanation> {
        self.result_code().map(ResultCode::explanation)
    }
}

impl From<SheetError> for ServiceError {
    fn from(e: SheetError) -> Self {
        match e {
            SheetError::Invalid { field, message } => ServiceError::Invalid { field, message },
            // Another program (Excel, most often) may hold the file: say so.
            SheetError::Write { path, error } => crate::fsx::write_error(&path, error, |e| {
                ServiceError::from(sheet::cannot_write(&path, e))
            }),
        }
    }
}

/// An API failure in both languages: the code or kind, what it means, what to do. The
/// technical detail (the client's own words) is kept in both halves.
pub(crate) fn api_text(e: &ApiError) -> Text {
    let head = e.to_string();
    if let Some(code) = e.result_code() {
        let x = code.explanation();
        let head = head.trim_end_matches('.');
        return Text::new(
            format!("{head}. {} {}", x.en, x.action_en),
            format!("{head}。{} {}", x.zh, x.action_zh),
        );
    }
    if let ApiError::InvalidInput { field, reason } = e {
        return text!(
            "{head}",
            "输入的 {field} 无效({reason}),请按提示修改后重试。"
        );
    }
    let zh = match e {
        ApiError::Config(_) => "账号配置无效,请检查接入地址、App Key 和证书。",
        ApiError::Transport {
            request_sent: false,
            ..
        } => "无法连接平台,请求未发送;请检查网络和账号的接入地址。",
        ApiError::Transport {
            request_sent: true, ..
        } => "与平台的连接中断,请求可能已被平台收到。",
        ApiError::Tls { .. } if e.is_plain_http() => {
            "该地址的服务器以明文 HTTP(而非 HTTPS)应答:接入地址的端口(或协议)与该服务器不符;请求未发送。"
        }
        ApiError::Tls { .. } => "平台的 TLS 证书未被信任;如使用私有 CA,请在账号设置中添加其证书。",
        ApiError::Timeout { .. } => "平台未及时响应,请稍后重试。",
        ApiError::HttpStatus { .. } => "平台返回了 HTTP 错误,请检查账号的接入地址。",
        _ => "平台的响应无法识别,请稍后重试或反馈问题。",
    };
    text!("{head}", "{zh}(详情:{head})")
}

impl From<ServiceError> for AppError {
    fn from(e: ServiceError) -> Self {
        let code = match &e {
            ServiceError::DbUnavailable => ErrorCode::DbUnavailable,
            ServiceError::NoBackup => ErrorCode::NoBackup,
            ServiceError::NotDamaged => ErrorCode::InvalidInput,
            ServiceError::Store(StoreError::Corrupt { .. }) => ErrorCode::DbCorrupt,
            ServiceError::Store(StoreError::NotFound { .. }) => ErrorCode::NotFound,
            ServiceError::Invalid { .. } => ErrorCode::InvalidInput,
            ServiceError::NotFound(_) => ErrorCode::NotFound,
            ServiceError::Busy(_) => ErrorCode::InvalidInput,
            ServiceError::WrongMode { .. } => ErrorCode::InvalidInput,
            ServiceError::Api(ApiError::InvalidInput { .. }) => ErrorCode::InvalidInput,
            ServiceError::BindUnsure { .. } => ErrorCode::Internal,
            ServiceError::Api(_) | ServiceError::AxybHalfBound { .. } => {
                match e.result_code().map(ResultCode::category) {
                    Some(CodeCategory::InvalidRequest) => ErrorCode::InvalidInput,
                    Some(CodeCategory::NotFound) => ErrorCode::NotFound,
                    _ => ErrorCode::Internal,
                }
            }
            ServiceError::Secret(_) | ServiceError::Store(_) => ErrorCode::Internal,
        };
        AppError::new(code, e.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(code: &str) -> ServiceError {
        ServiceError::Api(ApiError::Platform {
            code: ResultCode::from_code(code),
            desc: "Some text.".into(),
            status: 403,
        })
    }

    #[test]
    fn api_errors_map_to_ipc_codes_by_category() {
        let code = |e: ServiceError| AppError::from(e).code;
        assert_eq!(code(platform("1012001")), ErrorCode::NotFound);
        assert_eq!(code(platform("1010002")), ErrorCode::InvalidInput);
        assert_eq!(code(platform("1012010")), ErrorCode::Internal);
        let timeout = ServiceError::Api(ApiError::Timeout {
            during_connect: true,
        });
        assert_eq!(code(timeout), ErrorCode::Internal);
    }

    #[test]
    fn platform_messages_keep_the_code_and_both_languages() {
        let text = platform("1010013").to_string();
        assert!(
            text.starts_with("platform error 1010013: Some text. "),
            "{text}"
        );
        assert!(text.contains("clock") && text.contains("同步"), "{text}");
        let offline = ServiceError::Api(ApiError::Transport {
            request_sent: false,
            detail: "refused".into(),
        });
        assert!(offline.to_string().contains("无法连接平台"), "{offline}");
        assert!(offline.result_code().is_none());
    }

    #[test]
    fn an_invalid_field_is_named_in_the_chinese_half_too() {
        let text = ServiceError::Api(ApiError::InvalidInput {
            field: "userData",
            reason: "at most 256 characters".into(),
        })
        .to_string();
        assert!(
            text.starts_with("invalid userData: at most 256 characters / "),
            "{text}"
        );
        let zh = text.split(" / ").nth(1).unwrap_or_default();
        assert!(zh.contains("userData") && zh.contains("无效"), "{text}");
    }

    #[test]
    fn a_reset_after_sending_says_possibly_received_in_both_languages() {
        let reset = ServiceError::Api(ApiError::Transport {
            request_sent: true,
            detail: "connection reset by peer".into(),
        })
        .to_string();
        assert!(reset.contains("possibly received"), "{reset}");
        assert!(reset.contains("可能已被平台收到"), "{reset}");
        assert!(!reset.contains("请检查网络"), "the halves agree: {reset}");
        let refused = ServiceError::Api(ApiError::Transport {
            request_sent: false,
            detail: "connection refused".into(),
        })
        .to_string();
        assert!(
            refused.contains("not sent") && refused.contains("请求未发送"),
            "{refused}"
        );
    }
}
