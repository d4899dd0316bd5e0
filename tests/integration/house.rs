//! The shape of the code: no import cycle between the files of `src/`, and the core never
//! reaches into the window.
//!
//! Every `.rs` file under `src/` is a node. A file depends on another when it names a path into
//! it (`crate::review::file::…`, `super::RowReview`, `use super::words::…`), resolved to the
//! deepest file that exists. A folder's `mod.rs` declaring and re-exporting its own children is
//! not a dependency (that is how a module is made of files); everything else is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`["review", "file"]`) → file.
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                parts.clear();
                if path.ends_with("main.rs") {
                    continue;
                }
            }
            out.insert(parts, path);
        }
    }
    out
}

/// The paths a file names: `crate::a::b` and `super::c` (resolved against the file's module).
fn named_paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for (start, prefix) in code
        .match_indices("crate::")
        .map(|(i, _)| (i, "crate::"))
        .chain(code.match_indices("super::").map(|(i, _)| (i, "super::")))
    {
        let before = code[..start].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[start + prefix.len()..];
        let words: Vec<String> = rest
            .split("::")
            .map(|w| {
                w.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|w| !w.is_empty())
            .collect();
        let mut path = if prefix == "crate::" {
            Vec::new()
        } else {
            // `super` of `a/mod.rs` (module `a`) is the root; of `a/b.rs` (module `a::b`), `a`.
            let mut parent = module.to_vec();
            parent.pop();
            parent
        };
        path.extend(words);
        out.push(path);
    }
    out
}

fn resolve(path: &[String], modules: &BTreeMap<Vec<String>, PathBuf>) -> Option<Vec<String>> {
    (0..=path.len())
        .rev()
        .map(|len| path[..len].to_vec())
        .find(|prefix| modules.contains_key(prefix))
}

fn dependencies() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap();
        let is_mod_file = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        let mut uses = BTreeSet::new();
        for path in named_paths(&text, module) {
            let Some(target) = resolve(&path, &modules) else {
                continue;
            };
            // A `mod.rs` declaring and re-exporting its children, a file naming itself, and
            // the crate root (`lib.rs` only declares modules) are not dependencies.
            let own_child = is_mod_file && target.starts_with(module) && target != *module;
            if own_child || target == *module || target.is_empty() {
                continue;
            }
            uses.insert(target);
        }
        graph.insert(module.clone(), uses);
    }
    graph
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn no_import_cycle_between_files() {
    let graph = dependencies();
    // Depth-first search for a back edge.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<Vec<String>, Mark> = BTreeMap::new();
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        marks: &mut BTreeMap<Vec<String>, Mark>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle: Vec<String> = stack[from..].iter().map(|n| name(n)).collect();
                cycle.push(name(node));
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    for node in graph.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(node, &graph, &mut marks, &mut stack) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
    // The check sees real dependencies (it would pass on an empty graph otherwise).
    assert!(graph[&vec!["comparison".to_owned()]].contains(&vec!["review".to_owned()]));
}

#[test]
fn the_core_never_names_the_window() {
    for (module, uses) in dependencies() {
        if module.first().is_some_and(|m| m == "app") {
            continue;
        }
        assert!(
            uses.iter().all(|u| u.first().is_none_or(|m| m != "app")),
            "{} uses the window: {uses:?}",
            name(&module)
        );
    }
}
