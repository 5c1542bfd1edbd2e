//! completions/, man/ and the generated parts of docs/ come from the command line and the
//! docs; this fails when they are stale, and when a page names a page, section or link
//! target that does not exist. Regenerate with: UPDATE_ASSETS=1 cargo test --test it assets::
//!
//! The man pages are generated here only (clap_mangen is a dev-dependency): the binary
//! has no command that prints one. Each is clap_mangen's page of a command (synopsis,
//! options, the text after `--help`), with the `docs/` sections of that command after
//! its options (`MAN_TEXT`) and a SEE ALSO of the pages next to it: the prose has one
//! source, `docs/`, and the flags another, `src/cli.rs`.

mod markdown;

use std::path::{Path, PathBuf};

use postiz_connect::assets;
use postiz_connect::cli::build_command;
use postiz_connect::providers::Catalog;

const BIN: &str = "postiz-connect";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `docs/` sections each man page carries after its options, in order: `(docs page,
/// heading)`. A page's own `# title` is the whole page; the empty heading is the page's
/// introduction (before its first `##`).
const MAN_TEXT: &[(&str, &[(&str, &str)])] = &[
    (
        "postiz-connect",
        &[
            ("scripting.md", "Global flags"),
            ("scripting.md", "JSON, flags and old spellings"),
            ("storage.md", "Where tokens are stored"),
        ],
    ),
    (
        "postiz-connect-connect",
        &[("connect.md", "Connecting a channel")],
    ),
    (
        "postiz-connect-refresh",
        &[("refresh.md", "Refreshing tokens")],
    ),
    (
        "postiz-connect-restore",
        &[("storage.md", "What is guaranteed")],
    ),
    ("postiz-connect-providers", &[("providers.md", "Providers")]),
    ("postiz-connect-doctor", &[("doctor.md", "Troubleshooting")]),
    (
        "postiz-connect-postiz",
        &[
            ("postiz.md", ""),
            ("postiz.md", "Where the deployment is"),
            ("postiz.md", "Reaching the default docker-compose"),
            ("postiz.md", "What it knows of Postiz"),
        ],
    ),
    (
        "postiz-connect-postiz-status",
        &[("postiz.md", "`postiz status`")],
    ),
    (
        "postiz-connect-postiz-watch",
        &[("postiz.md", "`postiz watch`")],
    ),
    (
        "postiz-connect-postiz-refresh",
        &[
            ("postiz-repair.md", ""),
            ("postiz-repair.md", "`postiz refresh ID...`"),
            ("postiz-repair.md", "The risks, plainly"),
        ],
    ),
    (
        "postiz-connect-postiz-adopt",
        &[
            ("postiz-repair.md", ""),
            ("postiz-repair.md", "`postiz adopt CHANNEL --org NAME|ID`"),
            (
                "postiz-repair.md",
                "Connecting with the deployment's own app",
            ),
            ("postiz-repair.md", "The risks, plainly"),
        ],
    ),
    (
        "postiz-connect-postiz-restore",
        &[
            ("postiz-repair.md", ""),
            ("postiz-repair.md", "`postiz restore FILE`"),
        ],
    ),
    ("postiz-connect-sandbox", &[("sandbox.md", "Sandbox")]),
    (
        "postiz-connect-completions",
        &[("install.md", "Shell completions and man pages")],
    ),
];

/// Pages worth reading next, beside the page a command sits under (which every SEE ALSO
/// names); a provider's page goes with `connect`'s.
const RELATED: &[(&str, &[&str])] = &[
    ("connect", &["providers", "sandbox", "status"]),
    ("status", &["refresh", "doctor"]),
    ("token", &["refresh", "status"]),
    ("refresh", &["token", "status", "restore"]),
    ("restore", &["refresh"]),
    ("logout", &["status"]),
    ("providers", &["connect"]),
    ("doctor", &["connect", "postiz-status"]),
    ("sandbox", &["connect"]),
    (
        "postiz-status",
        &["postiz-watch", "postiz-refresh", "postiz-adopt"],
    ),
    ("postiz-watch", &["postiz-status", "doctor"]),
    ("postiz-refresh", &["postiz-status", "postiz-restore"]),
    ("postiz-adopt", &["connect", "postiz-restore"]),
    ("postiz-restore", &["postiz-refresh", "postiz-adopt"]),
];

/// The page of a docs section as roff: `.SH` with its title, its subsections `.SS`.
fn man_section(file: &str, heading: &str) -> String {
    let path = root().join("docs").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("docs/{file}: {e}"));
    let text = markdown::without_generated(&text);
    let (_, body) = markdown::section(&text, heading)
        .unwrap_or_else(|| panic!("MAN_TEXT: docs/{file} has no section {heading:?}"));
    let title = match heading {
        "" => markdown::headings(&text)[0].clone(),
        h => h.to_string(),
    };
    let mut roff = roff::Roff::new();
    let title = title.replace('`', "").to_uppercase().replace('-', "\\-");
    roff.control("SH", [title.as_str()]);
    roff.to_roff().replace('\'', "\\*(Aq") + &markdown::to_roff(&body)
}

/// A rendered page with its docs sections (before the text after `--help` and the exit
/// status, after the options and subcommands) and its SEE ALSO (before VERSION).
fn with_docs_and_see_also(
    page: String,
    name: &str,
    parent: Option<&str>,
    provider: bool,
) -> String {
    let docs: String = MAN_TEXT
        .iter()
        .filter(|(page, _)| *page == name)
        .flat_map(|(_, sections)| sections.iter())
        .map(|(file, heading)| man_section(file, heading))
        .collect();
    let at = [
        "\n.SH EXTRA\n",
        "\n.SH \"EXIT STATUS\"\n",
        "\n.SH VERSION\n",
    ]
    .iter()
    .find_map(|h| page.find(h))
    .map_or(page.len(), |i| i + 1);
    let page = format!("{}{docs}{}", &page[..at], &page[at..]);
    let Some(parent) = parent else {
        return page;
    };
    let short = name.strip_prefix(&format!("{BIN}-")).unwrap_or(name);
    let related = match provider {
        true => &["connect", "providers"][..],
        false => RELATED
            .iter()
            .find(|(n, _)| *n == short)
            .map_or(&[][..], |(_, r)| *r),
    };
    let see_also: Vec<String> = std::iter::once(parent.to_string())
        .chain(related.iter().map(|r| format!("{BIN}-{r}")))
        .map(|p| format!("{}(1)", p.replace('-', "\\-")))
        .collect();
    let section = format!(".SH \"SEE ALSO\"\n{}\n", see_also.join(", "));
    let at = page.find("\n.SH VERSION\n").map_or(page.len(), |i| i + 1);
    format!("{}{section}{}", &page[..at], &page[at..])
}

/// `(file name, contents)` of the main man page and one per command and subcommand
/// (`postiz status` is `postiz-connect-postiz-status.1`); clap's `help` subcommand has
/// none, and no page names it.
fn man_pages(catalog: &Catalog) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = build_command(catalog).disable_help_subcommand(true);
    cmd.build();
    let providers: Vec<String> = catalog
        .summaries()
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    let mut pages = Vec::new();
    let mut todo: Vec<(clap::Command, String, Option<String>)> = vec![(cmd, BIN.into(), None)];
    while let Some((cmd, name, parent)) = todo.pop() {
        let mut out = Vec::new();
        clap_mangen::Man::new(cmd.clone().name(name.clone()).display_name(name.clone()))
            .render(&mut out)?;
        let page = String::from_utf8(exit_status_table(out)).expect("man pages are UTF-8");
        let provider =
            parent.as_deref() == Some(BIN) && providers.contains(&cmd.get_name().to_string());
        let page = with_docs_and_see_also(page, &name, parent.as_deref(), provider)
            // clap_mangen's name for the text after `--help`'s options.
            .replace("\n.SH EXTRA\n", "\n.SH NOTES\n");
        pages.push((format!("{name}.1"), page.into_bytes()));
        let subs: Vec<clap::Command> = cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .cloned()
            .collect();
        for sub in subs.into_iter().rev() {
            let sub_name = format!("{name}-{}", sub.get_name());
            todo.push((sub, sub_name, Some(name.clone())));
        }
    }
    Ok(pages)
}

/// The exit-code table of `--help` (`error::exit_codes_help`, rows wrapped for a terminal)
/// becomes an EXIT STATUS section of one `.TP` entry per code: `man` fills each entry to
/// its own width, where the help's hard-wrapped rows broke mid-row.
fn exit_status_table(page: Vec<u8>) -> Vec<u8> {
    let page = String::from_utf8(page).expect("man pages are UTF-8");
    let Some(start) = page.find(".SH EXTRA\nExit codes:\n") else {
        return page.into_bytes();
    };
    let end = page[start + 1..]
        .find("\n.SH ")
        .map(|i| start + 1 + i + 1)
        .unwrap_or(page.len());
    let mut rows: Vec<(String, String)> = Vec::new();
    // The text after the table (an unindented line: the rule for a run over several
    // items) is a paragraph of its own.
    let mut after: Vec<&str> = Vec::new();
    for line in page[start..end].lines().skip(2) {
        let trimmed = line.trim_start();
        if !after.is_empty() || (!line.starts_with(' ') && !trimmed.is_empty()) {
            after.push(trimmed);
            continue;
        }
        match trimmed.split_once("  ") {
            Some((code, text)) if line.starts_with("  ") && code.parse::<u8>().is_ok() => {
                rows.push((code.to_string(), text.trim().to_string()))
            }
            _ => {
                if let Some((_, text)) = rows.last_mut() {
                    text.push(' ');
                    text.push_str(trimmed);
                }
            }
        }
    }
    let mut section = String::from(".SH \"EXIT STATUS\"\n");
    for (code, text) in rows {
        section.push_str(&format!(".TP\n\\fB{code}\\fR\n{text}\n"));
    }
    if !after.is_empty() {
        section.push_str(&format!(".PP\n{}\n", after.join(" ").trim()));
    }
    format!("{}{section}{}", &page[..start], &page[end..]).into_bytes()
}

/// The generated exit-code table of docs/scripting.md, between these lines.
const EXIT_CODES_BEGIN: &str =
    "<!-- generated from src/error.rs EXIT_CODES: UPDATE_ASSETS=1 cargo test --test it assets:: -->";
const EXIT_CODES_END: &str = "<!-- end of generated exit codes -->";
/// A command's options, generated into a docs page after a line
/// `<!-- options of postiz-connect postiz status: ... -->`, up to this one.
const OPTIONS_BEGIN: &str = "<!-- options of ";
const OPTIONS_END: &str = "<!-- end of generated options -->";

/// The command a docs page names by its words (`postiz-connect postiz status`).
fn find_command<'a>(cmd: &'a clap::Command, words: &str) -> &'a clap::Command {
    words.split_whitespace().skip(1).fold(cmd, |cmd, word| {
        cmd.find_subcommand(word)
            .unwrap_or_else(|| panic!("no command `{words}` (a docs page names it)"))
    })
}

/// A command's own options (the global ones are on docs/scripting.md) as a Markdown table:
/// the same help, defaults and values as `--help` and the man page's OPTIONS; then the
/// text `--help` shows after them.
fn options_markdown(cmd: &clap::Command) -> String {
    let mut out = String::from("| option | meaning |\n|---|---|\n");
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if arg.is_hide_set() || arg.is_global_set() || id == "help" || id == "version" {
            continue;
        }
        let values: Vec<String> = arg
            .get_value_names()
            .map(|names| names.iter().map(|n| format!("<{n}>")).collect())
            .unwrap_or_else(|| vec![format!("<{}>", id.to_uppercase())]);
        let takes_value = arg.get_action().takes_values();
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let name = match (arg.get_long(), arg.get_short()) {
            (None, None) => format!("{}{}", values.join(" "), if many { "..." } else { "" }),
            (long, short) => {
                let mut flag = [
                    short.map(|s| format!("-{s}")),
                    long.map(|l| format!("--{l}")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
                if takes_value {
                    flag.push(' ');
                    flag.push_str(&values.join(" "));
                }
                flag
            }
        };
        let mut meaning = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string().replace('\n', " "))
            .unwrap_or_default();
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| format!("`{}`", v.get_name()))
            .collect();
        if !possible.is_empty() && !arg.is_hide_possible_values_set() {
            meaning.push_str(&format!(" (one of: {})", possible.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && takes_value {
            meaning.push_str(&format!(" (default: `{}`)", defaults.join(" ")));
        }
        // A `|` splits a cell even in code, and `<ms>` would be an HTML tag.
        out.push_str(&format!(
            "| `{}` | {} |\n",
            name.replace('|', "\\|"),
            meaning
                .trim()
                .replace('|', "\\|")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        ));
    }
    // The text after the options in `--help`, when it is the command's own (not the
    // exit-code table every command shows).
    let after = cmd.get_after_help().map(|h| h.to_string());
    if let Some(after) = after.filter(|h| *h != postiz_connect::error::exit_codes_help()) {
        out.push_str(&format!(
            "\n`{} --help` ends with:\n\n```text\n{}\n```\n",
            cmd.get_bin_name().unwrap_or(cmd.get_name()),
            after.trim_end()
        ));
    }
    out
}

/// A docs page with its generated parts as the code has them now.
fn regenerated(page: &str, cmd: &clap::Command) -> String {
    let mut out = String::new();
    let mut lines = page.lines();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let (generated, end) = if line == EXIT_CODES_BEGIN {
            (postiz_connect::error::exit_codes_markdown(), EXIT_CODES_END)
        } else if let Some(rest) = line.strip_prefix(OPTIONS_BEGIN) {
            let words = rest.split(':').next().unwrap();
            (options_markdown(find_command(cmd, words)), OPTIONS_END)
        } else {
            continue;
        };
        for skipped in lines.by_ref() {
            if skipped.starts_with(end) {
                break;
            }
        }
        out.push_str(&generated);
        if !generated.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(end);
        out.push('\n');
    }
    out
}

/// README.md and every `docs/` page, by their paths from the root.
fn doc_pages() -> Vec<String> {
    let mut pages = vec!["README.md".to_string()];
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// `(path, contents)` of the pages whose generated parts differ from the code's.
fn stale_docs(catalog: &Catalog) -> Vec<(String, String)> {
    let mut cmd = build_command(catalog).disable_help_subcommand(true);
    cmd.build();
    doc_pages()
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(root().join(&path)).unwrap();
            let fresh = regenerated(&text, &cmd);
            (fresh != text).then_some((path, fresh))
        })
        .collect()
}

/// Write everything under `root` (`completions/` and `man/`).
fn write_all(root: &Path, catalog: &Catalog) -> std::io::Result<()> {
    std::fs::create_dir_all(root.join("completions"))?;
    std::fs::create_dir_all(root.join("man"))?;
    for (name, bytes) in assets::completions(catalog) {
        std::fs::write(root.join("completions").join(name), bytes)?;
    }
    for (name, bytes) in man_pages(catalog)? {
        std::fs::write(root.join("man").join(name), bytes)?;
    }
    Ok(())
}

#[test]
fn completions_and_man_pages_are_fresh() {
    let catalog = Catalog::embedded();
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        write_all(&root(), &catalog).unwrap();
    }
    let mut stale = Vec::new();
    let expected: Vec<(String, Vec<u8>)> = assets::completions(&catalog)
        .into_iter()
        .map(|(n, b)| (format!("completions/{n}"), b))
        .chain(
            man_pages(&catalog)
                .unwrap()
                .into_iter()
                .map(|(n, b)| (format!("man/{n}"), b)),
        )
        .collect();
    for (path, bytes) in &expected {
        if std::fs::read(root().join(path)).ok().as_ref() != Some(bytes) {
            stale.push(path.clone());
        }
    }
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let rel = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            if !expected.iter().any(|(p, _)| *p == rel) {
                stale.push(format!("{rel} (no longer generated)"));
            }
        }
    }
    assert!(stale.is_empty(), "stale generated files: {stale:?}\nregenerate with: UPDATE_ASSETS=1 cargo test --test it assets::");
}

/// The docs' generated parts (the exit codes, each command's options) are the code's.
#[test]
fn generated_parts_of_the_docs_are_fresh() {
    let stale = stale_docs(&Catalog::embedded());
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        for (path, fresh) in &stale {
            std::fs::write(root().join(path), fresh).unwrap();
        }
        return;
    }
    let paths: Vec<&String> = stale.iter().map(|(p, _)| p).collect();
    assert!(
        paths.is_empty(),
        "stale generated parts in {paths:?}: UPDATE_ASSETS=1 cargo test --test it assets::"
    );
}

#[test]
fn man_page_documents_exit_codes_and_every_command() {
    let pages = man_pages(&Catalog::embedded()).unwrap();
    let main = String::from_utf8(pages[0].1.clone()).unwrap();
    // One entry per code, never a row broken over two lines.
    let status = main
        .split(".SH \"EXIT STATUS\"\n")
        .nth(1)
        .expect("an EXIT STATUS section");
    let status = status.split("\n.SH ").next().unwrap();
    for code in 0..=7 {
        assert!(
            status.contains(&format!(".TP\n\\fB{code}\\fR\n")),
            "{code}: {status}"
        );
    }
    assert!(
        status.contains("invalid_scope, invalid_client at the code exchange"),
        "{status}"
    );
    assert!(!status.lines().any(|l| l.starts_with(' ')), "{status}");
    for sub in [
        "connect",
        "status",
        "token",
        "logout",
        "providers",
        "completions",
        "twitter",
        "custom",
        "postiz",
        "postiz-status",
        "postiz-watch",
        "postiz-refresh",
        "postiz-adopt",
        "postiz-restore",
    ] {
        assert!(
            pages
                .iter()
                .any(|(n, _)| n == &format!("postiz-connect-{sub}.1")),
            "{sub}"
        );
    }
    // clap's `help` subcommand is no command of its own: no page, and no page names one.
    for (name, page) in &pages {
        assert!(!name.contains("help"), "{name}");
        let page = String::from_utf8_lossy(page);
        assert!(!page.contains("\\-help("), "{name} names a help page");
    }
}

/// A man page carries its command's docs text: `postiz adopt`'s has the adopt section,
/// the way to connect with the deployment's app and the risks, from docs/postiz-repair.md.
#[test]
fn man_pages_carry_the_docs_of_their_command() {
    let pages = man_pages(&Catalog::embedded()).unwrap();
    let page = |name: &str| {
        let (_, bytes) = pages
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"));
        String::from_utf8(bytes.clone()).unwrap()
    };
    let adopt = page("postiz-connect-postiz-adopt.1");
    for section in [
        ".SH \"POSTIZ ADOPT CHANNEL \\-\\-ORG NAME|ID\"",
        ".SH \"CONNECTING WITH THE DEPLOYMENT\\*(AqS OWN APP\"",
        ".SH \"THE RISKS, PLAINLY\"",
        ".SH \"SEE ALSO\"",
    ] {
        assert!(adopt.contains(section), "{section}:\n{adopt}");
    }
    assert!(adopt.contains("createOrUpdateIntegration"), "{adopt}");
    // The options come from clap, once: the docs' generated table is not repeated.
    assert_eq!(
        adopt
            .matches("Replace an existing row\\*(Aqs tokens that differ")
            .count(),
        1,
        "{adopt}"
    );
    let status = page("postiz-connect-postiz-status.1");
    assert!(
        status.contains(".SS \"Postiz\\*(Aqs engine (Temporal)\""),
        "{status}"
    );
    assert!(!status.contains("<!\\-\\-"), "{status}");
}

/// docs/scripting.md's "Exit codes" table is generated from the same table as `--help` and
/// the man pages (`error::EXIT_CODES`): one source, so the three never disagree.
#[test]
fn the_exit_codes_page_is_generated_from_the_one_table() {
    let page = std::fs::read_to_string(root().join("docs/scripting.md")).unwrap();
    let codes = page
        .split("\n## Exit codes\n")
        .nth(1)
        .expect("docs/scripting.md has an \"Exit codes\" section");
    let table = postiz_connect::error::exit_codes_markdown();
    let generated = format!("{EXIT_CODES_BEGIN}\n{table}{EXIT_CODES_END}");
    assert!(
        codes.contains(&generated) || std::env::var_os("UPDATE_ASSETS").is_some(),
        "docs/scripting.md's exit codes are stale: UPDATE_ASSETS=1 cargo test --test it assets::"
    );
    // The man page says the same (wrapped), and so does --help.
    let pages = man_pages(&Catalog::embedded()).unwrap();
    let main = String::from_utf8(pages[0].1.clone()).unwrap();
    assert!(
        main.contains(".PP\nA command over several channels, rows or checks exits with the code of the failure that most needs a person"),
        "the rule is a paragraph of its own, after the codes"
    );
}

/// A name a page refers to: a link target, a man page, or a docs section named in a
/// message of the code.
fn missing_target(from: &str, target: &str) -> Option<String> {
    if target.starts_with("http://")
        || target.starts_with("https://")
        || target.starts_with("mailto:")
    {
        return None;
    }
    let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
    let base = Path::new(from).parent().unwrap_or(Path::new(""));
    let file = match path {
        "" => PathBuf::from(from),
        path => base.join(path),
    };
    let Ok(text) = std::fs::read_to_string(root().join(&file)) else {
        if root().join(&file).is_dir() && anchor.is_empty() {
            return None;
        }
        return Some(format!("{from}: no file {}", file.display()));
    };
    if anchor.is_empty() || markdown::anchors(&text).iter().any(|a| a == anchor) {
        None
    } else {
        Some(format!(
            "{from}: no heading #{anchor} in {}",
            file.display()
        ))
    }
}

/// The man pages `text` names (`postiz-connect-postiz-status(1)`, `man postiz-connect-x`),
/// with roff's `\-` read as `-`.
fn man_references(text: &str) -> Vec<String> {
    let text = text.replace("\\-", "-");
    let mut names = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find(BIN) {
        let name: String = rest[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let after = &rest[i + name.len()..];
        let before = rest[..i].trim_end();
        if after.starts_with("(1)") || (before.ends_with("man") && !name.ends_with('-')) {
            names.push(name.clone());
        }
        rest = &rest[i + name.len()..];
    }
    names
}

/// Where the code points a reader to a page: `docs/storage.md, "Where tokens are stored"`,
/// `docs/providers.md "Adding a provider"`: `(file, section)`, the section empty when none is named.
fn code_references(text: &str) -> Vec<(String, String)> {
    let mut refs = Vec::new();
    let text = text.replace("\\\"", "\"").replace("\\\n", " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (i, _) in text.match_indices(".md") {
        let start = text[..i]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.')))
            .map_or(0, |s| s + 1);
        let file = &text[start..i + 3];
        // The repository's own pages (docs/OauthApi.md of another repository is not one).
        let own_doc = file.strip_prefix("docs/").is_some_and(|name| {
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        });
        if !(file == "README.md" || own_doc) {
            continue;
        }
        // A section is named after a separator (`README.md")` ends a string literal).
        let after = &text[i + 3..];
        let section = [", \"", " \"", ",\""]
            .iter()
            .find_map(|sep| after.strip_prefix(sep))
            .and_then(|s| s.split_once('"'))
            .map_or(String::new(), |(s, _)| s.to_string());
        refs.push((file.to_string(), section));
    }
    refs
}

/// Every file of the repository that is not generated, built or installed.
fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(
                name.as_str(),
                "target" | "node_modules" | ".git" | "man" | "completions"
            ) {
                source_files(&path, out);
            }
        } else if [".rs", ".toml", ".sh", ".yml", ".py"]
            .iter()
            .any(|e| name.ends_with(e))
            || matches!(name.as_str(), "Dockerfile" | "run")
        {
            out.push(path);
        }
    }
}

/// No page (README.md, docs/, man/) refers to a page, file, section or man page that does
/// not exist, and neither does a message or comment of the code.
#[test]
fn no_page_names_a_page_that_does_not_exist() {
    let mut missing = Vec::new();
    for page in doc_pages() {
        let text = std::fs::read_to_string(root().join(&page)).unwrap();
        for target in markdown::links(&text) {
            missing.extend(missing_target(&page, &target));
        }
        for name in man_references(&text) {
            if !root().join(format!("man/{name}.1")).exists() {
                missing.push(format!("{page}: no man page {name}"));
            }
        }
    }
    // The pages as generated now, and as checked in (the same when fresh).
    let checked_in = std::fs::read_dir(root().join("man")).unwrap().map(|e| {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        (
            format!("man/{name} (checked in)"),
            std::fs::read(path).unwrap(),
        )
    });
    let generated = man_pages(&Catalog::embedded())
        .unwrap()
        .into_iter()
        .map(|(name, bytes)| (format!("man/{name}"), bytes));
    for (name, bytes) in generated.chain(checked_in) {
        for referred in man_references(&String::from_utf8(bytes).unwrap()) {
            if !root().join(format!("man/{referred}.1")).exists() {
                missing.push(format!("{name}: no man page {referred}"));
            }
        }
    }
    let mut files = Vec::new();
    source_files(&root(), &mut files);
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let from = file.strip_prefix(root()).unwrap().display().to_string();
        for (page, section) in code_references(&text) {
            let Ok(target) = std::fs::read_to_string(root().join(&page)) else {
                missing.push(format!("{from}: no page {page}"));
                continue;
            };
            let strip = |s: &str| s.replace('`', "");
            if !section.is_empty()
                && !markdown::headings(&target)
                    .iter()
                    .any(|h| strip(h) == strip(&section))
            {
                missing.push(format!("{from}: no section \"{section}\" in {page}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
