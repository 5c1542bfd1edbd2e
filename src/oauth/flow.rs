//! The provider-agnostic authorization-code flow: the authorization request (PKCE S256,
//! one-time state), the code exchange, refresh, revocation and introspection.
//!
//! `oauth2` builds the authorization URL and provides the PKCE verifier and challenge,
//! the CSRF state and the secret types (`ClientSecret`, `PkceCodeVerifier`,
//! `AccessToken`...: `Debug` redacts them). Every request to the token endpoint goes
//! through one path, `wire::request_token`, which follows the catalog's rules for every
//! provider alike and returns failures as values.

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, ClientId, CsrfToken, EndpointNotSet, EndpointSet, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope,
};

use super::token::TokenResponse;
use super::wire::{self, TokenRequest};
use crate::error::provider::{ProviderError, Stage};
use crate::error::Error;
use crate::http::{HttpClient, HttpResponse};
use crate::model::{ClientCredentials, Endpoints};
use crate::model::{
    Exchange, PkceEncoding, PkceRule, Provider, RefreshRule, RefreshStyle, TokenFormat, Wire,
};
use std::collections::BTreeMap;

/// `oauth2`'s client, for the authorization URL only.
type AuthorizeClient =
    BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet>;

impl ClientCredentials {
    /// `oauth2`'s client for the authorization URL. The token and revocation URLs are
    /// checked here too, so a bad one is reported before the browser opens.
    fn authorize_client(&self, endpoints: &Endpoints) -> Result<AuthorizeClient, Error> {
        let bad = |what: &str, url: &str, e: &dyn std::fmt::Display| Error::Config {
            what: format!("the {what} URL '{url}' is invalid: {e}"),
            fix: "check the provider's endpoints (postiz-connect providers, or the flags)".into(),
        };
        let auth = AuthUrl::new(endpoints.authorize_url.clone())
            .map_err(|e| bad("authorization", &endpoints.authorize_url, &e))?;
        url::Url::parse(&endpoints.token_url)
            .map_err(|e| bad("token", &endpoints.token_url, &e))?;
        if let Some(u) = &endpoints.revoke_url {
            url::Url::parse(u).map_err(|e| bad("revocation", u, &e))?;
        }
        Ok(BasicClient::new(ClientId::new(self.id.clone())).set_auth_uri(auth))
    }
}

/// One authorization request: the URL for the browser and what the callback must match.
pub struct AuthorizationRequest {
    pub url: String,
    pub state: CsrfToken,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pkce_verifier: Option<PkceCodeVerifier>,
    /// The provider's extra code-exchange parameters, filled in (`token_params`).
    token_params: Vec<(String, String)>,
}

impl AuthorizationRequest {
    pub fn new(
        provider: &Provider,
        endpoints: &Endpoints,
        client: &ClientCredentials,
        scopes: &[String],
        redirect_uri: &str,
    ) -> Result<AuthorizationRequest, Error> {
        let oauth = client.authorize_client(endpoints)?.set_redirect_uri(
            RedirectUrl::new(redirect_uri.to_string()).map_err(|e| {
                Error::Usage(format!("redirect URI '{redirect_uri}' is invalid: {e}"))
            })?,
        );
        // 32 random bytes (256 bits) from the OS CSPRNG, base64url.
        let mut builder = oauth.authorize_url(|| CsrfToken::new_random_len(32));
        if provider.scope_separator == " " {
            builder = builder.add_scopes(scopes.iter().cloned().map(Scope::new));
        } else if !scopes.is_empty() {
            builder = builder.add_extra_param("scope", scopes.join(&provider.scope_separator));
        }
        let pkce_verifier = match provider.pkce {
            PkceRule::Unsupported => None,
            PkceRule::Required | PkceRule::Accepted => {
                // 32 random bytes: a 43-character verifier (RFC 7636 §4.1).
                let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
                builder = match provider.pkce_encoding {
                    PkceEncoding::Base64url => builder.set_pkce_challenge(challenge),
                    PkceEncoding::Hex => builder
                        .add_extra_param("code_challenge", hex_sha256(verifier.secret()))
                        .add_extra_param("code_challenge_method", "S256"),
                };
                Some(verifier)
            }
        };
        for (key, value) in &provider.authorize_params {
            builder = builder.add_extra_param(key.clone(), value.clone());
        }
        // OpenID Connect Core §11: offline_access is ignored without prompt=consent.
        if provider.openid
            && scopes.iter().any(|s| s == "offline_access")
            && !provider.authorize_params.contains_key("prompt")
        {
            builder = builder.add_extra_param("prompt", "consent");
        }
        let (mut url, state) = builder.url();
        let id_param = provider
            .authorize_client_id_param
            .as_deref()
            .unwrap_or(&provider.client_id_param);
        if id_param != "client_id" {
            // oauth2 always writes `client_id`; some providers call it otherwise.
            let pairs: Vec<(String, String)> = url
                .query_pairs()
                .map(|(k, v)| match k.as_ref() {
                    "client_id" => (id_param.to_string(), v.into_owned()),
                    _ => (k.into_owned(), v.into_owned()),
                })
                .collect();
            url.query_pairs_mut().clear().extend_pairs(pairs);
        }
        let joined = scopes.join(&provider.scope_separator);
        let values = BTreeMap::from([
            ("state", state.secret().as_str()),
            ("scopes", joined.as_str()),
            ("redirect_uri", redirect_uri),
        ]);
        let token_params = provider
            .token_params
            .iter()
            .map(|(key, template)| Ok((key.clone(), fill_param(template, &values)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(AuthorizationRequest {
            url: url.to_string(),
            state,
            redirect_uri: redirect_uri.to_string(),
            scopes: scopes.to_vec(),
            pkce_verifier,
            token_params,
        })
    }

    /// Exchange the code; consumes the request so the verifier is used once. `extra` are
    /// callback parameters the provider wants back (VK's `device_id`).
    pub fn exchange(
        self,
        code: &str,
        extra: &BTreeMap<String, String>,
        endpoints: &Endpoints,
        client: &ClientCredentials,
        wire: &Wire,
        http: &HttpClient,
    ) -> Result<TokenResponse, Error> {
        let verifier = self.pkce_verifier.as_ref().map(|v| v.secret().as_str());
        let mut params = code_grant(wire, code, &self.redirect_uri, verifier);
        params.extend(extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        params.extend(self.token_params.iter().cloned());
        let request = TokenRequest::grant(Stage::Token, &endpoints.token_url, params, client);
        wire::request_token(wire, request, http)
    }
}

/// Send a deliberately invalid code to the token endpoint: a server that checks the client
/// first answers `invalid_client` for bad credentials and `invalid_grant` for good ones,
/// so this tells whether the credentials work without a user.
pub fn probe_client(
    endpoints: &Endpoints,
    client: &ClientCredentials,
    wire: &Wire,
    http: &HttpClient,
) -> Result<(), Error> {
    const CODE: &str = "postiz-connect-doctor-probe";
    const VERIFIER: &str = "postiz-connect-doctor-probe-verifier-0000000";
    const REDIRECT: &str = "http://127.0.0.1/callback";
    // Sent the way this provider expects, so the answer is about the credentials.
    let params = code_grant(wire, CODE, REDIRECT, Some(VERIFIER));
    let request = TokenRequest::grant(Stage::Token, &endpoints.token_url, params, client);
    wire::request_token(wire, request, http).map(|_| ())
}

/// The parameters of an authorization-code grant, with the provider's name for `code`.
fn code_grant(
    wire: &Wire,
    code: &str,
    redirect_uri: &str,
    verifier: Option<&str>,
) -> Vec<(String, String)> {
    let mut params = vec![
        ("grant_type".to_string(), "authorization_code".to_string()),
        (wire.code_param.clone(), code.to_string()),
        ("redirect_uri".to_string(), redirect_uri.to_string()),
    ];
    if let Some(verifier) = verifier {
        params.push(("code_verifier".into(), verifier.to_string()));
    }
    params
}

/// What a refresh works from.
pub struct Renewal<'a> {
    pub refresh_token: Option<&'a str>,
    pub access_token: &'a str,
    pub endpoints: &'a Endpoints,
    pub client: &'a ClientCredentials,
    pub wire: &'a Wire,
    pub rule: &'a RefreshRule,
    /// Stored callback parameters (`{device_id}`).
    pub callback_params: &'a BTreeMap<String, String>,
}

/// Renew the tokens the way the provider does: `grant_type=refresh_token`, or an
/// exchange of the access token itself (Meta).
pub fn refresh(renewal: &Renewal<'_>, http: &HttpClient) -> Result<TokenResponse, Error> {
    let rule = renewal.rule;
    match rule.style {
        RefreshStyle::None => Err(Error::Rejected {
            what: "this provider's tokens cannot be refreshed".into(),
            fix: rule
                .note
                .clone()
                .unwrap_or_else(|| "reconnect the channel when it stops working".into()),
        }),
        RefreshStyle::AccessToken => {
            let url = rule
                .url
                .clone()
                .unwrap_or_else(|| renewal.endpoints.token_url.clone());
            let exchange = Exchange {
                url,
                params: rule.params.clone(),
            };
            let state = fresh_state();
            let mut values = placeholder_values(renewal);
            values.insert("state", &state);
            call_exchange(&exchange, &values, renewal.wire, Stage::Refresh, http)
        }
        RefreshStyle::RefreshToken => {
            let refresh_token = renewal.refresh_token.ok_or_else(|| Error::Rejected {
                what: "there is no refresh token".into(),
                fix: "reconnect the channel".into(),
            })?;
            let state = fresh_state();
            let mut values = placeholder_values(renewal);
            values.insert("state", &state);
            let mut params = vec![
                ("grant_type".to_string(), "refresh_token".to_string()),
                ("refresh_token".to_string(), refresh_token.to_string()),
            ];
            for (key, template) in &rule.params {
                params.push((key.clone(), fill_param(template, &values)?));
            }
            let url = rule.url.as_deref().unwrap_or(&renewal.endpoints.token_url);
            let request = TokenRequest::grant(Stage::Refresh, url, params, renewal.client);
            wire::request_token(renewal.wire, request, http)
        }
    }
}

/// A new random `{state}` for a refresh request (VK ID wants one on every token call):
/// 32 bytes from the OS CSPRNG, base64url.
fn fresh_state() -> String {
    CsrfToken::new_random_len(32).secret().clone()
}

fn placeholder_values<'a>(renewal: &'a Renewal<'a>) -> BTreeMap<&'a str, &'a str> {
    template_values(
        renewal.client,
        renewal.access_token,
        renewal.refresh_token,
        renewal.callback_params,
    )
}

/// What `{placeholders}` in catalog parameters stand for.
fn template_values<'a>(
    client: &'a ClientCredentials,
    access_token: &'a str,
    refresh_token: Option<&'a str>,
    callback_params: &'a BTreeMap<String, String>,
) -> BTreeMap<&'a str, &'a str> {
    let mut values: BTreeMap<&str, &str> = callback_params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    values.insert("access_token", access_token);
    values.insert("client_id", &client.id);
    if let Some(t) = refresh_token {
        values.insert("refresh_token", t);
    }
    if let Some(s) = &client.secret {
        values.insert("client_secret", s.secret());
    }
    values
}

fn fill_param(template: &str, values: &BTreeMap<&str, &str>) -> Result<String, Error> {
    crate::model::template::fill(template, values).map_err(|name| Error::Config {
        what: format!("the provider entry needs {{{name}}}, which this connection does not have"),
        fix: if name == "client_secret" {
            "give the client secret (--client-secret or its environment variable)".into()
        } else {
            "check the provider's entry in providers.toml".into()
        },
    })
}

/// A GET with templated parameters answered by a token response: Meta's long-lived
/// exchanges (`fb_exchange_token`, `ig_exchange_token`, `th_exchange_token`) and
/// `*_refresh_token` grants.
fn call_exchange(
    exchange: &Exchange,
    values: &BTreeMap<&str, &str>,
    wire: &Wire,
    stage: Stage,
    http: &HttpClient,
) -> Result<TokenResponse, Error> {
    let params = exchange
        .params
        .iter()
        .map(|(key, template)| Ok((key.clone(), fill_param(template, values)?)))
        .collect::<Result<Vec<_>, Error>>()?;
    let request = TokenRequest {
        stage,
        url: &exchange.url,
        params,
        client: None,
        format: Some(TokenFormat::Get),
    };
    wire::request_token(wire, request, http)
}

/// The long-lived exchange right after the code exchange (Meta).
pub fn long_lived(
    exchange: &Exchange,
    short: &TokenResponse,
    client: &ClientCredentials,
    wire: &Wire,
    http: &HttpClient,
) -> Result<TokenResponse, Error> {
    let none = BTreeMap::new();
    let values = template_values(client, short.access_token.secret(), None, &none);
    call_exchange(exchange, &values, wire, Stage::LongLived, http)
}

fn hex_sha256(input: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(input.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// POST `form` to an endpoint of the authorization server, the client authenticated as
/// at the token endpoint (RFC 7009 §2.1, RFC 7662 §2.1); plain http only on loopback.
fn post_as_client(
    stage: Stage,
    url: &str,
    form: Vec<(String, String)>,
    client: &ClientCredentials,
    http: &HttpClient,
) -> Result<HttpResponse, Error> {
    let parsed = url::Url::parse(url).map_err(|e| Error::Config {
        what: format!("the endpoint URL '{url}' is invalid: {e}"),
        fix: "check the provider's endpoints".into(),
    })?;
    if parsed.scheme() != "https" && !crate::http::is_loopback(&parsed) {
        return Err(Error::Config {
            what: format!(
                "refusing to send a token over plain http to {}",
                crate::http::origin_of(url)
            ),
            fix: "use the provider's https endpoint".into(),
        });
    }
    let request = TokenRequest {
        stage,
        url,
        params: form,
        client: Some(client),
        format: Some(TokenFormat::Form),
    };
    wire::send(&Wire::default(), request, http)
}

/// RFC 7662 introspection of an access token: what the server says of it (`username`,
/// `sub`...), `None` without an introspection endpoint. An inactive token is an error.
pub fn introspect(
    access_token: &str,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    http: &HttpClient,
) -> Result<Option<serde_json::Value>, Error> {
    let Some(url) = &endpoints.introspection_url else {
        return Ok(None);
    };
    let form = vec![
        ("token".to_string(), access_token.to_string()),
        ("token_type_hint".to_string(), "access_token".to_string()),
    ];
    let response = post_as_client(Stage::Identity, url, form, client, http)?;
    let status = response.status().as_u16();
    let parsed = (status == 200)
        .then(|| serde_json::from_slice::<serde_json::Value>(response.body()).ok())
        .flatten();
    match parsed {
        Some(value) if value["active"] == true => Ok(Some(value)),
        Some(_) => Err(Error::Rejected {
            what: "the introspection endpoint says the new access token is not active".into(),
            fix: "connect again; if it repeats, check the client's settings on the server".into(),
        }),
        None => Err(Error::Token(ProviderError::from_http(
            Stage::Identity,
            &response,
        ))),
    }
}

/// RFC 7009 revocation. Returns Ok(false) when the provider has no revocation endpoint.
///
/// Plain http is allowed only on loopback (local servers and tests), like RFC 8252 does.
pub fn revoke(
    token: &str,
    hint: TokenHint,
    endpoints: &Endpoints,
    client: &ClientCredentials,
    http: &HttpClient,
) -> Result<bool, Error> {
    let Some(url) = &endpoints.revoke_url else {
        return Ok(false);
    };
    let form = vec![
        ("token".to_string(), token.to_string()),
        ("token_type_hint".to_string(), hint.as_str().to_string()),
    ];
    let response = post_as_client(Stage::Revoke, url, form, client, http)?;
    let status = response.status().as_u16();
    // RFC 7009 §2.2: 200 for success, also when the token was already invalid.
    if status == 200 {
        return Ok(true);
    }
    Err(Error::Token(ProviderError::from_http(
        Stage::Revoke,
        &response,
    )))
}

/// RFC 7009 `token_type_hint`.
#[derive(Debug, Clone, Copy)]
pub enum TokenHint {
    AccessToken,
    RefreshToken,
}

impl TokenHint {
    fn as_str(self) -> &'static str {
        match self {
            TokenHint::AccessToken => "access_token",
            TokenHint::RefreshToken => "refresh_token",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClientAuth;
    use crate::providers::Catalog;
    use base64::Engine;
    use sha2::Digest;

    fn endpoints() -> Endpoints {
        Endpoints {
            authorize_url: "https://auth.test/authorize".into(),
            token_url: "https://auth.test/token".into(),
            revoke_url: None,
            userinfo_url: None,
            ..Endpoints::default()
        }
    }

    fn client() -> ClientCredentials {
        ClientCredentials {
            id: "cid".into(),
            secret: None,
            auth: ClientAuth::None,
        }
    }

    fn query(url: &str) -> std::collections::HashMap<String, String> {
        url::Url::parse(url)
            .unwrap()
            .query_pairs()
            .into_owned()
            .collect()
    }

    fn request(provider: &Provider, scopes: &[String]) -> AuthorizationRequest {
        AuthorizationRequest::new(
            provider,
            &endpoints(),
            &client(),
            scopes,
            "http://127.0.0.1:5/callback",
        )
        .unwrap()
    }

    #[test]
    fn authorization_url_has_pkce_s256_and_a_long_state() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        let scopes = x.scopes.clone();
        let req = request(x, &scopes);
        let q = query(&req.url);
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["client_id"], "cid");
        assert_eq!(q["redirect_uri"], "http://127.0.0.1:5/callback");
        assert_eq!(
            q["scope"],
            "tweet.read tweet.write users.read offline.access"
        );
        assert_eq!(q["state"], req.state.secret().as_str());
        // 32 bytes base64url = 43 characters = 256 bits.
        assert_eq!(req.state.secret().len(), 43);
        let verifier = req.pkce_verifier.as_ref().unwrap().secret();
        assert!((43..=128).contains(&verifier.len()));
        let expected = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(sha2::Sha256::digest(verifier.as_bytes()));
        assert_eq!(q["code_challenge"], expected);
        assert!(!req.url.contains(verifier.as_str()));
    }

    #[test]
    fn states_are_unique() {
        let catalog = Catalog::embedded();
        let x = catalog.get("twitter").unwrap();
        let a = request(x, &[]);
        let b = request(x, &[]);
        assert_ne!(a.state.secret(), b.state.secret());
    }

    #[test]
    fn separator_params_and_oidc_consent_follow_the_catalog() {
        let mut p = Catalog::embedded().get("custom").unwrap().clone();
        p.scope_separator = ",".into();
        p.openid = true;
        p.pkce = PkceRule::Unsupported;
        p.authorize_params
            .insert("access_type".into(), "offline".into());
        let scopes: Vec<String> = vec!["openid".into(), "offline_access".into()];
        let req = request(&p, &scopes);
        let q = query(&req.url);
        assert_eq!(q["scope"], "openid,offline_access");
        assert_eq!(q["access_type"], "offline");
        assert_eq!(q["prompt"], "consent");
        assert!(!q.contains_key("code_challenge"));
    }

    /// RFC 7636 Appendix B: the S256 transform oauth2 applies, checked on the RFC's vector.
    #[test]
    fn rfc7636_appendix_b_vector() {
        let verifier = PkceCodeVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        let challenge = PkceCodeChallenge::from_code_verifier_sha256(&verifier);
        assert_eq!(
            challenge.as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(challenge.method().as_str(), "S256");
    }
}
