//! The token response, tolerant of the shapes providers really send: `scope` as a string
//! with any separator or as a JSON array, `expires_in` as a number or a string, a missing
//! `token_type`, and extra fields (`id_token`, `refresh_token_expires_in`, ...) kept.

use std::fmt;
use std::time::Duration;

use oauth2::{AccessToken, RefreshToken, Scope};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::scopes;

/// `token_type` as sent (`bearer`, `Bearer`, `mac`...); only compared case-insensitively.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct TokenKind(pub String);

impl Default for TokenKind {
    fn default() -> Self {
        TokenKind("bearer".into())
    }
}

impl oauth2::TokenType for TokenKind {}

#[derive(Clone, Deserialize, Serialize)]
pub struct TokenResponse {
    pub access_token: AccessToken,
    #[serde(default)]
    pub token_type: TokenKind,
    #[serde(default, deserialize_with = "number_or_string")]
    pub expires_in: Option<u64>,
    pub refresh_token: Option<RefreshToken>,
    #[serde(default, rename = "scope", deserialize_with = "scope_list")]
    pub scopes: Option<Vec<Scope>>,
    pub id_token: Option<String>,
    /// Everything else the provider sent (never printed unredacted).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &"[redacted]")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("has_refresh_token", &self.refresh_token.is_some())
            .field("scopes", &self.scopes)
            .field("has_id_token", &self.id_token.is_some())
            .finish()
    }
}

impl TokenResponse {
    /// Granted scopes as plain strings, when the provider reported them.
    pub fn granted_scopes(&self) -> Option<Vec<String>> {
        self.scopes
            .as_ref()
            .map(|s| s.iter().map(|s| s.to_string()).collect())
    }

    /// `refresh_token_expires_in` (LinkedIn, X...), when sent.
    pub fn refresh_expires_in(&self) -> Option<u64> {
        match self.extra.get("refresh_token_expires_in")? {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        }
    }
}

impl oauth2::TokenResponse for TokenResponse {
    type TokenType = TokenKind;

    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }
    fn token_type(&self) -> &TokenKind {
        &self.token_type
    }
    fn expires_in(&self) -> Option<Duration> {
        self.expires_in.map(Duration::from_secs)
    }
    fn refresh_token(&self) -> Option<&RefreshToken> {
        self.refresh_token.as_ref()
    }
    fn scopes(&self) -> Option<&Vec<Scope>> {
        self.scopes.as_ref()
    }
}

fn number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64().or_else(|| n.as_f64().map(|f| f as u64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

fn scope_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Scope>>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(scopes::parse_value)
        .map(|v| v.into_iter().map(Scope::new).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_response() {
        let t: TokenResponse = serde_json::from_str(
            r#"{"access_token":"AT","token_type":"Bearer","expires_in":7200,"refresh_token":"RT","scope":"a b","id_token":"x.y.z"}"#,
        )
        .unwrap();
        assert_eq!(t.expires_in, Some(7200));
        assert_eq!(t.granted_scopes().unwrap(), vec!["a", "b"]);
        assert!(t.id_token.is_some());
        let debug = format!("{t:?}");
        assert!(!debug.contains("AT\"") && !debug.contains("RT"), "{debug}");
    }

    #[test]
    fn odd_shapes() {
        let t: TokenResponse = serde_json::from_str(
            r#"{"access_token":"AT","expires_in":"3600","scope":["x","y"],"refresh_token_expires_in":31536000}"#,
        )
        .unwrap();
        assert_eq!(t.expires_in, Some(3600));
        assert_eq!(t.granted_scopes().unwrap(), vec!["x", "y"]);
        assert_eq!(t.token_type.0, "bearer");
        assert_eq!(t.refresh_expires_in(), Some(31536000));
    }

    #[test]
    fn comma_scopes_and_no_scope() {
        let t: TokenResponse =
            serde_json::from_str(r#"{"access_token":"AT","scope":"a,b"}"#).unwrap();
        assert_eq!(t.granted_scopes().unwrap(), vec!["a", "b"]);
        let t: TokenResponse = serde_json::from_str(r#"{"access_token":"AT"}"#).unwrap();
        assert!(t.granted_scopes().is_none());
    }
}
