//! The module graph has no cycles: read every `src/**/*.rs`, collect which module each
//! file names (`use crate::…`, `crate::…::`, `super::…`, a child module's path), and
//! fail on any cycle, printing it with the files that make each step.
//!
//! Two graphs are checked: the top-level modules (`oauth`, `providers`, `store`, ...),
//! and the files inside each module listed in [`PER_FILE`] (or, for those in
//! [`SIBLINGS`], the files but their `mod.rs`). Test code (`#[cfg(test)]`
//! items) is left out: tests may reach anywhere. In a `mod.rs`, a `pub use` of its own
//! child is the module's table of contents, not a dependency of its code, so it is not
//! an edge of the per-file graph.
//!
//! The top-level graph also points down: [`LAYERS`] (the layers `lib.rs` documents)
//! orders the modules, and no module names one of a layer above its own.
//!
//! [`KNOWN`] lists the edges that still close a cycle and are being removed elsewhere;
//! an entry that no longer exists fails the test too, so the list only shrinks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules whose files are checked one by one, their `mod.rs` included.
const PER_FILE: &[&str] = &["error", "model", "oauth", "providers", "store"];

/// Modules whose files are checked one by one among themselves: their `mod.rs` is the
/// dispatcher that calls each file and offers them shared helpers, so only the edges
/// between sibling files count (one command must not import another).
const SIBLINGS: &[&str] = &["commands", "connect", "doctor", "postiz", "sandbox"];

/// Edges (`from`, `to`: module paths, `::`-separated) left out for now, and why. Each
/// closes a cycle that another change removes; remove the entry once it has.
const KNOWN: &[(&str, &str, &str)] = &[];

/// The module path of a source file: `src/oauth/flow.rs` is `oauth::flow`,
/// `src/oauth/mod.rs` is `oauth`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn peek(c: &[char], i: usize) -> char {
    c.get(i).copied().unwrap_or('\0')
}

/// The code of a file without comments, and with every string and character literal
/// emptied (a URL's `//` or a doc link's `crate::` names nothing).
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if peek(&c, i) == '/' && peek(&c, i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if peek(&c, i) == '/' && peek(&c, i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if peek(&c, i) == '/' && peek(&c, i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if peek(&c, i) == '*' && peek(&c, i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if !ident_before
            && (peek(&c, i) == 'r' || (peek(&c, i) == 'b' && peek(&c, i + 1) == 'r'))
            && {
                let s = if peek(&c, i) == 'b' { 2 } else { 1 };
                let mut k = s;
                while peek(&c, i + k) == '#' {
                    k += 1;
                }
                peek(&c, i + k) == '"'
            }
        {
            // A raw string: r"…", r#"…"#, br"…".
            i += if peek(&c, i) == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while peek(&c, i) == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '"' && (1..=hashes).all(|k| peek(&c, i + k) == '#') {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if peek(&c, i) == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if peek(&c, i) == '\'' && (peek(&c, i + 1) == '\\' || peek(&c, i + 2) == '\'') {
            // A character literal ('a', '\n', '\u{1f}'), not a lifetime ('a).
            i += 1;
            while i < c.len() && c[i] != '\'' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// `code` without its `#[cfg(test)]` items (a test module, a test-only import).
fn without_tests(code: &str) -> String {
    let mut out = code.to_string();
    while let Some(start) = out.find("#[cfg(test)]") {
        let rest = &out[start..];
        let brace = rest.find('{');
        let semi = rest.find(';');
        let end = match (brace, semi) {
            (Some(b), Some(s)) if s < b => start + s + 1,
            (Some(b), _) => {
                let mut depth = 0;
                let mut end = out.len();
                for (k, ch) in out[start + b..].char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = start + b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, Some(s)) => start + s + 1,
            (None, None) => out.len(),
        };
        out.replace_range(start..end, " ");
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every full path a `use` tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`,
/// `a::c::e`.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.trim_end_matches("::self").to_string()];
    };
    let prefix = tree[..open].trim().trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0, 0);
    for (k, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[from..k]);
                from = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(expand_use)
        .map(|p| match (prefix.is_empty(), p.as_str()) {
            (true, _) => p,
            (false, "self") => prefix.to_string(),
            (false, _) => format!("{prefix}::{p}"),
        })
        .collect()
}

/// One reference of a file: the path it names, and whether a `pub use` re-exports it.
struct Reference {
    path: String,
    reexport: bool,
}

/// The paths a file's code names: the `use` trees, then `crate::`/`super::`/`self::`
/// paths and paths through a child module (`pending::write` in `store/mod.rs`).
fn references(code: &str, children: &BTreeSet<String>) -> Vec<Reference> {
    let mut refs = Vec::new();
    let mut rest = code.to_string();
    // `use` statements, blanked once read.
    let mut search = 0;
    while let Some(found) = rest[search..].find("use ") {
        let start = search + found;
        let boundary = rest[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident(c));
        let Some(len) = rest[start..].find(';') else {
            break;
        };
        if !boundary {
            search = start + 4;
            continue;
        }
        // `pub use`, `pub(crate) use`: the statement's words before `use`.
        let before = rest[..start].rsplit([';', '{', '}']).next().unwrap_or("");
        let reexport = before.trim().starts_with("pub");
        let tree = rest[start + 4..start + len].to_string();
        for path in expand_use(&tree) {
            refs.push(Reference { path, reexport });
        }
        rest.replace_range(start..start + len + 1, &" ".repeat(len + 1));
        search = start + len + 1;
    }
    // Paths in code: `a::b::c` where `a` is `crate`, `super`, `self` or a child module.
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (pos, ch) = chars[k];
        let boundary = k == 0 || !is_ident(chars[k - 1].1) && chars[k - 1].1 != ':';
        if boundary && is_ident(ch) {
            let end = rest[pos..]
                .find(|c: char| !is_ident(c) && c != ':')
                .map_or(rest.len(), |e| pos + e);
            let path = rest[pos..end].trim_end_matches(':');
            let first = path.split("::").next().unwrap_or("");
            if path.contains("::")
                && (matches!(first, "crate" | "super" | "self") || children.contains(first))
            {
                refs.push(Reference {
                    path: path.to_string(),
                    reexport: false,
                });
            }
            while k < chars.len() && chars[k].0 < end {
                k += 1;
            }
        } else {
            k += 1;
        }
    }
    refs
}

/// The module a path names, as the longest known module prefix of its absolute form.
fn resolve(from: &[String], path: &str, modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").collect();
    // What `self` is: the file's own module.
    let mut base: Vec<String> = from.to_vec();
    let mut rest = &segments[..];
    match segments.first().copied() {
        Some("crate") => {
            base.clear();
            rest = &segments[1..];
        }
        Some("self") => rest = &segments[1..],
        Some("super") => {
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        // A child module's path, or an external crate's (which resolves to the file's
        // own module: no edge).
        _ => {}
    }
    let mut absolute: Vec<String> = base;
    absolute.extend(rest.iter().map(|s| s.to_string()));
    (1..=absolute.len())
        .rev()
        .map(|n| absolute[..n].to_vec())
        .find(|candidate| modules.contains(candidate))
}

struct Graph {
    /// from -> to -> the files that make the edge.
    edges: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

impl Graph {
    fn new() -> Graph {
        Graph {
            edges: BTreeMap::new(),
        }
    }

    fn add(&mut self, from: &str, to: &str, file: &str) {
        if from != to {
            self.edges
                .entry(from.to_string())
                .or_default()
                .entry(to.to_string())
                .or_default()
                .insert(file.to_string());
        }
    }

    /// Strongly connected components of more than one node (Tarjan).
    fn cycles(&self) -> Vec<Vec<String>> {
        struct State<'a> {
            graph: &'a Graph,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on_stack: BTreeSet<&'a str>,
            next: usize,
            found: Vec<Vec<String>>,
        }
        fn visit<'a>(s: &mut State<'a>, v: &'a str) {
            s.index.insert(v, s.next);
            s.low.insert(v, s.next);
            s.next += 1;
            s.stack.push(v);
            s.on_stack.insert(v);
            let targets: Vec<&'a str> = s
                .graph
                .edges
                .get(v)
                .map(|t| t.keys().map(String::as_str).collect())
                .unwrap_or_default();
            for w in targets {
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
            if s.low[v] == s.index[v] {
                let mut component = Vec::new();
                while let Some(w) = s.stack.pop() {
                    s.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    s.found.push(component);
                }
            }
        }
        let mut s = State {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on_stack: BTreeSet::new(),
            next: 0,
            found: Vec::new(),
        };
        let nodes: Vec<&str> = self.edges.keys().map(String::as_str).collect();
        for v in nodes {
            if !s.index.contains_key(v) {
                visit(&mut s, v);
            }
        }
        s.found
    }

    /// A cycle in words: each edge inside the component, with the files making it.
    fn describe(&self, component: &[String]) -> String {
        let mut lines = vec![format!("cycle among {}:", component.join(", "))];
        for from in component {
            for (to, files) in self.edges.get(from).into_iter().flatten() {
                if component.contains(to) {
                    let files: Vec<&str> = files.iter().map(String::as_str).collect();
                    lines.push(format!("  {from} -> {to}  ({})", files.join(", ")));
                }
            }
        }
        lines.join("\n")
    }
}

/// The two graphs of the crate under `src`: top-level modules, and files per module.
fn graphs(src: &Path) -> (Graph, Graph) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let modules: BTreeSet<Vec<String>> = files
        .iter()
        .map(|f| module_of(src, f))
        .filter(|m| !m.is_empty())
        .collect();
    // What each module re-exports from its own children (`pub use child::Name` in a
    // mod.rs): a file naming `super::Name` depends on that child, not on the mod.rs,
    // so a cycle between two siblings through their parent's re-exports is seen.
    let mut reexports: BTreeMap<(Vec<String>, String), Vec<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(src, file);
        let children = children_of(&module, &modules);
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for reference in references(&without_tests(&code_only(&text)), &children) {
            let Some(target) = resolve(&module, &reference.path, &modules) else {
                continue;
            };
            let name = reference.path.rsplit("::").next().unwrap_or_default();
            if reference.reexport && target.len() > module.len() && target.starts_with(&module) {
                reexports.insert((module.clone(), name.to_string()), target);
            }
        }
    }
    let through_reexports = |from: &[String], path: &str, target: Vec<String>| -> Vec<String> {
        // The re-exporting file's own lines stay edges to its children as they are.
        if from == target.as_slice() {
            return target;
        }
        let name = path.rsplit("::").next().unwrap_or_default();
        reexports
            .get(&(target.clone(), name.to_string()))
            .cloned()
            .unwrap_or(target)
    };
    let mut top = Graph::new();
    let mut per_file = Graph::new();
    for file in &files {
        let module = module_of(src, file);
        // lib.rs and main.rs are the crate's root: they name every module.
        if module.is_empty() || module == ["main"] {
            continue;
        }
        let shown = file.strip_prefix(src).unwrap().display().to_string();
        let children = children_of(&module, &modules);
        let text = std::fs::read_to_string(file).expect("a readable source file");
        let code = without_tests(&code_only(&text));
        for reference in references(&code, &children) {
            let Some(target) = resolve(&module, &reference.path, &modules) else {
                continue;
            };
            let target = through_reexports(&module, &reference.path, target);
            top.add(&module[0], &target[0], &shown);
            let root = module[0].as_str();
            let same = module[0] == target[0];
            let siblings = same && SIBLINGS.contains(&root) && module.len() > 1 && target.len() > 1;
            let own_child = reference.reexport && target.starts_with(&module);
            if (same && PER_FILE.contains(&root) && !own_child) || siblings {
                per_file.add(&module.join("::"), &target.join("::"), &shown);
            }
        }
    }
    (top, per_file)
}

/// The names of `module`'s child modules.
fn children_of(module: &[String], modules: &BTreeSet<Vec<String>>) -> BTreeSet<String> {
    modules
        .iter()
        .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
        .map(|m| m[module.len()].clone())
        .collect()
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_module_graph_has_no_cycles() {
    let (mut top, mut per_file) = graphs(&src_dir());
    let mut stale = Vec::new();
    for (from, to, _why) in KNOWN {
        let graph = if from.contains("::") {
            &mut per_file
        } else {
            &mut top
        };
        let removed = graph
            .edges
            .get_mut(*from)
            .and_then(|targets| targets.remove(*to));
        if removed.is_none() {
            stale.push(format!("{from} -> {to}"));
        }
    }
    let mut problems: Vec<String> = top
        .cycles()
        .iter()
        .map(|c| top.describe(c))
        .chain(per_file.cycles().iter().map(|c| per_file.describe(c)))
        .collect();
    if !stale.is_empty() {
        problems.push(format!(
            "these known edges are gone: remove them from KNOWN in src/layers.rs: {}",
            stale.join(", ")
        ));
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n\n"));
}

/// The layers of `lib.rs`, top (the commands) to bottom (plain data and helpers): a
/// module may name modules of its own layer or below, never above. The commands read
/// the command line's parsed types, so the command line is below them; `http` names
/// only `redact` and `text`, and `error` holds its `NetworkError`, so it is a foundation.
const LAYERS: &[&[&str]] = &[
    &["commands"],
    &["cli", "assets"],
    &["refresh", "doctor", "sandbox", "postiz", "connect"],
    &["providers", "oauth", "store", "browser"],
    &[
        "model",
        "error",
        "http",
        "ui",
        "output",
        "text",
        "secret",
        "redact",
        "interrupt",
        "hardening",
    ],
];

/// Upward edges still there (`from`, `to`, why); an entry that no longer exists fails
/// the test, so the list only shrinks.
const KNOWN_UPWARD: &[(&str, &str, &str)] = &[];

/// The services: they return data and report what happens as typed events; the commands
/// say it in words. A service never names the terminal (`ui`) nor the command line
/// (`cli`, which the layers keep above them anyway).
const SERVICES: &[&str] = &["connect", "postiz", "refresh", "doctor", "sandbox"];

/// What a service never names.
const NOT_FOR_SERVICES: &[&str] = &["ui", "cli"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Edges against the direction: the module, the module it names above its layer, and
/// the files that name it.
fn upward_edges(top: &Graph) -> Vec<String> {
    let mut wrong = Vec::new();
    for (from, targets) in &top.edges {
        for (to, files) in targets {
            match (layer_of(from), layer_of(to)) {
                (Some(a), Some(b)) if b < a => wrong.push(format!(
                    "{from} (layer {}) names {to} (layer {}) in {}",
                    a + 1,
                    b + 1,
                    files.iter().cloned().collect::<Vec<_>>().join(", ")
                )),
                (None, _) => wrong.push(format!("{from} is in no layer of LAYERS")),
                (_, None) => wrong.push(format!("{to} is in no layer of LAYERS")),
                _ => {}
            }
        }
    }
    wrong
}

/// Dependencies point down: services never name the command line or the commands,
/// infrastructure never a service, the model and foundations nothing above them.
#[test]
fn every_module_names_only_its_own_layer_or_below() {
    let (mut top, _) = graphs(&src_dir());
    let mut wrong = Vec::new();
    for (from, to, _why) in KNOWN_UPWARD {
        let removed = top
            .edges
            .get_mut(*from)
            .and_then(|targets| targets.remove(*to));
        if removed.is_none() {
            wrong.push(format!(
                "{from} -> {to} is gone: remove it from KNOWN_UPWARD in src/layers.rs"
            ));
        }
    }
    wrong.extend(upward_edges(&top));
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

/// The files of `top`'s edges from a service to what a service never names:
/// `file: service names target`.
fn services_naming_the_terminal(top: &Graph) -> Vec<String> {
    let mut wrong = Vec::new();
    for service in SERVICES {
        for target in NOT_FOR_SERVICES {
            let files = top.edges.get(*service).and_then(|t| t.get(*target));
            for file in files.into_iter().flatten() {
                wrong.push(format!("{file}: {service} names {target}"));
            }
        }
    }
    wrong
}

/// Services never print nor read the command line: they hand data and events to the
/// commands (the layer rule alone allows `ui`, a foundation).
#[test]
fn services_never_name_the_terminal_or_the_command_line() {
    let (top, _) = graphs(&src_dir());
    let wrong = services_naming_the_terminal(&top);
    assert!(
        wrong.is_empty(),
        "a service names ui or cli (report events or return data instead):\n{}",
        wrong.join("\n")
    );
}

/// The checker itself: a service file naming `ui` or `cli` is found; a command naming
/// them is fine.
#[test]
fn a_service_naming_the_terminal_is_found() {
    let mut top = Graph::new();
    top.add("commands", "ui", "commands/status.rs");
    top.add("commands", "cli", "commands/connect.rs");
    assert!(services_naming_the_terminal(&top).is_empty());
    top.add("postiz", "ui", "postiz/follow.rs");
    top.add("connect", "cli", "connect/plan.rs");
    assert_eq!(
        services_naming_the_terminal(&top),
        [
            "connect/plan.rs: connect names cli",
            "postiz/follow.rs: postiz names ui"
        ]
    );
}

/// Every HTTP client of the tool comes from the run's one `http::Network` value (its
/// request limit written once, `Network::REQUEST_TIMEOUT`): no module builds one with a
/// limit of its own (test code aside).
#[test]
fn every_http_client_comes_from_the_network_settings() {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut builders = Vec::new();
    for file in files {
        let code = without_tests(&code_only(&std::fs::read_to_string(&file).unwrap()));
        let shown = file.strip_prefix(&src).unwrap().display().to_string();
        if code.contains("HttpClient::new(") && shown != "http.rs" {
            builders.push(shown);
        }
    }
    assert!(
        builders.is_empty(),
        "build clients with Network::client(): {builders:?}"
    );
}

/// The checker itself: a service naming the command line is found.
#[test]
fn an_upward_edge_is_found() {
    let mut top = Graph::new();
    top.add("refresh", "store", "refresh.rs");
    assert!(upward_edges(&top).is_empty());
    top.add("commands", "cli", "commands/mod.rs");
    assert!(upward_edges(&top).is_empty());
    top.add("postiz", "commands", "postiz/locate.rs");
    assert_eq!(
        upward_edges(&top),
        ["postiz (layer 3) names commands (layer 1) in postiz/locate.rs"]
    );
}

#[test]
fn the_model_depends_on_no_other_module() {
    let (top, _) = graphs(&src_dir());
    let targets: Vec<&String> = top
        .edges
        .get("model")
        .into_iter()
        .flatten()
        .map(|(t, _)| t)
        .collect();
    assert!(targets.is_empty(), "model names {targets:?}");
}

/// The checker itself: it sees a cycle through `super::` and a child module's path, and
/// ignores comments, strings and test code.
#[test]
fn a_cycle_is_found_and_printed_with_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("store")).unwrap();
    std::fs::create_dir_all(src.join("model")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod store;\npub mod model;\n").unwrap();
    std::fs::write(
        src.join("store/mod.rs"),
        "pub mod pending;\npub use pending::Record;\npub struct Channel;\nfn f() { pending::write(); }\n",
    )
    .unwrap();
    std::fs::write(
        src.join("store/pending.rs"),
        "use super::Channel;\n// crate::model::X in a comment\nconst S: &str = \"crate::model::Y\";\n#[cfg(test)]\nmod tests { use crate::model::Z; }\npub fn write() {}\n",
    )
    .unwrap();
    std::fs::write(src.join("model/mod.rs"), "pub struct Thing;\n").unwrap();
    let (top, per_file) = graphs(src);
    assert!(top.cycles().is_empty());
    assert!(!top.edges.contains_key("store"), "{:?}", top.edges);
    let cycles = per_file.cycles();
    assert_eq!(
        cycles,
        vec![vec!["store".to_string(), "store::pending".to_string()]]
    );
    let text = per_file.describe(&cycles[0]);
    assert!(
        text.contains("store -> store::pending  (store/mod.rs)"),
        "{text}"
    );
    assert!(
        text.contains("store::pending -> store  (store/pending.rs)"),
        "{text}"
    );
    // The re-export alone is no edge.
    std::fs::write(
        src.join("store/mod.rs"),
        "pub mod pending;\npub use pending::Record;\npub struct Channel;\n",
    )
    .unwrap();
    assert!(graphs(src).1.cycles().is_empty());
}

#[test]
fn use_trees_expand_to_every_path() {
    assert_eq!(
        expand_use("crate::{a, b::{c, d as e}, f::self}"),
        vec!["crate::a", "crate::b::c", "crate::b::d", "crate::f"]
    );
    assert_eq!(expand_use("super::x::Y"), vec!["super::x::Y"]);
}

/// Review (issue 14): two files of a module that name each other's items through their
/// `mod.rs`'s re-exports (`use super::B;` in a.rs, `use super::A;` in b.rs) depend on
/// each other all the same, but each edge lands on `store` (the re-exporter) and the
/// re-export itself is no edge, so the cycle is not seen.
#[test]
fn a_cycle_through_the_re_exports_of_a_mod_rs_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("store")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod store;\n").unwrap();
    std::fs::write(
        src.join("store/mod.rs"),
        "mod a;\nmod b;\npub use a::A;\npub use b::B;\n",
    )
    .unwrap();
    std::fs::write(
        src.join("store/a.rs"),
        "use super::B;\npub struct A(pub Option<Box<B>>);\n",
    )
    .unwrap();
    std::fs::write(
        src.join("store/b.rs"),
        "use super::A;\npub struct B(pub Option<Box<A>>);\n",
    )
    .unwrap();
    let (_, per_file) = graphs(src);
    assert!(
        !per_file.cycles().is_empty(),
        "store::a <-> store::b is not seen; edges: {:?}",
        per_file.edges
    );
}
