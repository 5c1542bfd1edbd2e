//! The token response, tolerant of the shapes providers really send: `scope` as a string
//! with any separator or as a JSON array, `expires_in` as a number or a string, a missing
//! `token_type`, and extra fields (`id_token`, `refresh_token_expires_in`, ...) kept.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use oauth2::{AccessToken, RefreshToken, Scope};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::scopes;
use crate::secret::Secret;

/// `token_type` as sent (`bearer`, `Bearer`, `mac`...); only compared case-insensitively.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct TokenKind(pub String);

impl Default for TokenKind {
    fn default() -> Self {
        TokenKind("bearer".into())
    }
}

impl oauth2::TokenType for TokenKind {}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TokenResponse {
    pub access_token: AccessToken,
    #[serde(default)]
    pub token_type: TokenKind,
    #[serde(default, deserialize_with = "number_or_string")]
    pub expires_in: Option<u64>,
    pub refresh_token: Option<RefreshToken>,
    #[serde(default, rename = "scope", deserialize_with = "scope_list")]
    pub scopes: Option<Vec<Scope>>,
    pub id_token: Option<Secret>,
    /// Everything else the provider sent (a token secret, an `open_id`...).
    #[serde(flatten)]
    pub extra: Secret<Map<String, Value>>,
}

impl TokenResponse {
    /// Granted scopes as plain strings, when the provider reported them.
    pub fn granted_scopes(&self) -> Option<Vec<String>> {
        self.scopes
            .as_ref()
            .map(|s| s.iter().map(|s| s.to_string()).collect())
    }

    /// When the access token expires, from `expires_in` counted from `now`; `None` when
    /// the provider gave no lifetime or one too long to believe.
    pub fn expires_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        expiry(now, self.expires_in?)
    }

    /// When the refresh token expires (`refresh_token_expires_in`), like `expires_at`.
    pub fn refresh_expires_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        expiry(now, self.refresh_expires_in()?)
    }

    /// `refresh_token_expires_in` (LinkedIn, X...), when sent.
    pub fn refresh_expires_in(&self) -> Option<u64> {
        match self.extra.expose().get("refresh_token_expires_in")? {
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

/// The longest lifetime believed from a provider: ten years. Longer ones (`1e30`,
/// `9223372036854775807`) are a sloppy way of saying "does not expire", and taken so.
pub const LONGEST_LIFETIME_SECS: u64 = 10 * 365 * 24 * 3600;

/// `now + secs`, checked: `None` for a lifetime beyond `LONGEST_LIFETIME_SECS` (or one
/// the calendar cannot hold), never a panic, whatever a server sent.
pub fn expiry(now: DateTime<Utc>, secs: u64) -> Option<DateTime<Utc>> {
    if secs > LONGEST_LIFETIME_SECS {
        return None;
    }
    now.checked_add_signed(TimeDelta::try_seconds(i64::try_from(secs).ok()?)?)
}

/// A lifetime for people: "59 days", or "does not expire" when not believed.
pub fn lifetime_words(secs: u64) -> String {
    if secs > LONGEST_LIFETIME_SECS {
        return "does not expire".into();
    }
    crate::text::duration_words(Duration::from_secs(secs))
}

fn number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        // `as` saturates: 1e30 becomes u64::MAX, a negative number 0.
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
    use proptest::strategy::Strategy as _;

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
    fn absurd_lifetimes_do_not_expire_and_never_panic() {
        let now = Utc::now();
        for raw in [
            "9223372036854775807",
            "18446744073709551615",
            "1e30",
            "1e13",
            "\"9223372036854775807\"",
            "1.7976931348623157e308",
        ] {
            let body = format!(
                r#"{{"access_token":"AT","expires_in":{raw},"refresh_token_expires_in":{raw}}}"#
            );
            let t: TokenResponse = serde_json::from_str(&body).unwrap();
            assert_eq!(t.expires_at(now), None, "{raw}");
            assert_eq!(t.refresh_expires_at(now), None, "{raw}");
            assert_eq!(lifetime_words(t.expires_in.unwrap()), "does not expire");
        }
        let t: TokenResponse =
            serde_json::from_str(r#"{"access_token":"AT","expires_in":-5}"#).unwrap();
        assert_eq!(
            t.expires_at(now),
            Some(now),
            "a negative lifetime is already over"
        );
        assert_eq!(expiry(now, 3600), Some(now + chrono::Duration::hours(1)));
        assert_eq!(lifetime_words(59 * 86400 + 3000), "59 days");
        assert_eq!(lifetime_words(3599), "60 minutes");
        assert_eq!(lifetime_words(7200), "2 hours");
        assert_eq!(lifetime_words(1), "1 second");
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(
            expiry(max, 10),
            None,
            "the calendar's end is not an overflow"
        );
    }

    #[test]
    fn comma_scopes_and_no_scope() {
        let t: TokenResponse =
            serde_json::from_str(r#"{"access_token":"AT","scope":"a,b"}"#).unwrap();
        assert_eq!(t.granted_scopes().unwrap(), vec!["a", "b"]);
        let t: TokenResponse = serde_json::from_str(r#"{"access_token":"AT"}"#).unwrap();
        assert!(t.granted_scopes().is_none());
    }

    proptest::proptest! {
        /// Whatever a server puts in a token response, parsing and date arithmetic never
        /// panic.
        #[test]
        fn any_token_response_parses_or_fails_cleanly(
            expires in proptest::prop_oneof![
                proptest::num::u64::ANY.prop_map(|n| n.to_string()),
                proptest::num::i64::ANY.prop_map(|n| n.to_string()),
                proptest::num::f64::NORMAL.prop_map(|f| format!("{f:e}")),
                "\"[0-9eE.+-]{0,24}\"",
                proptest::strategy::Just("null".to_string()),
            ],
            scope in "[ -~]{0,40}",
            extra in "[ -~]{0,40}",
        ) {
            let body = format!(
                r#"{{"access_token":"AT","expires_in":{expires},"refresh_token_expires_in":{expires},"scope":{scope:?},"x":{extra:?}}}"#
            );
            if let Ok(t) = serde_json::from_str::<TokenResponse>(&body) {
                for now in [Utc::now(), DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
                    let _ = t.expires_at(now);
                    let _ = t.refresh_expires_at(now);
                }
                let _ = t.granted_scopes();
                if let Some(secs) = t.expires_in {
                    let _ = lifetime_words(secs);
                }
            }
        }

        /// Arbitrary bytes as a token response: an error, never a panic.
        #[test]
        fn arbitrary_bodies_never_panic(body in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = serde_json::from_slice::<TokenResponse>(&body);
        }
    }
}
