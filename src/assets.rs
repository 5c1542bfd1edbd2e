//! Shell completions, from the same clap definition the binary parses with (and the
//! embedded catalog): printed by `postiz-connect completions`, and checked in under
//! `completions/`. The man pages under `man/` are rendered from `cli::build_command` and
//! the `docs/` sections of each command by `tests/it/assets.rs` (clap_mangen is a
//! dev-dependency: the binary never renders one), which fails when either is stale.

use clap_complete::Shell;

use crate::cli::completion_command;
use crate::providers::Catalog;

const BIN: &str = "postiz-connect";

/// The completion script for `shell`: clap_complete's, from the command line as completion
/// sees it (`cli::completion_command`), with what its generators get wrong mended.
pub fn completion(shell: Shell, catalog: &Catalog) -> Vec<u8> {
    let mut cmd = completion_command(catalog);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut out);
    let script = String::from_utf8(out).expect("completion scripts are UTF-8");
    let script = match shell {
        Shell::Bash => mend_bash(&script),
        Shell::Fish => script + &fish_positionals(&cmd),
        _ => script,
    };
    script.into_bytes()
}

/// clap_complete's bash script names each subcommand's `case` branch after the binary
/// with `-` turned into `__subcmd__` (`postiz__subcmd__connect__subcmd__twitter)`), but
/// sets `cmd` with `-` turned into `__` (`postiz__connect__subcmd__twitter`): for a
/// hyphenated binary no branch ever matches, so nothing after the first word completes.
/// The branches are renamed to what `cmd` is set to.
fn mend_bash(script: &str) -> String {
    let wrong = BIN.replace('-', "__subcmd__");
    let right = BIN.replace('-', "__");
    script
        .lines()
        .map(|line| {
            let label = line.trim_start();
            match label.strip_prefix(&wrong) {
                Some(rest) if label.ends_with(')') && !label.contains(' ') => {
                    format!("{}{right}{rest}", &line[..line.len() - label.len()])
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// clap_complete's fish script completes no positional values: `completions <TAB>` offered
/// file names instead of shells, `connect <TAB>` no provider. One line per positional
/// argument with known values; one that takes a single value stops once it is given.
fn fish_positionals(cmd: &clap::Command) -> String {
    let function = format!("__fish_{}_using_subcommand", BIN.replace('-', "_"));
    let mut lines = String::new();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        for arg in sub.get_positionals() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() {
                continue;
            }
            let values = values.join(" ");
            let once = match arg.get_num_args().is_some_and(|n| n.max_values() > 1) {
                true => String::new(),
                false => format!("; and not __fish_seen_subcommand_from {values}"),
            };
            lines.push_str(&format!(
                "complete -c {BIN} -n \"{function} {}{once}\" -f -a \"{values}\"\n",
                sub.get_name()
            ));
        }
    }
    lines
}

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
        let name = match shell {
            Shell::Bash => format!("{BIN}.bash"),
            Shell::Zsh => format!("_{BIN}"),
            Shell::Fish => format!("{BIN}.fish"),
            Shell::PowerShell => format!("_{BIN}.ps1"),
            Shell::Elvish => format!("{BIN}.elv"),
            _ => unreachable!("only the shells listed above"),
        };
        (name, completion(shell, catalog))
    })
    .collect()
}
