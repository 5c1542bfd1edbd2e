//! Generated documentation: shell completions and man pages, from the same clap
//! definition the binary parses with (and the embedded catalog). Checked in under
//! `completions/` and `man/`; `tests/assets.rs` fails when they are stale.

use std::path::Path;

use clap_complete::Shell;

use crate::cli::build_command;
use crate::providers::Catalog;

const BIN: &str = "postiz-connect";

/// `(file name, contents)` of every completion script.
pub fn completions(catalog: &Catalog) -> Vec<(String, Vec<u8>)> {
    [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ]
    .into_iter()
    .map(|shell| {
        let mut cmd = build_command(catalog);
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut cmd, BIN, &mut out);
        let name = match shell {
            Shell::Bash => format!("{BIN}.bash"),
            Shell::Zsh => format!("_{BIN}"),
            Shell::Fish => format!("{BIN}.fish"),
            Shell::PowerShell => format!("_{BIN}.ps1"),
            Shell::Elvish => format!("{BIN}.elv"),
            _ => unreachable!("only the shells listed above"),
        };
        (name, out)
    })
    .collect()
}

/// `(file name, contents)` of the main man page and one per subcommand.
pub fn man_pages(catalog: &Catalog) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = build_command(catalog);
    cmd.build();
    let mut pages = Vec::new();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    pages.push((format!("{BIN}.1"), out));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("{BIN}-{}", sub.get_name());
        let sub = sub.clone().name(name.clone()).display_name(name.clone());
        let mut out = Vec::new();
        clap_mangen::Man::new(sub).render(&mut out)?;
        pages.push((format!("{name}.1"), out));
    }
    Ok(pages)
}

/// Write everything under `root` (`completions/` and `man/`).
pub fn write_all(root: &Path, catalog: &Catalog) -> std::io::Result<()> {
    std::fs::create_dir_all(root.join("completions"))?;
    std::fs::create_dir_all(root.join("man"))?;
    for (name, bytes) in completions(catalog) {
        std::fs::write(root.join("completions").join(name), bytes)?;
    }
    for (name, bytes) in man_pages(catalog)? {
        std::fs::write(root.join("man").join(name), bytes)?;
    }
    Ok(())
}
