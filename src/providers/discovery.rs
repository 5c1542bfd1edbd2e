//! Server metadata: OpenID Connect Discovery, then RFC 8414.

use serde::Deserialize;

use crate::error::Error;
use crate::http::HttpClient;
use crate::oauth::errors::{ProviderError, Stage};

#[derive(Debug, Clone, Deserialize, Default)]
pub struct ServerMetadata {
    pub issuer: String,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    pub revocation_endpoint: Option<String>,
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Option<Vec<String>>,
    #[serde(default)]
    pub code_challenge_methods_supported: Option<Vec<String>>,
    #[serde(default)]
    pub authorization_response_iss_parameter_supported: bool,
    #[serde(default)]
    pub scopes_supported: Option<Vec<String>>,
    /// Set by us: the document came from the OpenID Connect location.
    #[serde(skip)]
    pub openid: bool,
}

/// Fetch the issuer's metadata; the `issuer` inside must equal the one asked for.
pub fn discover(issuer: &str, http: &HttpClient) -> Result<ServerMetadata, Error> {
    let issuer = issuer.trim_end_matches('/');
    let parsed = url::Url::parse(issuer)
        .map_err(|e| Error::Usage(format!("--issuer '{issuer}' is not a URL ({e})")))?;
    let path = parsed.path().trim_end_matches('/');
    let origin = parsed.origin().ascii_serialization();
    let candidates = [
        (format!("{issuer}/.well-known/openid-configuration"), true),
        // RFC 8414 §3: the well-known segment goes before the issuer's path.
        (
            format!("{origin}/.well-known/oauth-authorization-server{path}"),
            false,
        ),
    ];
    let mut last_error = None;
    for (url, openid) in candidates {
        let response = http.get(&url, None, &[])?;
        if response.status().as_u16() != 200 {
            last_error = Some(ProviderError::from_response(
                Stage::Identity,
                response.status().as_u16(),
                response.body(),
            ));
            continue;
        }
        let mut meta: ServerMetadata =
            serde_json::from_slice(response.body()).map_err(|e| Error::Config {
                what: format!("the metadata at {url} is not valid server metadata: {e}"),
                fix: "check --issuer, or give --auth-url and --token-url instead".into(),
            })?;
        if meta.issuer.trim_end_matches('/') != issuer {
            return Err(Error::Rejected {
                what: format!(
                    "the metadata at {url} names issuer '{}', not '{issuer}'",
                    meta.issuer
                ),
                fix: "use the exact issuer the server names (RFC 8414 §3.3 forbids using mismatched metadata)".into(),
            });
        }
        meta.openid = openid;
        return Ok(meta);
    }
    Err(Error::Config {
        what: format!(
            "no server metadata found for issuer {issuer} ({})",
            last_error.map(|e| e.to_string()).unwrap_or_default()
        ),
        fix: "check --issuer (no trailing path such as /authorize), or give --auth-url and --token-url".into(),
    })
}
