//! The token endpoint as the provider runs it: client authentication in the provider's
//! way, the request in its encoding, the code (once, with its redirect URI, callback
//! parameters and PKCE verifier) or refresh token (rotating under the fault), errors in
//! the provider's shape; Meta's long-lived exchange and access-token refresh; revocation.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};
use sha2::Digest;

use super::fixtures::{identity_fields, random_token, set_pointer};
use super::http::{Incoming, Reply};
use super::state::{Grant, State};
use crate::providers::{ClientAuth, ErrorFormat, PkceEncoding, RefreshStyle};
use crate::sandbox::client::{account_id, CLIENT_ID, CLIENT_SECRET};
use crate::sandbox::config::Config;
use crate::sandbox::faults::Fault;

fn client_ok(
    form: &HashMap<String, String>,
    authorization: Option<&str>,
    auth: ClientAuth,
    id_param: &str,
    registered: &HashMap<String, String>,
) -> Result<(), Reply> {
    let basic = authorization
        .and_then(|h| h.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|d| String::from_utf8(d).ok());
    let known = |id: &str, secret: &str| {
        (id == CLIENT_ID && secret == CLIENT_SECRET)
            || registered.get(id).is_some_and(|s| s == secret)
    };
    let id = form.get(id_param).map(String::as_str);
    let ok = match auth {
        ClientAuth::Basic => basic
            .as_deref()
            .and_then(|b| b.split_once(':'))
            .is_some_and(|(i, s)| known(i, s)),
        ClientAuth::Post => id
            .zip(form.get("client_secret").map(String::as_str))
            .is_some_and(|(i, s)| known(i, s)),
        ClientAuth::None => {
            (id == Some(CLIENT_ID) || id.is_some_and(|i| registered.contains_key(i)))
                && basic.is_none()
        }
    };
    if ok {
        return Ok(());
    }
    let how = match auth {
        ClientAuth::Basic => "HTTP Basic with the client id and secret",
        ClientAuth::Post => "its client id and client_secret as request parameters",
        ClientAuth::None => "its client id as a parameter, no secret (a public client)",
    };
    Err(Reply::oauth_error(
        401,
        "invalid_client",
        &format!("client authentication failed: this provider expects {how}"),
    ))
}

pub(super) fn token(incoming: &Incoming, state: &mut State, config: &Config) -> Reply {
    let provider = &config.provider;
    let envelope = provider.token_envelope.is_some();
    let failure = |status: u16, code: &str, description: &str| {
        if envelope {
            // Errors inside an HTTP 200 envelope, as TikTok Business answers.
            return Reply::json(
                200,
                json!({"code": 40001, "message": format!("{code}: {description}"), "data": {}}),
            );
        }
        match provider.error_format {
            ErrorFormat::Oauth => Reply::oauth_error(status, code, description),
            // Meta: a nested object; a bad code is an OAuthException, code 100.
            ErrorFormat::Graph => Reply::json(
                status,
                json!({"error": {"message": format!("{description} ({code})"), "type": "OAuthException", "code": if code == "invalid_client" { 1 } else { 100 }, "fbtrace_id": "sandbox"}}),
            ),
            // Slack: HTTP 200 and its own codes.
            ErrorFormat::Slack => Reply::json(
                200,
                json!({"ok": false, "error": match code {
                    "invalid_grant" => "invalid_code",
                    "invalid_client" => "invalid_client_id",
                    other => other,
                }}),
            ),
        }
    };
    let form = &incoming.params;
    state.token_requests += 1;
    if config.has(&Fault::ServerError) {
        return Reply::html(503, "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>upstream unavailable</body></html>".into());
    }
    if config.has(&Fault::RateLimit) && state.token_requests == 1 {
        return Reply::oauth_error(429, "rate_limited", "Too many requests")
            .with_header("Retry-After", "1".into());
    }
    if incoming.format != provider.token_format {
        return failure(
            400,
            "invalid_request",
            &format!(
                "this provider expects the token request as {}, not {}",
                provider.token_format.as_str(),
                incoming.format.as_str()
            ),
        );
    }
    if config.has(&Fault::InvalidClient) {
        return failure(401, "invalid_client", "client authentication failed");
    }
    if let Err(reply) = client_ok(
        form,
        incoming.authorization.as_deref(),
        provider.client_auth,
        &provider.client_id_param,
        &state.registered,
    ) {
        return reply;
    }
    if config.has(&Fault::InvalidGrant) {
        return failure(
            400,
            "invalid_grant",
            "The provided authorization grant is invalid, expired or revoked",
        );
    }
    let grant = match form.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let code = form.get(&provider.code_param).cloned().unwrap_or_default();
            let Some(entry) = state.codes.get_mut(&code) else {
                return failure(
                    400,
                    "invalid_grant",
                    &format!(
                        "unknown authorization code (sent as `{}`?)",
                        provider.code_param
                    ),
                );
            };
            if entry.used {
                let family = entry.family;
                state.revoked_families.insert(family);
                return failure(400, "invalid_grant", "authorization code already used");
            }
            entry.used = true;
            if form.get("redirect_uri") != Some(&entry.request.redirect_uri) {
                return failure(
                    400,
                    "invalid_grant",
                    "redirect_uri does not match the authorization request",
                );
            }
            for (name, value) in &entry.request.extra {
                if form.get(name) != Some(value) {
                    return failure(
                        400,
                        "invalid_request",
                        &format!("{name} from the callback is missing or wrong"),
                    );
                }
            }
            let declared = declared_params(
                &provider.token_params,
                form,
                &[
                    ("state", entry.request.state.as_deref()),
                    ("scopes", Some(&entry.request.scope_raw)),
                    ("redirect_uri", Some(&entry.request.redirect_uri)),
                ],
            );
            if let Err(description) = declared {
                return failure(400, "invalid_request", &description);
            }
            if let Some(challenge) = &entry.request.challenge {
                let verifier = form.get("code_verifier").cloned().unwrap_or_default();
                let digest = sha2::Sha256::digest(verifier.as_bytes());
                let computed = match provider.pkce_encoding {
                    PkceEncoding::Base64url => {
                        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
                    }
                    PkceEncoding::Hex => digest.iter().map(|b| format!("{b:02x}")).collect(),
                };
                if &computed != challenge {
                    return failure(
                        400,
                        "invalid_grant",
                        "code_verifier does not match the code_challenge",
                    );
                }
            }
            Grant {
                scopes: entry.request.scopes.clone(),
                family: entry.family,
                extra: entry.request.extra.clone(),
                scope_raw: entry.request.scope_raw.clone(),
                redirect_uri: entry.request.redirect_uri.clone(),
            }
        }
        Some("refresh_token") => {
            let presented = form.get("refresh_token").cloned().unwrap_or_default();
            if let Some(family) = state.spent_refresh.get(&presented).copied() {
                // A rotated token spent twice: revoke the whole grant, as real servers do.
                state.revoked_families.insert(family);
                return failure(400, "invalid_grant", "refresh token already used");
            }
            let Some(grant) = state.refresh.get(&presented).cloned() else {
                return failure(400, "invalid_grant", "unknown or revoked refresh token");
            };
            if state.revoked_families.contains(&grant.family) {
                return failure(400, "invalid_grant", "the grant was revoked");
            }
            for (name, value) in &grant.extra {
                if form.get(name) != Some(value) {
                    return failure(
                        400,
                        "invalid_request",
                        &format!("{name} must be sent again on refresh"),
                    );
                }
            }
            // The refresh parameters the provider declares (VK's `state` and `scope`,
            // Pinterest's `scope` and `redirect_uri`); a refresh has no state of its own,
            // so any `state` will do.
            let declared = declared_params(
                &provider.refresh.params,
                form,
                &[
                    ("state", None),
                    ("scopes", Some(&grant.scope_raw)),
                    ("redirect_uri", Some(&grant.redirect_uri)),
                ],
            );
            if let Err(description) = declared {
                return failure(
                    400,
                    "invalid_request",
                    &format!("on refresh, {description}"),
                );
            }
            if config.has(&Fault::RotateRefresh) {
                state.refresh.remove(&presented);
                state.spent_refresh.insert(presented, grant.family);
            }
            grant
        }
        other => {
            return failure(
                400,
                "unsupported_grant_type",
                &format!("grant_type {other:?} is not supported"),
            )
        }
    };
    let first_issue = form.get("grant_type").map(String::as_str) == Some("authorization_code");
    // Meta: the code gives a short-lived token, to be exchanged for a long-lived one.
    let short = first_issue && provider.long_lived.is_some();
    let mut body = issue_access(
        state,
        config,
        &grant,
        if short { 3600 } else { config.access_ttl },
    );
    if provider.identity.in_token_response {
        identity_fields(&mut body, config);
    }
    if short {
        let token = body["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        state.short_lived.insert(token, grant.clone());
    }
    // A provider whose catalog asks for an offline scope (X's offline.access, OIDC's
    // offline_access) issues a refresh token only when that scope was granted.
    let offline_scopes = ["offline.access", "offline_access"];
    let offline_withheld = provider
        .scopes
        .iter()
        .any(|s| offline_scopes.contains(&s.as_str()))
        && !grant
            .scopes
            .iter()
            .any(|s| offline_scopes.contains(&s.as_str()));
    let refreshable = provider.refresh.style == RefreshStyle::RefreshToken && !offline_withheld;
    if refreshable && (first_issue || config.has(&Fault::RotateRefresh)) {
        let refresh = random_token("rt");
        state.refresh.insert(refresh.clone(), grant.clone());
        body["refresh_token"] = Value::String(refresh);
    }
    if let Some(pointer) = &provider.identity.token_id {
        // The account id lives in the token response (TikTok Business's open_id).
        set_pointer(&mut body, pointer, json!(account_id(&provider.id)));
    }
    if provider.token_envelope.is_some() {
        body["open_id"] = Value::String(account_id(&provider.id));
        return Reply::json(200, json!({"code": 0, "message": "OK", "data": body}));
    }
    Reply::json(200, body)
}

/// The extra parameters a catalog entry declares for a token request must all be there:
/// a literal as written, a `{placeholder}` named in `known` with the value it stands for
/// (`None`: any non-empty value), any other placeholder with some value.
fn declared_params(
    declared: &std::collections::BTreeMap<String, String>,
    form: &HashMap<String, String>,
    known: &[(&str, Option<&str>)],
) -> Result<(), String> {
    for (key, template) in declared {
        let Some(got) = form.get(key).filter(|v| !v.is_empty()) else {
            return Err(format!("{key} is required by this provider"));
        };
        let placeholder = template
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .filter(|t| !t.contains(['{', '}']));
        let expected = match placeholder {
            Some(name) => known
                .iter()
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| *v)
                .map(|v| (v, format!("the {name} of the authorization request"))),
            None => Some((template.as_str(), template.clone())),
        };
        if let Some((value, what)) = expected {
            if got != value {
                return Err(format!("{key} must be {what}"));
            }
        }
    }
    Ok(())
}

/// A new access token for the grant, in the provider's token-response shape.
fn issue_access(state: &mut State, config: &Config, grant: &Grant, ttl: u64) -> Value {
    let provider = &config.provider;
    let ttl = if config.has(&Fault::ExpireFast) {
        5
    } else {
        ttl
    };
    // Tokens the provider never refreshes and never expires (Mastodon's, Dribbble's):
    // no `expires_in`, as their token responses have none.
    let never_expires = provider.refresh.style == RefreshStyle::None
        && provider.long_lived.is_none()
        && !config.has(&Fault::ExpireFast);
    let access = random_token("at");
    let lives = match never_expires {
        true => Duration::from_secs(10 * 365 * 86_400),
        false => Duration::from_secs(ttl),
    };
    state
        .access
        .insert(access.clone(), (Instant::now() + lives, grant.family));
    state
        .access_scopes
        .insert(access.clone(), grant.scopes.clone());
    let mut body = json!({
        "access_token": access,
        "token_type": "bearer",
    });
    if !never_expires {
        body["expires_in"] = json!(ttl);
    }
    if provider.granted_scopes == crate::providers::GrantedScopes::TokenResponse {
        body[provider.granted_scopes_field.as_str()] =
            Value::String(grant.scopes.join(&provider.scope_separator));
    }
    body
}

/// Meta's long-lived exchange and `*_refresh_token` grants: a GET with the access token
/// and the declared parameters.
pub(super) fn long_lived(incoming: &Incoming, state: &mut State, config: &Config) -> Reply {
    let provider = &config.provider;
    let path = incoming.url.split('?').next().unwrap_or_default();
    let (exchange, refreshing) = match (&provider.long_lived, path) {
        (Some(e), "/oauth/long-lived") => (e.params.clone(), false),
        _ => (provider.refresh.params.clone(), true),
    };
    if incoming.post {
        return Reply::oauth_error(400, "invalid_request", "this call is a GET");
    }
    let mut presented = None;
    for (key, template) in &exchange {
        let Some(value) = incoming.params.get(key) else {
            return Reply::json(
                400,
                json!({"error": {"message": format!("Missing parameter {key}"), "type": "OAuthException", "code": 100}}),
            );
        };
        match template.as_str() {
            "{client_secret}" if value != CLIENT_SECRET => {
                return Reply::json(
                    400,
                    json!({"error": {"message": "Error validating client secret.", "type": "OAuthException", "code": 1}}),
                )
            }
            "{access_token}" => presented = Some(value.clone()),
            t if !t.starts_with('{') && value != t => {
                return Reply::json(
                    400,
                    json!({"error": {"message": format!("Unsupported {key} {value}"), "type": "OAuthException", "code": 100}}),
                )
            }
            _ => {}
        }
    }
    let token = presented.unwrap_or_default();
    let grant = if refreshing {
        match state.access.get(&token) {
            Some((expiry, family))
                if *expiry > Instant::now() && !state.revoked_families.contains(family) =>
            {
                Grant {
                    scopes: state.access_scopes.get(&token).cloned().unwrap_or_default(),
                    family: *family,
                    ..Grant::default()
                }
            }
            _ => {
                return Reply::json(
                    400,
                    json!({"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException", "code": 190, "error_subcode": 463}}),
                )
            }
        }
    } else {
        match state.short_lived.remove(&token) {
            Some(grant) => grant,
            None => {
                return Reply::json(
                    400,
                    json!({"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}}),
                )
            }
        }
    };
    // Long-lived Meta tokens: 60 days.
    let body = issue_access(state, config, &grant, 60 * 24 * 3600);
    Reply::json(200, body)
}

pub(super) fn revoke(form: &HashMap<String, String>, state: &mut State) -> Reply {
    let token = form.get("token").cloned().unwrap_or_default();
    let family = state
        .refresh
        .get(&token)
        .map(|g| g.family)
        .or_else(|| state.access.get(&token).map(|(_, f)| *f));
    if let Some(family) = family {
        state.revoked_families.insert(family);
    }
    // RFC 7009 §2.2: 200 whether or not the token was known.
    Reply::json(200, json!({}))
}
