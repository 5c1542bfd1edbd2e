//! The provider catalog's schema: what differs between providers, as plain data (the
//! format of the embedded `catalog.toml` and of a user's `providers.toml`, docs/providers.md
//! "Adding a provider"). Loading and merging catalogs is `providers`' job; using an entry
//! (HTTP calls, the authorization request) is `providers`' and `oauth`'s.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::wire::{Envelope, Exchange, TokenFormat, Wire};

/// The placeholder for a provider's instance URL in catalog endpoints.
pub const BASE: &str = "{base}";

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
            *template = super::template::fill_known(template, &values);
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
    /// Pointer to the page's handle, which Postiz stores as the row's `profile` (YouTube's
    /// `customUrl`, a Facebook page's `username`, a LinkedIn page's `vanityName`).
    pub handle: Option<String>,
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
    #[serde(default = "super::wire::default_client_id_param")]
    pub client_id_param: String,
    /// Another name for the client id in the authorization request only (TikTok Business
    /// authorizes with `client_key` and exchanges with `client_id`).
    pub authorize_client_id_param: Option<String>,
    /// The name of the code parameter in the token request (TikTok Business: `auth_code`).
    #[serde(default = "super::wire::default_code_param")]
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
