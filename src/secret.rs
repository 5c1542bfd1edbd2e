//! [`Secret`]: a value that must never be printed (a token, a client secret, a password,
//! a provider's answer that may quote one). Its `Debug` is `[redacted]` whatever it
//! holds, it has no `Display`, and reading it takes an explicit [`Secret::expose`], so a
//! type holding one derives `Debug` safely and a search for `expose` finds every use.
//! Serialized as the value itself (a stored token is the plain string on disk), and
//! overwritten with zeros when dropped (the `zeroize` crate; a copy the program made
//! earlier, a `clone` or an `expose().to_string()`, is its own value).

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// What `Debug` shows of a secret: the mask `redact` puts in place of one too.
const SHOWN: &str = "[redacted]";

/// A secret value: a `String` unless said otherwise.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret<T: Wipe = String>(T);

impl<T: Wipe> Secret<T> {
    pub fn new(value: T) -> Secret<T> {
        Secret(value)
    }

    /// The value itself, to send or store: never to print.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The value itself, to change in place.
    pub fn expose_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl Secret {
    /// The string itself, to send or store: never to print.
    pub fn expose_str(&self) -> &str {
        &self.0
    }
}

/// `Option<Secret>::as_deref`, explicitly.
pub trait ExposeOption {
    /// The string itself, when there is one: never to print.
    fn expose_str(&self) -> Option<&str>;
}

impl ExposeOption for Option<Secret> {
    fn expose_str(&self) -> Option<&str> {
        self.as_ref().map(Secret::expose_str)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret(value.to_string())
    }
}

impl<T: Wipe> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SHOWN)
    }
}

impl<T: Wipe> Drop for Secret<T> {
    fn drop(&mut self) {
        self.0.wipe();
    }
}

/// A value [`Secret`] can overwrite when it is dropped.
pub trait Wipe {
    fn wipe(&mut self);
}

impl Wipe for String {
    fn wipe(&mut self) {
        self.zeroize();
    }
}

impl Wipe for Vec<u8> {
    fn wipe(&mut self) {
        self.zeroize();
    }
}

/// A JSON object's string values (its keys are field names, not secrets).
impl Wipe for serde_json::Map<String, serde_json::Value> {
    fn wipe(&mut self) {
        self.values_mut().for_each(wipe_value);
    }
}

fn wipe_value(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => s.zeroize(),
        serde_json::Value::Array(items) => items.iter_mut().for_each(wipe_value),
        serde_json::Value::Object(map) => map.wipe(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value_and_serde_is_the_value_itself() {
        let secret = Secret::from("AT-planted-123");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&secret)), "Some([redacted])");
        assert_eq!(SHOWN, crate::redact::MASK);
        assert_eq!(
            serde_json::to_string(&secret).unwrap(),
            "\"AT-planted-123\""
        );
        let back: Secret = serde_json::from_str("\"AT-planted-123\"").unwrap();
        assert_eq!(back.expose_str(), "AT-planted-123");
        let bytes = Secret::new(b"body".to_vec());
        assert_eq!(format!("{bytes:?}"), "[redacted]");
    }

    #[test]
    fn wiping_clears_strings_at_every_depth() {
        let mut s = String::from("secret");
        s.wipe();
        assert!(s.is_empty());
        let mut map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(r#"{"a": "x", "b": [1, "y", {"c": "z"}], "n": 3}"#).unwrap();
        map.wipe();
        assert_eq!(
            serde_json::Value::Object(map),
            serde_json::json!({"a": "", "b": [1, "", {"c": ""}], "n": 3})
        );
    }

    const PLANTED: &str = "PLANTED-S3CRET";

    fn planted() -> Secret {
        Secret::from(PLANTED)
    }

    /// Every type that holds a secret derives `Debug` over `Secret` fields: none shows one.
    #[test]
    fn no_debug_of_a_type_holding_secrets_shows_one() {
        use crate::postiz::repair::writer::{AdoptRow, Existing, SecretRow};
        use crate::store::{RegisteredApp, Secrets};
        use chrono::Utc;

        let token: crate::oauth::token::TokenResponse = serde_json::from_value(serde_json::json!({
            "access_token": PLANTED, "refresh_token": PLANTED, "id_token": PLANTED,
            "token_type": "bearer", "oauth_token_secret": PLANTED, "nested": {"a": [PLANTED]},
        }))
        .unwrap();
        let secrets = Secrets {
            access_token: planted(),
            refresh_token: Some(planted()),
            id_token: Some(planted()),
            client_secret: Some(planted()),
            token_secret: Some(planted()),
        };
        let secret_row = SecretRow {
            id: "row".into(),
            organization_id: "org".into(),
            internal_id: "1".into(),
            root_internal_id: None,
            name: "n".into(),
            provider: "x".into(),
            disabled: false,
            in_between_steps: false,
            refresh_needed: false,
            token_expiration: None,
            deleted: false,
            token: planted(),
            refresh_token: Some(planted()),
            additional_settings: None,
        };
        let adopt_row = AdoptRow {
            organization_id: "org".into(),
            internal_id: "1".into(),
            root_internal_id: "1".into(),
            name: "n".into(),
            provider: "x".into(),
            kind: "social".into(),
            profile: None,
            picture: None,
            token: planted(),
            refresh_token: planted(),
            token_expiration: Utc::now(),
            posting_times: "[]".into(),
            additional_settings: "[]".into(),
            provider_has_settings: false,
        };
        let existing = Existing {
            id: "row".into(),
            name: "n".into(),
            provider: "x".into(),
            deleted: false,
            token: planted(),
            refresh_token: Some(planted()),
            token_expiration: None,
            additional_settings: None,
            root_internal_id: None,
        };
        let shown = [
            format!("{token:?}"),
            format!("{secrets:?}"),
            format!("{secret_row:?}"),
            format!("{adopt_row:?}"),
            format!("{existing:?}"),
            format!(
                "{:?}",
                crate::oauth::oauth1::Consumer {
                    key: "key".into(),
                    secret: planted(),
                }
            ),
            format!(
                "{:?}",
                crate::oauth::oauth1::TokenPair {
                    token: planted(),
                    secret: planted(),
                    extra: Default::default(),
                }
            ),
            format!(
                "{:?}",
                crate::error::provider::Evidence::new(
                    400,
                    None,
                    None,
                    format!("{{\"error\":\"{PLANTED}\"}}").as_bytes()
                )
            ),
            format!(
                "{:?}",
                RegisteredApp {
                    instance: "https://i.example".into(),
                    client_id: "id".into(),
                    client_secret: Some(planted()),
                    redirect_uri: "http://127.0.0.1/cb".into(),
                    scopes: vec![],
                }
            ),
            format!(
                "{:?}",
                crate::providers::pages::Choice {
                    id: "1".into(),
                    name: "page".into(),
                    token: Some(planted()),
                    handle: None,
                }
            ),
            format!(
                "{:?}",
                crate::postiz::refreshable::split_refresh("vk", Some(&format!("{PLANTED}::d")))
            ),
            format!(
                "{:?}",
                crate::cli::ClientArgs {
                    client_secret: Some(planted()),
                    ..Default::default()
                }
            ),
        ];
        for text in shown {
            assert!(!text.contains(PLANTED), "{text}");
            assert!(text.contains(SHOWN), "{text}");
        }
    }

    /// Field names that hold no secret although they name one (URLs, catalog pointers and
    /// settings, a gRPC page cursor).
    const NOT_SECRETS: &[&str] = &[
        "token_url",
        "request_token_url",
        "access_token_url",
        "token_endpoint",
        "token_note",
        "token_param",
        "token_header",
        "token_id",
        "client_secret_source",
        "next_page_token",
    ];

    /// Owned string fields named after a secret that stay strings, and why.
    const ALLOWED_BARE: &[(&str, &str, &str)] = &[(
        "src/model/catalog.rs",
        "token",
        "a catalog's JSON pointer to a page's token, not the token",
    )];

    /// A field (of a struct, an enum variant, or a parameter on its own line) named after a
    /// token, secret or password holds a `Secret`, never a bare `String`: its `Debug`
    /// would print the value.
    #[test]
    fn no_field_named_after_a_secret_is_a_bare_string() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut found = Vec::new();
        let mut allowed_seen = std::collections::BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let rel = file
                .strip_prefix(src.parent().unwrap())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            for (n, line) in text.lines().enumerate() {
                let Some((name, ty)) = bare_secret_field(line) else {
                    continue;
                };
                let allowed = ALLOWED_BARE
                    .iter()
                    .position(|(f, field, _)| *f == rel && *field == name);
                if let Some(entry) = allowed {
                    allowed_seen.insert(entry);
                } else {
                    found.push(format!("{rel}:{}: {name}: {ty}", n + 1));
                }
            }
        }
        assert!(
            found.is_empty(),
            "fields holding a secret as a bare string (make them `Secret`):\n{}",
            found.join("\n")
        );
        for (entry, (file, field, _)) in ALLOWED_BARE.iter().enumerate() {
            assert!(
                allowed_seen.contains(&entry),
                "{file}: no field {field} any more: remove it from ALLOWED_BARE"
            );
        }
    }

    /// `name: Type` when the line declares a field named after a secret of an owned string
    /// type.
    fn bare_secret_field(line: &str) -> Option<(String, String)> {
        let line = line.trim();
        let line = line
            .strip_prefix("pub(crate) ")
            .or_else(|| line.strip_prefix("pub(super) "))
            .or_else(|| line.strip_prefix("pub "))
            .unwrap_or(line);
        let (name, ty) = line.split_once(": ")?;
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let lower = name.to_ascii_lowercase();
        let secretish = ["token", "secret", "password"]
            .iter()
            .any(|w| lower.contains(w));
        if !secretish || NOT_SECRETS.contains(&name) {
            return None;
        }
        let ty = ty.trim_end_matches(',').trim();
        let bare = [
            "String",
            "Option<String>",
            "Vec<u8>",
            "Option<Vec<u8>>",
            "Box<str>",
        ];
        bare.contains(&ty)
            .then(|| (name.to_string(), ty.to_string()))
    }

    #[test]
    fn the_field_check_sees_a_bare_token_and_not_a_secret_one() {
        assert!(bare_secret_field("    pub access_token: String,").is_some());
        assert!(bare_secret_field("    pub(super) refresh_token: Option<String>,").is_some());
        assert!(bare_secret_field("        client_secret: Option<String>,").is_some());
        assert!(bare_secret_field("    pub password: Vec<u8>,").is_some());
        assert!(bare_secret_field("    pub access_token: Secret,").is_none());
        assert!(bare_secret_field("    pub token_url: String,").is_none());
        assert!(bare_secret_field("    pub name: String,").is_none());
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
}
