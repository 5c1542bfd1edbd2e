use std::time::Duration;

use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::interrupt;
use crate::providers::Provider;
use crate::sandbox::{self, Fault, Sandbox};
use crate::ui::Ui;

use super::Context;

pub fn run(
    ctx: &Context,
    provider: &str,
    port: Option<u16>,
    auto_approve: bool,
    faults: Vec<Fault>,
    access_ttl: Duration,
) -> Result<ExitCode, Error> {
    let provider = ctx.catalog.require(provider)?.clone();
    let config = sandbox::Config {
        provider: provider.clone(),
        auto_approve,
        faults: faults.clone(),
        access_ttl: access_ttl.as_secs().max(1),
    };
    let sb = Sandbox::start(config, port.unwrap_or(0))?;
    // --sandbox-at points every endpoint of the provider's entry at this sandbox (long-
    // lived exchanges, page lists, registration included) and uses its client.
    // Started with --auto-approve, it needs no click: the printed command says so, and
    // then connects with no browser too.
    let command = format!(
        "postiz-connect {} --sandbox-at {}{}",
        provider.id,
        sb.base_url(),
        if auto_approve { " --auto-approve" } else { "" }
    );
    show_started(&ctx.ui, &provider, &sb, &faults, &command);
    while !interrupt::requested() {
        std::thread::sleep(Duration::from_millis(200));
    }
    ctx.ui.info("sandbox stopped");
    Ok(ExitCode::Ok)
}

/// Where the sandbox listens and how to connect to it: one JSON line (a script reads it
/// while the sandbox keeps running), or the lines for people.
fn show_started(ui: &Ui, provider: &Provider, sb: &Sandbox, faults: &[Fault], command: &str) {
    let endpoints = sb.endpoints();
    let client = sb.client();
    if ui.json {
        // One line, so a script can read it while the sandbox keeps running.
        ui.json_line(&json!({
        "provider": provider.id,
        "base_url": sb.base_url(),
        "authorize_url": endpoints.authorize_url,
        "token_url": endpoints.token_url,
        "userinfo_url": endpoints.userinfo_url,
        "revoke_url": endpoints.revoke_url,
        "client_id": client.id,
        "client_secret": client.secret.as_ref().map(|_| sandbox::CLIENT_SECRET),
        "client_auth": client.auth.as_str(),
        "faults": faults.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
        "connect_command": command,
        "connect_command_oauth1": provider.oauth1.as_ref().map(|_| format!("{command} --oauth1")),
    }));
    } else {
        ui.data(format!(
            "Sandbox of {} listening on {} (Ctrl-C to stop){}\nConnect to it with:\n  {command}{}",
            provider.name,
            sb.base_url(),
            if faults.is_empty() {
                String::new()
            } else {
                format!(
                    "\nfaults: {}",
                    faults
                        .iter()
                        .map(|f| f.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            if provider.oauth1.is_some() {
                format!("\n  {command} --oauth1    (OAuth 1.0a, as Postiz)")
            } else {
                String::new()
            }
        ));
    }
}
