//! What the emulator makes up: the account that logs in, shaped the way the catalog's
//! JSON pointers say, and fresh random tokens.

use base64::Engine;
use rand::RngCore;
use serde_json::{json, Value};

use crate::sandbox::client::{account_id, ACCOUNT, ACCOUNT_NAME};
use crate::sandbox::config::Config;

/// A new unguessable token, `prefix_` and 24 random bytes.
pub(super) fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// The account, in the JSON shape the catalog's pointers describe (OIDC claims when the
/// catalog names none). Where two fields share a pointer (Reddit's `/name` is its
/// username and its name), the handle wins: a name with a space would end up, escaped,
/// in the channel's name.
pub(super) fn identity_fields(body: &mut Value, config: &Config) {
    let id = &config.provider.identity;
    let account_id = account_id(&config.provider.id);
    let fields = [
        (&id.name, ACCOUNT_NAME),
        (&id.id, account_id.as_str()),
        (&id.username, ACCOUNT),
    ];
    if fields.iter().all(|(pointer, _)| pointer.is_none()) {
        for (key, value) in [
            ("sub", account_id.as_str()),
            ("preferred_username", ACCOUNT),
            ("name", ACCOUNT_NAME),
        ] {
            body[key] = Value::String(value.into());
        }
        return;
    }
    for (pointer, value) in fields {
        if let Some(pointer) = pointer {
            set_pointer(body, pointer, Value::String(value.into()));
        }
    }
}

/// Create `value` at a JSON pointer, building the objects on the way.
pub(super) fn set_pointer(root: &mut Value, pointer: &str, value: Value) {
    let mut node = root;
    // RFC 6901 escapes: `~1` is `/`, `~0` is `~`.
    let parts: Vec<String> = pointer
        .trim_start_matches('/')
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let map = match node {
            Value::Object(map) => map,
            other => {
                *other = json!({});
                other.as_object_mut().expect("just made an object")
            }
        };
        if i + 1 == parts.len() {
            map.insert(part.clone(), value);
            return;
        }
        node = map.entry(part.clone()).or_insert_with(|| json!({}));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_build_nested_identity() {
        let mut v = json!({});
        set_pointer(&mut v, "/data/username", json!("u"));
        set_pointer(&mut v, "/data/id", json!("1"));
        assert_eq!(v, json!({"data": {"username": "u", "id": "1"}}));
    }

    /// Every catalog provider gets an id of its own, and one that no channel name would
    /// escape: two sandbox providers never share a Postiz row, nor show `%20`.
    #[test]
    fn every_provider_has_its_own_account_id() {
        let catalog = crate::providers::Catalog::embedded();
        let mut seen = std::collections::BTreeMap::new();
        for provider in catalog.iter() {
            let id = account_id(&provider.id);
            assert!(!id.is_empty() && !id.contains(char::is_whitespace), "{id}");
            if let Some(other) = seen.insert(id.clone(), provider.id.clone()) {
                panic!("{} and {other} share the account id {id}", provider.id);
            }
        }
        assert_ne!(account_id("acme"), account_id("acme2"));
        // And so does each page provider's pages.
        let mut pages = std::collections::BTreeMap::new();
        for provider in catalog.iter().filter(|p| p.pages.is_some()) {
            for n in [1, 2, 30, 31] {
                let id = crate::sandbox::client::page_id(&provider.id, n);
                if let Some(other) = pages.insert(id.clone(), provider.id.clone()) {
                    panic!("{} and {other} share the page id {id}", provider.id);
                }
            }
        }
    }
}
