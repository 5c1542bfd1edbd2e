//! `postiz-connect <provider>`: the whole connect flow, step by step.

use std::io::BufRead;
use std::time::{Duration, Instant};

use chrono::Utc;
use oauth2::TokenResponse as _;

use crate::cli::ConnectArgs;
use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::oauth::callback::Expected;
use crate::oauth::flow::{AuthorizationRequest, ClientCredentials, Endpoints};
use crate::oauth::listener::{self, Listener, Note, RedirectPlan};
use crate::oauth::page::Page;
use crate::oauth::scopes;
use crate::providers::{self, identity, ClientAuth, GrantedScopes, Provider, ServerMetadata};
use crate::sandbox::{self, Sandbox};
use crate::store::{Backend, Channel, Secrets};

use super::status::{channel_json, describe_expiry};
use super::Context;

const HTTP_TIMEOUT: Duration = Duration::from_secs(30);

pub fn run(ctx: &Context, provider_name: &str, args: &ConnectArgs) -> Result<ExitCode, Error> {
    let ui = &ctx.ui;
    let mut provider = ctx.catalog.require(provider_name)?.clone();
    let http = HttpClient::new(HTTP_TIMEOUT, ui.verbose > 0);

    // 1. Credentials, endpoints, client authentication, scopes: from the built-in
    // sandbox, or from flags, the environment, a Postiz .env and the catalog.
    let sandbox = match args.sandbox {
        true => {
            let config = sandbox::Config {
                provider: provider.clone(),
                auto_approve: args.auto_approve,
                faults: args.faults.clone(),
                access_ttl: 7200,
            };
            let sb = Sandbox::start(config, 0)?;
            ui.info(format!(
                "sandbox: a local emulation of {} on {} (no account or credentials needed)",
                provider.name,
                sb.base_url()
            ));
            Some(sb)
        }
        false => None,
    };
    let (endpoints, client) = match &sandbox {
        Some(sb) => {
            provider.identity.url = sb.endpoints().userinfo_url;
            (sb.endpoints(), sb.client())
        }
        None => real_client(ctx, &mut provider, args, &http)?,
    };
    ui.debug(format!("client authentication: {}", client.auth.as_str()));
    let requested: Vec<String> = match &args.scopes {
        Some(list) => scopes::parse_list(list),
        None => provider.scopes.clone(),
    };

    // 2. The store must work before the user spends a login on it.
    let backend = ctx
        .store
        .choose_backend(args.insecure_storage, args.keychain)?;
    ctx.store.preflight(backend)?;
    if backend == Backend::File {
        ui.warn(format!(
            "tokens will be stored in PLAIN TEXT under {} (0600 files), not in the OS keychain{}",
            ctx.store.home().join("secrets").display(),
            if args.insecure_storage {
                "; this choice is remembered (undo with --keychain)"
            } else {
                " (remembered choice; undo with --keychain)"
            }
        ));
    }

    // 3. The listener, bound before the browser opens.
    let plan = listener::plan_redirect(args.port, args.redirect_uri.as_deref(), args.paste)?;
    let mut notes = |note: Note| match note {
        Note::Stray(path) => ui.debug(format!("ignored a request for {path} (not the callback)")),
        Note::StateMismatch => {
            ui.warn("rejected a callback whose state did not match this login (still waiting)")
        }
        Note::BadPaste(why) => ui.warn(format!("could not use what was pasted: {why}. Try again:")),
        Note::NoIpv6(why) => ui.debug(format!("listening on IPv4 only: {why}")),
    };
    let (listener, redirect_uri) = match &plan {
        RedirectPlan::Loopback(url) => {
            let l = Listener::bind(url, &mut notes)?;
            let uri = l.redirect_uri().to_string();
            (Some(l), uri)
        }
        RedirectPlan::External(url) => (None, url.to_string()),
    };
    ui.info(format!(
        "redirect URI: {redirect_uri} (must be registered for this app)"
    ));

    // 4. The authorization request and the browser.
    let request =
        AuthorizationRequest::new(&provider, &endpoints, &client, &requested, &redirect_uri)?;
    let open_browser = !args.no_browser && !args.paste;
    let opened = open_browser
        && match crate::browser::open(&request.url) {
            Ok(()) => true,
            Err(e) => {
                ui.warn(format!("could not open a browser ({e})"));
                false
            }
        };
    if opened {
        ui.step("Opened the browser for the login");
        ui.info(format!("if it did not open, visit:\n  {}", request.url));
    } else {
        ui.action(format!(
            "Open this URL in a browser to log in:\n  {}",
            request.url
        ));
    }
    let paste_reader: Option<Box<dyn FnMut() -> Option<String> + Send>> = if args.paste {
        ui.action("Then paste the URL the browser ended on (or just the code) and press Enter:");
        Some(Box::new(|| {
            let mut line = String::new();
            match std::io::stdin().lock().read_line(&mut line) {
                Ok(0) | Err(_) => None,
                Ok(_) => Some(line),
            }
        }))
    } else {
        None
    };

    // 5. Wait for the callback.
    let deadline = Instant::now() + args.timeout;
    let expected_issuer = endpoints.issuer.clone().filter(|_| endpoints.require_iss);
    let expected = Expected {
        state: request.state.secret(),
        issuer: expected_issuer.as_deref(),
    };
    let spinner = ui.spinner(format!(
        "Waiting for the browser on {redirect_uri} (Ctrl-C to cancel, gives up after {})",
        humantime::format_duration(args.timeout)
    ));
    let waited = match listener {
        Some(l) => l.wait(&expected, deadline, paste_reader, &mut notes),
        None => listener::wait_for_paste(
            &expected,
            deadline,
            paste_reader.expect("External plans require --paste"),
            &mut notes,
        ),
    };
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let received = waited?;
    ui.step("Received the authorization code (state verified)");

    // 6. Exchange, check scopes, confirm the account, store; then tell the browser.
    let outcome = finish(
        ctx,
        &provider,
        &endpoints,
        &client,
        request,
        &received.code,
        &http,
        backend,
        args,
    );
    if let Some(responder) = received.responder {
        responder.finish(&page_for(&outcome));
    }
    let (channel, scope_error) = outcome?;
    if ui.json {
        ui.json_data(&channel_json(&channel));
    } else {
        ui.step(format!(
            "Stored {} in the {}",
            channel.channel,
            channel.store.as_str()
        ));
        ui.data(format!(
            "Connected {} (account {}), access token {}, refresh token: {}",
            channel.channel,
            channel
                .account
                .name
                .clone()
                .or(channel.account.handle())
                .unwrap_or_default(),
            describe_expiry(&channel),
            if channel.has_refresh_token {
                "yes"
            } else {
                "no"
            }
        ));
    }
    match scope_error {
        Some(err) => {
            ui.error(&err);
            Ok(err.exit_code())
        }
        None => Ok(ExitCode::Ok),
    }
}

/// Everything after the callback. Ok carries the stored channel and, when scopes are
/// missing, the error to report after storing it.
#[allow(clippy::too_many_arguments)]
fn finish(
    ctx: &Context,
    provider: &Provider,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    request: AuthorizationRequest,
    code: &str,
    http: &HttpClient,
    backend: Backend,
    args: &ConnectArgs,
) -> Result<(Channel, Option<Error>), Error> {
    let ui = &ctx.ui;
    let requested = request.scopes.clone();
    let redirect_uri = request.redirect_uri.clone();
    let token = request.exchange(code, endpoints, client, http)?;
    ui.step("Exchanged the code for tokens");

    let granted = match (provider.granted_scopes, token.granted_scopes()) {
        (GrantedScopes::TokenResponse, Some(granted)) => granted,
        _ => {
            ui.info("the provider did not report granted scopes; assuming the requested ones (RFC 6749 §5.1)");
            requested.clone()
        }
    };
    let missing = scopes::missing(&requested, &granted);
    if missing.is_empty() {
        ui.step(format!(
            "All requested scopes granted: {}",
            granted.join(" ")
        ));
    }

    let account = identity::fetch(
        &provider.identity,
        endpoints.userinfo_url.as_deref(),
        &token,
        &client.id,
        http,
    )?;
    let handle = account.handle().ok_or_else(|| Error::Config {
        what: "the provider did not say whose account this is".into(),
        fix: "give the identity endpoint with --userinfo-url, or request the `openid` scope".into(),
    })?;
    ui.step(format!(
        "Confirmed the account: {handle} (from the {})",
        account.source
    ));

    let now = Utc::now();
    let secs = |s: u64| chrono::Duration::seconds(i64::try_from(s).unwrap_or(i64::MAX / 1000));
    let channel = Channel {
        channel: format!("{}:{handle}", provider.id),
        provider: provider.id.clone(),
        account,
        scopes: granted,
        requested_scopes: requested,
        missing_scopes: missing.clone(),
        expires_at: token.expires_in.map(|s| now + secs(s)),
        refresh_expires_at: token.refresh_expires_in().map(|s| now + secs(s)),
        has_refresh_token: token.refresh_token.is_some(),
        store: backend,
        created_at: now,
        updated_at: now,
        needs_reconnect: false,
        sandbox: args.sandbox,
        client_id: client.id.clone(),
        client_auth: client.auth,
        endpoints: endpoints.clone(),
        redirect_uri,
    };
    let secrets = Secrets {
        access_token: token.access_token().secret().clone(),
        refresh_token: token.refresh_token.as_ref().map(|t| t.secret().clone()),
        id_token: token.id_token.clone(),
        client_secret: client.secret.as_ref().map(|s| s.secret().clone()),
    };
    let preference = if args.insecure_storage {
        Some(Backend::File)
    } else if args.keychain {
        Some(Backend::Keychain)
    } else {
        None
    };
    // A refresher of a previous connection of this channel must not interleave.
    let _lock = ctx.store.lock_channel(&channel.channel)?;
    ctx.store.save(&channel, &secrets, preference)?;
    let scope_error = (!missing.is_empty()).then(|| Error::ScopesMissing {
        channel: channel.channel.clone(),
        missing: missing
            .iter()
            .map(|s| (s.clone(), provider.scope_purpose(s).map(str::to_string)))
            .collect(),
        provider: provider.id.clone(),
    });
    Ok((channel, scope_error))
}

/// Credentials and endpoints for a real provider.
pub(super) fn real_client(
    ctx: &Context,
    provider: &mut Provider,
    args: &ConnectArgs,
    http: &HttpClient,
) -> Result<(Endpoints, ClientCredentials), Error> {
    let ui = &ctx.ui;
    let env_vars = args
        .client
        .env_file
        .as_deref()
        .map(|p| providers::read_env_file(p).map(|vars| (p, vars)))
        .transpose()?;
    let creds = providers::resolve_credentials(
        provider,
        args.client.client_id.as_deref(),
        args.client.client_secret.as_deref(),
        env_vars.as_ref().map(|(p, v)| (*p, v)),
        &|name| std::env::var(name).ok(),
    )?;
    ui.info(format!("client id from {}", creds.client_id_source));
    if let Some(source) = &creds.client_secret_source {
        ui.info(format!("client secret from {source}"));
    }
    if provider.needs_base() {
        let from_env = provider.base_url_env.iter().find_map(|name| {
            let file = env_vars
                .as_ref()
                .and_then(|(_, vars)| vars.get(name).cloned());
            file.or_else(|| std::env::var(name).ok())
                .filter(|v| !v.is_empty())
                .map(|v| (v, name.clone()))
        });
        let (base, source) = match (&args.client.instance, from_env, &provider.base_url) {
            (Some(flag), _, _) => (flag.clone(), "--instance".to_string()),
            (None, Some((value, name)), _) => (value, name),
            (None, None, Some(default)) => (default.clone(), "the default".to_string()),
            (None, None, None) => {
                return Err(Error::Usage(format!(
                    "{} needs its instance URL: pass --instance",
                    provider.id
                )))
            }
        };
        provider.apply_base(&base)?;
        ui.info(format!("instance {base} (from {source})"));
    }
    let metadata = match &args.client.issuer {
        Some(issuer) => {
            let meta = providers::discover(issuer, http)?;
            ui.step(format!("Read the metadata of {}", meta.issuer));
            Some(meta)
        }
        None => None,
    };
    let endpoints = resolve_endpoints(provider, args, metadata.as_ref())?;
    let client = ClientCredentials {
        id: creds.client_id.clone(),
        auth: choose_client_auth(
            args.client.client_auth,
            creds.client_secret.is_some(),
            provider,
            metadata.as_ref(),
        ),
        secret: creds.client_secret,
    };
    Ok((endpoints, client))
}

fn page_for(outcome: &Result<(Channel, Option<Error>), Error>) -> Page {
    match outcome {
        Ok((channel, None)) => Page::success(format!(
            "{} is connected. Granted scopes: {}.",
            channel.channel,
            channel.scopes.join(" ")
        )),
        Ok((channel, Some(err))) => Page::failure(
            "Connected, but permissions are missing",
            format!(
                "{} is connected without: {}.",
                channel.channel,
                channel.missing_scopes.join(" ")
            ),
            err.fix(),
        ),
        Err(err) => Page::failure(
            "Connection failed",
            err.to_string(),
            Some(format!(
                "{}{}",
                err.cause().map(|c| format!("{c}\n\n")).unwrap_or_default(),
                err.fix().map(|f| format!("Fix: {f}")).unwrap_or_default()
            )),
        ),
    }
}

/// Endpoints from the catalog, overridden by flags, or from discovery.
fn resolve_endpoints(
    provider: &mut Provider,
    args: &ConnectArgs,
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
        &args.client.auth_url,
        metadata.and_then(|m| m.authorization_endpoint.as_ref()),
        &provider.authorize_url,
    )
    .ok_or_else(|| missing("authorization"))?;
    let token_url = pick(
        &args.client.token_url,
        metadata.and_then(|m| m.token_endpoint.as_ref()),
        &provider.token_url,
    )
    .ok_or_else(|| missing("token"))?;
    let revoke_url = pick(
        &args.client.revoke_url,
        metadata.and_then(|m| m.revocation_endpoint.as_ref()),
        &provider.revoke_url,
    );
    // The identity endpoint actually used: a flag, the catalog's (its `{base}` already
    // resolved), or the server's OIDC userinfo. Stored with the channel for later checks.
    let userinfo_url = args
        .client
        .userinfo_url
        .clone()
        .or_else(|| provider.identity.url.clone())
        .or_else(|| metadata.and_then(|m| m.userinfo_endpoint.clone()));
    if args.client.userinfo_url.is_some() {
        // An explicit identity endpoint replaces the catalog's; its pointers still apply
        // first, then the standard claims.
        provider.identity.url = args.client.userinfo_url.clone();
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
        let err = resolve_endpoints(&mut custom, &ConnectArgs::default(), None).unwrap_err();
        assert!(err.to_string().contains("--issuer"));
    }
}
