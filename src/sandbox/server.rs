//! The sandbox's HTTP endpoints: authorize (+ consent), token, identity, revoke.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use base64::Engine;
use rand::RngCore;
use serde_json::{json, Value};
use sha2::Digest;

use super::{Config, Fault, ACCOUNT, CLIENT_ID, CLIENT_SECRET};
use crate::providers::{ClientAuth, PkceRule};

#[derive(Clone)]
struct AuthRequest {
    redirect_uri: String,
    state: Option<String>,
    scopes: Vec<String>,
    challenge: Option<String>,
}

struct CodeGrant {
    request: AuthRequest,
    used: bool,
    family: u64,
}

#[derive(Clone)]
struct Grant {
    scopes: Vec<String>,
    family: u64,
}

#[derive(Default)]
struct State {
    pending: HashMap<String, AuthRequest>,
    codes: HashMap<String, CodeGrant>,
    refresh: HashMap<String, Grant>,
    spent_refresh: HashMap<String, u64>,
    access: HashMap<String, (Instant, u64)>,
    revoked_families: HashSet<u64>,
    next_family: u64,
    token_requests: u32,
}

struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.to_string(),
            headers: vec![],
        }
    }
    fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body,
            headers: vec![],
        }
    }
    fn redirect(location: String) -> Reply {
        Reply {
            status: 302,
            content_type: "text/plain",
            body: String::new(),
            headers: vec![("Location", location)],
        }
    }
    fn oauth_error(status: u16, code: &str, description: &str) -> Reply {
        Reply::json(
            status,
            json!({"error": code, "error_description": description}),
        )
    }
}

pub(super) fn spawn(
    server: Arc<tiny_http::Server>,
    config: Config,
    base: String,
) -> JoinHandle<()> {
    let state = Arc::new(Mutex::new(State::default()));
    let config = Arc::new(config);
    thread::spawn(move || {
        while let Ok(request) = server.recv() {
            let (state, config, base) = (Arc::clone(&state), Arc::clone(&config), base.clone());
            // One thread per request, so a slow fault does not stall the others.
            thread::spawn(move || handle(request, &state, &config, &base));
        }
    })
}

fn handle(mut request: tiny_http::Request, state: &Mutex<State>, config: &Config, base: &str) {
    let mut body = String::new();
    let _ = request.as_reader().take(1 << 20).read_to_string(&mut body);
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let authorization = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Authorization"))
        .map(|h| h.value.as_str().to_string());
    let client_id_header = config
        .provider
        .identity
        .client_id_header
        .as_deref()
        .map(|name| {
            request
                .headers()
                .iter()
                .find(|h| h.field.to_string().eq_ignore_ascii_case(name))
                .map(|h| h.value.as_str().to_string())
        });
    let post = *request.method() == tiny_http::Method::Post;
    let reply = {
        let mut state = state.lock().expect("sandbox state");
        match (path, post) {
            ("/oauth/authorize", false) => authorize(&params(query), &mut state, config, base),
            ("/oauth/consent", true) => consent(&params(&body), &mut state, config),
            ("/oauth/token", true) => {
                token(&params(&body), authorization.as_deref(), &mut state, config)
            }
            ("/oauth/revoke", true) => revoke(&params(&body), &mut state),
            ("/identity", _) => match &client_id_header {
                // The provider wants its client id on identity calls (Twitch's Client-Id).
                Some(value) if value.as_deref() != Some(CLIENT_ID) => Reply::oauth_error(
                    401,
                    "invalid_client",
                    "the identity call must carry the client id header",
                ),
                _ => identity(authorization.as_deref(), &state, config),
            },
            _ => Reply::html(404, "<h1>Not found</h1>".into()),
        }
    };
    for fault in &config.faults {
        if let Fault::Slow(delay) = fault {
            thread::sleep(*delay);
        }
    }
    let mut response = tiny_http::Response::from_string(reply.body)
        .with_status_code(reply.status)
        .with_header(
            tiny_http::Header::from_bytes("Content-Type", reply.content_type).expect("static"),
        );
    for (name, value) in reply.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name, value.as_bytes()) {
            response = response.with_header(h);
        }
    }
    let _ = request.respond(response);
}

fn params(raw: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(raw.as_bytes())
        .into_owned()
        .collect()
}

fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

fn has(config: &Config, fault: &Fault) -> bool {
    config.faults.contains(fault)
}

fn split_scopes(raw: &str, separator: &str) -> Vec<String> {
    raw.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn is_loopback_redirect(uri: &str) -> bool {
    url::Url::parse(uri).is_ok_and(|u| {
        u.scheme() == "http"
            && matches!(
                u.host_str(),
                Some("127.0.0.1") | Some("localhost") | Some("[::1]")
            )
    })
}

fn with_query(uri: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = url::Url::parse(uri).expect("validated redirect URI");
    url.query_pairs_mut().extend_pairs(pairs);
    url.to_string()
}

fn authorize(q: &HashMap<String, String>, state: &mut State, config: &Config, base: &str) -> Reply {
    let provider = &config.provider;
    if q.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
        return Reply::html(
            400,
            page("Unknown client", &format!("client_id must be {CLIENT_ID}")),
        );
    }
    let redirect_uri = q.get("redirect_uri").cloned().unwrap_or_default();
    if has(config, &Fault::RedirectMismatch) || !is_loopback_redirect(&redirect_uri) {
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
        challenge,
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

fn consent(form: &HashMap<String, String>, state: &mut State, config: &Config) -> Reply {
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
    if !approved || has(config, &Fault::AccessDenied) {
        pairs.push(("error".into(), "access_denied".into()));
        pairs.push((
            "error_description".into(),
            "The user declined the request".into(),
        ));
    } else {
        if has(config, &Fault::ScopeDowngrade) && request.scopes.len() > 1 {
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
        pairs.push(("code".into(), code));
    }
    if let (Some(s), false) = (&request.state, has(config, &Fault::StateDrop)) {
        pairs.push(("state".into(), s.clone()));
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Reply::redirect(with_query(&request.redirect_uri, &borrowed))
}

fn client_ok(
    form: &HashMap<String, String>,
    authorization: Option<&str>,
    auth: ClientAuth,
) -> Result<(), Reply> {
    let basic = authorization
        .and_then(|h| h.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|d| String::from_utf8(d).ok());
    let ok = match auth {
        ClientAuth::Basic => basic.as_deref() == Some(&format!("{CLIENT_ID}:{CLIENT_SECRET}")),
        ClientAuth::Post => {
            form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
                && form.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET)
        }
        ClientAuth::None => {
            form.get("client_id").map(String::as_str) == Some(CLIENT_ID) && basic.is_none()
        }
    };
    if ok {
        return Ok(());
    }
    let how = match auth {
        ClientAuth::Basic => "HTTP Basic with the client id and secret",
        ClientAuth::Post => "client_id and client_secret in the form body",
        ClientAuth::None => "client_id in the body, no secret (a public client)",
    };
    Err(Reply::oauth_error(
        401,
        "invalid_client",
        &format!("client authentication failed: this provider expects {how}"),
    ))
}

fn token(
    form: &HashMap<String, String>,
    authorization: Option<&str>,
    state: &mut State,
    config: &Config,
) -> Reply {
    state.token_requests += 1;
    if has(config, &Fault::ServerError) {
        return Reply::html(503, "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>upstream unavailable</body></html>".into());
    }
    if has(config, &Fault::RateLimit) && state.token_requests == 1 {
        let mut reply = Reply::oauth_error(429, "rate_limited", "Too many requests");
        reply.headers.push(("Retry-After", "1".into()));
        return reply;
    }
    if has(config, &Fault::InvalidClient) {
        return Reply::oauth_error(401, "invalid_client", "client authentication failed");
    }
    if let Err(reply) = client_ok(form, authorization, config.provider.client_auth) {
        return reply;
    }
    if has(config, &Fault::InvalidGrant) {
        return Reply::oauth_error(
            400,
            "invalid_grant",
            "The provided authorization grant is invalid, expired or revoked",
        );
    }
    let grant = match form.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let code = form.get("code").cloned().unwrap_or_default();
            let Some(entry) = state.codes.get_mut(&code) else {
                return Reply::oauth_error(400, "invalid_grant", "unknown authorization code");
            };
            if entry.used {
                let family = entry.family;
                state.revoked_families.insert(family);
                return Reply::oauth_error(400, "invalid_grant", "authorization code already used");
            }
            entry.used = true;
            if form.get("redirect_uri") != Some(&entry.request.redirect_uri) {
                return Reply::oauth_error(
                    400,
                    "invalid_grant",
                    "redirect_uri does not match the authorization request",
                );
            }
            if let Some(challenge) = &entry.request.challenge {
                let verifier = form.get("code_verifier").cloned().unwrap_or_default();
                let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(sha2::Sha256::digest(verifier.as_bytes()));
                if &computed != challenge {
                    return Reply::oauth_error(
                        400,
                        "invalid_grant",
                        "code_verifier does not match the code_challenge",
                    );
                }
            }
            Grant {
                scopes: entry.request.scopes.clone(),
                family: entry.family,
            }
        }
        Some("refresh_token") => {
            let presented = form.get("refresh_token").cloned().unwrap_or_default();
            if let Some(family) = state.spent_refresh.get(&presented).copied() {
                // A rotated token spent twice: revoke the whole grant, as real servers do.
                state.revoked_families.insert(family);
                return Reply::oauth_error(400, "invalid_grant", "refresh token already used");
            }
            let Some(grant) = state.refresh.get(&presented).cloned() else {
                return Reply::oauth_error(
                    400,
                    "invalid_grant",
                    "unknown or revoked refresh token",
                );
            };
            if state.revoked_families.contains(&grant.family) {
                return Reply::oauth_error(400, "invalid_grant", "the grant was revoked");
            }
            if has(config, &Fault::RotateRefresh) {
                state.refresh.remove(&presented);
                state.spent_refresh.insert(presented, grant.family);
            }
            grant
        }
        other => {
            return Reply::oauth_error(
                400,
                "unsupported_grant_type",
                &format!("grant_type {other:?} is not supported"),
            )
        }
    };
    let ttl = if has(config, &Fault::ExpireFast) {
        5
    } else {
        config.access_ttl
    };
    let access = random_token("at");
    state.access.insert(
        access.clone(),
        (Instant::now() + Duration::from_secs(ttl), grant.family),
    );
    let mut body = json!({
        "access_token": access,
        "token_type": "bearer",
        "expires_in": ttl,
        "scope": grant.scopes.join(&config.provider.scope_separator),
    });
    if config.provider.identity.in_token_response {
        identity_fields(&mut body, config);
    }
    let first_issue = form.get("grant_type").map(String::as_str) == Some("authorization_code");
    if first_issue || has(config, &Fault::RotateRefresh) {
        let refresh = random_token("rt");
        state.refresh.insert(refresh.clone(), grant.clone());
        body["refresh_token"] = Value::String(refresh);
    }
    Reply::json(200, body)
}

fn revoke(form: &HashMap<String, String>, state: &mut State) -> Reply {
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

fn identity(authorization: Option<&str>, state: &State, config: &Config) -> Reply {
    let token = authorization
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or_default();
    match state.access.get(token) {
        Some((expiry, family))
            if *expiry > Instant::now() && !state.revoked_families.contains(family) => {}
        _ => {
            return Reply::oauth_error(
                401,
                "invalid_token",
                "the access token is invalid, expired or revoked",
            )
        }
    }
    let mut body = json!({});
    identity_fields(&mut body, config);
    Reply::json(200, body)
}

/// The account, in the JSON shape the catalog's pointers describe (OIDC claims when the
/// catalog names none).
fn identity_fields(body: &mut Value, config: &Config) {
    let id = &config.provider.identity;
    let fields = [
        (&id.id, "1001"),
        (&id.username, ACCOUNT),
        (&id.name, "Sandbox User"),
    ];
    if fields.iter().all(|(pointer, _)| pointer.is_none()) {
        for (key, value) in [
            ("sub", "1001"),
            ("preferred_username", ACCOUNT),
            ("name", "Sandbox User"),
        ] {
            body[key] = Value::String(value.into());
        }
        return;
    }
    for (pointer, value) in fields {
        if let Some(pointer) = pointer {
            set_pointer(body, pointer, Value::String(value.into()));
        }
    }
}

/// Create `value` at a JSON pointer, building the objects on the way.
fn set_pointer(root: &mut Value, pointer: &str, value: Value) {
    let mut node = root;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let map = match node {
            Value::Object(map) => map,
            other => {
                *other = json!({});
                other.as_object_mut().expect("just made an object")
            }
        };
        if i + 1 == parts.len() {
            map.insert((*part).to_string(), value);
            return;
        }
        node = map.entry((*part).to_string()).or_insert_with(|| json!({}));
    }
}

fn page(title: &str, message: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{t}</title></head><body><h1>{t}</h1><p>{m}</p></body></html>",
        t = html_escape::encode_text(title),
        m = html_escape::encode_text(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_build_nested_identity() {
        let mut v = json!({});
        set_pointer(&mut v, "/data/username", json!("u"));
        set_pointer(&mut v, "/data/id", json!("1"));
        assert_eq!(v, json!({"data": {"username": "u", "id": "1"}}));
    }

    #[test]
    fn only_loopback_redirects() {
        assert!(is_loopback_redirect("http://127.0.0.1:5/callback"));
        assert!(is_loopback_redirect("http://localhost:5/callback"));
        assert!(!is_loopback_redirect("https://evil.example/callback"));
        assert!(!is_loopback_redirect("not a url"));
    }
}
