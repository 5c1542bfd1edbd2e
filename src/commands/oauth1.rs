//! `postiz-connect twitter --oauth1`: X's OAuth 1.0a three-legged flow, as Postiz runs
//! it with X_API_KEY / X_API_SECRET.

use chrono::Utc;
use serde_json::Value;

use crate::cli::ConnectArgs;
use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::oauth::errors::{ProviderError, Stage};
use crate::oauth::flow::Endpoints;
use crate::oauth::oauth1::{self, Consumer, TokenPair};
use crate::providers::identity::{self, Account};
use crate::providers::{EnvFile, OAuth1, Provider, RefreshRule, RefreshStyle};
use crate::sandbox;
use crate::store::{Backend, Channel, Secrets};

use super::connect::{browser_round_trip, prepare_store, report, RoundTrip};
use super::Context;

pub(super) fn run(
    ctx: &Context,
    provider: &Provider,
    args: &ConnectArgs,
    env_file: Option<&EnvFile>,
    sandboxed: bool,
    http: &HttpClient,
    trip: RoundTrip,
) -> Result<ExitCode, Error> {
    let ui = &ctx.ui;
    let rules = provider.oauth1.as_ref().expect("checked by the caller");
    let consumer = if sandboxed {
        Consumer {
            key: sandbox::CLIENT_ID.into(),
            secret: sandbox::CLIENT_SECRET.into(),
        }
    } else {
        consumer(provider, rules, args, env_file)?
    };
    ui.info("OAuth 1.0a (as Postiz connects X): no scopes; write access comes from the app's permission setting");
    let backend = prepare_store(ctx, args)?;

    let (request, received) = browser_round_trip(ctx, args, &trip, |callback| {
        let request = oauth1::request_token(
            &rules.request_token_url,
            callback,
            &rules.request_params,
            &consumer,
            http,
        )
        .map_err(|e| explain_request_token_failure(e, rules, callback))?;
        ctx.ui.step("Got a request token for this callback");
        let url = oauth1::authorize_url(&rules.authorize_url, &request)?;
        let token = request.token.clone();
        Ok((request, url, token))
    })?;

    let outcome = finish(
        ctx,
        provider,
        rules,
        &consumer,
        &request,
        &received.code,
        backend,
        args,
        http,
    );
    report(ctx, outcome, received.responder)
}

#[allow(clippy::too_many_arguments)]
fn finish(
    ctx: &Context,
    provider: &Provider,
    rules: &OAuth1,
    consumer: &Consumer,
    request: &TokenPair,
    verifier: &str,
    backend: Backend,
    args: &ConnectArgs,
    http: &HttpClient,
) -> Result<(Channel, Option<Error>), Error> {
    let ui = &ctx.ui;
    let access = oauth1::access_token(&rules.access_token_url, request, verifier, consumer, http)?;
    ui.step("Exchanged the verifier for an access token and secret");
    let response = oauth1::get(&rules.identity_url, consumer, &access, http)?;
    let status = response.status().as_u16();
    let value: Option<Value> = serde_json::from_slice(response.body()).ok();
    let mut account = match value.filter(|_| (200..300).contains(&status)) {
        Some(v) => identity::from_json(&provider.identity, &v, "identity endpoint"),
        None => {
            return Err(Error::Token(ProviderError::from_response(
                Stage::Identity,
                status,
                response.body(),
            )))
        }
    };
    if account.handle().is_none() {
        // X's access-token answer names the account too.
        account = Account {
            id: access.extra.get("user_id").cloned(),
            username: access.extra.get("screen_name").cloned(),
            name: None,
            source: "access token answer".into(),
        };
    }
    let handle = account.handle().ok_or_else(|| Error::Config {
        what: "the provider did not say whose account this is".into(),
        fix: "check the identity URL of the provider's oauth1 entry".into(),
    })?;
    ui.step(format!("Confirmed the account: {handle}"));
    let now = Utc::now();
    let mut channel = Channel {
        channel: format!("{}:{handle}", provider.id),
        provider: provider.id.clone(),
        account,
        scopes: vec![],
        requested_scopes: vec![],
        missing_scopes: vec![],
        expires_at: None,
        refresh_expires_at: None,
        has_refresh_token: false,
        store: backend,
        created_at: now,
        updated_at: now,
        needs_reconnect: false,
        sandbox: args.sandbox,
        client_id: consumer.key.clone(),
        client_auth: provider.client_auth,
        endpoints: Endpoints {
            authorize_url: rules.authorize_url.clone(),
            token_url: rules.access_token_url.clone(),
            revoke_url: rules.invalidate_url.clone(),
            userinfo_url: Some(rules.identity_url.clone()),
            ..Endpoints::default()
        },
        redirect_uri: String::new(),
        wire: Default::default(),
        refresh: RefreshRule {
            style: RefreshStyle::None,
            note: Some(
                "OAuth 1.0a tokens do not expire; they stop working only when revoked".into(),
            ),
            ..RefreshRule::default()
        },
        callback_params: Default::default(),
        token_fields: Default::default(),
        token_issued_at: Some(now),
        page: None,
        oauth1: true,
        connect_args: {
            let mut words = args.reconnect_args();
            if !args.oauth1 {
                words.push("--oauth1".into());
            }
            words
        },
    };
    let secrets = Secrets {
        access_token: access.token.clone(),
        token_secret: Some(access.secret.clone()),
        client_secret: Some(consumer.secret.clone()),
        ..Default::default()
    };
    let preference = match (args.insecure_storage, args.keychain) {
        (true, _) => Some(Backend::File),
        (_, true) => Some(Backend::Keychain),
        _ => None,
    };
    if !args.replace {
        if let Some(kept) = ctx.store.keep_apart(&mut channel) {
            ctx.ui.warn(format!(
                "{kept} is already stored, connected another way (another protocol, app or server): it is kept, and this login is stored as {}; pass --replace to replace it",
                channel.channel
            ));
        }
    }
    ctx.store
        .commit_locking(&channel, &secrets, preference, "was connected")?;
    Ok((channel, None))
}

/// The consumer key and secret: flags, a Postiz .env, or the environment.
pub(super) fn consumer(
    provider: &Provider,
    rules: &OAuth1,
    args: &ConnectArgs,
    env_file: Option<&EnvFile>,
) -> Result<Consumer, Error> {
    let mut keyed = provider.clone();
    keyed.client_id_env = rules.consumer_key_env.clone();
    keyed.client_secret_env = rules.consumer_secret_env.clone();
    let creds = super::connect::credentials_from(&keyed, args, env_file)?;
    let secret = creds.client_secret.ok_or_else(|| Error::Config {
        what: "OAuth 1.0a needs the API secret too".into(),
        fix: format!(
            "set {} (or pass --client-secret)",
            rules.consumer_secret_env.join(" or ")
        ),
    })?;
    Ok(Consumer {
        key: creds.client_id,
        secret: secret.secret().clone(),
    })
}

/// X refuses request tokens for callbacks outside the app's allow-list (code 415).
fn explain_request_token_failure(err: Error, rules: &OAuth1, callback: &str) -> Error {
    match err {
        Error::Token(e) => {
            let detail = e.to_string();
            let callback_problem =
                detail.contains("415") || detail.to_lowercase().contains("callback");
            Error::Rejected {
                what: format!("the request-token call was refused: {detail}"),
                fix: if callback_problem {
                    format!(
                        "add {callback} to the app's callback URLs exactly (pass the same --port each time). {}",
                        rules.callback_rules.clone().unwrap_or_default()
                    )
                } else {
                    "check X_API_KEY / X_API_SECRET (the app's API key and secret, not the OAuth 2.0 client id) and that the app has OAuth 1.0a enabled".into()
                },
            }
        }
        other => other,
    }
}
