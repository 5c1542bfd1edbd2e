use serde_json::json;

use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::oauth::flow::{self, ClientCredentials, TokenHint};

use super::Context;

pub fn run(ctx: &Context, name: &str, local_only: bool) -> Result<ExitCode, Error> {
    let channel = ctx.store.get(name)?;
    let mut revoked = false;
    if !local_only {
        let secrets = ctx.store.secrets(&channel)?;
        let client = ClientCredentials {
            id: channel.client_id.clone(),
            secret: secrets.client_secret.clone().map(oauth2::ClientSecret::new),
            auth: channel.client_auth,
        };
        let http = HttpClient::new(std::time::Duration::from_secs(30), ctx.ui.verbose > 0);
        // Revoking the refresh token ends the whole grant at most providers (RFC 7009 §2.1);
        // the access token is revoked too for providers that keep them apart.
        let result = match &secrets.refresh_token {
            Some(rt) => flow::revoke(
                rt,
                TokenHint::RefreshToken,
                &channel.endpoints,
                &client,
                &http,
            )
            .and_then(|done| match done {
                true => flow::revoke(
                    &secrets.access_token,
                    TokenHint::AccessToken,
                    &channel.endpoints,
                    &client,
                    &http,
                ),
                false => Ok(false),
            }),
            None => flow::revoke(
                &secrets.access_token,
                TokenHint::AccessToken,
                &channel.endpoints,
                &client,
                &http,
            ),
        };
        match result {
            Ok(done) => revoked = done,
            Err(e) => {
                ctx.ui.warn(format!("{name} was kept: revoking at the provider failed. To delete it here anyway: postiz-connect logout {name} --local-only"));
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
            "Logged out {name}: {}deleted from the {}",
            if revoked {
                "revoked at the provider, "
            } else {
                ""
            },
            channel.store.as_str()
        ));
    }
    Ok(ExitCode::Ok)
}
