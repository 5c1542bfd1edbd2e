//! Masking secrets in everything the tool prints: URLs, form bodies, JSON bodies, headers.
//!
//! Two rules, applied at any depth. By name: a parameter or JSON key that carries a
//! credential is masked, whatever its spelling (`access_token`, `accessToken`,
//! `Access-Token`, `ACCESS TOKEN` are one name). By shape: a value that looks like a token
//! (a JWT, or a long opaque credential) is masked under any name. A body that cannot be
//! parsed as JSON or a form is never echoed: it is described ("unparseable body, N
//! bytes", or an HTML page's title). Used by the `-v` transcript, by error messages that
//! quote a provider's response, and by doctor.

use std::borrow::Cow;

use url::Url;

pub const MASK: &str = "[redacted]";

/// Parameter and JSON key names whose values are secrets, normalised (see [`normalize`]).
const SECRET_KEYS: &[&str] = &[
    "accesstoken",
    "refreshtoken",
    "idtoken",
    "token",
    "code",
    "authcode",
    "authorizationcode",
    "codeverifier",
    "clientsecret",
    "clientassertion",
    "assertion",
    "password",
    "passwd",
    "oauthverifier",
    "oauthtoken",
    "oauthtokensecret",
    "oauthsignature",
    "fbexchangetoken",
    "devicecode",
    "state",
    "jwt",
    "apikey",
    "authorization",
    "cookie",
    "setcookie",
    "privatekey",
];

/// Normalised names whose values are public by design and often look random (an app's
/// client id, a PKCE challenge): shown, so a transcript can still be compared with the
/// provider's console.
const PUBLIC_KEYS: &[&str] = &["clientid", "codechallenge", "redirecturi", "scope"];

/// Endings of normalised names that carry a secret (`pageAccessToken`, `app_secret`, ...).
const SECRET_SUFFIXES: &[&str] = &["token", "secret", "password", "jwt", "apikey"];

/// Header names whose values are secrets.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "access-token",
];

/// A name without its case and separators: `access_token`, `accessToken`,
/// `Access-Token` and `ACCESS TOKEN` are all `accesstoken`.
fn normalize(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn is_secret_key(key: &str) -> bool {
    let key = normalize(key);
    SECRET_KEYS.contains(&key.as_str()) || SECRET_SUFFIXES.iter().any(|s| key.ends_with(s))
}

/// Whether a value under `key` is public by design, and shown as it is.
fn is_public_key(key: &str) -> bool {
    PUBLIC_KEYS.contains(&normalize(key).as_str())
}

pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.contains(&name.to_ascii_lowercase().as_str())
}

/// Characters of a bearer credential: base64, base64url, and the `.`/`~` some use.
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '+' | '/' | '=')
}

fn is_b64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// A JWT/JWS/JWE in compact form (RFC 7519 §3, RFC 7515 §7.1): base64url segments joined
/// by dots, the first a JSON header, so it begins with `eyJ` (`{"` encoded). Only the
/// first two segments must be non-empty (an unsecured JWT has an empty signature).
fn is_jwt(word: &str) -> bool {
    word.match_indices("eyJ").any(|(i, _)| {
        let mut segments = word[i..].split('.');
        let header = segments.next().unwrap_or_default();
        let payload = segments.next();
        let third = segments.next();
        header.len() > 3
            && header.chars().all(is_b64url)
            && payload.is_some_and(|p| !p.is_empty() && p.chars().all(is_b64url))
            && third.is_some()
    })
}

/// A long opaque credential (Meta's `EAA…`, Google's `ya29.…`, GitHub's `gho_…`, Slack's
/// `xoxb-…`): 32 or more token characters, nearly all letters and digits, mixing upper
/// case, lower case and digits. Paths and URLs (many separators), UUIDs and hex digests
/// (no upper case) and numeric ids do not qualify.
fn is_opaque_token(word: &str) -> bool {
    let len = word.chars().count();
    let alnum = word.chars().filter(char::is_ascii_alphanumeric).count();
    len >= 32
        && alnum * 10 >= len * 9
        && word.chars().any(|c| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase())
        && word.chars().any(|c| c.is_ascii_digit())
}

fn is_token_shaped(word: &str) -> bool {
    is_jwt(word) || is_opaque_token(word)
}

/// Free text with every token-shaped word masked (a JWT quoted in a description, a token
/// echoed in a page title). Borrowed when nothing is masked.
pub fn text(s: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut rest = s.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !is_token_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = rest.peek() {
            if !is_token_char(c) {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        if is_token_shaped(&s[start..end]) {
            out.push_str(&s[copied..start]);
            out.push_str(MASK);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
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

/// An `application/x-www-form-urlencoded` string with secret values masked: by the
/// decoded name (`access%5Ftoken`, `Access+Token`), or by a token-shaped decoded value.
pub fn form(raw: &str) -> String {
    raw.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => {
                let key = decode(k);
                let secret = is_secret_key(&key)
                    || !is_public_key(&key) && matches!(text(&decode(v)), Cow::Owned(_));
                if secret {
                    format!("{k}={MASK}")
                } else {
                    pair.to_string()
                }
            }
            None => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// One form-encoded component, decoded (`+` is a space, WHATWG URL §5.1).
fn decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("{s}=").as_bytes())
        .next()
        .map(|(k, _)| k.into_owned())
        .unwrap_or_default()
}

/// Whether text reads as form fields: `name=value` pairs joined by `&`, names without
/// spaces. Values may hold anything but `&`, raw spaces included (a sloppy encoder).
fn looks_like_form(s: &str) -> bool {
    s.contains('=')
        && s.split('&').all(|pair| {
            pair.is_empty()
                || pair.split_once('=').is_some_and(|(k, _)| {
                    !k.is_empty()
                        && !k.contains(|c: char| c.is_whitespace() || "<>{}\"".contains(c))
                })
        })
}

/// A JSON value with the values of secret keys masked, and token-shaped strings masked
/// under any key, at any depth.
pub fn json(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    // A number is never a credential (`"code": 415` is an error code).
                    let v = if is_secret_key(k) && !v.is_null() && !v.is_number() {
                        Value::String(MASK.into())
                    } else if is_public_key(k) {
                        v.clone()
                    } else {
                        json(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(json).collect()),
        Value::String(s) => Value::String(text(s).into_owned()),
        other => other.clone(),
    }
}

/// A response or request body, masked according to what it looks like. What cannot be
/// parsed as JSON or a form is described, never echoed: JSON nested past serde_json's
/// depth limit (128) fails to parse and may still hold a token.
pub fn body(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return String::new();
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed) {
        return json(&value).to_string();
    }
    if is_html(trimmed) {
        return match html_title(trimmed) {
            Some(title) => format!("an HTML page titled \"{title}\" ({} bytes)", bytes.len()),
            None => format!("an HTML page ({} bytes)", bytes.len()),
        };
    }
    if !trimmed.starts_with(['{', '[']) && looks_like_form(trimmed) {
        return form(trimmed);
    }
    unparseable(bytes.len())
}

fn unparseable(len: usize) -> String {
    format!("unparseable body, {len} bytes")
}

fn is_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype") || head.starts_with("<html") || head.contains("<body")
}

/// The `<title>` of an HTML page (a proxy's or a captive portal's error page), short, with
/// token-shaped words masked: what identifies the page, without echoing its content.
pub fn html_title(text: &str) -> Option<String> {
    if !is_html(text) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<title>")? + "<title>".len();
    let end = lower[start..].find("</title>")? + start;
    // One line; a `name=value` word is masked as a form field would be.
    let title = text[start..end]
        .split_whitespace()
        .map(|word| {
            if looks_like_form(word) {
                Cow::Owned(form(word))
            } else {
                Cow::Borrowed(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let title = truncate(&self::text(&title), 100);
    Some(title).filter(|t| !t.is_empty())
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

    /// JSON nested `depth` levels deep (arrays) around a token response.
    fn deep(depth: usize, secret: &str) -> String {
        format!(
            r#"{{"access_token":"{secret}","x":{}{{"refresh_token":"{secret}"}}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    }

    #[test]
    fn json_too_deep_to_parse_is_described_never_echoed() {
        // serde_json stops at 128 levels; the body was then shown as text.
        for depth in [127, 128, 200, 5000] {
            let shown = body(deep(depth, "DEEPSECRET").as_bytes());
            assert!(!shown.contains("DEEPSECRET"), "depth {depth}: {shown}");
        }
        let raw = deep(300, "DEEPSECRET");
        assert_eq!(
            body(raw.as_bytes()),
            format!("unparseable body, {} bytes", raw.len())
        );
        assert_eq!(body(b"Bad Request"), "unparseable body, 11 bytes");
    }

    #[test]
    fn keys_are_matched_in_any_case_and_separator_style() {
        let v = serde_json::json!({
            "accessToken": "AT1", "refreshToken": "RT1", "idToken": "IT1",
            "clientSecret": "CS1", "Access-Token": "AT2", "ACCESS TOKEN": "AT3",
            "data": [{"pageAccessToken": "PAT", "app.secret": "AS", "x-api-key": "AK"}],
            "token_type": "bearer", "expiresIn": 3600, "userName": "zoe"
        });
        let out = json(&v).to_string();
        for secret in [
            "AT1", "RT1", "IT1", "CS1", "AT2", "AT3", "PAT", "\"AS\"", "AK",
        ] {
            assert!(!out.contains(secret), "{secret}: {out}");
        }
        for kept in ["bearer", "3600", "zoe"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        assert!(!form("Access%2DToken=F1&refreshToken=F2&x=1").contains('F'));
    }

    const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl-_x";

    #[test]
    fn jwt_shaped_values_are_masked_under_any_key() {
        let v = serde_json::json!({
            "user": {"profile": {"session": JWT, "note": format!("Bearer {JWT} expired")}},
            "list": [[JWT]],
            "unsecured": "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
        });
        let out = json(&v).to_string();
        assert!(!out.contains("eyJ"), "{out}");
        assert!(out.contains("Bearer [redacted] expired"), "{out}");
        assert!(!form(&format!("blob={JWT}&x=1")).contains("eyJ"));
        assert!(!text(&format!("<title>{JWT}</title>")).contains("eyJ"));
    }

    #[test]
    fn long_opaque_tokens_are_masked_but_ids_urls_and_uuids_are_not() {
        for token in [
            "EAABsbCS1iHgBAKZBZCZCZAZDZD0a1b2c3d4e5f6g7h8i9j0kLmNoP",
            "ya29.a0AfH6SMBx3kqLz9Q2W8vNcT4pR7uY1iO0eLmKjHgFdSaZxCvBnM",
            "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        ] {
            assert_eq!(text(&format!("t {token}.")), "t [redacted]", "{token}");
        }
        for kept in [
            "4d0c5b2e-1c59-4f6b-9b1a-6f0e9c8d7a21",
            "12345678901234567890123456789012345",
            "https://pbs.twimg.com/profile_images/1234567/AbCdEf_normal.jpg",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "a plain sentence about a Redirect URI mismatch",
        ] {
            assert_eq!(text(kept), kept);
        }
        // Public by design even when they look random.
        let v = serde_json::json!({"client_id": "Z3JxQ0xXYjZ5aFdWbDBqS2ZnRzE6MTpjaQ", "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"});
        assert_eq!(json(&v), v);
    }

    #[test]
    fn form_bodies_with_raw_spaces_are_still_masked() {
        // A -v transcript of a sloppy (or hostile) form body: it was shown as text.
        for raw in [
            "grant_type=refresh_token&refresh_token=RTSECRET&scope=read write",
            "scope=read+write&code=RTSECRET",
            "scope=read%20write&client_secret=RTSECRET",
            "note=two words&Access+Token=RTSECRET",
        ] {
            let shown = body(raw.as_bytes());
            assert!(!shown.contains("RTSECRET"), "{raw} -> {shown}");
            assert!(
                shown.contains("scope=read") || shown.contains("note=two"),
                "{shown}"
            );
        }
    }

    #[test]
    fn html_shows_a_short_masked_title_never_the_page() {
        let page = format!(
            "<!DOCTYPE html><html><head><title>Login {JWT}</title></head><body>access_token=PAGESECRET</body></html>"
        );
        let shown = body(page.as_bytes());
        assert!(
            !shown.contains("PAGESECRET") && !shown.contains("eyJ"),
            "{shown}"
        );
        assert!(shown.contains("Login [redacted]"), "{shown}");
        let shown = body(b"<html><title>Error for code=PAGESECRET&x=1</title></html>");
        assert_eq!(
            shown,
            "an HTML page titled \"Error for code=[redacted]&x=1\" (57 bytes)"
        );
        let untitled = body(b"<html><body>access_token=PAGESECRET</body></html>");
        assert_eq!(untitled, "an HTML page (49 bytes)");
        let long = format!("<html><title>{}</title></html>", "word ".repeat(100));
        assert!(body(long.as_bytes()).len() < 200);
    }

    #[test]
    fn secret_headers() {
        assert!(is_secret_header("Authorization"));
        assert!(is_secret_header("set-cookie"));
        assert!(!is_secret_header("content-type"));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use serde_json::{Map, Value};

        /// Secret names as words, respelled by [`spelled`] in every case and separator style.
        const SECRET_NAMES: &[&[&str]] = &[
            &["access", "token"],
            &["refresh", "token"],
            &["id", "token"],
            &["client", "secret"],
            &["code"],
            &["code", "verifier"],
            &["password"],
            &["oauth", "token", "secret"],
            &["page", "access", "token"],
            &["app", "secret"],
            &["device", "code"],
            &["jwt"],
            &["api", "key"],
            &["state"],
        ];

        fn spelled() -> impl Strategy<Value = String> {
            let name = prop::sample::select(SECRET_NAMES);
            let sep = prop::sample::select(&["_", "-", "", " ", "."][..]);
            (name, sep, 0..5u8, any::<u64>()).prop_map(|(words, sep, style, bits)| {
                let cased: Vec<String> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| match style {
                        0 => w.to_string(),
                        1 => w.to_uppercase(),
                        // camelCase and PascalCase
                        2 | 3 if i > 0 || style == 3 => {
                            let mut c = w.chars();
                            let first = c.next().unwrap().to_uppercase();
                            first.chain(c).collect()
                        }
                        2 => w.to_string(),
                        // rAnDoM case
                        _ => w
                            .chars()
                            .enumerate()
                            .map(|(j, c)| {
                                if bits >> ((i * 7 + j) % 64) & 1 == 1 {
                                    c.to_ascii_uppercase()
                                } else {
                                    c
                                }
                            })
                            .collect(),
                    })
                    .collect();
                let sep = if style == 2 || style == 3 { "" } else { sep };
                cased.join(sep)
            })
        }

        /// A secret: `zq` and letters/digits, never found in the innocent parts (`a`-`m`).
        fn secret() -> impl Strategy<Value = String> {
            "zq[A-Za-z0-9]{4,16}"
        }

        fn jwt() -> impl Strategy<Value = String> {
            "eyJ[A-Za-z0-9_-]{2,20}\\.[A-Za-z0-9_-]{1,40}\\.[A-Za-z0-9_-]{0,20}"
        }

        /// A JSON tree with secrets under secret names and JWTs under innocent names,
        /// with the secrets it holds.
        fn tree() -> impl Strategy<Value = (Value, Vec<String>)> {
            let innocent_key = "[a-m]{1,8}";
            let leaf = prop_oneof![
                ("[a-m ]{0,12}").prop_map(|v| (Value::String(v), vec![])),
                any::<i32>().prop_map(|n| (Value::from(n), vec![])),
                (spelled(), secret()).prop_map(|(k, v)| {
                    (
                        Value::Object(Map::from_iter([(k, Value::String(v.clone()))])),
                        vec![v],
                    )
                }),
                (innocent_key, jwt()).prop_map(|(k, v)| {
                    (
                        Value::Object(Map::from_iter([(k, Value::String(v.clone()))])),
                        vec![v],
                    )
                }),
            ];
            leaf.prop_recursive(6, 48, 6, move |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(|items| {
                        let secrets = items.iter().flat_map(|(_, s)| s.clone()).collect();
                        (
                            Value::Array(items.into_iter().map(|(v, _)| v).collect()),
                            secrets,
                        )
                    }),
                    prop::collection::vec(("[a-m]{1,8}", inner.clone()), 0..6).prop_map(|fields| {
                        let secrets = fields.iter().flat_map(|(_, (_, s))| s.clone()).collect();
                        let map = fields.into_iter().map(|(k, (v, _))| (k, v)).collect();
                        (Value::Object(map), secrets)
                    }),
                    // A secret name over a whole subtree: masked as one.
                    (spelled(), inner)
                        .prop_map(|(k, (v, s))| { (Value::Object(Map::from_iter([(k, v)])), s) }),
                ]
            })
        }

        /// JSON without a secret name or a token-shaped value.
        fn innocent_tree() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                "[a-m ]{0,12}".prop_map(Value::String),
                any::<i32>().prop_map(Value::from),
                Just(Value::Null),
            ];
            leaf.prop_recursive(6, 48, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                    prop::collection::vec(("[a-m]{1,8}", inner), 0..6)
                        .prop_map(|fields| Value::Object(fields.into_iter().collect())),
                ]
            })
        }

        /// `value` inside `depth` levels of arrays and objects: past 128 serde_json
        /// refuses to parse it.
        fn wrapped(value: &Value, depth: usize, objects: bool) -> String {
            let inner = serde_json::to_string(value).unwrap();
            if objects {
                format!("{}{inner}{}", r#"{"a":"#.repeat(depth), "}".repeat(depth))
            } else {
                format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn no_secret_survives_a_json_body(
                (value, secrets) in tree(),
                depth in prop_oneof![0..8usize, 120..200usize],
                objects in any::<bool>(),
                pretty in any::<bool>(),
            ) {
                let raw = if pretty && depth == 0 {
                    serde_json::to_string_pretty(&value).unwrap()
                } else {
                    wrapped(&value, depth, objects)
                };
                let shown = body(raw.as_bytes());
                for s in &secrets {
                    prop_assert!(!shown.contains(s.as_str()), "{s} in {shown}");
                }
                let shown = json(&value).to_string();
                for s in &secrets {
                    prop_assert!(!shown.contains(s.as_str()), "{s} in {shown}");
                }
            }

            #[test]
            fn no_secret_survives_a_form_body(
                fields in prop::collection::vec(prop_oneof![
                    (spelled(), secret()).prop_map(|(k, v)| (k, v, true)),
                    ("[a-m]{1,8}", jwt()).prop_map(|(k, v)| (k, v, true)),
                    ("[a-m]{1,8}", "[a-m ]{0,12}").prop_map(|(k, v)| (k, v, false)),
                ], 0..8),
                space in prop::sample::select(&["+", "%20", " "][..]),
            ) {
                let raw = fields
                    .iter()
                    .map(|(k, v, _)| {
                        let enc = |s: &str| -> String {
                            url::form_urlencoded::byte_serialize(s.as_bytes())
                                .collect::<String>()
                                .replace('+', space)
                        };
                        format!("{}={}", enc(k), enc(v))
                    })
                    .collect::<Vec<_>>()
                    .join("&");
                let shown = body(raw.as_bytes());
                for (_, v, secret) in &fields {
                    if *secret {
                        prop_assert!(!shown.contains(v.as_str()), "{v} in {shown}");
                    }
                }
            }

            #[test]
            fn innocent_json_is_kept(value in innocent_tree()) {
                prop_assert_eq!(json(&value), value.clone());
                let raw = value.to_string();
                prop_assert_eq!(body(raw.as_bytes()), raw);
            }

            #[test]
            fn any_bytes_are_redacted_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
                let _ = body(&bytes);
                let text = String::from_utf8_lossy(&bytes);
                let _ = form(&text);
                let _ = url(&text);
                let _ = super::super::text(&text);
            }
        }
    }
}
