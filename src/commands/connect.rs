//! `postiz-connect <provider>`: plan the connect, then carry it out (see `crate::connect`),
//! then show the stored channel.

use crate::cli::ConnectArgs;
use crate::connect::report::{channel_json, describe_expiry, Connected};
use crate::connect::{self, ConnectPlan, Services};
use crate::error::{Error, ExitCode};
use crate::store::Backend;
use crate::ui::{one_line, Ui};

use super::events::Terminal;
use super::Context;

pub fn run(ctx: &Context, provider_id: &str, args: &ConnectArgs) -> Result<ExitCode, Error> {
    let terminal = Terminal(ctx.ui);
    let svc = Services::new(&terminal, &ctx.store, &ctx.network);
    // Every decision, before a browser opens: a usage or configuration error ends here.
    let plan = ConnectPlan::resolve(
        &svc,
        &ctx.catalog,
        provider_id,
        &args.options(),
        &connect::process_env,
    )?;
    // The browser round trip, the stored channel; then what the user sees of it.
    let connected = plan.run(&svc)?;
    Ok(show(&ctx.ui, &connected))
}

/// The stored channel (JSON, or a step and a line of data), then the missing scopes'
/// error if some are missing; the exit code.
fn show(ui: &Ui, connected: &Connected) -> ExitCode {
    let channel = &connected.channel;
    if ui.json {
        ui.json_data(&channel_json(channel));
    } else {
        ui.step(match (channel.store, &connected.secrets_file) {
            (Backend::File, Some(path)) => format!(
                "Stored {} in a plain-text file: {} (0600)",
                channel.name,
                path.display()
            ),
            _ => format!("Stored {} in the OS keychain", channel.name),
        });
        ui.data(format!(
            "Connected {} (account {}), access token {}, refresh token: {}",
            channel.name,
            one_line(
                &channel
                    .account
                    .name
                    .clone()
                    .or(channel.account.handle())
                    .unwrap_or_default(),
                120
            ),
            describe_expiry(channel),
            if channel.has_refresh_token {
                "yes"
            } else {
                "no"
            }
        ));
    }
    match &connected.scope_error {
        Some(err) => {
            ui.error(err);
            err.exit_code()
        }
        None => ExitCode::Ok,
    }
}
