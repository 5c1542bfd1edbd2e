//! The credential probe: no user needed. A deliberately invalid code sent with the
//! configured client tells `invalid_client` (wrong id, secret or method) from
//! `invalid_grant` (the credentials were accepted).

use super::{Finding, Severity};
use crate::error::Error;
use crate::http::HttpClient;
use crate::model::Wire;
use crate::model::{ClientCredentials, Endpoints};
use crate::oauth::flow;
use crate::oauth::oauth1::{self, Consumer};
use crate::providers::{ClientAuth, OAuth1};

const AREA: &str = "client credentials";

pub fn credentials(
    provider: &str,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    wire: &Wire,
    http: &HttpClient,
) -> Vec<Finding> {
    let verdict = |c: &ClientCredentials| match flow::probe_client(endpoints, c, wire, http) {
        Err(Error::Token(e)) => Some(e),
        _ => None,
    };
    match flow::probe_client(endpoints, client, wire, http) {
        Err(Error::Token(e)) if e.code.as_deref() == Some("invalid_grant") => vec![Finding::new(
            AREA,
            "credentials.accepted",
            Severity::Ok,
            format!("{provider}: the token endpoint accepted the client ({} authentication); a bogus code was refused with invalid_grant", client.auth.as_str()),
        )],
        Err(Error::Token(e)) if e.code.as_deref() == Some("invalid_client") => {
            // Try the other methods: the secret may be right and the method wrong.
            let others = [ClientAuth::Basic, ClientAuth::Post, ClientAuth::None]
                .into_iter()
                .filter(|a| *a != client.auth && (client.secret.is_some() || *a == ClientAuth::None));
            for other in others {
                let alt = ClientCredentials { auth: other, ..client.clone() };
                if verdict(&alt).is_some_and(|e| e.code.as_deref() == Some("invalid_grant")) {
                    return vec![Finding::new(AREA, "credentials.wrong_method", Severity::Problem,
                        format!("{provider}: invalid_client with {} authentication, accepted with {}", client.auth.as_str(), other.as_str()))
                        .evidence(e.to_string())
                        .fix(format!("use --client-auth {} (or set client_auth = \"{}\" for {provider} in providers.toml)", other.as_str(), other.as_str()))];
                }
            }
            vec![Finding::new(AREA, "credentials.invalid_client", Severity::Problem, format!("{provider}: the token endpoint refused the client: {e}"))
                .evidence(e.explain().cause)
                .fix(e.explain().fix)]
        }
        Err(Error::Token(e)) => vec![Finding::new(AREA, format!("credentials.{}", e.code.clone().unwrap_or_else(|| "unexpected".into())), Severity::Warning,
            format!("{provider}: the token endpoint answered the probe with {e}"))
            .evidence(e.explain().cause)
            .fix(e.explain().fix)],
        Err(Error::Network(e)) => vec![Finding::new(AREA, "credentials.unreachable", Severity::Problem, format!("{provider}: {e}"))
            .evidence(e.cause())
            .fix(e.fix())
            .origin(e.origin.clone())],
        Err(other) => vec![Finding::new(AREA, "credentials.error", Severity::Problem, format!("{provider}: {other}"))
            .fix(other.fix().unwrap_or_default())],
        Ok(()) => vec![Finding::new(AREA, "credentials.bogus_code_accepted", Severity::Warning,
            format!("{provider}: the token endpoint accepted a made-up code"))
            .fix("this endpoint does not behave like an OAuth 2.0 token endpoint; check --token-url")],
    }
}

/// OAuth 1.0a consumer check (X's API key and secret): ask for a request token. A bad
/// key or secret is refused outright (X: code 32); a good one gets a token, or the
/// callback refusal (X: code 415) that names the allow-list.
pub fn oauth1_consumer(
    provider: &str,
    rules: &OAuth1,
    consumer: &Consumer,
    callback: &str,
    http: &HttpClient,
) -> Vec<Finding> {
    match oauth1::request_token(&rules.request_token_url, callback, &rules.request_params, consumer, http) {
        Ok(_) => vec![Finding::new(AREA, "credentials.oauth1_accepted", Severity::Ok,
            format!("{provider}: the API key and secret were accepted and {callback} is an approved callback"))],
        Err(Error::Token(e)) => {
            let text = e.to_string();
            if e.is_callback_refused() {
                vec![Finding::new(AREA, "credentials.oauth1_callback_not_approved", Severity::Problem,
                    format!("{provider}: the API key was accepted, but {callback} is not an approved callback URL"))
                    .evidence(text)
                    .fix(rules.callback_rules.clone().unwrap_or_else(|| "add the callback URL to the app's settings".into()))]
            } else {
                vec![Finding::new(AREA, "credentials.oauth1_refused", Severity::Problem,
                    format!("{provider}: the request-token call refused the API key and secret: {text}"))
                    .evidence(e.explain().cause)
                    .fix(format!("check {} / {} (the app's API key and secret, Keys and tokens page; regenerate them if unsure)",
                        rules.consumer_key_env.join(","), rules.consumer_secret_env.join(",")))]
            }
        }
        Err(Error::Network(e)) => vec![Finding::new(AREA, "credentials.unreachable", Severity::Problem, format!("{provider}: {e}"))
            .evidence(e.cause())
            .fix(e.fix())
            .origin(e.origin.clone())],
        Err(other) => vec![Finding::new(AREA, "credentials.error", Severity::Problem, format!("{provider}: {other}"))
            .fix(other.fix().unwrap_or_default())],
    }
}
