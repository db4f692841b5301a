//! The house stays easy to live in: no import circle between the modules of `src/`, no Rust
//! file over 700 lines, no function over 120. These tests read the sources.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every Rust file under `dir`, relative to it.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    crate::support::files_under(dir)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        .collect()
}

/// `source` with comments, strings and char literals blanked out (line breaks kept), so
/// that braces and paths are the code's own.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |out: &mut String, text: &[char]| {
        out.extend(text.iter().map(|c| if *c == '\n' { '\n' } else { ' ' }));
    };
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |s: &str| rest.iter().take(s.chars().count()).copied().eq(s.chars());
        let word_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let end = if starts("//") {
            rest.iter().position(|c| *c == '\n').unwrap_or(rest.len())
        } else if starts("/*") {
            rest.windows(2).position(|w| w == ['*', '/']).map_or(rest.len(), |p| p + 2)
        } else if !word_before && (starts("r\"") || starts("r#") || starts("br\"")) {
            let open = rest.iter().position(|c| *c == '"').unwrap_or(0);
            let hashes = rest[..open].iter().filter(|c| **c == '#').count();
            let close: Vec<char> =
                std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            rest[open + 1..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(rest.len(), |p| open + 1 + p + close.len())
        } else if rest[0] == '"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != '"' {
                j += if rest[j] == '\\' { 2 } else { 1 };
            }
            (j + 1).min(rest.len())
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            rest[2..].iter().position(|c| *c == '\'').map_or(1, |p| p + 3)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            3
        } else {
            0
        };
        if end == 0 {
            out.push(rest[0]);
            i += 1;
        } else {
            blank(&mut out, &rest[..end]);
            i += end;
        }
    }
    out
}

/// The module path of a file under `src/` (`emit::html`, `cmd::start`, `` for lib.rs).
fn module_of(file: &Path) -> String {
    let mut parts: Vec<String> = file
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts.join("::")
}

/// The module a path names: the longest of `modules` it starts with.
fn resolve<'a>(path: &[&str], modules: &'a BTreeSet<String>) -> Option<&'a String> {
    (1..=path.len()).rev().find_map(|n| modules.get(&path[..n].join("::")))
}

/// Which modules each module of `src/` uses, through `crate::` paths (in `use` lines and
/// in the code) and `super::` paths. A module and its own parent or child are not counted:
/// a folder's `mod.rs` and its parts are one room.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let files = rust_files(&src);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        let text = std::fs::read_to_string(src.join(file)).unwrap();
        let code = code_only(text.split("#[cfg(test)]").next().unwrap_or_default());
        let here: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
        let is_folder = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        let mut targets = BTreeSet::new();
        // `use crate::a::{b, c::d}` and inline `crate::a::b`.
        for (at, _) in code.match_indices("crate::") {
            let path = path_at(&code[at + "crate::".len()..]);
            for item in path {
                targets.extend(
                    resolve(&item.iter().map(String::as_str).collect::<Vec<_>>(), &modules)
                        .cloned(),
                );
            }
        }
        for (at, _) in code.match_indices("super::") {
            if code[..at].ends_with("super::")
                || code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let mut ups = 1;
            let mut rest = &code[at + "super::".len()..];
            while let Some(more) = rest.strip_prefix("super::") {
                ups += 1;
                rest = more;
            }
            let base_len = if is_folder { here.len() } else { here.len().saturating_sub(1) };
            let base = &here[..base_len.saturating_sub(ups - 1)];
            for item in path_at(rest) {
                let mut full: Vec<&str> = base.to_vec();
                full.extend(item.iter().map(String::as_str));
                targets.extend(resolve(&full, &modules).cloned());
            }
        }
        let related = |other: &str| {
            other == module
                || other.is_empty()
                || module.is_empty()
                || other.starts_with(&format!("{module}::"))
                || module.starts_with(&format!("{other}::"))
        };
        graph
            .entry(module.clone())
            .or_default()
            .extend(targets.into_iter().filter(|t| !related(t)));
    }
    graph
}

/// The paths written at the start of `text` (after `crate::` or `super::`): one, or each
/// of a `{…}` group.
fn path_at(text: &str) -> Vec<Vec<String>> {
    let word =
        |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut prefix = Vec::new();
    let mut rest = text;
    loop {
        let w = word(rest);
        if w.is_empty() {
            break;
        }
        rest = &rest[w.len()..];
        prefix.push(w);
        match rest.strip_prefix("::") {
            Some(more) => rest = more,
            None => return vec![prefix],
        }
    }
    let Some(group) = rest.strip_prefix('{') else { return vec![prefix] };
    let group = &group[..group.find('}').unwrap_or(group.len())];
    group
        .split(',')
        .map(|item| {
            let mut path = prefix.clone();
            path.extend(item.trim().split("::").map(word).filter(|w| !w.is_empty()));
            path
        })
        .collect()
}

/// The import circles of `graph`: each a set of modules that reach each other.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    for module in graph.keys() {
        if !reach(module).contains(module) || out.iter().any(|c| c.contains(module)) {
            continue;
        }
        let reached = reach(module);
        let circle: Vec<String> =
            reached.into_iter().filter(|m| m == module || reach(m).contains(module)).collect();
        out.push(circle);
    }
    out
}

#[test]
fn no_import_circle_between_modules() {
    let graph = imports();
    assert!(graph.get("model").is_some_and(|m| !m.iter().any(|t| t.starts_with("care"))));
    assert!(graph.get("emit::care").is_some_and(|m| !m.contains("emit::ics")));
    let found = circles(&graph);
    assert!(found.is_empty(), "modules importing each other in a loop: {found:?}");
    // The ground floor imports nothing above it.
    for ground in ["error", "text", "messages"] {
        let above: Vec<&String> = graph[ground]
            .iter()
            .filter(|t| !["error", "text", "messages"].contains(&t.as_str()))
            .collect();
        assert!(above.is_empty(), "{ground} imports {above:?}");
    }
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    graph.entry("d".into()).or_default().insert("a".into());
    assert_eq!(circles(&graph), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
    assert_eq!(
        path_at("care::{Roster, roster::read};"),
        vec![
            vec!["care".to_string(), "Roster".into()],
            vec!["care".to_string(), "roster".into(), "read".into()]
        ]
    );
}

/// Every function of `code` (comments and strings blanked) with its length in lines.
fn functions(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("fn ") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String =
            code[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let (Some(open), semicolon) = (code[at..].find('{'), code[at..].find(';')) else {
            continue;
        };
        if name.is_empty() || semicolon.is_some_and(|s| s < open) {
            continue;
        }
        let mut depth = 0;
        let mut end = at + open;
        for (i, b) in bytes.iter().enumerate().skip(at + open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, code[at..end].matches('\n').count() + 1));
    }
    out
}

#[test]
fn no_file_over_700_lines_and_no_function_over_120() {
    let mut large = Vec::new();
    for dir in ["src", "tests", "benches"] {
        let dir = root().join(dir);
        for file in rust_files(&dir) {
            let text = std::fs::read_to_string(dir.join(&file)).unwrap();
            let lines = text.lines().count();
            if lines > 700 {
                large.push(format!("{}: {lines} lines", file.display()));
            }
            for (name, length) in functions(&code_only(&text)) {
                if length > 120 {
                    large.push(format!("{}: fn {name} is {length} lines", file.display()));
                }
            }
        }
    }
    assert!(large.is_empty(), "too big: {large:#?}");
    // The measure itself: a function's lines from `fn` to its closing brace.
    let sample = "fn a() {\n    let s = \"}\";\n    if x { y }\n}\nfn b();\n";
    assert_eq!(functions(&code_only(sample)), vec![("a".to_string(), 4)]);
}
