use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::model::ClientCredentials;
use crate::oauth::flow::{self, TokenHint};
use crate::oauth::oauth1;
use crate::secret::ExposeOption;
use crate::store::{Channel, Secrets};

use super::Context;

pub fn run(ctx: &Context, name: &str, local_only: bool, dry_run: bool) -> Result<ExitCode, Error> {
    let stored = ctx.store.get(name)?;
    if dry_run {
        // The dry run refuses what the real run refuses.
        refuse_revoking_what_postiz_holds(&stored, local_only || stored.sandbox)?;
        return Ok(preview(ctx, &stored, local_only));
    }
    // Under the channel's lock, re-read: a refresher that was rotating it has finished,
    // so the tokens revoked are the newest, and nothing brings the channel back after.
    let _lock = ctx.store.lock_channel(name)?;
    ctx.store.finish_interrupted_locked(name)?;
    let channel = ctx.store.get(name)?;
    let mut revoked = false;
    // A channel of the built-in sandbox: its provider was the tool's own emulation, gone
    // with the command that started it; there is nothing to revoke anywhere.
    let local_only = local_only || channel.sandbox;
    refuse_revoking_what_postiz_holds(&channel, local_only)?;
    if channel.sandbox {
        ctx.ui.info(format!(
            "{name} is a sandbox channel: nothing to revoke at a provider"
        ));
    }
    if !local_only {
        let secrets = ctx.store.secrets(&channel)?;
        let client = ClientCredentials {
            id: channel.client_id.clone(),
            secret: secrets
                .client_secret
                .expose_str()
                .map(|s| oauth2::ClientSecret::new(s.into())),
            auth: channel.client_auth,
        };
        let http = ctx.network.client();
        let result = if channel.oauth1 {
            revoke_oauth1(&channel, &secrets, &http)
        } else {
            revoke_oauth2(&channel, &secrets, &client, &http)
        };
        match result {
            Ok(done) => revoked = done,
            Err(e) => {
                ctx.ui.warn(format!(
                    "{name} was kept: revoking at the provider failed. To delete it here anyway: postiz-connect logout {} --local-only",
                    crate::ui::shell_word(name)
                ));
                return Err(e);
            }
        }
        if !revoked {
            ctx.ui.warn(format!(
                "{} has no revocation endpoint: the tokens stay valid at the provider until they expire; revoke the app's access in the provider's account settings",
                channel.provider
            ));
        }
    }
    ctx.store.remove(&channel)?;
    if ctx.ui.json {
        ctx.ui
            .json_data(&json!({"channel": name, "revoked": revoked, "deleted": true}));
    } else {
        ctx.ui.step(format!(
            "Logged out {name}: {}deleted from {}",
            if revoked {
                "revoked at the provider, "
            } else {
                ""
            },
            channel.store.place()
        ));
    }
    Ok(ExitCode::Ok)
}

/// `logout --dry-run`: what would be revoked and deleted, from the stored channel alone.
/// Postiz holds the same grant as a channel handed to it: revoking it here would
/// disconnect the channel there, so only `--local-only` may remove it.
fn refuse_revoking_what_postiz_holds(channel: &Channel, local_only: bool) -> Result<(), Error> {
    let (Some(handed), false) = (&channel.handed_to_postiz, local_only) else {
        return Ok(());
    };
    let name = &channel.name;
    Err(Error::Rejected {
        what: format!(
            "{name} was handed to Postiz (row {} in {}): revoking its tokens at the \
             provider would disconnect the channel in Postiz too; nothing revoked, nothing \
             deleted",
            handed.row_id, handed.database
        ),
        fix: format!(
            "remove only this copy: postiz-connect logout {} --local-only",
            crate::ui::shell_word(name)
        ),
    })
}

fn preview(ctx: &Context, channel: &Channel, local_only: bool) -> ExitCode {
    let local_only = local_only || channel.sandbox;
    let would_revoke = !local_only && channel.endpoints.revoke_url.is_some();
    if ctx.ui.json {
        ctx.ui.json_data(&json!({
            "channel": channel.name,
            "outcome": "would_log_out",
            "would_revoke": would_revoke,
            "would_delete": true,
        }));
    } else {
        ctx.ui.info(format!(
            "would {}delete {} from {} (dry run: nothing revoked or deleted){}",
            if would_revoke {
                "revoke at the provider, then "
            } else {
                ""
            },
            channel.name,
            channel.store.place(),
            if !local_only && !would_revoke {
                "; the provider has no revocation endpoint"
            } else {
                ""
            }
        ));
    }
    ExitCode::Ok
}

/// OAuth 1.0a: invalidate the access token with a request signed by it.
fn revoke_oauth1(channel: &Channel, secrets: &Secrets, http: &HttpClient) -> Result<bool, Error> {
    let Some(url) = &channel.endpoints.revoke_url else {
        return Ok(false);
    };
    let consumer = oauth1::Consumer {
        key: channel.client_id.clone(),
        secret: secrets.client_secret.clone().unwrap_or_default(),
    };
    let access = oauth1::TokenPair {
        token: secrets.access_token.clone(),
        secret: secrets.token_secret.clone().unwrap_or_default(),
        extra: Default::default(),
    };
    oauth1::invalidate(url, &consumer, &access, http).map(|()| true)
}

/// RFC 7009: the refresh token (which ends the grant at most providers), then the access
/// token for providers that keep them apart.
fn revoke_oauth2(
    channel: &Channel,
    secrets: &Secrets,
    client: &ClientCredentials,
    http: &HttpClient,
) -> Result<bool, Error> {
    let endpoints = &channel.endpoints;
    let access = || {
        flow::revoke(
            secrets.access_token.expose(),
            TokenHint::AccessToken,
            endpoints,
            client,
            http,
        )
    };
    match &secrets.refresh_token {
        Some(rt) => match flow::revoke(
            rt.expose(),
            TokenHint::RefreshToken,
            endpoints,
            client,
            http,
        )? {
            true => access(),
            false => Ok(false),
        },
        None => access(),
    }
}
