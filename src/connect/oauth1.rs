//! `postiz-connect twitter --oauth1`: X's OAuth 1.0a three-legged flow, as Postiz runs
//! it with X_API_KEY / X_API_SECRET.

use chrono::Utc;
use serde_json::Value;

use crate::error::provider::{ProviderError, Stage};
use crate::error::Error;
use crate::model::Endpoints;
use crate::oauth::oauth1::{self, Consumer, TokenPair};
use crate::providers::identity::{self, Account};
use crate::providers::{OAuth1, RefreshRule, RefreshStyle};
use crate::store::Secrets;

use super::events::Event;
use super::plan::LoginPlan;
use super::record::{new_channel, store_channel, Grant, Record};
use super::report;
use super::report::Connected;
use super::round_trip::{self, Trip};
use super::services::{Outcome, Services};

/// The OAuth 1.0a login `plan` decided: request token, round trip, access token,
/// identity, store; the exit code.
pub fn login(
    svc: &Services,
    plan: &LoginPlan,
    rules: &OAuth1,
    consumer: &Consumer,
) -> Result<Connected, Error> {
    let trip = Trip {
        provider: &plan.provider,
        redirect: &plan.redirect,
        expected_issuer: None,
        oauth1: true,
    };
    let (request, received) = round_trip::run(svc, &trip, |callback| {
        let request = oauth1::request_token(
            &rules.request_token_url,
            callback,
            &rules.request_params,
            consumer,
            &svc.http,
        )
        .map_err(|e| explain_request_token_failure(e, rules, callback))?;
        svc.events.event(Event::RequestTokenIssued);
        let url = oauth1::authorize_url(&rules.authorize_url, &request)?;
        let token = request.token.expose().clone();
        Ok((request, url, token))
    })?;
    let outcome = finish(svc, plan, rules, consumer, &request, &received.code);
    report::report(svc, outcome, received.responder)
}

/// Everything after the callback: the verifier for an access token, the account, the
/// stored channel.
fn finish(
    svc: &Services,
    plan: &LoginPlan,
    rules: &OAuth1,
    consumer: &Consumer,
    request: &TokenPair,
    verifier: &str,
) -> Outcome {
    let (events, http, provider) = (svc.events, &svc.http, &plan.provider);
    let access = oauth1::access_token(&rules.access_token_url, request, verifier, consumer, http)?;
    events.event(Event::VerifierExchanged);
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
    events.event(Event::AccountConfirmed {
        handle: &handle,
        source: None,
    });
    let channel = new_channel(
        Record {
            name: format!("{}:{handle}", provider.id),
            provider: provider.id.clone(),
            account,
            storage: plan.storage.backend,
            sandbox: plan.sandbox(),
            client_id: consumer.key.clone(),
            client_auth: provider.client_auth,
            endpoints: Endpoints {
                authorize_url: rules.authorize_url.clone(),
                token_url: rules.access_token_url.clone(),
                revoke_url: rules.invalidate_url.clone(),
                userinfo_url: Some(rules.identity_url.clone()),
                ..Endpoints::default()
            },
            connect_args: plan.reconnect_args.clone(),
        },
        Grant {
            refresh: RefreshRule {
                style: RefreshStyle::None,
                note: Some(
                    "OAuth 1.0a tokens do not expire; they stop working only when revoked".into(),
                ),
                ..RefreshRule::default()
            },
            oauth1: true,
            ..Grant::default()
        },
        Utc::now(),
    );
    let secrets = Secrets {
        access_token: access.token.clone(),
        token_secret: Some(access.secret.clone()),
        client_secret: Some(consumer.secret.clone()),
        ..Default::default()
    };
    // No scopes in OAuth 1.0a: none can be missing.
    store_channel(
        svc,
        provider,
        channel,
        &secrets,
        plan.replace,
        plan.storage.preference,
    )
}

/// X refuses request tokens for callbacks outside the app's allow-list (code 415).
fn explain_request_token_failure(err: Error, rules: &OAuth1, callback: &str) -> Error {
    match err {
        Error::Token(e) => {
            let detail = e.to_string();
            let callback_problem = e.is_callback_refused();
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
