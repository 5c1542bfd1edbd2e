//! The authorization endpoint: the request checked the way the provider checks it
//! (client, redirect URI, response type, its own parameters, PKCE), then the consent
//! page a person answers, or an answer at once with `--auto-approve`, and the redirect
//! back with a code or an error.

use std::collections::HashMap;

use super::fixtures::random_token;
use super::http::{page, with_query, Reply};
use super::state::{AuthRequest, CodeGrant, State};
use crate::providers::PkceRule;
use crate::sandbox::client::{ACCOUNT, CLIENT_ID};
use crate::sandbox::config::Config;
use crate::sandbox::faults::Fault;

fn split_scopes(raw: &str, separator: &str) -> Vec<String> {
    raw.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn is_loopback_redirect(uri: &str) -> bool {
    url::Url::parse(uri).is_ok_and(|u| crate::browser::is_loopback(&u))
}

pub(super) fn authorize(
    q: &HashMap<String, String>,
    state: &mut State,
    config: &Config,
    base: &str,
) -> Reply {
    let provider = &config.provider;
    let id_param = provider
        .authorize_client_id_param
        .as_deref()
        .unwrap_or(&provider.client_id_param);
    let client_id = q.get(id_param).map(String::as_str);
    if client_id != Some(CLIENT_ID)
        && !client_id.is_some_and(|id| state.registered.contains_key(id))
    {
        return Reply::html(
            400,
            page(
                "Unknown client",
                &format!("{id_param} must be {CLIENT_ID} or a registered client"),
            ),
        );
    }
    let redirect_uri = q.get("redirect_uri").cloned().unwrap_or_default();
    if config.has(&Fault::RedirectMismatch) || !is_loopback_redirect(&redirect_uri) {
        return Reply::html(
            400,
            page("Error 400: redirect_uri_mismatch", &format!("The redirect URI in the request, {redirect_uri}, does not match the ones authorized for the OAuth client.")),
        );
    }
    let reject = |code: &str, description: &str| {
        let mut pairs = vec![("error", code), ("error_description", description)];
        if let Some(s) = q.get("state") {
            pairs.push(("state", s));
        }
        Reply::redirect(with_query(&redirect_uri, &pairs))
    };
    if q.get("response_type").map(String::as_str) != Some("code") {
        return reject("unsupported_response_type", "response_type must be code");
    }
    // The provider's own authorize parameters (Reddit's duration, Google's access_type).
    for (key, value) in &provider.authorize_params {
        if q.get(key) != Some(value) {
            return reject(
                "invalid_request",
                &format!("{key}={value} is required by this provider"),
            );
        }
    }
    let challenge = q.get("code_challenge").cloned();
    match (
        provider.pkce,
        &challenge,
        q.get("code_challenge_method").map(String::as_str),
    ) {
        (PkceRule::Required, None, _) => {
            return reject(
                "invalid_request",
                "PKCE is required (code_challenge missing)",
            )
        }
        (PkceRule::Unsupported, Some(_), _) => {
            return reject(
                "invalid_request",
                "code_challenge is not supported by this provider",
            )
        }
        (_, Some(_), method) if method != Some("S256") => {
            return reject("invalid_request", "code_challenge_method must be S256")
        }
        _ => {}
    }
    let request = AuthRequest {
        redirect_uri: redirect_uri.clone(),
        state: q.get("state").cloned(),
        scopes: split_scopes(
            q.get("scope").map(String::as_str).unwrap_or_default(),
            &provider.scope_separator,
        ),
        scope_raw: q.get("scope").cloned().unwrap_or_default(),
        challenge,
        extra: provider
            .callback_params
            .iter()
            .map(|name| (name.clone(), random_token(name)))
            .collect(),
    };
    if config.auto_approve {
        return decide(request, true, state, config);
    }
    let id = random_token("consent");
    let scopes: String = request
        .scopes
        .iter()
        .map(|s| format!("<li><code>{}</code></li>", html_escape::encode_text(s)))
        .collect();
    state.pending.insert(id.clone(), request);
    Reply::html(
        200,
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox {name}: authorize</title></head>\
<body style=\"font-family:system-ui;max-width:36rem;margin:3rem auto\">\
<h1>{name} (sandbox)</h1><p>postiz-connect asks to connect <b>{ACCOUNT}</b> with these permissions:</p><ul>{scopes}</ul>\
<form method=\"post\" action=\"{base}/oauth/consent\"><input type=\"hidden\" name=\"id\" value=\"{id}\">\
<button name=\"decision\" value=\"approve\">Approve</button> <button name=\"decision\" value=\"deny\">Cancel</button></form>\
<p><small>A local emulation of {name}'s OAuth endpoints; nothing leaves this machine.</small></p></body></html>",
            name = html_escape::encode_text(&config.provider.name),
        ),
    )
}

pub(super) fn consent(form: &HashMap<String, String>, state: &mut State, config: &Config) -> Reply {
    let Some(request) = form.get("id").and_then(|id| state.pending.remove(id)) else {
        return Reply::html(
            400,
            page(
                "Expired",
                "This consent page was already used or has expired; start again.",
            ),
        );
    };
    let approved = form.get("decision").map(String::as_str) == Some("approve");
    decide(request, approved, state, config)
}

fn decide(mut request: AuthRequest, approved: bool, state: &mut State, config: &Config) -> Reply {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if !approved || config.has(&Fault::AccessDenied) {
        pairs.push(("error".into(), "access_denied".into()));
        pairs.push((
            "error_description".into(),
            "The user declined the request".into(),
        ));
    } else {
        if config.has(&Fault::ScopeDowngrade) && request.scopes.len() > 1 {
            request.scopes.pop();
        }
        let code = random_token("code");
        state.next_family += 1;
        let family = state.next_family;
        state.codes.insert(
            code.clone(),
            CodeGrant {
                request: request.clone(),
                used: false,
                family,
            },
        );
        pairs.push((config.provider.code_param.clone(), code));
        pairs.extend(request.extra.iter().cloned());
    }
    if let (Some(s), false) = (&request.state, config.has(&Fault::StateDrop)) {
        pairs.push(("state".into(), s.clone()));
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Reply::redirect(with_query(&request.redirect_uri, &borrowed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_redirects() {
        assert!(is_loopback_redirect("http://127.0.0.1:5/callback"));
        assert!(is_loopback_redirect("http://localhost:5/callback"));
        assert!(!is_loopback_redirect("https://evil.example/callback"));
        assert!(!is_loopback_redirect("not a url"));
    }
}
