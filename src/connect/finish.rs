//! An OAuth 2.0 login from the browser round trip to the stored channel: exchange the
//! code, trade it for a long-lived token where the provider wants that, compare scopes,
//! name the account, choose the target (page, channel, blog) of a two-step provider and
//! store. A login that cannot be stored revokes what was issued.

use std::collections::BTreeMap;

use chrono::Utc;
use oauth2::TokenResponse as _;

use crate::error::Error;
use crate::model::{ClientCredentials, Endpoints};
use crate::oauth::flow::{self, AuthorizationRequest};
use crate::oauth::listener::Responder;
use crate::oauth::scopes;
use crate::oauth::token::TokenResponse;
use crate::providers::identity::{self, Account};
use crate::providers::{granted, GrantedScopes, Provider};
use crate::secret::Secret;
use crate::store::Secrets;

use super::events::{Event, Events, Revocation};
use super::plan::{Client, LoginPlan};
use super::record::{channel_name, new_channel, store_channel, Grant, Record};
use super::report::Connected;
use super::round_trip::{self, Trip};
use super::services::{Outcome, Services};
use super::target::{self, Pick};
use super::{registration, report};

/// The OAuth 2.0 login `plan` decided: round trip, finish, report; the exit code.
pub fn login(
    svc: &Services,
    plan: &LoginPlan,
    endpoints: &Endpoints,
    client: &Client,
) -> Result<Connected, Error> {
    let provider = &plan.provider;
    let trip = Trip {
        provider,
        redirect: &plan.redirect,
        expected_issuer: endpoints
            .issuer
            .as_deref()
            .filter(|_| endpoints.require_iss),
        oauth1: false,
    };
    let ((request, client), received) = round_trip::run(svc, &trip, |redirect_uri| {
        let client = match client {
            Client::Ready(client) => client.clone(),
            Client::Register { instance } => {
                registration::register(svc, provider, instance, redirect_uri, &plan.scopes)?
            }
        };
        let request =
            AuthorizationRequest::new(provider, endpoints, &client, &plan.scopes, redirect_uri)?;
        let (url, state) = (request.url.clone(), request.state.secret().clone());
        Ok(((request, client), url, state))
    })?;
    let mut responder = received.responder;
    let outcome = Finish {
        svc,
        plan,
        endpoints,
        client: &client,
        request,
        code: &received.code,
        callback_extra: &received.extra,
    }
    .run(&mut responder);
    report::report(svc, outcome, responder)
}

/// Everything after the callback of an OAuth 2.0 login.
pub struct Finish<'a> {
    pub svc: &'a Services<'a>,
    pub plan: &'a LoginPlan,
    pub endpoints: &'a Endpoints,
    pub client: &'a ClientCredentials,
    pub request: AuthorizationRequest,
    /// The callback's code and its other parameters.
    pub code: &'a str,
    pub callback_extra: &'a BTreeMap<String, String>,
}

impl Finish<'_> {
    /// The stored channel and, when scopes are missing, the error to report after storing
    /// it. `responder` is the browser's tab, told to look at the terminal when a target
    /// is chosen there.
    pub fn run(self, responder: &mut Option<Responder>) -> Outcome {
        let Finish {
            svc,
            plan,
            endpoints,
            client,
            request,
            code,
            callback_extra,
        } = self;
        let (events, http, provider) = (svc.events, &svc.http, &plan.provider);
        let requested = request.scopes.clone();
        let redirect_uri = request.redirect_uri.clone();
        let wire = provider.wire();
        let callback_params = callback_params(provider, callback_extra)?;
        let revoke =
            |e, token: &TokenResponse| revoke_issued(events, e, token, endpoints, client, http);
        let token = request.exchange(code, &callback_params, endpoints, client, &wire, http)?;
        events.event(Event::CodeExchanged);
        let token = match &provider.long_lived {
            Some(exchange) => long_lived(events, exchange, &token, client, &wire, http)
                .map_err(|e| revoke(e, &token))?,
            None => token,
        };
        let granted = granted_scopes(events, provider, &token, &requested, http)
            .map_err(|e| revoke(e, &token))?;
        let missing = scopes::missing(&requested, &granted);
        if missing.is_empty() {
            events.event(Event::AllScopesGranted { granted: &granted });
        }

        let account = name_account(
            provider,
            endpoints,
            client,
            &token,
            plan.account.as_deref(),
            http,
        )
        .map_err(|e| revoke(e, &token))?;
        let handle = account.handle().expect("name_account names the account");
        events.event(Event::AccountConfirmed {
            handle: &handle,
            source: Some(&account.source),
        });

        // The channel as stored for the user; a two-step provider then applies a target.
        let now = Utc::now();
        let named = plan.account.is_some();
        let channel = new_channel(
            Record {
                name: channel_name(provider, &handle, endpoints, named),
                provider: provider.id.clone(),
                account,
                storage: plan.storage.backend,
                sandbox: plan.sandbox(),
                client_id: client.id.clone(),
                client_auth: client.auth,
                endpoints: endpoints.clone(),
                connect_args: plan.reconnect_args.clone(),
            },
            Grant {
                scopes: granted,
                requested_scopes: requested.clone(),
                missing_scopes: missing,
                expires_at: token.expires_at(now),
                refresh_expires_at: token.refresh_expires_at(now),
                has_refresh_token: token.refresh_token.is_some(),
                refresh: provider
                    .refresh
                    .bind(&requested.join(&provider.scope_separator), &redirect_uri),
                redirect_uri,
                wire,
                callback_params,
                token_fields: identity::token_fields(&provider.identity, &token),
                oauth1: false,
            },
            now,
        );
        let mut channel = channel;
        let mut secrets = Secrets {
            access_token: Secret::new(token.access_token().secret().clone()),
            refresh_token: token
                .refresh_token
                .as_ref()
                .map(|t| t.secret().as_str().into()),
            id_token: token.id_token.clone(),
            client_secret: client.secret.as_ref().map(|s| s.secret().as_str().into()),
            token_secret: None,
        };
        if let Some(targets) = &provider.pages {
            let choices =
                crate::providers::pages::list(targets, secrets.access_token.expose(), http)
                    .map_err(|e| revoke(e, &token))?;
            let choice = match target::choose(
                events,
                &targets.kind,
                &choices,
                plan.target.as_deref(),
                responder,
            ) {
                Pick::Chosen(choice) => choice.clone(),
                Pick::Ask(error) => {
                    return Err(target::hold_for_a_choice(
                        svc,
                        channel,
                        secrets,
                        &targets.kind,
                        choices,
                        error,
                    ))
                }
            };
            target::apply(
                provider,
                targets,
                &choice,
                &mut channel,
                &mut secrets,
                named,
            );
            events.event(Event::TargetChosen {
                kind: &targets.kind,
                name: &choice.name,
                id: &choice.id,
            });
        }
        store_channel(
            svc,
            provider,
            channel,
            &secrets,
            plan.replace,
            plan.storage.preference,
        )
    }
}

/// The callback parameters the provider declares (VK's device_id), which travel on to
/// the token request; an error when one is missing.
fn callback_params(
    provider: &Provider,
    callback_extra: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Error> {
    let params: BTreeMap<String, String> = callback_extra
        .iter()
        .filter(|(k, _)| provider.callback_params.contains(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    match provider
        .callback_params
        .iter()
        .find(|wanted| !params.contains_key(*wanted))
    {
        Some(wanted) => Err(Error::Rejected {
            what: format!(
                "the callback did not carry `{wanted}`, which {} needs for the token request",
                provider.name
            ),
            fix: "start again; if it repeats, run with -v and check the provider's app settings"
                .into(),
        }),
        None => Ok(params),
    }
}

/// The short-lived token traded for a long-lived one, keeping what only the short-lived
/// answer carried.
fn long_lived(
    events: &dyn Events,
    exchange: &crate::model::Exchange,
    short: &TokenResponse,
    client: &ClientCredentials,
    wire: &crate::model::Wire,
    http: &crate::http::HttpClient,
) -> Result<TokenResponse, Error> {
    let mut token = flow::long_lived(exchange, short, client, wire, http)?;
    events.event(Event::LongLived {
        expires_in: token.expires_in,
    });
    // The short-lived answer may carry what the long-lived one does not.
    if token.granted_scopes().is_none() {
        token.scopes = short.scopes.clone();
    }
    let extra = token.extra.expose_mut();
    for (k, v) in short.extra.expose() {
        extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    Ok(token)
}

/// The scopes granted, as the provider reports them (in the token response or from an
/// endpoint), else the requested ones (RFC 6749 §5.1).
fn granted_scopes(
    events: &dyn Events,
    provider: &Provider,
    token: &TokenResponse,
    requested: &[String],
    http: &crate::http::HttpClient,
) -> Result<Vec<String>, Error> {
    let reported = match provider.granted_scopes {
        GrantedScopes::TokenResponse => granted::from_token(&provider.granted_scopes_field, token),
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
    Ok(match reported {
        Some(granted) => granted,
        None => {
            events.event(Event::ScopesAssumed);
            requested.to_vec()
        }
    })
}

/// Whose account the tokens are for: `--account` when given, else the provider's
/// identity (endpoint, standard claims, validated id_token), else RFC 7662
/// introspection. An error when none names it.
fn name_account(
    provider: &Provider,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    token: &TokenResponse,
    given: Option<&str>,
    http: &crate::http::HttpClient,
) -> Result<Account, Error> {
    if let Some(name) = given.filter(|n| !n.trim().is_empty()) {
        return Ok(Account {
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
    events: &dyn Events,
    error: Error,
    token: &TokenResponse,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    http: &crate::http::HttpClient,
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
    let revocation = match revoked {
        Ok(true) => Revocation::Revoked,
        Ok(false) => Revocation::NoEndpoint,
        Err(e) => Revocation::Failed(e),
    };
    events.event(Event::NothingStored(&revocation));
    error
}
