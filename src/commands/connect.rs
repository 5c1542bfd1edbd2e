//! `postiz-connect <provider>`: the whole connect flow, step by step.

use std::io::BufRead;
use std::time::{Duration, Instant};

use chrono::Utc;
use oauth2::TokenResponse as _;

use crate::cli::ConnectArgs;
use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::oauth::callback::Expected;
use crate::oauth::flow::{self, AuthorizationRequest, ClientCredentials, Endpoints};
use crate::oauth::listener::{self, Listener, Note, RedirectPlan};
use crate::oauth::page::Page;
use crate::oauth::scopes;
use crate::providers::pages::{self, Choice};
use crate::providers::{
    self, granted, identity, ClientAuth, EnvFile, GrantedScopes, LoopbackPort, Provider,
    RefreshRule, RefreshStyle, ServerMetadata,
};
use crate::sandbox::{self, Sandbox};
use crate::store::{Backend, Channel, PageRef, Secrets};
use std::collections::BTreeMap;

use super::status::{channel_json, describe_expiry};
use super::Context;

const HTTP_TIMEOUT: Duration = Duration::from_secs(30);

pub fn run(ctx: &Context, provider_name: &str, args: &ConnectArgs) -> Result<ExitCode, Error> {
    let ui = &ctx.ui;
    let mut provider = ctx.catalog.require(provider_name)?.clone();
    refuse_inapplicable(&ctx.catalog, &provider, args)?;
    let http = HttpClient::new(HTTP_TIMEOUT, ui.verbose > 0);
    let env_file = EnvFile::read_if_given(args.client.env_file.as_deref())?;
    let env_file = env_file.as_ref();

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
    let sandbox_base = sandbox
        .as_ref()
        .map(|sb| sb.base_url().to_string())
        .or(args.client.sandbox_at.clone());
    if let Some(base) = &sandbox_base {
        provider = sandbox::rewrite(&provider, base);
    }
    let (port, with_port) = choose_port(ctx, &provider, args, sandbox_base.is_some());
    let args = &with_port;
    let mut trip = RoundTrip {
        provider: provider.clone(),
        sandboxed: sandbox_base.is_some(),
        port,
        follow_without_browser: sandbox.is_some() && args.auto_approve,
        expected_issuer: None,
        oauth1: false,
    };
    if provider.oauth1.is_some() && wants_oauth1(&provider, args, env_file) {
        let sandboxed = sandbox_base.is_some();
        trip.oauth1 = true;
        return super::oauth1::run(ctx, &provider, args, env_file, sandboxed, &http, trip);
    }
    let (endpoints, client) = match &sandbox_base {
        Some(_) => (
            sandbox::endpoints_of(&provider),
            Some(sandbox::client_for(&provider)),
        ),
        None => client_or_registration(ctx, &mut provider, args, env_file, &http, true)?,
    };
    // No client configured: reuse the app registered on this instance before (its
    // redirect URI included, which must match exactly), or register one after binding.
    let instance = provider.base_url.clone().unwrap_or_default();
    let remembered = match (&client, &provider.registration) {
        (None, Some(_)) => ctx.store.registered_app(&instance).filter(|app| {
            args.port.is_none() && args.redirect_uri.is_none()
                || args.redirect_uri.as_deref() == Some(app.redirect_uri.as_str())
        }),
        _ => None,
    };
    let mut effective_args = args.clone();
    if let (Some(path), None) = (&provider.loopback_path, &args.redirect_uri) {
        effective_args.redirect_uri =
            Some(format!("http://127.0.0.1:{}{path}", args.port.unwrap_or(0)));
        effective_args.port = None;
    }
    if let Some(app) = &remembered {
        ui.info(format!(
            "using the app registered on {instance} earlier (client id {}, redirect {})",
            app.client_id, app.redirect_uri
        ));
        effective_args.redirect_uri = Some(app.redirect_uri.clone());
        trip.port = Port::Uri;
    } else if client.is_none() {
        // A new app is registered for whatever redirect URI the listener gets.
        trip.port = Port::Registration;
    }
    let args = &effective_args;
    let client = match (client, remembered) {
        (Some(c), _) => Some(c),
        (None, Some(app)) => Some(ClientCredentials {
            id: app.client_id,
            secret: app.client_secret.map(oauth2::ClientSecret::new),
            auth: provider.client_auth,
        }),
        (None, None) => None,
    };
    if let Some(client) = &client {
        ui.debug(format!("client authentication: {}", client.auth.as_str()));
    }
    let requested = requested_scopes(&provider, args);

    // 2. The store must work before the user spends a login on it.
    let backend = prepare_store(ctx, args)?;

    // 3-5. Listener, authorization request, browser, callback.
    trip.expected_issuer = endpoints.issuer.clone().filter(|_| endpoints.require_iss);
    let ((request, client), received) = browser_round_trip(ctx, args, &trip, |redirect_uri| {
        let client = match client {
            Some(client) => client,
            None => register(ctx, &provider, &instance, redirect_uri, &requested, &http)?,
        };
        let request =
            AuthorizationRequest::new(&provider, &endpoints, &client, &requested, redirect_uri)?;
        let (url, state) = (request.url.clone(), request.state.secret().clone());
        Ok(((request, client), url, state))
    })?;

    // 6. Exchange, check scopes, confirm the account, store; then tell the browser.
    let outcome = finish(
        ctx,
        &provider,
        &endpoints,
        &client,
        request,
        &received.code,
        &received.extra,
        &http,
        backend,
        args,
    );
    report(ctx, outcome, received.responder)
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
    callback_extra: &BTreeMap<String, String>,
    http: &HttpClient,
    backend: Backend,
    args: &ConnectArgs,
) -> Result<(Channel, Option<Error>), Error> {
    let ui = &ctx.ui;
    let requested = request.scopes.clone();
    let redirect_uri = request.redirect_uri.clone();
    let wire = provider.wire();
    // Only the callback parameters the provider declares travel on (VK's device_id).
    let callback_params: BTreeMap<String, String> = callback_extra
        .iter()
        .filter(|(k, _)| provider.callback_params.contains(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for wanted in &provider.callback_params {
        if !callback_params.contains_key(wanted) {
            return Err(Error::Rejected {
                what: format!(
                    "the callback did not carry `{wanted}`, which {} needs for the token request",
                    provider.name
                ),
                fix:
                    "start again; if it repeats, run with -v and check the provider's app settings"
                        .into(),
            });
        }
    }
    let mut token = request.exchange(code, &callback_params, endpoints, client, &wire, http)?;
    ui.step("Exchanged the code for tokens");
    if let Some(exchange) = &provider.long_lived {
        let short = token.clone();
        token = flow::long_lived(exchange, &short, client, &wire, http)?;
        ui.step(format!(
            "Exchanged the short-lived token for a long-lived one{}",
            token
                .expires_in
                .map(|s| format!(" ({})", crate::oauth::token::lifetime_words(s)))
                .unwrap_or_default()
        ));
        // The short-lived answer may carry what the long-lived one does not.
        if token.granted_scopes().is_none() {
            token.scopes = short.scopes.clone();
        }
        for (k, v) in short.extra {
            token.extra.entry(k).or_insert(v);
        }
    }

    let reported = match provider.granted_scopes {
        GrantedScopes::TokenResponse => granted::from_token(&provider.granted_scopes_field, &token),
        GrantedScopes::Endpoint => match &provider.granted_scopes_endpoint {
            Some(endpoint) => Some(granted::from_endpoint(
                endpoint,
                token.access_token().secret(),
                http,
            )?),
            None => None,
        },
        GrantedScopes::NotReported => None,
    };
    let granted = match reported {
        Some(granted) => granted,
        None => {
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

    let mut account = identity::fetch(
        &provider.identity,
        endpoints.userinfo_url.as_deref(),
        &token,
        &client.id,
        http,
    )?;
    let mut handle = account.handle().ok_or_else(|| Error::Config {
        what: "the provider did not say whose account this is".into(),
        fix: "give the identity endpoint with --userinfo-url, or request the `openid` scope".into(),
    })?;
    ui.step(format!(
        "Confirmed the account: {handle} (from the {})",
        account.source
    ));

    let mut access_token = token.access_token().secret().clone();
    let mut page = None;
    if let Some(pages) = &provider.pages {
        let choices = pages::list(pages, &access_token, http)?;
        let choice = choose_page(
            ui,
            &pages.kind,
            &choices,
            args.page.as_deref(),
            &provider.id,
        )?;
        ui.step(format!(
            "Chose the {} {} ({})",
            pages.kind, choice.name, choice.id
        ));
        if let Some(own) = &choice.token {
            access_token = own.clone();
        }
        page = Some(PageRef {
            kind: pages.kind.clone(),
            id: choice.id.clone(),
            name: choice.name.clone(),
            own_token: choice.token.is_some(),
            user: handle.clone(),
        });
        account = identity::Account {
            id: Some(choice.id.clone()),
            username: None,
            name: Some(choice.name.clone()),
            source: format!("{} list", pages.kind),
        };
        handle = identity::channel_handle(&choice.id);
    }
    let now = Utc::now();
    // A page's own token (Meta) is not the one the token response describes: its expiry
    // and refresh token are the user's. What the catalog knows of it is shown instead.
    let own_page_token = page.as_ref().is_some_and(|p| p.own_token);
    let channel = Channel {
        channel: format!("{}:{handle}", provider.id),
        provider: provider.id.clone(),
        account,
        scopes: granted,
        requested_scopes: requested,
        missing_scopes: missing.clone(),
        expires_at: token.expires_at(now).filter(|_| !own_page_token),
        refresh_expires_at: token.refresh_expires_at(now),
        has_refresh_token: token.refresh_token.is_some() && !own_page_token,
        store: backend,
        created_at: now,
        updated_at: now,
        needs_reconnect: false,
        sandbox: args.sandbox,
        client_id: client.id.clone(),
        client_auth: client.auth,
        endpoints: endpoints.clone(),
        redirect_uri,
        wire,
        refresh: if own_page_token {
            RefreshRule {
                style: RefreshStyle::None,
                note: provider
                    .pages
                    .as_ref()
                    .and_then(|p| p.token_note.clone())
                    .or_else(|| Some("renew it by connecting again".into())),
                ..RefreshRule::default()
            }
        } else {
            provider.refresh.clone()
        },
        callback_params,
        token_fields: identity::token_fields(&provider.identity, &token),
        token_issued_at: Some(now),
        page,
        oauth1: false,
    };
    let secrets = Secrets {
        access_token,
        refresh_token: token
            .refresh_token
            .as_ref()
            .filter(|_| !own_page_token)
            .map(|t| t.secret().clone()),
        id_token: token.id_token.clone(),
        client_secret: client.secret.as_ref().map(|s| s.secret().clone()),
        token_secret: None,
    };
    let preference = if args.insecure_storage {
        Some(Backend::File)
    } else if args.keychain {
        Some(Backend::Keychain)
    } else {
        None
    };
    // Under the channel's lock: a refresher of a previous connection must not interleave.
    ctx.store
        .commit_locking(&channel, &secrets, preference, "was connected")?;
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

/// Credentials for `provider` from the flags, `--env-file`, then the environment.
pub(super) fn credentials_from(
    provider: &Provider,
    args: &ConnectArgs,
    env_file: Option<&EnvFile>,
) -> Result<providers::Credentials, Error> {
    providers::resolve_credentials(
        provider,
        args.client.client_id.as_deref(),
        args.client.client_secret.as_deref(),
        env_file,
        &|name| std::env::var(name).ok(),
    )
}

/// A setting from `--env-file`, then the environment; with where it came from.
fn setting(names: &[String], env_file: Option<&EnvFile>) -> Option<(String, String)> {
    providers::lookup_setting(names, env_file, &|name| std::env::var(name).ok())
}

/// Register a client on the instance (Mastodon's POST /api/v1/apps) for this redirect
/// URI, and remember it for the next login.
fn register(
    ctx: &Context,
    provider: &Provider,
    instance: &str,
    redirect_uri: &str,
    scopes: &[String],
    http: &HttpClient,
) -> Result<ClientCredentials, Error> {
    let registration = provider
        .registration
        .as_ref()
        .expect("checked by the caller");
    let joined = scopes.join(" ");
    let values = BTreeMap::from([("redirect_uri", redirect_uri), ("scopes", joined.as_str())]);
    let params = registration
        .params
        .iter()
        .map(|(k, t)| {
            crate::oauth::wire::fill(t, &values)
                .map(|v| (k.clone(), v))
                .map_err(|name| Error::Config {
                    what: format!(
                        "the registration parameter {k} needs {{{name}}}, which is not known"
                    ),
                    fix: "check the provider's registration entry".into(),
                })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let response = http.send(
        "POST",
        &registration.url,
        crate::http::RequestBody::Form(params),
        None,
    )?;
    let status = response.status().as_u16();
    let body: Option<serde_json::Value> = serde_json::from_slice(response.body()).ok();
    let id = body
        .as_ref()
        .filter(|_| (200..300).contains(&status))
        .and_then(|b| b.get("client_id"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let Some(id) = id else {
        return Err(Error::Rejected {
            what: format!(
                "registering an app on {instance} failed: {}",
                crate::oauth::errors::ProviderError::from_response(
                    crate::oauth::errors::Stage::Registration,
                    status,
                    response.body()
                )
            ),
            fix: format!("register an app by hand on {instance} (Preferences > Development) and pass --client-id and --client-secret"),
        });
    };
    let secret = body
        .as_ref()
        .and_then(|b| b.get("client_secret"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let app = crate::store::RegisteredApp {
        instance: instance.to_string(),
        client_id: id.clone(),
        client_secret: secret.clone(),
        redirect_uri: redirect_uri.to_string(),
        scopes: scopes.to_vec(),
    };
    ctx.store.save_registered_app(&app)?;
    ctx.ui.step(format!(
        "Registered an app on {instance} for {redirect_uri} (remembered for next time)"
    ));
    Ok(ClientCredentials {
        id,
        secret: secret.map(oauth2::ClientSecret::new),
        auth: provider.client_auth,
    })
}

/// X over OAuth 1.0a: asked for, or the only credentials available are the API key and
/// secret Postiz uses.
fn wants_oauth1(provider: &Provider, args: &ConnectArgs, env_file: Option<&EnvFile>) -> bool {
    if args.oauth1 {
        return true;
    }
    let Some(oauth1) = &provider.oauth1 else {
        return false;
    };
    if args.client.client_id.is_some() || args.sandbox || args.client.sandbox_at.is_some() {
        return false;
    }
    let set = |names: &[String]| setting(names, env_file).is_some();
    !set(&provider.client_id_env) && set(&oauth1.consumer_key_env)
}

/// Credentials and endpoints for a real provider.
pub(super) fn real_client(
    ctx: &Context,
    provider: &mut Provider,
    args: &ConnectArgs,
    env_file: Option<&EnvFile>,
    http: &HttpClient,
) -> Result<(Endpoints, ClientCredentials), Error> {
    let (endpoints, client) = client_or_registration(ctx, provider, args, env_file, http, false)?;
    Ok((endpoints, client.expect("registration not allowed")))
}

/// Credentials and endpoints; with `allow_registration`, None for a provider that
/// registers a client on the fly when none is configured (Mastodon).
fn client_or_registration(
    ctx: &Context,
    provider: &mut Provider,
    args: &ConnectArgs,
    env_file: Option<&EnvFile>,
    http: &HttpClient,
    allow_registration: bool,
) -> Result<(Endpoints, Option<ClientCredentials>), Error> {
    let ui = &ctx.ui;
    if let Some(base) = &args.client.sandbox_at {
        *provider = sandbox::rewrite(provider, base);
        return Ok((
            sandbox::endpoints_of(provider),
            Some(sandbox::client_for(provider)),
        ));
    }
    let resolved = credentials_from(provider, args, env_file);
    let creds = match resolved {
        Err(_)
            if allow_registration
                && provider.registration.is_some()
                && args.client.client_id.is_none() =>
        {
            None
        }
        other => Some(other?),
    };
    if let Some(creds) = &creds {
        ui.info(format!("client id from {}", creds.client_id_source));
        if let Some(source) = &creds.client_secret_source {
            ui.info(format!("client secret from {source}"));
        }
    }
    if provider.needs_base() {
        let from_env = setting(&provider.base_url_env, env_file);
        let (base, source) = match (&args.client.instance, from_env, &provider.base_url) {
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
        ui.info(format!("instance {base} (from {source})"));
    }
    let metadata = match &args.client.issuer {
        Some(issuer) => {
            let meta = providers::discover(issuer, http)?;
            ui.step(format!("Read the metadata of {}", meta.issuer));
            let unlisted = meta.unlisted_scopes(&requested_scopes(provider, args));
            if !unlisted.is_empty() {
                ui.warn(format!(
                    "{} does not list {} among its scopes_supported ({}); it may refuse the login with invalid_scope or grant less",
                    meta.issuer,
                    unlisted.join(", "),
                    meta.scopes_supported.as_deref().unwrap_or_default().join(" ")
                ));
            }
            Some(meta)
        }
        None => None,
    };
    let endpoints = resolve_endpoints(provider, args, metadata.as_ref())?;
    let client = creds.map(|creds| ClientCredentials {
        id: creds.client_id.clone(),
        auth: choose_client_auth(
            args.client.client_auth,
            creds.client_secret.is_some(),
            provider,
            metadata.as_ref(),
        ),
        secret: creds.client_secret,
    });
    Ok((endpoints, client))
}

/// The page to connect: `--page`, else a prompt on a terminal, else the list and exit 6.
fn choose_page<'a>(
    ui: &crate::ui::Ui,
    kind: &str,
    choices: &'a [Choice],
    wanted: Option<&str>,
    provider: &str,
) -> Result<&'a Choice, Error> {
    let listing = || {
        choices
            .iter()
            .map(|c| format!("  {}  {}", c.id, c.name))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if choices.is_empty() {
        return Err(Error::Config {
            what: format!("this login has no {kind} to connect"),
            fix: format!("log in with an account that manages a {kind}, or check that the app was granted access to it"),
        });
    }
    if let Some(wanted) = wanted {
        return pages::find(choices, wanted).ok_or_else(|| {
            Error::Usage(format!(
                "no {kind} matches '{wanted}'; the choices are:\n{}",
                listing()
            ))
        });
    }
    if !ui.can_prompt() {
        return Err(Error::Config {
            what: format!(
                "choose the {kind} to connect; this login can connect:\n{}",
                listing()
            ),
            fix: format!(
                "run again with --page ID or --page NAME (postiz-connect {provider} --page ...)"
            ),
        });
    }
    let items: Vec<String> = choices
        .iter()
        .map(|c| format!("{} ({})", c.name, c.id))
        .collect();
    let index = ui.select(
        &format!("Which {kind} should this channel post to?"),
        &items,
    )?;
    Ok(&choices[index])
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

/// `--scopes`, else the provider's defaults.
fn requested_scopes(provider: &Provider, args: &ConnectArgs) -> Vec<String> {
    match &args.scopes {
        Some(list) => scopes::parse_list(list),
        None => provider.scopes.clone(),
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

/// Check the token store before the user spends a login on it; warn about plain files.
pub(super) fn prepare_store(ctx: &Context, args: &ConnectArgs) -> Result<Backend, Error> {
    let ui = &ctx.ui;
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
    Ok(backend)
}

/// Flags that apply to some providers only (and are hidden from the others' `--help`,
/// see `cli`): given to another provider they are refused with the providers they do
/// apply to, never ignored.
fn refuse_inapplicable(
    catalog: &providers::Catalog,
    provider: &Provider,
    args: &ConnectArgs,
) -> Result<(), Error> {
    let applies_to = |fact: fn(&Provider) -> bool| {
        let ids: Vec<&str> = catalog
            .iter()
            .filter(|p| fact(p))
            .map(|p| p.id.as_str())
            .collect();
        if ids.is_empty() {
            "no provider in the catalog".to_string()
        } else {
            ids.join(", ")
        }
    };
    let refused = [
        (
            args.oauth1,
            crate::cli::has_oauth1 as fn(&Provider) -> bool,
            "--oauth1",
            "has no OAuth 1.0a flow",
        ),
        (
            args.page.is_some(),
            crate::cli::is_two_step,
            "--page",
            "connects the account itself, with no page, channel or blog to choose",
        ),
        (
            args.client.instance.is_some(),
            crate::cli::has_instances,
            "--instance",
            "runs on one host, with no instances to choose",
        ),
    ]
    .into_iter()
    .find(|(given, fact, _, _)| *given && !fact(provider));
    match refused {
        Some((_, fact, flag, why)) => Err(Error::Usage(format!(
            "{} {why}; {flag} applies to: {}",
            provider.id,
            applies_to(fact)
        ))),
        None => Ok(()),
    }
}

/// Where the redirect URI's port comes from; it decides what the redirect URI line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Port {
    /// `--port` (remembered for the provider, unless any port works).
    Given(u16),
    /// The last `--port` given for this provider.
    Remembered(u16),
    /// A redirect URI given whole: `--redirect-uri`, or an app registered earlier.
    Uri,
    /// An app is registered on the instance for whatever port the listener gets.
    Registration,
    /// A random free port (RFC 8252 §7.3).
    Random,
}

/// What the round trip needs to know besides the flags.
pub(super) struct RoundTrip {
    pub provider: Provider,
    /// Against a sandbox (built in, or `--sandbox-at`): any port works.
    pub sandboxed: bool,
    pub port: Port,
    /// The emulation this process started, approving by itself (`--auto-approve`): with no
    /// browser, the tool follows the authorization URL itself, as nobody has to click.
    pub follow_without_browser: bool,
    /// The issuer the callback must name (RFC 9207).
    pub expected_issuer: Option<String>,
    /// OAuth 1.0a: the callback brings a verifier, not a code with a state.
    pub oauth1: bool,
}

/// `--port`, else the port remembered for a provider that compares ports, else random;
/// the arguments with that port filled in.
fn choose_port(
    ctx: &Context,
    provider: &Provider,
    args: &ConnectArgs,
    sandboxed: bool,
) -> (Port, ConnectArgs) {
    let mut args = args.clone();
    let port = match (args.port, &args.redirect_uri) {
        (_, Some(_)) => Port::Uri,
        (Some(0), None) => Port::Random,
        (Some(port), None) => Port::Given(port),
        (None, None) if !remembers_port(provider, sandboxed) => Port::Random,
        (None, None) => match ctx.store.remembered_port(&provider.id) {
            Some(port) => {
                args.port = Some(port);
                Port::Remembered(port)
            }
            None => Port::Random,
        },
    };
    (port, args)
}

/// Whether a port is remembered for this provider: not when any port works (the sandbox,
/// `loopback_port = "any"`), nor where an app is registered on the fly, which remembers
/// its whole redirect URI instead.
fn remembers_port(provider: &Provider, sandboxed: bool) -> bool {
    !sandboxed
        && provider.loopback_port != Some(LoopbackPort::Any)
        && provider.registration.is_none()
}

/// The redirect URI line: whether it must be registered, and for a provider that compares
/// the port, how to make it the same every run.
fn show_redirect(ctx: &Context, trip: &RoundTrip, redirect_uri: &str) {
    let ui = &ctx.ui;
    let p = &trip.provider;
    let exact = p.loopback_port == Some(LoopbackPort::Exact);
    match trip.port {
        _ if trip.sandboxed => ui.info(format!(
            "redirect URI: {redirect_uri} (the sandbox accepts any port)"
        )),
        Port::Registration => ui.info(format!(
            "redirect URI: {redirect_uri} (the app registered for this login names it)"
        )),
        _ if p.loopback_port == Some(LoopbackPort::Any) => ui.info(format!(
            "redirect URI: {redirect_uri} ({} accepts any loopback port for a desktop app (RFC 8252 §7.3); see postiz-connect providers {})",
            p.name, p.id
        )),
        Port::Given(port) => ui.info(format!(
            "redirect URI: {redirect_uri} (must be registered for this app exactly; port {port} is remembered for {})",
            p.id
        )),
        Port::Remembered(port) => ui.info(format!(
            "redirect URI: {redirect_uri} (port {port}, remembered from an earlier --port; must be registered for this app exactly)"
        )),
        Port::Uri => ui.info(format!(
            "redirect URI: {redirect_uri} (must be registered for this app exactly)"
        )),
        Port::Random if exact => ui.warn(format!(
            "redirect URI: {redirect_uri} uses a random port, but {} compares redirect URIs exactly, port included, so it fails with redirect_uri_mismatch unless registered: pick a port, register {} for the app, and run with --port <port> (remembered for {} from then on)",
            p.name,
            p.loopback_redirect(),
            p.id
        )),
        Port::Random => ui.info(format!(
            "redirect URI: {redirect_uri} (a random port: if {} compares the port of redirect URIs, register {} for the app and run with --port <port>, which is then remembered)",
            p.name,
            p.loopback_redirect()
        )),
    }
}

/// Bind the listener, build the authorization URL for its redirect URI (`build` returns
/// the caller's request, the URL and the one-time value the callback must carry), open
/// the browser (or ask for a paste), and wait for the matching callback.
pub(super) fn browser_round_trip<T>(
    ctx: &Context,
    args: &ConnectArgs,
    trip: &RoundTrip,
    build: impl FnOnce(&str) -> Result<(T, String, String), Error>,
) -> Result<(T, listener::Received), Error> {
    let ui = &ctx.ui;
    // The listener, bound before the browser opens.
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
    show_redirect(ctx, trip, &redirect_uri);
    if let (Port::Given(port), true) = (trip.port, remembers_port(&trip.provider, trip.sandboxed)) {
        // Bound: this is the port to use next time too.
        if let Err(e) = ctx.store.remember_port(&trip.provider.id, port) {
            ui.warn(format!("could not remember port {port}: {e}"));
        }
    }
    let (request, url, state) = build(&redirect_uri)?;
    let open_browser = !args.no_browser && !args.paste;
    let failure = match open_browser {
        true => crate::browser::open(&url).err(),
        false => None,
    };
    if let Some(failure) = &failure {
        ui.debug(format!("the browser launcher said: {}", failure.detail));
    }
    let follow = trip.follow_without_browser && !args.paste && (failure.is_some() || !open_browser);
    match (&failure, open_browser) {
        _ if follow => {
            ui.info(format!(
                "{}; the sandbox approves by itself (--auto-approve), so postiz-connect follows the login URL itself",
                failure
                    .as_ref()
                    .map(|f| format!("no browser could be opened ({})", f.summary))
                    .unwrap_or_else(|| "no browser (--no-browser)".into())
            ));
            ui.debug(format!("following {}", crate::redact::url(&url)));
            follow_in_background(ctx, &url, &redirect_uri, args.timeout);
        }
        (None, true) => {
            ui.step("Opened the browser for the login");
            ui.info(format!("if it did not open, visit:\n  {url}"));
        }
        (Some(failure), _) => ui.action(format!(
            "Could not open a browser: {}.\nOpen this URL in a browser to log in (on another machine: run again with --paste):\n  {url}",
            failure.summary
        )),
        (None, false) => ui.action(format!("Open this URL in a browser to log in:\n  {url}")),
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
    let deadline = Instant::now() + args.timeout;
    let expected = Expected {
        state: &state,
        issuer: trip.expected_issuer.as_deref(),
    };
    let spinner = ui.spinner(format!(
        "Waiting for the browser on {redirect_uri} (Ctrl-C to cancel, gives up after {})",
        crate::ui::duration_words(args.timeout)
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
    ui.step(if trip.oauth1 {
        "Verifier received (for this login's request token)"
    } else {
        "Received the authorization code (state verified)"
    });
    Ok((request, received))
}

/// Follow the sandbox's authorization URL on a thread of its own, as a browser would; the
/// listener's wait goes on meanwhile. Its last answer is the callback's page, sent once the
/// login is finished. Ending anywhere else (a sandbox fault's error page) is said at once.
fn follow_in_background(ctx: &Context, url: &str, redirect_uri: &str, timeout: Duration) {
    let ui = ctx.ui;
    let (url, callback) = (url.to_string(), redirect_uri.to_string());
    std::thread::spawn(move || {
        let same_place = |a: &str| {
            let strip = |u: &str| u.split(['?', '#']).next().unwrap_or_default().to_string();
            strip(a) == strip(&callback)
        };
        match crate::browser::follow_loopback(&url, timeout + HTTP_TIMEOUT) {
            Ok(end) if same_place(&end.url) => {}
            Ok(end) => ui.warn(format!(
                "the sandbox did not send the login back: it ended on {} with HTTP {} (still waiting for the callback)",
                crate::redact::url(&end.url),
                end.status
            )),
            Err(e) => ui.warn(format!(
                "could not follow the login URL: {e} (still waiting for the callback)"
            )),
        }
    });
}

/// Tell the browser and the terminal how it ended; the exit code.
pub(super) fn report(
    ctx: &Context,
    outcome: Result<(Channel, Option<Error>), Error>,
    responder: Option<listener::Responder>,
) -> Result<ExitCode, Error> {
    let ui = &ctx.ui;
    if let Some(responder) = responder {
        responder.finish(&page_for(&outcome));
    }
    let (channel, scope_error) = outcome?;
    if ui.json {
        ui.json_data(&channel_json(&channel));
    } else {
        ui.step(match channel.store {
            Backend::Keychain => format!("Stored {} in the OS keychain", channel.channel),
            Backend::File => format!(
                "Stored {} in a plain-text file: {} (0600)",
                channel.channel,
                ctx.store.secrets_path(&channel.channel).display()
            ),
        });
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
    fn oauth1_is_chosen_when_only_the_api_key_is_configured() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        let file = |text: &[(&str, &str)]| EnvFile {
            path: ".env".into(),
            vars: text
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let keys_only = file(&[("X_API_KEY", "key"), ("X_API_SECRET", "secret")]);
        let mut args = ConnectArgs::default();
        assert!(wants_oauth1(x, &args, Some(&keys_only)));
        let both = file(&[("X_API_KEY", "key"), ("X_CLIENT_ID", "cid")]);
        assert!(
            !wants_oauth1(x, &args, Some(&both)),
            "an OAuth 2.0 client id wins"
        );
        args.oauth1 = true;
        assert!(wants_oauth1(x, &args, Some(&both)));
        assert!(!wants_oauth1(
            catalog.get("linkedin").unwrap(),
            &ConnectArgs::default(),
            Some(&keys_only)
        ));
    }

    #[test]
    fn custom_without_endpoints_is_a_usage_error() {
        let mut custom = Catalog::embedded().get("custom").unwrap().clone();
        let err = resolve_endpoints(&mut custom, &ConnectArgs::default(), None).unwrap_err();
        assert!(err.to_string().contains("--issuer"));
    }
}
