//! Provider errors: parsed from whatever the provider sent (RFC 6749 JSON, Meta's nested
//! `error` object, Slack's `ok:false`, `{code,message}` envelopes, HTML from a proxy, an
//! empty body) and explained: the cause and the fix for each error code of RFC 6749
//! §4.1.2.1 and §5.2, and for the providers' own codes.

use std::fmt;

use serde_json::Value;

use crate::redact;
use crate::secret::Secret;

/// Where the error came from: the redirect back from the authorization endpoint, or an
/// HTTP response from the token (or another) endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Authorize,
    Token,
    Refresh,
    Revoke,
    Identity,
    /// Meta's long-lived token exchange right after the code exchange.
    LongLived,
    /// Listing pages, or the granted scopes, after the login.
    Lookup,
    /// Registering a client (Mastodon's /api/v1/apps).
    Registration,
}

impl Stage {
    /// What answered, for "… refused: …".
    pub fn endpoint(self) -> &'static str {
        match self {
            Stage::Authorize => "the authorization server",
            Stage::Token | Stage::Refresh => "the token endpoint",
            Stage::Revoke => "the revocation endpoint",
            Stage::Identity => "the identity endpoint",
            Stage::LongLived => "the long-lived token exchange",
            Stage::Lookup => "the page or permission listing",
            Stage::Registration => "the app registration endpoint",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderError {
    pub stage: Stage,
    /// RFC 6749 code (`invalid_grant`, ...) or the provider's own.
    pub code: Option<String>,
    pub description: Option<String>,
    pub status: Option<u16>,
    /// A redacted excerpt of a body that was not an OAuth error (HTML, text).
    pub excerpt: Option<String>,
    /// The HTTP answer this error was read from (none for a callback's `error=`).
    /// Boxed: an error value stays small however much evidence it carries.
    pub response: Option<Box<Evidence>>,
}

/// The most of an error body kept as evidence: OAuth error answers are a few hundred
/// bytes; an HTML error page is cut here.
pub const EVIDENCE_BODY_LIMIT: usize = 16 * 1024;

/// An HTTP answer kept with the error it caused: status, content type, `Retry-After`
/// and the body (capped at [`EVIDENCE_BODY_LIMIT`]). The body is a [`Secret`], so a
/// logged error never carries a token the body quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub status: u16,
    pub content_type: Option<String>,
    pub retry_after: Option<String>,
    body: Secret<Vec<u8>>,
}

impl Evidence {
    pub fn new(
        status: u16,
        content_type: Option<String>,
        retry_after: Option<String>,
        body: &[u8],
    ) -> Evidence {
        Evidence {
            status,
            content_type,
            retry_after,
            body: Secret::new(body[..body.len().min(EVIDENCE_BODY_LIMIT)].to_vec()),
        }
    }

    /// From a whole response: its status, headers and body.
    pub fn of(response: &crate::http::HttpResponse) -> Evidence {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        Evidence::new(
            response.status().as_u16(),
            header("content-type"),
            header("retry-after"),
            response.body(),
        )
    }

    /// The raw body, capped: remote text that may quote a secret. Never print it
    /// unredacted (`redact::body`).
    pub fn raw_body(&self) -> &[u8] {
        self.body.expose()
    }

    /// `Retry-After` in seconds (RFC 9110 §10.2.3); the HTTP-date form is not used by
    /// token endpoints and is ignored.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        let secs = self.retry_after.as_deref()?.trim().parse::<u64>().ok()?;
        Some(std::time::Duration::from_secs(secs))
    }
}

pub struct Explanation {
    pub cause: String,
    pub fix: String,
}

/// The most of a remote error's text shown in a message.
const REMOTE_TEXT_LIMIT: usize = 300;

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Remote text: one line, bounded (a 4 MiB description must not flood the screen
        // or fake lines of the tool's own).
        let line = |s: &str| crate::text::one_line(s, REMOTE_TEXT_LIMIT);
        match (&self.code, &self.description) {
            (Some(c), Some(d)) => write!(f, "{} ({})", line(c), line(d))?,
            (Some(c), None) => write!(f, "{}", line(c))?,
            (None, Some(d)) => write!(f, "{}", line(d))?,
            (None, None) => match &self.excerpt {
                Some(e) => write!(f, "unexpected response: {}", line(e))?,
                None => write!(f, "an empty response")?,
            },
        }
        if let Some(status) = self.status {
            write!(f, " [HTTP {status}]")?;
        }
        Ok(())
    }
}

impl ProviderError {
    /// X's refusal of an OAuth 1.0a callback outside the app's allow-list:
    /// `{"errors":[{"code":415,"message":"Callback URL not approved..."}]}`.
    pub fn is_callback_refused(&self) -> bool {
        self.code.as_deref() == Some("code 415")
            || self
                .description
                .as_deref()
                .is_some_and(|d| d.to_lowercase().contains("callback"))
    }

    /// From the query of a callback (`error`, `error_description`).
    pub fn from_callback(code: &str, description: Option<&str>) -> ProviderError {
        ProviderError {
            stage: Stage::Authorize,
            code: Some(code.to_string()),
            description: description.map(str::to_string),
            status: None,
            excerpt: None,
            response: None,
        }
    }

    /// From a whole HTTP response: the body read as below, with the status, content type,
    /// `Retry-After` and the (capped) body kept as evidence.
    pub fn from_http(stage: Stage, response: &crate::http::HttpResponse) -> ProviderError {
        ProviderError::from_evidence(stage, Evidence::of(response), response.body())
    }

    /// From an HTTP response body of any shape.
    pub fn from_response(stage: Stage, status: u16, body: &[u8]) -> ProviderError {
        ProviderError::from_evidence(stage, Evidence::new(status, None, None, body), body)
    }

    fn from_evidence(stage: Stage, evidence: Evidence, body: &[u8]) -> ProviderError {
        let mut err = ProviderError {
            stage,
            code: None,
            description: None,
            status: Some(evidence.status),
            excerpt: None,
            response: Some(Box::new(evidence)),
        };
        let text = String::from_utf8_lossy(body);
        let text = text.trim();
        if text.is_empty() {
            return err;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                let (code, description) = parse_json_error(&value);
                err.code = code;
                // A description may quote the token it rejects.
                err.description = description.map(|d| redact::text(&d).into_owned());
                if err.code.is_none() && err.description.is_none() {
                    err.excerpt = Some(redact::truncate(&redact::json(&value).to_string(), 300));
                }
            }
            Err(_) => {
                // Never the raw text: JSON too deep for serde_json, or anything else,
                // may still carry a token (redact::body describes what it cannot parse).
                err.excerpt = Some(match redact::html_title(text) {
                    Some(title) => format!("an HTML page titled \"{title}\" (a proxy or an error page, not an OAuth answer)"),
                    None => redact::truncate(&redact::body(text.as_bytes()), 200),
                });
            }
        }
        err
    }

    /// How long the provider asked to wait before the next attempt (`Retry-After`).
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.response.as_ref()?.retry_after()
    }

    /// A provider outage or rate limit: worth retrying later, not a misconfiguration.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("server_error") | Some("temporarily_unavailable")
        ) || matches!(self.status, Some(429) | Some(500..=599))
    }

    /// The grant is dead (`invalid_grant`: a code used or expired, a refresh token
    /// revoked or spent): only a new login helps.
    pub fn is_dead_grant(&self) -> bool {
        self.code.as_deref() == Some("invalid_grant")
    }

    /// The client itself was refused (`invalid_client`, `unauthorized_client`): the app's
    /// credentials or settings, not the grant.
    pub fn is_client_misconfigured(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("invalid_client") | Some("unauthorized_client")
        )
    }

    /// The user (or an admin policy) declined: not a misconfiguration.
    pub fn is_user_decision(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("access_denied") | Some("user_cancelled_login") | Some("user_cancelled_authorize")
        )
    }

    /// The redirect URI sent is not one registered for the app.
    pub fn is_redirect_mismatch(&self) -> bool {
        let desc = self
            .description
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        self.code.as_deref() == Some("redirect_uri_mismatch")
            || desc.contains("redirect")
                && (desc.contains("match")
                    || desc.contains("registered")
                    || desc.contains("invalid"))
    }

    pub fn explain(&self) -> Explanation {
        let desc = self
            .description
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let refresh = self.stage == Stage::Refresh;
        let (cause, fix): (&str, String) = match self.code.as_deref() {
            _ if desc.contains("redirect") && (desc.contains("match") || desc.contains("registered") || desc.contains("invalid")) => (
                "the redirect URI is not registered for this app, or differs from the one sent at authorization (scheme, localhost vs 127.0.0.1, port, path, trailing slash)",
                "register the exact redirect URI this tool printed in the provider's console, or pass the registered one with --redirect-uri/--port; `postiz-connect doctor --redirect-uri` compares them character by character".into(),
            ),
            Some("redirect_uri_mismatch") => (
                "the redirect URI is not registered for this app (scheme, host, port, path, trailing slash, case or encoding differ)",
                "register the exact redirect URI this tool printed in the provider's console, or pass the registered one with --redirect-uri/--port".into(),
            ),
            Some("invalid_grant") if refresh => (
                "the refresh token was revoked, already used (rotation), or expired",
                "reconnect the channel: run the connect command again".into(),
            ),
            Some("invalid_grant") => (
                "the authorization code was already used or expired, the PKCE verifier did not match, or the redirect_uri sent at exchange differs from the one sent at authorization",
                "start the connect over (codes are single use and short-lived); if it repeats, compare the redirect URI character by character".into(),
            ),
            Some("invalid_client") => (
                "client authentication failed: wrong client id or secret, a secret of another app or environment, stray quotes/spaces/newline in the value, or the wrong method (Basic vs body)",
                "check the client id and secret for this provider (flags, environment or --env-file), re-copy the secret from the provider console, or try --client-auth basic|post|none".into(),
            ),
            Some("unauthorized_client") => (
                "this app is not allowed to use this grant type (app type or settings in the console)",
                "enable the authorization-code grant (and refresh tokens) for the app in the provider console; for a native/desktop app check its type".into(),
            ),
            Some("access_denied") | Some("user_cancelled_login") | Some("user_cancelled_authorize") => (
                "the user declined, or an admin policy refused (an app in development mode only admits its testers)",
                "run the command again and approve; if you did approve, add the account as a tester of the app".into(),
            ),
            Some("invalid_scope") => (
                "a requested scope is unknown or not enabled for this app (product not added, review pending, typo or wrong separator)",
                "request only scopes the app is approved for (--scopes), or enable them in the provider console".into(),
            ),
            Some("invalid_request") if desc.contains("pkce") || desc.contains("code_challenge") || desc.contains("code verifier") || desc.contains("code_verifier") => (
                "the PKCE parameters were missing or did not match",
                "start again: a fresh flow generates a new verifier; if the provider does not accept PKCE, set `pkce = \"unsupported\"` for it in providers.toml".into(),
            ),
            Some("invalid_request") => (
                "the request was malformed or missing a parameter the provider requires",
                "run with -v to see the exchange; check the provider's entry (postiz-connect providers) against its documentation".into(),
            ),
            Some("unsupported_response_type") | Some("unsupported_grant_type") => (
                "the app type does not support this flow",
                "check the app type in the provider console (a web or native app with the authorization-code grant)".into(),
            ),
            Some("server_error") | Some("temporarily_unavailable") => (
                "the provider had an internal error or is overloaded",
                "retry in a few minutes".into(),
            ),
            _ => match self.status {
                Some(429) => ("the provider is rate-limiting this client", "wait a minute and retry".into()),
                Some(s) if s >= 500 => ("the provider (or a proxy in front of it) failed", "retry later; run with -v to see the response".into()),
                Some(401) | Some(403) if self.stage == Stage::Identity => (
                    "the access token was not accepted by the identity endpoint (missing scope, or the token was revoked)",
                    "check that the scopes include what the identity endpoint needs, then connect again".into(),
                ),
                _ if self.excerpt.as_deref().is_some_and(|e| e.contains("HTML page")) => (
                    "an HTML page came back instead of an OAuth response: usually a proxy, a captive portal, or a wrong endpoint URL",
                    "check the endpoint URL (postiz-connect providers), and HTTPS_PROXY/NO_PROXY".into(),
                ),
                _ => (
                    "the provider answered with an error the tool does not know",
                    "run with -v to see the full (redacted) exchange".into(),
                ),
            },
        };
        Explanation {
            cause: cause.to_string(),
            fix,
        }
    }
}

/// `(code, description)` from the JSON error shapes providers use.
fn parse_json_error(value: &Value) -> (Option<String>, Option<String>) {
    let str_of = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    match value.get("error") {
        // RFC 6749 §5.2, and Slack's {"ok":false,"error":"invalid_code"}.
        Some(Value::String(code)) => (
            Some(code.clone()),
            str_of(value.get("error_description"))
                .or_else(|| str_of(value.get("message")))
                .or_else(|| str_of(value.get("detail"))),
        ),
        // Meta: {"error":{"message","type","code","error_subcode"}}; others nest an OAuth error.
        Some(obj @ Value::Object(_)) => {
            if obj.get("error").is_some() {
                return parse_json_error(obj);
            }
            let code = str_of(obj.get("type"))
                .or_else(|| str_of(obj.get("code")))
                .or_else(|| str_of(obj.get("status")));
            let desc = str_of(obj.get("message")).or_else(|| str_of(obj.get("error_description")));
            (code, desc)
        }
        // X / Twitter v1.1: {"errors":[{"code":415,"message":"Callback URL not approved..."}]}.
        _ if value.pointer("/errors/0/message").is_some() => (
            str_of(value.pointer("/errors/0/code")).map(|c| format!("code {c}")),
            str_of(value.pointer("/errors/0/message")),
        ),
        _ => {
            // {"code": 40001, "message": "..."} envelopes (TikTok Business) and friends;
            // Instagram's {"error_type": "OAuthException", "code": 400, "error_message"}.
            let code = str_of(value.get("error_type"))
                .or_else(|| str_of(value.get("code")))
                .filter(|c| c != "0")
                .or_else(|| str_of(value.get("error_code")))
                .or_else(|| str_of(value.get("type")));
            let desc = str_of(value.get("error_description"))
                .or_else(|| str_of(value.get("error_message")))
                .or_else(|| str_of(value.get("message")))
                .or_else(|| str_of(value.get("msg")))
                .or_else(|| str_of(value.get("detail")))
                .or_else(|| str_of(value.get("title")));
            (code, desc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(status: u16, body: &str) -> ProviderError {
        ProviderError::from_response(Stage::Token, status, body.as_bytes())
    }

    #[test]
    fn rfc6749_json() {
        let e = parse(
            400,
            r#"{"error":"invalid_grant","error_description":"grant request is invalid"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("invalid_grant"));
        assert_eq!(e.description.as_deref(), Some("grant request is invalid"));
        assert!(e.explain().fix.contains("start the connect over"));
    }

    #[test]
    fn meta_nested_error() {
        let e = parse(
            400,
            r#"{"error":{"message":"Error validating verification code.","type":"OAuthException","code":100,"fbtrace_id":"x"}}"#,
        );
        assert_eq!(e.code.as_deref(), Some("OAuthException"));
        assert_eq!(
            e.description.as_deref(),
            Some("Error validating verification code.")
        );
    }

    #[test]
    fn slack_ok_false_with_http_200() {
        let e = parse(
            400,
            r#"{"error_type":"OAuthException","code":400,"error_message":"Invalid redirect_uri"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("OAuthException"));
        assert_eq!(e.description.as_deref(), Some("Invalid redirect_uri"));
        let e = parse(
            401,
            r#"{"errors":[{"code":32,"message":"Could not authenticate you."}]}"#,
        );
        assert_eq!(e.code.as_deref(), Some("code 32"));
        let e = parse(200, r#"{"ok":false,"error":"invalid_client_id"}"#);
        assert_eq!(e.code.as_deref(), Some("invalid_client_id"));
    }

    #[test]
    fn envelope_with_numeric_code() {
        let e = parse(
            200,
            r#"{"code":40001,"message":"Invalid auth code","data":{}}"#,
        );
        assert_eq!(e.code.as_deref(), Some("40001"));
        assert_eq!(e.description.as_deref(), Some("Invalid auth code"));
    }

    #[test]
    fn html_from_a_proxy() {
        let e = parse(502, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        assert!(e.code.is_none());
        assert!(e.to_string().contains("502 Bad Gateway"), "{e}");
        assert!(e.explain().cause.contains("failed"));
    }

    #[test]
    fn empty_body() {
        let e = parse(500, "");
        assert_eq!(e.to_string(), "an empty response [HTTP 500]");
        assert!(e.explain().fix.contains("retry"));
    }

    #[test]
    fn json_without_error_fields_is_redacted() {
        let e = parse(400, r#"{"access_token":"LEAK","weird":true}"#);
        assert!(!e.to_string().contains("LEAK"), "{e}");
    }

    #[test]
    fn a_token_response_too_deep_to_parse_is_never_quoted() {
        // Past serde_json's depth limit (128) the body was quoted as text, token first.
        let body = format!(
            r#"{{"access_token":"DEEPLEAK","n":{}1{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let e = parse(200, &body);
        let shown = format!("{e} {}", e.explain().cause);
        assert!(!shown.contains("DEEPLEAK"), "{shown}");
        assert!(shown.contains("unparseable body"), "{shown}");
    }

    #[test]
    fn a_description_quoting_a_token_is_masked() {
        let e = parse(
            401,
            r#"{"error":"invalid_token","error_description":"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln is expired"}"#,
        );
        assert_eq!(
            e.description.as_deref(),
            Some("token [redacted] is expired")
        );
    }

    #[test]
    fn redirect_mismatch_spelled_as_invalid_request() {
        let e = ProviderError::from_callback(
            "invalid_request",
            Some("redirect_uri did not match any of the client's registered redirect_uris"),
        );
        assert!(e.explain().cause.contains("redirect URI"));
    }

    #[test]
    fn pkce_missing() {
        let e = ProviderError::from_callback(
            "invalid_request",
            Some("Authorization Server policy requires PKCE to be used for this request"),
        );
        assert!(e.explain().cause.contains("PKCE"));
    }

    #[test]
    fn refresh_invalid_grant_says_reconnect() {
        let mut e = parse(400, r#"{"error":"invalid_grant"}"#);
        e.stage = Stage::Refresh;
        assert!(e.explain().fix.contains("reconnect"));
    }

    #[test]
    fn denial_is_a_user_decision() {
        assert!(ProviderError::from_callback("access_denied", None).is_user_decision());
        assert!(!ProviderError::from_callback("invalid_scope", None).is_user_decision());
    }
}
