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
use crate::oauth::wire::TokenFormat;
use crate::providers::{ClientAuth, ErrorFormat, PkceEncoding, PkceRule, RefreshStyle};

#[derive(Clone)]
struct AuthRequest {
    redirect_uri: String,
    state: Option<String>,
    scopes: Vec<String>,
    /// The `scope` parameter as it was sent (what `{scopes}` must equal later).
    scope_raw: String,
    challenge: Option<String>,
    /// Parameters added to the callback and required back (VK's `device_id`).
    extra: Vec<(String, String)>,
}

struct CodeGrant {
    request: AuthRequest,
    used: bool,
    family: u64,
}

#[derive(Clone, Default)]
struct Grant {
    scopes: Vec<String>,
    family: u64,
    /// Callback parameters the refresh must carry again (VK's device_id).
    extra: Vec<(String, String)>,
    /// The authorization request's `scope` and redirect URI, for refresh parameters that
    /// must repeat them (Pinterest's `scope` and `redirect_uri`, VK's `scope`).
    scope_raw: String,
    redirect_uri: String,
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
    /// Clients registered through the registration endpoint: id → secret.
    registered: HashMap<String, String>,
    /// Short-lived tokens not yet exchanged for long-lived ones (Meta).
    short_lived: HashMap<String, Grant>,
    /// Scopes of each access token, for the granted-scopes endpoint.
    access_scopes: HashMap<String, Vec<String>>,
    oauth1: super::oauth1::State,
}

/// A request as the sandbox sees it: every parameter, and how they were sent.
pub(super) struct Incoming {
    pub post: bool,
    pub format: TokenFormat,
    pub params: HashMap<String, String>,
    pub authorization: Option<String>,
    pub headers: Vec<(String, String)>,
    pub url: String,
}

impl Incoming {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub(super) struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub(super) fn text(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "application/x-www-form-urlencoded",
            body,
            headers: vec![],
        }
    }
    pub(super) fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.to_string(),
            headers: vec![],
        }
    }
    pub(super) fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body,
            headers: vec![],
        }
    }
    pub(super) fn redirect(location: String) -> Reply {
        Reply {
            status: 302,
            content_type: "text/plain",
            body: String::new(),
            headers: vec![("Location", location)],
        }
    }
    pub(super) fn oauth_error(status: u16, code: &str, description: &str) -> Reply {
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
    let incoming = read(&mut request);
    let path = incoming
        .url
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string();
    let provider = &config.provider;
    let reply = {
        let mut state = state.lock().expect("sandbox state");
        let st = &mut *state;
        match path.as_str() {
            "/oauth/authorize" if !incoming.post => authorize(&incoming.params, st, config, base),
            "/oauth/consent" if incoming.post => consent(&incoming.params, st, config),
            "/oauth/refresh" if provider.refresh.style == RefreshStyle::AccessToken => {
                long_lived(&incoming, st, config)
            }
            "/oauth/token" | "/oauth/refresh" => token(&incoming, st, config),
            "/oauth/long-lived" => long_lived(&incoming, st, config),
            "/oauth/revoke" if incoming.post => revoke(&incoming.params, st),
            "/scopes" => scopes_endpoint(&incoming, st, config),
            "/pages" | "/pages/parents" => pages(&incoming, &path, st, config, base),
            more if more.starts_with("/pages/more/") => more_pages(&incoming, more, st, config),
            "/register" | "/api/v1/apps" if incoming.post => register(&incoming, st),
            "/oauth1/request_token"
            | "/oauth1/authorize"
            | "/oauth1/access_token"
            | "/oauth1/invalidate_token" => {
                super::oauth1::handle(&path, &incoming, &mut st.oauth1, config, base)
            }
            "/identity" | "/api/v1/accounts/verify_credentials" => {
                match provider.identity.client_id_header.as_deref() {
                    // The provider wants its client id on identity calls (Twitch's Client-Id).
                    Some(name) if incoming.header(name) != Some(CLIENT_ID) => Reply::oauth_error(
                        401,
                        "invalid_client",
                        "the identity call must carry the client id header",
                    ),
                    _ => identity(&incoming, st, config),
                }
            }
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

/// Every parameter of a request, from the query and a form, JSON or multipart body, and
/// which of those encodings carried them.
fn read(request: &mut tiny_http::Request) -> Incoming {
    let mut body = Vec::new();
    let _ = request.as_reader().take(1 << 20).read_to_end(&mut body);
    let url = request.url().to_string();
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|h| (h.field.to_string(), h.value.as_str().to_string()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let post = *request.method() == tiny_http::Method::Post;
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    let mut all = params(query);
    let content_type = header("Content-Type").unwrap_or_default();
    let format = if !post {
        TokenFormat::Get
    } else if content_type.starts_with("application/json") {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(&body) {
            for (k, v) in map {
                let v = v
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string());
                all.insert(k, v);
            }
        }
        TokenFormat::Json
    } else if content_type.starts_with("multipart/form-data") {
        all.extend(multipart_fields(&content_type, body));
        TokenFormat::Multipart
    } else if body.is_empty() && !query.is_empty() {
        TokenFormat::Query
    } else {
        all.extend(params(&String::from_utf8_lossy(&body)));
        TokenFormat::Form
    };
    Incoming {
        post,
        format,
        params: all,
        authorization: header("Authorization"),
        headers,
        url,
    }
}

fn multipart_fields(content_type: &str, body: Vec<u8>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return out;
    };
    let stream = futures_util::stream::once(async move {
        Ok::<bytes::Bytes, std::convert::Infallible>(bytes::Bytes::from(body))
    });
    let mut multipart = multer::Multipart::new(stream, boundary);
    futures_executor::block_on(async {
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_string();
            if let Ok(text) = field.text().await {
                out.insert(name, text);
            }
        }
    });
    out
}

pub(super) fn params(raw: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(raw.as_bytes())
        .into_owned()
        .collect()
}

pub(super) fn random_token(prefix: &str) -> String {
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

pub(super) fn with_query(uri: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = url::Url::parse(uri).expect("validated redirect URI");
    url.query_pairs_mut().extend_pairs(pairs);
    url.to_string()
}

fn authorize(q: &HashMap<String, String>, state: &mut State, config: &Config, base: &str) -> Reply {
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
        pairs.push((config.provider.code_param.clone(), code));
        pairs.extend(request.extra.iter().cloned());
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

fn token(incoming: &Incoming, state: &mut State, config: &Config) -> Reply {
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
    if has(config, &Fault::ServerError) {
        return Reply::html(503, "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>upstream unavailable</body></html>".into());
    }
    if has(config, &Fault::RateLimit) && state.token_requests == 1 {
        let mut reply = Reply::oauth_error(429, "rate_limited", "Too many requests");
        reply.headers.push(("Retry-After", "1".into()));
        return reply;
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
    if has(config, &Fault::InvalidClient) {
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
    if has(config, &Fault::InvalidGrant) {
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
            if has(config, &Fault::RotateRefresh) {
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
    let refreshable = provider.refresh.style == RefreshStyle::RefreshToken;
    if refreshable && (first_issue || has(config, &Fault::RotateRefresh)) {
        let refresh = random_token("rt");
        state.refresh.insert(refresh.clone(), grant.clone());
        body["refresh_token"] = Value::String(refresh);
    }
    if let Some(pointer) = &provider.identity.token_id {
        // The account id lives in the token response (TikTok Business's open_id).
        set_pointer(&mut body, pointer, json!("1001"));
    }
    if provider.token_envelope.is_some() {
        body["open_id"] = Value::String("1001".into());
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
    let ttl = if has(config, &Fault::ExpireFast) {
        5
    } else {
        ttl
    };
    let access = random_token("at");
    state.access.insert(
        access.clone(),
        (Instant::now() + Duration::from_secs(ttl), grant.family),
    );
    state
        .access_scopes
        .insert(access.clone(), grant.scopes.clone());
    let mut body = json!({
        "access_token": access,
        "token_type": "bearer",
        "expires_in": ttl,
    });
    if provider.granted_scopes == crate::providers::GrantedScopes::TokenResponse {
        body[provider.granted_scopes_field.as_str()] =
            Value::String(grant.scopes.join(&provider.scope_separator));
    }
    body
}

/// Meta's long-lived exchange and `*_refresh_token` grants: a GET with the access token
/// and the declared parameters.
fn long_lived(incoming: &Incoming, state: &mut State, config: &Config) -> Reply {
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

/// The granted-scopes call, in the shape the catalog's pointers describe.
fn scopes_endpoint(incoming: &Incoming, state: &State, config: &Config) -> Reply {
    let Some(endpoint) = &config.provider.granted_scopes_endpoint else {
        return Reply::html(404, "<h1>Not found</h1>".into());
    };
    let token = bearer_or_param(incoming, "access_token");
    let Some(scopes) = live_token(state, &token)
        .then(|| state.access_scopes.get(&token).cloned().unwrap_or_default())
    else {
        return Reply::oauth_error(401, "invalid_token", "the access token is invalid");
    };
    let mut body = json!({});
    let list = match &endpoint.scope {
        Some(scope_ptr) => {
            let mut items: Vec<Value> = scopes
                .iter()
                .map(|s| {
                    item_with(
                        scope_ptr,
                        s,
                        endpoint.status.as_deref(),
                        endpoint.granted.as_deref(),
                    )
                })
                .collect();
            // One declined permission, which must not count as granted.
            items.push(item_with(
                scope_ptr,
                "sandbox_declined",
                endpoint.status.as_deref(),
                Some("declined"),
            ));
            Value::Array(items)
        }
        None => Value::String(scopes.join(" ")),
    };
    set_pointer(&mut body, &endpoint.items, list);
    Reply::json(200, body)
}

fn item_with(
    scope_ptr: &str,
    scope: &str,
    status_ptr: Option<&str>,
    status: Option<&str>,
) -> Value {
    let mut item = json!({});
    set_pointer(&mut item, scope_ptr, json!(scope));
    if let (Some(p), Some(v)) = (status_ptr, status) {
        set_pointer(&mut item, p, json!(v));
    }
    item
}

/// Two pages (the second behind a `next` link when the provider paginates), or per
/// parent one location.
fn pages(incoming: &Incoming, path: &str, state: &State, config: &Config, base: &str) -> Reply {
    let Some(pages) = &config.provider.pages else {
        return Reply::html(404, "<h1>Not found</h1>".into());
    };
    let token = bearer_or_param(incoming, "access_token");
    if !live_token(state, &token) {
        return Reply::oauth_error(401, "invalid_token", "the access token is invalid");
    }
    let missing: Vec<String> = pages
        .headers
        .iter()
        .filter(|(name, value)| incoming.header(name) != Some(value.as_str()))
        .map(|(name, value)| format!("{name}: {value}"))
        .collect();
    if !missing.is_empty() {
        return Reply::json(
            400,
            json!({"status": 400, "message": format!("this API needs the headers {}", missing.join(", "))}),
        );
    }
    let make = |id: &str, name: &str, with_token: bool| {
        let mut item = json!({});
        set_pointer(&mut item, &pages.id, json!(id));
        set_pointer(&mut item, &pages.name, json!(name));
        if let (Some(p), true) = (&pages.token, with_token) {
            set_pointer(&mut item, p, json!(format!("page-token-{id}")));
        }
        for (pointer, allowed) in &pages.only {
            if let Some(value) = allowed.first() {
                set_pointer(&mut item, pointer, json!(value));
            }
        }
        item
    };
    // Token pagination: the second page is asked for with the token "p2".
    let asked_for_page_two = |paging: Option<&crate::providers::PageToken>| {
        paging.is_some_and(|t| incoming.params.get(&t.param).map(String::as_str) == Some("p2"))
    };
    let mut body = json!({});
    if path == "/pages/parents" {
        let parent = pages
            .parent
            .as_ref()
            .expect("parents are served only when declared");
        let second = asked_for_page_two(parent.page_token.as_ref());
        let mut item = json!({});
        let id = if second { "accounts/78" } else { "accounts/77" };
        set_pointer(&mut item, &parent.id, json!(id));
        set_pointer(&mut body, &parent.items, json!([item]));
        if let (Some(paging), false) = (&parent.page_token, second) {
            set_pointer(&mut body, &paging.pointer, json!("p2"));
        }
        return Reply::json(200, body);
    }
    let paginated = pages.next.is_some() || pages.page_token.is_some();
    let second_page = incoming.params.get("page").map(String::as_str) == Some("2")
        || asked_for_page_two(pages.page_token.as_ref());
    let mut items = Vec::new();
    if let Some(parent) = incoming.params.get("parent") {
        // Google Business: an account's locations are "locations/<id>"; the first
        // account's carry the names the tests pick by.
        let n = parent.rsplit('/').next().unwrap_or_default();
        let name = match (n, second_page) {
            ("77", false) => "Sandbox Page".to_string(),
            ("77", true) => "Sandbox Page Two".to_string(),
            (_, false) => format!("Sandbox Location {n}"),
            (_, true) => format!("Sandbox Location {n} Two"),
        };
        let id = format!("locations/{n}{}", if second_page { 2 } else { 1 });
        items.push(make(&id, &name, true));
    } else if second_page {
        items.push(make("2002", "Sandbox Page Two", true));
    } else {
        items.push(make("2001", "Sandbox Page", true));
        if !paginated {
            items.push(make("2002", "Sandbox Page Two", true));
        }
        if let Some(required) = &pages.require {
            // A page without the required link (a Facebook page with no Instagram account).
            let mut bare = json!({"id": "2999", "name": "Not eligible"});
            if let Some(map) = bare.as_object_mut() {
                // Make sure the required link really is absent.
                map.remove(required.trim_start_matches('/'));
            }
            items.push(bare);
        }
        if !pages.only.is_empty() {
            // A page the login may see but not post to (a LinkedIn ANALYST role).
            let mut viewer = make("2998", "Not eligible", false);
            for pointer in pages.only.keys() {
                set_pointer(&mut viewer, pointer, json!("NOT_ALLOWED"));
            }
            items.push(viewer);
        }
    }
    set_pointer(&mut body, &pages.items, Value::Array(items));
    if !second_page {
        if let Some(paging) = &pages.page_token {
            set_pointer(&mut body, &paging.pointer, json!("p2"));
        } else if let (Some(next), None) = (&pages.next, incoming.params.get("parent")) {
            set_pointer(&mut body, next, json!(format!("{base}/pages?page=2")));
        }
    }
    Reply::json(200, body)
}

/// The extra listings (Meta's Business Manager pages): one page of their own each, and
/// the first page again, which the client must not list twice.
fn more_pages(incoming: &Incoming, path: &str, state: &State, config: &Config) -> Reply {
    let Some(pages) = &config.provider.pages else {
        return Reply::html(404, "<h1>Not found</h1>".into());
    };
    if !live_token(state, &bearer_or_param(incoming, "access_token")) {
        return Reply::oauth_error(401, "invalid_token", "the access token is invalid");
    }
    let rest = path.trim_start_matches("/pages/more/");
    let (index, parents) = match rest.split_once('/') {
        Some((i, "parents")) => (i, true),
        _ => (rest, false),
    };
    let Some(source) = index.parse::<usize>().ok().and_then(|i| pages.more.get(i)) else {
        return Reply::html(404, "<h1>Not found</h1>".into());
    };
    let mut body = json!({});
    if parents {
        let Some(parent) = &source.parent else {
            return Reply::html(404, "<h1>Not found</h1>".into());
        };
        let mut item = json!({});
        set_pointer(&mut item, &parent.id, json!("biz-1"));
        set_pointer(&mut body, &parent.items, json!([item]));
        return Reply::json(200, body);
    }
    let item = |id: String, name: String| {
        let mut item = json!({});
        set_pointer(&mut item, &pages.id, json!(id));
        set_pointer(&mut item, &pages.name, json!(name));
        if let Some(p) = &pages.token {
            set_pointer(&mut item, p, json!(format!("page-token-{id}")));
        }
        item
    };
    let items = vec![
        item(format!("300{index}"), format!("Business Page {index}")),
        item("2001".into(), "Sandbox Page".into()),
    ];
    set_pointer(&mut body, &pages.items, Value::Array(items));
    Reply::json(200, body)
}

/// Dynamic client registration (Mastodon's POST /api/v1/apps).
fn register(incoming: &Incoming, state: &mut State) -> Reply {
    let p = &incoming.params;
    let Some(redirect) = p.get("redirect_uris").filter(|r| !r.is_empty()) else {
        return Reply::json(
            422,
            json!({"error": "Validation failed: Redirect URI must be an absolute URI."}),
        );
    };
    if p.get("client_name").is_none_or(|n| n.is_empty()) {
        return Reply::json(
            422,
            json!({"error": "Validation failed: Application name can't be blank"}),
        );
    }
    let id = random_token("app");
    let secret = random_token("appsecret");
    state.registered.insert(id.clone(), secret.clone());
    Reply::json(
        200,
        json!({"id": "1", "name": p["client_name"], "redirect_uri": redirect, "client_id": id, "client_secret": secret}),
    )
}

fn bearer_or_param(incoming: &Incoming, param: &str) -> String {
    incoming
        .authorization
        .as_deref()
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::to_string)
        .or_else(|| incoming.params.get(param).cloned())
        .unwrap_or_default()
}

fn live_token(state: &State, token: &str) -> bool {
    matches!(state.access.get(token), Some((expiry, family)) if *expiry > Instant::now() && !state.revoked_families.contains(family))
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

fn identity(incoming: &Incoming, state: &State, config: &Config) -> Reply {
    let id = &config.provider.identity;
    let token = match (&id.token_param, &id.token_header) {
        (Some(param), _) => incoming.params.get(param).cloned().unwrap_or_default(),
        (None, Some(header)) => incoming.header(header).unwrap_or_default().to_string(),
        (None, None) => incoming
            .authorization
            .as_deref()
            .and_then(|h| h.strip_prefix("Bearer "))
            .unwrap_or_default()
            .to_string(),
    };
    if id.method.as_deref() == Some("post") && !incoming.post {
        return Reply::oauth_error(405, "invalid_request", "the identity call is a POST");
    }
    let oauth1_user = super::oauth1::identity(incoming, &state.oauth1, config);
    if !live_token(state, &token) && !oauth1_user {
        return Reply::oauth_error(
            401,
            "invalid_token",
            "the access token is invalid, expired or revoked",
        );
    }
    let mut body = json!({});
    identity_fields(&mut body, config);
    Reply::json(200, body)
}

/// The account, in the JSON shape the catalog's pointers describe (OIDC claims when the
/// catalog names none).
pub(super) fn identity_fields(body: &mut Value, config: &Config) {
    let id = &config.provider.identity;
    // An id in the provider's own shape: with the characters Postiz removes from it
    // (TikTok's open_id has hyphens), so the stored one shows they were removed.
    let account_id = match id.id_remove.as_deref() {
        Some(chars) if !chars.is_empty() => format!("10{chars}01"),
        _ => "1001".to_string(),
    };
    let fields = [
        (&id.id, account_id.as_str()),
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
    // RFC 6901 escapes: `~1` is `/`, `~0` is `~`.
    let parts: Vec<String> = pointer
        .trim_start_matches('/')
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let map = match node {
            Value::Object(map) => map,
            other => {
                *other = json!({});
                other.as_object_mut().expect("just made an object")
            }
        };
        if i + 1 == parts.len() {
            map.insert(part.clone(), value);
            return;
        }
        node = map.entry(part.clone()).or_insert_with(|| json!({}));
    }
}

pub(super) fn page(title: &str, message: &str) -> String {
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
