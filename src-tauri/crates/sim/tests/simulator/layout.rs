//! The layering of `src/` the crate README's "Layout" describes, read from the source files:
//! `model` uses nothing else of the crate, `state` uses `model` only (so no module cycle can
//! pass through the shared state again), and only the crate root and `http` itself use `http`.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rs_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            out.extend(rs_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The first segment of every `crate::…` path outside line comments, `use crate::{a, b::c}`
/// groups included (`a`, `b`).
fn crate_modules(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let preceded = rest[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
        rest = &rest[i + "crate::".len()..];
        if preceded {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut start) = (0usize, 0usize);
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(&group[start..j]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(&group[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

fn uses(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    crate_modules(&text)
}

#[test]
fn the_path_scanner_sees_plain_and_grouped_paths() {
    let found = crate_modules(
        "use crate::model::clock::SimClock;\nuse crate::{auth, http::server::ConnInfo};\n\
         // crate::commented\nlet x = crate::calls::generate(); maskline_sim::crate::no;",
    );
    assert_eq!(found, ["model", "auth", "http", "calls"]);
}

#[test]
fn model_uses_nothing_else_of_the_crate() {
    let files = rs_files(&src().join("model"));
    assert!(files.len() >= 10, "model files found: {files:?}");
    for f in files {
        let outside: Vec<String> = uses(&f).into_iter().filter(|m| m != "model").collect();
        assert!(
            outside.is_empty(),
            "{} uses {outside:?}: model types must not depend on logic, state or http",
            f.display()
        );
    }
}

#[test]
fn state_depends_on_the_model_only() {
    let used = uses(&src().join("state.rs"));
    assert!(used.iter().any(|m| m == "model"), "state.rs uses {used:?}");
    let outside: Vec<&String> = used.iter().filter(|m| *m != "model").collect();
    assert!(
        outside.is_empty(),
        "state.rs uses {outside:?}: the shared state holds model types only"
    );
}

#[test]
fn only_the_root_and_http_use_http() {
    let http = src().join("http");
    for f in rs_files(&src()) {
        if f.starts_with(&http) || f == src().join("lib.rs") {
            continue;
        }
        assert!(
            !uses(&f).iter().any(|m| m == "http"),
            "{} uses crate::http: logic must not depend on the HTTP layer",
            f.display()
        );
    }
}
