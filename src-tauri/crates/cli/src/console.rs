//! Chinese on a Windows console. Rust writes UTF-8 bytes to stdout; a Windows console (and
//! PowerShell 5.1, which decodes a program's piped output with the console's output code
//! page, GBK/936 on Chinese Windows) shows them as mojibake unless that code page is UTF-8.
//! So the CLI switches the console's output code page to UTF-8 (65001) at start. The call
//! goes through `win32console` (a safe wrapper of `SetConsoleOutputCP`): the workspace
//! forbids `unsafe`. Elsewhere, and without a console (output redirected to a file from
//! Explorer, a service), this does nothing.

/// The UTF-8 code page.
#[cfg_attr(not(windows), allow(dead_code))]
pub const UTF8_CODE_PAGE: u32 = 65001;

/// Makes the console print UTF-8 (Windows only; a no-op elsewhere). Failing is not fatal:
/// the output is still correct UTF-8, only its display may be wrong.
pub fn utf8_output() {
    #[cfg(windows)]
    {
        use win32console::console::WinConsole;
        if WinConsole::get_output_code_page().ok() != Some(UTF8_CODE_PAGE) {
            let _ = WinConsole::set_output_code(UTF8_CODE_PAGE);
        }
    }
}

#[cfg(all(test, windows))]
mod tests {
    use super::*;
    use win32console::console::WinConsole;

    #[test]
    fn the_console_prints_utf8_after_start() {
        // Only meaningful with a console attached (cargo test from a terminal, CI runners).
        if WinConsole::get_output_code_page().is_ok() {
            utf8_output();
            assert_eq!(
                WinConsole::get_output_code_page().ok(),
                Some(UTF8_CODE_PAGE)
            );
        }
    }
}
