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
    // `--page` right after a two-step login that could not ask: finish that login.
    if let Some(wanted) = args.page.as_deref() {
        if let Some(held) = ctx
            .store
            .held_login(&provider.id)
            .filter(|held| held.channel.sandbox == args.sandbox)
        {
            return complete_held_login(ctx, &provider, held, wanted, args);
        }
    }

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
    if provider.oauth1.is_some() {
        let (oauth1, why) = wants_oauth1(&provider, args, env_file);
        ui.info(why);
        if oauth1 {
            let sandboxed = sandbox_base.is_some();
            trip.oauth1 = true;
            return super::oauth1::run(ctx, &provider, args, env_file, sandboxed, &http, trip);
        }
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
    // What the user typed, before the loopback path or a remembered app changes it.
    let reconnect_args = args.reconnect_args();
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
    let mut responder = received.responder;
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
        reconnect_args,
        &mut responder,
    );
    report(ctx, outcome, responder)
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
    connect_args: Vec<String>,
    responder: &mut Option<listener::Responder>,
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
        token = flow::long_lived(exchange, &short, client, &wire, http)
            .map_err(|e| revoke_issued(ui, e, &short, endpoints, client, http))?;
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
            Some(endpoint) => Some(
                granted::from_endpoint(endpoint, token.access_token().secret(), http)
                    .map_err(|e| revoke_issued(ui, e, &token, endpoints, client, http))?,
            ),
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

    let account = name_account(provider, endpoints, client, &token, args, http)
        .map_err(|e| revoke_issued(ui, e, &token, endpoints, client, http))?;
    let handle = account.handle().expect("name_account names the account");
    ui.step(format!(
        "Confirmed the account: {handle} (from the {})",
        account.source
    ));

    // The channel as stored for the user; a two-step provider then applies a page.
    let now = Utc::now();
    let mut channel = Channel {
        channel: channel_name(provider, &handle, endpoints, args.account.is_some()),
        provider: provider.id.clone(),
        account,
        scopes: granted,
        requested_scopes: requested.clone(),
        missing_scopes: missing,
        expires_at: token.expires_at(now),
        refresh_expires_at: token.refresh_expires_at(now),
        has_refresh_token: token.refresh_token.is_some(),
        store: backend,
        created_at: now,
        updated_at: now,
        needs_reconnect: false,
        sandbox: args.sandbox,
        client_id: client.id.clone(),
        client_auth: client.auth,
        endpoints: endpoints.clone(),
        refresh: provider
            .refresh
            .bind(&requested.join(&provider.scope_separator), &redirect_uri),
        redirect_uri,
        wire,
        callback_params,
        token_fields: identity::token_fields(&provider.identity, &token),
        token_issued_at: Some(now),
        connect_args,
        page: None,
        oauth1: false,
    };
    let mut secrets = Secrets {
        access_token: token.access_token().secret().clone(),
        refresh_token: token.refresh_token.as_ref().map(|t| t.secret().clone()),
        id_token: token.id_token.clone(),
        client_secret: client.secret.as_ref().map(|s| s.secret().clone()),
        token_secret: None,
    };
    if let Some(pages) = &provider.pages {
        let choices = pages::list(pages, &secrets.access_token, http)
            .map_err(|e| revoke_issued(ui, e, &token, endpoints, client, http))?;
        let choice = match choose_page(ui, &pages.kind, &choices, args.page.as_deref(), responder) {
            Pick::Chosen(choice) => choice.clone(),
            Pick::Ask(error) => {
                return Err(hold_for_a_choice(
                    ctx,
                    channel,
                    secrets,
                    &pages.kind,
                    choices,
                    error,
                ))
            }
        };
        apply_page(
            provider,
            pages,
            &choice,
            &mut channel,
            &mut secrets,
            args.account.is_some(),
        );
        ui.step(format!(
            "Chose the {} {} ({})",
            pages.kind, choice.name, choice.id
        ));
    }
    store_channel(ctx, provider, channel, &secrets, args)
}

/// Point a user's channel at the page (channel, blog, location) it posts to: the page's
/// id names it, and a page's own token (Meta) replaces the user's, with what the catalog
/// knows of its lifetime (the token response describes the user's token, not the page's).
fn apply_page(
    provider: &Provider,
    pages: &providers::Pages,
    choice: &Choice,
    channel: &mut Channel,
    secrets: &mut Secrets,
    named: bool,
) {
    let user = channel.account.handle().unwrap_or_default();
    if let Some(own) = &choice.token {
        secrets.access_token = own.clone();
        secrets.refresh_token = None;
        channel.has_refresh_token = false;
        channel.expires_at = pages
            .token_expires_in
            .and_then(|s| crate::oauth::token::expiry(channel.created_at, s));
        channel.refresh = RefreshRule {
            style: RefreshStyle::None,
            note: pages
                .token_note
                .clone()
                .or_else(|| Some("renew it by connecting again".into())),
            ..RefreshRule::default()
        };
    }
    channel.page = Some(PageRef {
        kind: pages.kind.clone(),
        id: choice.id.clone(),
        name: choice.name.clone(),
        own_token: choice.token.is_some(),
        user,
    });
    channel.account = identity::Account {
        id: Some(choice.id.clone()),
        username: None,
        name: Some(choice.name.clone()),
        source: format!("{} list", pages.kind),
    };
    channel.channel = channel_name(
        provider,
        &identity::channel_handle(&choice.id),
        &channel.endpoints,
        named,
    );
    channel
        .connect_args
        .extend(["--page".to_string(), choice.id.clone()]);
}

/// No terminal to ask which page: keep the finished login for a while, so that the
/// command the error prints (`--page ID`) completes it without a second browser login.
fn hold_for_a_choice(
    ctx: &Context,
    channel: Channel,
    secrets: Secrets,
    kind: &str,
    choices: Vec<Choice>,
    error: Error,
) -> Error {
    let again = channel.reconnect_command();
    if choices.is_empty() || !matches!(error, Error::Config { .. } | Error::Usage(_)) {
        return error;
    }
    let held = crate::store::HeldLogin {
        expires_at: Utc::now() + crate::store::HELD_FOR,
        channel,
        secrets,
        kind: kind.to_string(),
        choices,
    };
    let kept = ctx.store.hold_login(&held).is_ok();
    let next = match kept {
        true => format!(
            "within {} minutes run: {again} --page ID (or NAME); this login is kept until then, so no second browser login is needed",
            crate::store::HELD_FOR.num_minutes()
        ),
        false => format!("run again with --page ID or NAME: {again} --page ..."),
    };
    match error {
        Error::Config { what, .. } => Error::Config { what, fix: next },
        Error::Usage(what) => Error::Usage(format!("{what}\n{next}")),
        other => other,
    }
}

/// `--page` right after a two-step login that ended without a choice: complete it.
fn complete_held_login(
    ctx: &Context,
    provider: &Provider,
    mut held: crate::store::HeldLogin,
    wanted: &str,
    args: &ConnectArgs,
) -> Result<ExitCode, Error> {
    let pages = provider
        .pages
        .as_ref()
        .ok_or_else(|| Error::Usage(format!("{} has no pages to choose from", provider.id)))?;
    let Some(choice) = pages::find(&held.choices, wanted).cloned() else {
        let listing: Vec<String> = held
            .choices
            .iter()
            .map(|c| format!("  {}  {}", c.id, c.name))
            .collect();
        return Err(Error::Usage(format!(
            "no {} matches '{wanted}'; the choices are:\n{}",
            held.kind,
            listing.join("\n")
        )));
    };
    ctx.ui.step(format!(
        "Using the login of {} from {} (no second browser login)",
        held.channel.account.handle().unwrap_or_default(),
        crate::ui::moment(held.channel.created_at)
    ));
    apply_page(
        provider,
        pages,
        &choice,
        &mut held.channel,
        &mut held.secrets,
        args.account.is_some(),
    );
    ctx.ui.step(format!(
        "Chose the {} {} ({})",
        held.kind, choice.name, choice.id
    ));
    let outcome = store_channel(ctx, provider, held.channel, &held.secrets, args);
    if outcome.is_ok() {
        ctx.store.drop_held_login(&provider.id);
    }
    report(ctx, outcome, None)
}

/// Store a new channel (never silently over one connected another way), and the error
/// to report after it when scopes are missing.
fn store_channel(
    ctx: &Context,
    provider: &Provider,
    mut channel: Channel,
    secrets: &Secrets,
    args: &ConnectArgs,
) -> Result<(Channel, Option<Error>), Error> {
    let preference = if args.insecure_storage {
        Some(Backend::File)
    } else if args.keychain {
        Some(Backend::Keychain)
    } else {
        None
    };
    if !args.replace {
        if let Some(kept) = ctx.store.keep_apart(&mut channel) {
            ctx.ui.warn(format!(
                "{kept} is already stored, connected another way (another protocol, app or server): it is kept, and this login is stored as {}; pass --replace to replace it",
                channel.channel
            ));
        }
    }
    // Under the channel's lock: a refresher of a previous connection must not interleave.
    ctx.store
        .commit_locking(&channel, secrets, preference, "was connected")?;
    let scope_error = (!channel.missing_scopes.is_empty()).then(|| Error::ScopesMissing {
        channel: channel.channel.clone(),
        missing: channel
            .missing_scopes
            .iter()
            .map(|s| (s.clone(), provider.scope_purpose(s).map(str::to_string)))
            .collect(),
        reconnect: channel.reconnect_command(),
    });
    Ok((channel, scope_error))
}

/// `provider:handle`; for an entry that serves many servers, `provider:handle@host`
/// (the issuer's or the authorization endpoint's host and port), unless the user named
/// the account with `--account`.
fn channel_name(provider: &Provider, handle: &str, endpoints: &Endpoints, named: bool) -> String {
    let host = endpoints
        .issuer
        .as_deref()
        .and_then(|issuer| url::Url::parse(issuer).ok())
        .or_else(|| url::Url::parse(&endpoints.authorize_url).ok())
        .and_then(|url| {
            let host = url.host_str()?.to_string();
            Some(match url.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        });
    match host.filter(|_| provider.channel_host && !named) {
        Some(host) => format!("{}:{handle}@{host}", provider.id),
        None => format!("{}:{handle}", provider.id),
    }
}

/// Whose account the tokens are for: `--account` when given, else the provider's
/// identity (endpoint, standard claims, validated id_token), else RFC 7662
/// introspection. An error when none names it.
fn name_account(
    provider: &Provider,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    token: &crate::oauth::token::TokenResponse,
    args: &ConnectArgs,
    http: &HttpClient,
) -> Result<identity::Account, Error> {
    if let Some(name) = args.account.as_deref().filter(|n| !n.trim().is_empty()) {
        return Ok(identity::Account {
            username: Some(name.trim().to_string()),
            source: "--account flag".into(),
            ..Default::default()
        });
    }
    let account = identity::fetch(&provider.identity, endpoints, token, &client.id, http)?;
    if account.handle().is_some() {
        return Ok(account);
    }
    if let Some(value) = flow::introspect(token.access_token().secret(), endpoints, client, http)? {
        let account = identity::from_json(&provider.identity, &value, "introspection endpoint");
        if account.handle().is_some() {
            return Ok(account);
        }
    }
    Err(Error::Config {
        what: "the server did not say whose account this is (no identity endpoint, id_token or introspection names it)".into(),
        fix: format!(
            "name it yourself: postiz-connect {} --account NAME (or give its identity endpoint with --userinfo-url)",
            provider.id
        ),
    })
}

/// A login that cannot be stored must not leave live tokens behind: revoke what was
/// issued (RFC 7009), and say so in the error.
fn revoke_issued(
    ui: &crate::ui::Ui,
    error: Error,
    token: &crate::oauth::token::TokenResponse,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    http: &HttpClient,
) -> Error {
    let mut revoked = Ok(endpoints.revoke_url.is_some());
    if let Some(refresh) = &token.refresh_token {
        revoked = flow::revoke(
            refresh.secret(),
            flow::TokenHint::RefreshToken,
            endpoints,
            client,
            http,
        );
    }
    if revoked.as_ref().is_ok_and(|done| *done) {
        revoked = flow::revoke(
            token.access_token().secret(),
            flow::TokenHint::AccessToken,
            endpoints,
            client,
            http,
        );
    }
    let note = match revoked {
        Ok(true) => "the tokens it issued were revoked".to_string(),
        Ok(false) => "the server has no revocation endpoint, so the tokens it issued stay valid until they expire; revoke the app's access in your account settings there".into(),
        Err(e) => format!("revoking the tokens it issued failed too ({e}); revoke the app's access in your account settings there"),
    };
    ui.warn(format!("Nothing was stored: {note}"));
    error
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

/// OAuth 1.0a or 2.0 for a provider that has both (X), and why, in one line: asked for;
/// a Postiz `.env` with the consumer key, for a provider Postiz connects only with OAuth
/// 1.0a (whatever OAuth 2.0 ids it holds too: Postiz never reads them); else OAuth 2.0
/// unless only the consumer key and secret are set.
fn wants_oauth1(
    provider: &Provider,
    args: &ConnectArgs,
    env_file: Option<&EnvFile>,
) -> (bool, String) {
    let Some(oauth1) = &provider.oauth1 else {
        return (false, String::new());
    };
    let (one, two) = ("OAuth 1.0a", "OAuth 2.0 + PKCE");
    let key = oauth1.consumer_key_env.join("/");
    if args.oauth1 {
        return (true, format!("{one}: asked for with --oauth1"));
    }
    if args.oauth2 {
        return (false, format!("{two}: asked for with --oauth2"));
    }
    if args.client.client_id.is_some() {
        return (
            false,
            format!("{two}: --client-id was given (--oauth1 for {one}, as Postiz)"),
        );
    }
    if args.sandbox || args.client.sandbox_at.is_some() {
        return (
            false,
            format!("{two}, the sandbox's default (--oauth1 for {one}, as Postiz)"),
        );
    }
    let in_file = |names: &[String]| {
        env_file.and_then(|f| {
            names
                .iter()
                .find(|n| f.vars.get(*n).is_some_and(|v| !v.is_empty()))
                .map(|n| (n.clone(), f.path.display().to_string()))
        })
    };
    if let (true, Some((name, path))) = (oauth1.postiz, in_file(&oauth1.consumer_key_env)) {
        let ignored = in_file(&provider.client_id_env)
            .map(|(id, _)| format!("; {id} there is not read by Postiz"))
            .unwrap_or_default();
        return (
            true,
            format!("{one}: {name} comes from the Postiz .env {path}, and Postiz connects {} only with {one}{ignored} (--oauth2 for {two})", provider.name),
        );
    }
    let set = |names: &[String]| setting(names, env_file);
    match (set(&provider.client_id_env), set(&oauth1.consumer_key_env)) {
        (Some((_, source)), _) => (
            false,
            format!("{two}: client id from {source} (--oauth1 for {one} with {key}, as Postiz)"),
        ),
        (None, Some((_, source))) => (
            true,
            format!("{one}: only {key} is set ({source}), the keys Postiz uses"),
        ),
        (None, None) => (
            false,
            format!("{two} (no {key} set for {one}, which Postiz uses)"),
        ),
    }
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

/// What `choose_page` decided.
enum Pick<'a> {
    Chosen(&'a Choice),
    /// No `--page` and no terminal to ask on: the error lists the choices.
    Ask(Error),
}

/// The page to connect: `--page`, else a prompt on a terminal (the browser tab is told
/// to look there first, so it does not hang), else the list and exit 6.
fn choose_page<'a>(
    ui: &crate::ui::Ui,
    kind: &str,
    choices: &'a [Choice],
    wanted: Option<&str>,
    responder: &mut Option<listener::Responder>,
) -> Pick<'a> {
    let listing = || {
        choices
            .iter()
            .map(|c| format!("  {}  {}", c.id, c.name))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if choices.is_empty() {
        return Pick::Ask(Error::Config {
            what: format!("this login has no {kind} to connect"),
            fix: format!("log in with an account that manages a {kind}, or check that the app was granted access to it"),
        });
    }
    if let Some(wanted) = wanted {
        return match pages::find(choices, wanted) {
            Some(choice) => Pick::Chosen(choice),
            None => Pick::Ask(Error::Usage(format!(
                "no {kind} matches '{wanted}'; the choices are:\n{}",
                listing()
            ))),
        };
    }
    if !ui.can_prompt() {
        return Pick::Ask(Error::Config {
            what: format!(
                "choose the {kind} to connect; this login can connect:\n{}",
                listing()
            ),
            fix: String::new(),
        });
    }
    if let Some(responder) = responder.take() {
        responder.finish(&Page {
            ok: true,
            title: "Logged in".into(),
            message: format!(
                "Choose the {kind} to connect in the terminal; you can close this tab."
            ),
            detail: None,
        });
    }
    let items: Vec<String> = choices
        .iter()
        .map(|c| format!("{} ({})", c.name, c.id))
        .collect();
    match ui.select(
        &format!("Which {kind} should this channel post to?"),
        &items,
    ) {
        Ok(index) => Pick::Chosen(&choices[index]),
        Err(e) => Pick::Ask(e),
    }
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
            args.oauth2,
            crate::cli::has_oauth1,
            "--oauth2",
            "has no OAuth 1.0a flow to choose OAuth 2.0 over",
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
            "redirect URI: {redirect_uri} (a random port: where the port of redirect URIs is compared, register {} for the app and run with --port <port>, remembered from then on)",
            p.loopback_redirect()
        )),
    }
}

/// Logged in over SSH (`SSH_CONNECTION`/`SSH_TTY`) with no display to open a browser on.
fn headless_ssh() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (set("SSH_CONNECTION") || set("SSH_TTY")) && !set("DISPLAY") && !set("WAYLAND_DISPLAY")
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
    let mut notes = |note: Note| {
        match note {
        Note::Stray(path) => ui.debug(format!("ignored a request for {path} (not the callback)")),
        Note::StateMismatch => {
            ui.warn("rejected a callback whose state did not match this login (still waiting)")
        }
        Note::UnboundError => ui.warn(
            "rejected a callback reporting an error without this login's state (still waiting; if you declined, press Ctrl-C)",
        ),
        Note::BadPaste(why) => ui.warn(format!("could not use what was pasted: {why}. Try again:")),
        Note::NoIpv6(why) => ui.debug(format!("listening on IPv4 only: {why}")),
    }
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
    // Over SSH with no display, the browser is on another machine and its redirect to
    // this one's loopback cannot arrive: offer the paste-back at once (the listener still
    // waits, for a tunnelled port).
    let ssh_paste =
        !args.paste && !trip.follow_without_browser && headless_ssh() && ui.can_prompt();
    if ssh_paste {
        ui.info("SSH session without a display: open the URL below on your own machine, then paste here the address the browser ends on (the listener keeps waiting too)");
    }
    let paste = args.paste || ssh_paste;
    let open_browser = !args.no_browser && !paste;
    let failure = match open_browser {
        true => crate::browser::open(&url).err(),
        false => None,
    };
    if let Some(failure) = &failure {
        ui.debug(format!("the browser launcher said: {}", failure.detail));
    }
    // `--no-browser` asks for the URL to be printed, not followed: only a browser that
    // could not be opened makes the tool follow the sandbox's URL itself.
    let follow = trip.follow_without_browser && !paste && failure.is_some();
    match (&failure, open_browser) {
        (Some(failure), _) if follow => {
            ui.info(format!(
                "no browser could be opened ({}); the sandbox approves by itself (--auto-approve), so postiz-connect follows the login URL itself",
                failure.summary
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
    let paste_reader: Option<Box<dyn FnMut() -> Option<String> + Send>> = if paste {
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
    // No spinner while a paste is awaited: it would draw over what the user types.
    let spinner = match paste {
        true => None,
        false => ui.spinner(format!(
            "Waiting for the browser on {redirect_uri} (Ctrl-C to cancel, gives up after {})",
            crate::ui::duration_words(args.timeout)
        )),
    };
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
            crate::ui::one_line(
                &channel
                    .account
                    .name
                    .clone()
                    .or(channel.account.handle())
                    .unwrap_or_default(),
                120
            ),
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
    fn x_follows_postiz_with_a_postiz_env_file() {
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
        assert!(wants_oauth1(x, &args, Some(&keys_only)).0);
        // A Postiz .env with both: Postiz connects X only with OAuth 1.0a, so does the tool,
        // and says why.
        let both = file(&[("X_API_KEY", "key"), ("X_CLIENT_ID", "cid")]);
        let (oauth1, why) = wants_oauth1(x, &args, Some(&both));
        assert!(oauth1, "{why}");
        assert!(
            why.contains("X_API_KEY") && why.contains("Postiz") && why.contains("--oauth2"),
            "{why}"
        );
        assert!(
            why.contains("X_CLIENT_ID there is not read by Postiz"),
            "{why}"
        );
        // OAuth 2.0 + PKCE stays available explicitly.
        args.oauth2 = true;
        let (oauth1, why) = wants_oauth1(x, &args, Some(&both));
        assert!(!oauth1 && why.contains("--oauth2"), "{why}");
        args.oauth2 = false;
        args.client.client_id = Some("cid".into());
        assert!(!wants_oauth1(x, &args, Some(&both)).0);
        args.client.client_id = None;
        // Without a .env: an OAuth 2.0 client id wins (names only; values from the file).
        let only_id = file(&[("X_CLIENT_ID", "cid")]);
        let (oauth1, why) = wants_oauth1(x, &args, Some(&only_id));
        assert!(!oauth1 && why.contains("OAuth 2.0"), "{why}");
        args.oauth1 = true;
        assert!(wants_oauth1(x, &args, Some(&only_id)).0);
        assert!(
            !wants_oauth1(
                catalog.get("linkedin").unwrap(),
                &ConnectArgs::default(),
                Some(&keys_only)
            )
            .0
        );
    }

    #[test]
    fn custom_without_endpoints_is_a_usage_error() {
        let mut custom = Catalog::embedded().get("custom").unwrap().clone();
        let err = resolve_endpoints(&mut custom, &ConnectArgs::default(), None).unwrap_err();
        assert!(err.to_string().contains("--issuer"));
    }
}
