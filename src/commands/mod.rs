//! One file per subcommand; each is thin and calls into the library.

mod completions;
mod connect;
mod doctor;
mod events;
mod findings;
mod logout;
mod postiz;
mod providers;
mod refresh;
mod restore;
mod sandbox;
mod status;
mod token;

use crate::cli::{Command, Invocation};
use crate::error::{Error, ExitCode};
use crate::providers::Catalog;
use crate::store::{self, Store};
use crate::ui::Ui;

/// What every command gets.
pub struct Context {
    pub ui: Ui,
    pub catalog: Catalog,
    pub store: Store,
    /// Built once from the command line; every client of the run comes from it.
    pub network: crate::http::Network,
}

/// Run one invocation; the exit code reflects the outcome.
pub fn run(invocation: Invocation, catalog: Catalog) -> ExitCode {
    let global = &invocation.global;
    let ui = Ui::new(global.json, global.quiet, global.verbose);
    for note in &invocation.deprecations {
        ui.note_deprecated(note);
    }
    let ctx = Context {
        ui,
        catalog,
        store: Store::new(store::default_home()),
        network: crate::http::Network::new(global.verbose > 0).writing_to(ui.out),
    };
    let result: Result<ExitCode, Error> = match invocation.command {
        Command::Connect { provider, args } => connect::run(&ctx, &provider, &args),
        Command::Status => status::run(&ctx),
        Command::Token {
            channel,
            no_refresh,
        } => token::run(&ctx, &channel, no_refresh),
        Command::Refresh {
            channels,
            all,
            within,
            force,
            dry_run,
            jobs,
            watch,
        } => {
            let policy = crate::refresh::Policy {
                within,
                force,
                dry_run,
                ..Default::default()
            };
            if watch {
                refresh::watch(&ctx, &channels, &policy, jobs.into())
            } else {
                refresh::run(&ctx, &channels, all, &policy, jobs.into())
            }
        }
        Command::Restore { file, dry_run } => restore::run(&ctx, &file, dry_run),
        Command::Logout {
            channel,
            local_only,
            dry_run,
        } => logout::run(&ctx, &channel, local_only, dry_run),
        Command::Providers {
            provider,
            frontend_url,
            env_file,
        } => providers::run(
            &ctx,
            provider.as_deref(),
            frontend_url,
            env_file.path.as_deref(),
        ),
        Command::Doctor(args) => doctor::run(&ctx, &args),
        Command::Postiz { command } => postiz::run(&ctx, &command),
        Command::Sandbox {
            provider,
            port,
            emulation,
            access_ttl,
            ..
        } => sandbox::run(
            &ctx,
            &provider,
            port,
            emulation.auto_approve,
            emulation.faults,
            access_ttl,
        ),
        Command::Completions { shell } => completions::run(&ctx, shell),
    };
    conclude(&ctx.ui, result)
}

/// Where a result becomes the process's exit code: an error is reported once and mapped
/// by [`Error::exit_code`], the one table of the documented codes.
pub fn conclude(ui: &Ui, result: Result<ExitCode, Error>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(err) => {
            ui.error(&err);
            err.exit_code()
        }
    }
}
