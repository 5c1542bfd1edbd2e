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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::sample;
    use console::strip_ansi_codes;

    /// The stored channel: a step on stderr and the data line on stdout; with missing
    /// scopes, their error after it and its exit code; `--json` the channel's document.
    #[test]
    fn a_connect_shows_the_stored_channel_in_text_and_in_json() {
        let mut channel = sample("custom:alice", Backend::File);
        channel.missing_scopes = vec!["email".into()];
        let connected = Connected {
            channel,
            secrets_file: Some("/home/a/.config/postiz-connect/secrets/x.json".into()),
            scope_error: Some(Error::ScopesMissing {
                channel: "custom:alice".into(),
                missing: vec![("email".into(), None)],
                reconnect: "postiz-connect custom".into(),
            }),
        };
        let (ui, captured) = Ui::capture();
        let code = show(&ui, &connected);
        assert_eq!(code, connected.scope_error.as_ref().unwrap().exit_code());
        assert_eq!(
            captured.stdout(),
            "Connected custom:alice (account alice), access token does not expire (as far as the provider said), refresh token: yes\n"
        );
        let err = strip_ansi_codes(&captured.stderr()).into_owned();
        assert!(
            err.starts_with("✓ Stored custom:alice in a plain-text file: /home/a/.config/postiz-connect/secrets/x.json (0600)\nerror: "),
            "{err}"
        );

        let (ui, captured) = Ui::capture();
        show(&Ui { json: true, ..ui }, &connected);
        let shown: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(shown["channel"], "custom:alice");
        assert_eq!(shown["missing_scopes"], serde_json::json!(["email"]));
        // The error is the one JSON object on stderr.
        let error: serde_json::Value = serde_json::from_str(&captured.stderr()).unwrap();
        assert_eq!(error["error"]["kind"], "scopes_missing");
    }
}
