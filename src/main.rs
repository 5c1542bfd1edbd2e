use std::ffi::OsString;

use postiz_connect::{cli, commands, hardening, interrupt, providers::Loader, store, ui::Ui};

fn main() {
    // First: from here on memory holds secrets (a database URL's password, tokens).
    hardening::forbid_core_dumps();
    // `COMPLETE=<shell> postiz-connect ...`: the dynamic completion (stored channel names
    // included) answers and exits; otherwise this returns at once, building nothing.
    clap_complete::CompleteEnv::with_factory(|| {
        let catalog = Loader::new(store::default_home())
            .catalog()
            .unwrap_or_else(|_| postiz_connect::providers::Catalog::embedded());
        cli::completion_command(&catalog)
    })
    .bin("postiz-connect")
    .complete();
    let args: Vec<OsString> = std::env::args_os().collect();
    let json = cli::wants_json(&args);
    // The catalog is read as far as this run needs it: nothing for `--version` or a
    // built-in command's help, the user's providers.toml to build a provider's command,
    // the whole catalog for a command that runs.
    let mut loader = Loader::new(store::default_home());
    let invocation = match cli::parse_lazy(args, || loader.summaries()) {
        Ok(invocation) => invocation,
        Err(cli::Failure::Usage(err)) => usage_failure(err, json),
        Err(cli::Failure::Catalog(err)) => config_error(err, json),
    };
    // A broken user catalog is reported (exit 6), never skipped: its providers would be
    // missing, or the built-in ones it overrides used in their place.
    let catalog = match loader.catalog() {
        Ok(catalog) => catalog,
        Err(err) => config_error(err, json),
    };
    interrupt::install();
    let code = commands::run(invocation, catalog);
    std::process::exit(code as i32);
}

/// clap's help, version or usage error. With `--json`, a usage error is the one error
/// object on stderr every command prints, and the version a JSON document; help is for
/// people and stays text.
fn usage_failure(err: clap::Error, json: bool) -> ! {
    use clap::error::ErrorKind;
    if json {
        match err.kind() {
            ErrorKind::DisplayHelp => {}
            ErrorKind::DisplayVersion => {
                Ui::new(true, false, 0).json_data(&serde_json::json!({
                    "name": env!("CARGO_PKG_NAME"),
                    "version": env!("CARGO_PKG_VERSION"),
                }));
                std::process::exit(0);
            }
            _ => {
                let code =
                    commands::conclude(&Ui::new(true, false, 0), Err(cli::usage_error(&err)));
                std::process::exit(code as i32);
            }
        }
    }
    err.exit()
}

/// Reports a catalog that cannot be read, with the exit code every error gets.
fn config_error(err: postiz_connect::error::Error, json: bool) -> ! {
    let code = commands::conclude(&Ui::new(json, false, 0), Err(err));
    std::process::exit(code as i32);
}
