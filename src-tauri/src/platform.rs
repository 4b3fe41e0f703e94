//! What the shell does differently per OS before and around the window: the renderer on
//! Linux machines without a GPU, and a native dialog when start-up fails (release builds on
//! Windows have no console, so an error only logged would be lost).

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch to Skia's CPU renderer.
pub const CPU_RENDERING_VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Whether WebKitGTK should draw on the CPU: no render node in `dri_dir` can be opened for
/// reading and writing (VMs, remote desktops, containers), and the user did not choose
/// (`user_value` is the variable's current value; any value, even "0", is respected).
/// Without a GPU, WebKitGTK's GL path runs on Mesa's software rasteriser, which crashed the
/// web process in our runs (SIGSEGV in swrast_dri.so).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn needs_cpu_rendering(user_value: Option<&OsStr>, dri_dir: &Path) -> bool {
    user_value.is_none() && !any_render_node_usable(dri_dir)
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn any_render_node_usable(dri_dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri_dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        e.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(e.path())
                .is_ok()
    })
}

/// On Linux without a usable GPU, starts this program again with the CPU renderer chosen
/// (the environment must be set before GTK starts, and changing the running process's
/// environment is `unsafe`: exec'ing itself is not). Returns only when nothing is to be
/// done, or when the exec failed (the app then starts as it is).
pub fn choose_renderer() {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        let user = std::env::var_os(CPU_RENDERING_VAR);
        if !needs_cpu_rendering(user.as_deref(), Path::new("/dev/dri")) {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let err = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env(CPU_RENDERING_VAR, "1")
            .exec();
        eprintln!("Maskline: could not restart with the CPU renderer ({err}); starting as is");
    }
}

/// The start-up failure text, both languages (the Chinese says as much as the English).
pub fn startup_failure_text(reason: &str, log_dir: Option<&Path>) -> String {
    let log = log_dir
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| "-".to_string());
    format!(
        "Maskline 无法启动：{reason}\n\
         如果提示缺少 WebView2：请安装 Microsoft Edge WebView2 运行时（Maskline 安装程序自带离线版），然后重新打开 Maskline。\n\
         日志文件夹：{log}\n\n\
         Maskline could not start: {reason}\n\
         If WebView2 is reported missing: install the Microsoft Edge WebView2 Runtime (the Maskline installer carries an offline copy), then open Maskline again.\n\
         Log folder: {log}"
    )
}

/// Shows a start-up failure in a native message box (and logs it). On Linux only when a
/// display is there to show it on.
pub fn show_startup_failure(reason: &str) {
    let text = startup_failure_text(reason, crate::logging::log_dir().as_deref());
    tracing::error!("{}", text.replace('\n', " "));
    let has_display = !cfg!(target_os = "linux")
        || std::env::var_os("DISPLAY").is_some()
        || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if has_display && std::env::var_os("MASKLINE_NO_DIALOG").is_none() {
        let _ = rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Maskline 无法启动 / Maskline could not start")
            .set_description(crate::logging::redact(&text))
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_rendering_only_without_a_usable_render_node_and_never_over_the_users_choice() {
        let none = tempfile::tempdir().expect("tempdir");
        assert!(needs_cpu_rendering(None, none.path()), "empty /dev/dri");
        assert!(
            needs_cpu_rendering(None, &none.path().join("missing")),
            "no /dev/dri"
        );
        assert!(
            !needs_cpu_rendering(Some(OsStr::new("0")), none.path()),
            "the user chose"
        );

        let gpu = tempfile::tempdir().expect("tempdir");
        std::fs::write(gpu.path().join("card0"), b"").expect("card0");
        assert!(
            needs_cpu_rendering(None, gpu.path()),
            "a card without a render node"
        );
        std::fs::write(gpu.path().join("renderD128"), b"").expect("renderD128");
        assert!(
            !needs_cpu_rendering(None, gpu.path()),
            "a usable render node"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_render_node_the_user_may_not_open_does_not_count() {
        use std::os::unix::fs::PermissionsExt;
        let gpu = tempfile::tempdir().expect("tempdir");
        let node = gpu.path().join("renderD128");
        std::fs::write(&node, b"").expect("renderD128");
        std::fs::set_permissions(&node, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // root opens anything: the check is meaningful only for a normal user.
        if std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&node)
            .is_err()
        {
            assert!(needs_cpu_rendering(None, gpu.path()));
        }
    }

    #[test]
    fn the_startup_failure_says_the_same_in_both_languages() {
        let text = startup_failure_text("WebView2 not found", Some(Path::new("/logs")));
        assert!(text.contains("无法启动") && text.contains("could not start"));
        assert!(text.contains("WebView2 运行时") && text.contains("WebView2 Runtime"));
        assert!(text.contains("日志文件夹：/logs") && text.contains("Log folder: /logs"));
        assert_eq!(text.matches("WebView2 not found").count(), 2);
    }
}
