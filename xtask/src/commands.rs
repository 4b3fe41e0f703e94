//! The `Command` union: every IPC command name the app registers, for `call(command: Command, …)`
//! in `ui/src/ipc/invoke.ts`, so a renamed or removed command fails `tsc`.
//!
//! The names come from the `tauri::generate_handler![…]` list in `src-tauri/src/lib.rs` (the one
//! list Tauri dispatches on), and are checked against the `#[tauri::command]` functions in
//! `src-tauri/src/commands/*.rs`: a command defined but not registered, or registered but not
//! defined in the module its path names, stops the generator. A command added to the handler
//! without regenerating fails CI's staleness check and this crate's test.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `<area>::<name>` as written in the handler list (`commands::<area>::<name>`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Registered {
    pub area: String,
    pub name: String,
}

/// The file the union is written to, in the bindings folder.
pub const FILE_NAME: &str = "Command.ts";

fn app_src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/src")
}

/// Reads the app's sources and writes `Command.ts` into `out`.
pub fn write(out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let text = generate(&app_src())?;
    std::fs::write(out.join(FILE_NAME), text)?;
    Ok(())
}

/// The text of `Command.ts` for the app sources under `src` (`src-tauri/src`).
pub fn generate(src: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let lib = std::fs::read_to_string(src.join("lib.rs"))?;
    let registered = parse_handler(&lib)?;
    let mut defined = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(src.join("commands"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    for path in files {
        if path.extension().is_some_and(|e| e == "rs")
            && let Some(area) = path.file_stem().and_then(|s| s.to_str())
        {
            let text = std::fs::read_to_string(&path)?;
            defined.insert(area.to_string(), defined_commands(&text));
        }
    }
    check(&registered, &defined)?;
    Ok(union_text(&registered))
}

/// The entries of `tauri::generate_handler![…]`, in order.
pub fn parse_handler(lib_rs: &str) -> Result<Vec<Registered>, String> {
    const OPEN: &str = "generate_handler![";
    let start = lib_rs
        .find(OPEN)
        .ok_or("src-tauri/src/lib.rs has no `tauri::generate_handler![` list")?
        + OPEN.len();
    let len = lib_rs[start..]
        .find(']')
        .ok_or("the `generate_handler![` list in src-tauri/src/lib.rs is not closed")?;
    let body: String = lib_rs[start..start + len]
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    for entry in body.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let parts: Vec<&str> = entry.split("::").map(str::trim).collect();
        let well_formed =
            parts.len() == 3 && parts[0] == "commands" && parts[1..].iter().all(|p| is_ident(p));
        if !well_formed {
            return Err(format!(
                "generate_handler! entry `{entry}` is not `commands::<module>::<function>`"
            ));
        }
        let r = Registered {
            area: parts[1].to_string(),
            name: parts[2].to_string(),
        };
        if out.iter().any(|o: &Registered| o.name == r.name) {
            return Err(format!("command `{}` is registered twice", r.name));
        }
        out.push(r);
    }
    if out.is_empty() {
        return Err("the `generate_handler![` list in src-tauri/src/lib.rs is empty".into());
    }
    Ok(out)
}

/// Names of the `#[tauri::command]` functions in one command module's source.
pub fn defined_commands(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut pending = false;
    for line in source.lines().map(str::trim) {
        if line.starts_with("#[tauri::command") {
            pending = true;
            continue;
        }
        if !pending || line.starts_with("#[") || line.starts_with("//") {
            continue;
        }
        let rest = ["pub async fn ", "pub fn ", "async fn ", "fn "]
            .iter()
            .find_map(|p| line.strip_prefix(p));
        if let Some(rest) = rest {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
        pending = false;
    }
    names
}

/// Registered and defined commands must be the same set, each in the module its path names.
pub fn check(
    registered: &[Registered],
    defined: &BTreeMap<String, Vec<String>>,
) -> Result<(), String> {
    let mut problems = Vec::new();
    for r in registered {
        if !defined.get(&r.area).is_some_and(|d| d.contains(&r.name)) {
            problems.push(format!(
                "`commands::{}::{}` is registered in generate_handler! but src-tauri/src/commands/{}.rs defines no #[tauri::command] fn {}",
                r.area, r.name, r.area, r.name
            ));
        }
    }
    for (area, names) in defined {
        for name in names {
            if !registered
                .iter()
                .any(|r| &r.area == area && &r.name == name)
            {
                problems.push(format!(
                    "#[tauri::command] fn {name} in src-tauri/src/commands/{area}.rs is not registered in generate_handler! (src-tauri/src/lib.rs)"
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The TypeScript union, grouped by module in handler order.
pub fn union_text(registered: &[Registered]) -> String {
    let mut s = String::from(
        "// Generated by `cargo run -p xtask -- gen-ts` from the generate_handler! list in src-tauri/src/lib.rs. Do not edit this file manually.\n\n\
         /**\n * Every IPC command the backend registers. `call()` in ../invoke.ts takes only these names,\n * so a renamed or removed command fails `tsc`.\n */\nexport type Command =",
    );
    let mut area = "";
    for r in registered {
        if r.area != area {
            area = &r.area;
            let _ = write!(s, "\n  // commands/{area}.rs");
        }
        let _ = write!(s, "\n  | \"{}\"", r.name);
    }
    s.push_str(";\n");
    s
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIB: &str = "fn b() { builder.invoke_handler(tauri::generate_handler![\n    commands::app::app_info,\n    // a comment, with a comma\n    commands::calls::calls_page,\n]) }";

    fn defined(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(a, n)| (a.to_string(), n.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn reads_the_handler_list_in_order() {
        let r = parse_handler(LIB).expect("parses");
        let names: Vec<_> = r
            .iter()
            .map(|r| (r.area.as_str(), r.name.as_str()))
            .collect();
        assert_eq!(names, [("app", "app_info"), ("calls", "calls_page")]);
    }

    #[test]
    fn refuses_entries_it_cannot_read() {
        assert!(parse_handler("no handler here").is_err());
        assert!(parse_handler("generate_handler![]").is_err());
        let e = parse_handler("generate_handler![app_info]").expect_err("bare name");
        assert!(e.contains("app_info"), "{e}");
        let e =
            parse_handler("generate_handler![commands::a::x, commands::b::x]").expect_err("twice");
        assert!(e.contains("twice"), "{e}");
    }

    #[test]
    fn finds_command_functions() {
        let src = "#[tauri::command]\npub async fn calls_page(\n) {}\n\npub fn helper() {}\n#[tauri::command]\n#[allow(clippy::too_many_arguments)]\npub fn calls_count() {}\nfn not_a_command() {}";
        assert_eq!(defined_commands(src), ["calls_page", "calls_count"]);
    }

    #[test]
    fn a_command_defined_but_not_registered_is_an_error() {
        let r = parse_handler(LIB).expect("parses");
        let e = check(
            &r,
            &defined(&[
                ("app", &["app_info", "app_quit"]),
                ("calls", &["calls_page"]),
            ]),
        )
        .expect_err("app_quit is not registered");
        assert!(
            e.contains("app_quit") && e.contains("not registered"),
            "{e}"
        );
    }

    #[test]
    fn a_command_registered_but_not_defined_is_an_error() {
        let r = parse_handler(LIB).expect("parses");
        let e = check(&r, &defined(&[("app", &["app_info"]), ("calls", &[])]))
            .expect_err("calls_page is not defined");
        assert!(e.contains("calls_page"), "{e}");
        // Registered under the wrong module.
        let e = check(
            &r,
            &defined(&[("app", &["app_info", "calls_page"]), ("calls", &[])]),
        )
        .expect_err("calls_page is in app.rs");
        assert!(e.contains("commands::calls::calls_page"), "{e}");
        assert!(
            check(
                &r,
                &defined(&[("app", &["app_info"]), ("calls", &["calls_page"])])
            )
            .is_ok()
        );
    }

    #[test]
    fn writes_a_string_union() {
        let text = union_text(&parse_handler(LIB).expect("parses"));
        assert!(
            text.ends_with("export type Command =\n  // commands/app.rs\n  | \"app_info\"\n  // commands/calls.rs\n  | \"calls_page\";\n"),
            "{text}"
        );
    }

    /// The committed `Command.ts` is what the app registers today: a command added to (or removed
    /// from) the handler without running `gen-ts` fails here as well as in CI's staleness check.
    #[test]
    fn the_committed_command_union_is_fresh() {
        let expected = generate(&app_src()).expect("the app's command list is consistent");
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/ipc/bindings")
            .join(FILE_NAME);
        // A Windows checkout (core.autocrlf) may hold the file with CRLF line ends.
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .replace("\r\n", "\n");
        assert!(
            committed == expected,
            "{} is stale: run `cargo run -p xtask -- gen-ts` and commit",
            path.display()
        );
    }
}
