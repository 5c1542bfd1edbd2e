//! The app a login uses: its credentials (flags, then a Postiz `.env`, then the
//! environment), its instance, its endpoints (catalog, flags or discovery) and how it
//! authenticates at the token endpoint; for OAuth 1.0a, the consumer key and secret.
//! Connect plans with it; doctor probes with it.

use crate::error::Error;
use crate::http::HttpClient;
use crate::model::{ClientCredentials, Endpoints};
use crate::oauth::oauth1::Consumer;
use crate::oauth::scopes;
use crate::providers::{self, ClientAuth, EnvFile, OAuth1, Provider, ServerMetadata};
use crate::sandbox;
use crate::secret::{ExposeOption, Secret};

use super::events::{Event, Events};
use super::options::ClientOptions;
use super::services::Vars;

/// Credentials for `provider` from the flags, `--env-file`, then the environment.
pub fn credentials(
    provider: &Provider,
    client: &ClientOptions,
    env_file: Option<&EnvFile>,
    vars: Vars,
) -> Result<providers::Credentials, Error> {
    providers::resolve_credentials(
        provider,
        client.client_id.as_deref(),
        client.client_secret.expose_str(),
        env_file,
        vars,
    )
}

/// A setting from `--env-file`, then the environment; with where it came from.
pub fn setting(
    names: &[String],
    env_file: Option<&EnvFile>,
    vars: Vars,
) -> Option<(String, String)> {
    providers::lookup_setting(names, env_file, vars)
}

/// `--scopes`, else the provider's defaults.
pub fn requested_scopes(provider: &Provider, flag: Option<&str>) -> Vec<String> {
    match flag {
        Some(list) => scopes::parse_list(list),
        None => provider.scopes.clone(),
    }
}

/// Credentials and endpoints of a configured app, for a probe (doctor): a sandbox
/// already running (`--sandbox-at`) or the real provider. Resolves the provider's
/// instance or sandbox URLs in place.
pub fn for_probe(
    events: &dyn Events,
    provider: &mut Provider,
    client: &ClientOptions,
    env_file: Option<&EnvFile>,
    vars: Vars,
    http: &HttpClient,
) -> Result<(Endpoints, ClientCredentials), Error> {
    if let Some(base) = &client.sandbox_at {
        *provider = sandbox::rewrite(provider, base);
        return Ok((
            sandbox::endpoints_of(provider),
            sandbox::client_for(provider),
        ));
    }
    let (endpoints, creds) = resolve(events, provider, client, None, env_file, vars, http, false)?;
    Ok((endpoints, creds.expect("registration not allowed")))
}

/// Credentials and endpoints for a real provider; with `allow_registration`, None for a
/// provider that registers a client on the fly when none is configured (Mastodon).
/// Applies the instance, an explicit identity endpoint and discovered OpenID support to
/// `provider`.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve(
    events: &dyn Events,
    provider: &mut Provider,
    client: &ClientOptions,
    scopes_flag: Option<&str>,
    env_file: Option<&EnvFile>,
    vars: Vars,
    http: &HttpClient,
    allow_registration: bool,
) -> Result<(Endpoints, Option<ClientCredentials>), Error> {
    let resolved = credentials(provider, client, env_file, vars);
    let creds = match resolved {
        Err(_)
            if allow_registration
                && provider.registration.is_some()
                && client.client_id.is_none() =>
        {
            None
        }
        other => Some(other?),
    };
    if let Some(creds) = &creds {
        events.event(Event::ClientIdFrom(&creds.client_id_source));
        if let Some(source) = &creds.client_secret_source {
            events.event(Event::ClientSecretFrom(source));
        }
    }
    if provider.needs_base() {
        let from_env = setting(&provider.base_url_env, env_file, vars);
        let (base, source) = match (&client.instance, from_env, &provider.base_url) {
            (Some(flag), _, _) => (flag.clone(), "--instance".to_string()),
            (None, Some((value, source)), _) => (value, source),
            (None, None, Some(default)) => (default.clone(), "the default".to_string()),
            (None, None, None) => {
                return Err(Error::Usage(format!(
                    "{} needs its instance URL: pass --instance",
                    provider.id
                )))
            }
        };
        provider.apply_base(&base)?;
        events.event(Event::Instance {
            base: &base,
            source: &source,
        });
    }
    let metadata = match &client.issuer {
        Some(issuer) => {
            let meta = providers::discover(issuer, http)?;
            events.event(Event::MetadataRead {
                issuer: &meta.issuer,
            });
            let unlisted = meta.unlisted_scopes(&requested_scopes(provider, scopes_flag));
            if !unlisted.is_empty() {
                events.event(Event::ScopesUnlisted {
                    issuer: &meta.issuer,
                    unlisted: &unlisted,
                    supported: meta.scopes_supported.as_deref().unwrap_or_default(),
                });
            }
            Some(meta)
        }
        None => None,
    };
    let endpoints = resolve_endpoints(provider, client, metadata.as_ref())?;
    let client = creds.map(|creds| ClientCredentials {
        id: creds.client_id.clone(),
        auth: choose_client_auth(
            client.client_auth,
            creds.client_secret.is_some(),
            provider,
            metadata.as_ref(),
        ),
        secret: creds.client_secret,
    });
    Ok((endpoints, client))
}

/// The consumer key and secret: flags, a Postiz .env, or the environment.
pub fn consumer(
    provider: &Provider,
    rules: &OAuth1,
    client: &ClientOptions,
    env_file: Option<&EnvFile>,
    vars: Vars,
) -> Result<Consumer, Error> {
    let mut keyed = provider.clone();
    keyed.client_id_env = rules.consumer_key_env.clone();
    keyed.client_secret_env = rules.consumer_secret_env.clone();
    let creds = credentials(&keyed, client, env_file, vars)?;
    let secret = creds.client_secret.ok_or_else(|| Error::Config {
        what: "OAuth 1.0a needs the API secret too".into(),
        fix: match env_file {
            // The .env was named: that is where the deployment's keys live.
            Some(file) => format!(
                "add {}=<the app's API secret> to {} (the --env-file given), or pass --client-secret",
                rules.consumer_secret_env.first().map(String::as_str).unwrap_or("the secret"),
                file.path.display()
            ),
            None => format!(
                "set {} (or pass --client-secret)",
                rules.consumer_secret_env.join(" or ")
            ),
        },
    })?;
    Ok(Consumer {
        key: creds.client_id,
        secret: Secret::new(secret.secret().clone()),
    })
}

/// Endpoints from the catalog, overridden by flags, or from discovery.
fn resolve_endpoints(
    provider: &mut Provider,
    client: &ClientOptions,
    metadata: Option<&ServerMetadata>,
) -> Result<Endpoints, Error> {
    let pick = |flag: &Option<String>, meta: Option<&String>, catalog: &Option<String>| {
        flag.clone()
            .or_else(|| meta.cloned())
            .or_else(|| catalog.clone())
    };
    let missing = |what: &str| {
        Error::Usage(format!(
            "{} has no {what} endpoint: give --issuer, or --auth-url and --token-url",
            provider.id
        ))
    };
    let authorize_url = pick(
        &client.auth_url,
        metadata.and_then(|m| m.authorization_endpoint.as_ref()),
        &provider.authorize_url,
    )
    .ok_or_else(|| missing("authorization"))?;
    let token_url = pick(
        &client.token_url,
        metadata.and_then(|m| m.token_endpoint.as_ref()),
        &provider.token_url,
    )
    .ok_or_else(|| missing("token"))?;
    let revoke_url = pick(
        &client.revoke_url,
        metadata.and_then(|m| m.revocation_endpoint.as_ref()),
        &provider.revoke_url,
    );
    // The identity endpoint actually used: a flag, the catalog's (its `{base}` already
    // resolved), or the server's OIDC userinfo. Stored with the channel for later checks.
    let userinfo_url = client
        .userinfo_url
        .clone()
        .or_else(|| provider.identity.url.clone())
        .or_else(|| metadata.and_then(|m| m.userinfo_endpoint.clone()));
    if client.userinfo_url.is_some() {
        // An explicit identity endpoint replaces the catalog's; its pointers still apply
        // first, then the standard claims.
        provider.identity.url = client.userinfo_url.clone();
    }
    if let Some(meta) = metadata {
        provider.openid |= meta.openid;
        if let Some(methods) = &meta.code_challenge_methods_supported {
            if !methods.iter().any(|m| m == "S256") {
                return Err(Error::Config {
                    what: format!("{} does not support PKCE S256 (it offers: {})", meta.issuer, methods.join(", ")),
                    fix: "enable S256 PKCE on the authorization server; this tool does not downgrade to plain".into(),
                });
            }
        }
    }
    Ok(Endpoints {
        authorize_url,
        token_url,
        revoke_url,
        userinfo_url,
        issuer: metadata
            .map(|m| m.issuer.clone())
            .or(provider.issuer.clone()),
        require_iss: metadata.is_some_and(|m| m.authorization_response_iss_parameter_supported)
            || provider.require_iss,
        introspection_url: metadata.and_then(|m| m.introspection_endpoint.clone()),
        jwks_uri: metadata.and_then(|m| m.jwks_uri.clone()),
    })
}

/// `--client-auth`, else none for a public client, else what the server's metadata
/// supports (Basic preferred), else the catalog's.
fn choose_client_auth(
    flag: Option<ClientAuth>,
    has_secret: bool,
    provider: &Provider,
    metadata: Option<&ServerMetadata>,
) -> ClientAuth {
    if let Some(auth) = flag {
        return auth;
    }
    if !has_secret {
        return ClientAuth::None;
    }
    if let Some(methods) = metadata.and_then(|m| m.token_endpoint_auth_methods_supported.as_ref()) {
        for candidate in [ClientAuth::Basic, ClientAuth::Post] {
            if methods.iter().any(|m| m == candidate.metadata_name()) {
                return candidate;
            }
        }
    }
    provider.client_auth
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Catalog;

    #[test]
    fn client_auth_choice() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        assert_eq!(choose_client_auth(None, false, x, None), ClientAuth::None);
        assert_eq!(choose_client_auth(None, true, x, None), ClientAuth::Basic);
        assert_eq!(
            choose_client_auth(Some(ClientAuth::Post), true, x, None),
            ClientAuth::Post
        );
        let meta = ServerMetadata {
            token_endpoint_auth_methods_supported: Some(vec![
                "client_secret_post".into(),
                "none".into(),
            ]),
            ..Default::default()
        };
        assert_eq!(
            choose_client_auth(None, true, x, Some(&meta)),
            ClientAuth::Post
        );
    }

    #[test]
    fn custom_without_endpoints_is_a_usage_error() {
        let mut custom = Catalog::embedded().get("custom").unwrap().clone();
        let err = resolve_endpoints(&mut custom, &ClientOptions::default(), None).unwrap_err();
        assert!(err.to_string().contains("--issuer"));
    }
}
