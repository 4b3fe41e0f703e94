//! Webview lock-down: the window may only show Maskline's own pages. Any navigation to
//! another origin (a link in a platform message, a redirect, an injected script) is refused.

use tauri::plugin::TauriPlugin;
use tauri::{Runtime, Url};

/// Whether the main webview may navigate to `url`: the bundled app (`tauri://localhost`,
/// `http(s)://tauri.localhost` on Windows) and, in debug builds, the Vite dev server.
pub fn allowed(url: &Url) -> bool {
    let host = url.host_str().unwrap_or("");
    match url.scheme() {
        "tauri" => host == "localhost",
        "http" | "https" if host == "tauri.localhost" => true,
        "http" => cfg!(debug_assertions) && host == "localhost" && url.port() == Some(1420),
        _ => false,
    }
}

/// The plugin that enforces [`allowed`] on every navigation.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let ok = allowed(url);
            if !ok {
                tracing::warn!(
                    "blocked navigation to another origin ({})",
                    url.origin().ascii_serialization()
                );
            }
            ok
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("valid URL")
    }

    #[test]
    fn only_our_own_origins_are_allowed() {
        assert!(allowed(&url("tauri://localhost/#/calls")));
        assert!(allowed(&url("http://tauri.localhost/index.html")));
        for bad in [
            "https://evil.example.com/",
            "http://127.0.0.1:8443/",
            "file:///etc/passwd",
            "tauri://evil/",
            "http://tauri.localhost.evil.com/",
            "javascript:alert(1)",
            "data:text/html,hi",
        ] {
            assert!(!allowed(&url(bad)), "{bad} must be blocked");
        }
    }
}
