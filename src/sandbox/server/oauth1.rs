//! The sandbox's OAuth 1.0a endpoints (X as Postiz uses it): request token, authorize,
//! access token, each checking the HMAC-SHA1 signature the way a real server does, by
//! signing the same request again with the secrets it knows.

use std::collections::HashMap;
use std::num::NonZeroU64;

use oauth1_request as oauth;

use super::fixtures::random_token;
use super::http::{page, params, with_query, Incoming, Reply};
use crate::sandbox::client::{account_id, ACCOUNT, CLIENT_ID, CLIENT_SECRET};
use crate::sandbox::config::Config;

#[derive(Default)]
pub(super) struct State {
    /// Temporary token → (secret, callback, verifier once authorized).
    requests: HashMap<String, (String, String, Option<String>)>,
    /// Access token → secret.
    access: HashMap<String, String>,
}

pub(super) fn handle(
    path: &str,
    incoming: &Incoming,
    state: &mut State,
    config: &Config,
    base: &str,
) -> Reply {
    match path {
        "/oauth1/authorize" => authorize(incoming, state, config),
        "/oauth1/invalidate_token" => {
            match verify(incoming, state, &format!("{base}{path}"), "POST") {
                Ok(fields) => {
                    let token = fields.get("oauth_token").cloned().unwrap_or_default();
                    match state.access.remove(&token) {
                        Some(_) => Reply::json(200, serde_json::json!({"access_token": token})),
                        None => Reply::json(
                            401,
                            serde_json::json!({"errors": [{"code": 89, "message": "Invalid or expired token."}]}),
                        ),
                    }
                }
                Err(reply) => reply,
            }
        }
        "/oauth1/request_token" | "/oauth1/access_token" => {
            let fields = match verify(incoming, state, &format!("{base}{path}"), "POST") {
                Ok(fields) => fields,
                Err(reply) => return reply,
            };
            if path.ends_with("request_token") {
                let Some(callback) = fields.get("oauth_callback").filter(|c| is_loopback(c)) else {
                    // What X answers for a callback outside the app's allow-list.
                    return Reply::json(
                        403,
                        serde_json::json!({"errors": [{"code": 415, "message": "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings"}]}),
                    );
                };
                let token = random_token("rq");
                let secret = random_token("rqs");
                state
                    .requests
                    .insert(token.clone(), (secret.clone(), callback.clone(), None));
                return Reply::text(
                    200,
                    format!("oauth_token={token}&oauth_token_secret={secret}&oauth_callback_confirmed=true"),
                );
            }
            let token = fields.get("oauth_token").cloned().unwrap_or_default();
            let verifier = fields.get("oauth_verifier").cloned();
            match state.requests.remove(&token) {
                Some((_, _, Some(expected))) if Some(&expected) == verifier.as_ref() => {
                    let user_id = account_id("twitter");
                    // X's OAuth 1.0a tokens start with the user's id.
                    let access = random_token(&format!("{user_id}-at"));
                    let secret = random_token("ats");
                    state.access.insert(access.clone(), secret.clone());
                    Reply::text(
                        200,
                        format!("oauth_token={access}&oauth_token_secret={secret}&user_id={user_id}&screen_name={}", ACCOUNT),
                    )
                }
                _ => Reply::html(
                    401,
                    "Error processing your OAuth request: Invalid oauth_verifier parameter".into(),
                ),
            }
        }
        _ => Reply::not_found(),
    }
}

fn authorize(incoming: &Incoming, state: &mut State, config: &Config) -> Reply {
    let token = incoming
        .params
        .get("oauth_token")
        .cloned()
        .unwrap_or_default();
    let Some((_, callback, verifier)) = state.requests.get_mut(&token) else {
        return Reply::html(
            400,
            page(
                "Invalid request token",
                "This page is no longer valid. Start again.",
            ),
        );
    };
    if !config.auto_approve && !incoming.params.contains_key("decision") {
        return Reply::html(
            200,
            format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox X: authorize</title></head><body>\
<h1>Authorize postiz-connect to use your account?</h1>\
<form method=\"get\"><input type=\"hidden\" name=\"oauth_token\" value=\"{t}\">\
<button name=\"decision\" value=\"approve\">Authorize app</button> <button name=\"decision\" value=\"deny\">Cancel</button></form></body></html>",
                t = html_escape::encode_double_quoted_attribute(&token)
            ),
        );
    }
    if incoming.params.get("decision").map(String::as_str) == Some("deny") {
        return Reply::redirect(with_query(callback, &[("denied", &token)]));
    }
    let v = random_token("v");
    *verifier = Some(v.clone());
    Reply::redirect(with_query(
        callback,
        &[("oauth_token", &token), ("oauth_verifier", &v)],
    ))
}

/// Whether a signed identity call carries a live access token.
pub(super) fn identity(incoming: &Incoming, state: &State, _config: &Config) -> bool {
    let url = incoming.url.split('?').next().unwrap_or_default();
    let host = incoming.header("Host").unwrap_or_default();
    let full = format!("http://{host}{url}");
    let fields = match verify(incoming, state, &full, "GET") {
        Ok(fields) => fields,
        Err(_) => return false,
    };
    fields
        .get("oauth_token")
        .is_some_and(|t| state.access.contains_key(t))
}

/// Check the signature of an `Authorization: OAuth ...` request; its oauth_* fields.
fn verify(
    incoming: &Incoming,
    state: &State,
    url: &str,
    method: &str,
) -> Result<HashMap<String, String>, Reply> {
    let unauthorized = |why: &str| {
        Reply::json(
            401,
            serde_json::json!({"errors": [{"code": 32, "message": format!("Could not authenticate you ({why}).")}]}),
        )
    };
    let header = incoming
        .authorization
        .as_deref()
        .and_then(|h| h.strip_prefix("OAuth "))
        .ok_or_else(|| unauthorized("no OAuth Authorization header"))?;
    let fields: HashMap<String, String> = header
        .split(',')
        .filter_map(|part| {
            let (k, v) = part.trim().split_once('=')?;
            let v = v.trim_matches('"');
            // RFC 5849 §3.5.1: values are RFC 3986 percent-encoded ('+' is a plus).
            let decoded = percent_encoding::percent_decode_str(v)
                .decode_utf8()
                .ok()?
                .into_owned();
            Some((k.to_string(), decoded))
        })
        .collect();
    if fields.get("oauth_consumer_key").map(String::as_str) != Some(CLIENT_ID) {
        return Err(unauthorized("unknown consumer key"));
    }
    let token_secret = match fields.get("oauth_token") {
        Some(t) => Some(
            state
                .requests
                .get(t)
                .map(|r| r.0.clone())
                .or_else(|| state.access.get(t).cloned())
                .ok_or_else(|| unauthorized("unknown token"))?,
        ),
        None => None,
    };
    let timestamp = fields
        .get("oauth_timestamp")
        .and_then(|t| t.parse::<u64>().ok())
        .and_then(NonZeroU64::new);
    let query = incoming
        .url
        .split_once('?')
        .map(|(_, q)| q)
        .unwrap_or_default();
    let mut own: Vec<(String, String)> = params(query).into_iter().collect();
    own.sort();
    let list = oauth::ParameterList::new(
        own.iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
    );
    let client = oauth::Credentials::new(CLIENT_ID, CLIENT_SECRET);
    let mut builder = oauth::Builder::<_, _, &str>::new(client, oauth::HmacSha1::new());
    if let (Some(t), Some(s)) = (fields.get("oauth_token"), token_secret.as_deref()) {
        builder.token(oauth::Credentials::new(t.as_str(), s));
    }
    builder
        .callback(fields.get("oauth_callback").map(String::as_str))
        .verifier(fields.get("oauth_verifier").map(String::as_str))
        .version(fields.contains_key("oauth_version"))
        .nonce(fields.get("oauth_nonce").map(String::as_str))
        .timestamp(timestamp);
    let expected = builder.authorize(method, url, &list);
    let signature = fields.get("oauth_signature").cloned().unwrap_or_default();
    let encoded: String = url::form_urlencoded::byte_serialize(signature.as_bytes()).collect();
    if !expected.contains(&format!("oauth_signature=\"{encoded}\"")) {
        return Err(unauthorized("the signature does not match"));
    }
    Ok(fields)
}

fn is_loopback(callback: &str) -> bool {
    url::Url::parse(callback).is_ok_and(|u| crate::http::is_loopback(&u))
}
