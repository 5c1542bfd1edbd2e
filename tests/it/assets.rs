//! completions/ and man/ are generated from the command line; this fails when they are
//! stale. Regenerate with: UPDATE_ASSETS=1 cargo test --test it assets::
//!
//! The man pages are generated here only (clap_mangen is a dev-dependency): the binary
//! has no command that prints one.

use std::path::{Path, PathBuf};

use postiz_connect::assets;
use postiz_connect::cli::build_command;
use postiz_connect::providers::Catalog;

const BIN: &str = "postiz-connect";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(file name, contents)` of the main man page and one per subcommand.
fn man_pages(catalog: &Catalog) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = build_command(catalog);
    cmd.build();
    let mut pages = Vec::new();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    pages.push((format!("{BIN}.1"), exit_status_table(out)));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("{BIN}-{}", sub.get_name());
        let sub = sub.clone().name(name.clone()).display_name(name.clone());
        let mut out = Vec::new();
        clap_mangen::Man::new(sub).render(&mut out)?;
        pages.push((format!("{name}.1"), exit_status_table(out)));
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
    ] {
        assert!(
            pages
                .iter()
                .any(|(n, _)| n == &format!("postiz-connect-{sub}.1")),
            "{sub}"
        );
    }
}

/// README.md's "Exit codes" table is generated from the same table as `--help` and the
/// man pages (`error::EXIT_CODES`): one source, so the three never disagree.
#[test]
fn readme_exit_codes_are_generated_from_the_one_table() {
    const BEGIN: &str = "<!-- generated from src/error.rs EXIT_CODES: UPDATE_ASSETS=1 cargo test --test it assets:: -->\n";
    const END: &str = "<!-- end of generated exit codes -->";
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(BEGIN).expect("the README marks its exit codes") + BEGIN.len();
    let end = start + readme[start..].find(END).expect("the end marker");
    let table = postiz_connect::error::exit_codes_markdown();
    if std::env::var_os("UPDATE_ASSETS").is_some() && readme[start..end] != table {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        readme[start..end],
        table,
        "README.md's exit codes are stale: UPDATE_ASSETS=1 cargo test --test it assets::"
    );
    // The man page says the same (wrapped), and so does --help.
    let pages = man_pages(&Catalog::embedded()).unwrap();
    let main = String::from_utf8(pages[0].1.clone()).unwrap();
    assert!(
        main.contains(".PP\nA command over several channels, rows or checks exits with the code of the failure that most needs a person"),
        "the rule is a paragraph of its own, after the codes"
    );
}
