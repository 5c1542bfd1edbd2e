//! Masking secrets in everything the tool prints: URLs, form bodies, JSON bodies, headers.
//!
//! The rule is by name: a parameter or JSON key that carries a credential is masked
//! wherever it appears. Used by the `-v` transcript and by error messages that quote a
//! provider's response.

use url::Url;

pub const MASK: &str = "[redacted]";

/// Parameter and JSON key names whose values are secrets.
const SECRET_KEYS: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "token",
    "code",
    "auth_code",
    "code_verifier",
    "client_secret",
    "client_assertion",
    "assertion",
    "password",
    "oauth_verifier",
    "oauth_token",
    "oauth_token_secret",
    "oauth_signature",
    "fb_exchange_token",
    "device_code",
    "state",
];

/// Header names whose values are secrets.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "access-token",
];

pub fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SECRET_KEYS.contains(&key.as_str()) || key.ends_with("_token") || key.ends_with("secret")
}

pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.contains(&name.to_ascii_lowercase().as_str())
}

/// The URL with its password (a proxy's `user:pass@`) and every secret query parameter
/// (and the fragment's) masked.
pub fn url(raw: &str) -> String {
    let Ok(mut parsed) = Url::parse(raw) else {
        return raw.to_string();
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some(MASK));
    }
    if parsed.query().is_some() {
        let masked = form(parsed.query().unwrap_or_default());
        parsed.set_query(Some(&masked));
    }
    if let Some(fragment) = parsed.fragment().map(str::to_string) {
        parsed.set_fragment(Some(&form(&fragment)));
    }
    parsed.to_string()
}

/// An `application/x-www-form-urlencoded` string with secret values masked.
pub fn form(raw: &str) -> String {
    raw.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if is_secret_key(&decode(k)) => format!("{k}={MASK}"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("{s}=").as_bytes())
        .next()
        .map(|(k, _)| k.into_owned())
        .unwrap_or_default()
}

/// A JSON value with the values of secret keys masked, at any depth.
pub fn json(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    // A number is never a credential (`"code": 415` is an error code).
                    let v = if is_secret_key(k) && !v.is_null() && !v.is_number() {
                        Value::String(MASK.into())
                    } else {
                        json(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(json).collect()),
        other => other.clone(),
    }
}

/// A response or request body, masked according to what it looks like.
pub fn body(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return String::new();
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed) {
        return json(&value).to_string();
    }
    if !trimmed.contains(char::is_whitespace) && trimmed.contains('=') {
        return form(trimmed);
    }
    // HTML or text from a proxy: no credentials are expected, but cap what we echo.
    truncate(trimmed, 2000)
}

pub fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}… ({} more bytes)", &s[..cut], s.len() - cut),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_masks_code_and_state_but_keeps_the_rest() {
        let out = url("http://127.0.0.1:5000/callback?code=abc123&state=xyz&iss=http%3A%2F%2Fa");
        assert!(!out.contains("abc123") && !out.contains("xyz"), "{out}");
        assert!(out.contains("iss=http%3A%2F%2Fa"));
        assert!(out.contains("code=[redacted]") || out.contains("code=%5Bredacted%5D"));
    }

    #[test]
    fn url_masks_a_password_in_the_userinfo() {
        let masked = url("http://alice:s3cret@proxy.example:3128");
        assert!(!masked.contains("s3cret"), "{masked}");
        assert!(masked.starts_with("http://alice:"), "{masked}");
    }

    #[test]
    fn form_masks_secrets() {
        let out = form("grant_type=authorization_code&code=C0DE&code_verifier=V&client_secret=S&redirect_uri=http%3A%2F%2F127.0.0.1");
        for secret in ["C0DE", "=V&", "=S&"] {
            assert!(!out.contains(secret), "{out}");
        }
        assert!(out.contains("grant_type=authorization_code"));
        assert!(out.contains("redirect_uri=http%3A%2F%2F127.0.0.1"));
    }

    #[test]
    fn json_masks_nested_tokens() {
        let v = serde_json::json!({
            "access_token": "AT", "refresh_token": "RT", "scope": "a b",
            "data": [{"oauth_token_secret": "OTS", "id": 1}], "expires_in": 3600
        });
        let out = json(&v).to_string();
        for secret in ["\"AT\"", "\"RT\"", "OTS"] {
            assert!(!out.contains(secret), "{out}");
        }
        assert!(out.contains("\"scope\":\"a b\"") && out.contains("3600"));
    }

    #[test]
    fn body_handles_json_form_html_and_empty() {
        assert!(!body(br#"{"access_token":"SECRET"}"#).contains("SECRET"));
        assert!(!body(b"access_token=SECRET&x=1").contains("SECRET"));
        assert!(body(b"<html><title>Bad Gateway</title></html>").contains("Bad Gateway"));
        assert_eq!(body(b"  "), "");
        let long = "x".repeat(5000);
        assert!(body(long.as_bytes()).len() < 2100);
    }

    #[test]
    fn secret_headers() {
        assert!(is_secret_header("Authorization"));
        assert!(is_secret_header("set-cookie"));
        assert!(!is_secret_header("content-type"));
    }
}
