//! Server metadata: OpenID Connect Discovery 1.0 §4 and RFC 8414 §3, both read and
//! merged, since a server may name an endpoint (often `revocation_endpoint`) in only one.

use serde::Deserialize;

use crate::error::provider::{ProviderError, Stage};
use crate::error::Error;
use crate::http::HttpClient;

#[derive(Debug, Clone, Deserialize, Default)]
pub struct ServerMetadata {
    pub issuer: String,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    pub revocation_endpoint: Option<String>,
    #[serde(default)]
    pub introspection_endpoint: Option<String>,
    #[serde(default)]
    pub jwks_uri: Option<String>,
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

impl ServerMetadata {
    /// Fill what this document leaves out from `other` (same issuer, checked by the
    /// caller); this one's values win.
    fn merge(mut self, other: ServerMetadata) -> ServerMetadata {
        fn fill<T>(mine: &mut Option<T>, theirs: Option<T>) {
            if mine.is_none() {
                *mine = theirs;
            }
        }
        fill(
            &mut self.authorization_endpoint,
            other.authorization_endpoint,
        );
        fill(&mut self.token_endpoint, other.token_endpoint);
        fill(&mut self.userinfo_endpoint, other.userinfo_endpoint);
        fill(&mut self.revocation_endpoint, other.revocation_endpoint);
        fill(
            &mut self.introspection_endpoint,
            other.introspection_endpoint,
        );
        fill(&mut self.jwks_uri, other.jwks_uri);
        fill(
            &mut self.token_endpoint_auth_methods_supported,
            other.token_endpoint_auth_methods_supported,
        );
        fill(
            &mut self.code_challenge_methods_supported,
            other.code_challenge_methods_supported,
        );
        fill(&mut self.scopes_supported, other.scopes_supported);
        self.authorization_response_iss_parameter_supported |=
            other.authorization_response_iss_parameter_supported;
        self.openid |= other.openid;
        self
    }

    /// Requested scopes the server does not list in `scopes_supported` (RFC 8414 §2:
    /// the list may be partial, so this warns; it does not refuse).
    pub fn unlisted_scopes(&self, requested: &[String]) -> Vec<String> {
        let Some(supported) = &self.scopes_supported else {
            return Vec::new();
        };
        requested
            .iter()
            .filter(|s| !supported.contains(s))
            .cloned()
            .collect()
    }
}

/// Fetch the issuer's metadata from both well-known locations and merge what answers;
/// the `issuer` inside each must equal the one asked for.
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
    // Both documents at once, so a server that never answers costs one request's limit,
    // not one per document; the OpenID Connect one still wins the merge.
    let answers: Vec<Result<ServerMetadata, DocumentError>> = std::thread::scope(|scope| {
        let fetches: Vec<_> = candidates
            .iter()
            .map(|(url, openid)| scope.spawn(move || fetch_document(url, issuer, *openid, http)))
            .collect();
        fetches
            .into_iter()
            .map(|f| f.join().expect("a metadata fetch does not panic"))
            .collect()
    });
    let mut found: Option<ServerMetadata> = None;
    let mut last_error = None;
    let mut first_error: Option<Error> = None;
    for answer in answers {
        // One usable document is enough: the other may be absent, an app's catch-all
        // HTML page, or unreachable.
        match answer {
            Ok(meta) => {
                found = Some(match found {
                    Some(first) => first.merge(meta),
                    None => meta,
                })
            }
            Err(DocumentError::Missing(e)) => last_error = Some(e),
            Err(DocumentError::Unusable(e)) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let (None, Some(e)) = (&found, first_error) {
        return Err(e);
    }
    found.ok_or_else(|| Error::Config {
        what: format!(
            "no server metadata found for issuer {issuer} ({})",
            last_error.map(|e| e.to_string()).unwrap_or_default()
        ),
        fix: "check --issuer (no trailing path such as /authorize), or give --auth-url and --token-url".into(),
    })
}

enum DocumentError {
    /// Not there (404...): look at the other location.
    Missing(ProviderError),
    /// There, but unusable (not metadata, another issuer, unreachable).
    Unusable(Error),
}

fn fetch_document(
    url: &str,
    issuer: &str,
    openid: bool,
    http: &HttpClient,
) -> Result<ServerMetadata, DocumentError> {
    let response = http
        .get(url, None, &[])
        .map_err(|e| DocumentError::Unusable(e.into()))?;
    if response.status().as_u16() != 200 {
        return Err(DocumentError::Missing(ProviderError::from_response(
            Stage::Identity,
            response.status().as_u16(),
            response.body(),
        )));
    }
    let mut meta: ServerMetadata = serde_json::from_slice(response.body()).map_err(|e| {
        DocumentError::Unusable(Error::Config {
            what: format!("the metadata at {url} is not valid server metadata: {e}"),
            fix: "check --issuer, or give --auth-url and --token-url instead".into(),
        })
    })?;
    if meta.issuer.trim_end_matches('/') != issuer {
        return Err(DocumentError::Unusable(Error::Rejected {
            what: format!(
                "the metadata at {url} names issuer '{}', not '{issuer}'",
                meta.issuer
            ),
            fix: "use the exact issuer the server names (RFC 8414 §3.3 forbids using mismatched metadata)".into(),
        }));
    }
    meta.openid = openid;
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(json: serde_json::Value) -> ServerMetadata {
        serde_json::from_value(json).unwrap()
    }

    /// A host that accepts connections and never answers costs one request's limit for
    /// both documents, not one per document.
    #[test]
    fn a_silent_issuer_costs_one_request_limit() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        // Accept and hold every connection, answering nothing.
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for stream in listener.incoming() {
                held.push(stream);
            }
        });
        let limit = std::time::Duration::from_millis(1500);
        let http = HttpClient::new(limit, false);
        let started = std::time::Instant::now();
        let err = discover(&format!("http://127.0.0.1:{port}"), &http).unwrap_err();
        let took = started.elapsed();
        assert!(took >= limit, "{took:?}");
        assert!(
            took < limit * 3 / 2,
            "two limits one after the other: {took:?}"
        );
        assert_eq!(err.exit_code(), crate::error::ExitCode::Network, "{err}");
    }

    #[test]
    fn the_two_documents_merge_and_the_first_wins() {
        let oidc = meta(serde_json::json!({
            "issuer": "https://a", "token_endpoint": "https://a/token",
            "userinfo_endpoint": "https://a/me", "scopes_supported": ["openid"]
        }));
        let oauth = meta(serde_json::json!({
            "issuer": "https://a", "token_endpoint": "https://a/other",
            "revocation_endpoint": "https://a/revoke", "jwks_uri": "https://a/jwks",
            "authorization_response_iss_parameter_supported": true
        }));
        let merged = oidc.merge(oauth);
        assert_eq!(merged.token_endpoint.as_deref(), Some("https://a/token"));
        assert_eq!(
            merged.revocation_endpoint.as_deref(),
            Some("https://a/revoke")
        );
        assert_eq!(merged.jwks_uri.as_deref(), Some("https://a/jwks"));
        assert!(merged.authorization_response_iss_parameter_supported);
        let requested = vec!["openid".to_string(), "email".to_string()];
        assert_eq!(merged.unlisted_scopes(&requested), ["email"]);
    }
}
