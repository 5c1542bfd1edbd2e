//! The provider catalog: what differs between providers, as data.
//!
//! The embedded `catalog.toml` is merged with `<config dir>/providers.toml` (same format),
//! so a user adds or overrides a provider without touching code. Code branches on the
//! declared behaviour of a provider, never on its name.

pub mod credentials;
mod discovery;
pub mod granted;
pub mod identity;
pub mod pages;
mod summary;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::oauth::wire::{self, Envelope, Exchange, TokenFormat, Wire};

pub use credentials::{
    lookup as lookup_setting, read_env_file, resolve as resolve_credentials, Credentials, EnvFile,
};
pub use discovery::{discover, ServerMetadata};
pub use summary::{find, Instances, Loader, OAuth1Keys, Summary};

const EMBEDDED_CATALOG: &str = include_str!("catalog.toml");

/// Whether the provider wants a PKCE challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PkceRule {
    /// The provider refuses requests without PKCE.
    #[default]
    Required,
    /// Sent anyway: PKCE costs nothing where it is ignored.
    Accepted,
    /// Never sent: the provider rejects the parameters, or Postiz does not send them and
    /// the provider does not require them (Slack), so neither does the tool.
    Unsupported,
}

/// How the client authenticates at the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum ClientAuth {
    /// HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1).
    Basic,
    /// `client_id` and `client_secret` in the form body.
    Post,
    /// Public client: `client_id` in the body, no secret.
    None,
}

impl ClientAuth {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientAuth::Basic => "basic",
            ClientAuth::Post => "post",
            ClientAuth::None => "none",
        }
    }

    /// The RFC 8414 `token_endpoint_auth_methods_supported` name.
    pub fn metadata_name(self) -> &'static str {
        match self {
            ClientAuth::Basic => "client_secret_basic",
            ClientAuth::Post => "client_secret_post",
            ClientAuth::None => "none",
        }
    }
}

/// How the PKCE challenge is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PkceEncoding {
    /// base64url(SHA-256(verifier)), RFC 7636.
    #[default]
    Base64url,
    /// Lower-case hex of SHA-256(verifier) (TikTok's desktop apps).
    Hex,
}

/// The shape of the token endpoint's error answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ErrorFormat {
    /// `{"error": "invalid_grant", "error_description": ...}` (RFC 6749 §5.2).
    #[default]
    Oauth,
    /// Meta's Graph API: `{"error": {"message", "type": "OAuthException", "code", ...}}`.
    Graph,
    /// Slack: HTTP 200 with `{"ok": false, "error": "invalid_code"}`.
    Slack,
}

/// Where the provider reports the scopes the user actually granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum GrantedScopes {
    /// A field of the token response (`granted_scopes_field`, default `scope`): a string
    /// with any separator or a JSON array.
    #[default]
    TokenResponse,
    /// A separate call: `granted_scopes_endpoint` (Meta's /me/permissions, Google's
    /// tokeninfo).
    Endpoint,
    /// The provider does not say; assume what was requested (RFC 6749 §5.1).
    NotReported,
}

/// A call that lists the granted scopes.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ScopesEndpoint {
    /// May contain `{access_token}`; otherwise the token goes in a Bearer header.
    pub url: String,
    /// JSON pointer to the list (or string) of scopes.
    pub items: String,
    /// Within each item: the scope name (items that are objects).
    pub scope: Option<String>,
    /// Within each item: a status field, and the value meaning granted.
    pub status: Option<String>,
    pub granted: Option<String>,
}

/// How tokens are renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RefreshStyle {
    /// `grant_type=refresh_token` at the token endpoint (or `url`), RFC 6749 §6.
    #[default]
    RefreshToken,
    /// The long-lived access token itself is exchanged for a new one (Meta's
    /// `ig_refresh_token`, `th_refresh_token`): `url` + `params`.
    AccessToken,
    /// Tokens cannot be refreshed; reconnect when they stop working.
    None,
}

/// The refresh rule of a provider; stored with each channel.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct RefreshRule {
    #[serde(default)]
    pub style: RefreshStyle,
    /// Another endpoint than the token endpoint.
    pub url: Option<String>,
    /// Extra parameters (`{placeholders}` as in long-lived exchanges, plus `{scopes}` and
    /// `{redirect_uri}` of the connection, bound when it is stored, and `{state}`, a fresh
    /// random value for each refresh: VK's `state` and `scope`, Pinterest's `scope` and
    /// `redirect_uri`).
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// The provider refuses to refresh a token younger than this (seconds).
    pub min_age: Option<u64>,
    /// Shown when refresh is impossible or limited.
    pub note: Option<String>,
}

impl RefreshRule {
    /// The rule as stored with one connection: `{scopes}` (the requested scopes joined
    /// the provider's way) and `{redirect_uri}` filled in; other placeholders stay for
    /// refresh time.
    pub fn bind(&self, scopes: &str, redirect_uri: &str) -> RefreshRule {
        let values = BTreeMap::from([("scopes", scopes), ("redirect_uri", redirect_uri)]);
        let mut bound = self.clone();
        for template in bound.params.values_mut() {
            *template = wire::fill_known(template, &values);
        }
        bound
    }
}

/// Two-step providers: after the login, the user picks a page, channel, blog or location.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pages {
    /// What a choice is called ("page", "channel", "blog", "location").
    pub kind: String,
    /// The list call; may contain `{parent}` when `parent` is set.
    pub url: String,
    /// JSON pointers: the array, and within each item its id, name, own access token.
    pub items: String,
    pub id: String,
    pub name: String,
    pub token: Option<String>,
    /// What is known of a page's own token's lifetime, shown instead of refreshing it
    /// (the token response's expiry is the user's, not the page's).
    pub token_note: Option<String>,
    /// The lifetime to record for a page's own token, in seconds, when its issuer gives
    /// none: Postiz records Meta page channels as expiring 59 days after the connect and
    /// asks for a reconnect then. Without it, a page token is recorded as not expiring.
    pub token_expires_in: Option<u64>,
    /// Only items where this pointer exists are choices (Instagram accounts of pages).
    pub require: Option<String>,
    /// Only items whose value at each pointer is one of the listed ones are choices
    /// (LinkedIn: `"/role" = ["ADMINISTRATOR", "CONTENT_ADMINISTRATOR"]`).
    #[serde(default)]
    pub only: BTreeMap<String, Vec<String>>,
    /// Headers every listing call sends (LinkedIn's Rest.li protocol version).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Pointer to the next page's URL (Graph API `paging.next`).
    pub next: Option<String>,
    /// Or a continuation token sent back as a query parameter (Google's `nextPageToken`).
    pub page_token: Option<PageToken>,
    /// The stored id built from the item's id and its parent's (Postiz's Google Business
    /// location id: `{parent}/{id}` = `accounts/A/locations/L`).
    pub id_format: Option<String>,
    /// A first listing whose ids fill `{parent}` (Google Business accounts).
    pub parent: Option<PagesParent>,
    /// More listings with the same item shape, merged by id (Meta's Business Manager
    /// pages: `/{business}/owned_pages`, `/{business}/client_pages`).
    #[serde(default)]
    pub more: Vec<PagesSource>,
}

/// Another listing of the same kind of item.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PagesSource {
    pub url: String,
    pub parent: Option<PagesParent>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PagesParent {
    pub url: String,
    pub items: String,
    pub id: String,
    pub page_token: Option<PageToken>,
}

/// Token pagination: the next page is the same URL with `param` set to the token found
/// at `pointer`; no token, no more pages.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PageToken {
    pub pointer: String,
    pub param: String,
}

/// Whether the provider accepts a loopback redirect URI on any port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoopbackPort {
    /// Any port of 127.0.0.1 matches the registered loopback URI, as RFC 8252 §7.3 asks
    /// of authorization servers (Google's desktop clients, TikTok's `*` port): the
    /// random free port this tool picks works.
    Any,
    /// The port is compared with the registered URI like the rest of it: a random port
    /// fails with `redirect_uri_mismatch`, so a fixed `--port` must be registered.
    Exact,
}

/// Dynamic client registration when no client id is given (Mastodon's POST /api/v1/apps).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub url: String,
    /// Form parameters; `{redirect_uri}` and `{scopes}` are filled in.
    pub params: BTreeMap<String, String>,
}

/// OAuth 1.0a three-legged flow (X as Postiz runs it).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OAuth1 {
    pub request_token_url: String,
    pub authorize_url: String,
    pub access_token_url: String,
    /// Extra parameters of the request-token call (`x_auth_access_type = "write"`).
    #[serde(default)]
    pub request_params: BTreeMap<String, String>,
    pub consumer_key_env: Vec<String>,
    pub consumer_secret_env: Vec<String>,
    /// The identity call, signed with the user's token; the provider's identity pointers
    /// apply.
    pub identity_url: String,
    /// Shown when the request-token call fails.
    pub callback_rules: Option<String>,
    /// Invalidates an access token (X: POST oauth/invalidate_token), used by `logout`.
    pub invalidate_url: Option<String>,
    /// Postiz connects this provider with OAuth 1.0a only (X): its OAuth 2.0 variables
    /// are this tool's own, and a Postiz `.env` with the consumer key means OAuth 1.0a.
    #[serde(default)]
    pub postiz: bool,
}

/// Where the account behind a token is looked up, and which JSON fields name it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    pub url: Option<String>,
    /// JSON pointers (RFC 6901) into the response.
    pub id: Option<String>,
    pub username: Option<String>,
    pub name: Option<String>,
    /// The token response itself names the account (Slack's `team`, Discord's `guild`):
    /// the pointers apply to it and no identity call is made.
    #[serde(default)]
    pub in_token_response: bool,
    /// A header that must carry the client id on identity calls (Twitch: `Client-Id`).
    pub client_id_header: Option<String>,
    /// `post` sends a form body (VK's user_info); default `get`.
    #[serde(default)]
    pub method: Option<String>,
    /// Send the access token as this parameter instead of a Bearer header.
    pub token_param: Option<String>,
    /// Send the access token raw in this header instead (TikTok Business `Access-Token`).
    pub token_header: Option<String>,
    /// Extra parameters; `{client_id}` is filled in.
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// A JSON pointer into the token response for the id, when Postiz takes it from
    /// there (TikTok Business's `open_id`).
    pub token_id: Option<String>,
    /// Characters Postiz removes from the id before storing it (TikTok: `-`).
    pub id_remove: Option<String>,
}

/// One catalog entry.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    #[serde(skip_deserializing)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub authorize_url: Option<String>,
    pub token_url: Option<String>,
    pub revoke_url: Option<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default = "default_separator")]
    pub scope_separator: String,
    #[serde(default)]
    pub pkce: PkceRule,
    #[serde(default = "default_client_auth")]
    pub client_auth: ClientAuth,
    #[serde(default)]
    pub granted_scopes: GrantedScopes,
    #[serde(default = "default_scope_field")]
    pub granted_scopes_field: String,
    pub granted_scopes_endpoint: Option<ScopesEndpoint>,
    #[serde(default)]
    pub pkce_encoding: PkceEncoding,
    /// How the token request is encoded (`form`, `multipart`, `json`, `query`, `get`).
    #[serde(default)]
    pub token_format: TokenFormat,
    /// The name of the client id parameter, in the authorization and token requests
    /// (TikTok: `client_key`).
    #[serde(default = "wire::default_client_id_param")]
    pub client_id_param: String,
    /// Another name for the client id in the authorization request only (TikTok Business
    /// authorizes with `client_key` and exchanges with `client_id`).
    pub authorize_client_id_param: Option<String>,
    /// The name of the code parameter in the token request (TikTok Business: `auth_code`).
    #[serde(default = "wire::default_code_param")]
    pub code_param: String,
    pub token_envelope: Option<Envelope>,
    /// How token-endpoint errors look (the sandbox answers in this shape).
    #[serde(default)]
    pub error_format: ErrorFormat,
    /// Callback parameters to send with the token request and keep for refresh (VK's
    /// `device_id`).
    #[serde(default)]
    pub callback_params: Vec<String>,
    /// Extra parameters of the code exchange, as the provider (or Postiz) sends them:
    /// `{state}` (the authorization request's), `{scopes}` (the requested scopes joined
    /// with `scope_separator`) and `{redirect_uri}` are filled in (Mastodon's `scope`,
    /// TikTok's `code_verifier` equal to the state).
    #[serde(default)]
    pub token_params: BTreeMap<String, String>,
    /// Exchange the first access token for a long-lived one (Meta).
    pub long_lived: Option<Exchange>,
    #[serde(default)]
    pub refresh: RefreshRule,
    pub pages: Option<Pages>,
    pub registration: Option<Registration>,
    pub oauth1: Option<OAuth1>,
    /// The path of this tool's loopback redirect, when the provider wants another than
    /// `/callback` (TikTok's portals want a trailing slash).
    pub loopback_path: Option<String>,
    /// The redirect Postiz sends ends in `/` (TikTok Business).
    #[serde(default)]
    pub postiz_trailing_slash: bool,
    /// Postiz wraps a non-https FRONTEND_URL as `https://redirectmeto.com/<url>`.
    #[serde(default)]
    pub postiz_https_wrapper: bool,
    /// OpenID Connect server: `offline_access` needs `prompt=consent` (OIDC Core §11).
    #[serde(default)]
    pub openid: bool,
    /// One entry serves many servers (any OAuth server, any instance): channel names
    /// carry the server's host (`custom:alice@auth.example.com`), so the same user name
    /// on two servers makes two channels.
    #[serde(default)]
    pub channel_host: bool,
    /// Extra query parameters on the authorization request.
    #[serde(default)]
    pub authorize_params: BTreeMap<String, String>,
    #[serde(default)]
    pub client_id_env: Vec<String>,
    #[serde(default)]
    pub client_secret_env: Vec<String>,
    /// The provider's id inside Postiz, when it differs from ours.
    pub postiz_id: Option<String>,
    /// The Postiz variables its redirect URI is built on, first set wins
    /// (`${VAR}/integrations/social/<postiz_id>`).
    #[serde(default = "default_postiz_url_env")]
    pub postiz_url_env: Vec<String>,
    pub docs: Option<String>,
    /// What the provider demands of redirect URIs, in words, for error messages.
    pub redirect_rules: Option<String>,
    /// How it compares the port of a loopback redirect URI (`any` or `exact`); unset
    /// when unknown. Decides whether a random port is fine or a fixed `--port` is needed.
    pub loopback_port: Option<LoopbackPort>,
    /// What its authorization page shows when the redirect URI is not registered
    /// (Facebook's "URL Blocked"), so `doctor --url` can name it.
    pub mismatch_page: Option<String>,
    #[serde(default)]
    pub identity: Identity,
    /// Why each scope matters, shown when one is missing.
    #[serde(default)]
    pub scope_purposes: BTreeMap<String, String>,
    /// For providers that run on many hosts (Mastodon): URLs are written with `{base}`,
    /// replaced by `--instance`, the first of `base_url_env` that is set, or this default.
    pub base_url: Option<String>,
    #[serde(default)]
    pub base_url_env: Vec<String>,
    /// Advertised by the server (RFC 9207): callbacks must carry `iss`.
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub require_iss: bool,
}

fn default_scope_field() -> String {
    "scope".to_string()
}

fn default_separator() -> String {
    " ".to_string()
}

fn default_postiz_url_env() -> Vec<String> {
    vec!["FRONTEND_URL".to_string()]
}

fn default_client_auth() -> ClientAuth {
    ClientAuth::Basic
}

impl Provider {
    /// The token request's shape on the wire.
    pub fn wire(&self) -> Wire {
        Wire {
            format: self.token_format,
            client_id_param: self.client_id_param.clone(),
            code_param: self.code_param.clone(),
            envelope: self.token_envelope.clone(),
        }
    }

    /// The loopback redirect URI to register, with `<port>` for the port.
    pub fn loopback_redirect(&self) -> String {
        format!(
            "http://127.0.0.1:<port>{}",
            self.loopback_path.as_deref().unwrap_or("/callback")
        )
    }

    pub fn scope_purpose(&self, scope: &str) -> Option<&str> {
        self.scope_purposes.get(scope).map(String::as_str)
    }

    /// Whether any endpoint is written with the `{base}` placeholder.
    pub fn needs_base(&self) -> bool {
        self.url_fields().iter().any(|u| u.contains(BASE))
    }

    /// Replace `{base}` in every endpoint with the instance URL.
    pub fn apply_base(&mut self, base: &str) -> Result<(), Error> {
        let parsed = url::Url::parse(base).map_err(|e| {
            Error::Usage(format!(
                "instance URL '{base}' is not a URL ({e}); example: https://mastodon.social"
            ))
        })?;
        if !matches!(parsed.scheme(), "https" | "http") {
            return Err(Error::Usage(format!(
                "instance URL '{base}' must be http(s)"
            )));
        }
        let base = base.trim_end_matches('/');
        for url in self.urls_mut() {
            *url = url.replace(BASE, base);
        }
        self.base_url = Some(base.to_string());
        Ok(())
    }

    /// Every URL of the entry, to rewrite them all (instances, the sandbox).
    pub fn urls_mut(&mut self) -> Vec<&mut String> {
        let mut urls: Vec<&mut String> = [
            &mut self.authorize_url,
            &mut self.token_url,
            &mut self.revoke_url,
            &mut self.identity.url,
            &mut self.refresh.url,
        ]
        .into_iter()
        .flatten()
        .collect();
        if let Some(e) = &mut self.granted_scopes_endpoint {
            urls.push(&mut e.url);
        }
        if let Some(e) = &mut self.long_lived {
            urls.push(&mut e.url);
        }
        if let Some(p) = &mut self.pages {
            urls.push(&mut p.url);
            if let Some(parent) = &mut p.parent {
                urls.push(&mut parent.url);
            }
            for source in &mut p.more {
                urls.push(&mut source.url);
                if let Some(parent) = &mut source.parent {
                    urls.push(&mut parent.url);
                }
            }
        }
        if let Some(r) = &mut self.registration {
            urls.push(&mut r.url);
        }
        if let Some(o) = &mut self.oauth1 {
            urls.extend([
                &mut o.request_token_url,
                &mut o.authorize_url,
                &mut o.access_token_url,
                &mut o.identity_url,
            ]);
            if let Some(u) = &mut o.invalidate_url {
                urls.push(u);
            }
        }
        urls
    }

    fn url_fields(&self) -> Vec<String> {
        self.clone()
            .urls_mut()
            .into_iter()
            .map(|u| u.clone())
            .collect()
    }
}

/// GET a provider API answering JSON (page lists, granted scopes), with a Bearer token
/// unless the URL carries it; an error answer is reported with the provider's words.
pub(crate) fn get_json(
    http: &crate::http::HttpClient,
    url: &str,
    bearer: Option<&str>,
    headers: &[(&str, &str)],
) -> Result<serde_json::Value, Error> {
    use crate::oauth::errors::{ProviderError, Stage};
    let response = http.get(url, bearer, headers)?;
    let status = response.status().as_u16();
    let body: Option<serde_json::Value> = serde_json::from_slice(response.body()).ok();
    body.filter(|_| (200..300).contains(&status))
        .ok_or_else(|| {
            Error::Token(ProviderError::from_response(
                Stage::Lookup,
                status,
                response.body(),
            ))
        })
}

/// The longest provider id or alias.
const MAX_NAME: usize = 64;

const NAME_RULE: &str = "an id or alias is lowercase letters a-z, digits 0-9, '-' and '_', \
     starting with a letter or a digit, at most 64 characters";

/// A user catalog's id (or, with `of`, an alias of provider `of`) is a plain lowercase
/// name and not one of the `reserved` command names; else an error naming it, the file,
/// and a name to use instead.
fn check_name(
    name: &str,
    of: Option<&str>,
    reserved: &[String],
    origin: &str,
) -> Result<(), Error> {
    let plain = name.len() <= MAX_NAME
        && name.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    let taken = reserved.iter().any(|r| r == name);
    if plain && !taken {
        return Ok(());
    }
    // Debug formatting quotes the name and escapes anything unprintable in it.
    let shown = format!("{name:?}");
    let what = match of {
        None => format!("provider id {shown}"),
        Some(id) => format!("alias {shown} of provider {id:?}"),
    };
    let why = if taken {
        format!("is the name of the built-in command `{name}`, which it would replace")
    } else if name.starts_with('-') {
        "starts with '-', so the command line would read it as a flag".to_string()
    } else {
        "is not a plain lowercase name".to_string()
    };
    let instead = suggest_name(name, reserved);
    let fix = match of {
        None => format!("rename the table [{shown}] to [{instead}] in {origin}; {NAME_RULE}"),
        Some(_) => format!("replace the alias {shown} with \"{instead}\" in {origin}; {NAME_RULE}"),
    };
    Err(Error::Config {
        what: format!("{origin}: {what} {why}"),
        fix,
    })
}

/// A plain, unreserved name close to `name`, to offer in the error.
fn suggest_name(name: &str, reserved: &[String]) -> String {
    let mut out = String::new();
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out
        .trim_matches(['-', '_'])
        .chars()
        .take(MAX_NAME - "-provider".len())
        .collect();
    out = out.trim_end_matches(['-', '_']).to_string();
    if out.is_empty() {
        return "my-provider".into();
    }
    if reserved.contains(&out) {
        out.push_str("-provider");
    }
    out
}

/// The placeholder for a provider's instance URL in catalog endpoints.
pub const BASE: &str = "{base}";

/// All providers, embedded and user-defined.
#[derive(Debug, Clone)]
pub struct Catalog {
    providers: BTreeMap<String, Provider>,
}

impl Catalog {
    /// The embedded catalog only.
    pub fn embedded() -> Catalog {
        Catalog::parse(EMBEDDED_CATALOG, "the embedded catalog")
            .expect("the embedded catalog is valid (tested)")
    }

    /// The embedded catalog plus `providers.toml` in the config dir, if it exists.
    pub fn load(config_dir: &Path) -> Result<Catalog, Error> {
        Loader::new(config_dir).catalog()
    }

    pub fn parse(text: &str, origin: &str) -> Result<Catalog, Error> {
        let raw: BTreeMap<String, Provider> = toml::from_str(text).map_err(|e| Error::Config {
            what: format!("{origin} is not a valid provider catalog: {e}"),
            fix: "see README.md, \"Adding a provider\", for the format".into(),
        })?;
        let providers = raw
            .into_iter()
            .map(|(id, mut p)| {
                p.id = id.clone();
                (id, p)
            })
            .collect();
        Ok(Catalog { providers })
    }

    /// Look up by id or alias.
    pub fn get(&self, name: &str) -> Option<&Provider> {
        self.providers.get(name).or_else(|| {
            self.providers
                .values()
                .find(|p| p.aliases.iter().any(|a| a == name))
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = &Provider> {
        self.providers.values()
    }

    /// Look up by id or alias, or a usage error listing what exists.
    pub fn require(&self, name: &str) -> Result<&Provider, Error> {
        self.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.providers.keys().map(String::as_str).collect();
            Error::Usage(format!(
                "unknown provider '{name}'; known providers: {}",
                known.join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_parses_and_has_twitter_with_alias() {
        let catalog = Catalog::embedded();
        let x = catalog.get("x").expect("alias x");
        assert_eq!(x.id, "twitter");
        assert_eq!(x.pkce, PkceRule::Required);
        assert_eq!(x.client_auth, ClientAuth::Basic);
        assert!(x.scopes.contains(&"offline.access".to_string()));
        assert_eq!(x.identity.username.as_deref(), Some("/data/username"));
        for p in catalog.iter() {
            for scope in &p.scopes {
                assert!(
                    p.scope_purpose(scope).is_some(),
                    "{}: scope {scope} has no purpose",
                    p.id
                );
            }
        }
    }

    #[test]
    fn user_catalog_overrides_and_adds() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("providers.toml"),
            r#"
[acme]
name = "Acme"
authorize_url = "https://acme.test/auth"
token_url = "https://acme.test/token"
scopes = ["post"]
scope_separator = ","
client_auth = "post"
"#,
        )
        .unwrap();
        let catalog = Catalog::load(dir.path()).unwrap();
        let acme = catalog.get("acme").unwrap();
        assert_eq!(acme.scope_separator, ",");
        assert_eq!(acme.client_auth, ClientAuth::Post);
        assert!(catalog.get("twitter").is_some());
    }

    #[test]
    fn malformed_user_catalog_is_a_config_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("providers.toml"), "[acme]\nname = 3\n").unwrap();
        let err = Catalog::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("providers.toml"), "{err}");
        assert_eq!(err.exit_code(), crate::error::ExitCode::Config);
    }

    /// `Catalog::load` of a providers.toml with this text.
    fn load_user(text: &str) -> Result<Catalog, Error> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("providers.toml"), text).unwrap();
        Catalog::load(dir.path())
    }

    const ENTRY: &str = "name = \"N\"\nauthorize_url = \"https://a.test/auth\"\ntoken_url = \"https://a.test/token\"\nscopes = [\"s\"]\n";

    #[test]
    fn user_ids_named_like_a_command_or_a_flag_are_refused() {
        for (table, shown, instead) in [
            ("[status]", "\"status\"", "status-provider"),
            ("[help]", "\"help\"", "help-provider"),
            ("[token]", "\"token\"", "token-provider"),
            ("[\"--help\"]", "\"--help\"", "help-provider"),
            ("[\"-x\"]", "\"-x\"", "x"),
            ("[completions]", "\"completions\"", "completions-provider"),
        ] {
            let err = load_user(&format!("{table}\n{ENTRY}")).unwrap_err();
            let text = format!("{err}\n{}", err.fix().unwrap_or_default());
            assert_eq!(err.exit_code(), crate::error::ExitCode::Config, "{text}");
            assert!(text.contains(&format!("provider id {shown}")), "{text}");
            assert!(text.contains("providers.toml"), "names the file: {text}");
            assert!(
                text.contains(&format!("[{instead}]")),
                "offers {instead}: {text}"
            );
        }
        let err = load_user(&format!("[\"--help\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("flag"), "{err}");
        let err = load_user(&format!("[status]\n{ENTRY}")).unwrap_err();
        assert!(
            err.to_string().contains("built-in command `status`"),
            "{err}"
        );
    }

    #[test]
    fn user_ids_must_be_plain_lowercase_names() {
        for (table, instead) in [
            ("[Acme]", "acme"),
            ("[\"my site\"]", "my-site"),
            ("[\"a:b\"]", "a-b"),
            ("[\"x\\u001b[2J\"]", "x-2j"),
            ("[\"\"]", "my-provider"),
            ("[\"_x\"]", "x"),
        ] {
            let err = load_user(&format!("{table}\n{ENTRY}")).unwrap_err();
            let fix = err.fix().unwrap_or_default();
            assert!(
                err.to_string().contains("not a plain lowercase name"),
                "{table}: {err}"
            );
            assert!(fix.contains(&format!("[{instead}]")), "{table}: {fix}");
            assert!(fix.contains("lowercase letters a-z, digits 0-9"), "{fix}");
            assert!(!format!("{err}{fix}").contains('\u{1b}'), "escaped: {err}");
        }
        let long = "a".repeat(65);
        assert!(load_user(&format!("[{long}]\n{ENTRY}")).is_err());
        for ok in ["acme", "acme-2", "9gag", "a_b", "twitter"] {
            let catalog = load_user(&format!("[{ok}]\n{ENTRY}")).unwrap();
            assert!(catalog.get(ok).is_some(), "{ok}");
        }
    }

    #[test]
    fn user_aliases_follow_the_same_rules() {
        let err = load_user(&format!("[acme]\naliases = [\"doctor\"]\n{ENTRY}")).unwrap_err();
        assert!(
            err.to_string()
                .contains("alias \"doctor\" of provider \"acme\""),
            "{err}"
        );
        assert!(err.fix().unwrap().contains("\"doctor-provider\""));
        let err = load_user(&format!("[acme]\naliases = [\"-V\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("flag"), "{err}");
        assert!(load_user(&format!("[acme]\naliases = [\"ac\"]\n{ENTRY}")).is_ok());
    }

    #[test]
    fn a_user_name_taken_by_another_provider_is_refused() {
        // An alias `twitter` would run acme for `postiz-connect twitter`; an id `x` would
        // collide with twitter's alias.
        let err = load_user(&format!("[acme]\naliases = [\"twitter\"]\n{ENTRY}")).unwrap_err();
        assert!(
            err.to_string().contains(
                "alias \"twitter\" of provider \"acme\" is already a name of provider \"twitter\""
            ),
            "{err}"
        );
        assert!(err.fix().unwrap().contains("providers.toml"));
        assert!(err.fix().unwrap().contains("\"acme-twitter\""));
        let err = load_user(&format!("[x]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("provider id \"x\""), "{err}");
        assert!(err.fix().unwrap().contains("\"x-provider\""));
        // Replacing a built-in provider under its own id and alias is the documented way.
        let catalog = load_user(&format!("[twitter]\naliases = [\"x\"]\n{ENTRY}")).unwrap();
        assert_eq!(catalog.get("x").unwrap().name, "N");
        crate::cli::build_command(&catalog).debug_assert();
        let err = load_user(&format!("[acme]\naliases = [\"acme\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("twice"), "{err}");
        let err = load_user(&format!("[acme]\naliases = [\"a\", \"a\"]\n{ENTRY}")).unwrap_err();
        assert!(err.to_string().contains("twice"), "{err}");
    }

    #[test]
    fn embedded_ids_and_aliases_follow_the_rules() {
        let reserved = crate::cli::reserved_names();
        for p in Catalog::embedded().iter() {
            check_name(&p.id, None, &reserved, "embedded").unwrap();
            for alias in &p.aliases {
                check_name(alias, Some(&p.id), &reserved, "embedded").unwrap();
            }
        }
    }

    #[test]
    fn instance_placeholder_is_replaced_everywhere() {
        let mut m = Catalog::embedded().get("mastodon").unwrap().clone();
        assert!(m.needs_base());
        m.apply_base("https://fosstodon.org/").unwrap();
        assert!(!m.needs_base());
        assert_eq!(
            m.authorize_url.as_deref(),
            Some("https://fosstodon.org/oauth/authorize")
        );
        assert_eq!(
            m.identity.url.as_deref(),
            Some("https://fosstodon.org/api/v1/accounts/verify_credentials")
        );
        let mut m = Catalog::embedded().get("mastodon").unwrap().clone();
        assert!(m.apply_base("fosstodon.org").is_err());
        assert!(!Catalog::embedded().get("twitter").unwrap().needs_base());
    }

    #[test]
    fn refresh_rule_binds_the_connections_scopes_and_redirect_uri() {
        let vk = Catalog::embedded().get("vk").unwrap().refresh.clone();
        let bound = vk.bind("a b", "http://127.0.0.1:5/callback");
        assert_eq!(bound.params["scope"], "a b");
        // What only refresh time knows stays a placeholder.
        assert_eq!(bound.params["state"], "{state}");
        assert_eq!(bound.params["device_id"], "{device_id}");
        let pinterest = Catalog::embedded()
            .get("pinterest")
            .unwrap()
            .refresh
            .clone();
        let bound = pinterest.bind("x,y", "http://127.0.0.1:5/callback");
        assert_eq!(bound.params["redirect_uri"], "http://127.0.0.1:5/callback");
    }

    #[test]
    fn unknown_provider_lists_known_ones() {
        let err = Catalog::embedded().require("myspace").unwrap_err();
        assert!(err.to_string().contains("twitter"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A table name: fine, reserved, colliding, flag-like, quoted, or garbage.
        fn table() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => prop::sample::select(vec![
                    "acme", "twitter", "x", "status", "help", "connect", "\"--help\"", "\"-x\"",
                    "\"a b\"", "\"\"", "Acme", "\"acme\\u001b\"", "acme.identity",
                ])
                .prop_map(String::from),
                2 => "[a-z][a-z0-9_-]{0,8}",
                1 => any::<String>().prop_map(|s| toml::Value::String(s).to_string()),
                1 => any::<String>(),
            ]
        }

        /// A `key = value` line: catalog fields (other than those of `ENTRY`) with values
        /// of every type, or garbage.
        fn line() -> impl Strategy<Value = String> {
            let key = prop_oneof![
                8 => prop::sample::select(vec![
                    "aliases", "revoke_url", "scope_separator", "pkce", "client_auth",
                    "token_format", "granted_scopes", "error_format", "base_url", "identity",
                    "refresh", "openid", "callback_params", "code_param",
                ])
                .prop_map(String::from),
                1 => "[a-z_]{1,12}",
            ];
            let value = prop_oneof![
                12 => prop::sample::select(vec![
                    "\"N\"", "\"https://a.test/x\"", "\"{base}/oauth\"", "[\"s\"]", "[]",
                    "[\"status\"]", "[\"x\"]", "[\"twitter\"]", "[\"-V\"]", "[\"a\", \"a\"]",
                    "[\"acme\"]", "[\"ac\", \"acme-2\"]", "true", "3", "\"required\"",
                    "\"post\"", "\"json\"", "{ url = \"u\", id = \"/id\" }",
                    "{ style = \"none\" }", "\"\\u001b[2J\"", "'''multi\nline'''",
                ])
                .prop_map(String::from),
                2 => prop::collection::vec(any::<String>(), 0..3)
                    .prop_map(|v| toml::Value::from(v).to_string()),
                2 => any::<String>().prop_map(|s| toml::Value::String(s).to_string()),
                1 => any::<i64>().prop_map(|n| n.to_string()),
                1 => any::<String>(),
            ];
            prop_oneof![
                30 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
                1 => any::<String>(),
            ]
        }

        /// An id or alias: plain, reserved, colliding, flag-like, or anything.
        fn name() -> impl Strategy<Value = String> {
            prop_oneof![
                3 => prop::sample::select(vec![
                    "acme", "acme-2", "twitter", "x", "status", "help", "refresh", "--help",
                    "-V", "a b", "", "Acme", "a:b", "9gag", "_a",
                ])
                .prop_map(String::from),
                3 => "[a-z0-9][a-z0-9_-]{0,6}",
                1 => any::<String>(),
            ]
        }

        /// Valid entries whose ids and aliases are the variable part.
        fn named_entries() -> impl Strategy<Value = String> {
            prop::collection::vec((name(), prop::collection::vec(name(), 0..3)), 1..4).prop_map(
                |entries| {
                    entries
                        .into_iter()
                        .map(|(id, aliases)| {
                            format!(
                                "[{}]\n{ENTRY}aliases = {}\n",
                                toml::Value::String(id),
                                toml::Value::from(aliases)
                            )
                        })
                        .collect()
                },
            )
        }

        /// Tables, most with the fields a provider needs, then random lines; or valid
        /// entries with random names.
        fn toml_ish() -> impl Strategy<Value = String> {
            prop_oneof![loose_tables(), named_entries()]
        }

        fn loose_tables() -> impl Strategy<Value = String> {
            prop::collection::vec(
                (
                    table(),
                    prop::bool::weighted(0.8),
                    prop::collection::vec(line(), 0..4),
                ),
                0..4,
            )
            .prop_map(|tables| {
                tables
                    .into_iter()
                    .map(|(name, complete, lines)| {
                        let base = if complete { ENTRY } else { "" };
                        format!("[{name}]\n{base}{}\n", lines.join("\n"))
                    })
                    .collect()
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            #[test]
            fn any_text_is_a_catalog_or_an_error_naming_the_file(text in any::<String>()) {
                if let Err(e) = Catalog::parse(&text, "providers.toml") {
                    prop_assert!(e.to_string().contains("providers.toml"), "{}", e);
                }
            }

            #[test]
            fn toml_ish_catalogs_load_into_a_consistent_command_line_or_fail_with_a_fix(
                text in toml_ish()
            ) {
                match load_user(&text) {
                    // Whatever loads gives each command one meaning (clap asserts it).
                    Ok(catalog) => crate::cli::build_command(&catalog).debug_assert(),
                    Err(e) => {
                        prop_assert!(e.to_string().contains("providers.toml"), "{}", e);
                        prop_assert!(e.fix().is_some(), "{}", e);
                    }
                }
            }

            #[test]
            fn the_name_offered_instead_is_always_accepted(name in any::<String>()) {
                let reserved = crate::cli::reserved_names();
                let offered = suggest_name(&name, &reserved);
                prop_assert!(
                    check_name(&offered, None, &reserved, "f").is_ok(),
                    "{:?} -> {:?}", name, offered
                );
            }
        }
    }
}
