//! Provider mechanics beyond plain RFC 6749, each through the catalog-driven emulation:
//! two-step page choice, Meta's long-lived tokens and access-token refresh, VK's
//! device_id, TikTok's hex PKCE and client_key, TikTok Business's envelope, request
//! shapes the emulation enforces, Mastodon app registration, and X over OAuth 1.0a.

use crate::common::*;
use postiz_connect::sandbox::page_id;
use serde_json::Value;

fn connect_at(sb: &Sandbox, provider: &str, base: &str, extra: &[&str]) -> std::process::Output {
    sb.cmd()
        .args([
            provider,
            "--sandbox-at",
            base,
            "--insecure-storage",
            "--browser-timeout",
            "20s",
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// A user entry for `provider` without the refresh parameters Postiz sends: the sandbox
/// connects it, then refuses its refresh, naming the missing parameter.
fn a_bare_refresh_is_refused(provider: &str, entry: &str, channel: &str) {
    let (_p, _server, client, base) = with_entry(provider, entry);
    let out = connect_at(&client, provider, &base, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = client.run(&["refresh", channel, "--force"]);
    assert!(
        stderr(&out).contains("is required by this provider"),
        "{}",
        stderr(&out)
    );
}

fn channel(sb: &Sandbox, name: &str) -> Value {
    sb.status_json()
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel"] == name)
        .unwrap_or_else(|| panic!("no channel {name}"))
        .clone()
}

#[test]
fn two_step_without_a_page_lists_the_choices_and_exits_6() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("facebook", &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    let first = page_id("facebook", 1);
    assert!(
        err.contains(&first) && err.contains("Sandbox Page Two"),
        "{err}"
    );
    assert!(err.contains("--page"), "{err}");
    // Business Manager pages (owned and client) are listed too, each page once.
    assert!(
        err.contains("Business Page 0") && err.contains("Business Page 1"),
        "{err}"
    );
    assert_eq!(err.matches(&first).count(), 1, "{err}");
    // A page from the second page of results (paging.next) is found too.
    let out = sb.sandbox_connect("facebook", &["--page", &page_id("facebook", 2)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.sandbox_connect("facebook", &["--page", "no such page"]);
    assert_failed_with(&out, 2, "Sandbox Page Two");
}

#[test]
fn meta_page_channel_stores_the_page_token_after_the_long_lived_exchange() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("instagram", &["--page", "Sandbox Page", "-v"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("long-lived"), "{err}");
    assert!(err.contains("grant_type=fb_exchange_token"), "{err}");
    // The secret travels in the query string of a GET, and the transcript masks it.
    assert!(
        err.contains("> GET") && !err.contains("sandbox-secret"),
        "{err}"
    );
    let id = page_id("instagram", 1);
    let c = channel(&sb, &format!("instagram:{id}"));
    assert_eq!(c["page"]["kind"], "account");
    assert_eq!(c["page"]["own_token"], true);
    assert_eq!(
        sb.token(&format!("instagram:{id}")),
        format!("page-token-{id}")
    );
    // The page without an Instagram account was not offered.
    let out = sb.sandbox_connect("instagram", &["--page", "2999"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn instagram_lists_business_manager_pages_as_facebook_does() {
    // instagram.provider.ts pages(): /me/accounts, then each business's owned_pages and
    // client_pages, each page once, only those with an Instagram business account.
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("instagram", &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Business Page 0") && err.contains("Business Page 1"),
        "{err}"
    );
    assert_eq!(err.matches(&page_id("instagram", 1)).count(), 1, "{err}");
    assert!(!err.contains("Not eligible"), "{err}");
    let out = sb.sandbox_connect("instagram", &["--page", "Business Page 1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = page_id("instagram", 31);
    let c = channel(&sb, &format!("instagram:{id}"));
    assert_eq!(c["page"]["kind"], "account");
    assert_eq!(
        sb.token(&format!("instagram:{id}")),
        format!("page-token-{id}")
    );
}

#[test]
fn meta_page_channels_expire_after_59_days_and_are_not_refreshed_as_in_postiz() {
    // facebook.provider.ts and instagram.provider.ts: expiresIn = 59 days, and a
    // refreshToken() that returns nothing, so Postiz asks for a reconnect after 59 days.
    let sb = Sandbox::new();
    for provider in ["facebook", "instagram"] {
        let page = page_id(provider, 1);
        let page = page.as_str();
        let described: Value =
            serde_json::from_slice(&sb.run(&["providers", provider, "--json"]).stdout).unwrap();
        assert_eq!(described[0]["refresh"], "none", "{provider}: {described}");
        assert!(
            described[0]["refresh_description"]
                .as_str()
                .unwrap()
                .contains("59 days"),
            "{provider}: {described}"
        );
        let server = sb.emulator(&[provider, "--auto-approve"]);
        let base = server.url("base_url").to_string();
        let out = connect_at(&sb, provider, &base, &["--page", page]);
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
        let name = format!("{provider}:{page}");
        let c = channel(&sb, &name);
        assert_eq!(c["refresh"], "none", "{c}");
        assert_eq!(c["has_refresh_token"], false, "{c}");
        let expires: chrono::DateTime<chrono::Utc> =
            c["expires_at"].as_str().unwrap().parse().unwrap();
        let days = (expires - chrono::Utc::now()).num_hours() as f64 / 24.0;
        assert!(
            (58.9..=59.0).contains(&days),
            "{provider}: {days} days: {c}"
        );
        let out = sb.run(&["refresh", &name, "--force"]);
        let err = stderr(&out);
        assert!(
            err.contains("59 days") && err.contains("reconnect"),
            "{err}"
        );
        assert_eq!(sb.token(&name), format!("page-token-{page}"));
    }
}

#[test]
fn granted_scopes_come_from_permissions_endpoint_and_tokeninfo() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect(
        "facebook",
        &[
            "--page",
            &page_id("facebook", 1),
            "--fault",
            "scope-downgrade",
        ],
    );
    // /me/permissions lists a declined permission and omits the unticked one.
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert!(stderr(&out).contains("read_insights"), "{}", stderr(&out));
    let out = sb.sandbox_connect(
        "youtube",
        &["--page", "Sandbox Page", "--fault", "scope-downgrade"],
    );
    assert_failed_with(&out, 7, "yt-analytics.readonly");
}

#[test]
fn instagram_refresh_waits_24h_then_uses_ig_refresh_token() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["instagram-standalone", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = connect_at(&sb, "instagram-standalone", &base, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let name = "instagram-standalone:sandbox_user";
    let before = sb.token(name);
    let out = sb.run(&["refresh", name, "--force", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"too_young\""), "{}", stdout(&out));
    assert_eq!(sb.token(name), before);
    // Let a day pass: the channel's token is now old enough.
    let path = sb
        .path("home")
        .join("channels")
        .join("instagram-standalone%3Asandbox_user.json");
    let mut stored: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let day_ago = chrono::Utc::now() - chrono::Duration::hours(25);
    stored["token_issued_at"] = Value::String(day_ago.to_rfc3339());
    std::fs::write(&path, serde_json::to_vec(&stored).unwrap()).unwrap();
    let out = sb.run(&["refresh", name, "--force", "--json", "-v"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"refreshed\""), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("grant_type=ig_refresh_token"),
        "{}",
        stderr(&out)
    );
    assert_ne!(sb.token(name), before);
}

#[test]
fn vk_sends_device_id_back_on_exchange_and_refresh() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["vk", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = connect_at(&sb, "vk", &base, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let c = channel(&sb, "vk:870123456");
    assert!(
        c["callback_params"]["device_id"]
            .as_str()
            .unwrap()
            .starts_with("device_id_"),
        "{c}"
    );
    let out = sb.run(&["refresh", "vk:870123456", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Without the stored device_id the refresh cannot be built, and says why.
    let path = sb.path("home").join("channels").join("vk%3A870123456.json");
    let mut stored: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    stored["callback_params"] = serde_json::json!({});
    std::fs::write(&path, serde_json::to_vec(&stored).unwrap()).unwrap();
    let out = sb.run(&["refresh", "vk:870123456", "--force"]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert!(stderr(&out).contains("device_id"), "{}", stderr(&out));
}

/// The authorization request `provider --sandbox -v` sent, as its query parameters.
fn authorize_query(
    sb: &Sandbox,
    provider: &str,
    extra: &[&str],
) -> std::collections::HashMap<String, String> {
    let out = sb.sandbox_connect(provider, &[&["-v"], extra].concat());
    assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("/oauth/authorize?"))
        .unwrap_or_else(|| panic!("{provider}: no authorization request in {err}"));
    let url = url::Url::parse(line.trim().trim_start_matches("> GET ")).unwrap();
    url.query_pairs().into_owned().collect()
}

#[test]
fn authorization_requests_carry_what_postiz_sends() {
    // generateAuthUrl() of each *.provider.ts in gitroomhq/postiz-app: Slack sends no
    // PKCE; LinkedIn and LinkedIn Page send prompt=none; VK, Kick and Whop send an S256
    // challenge. (provider, --page, parameters present, parameters absent)
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        &'a [(&'a str, Option<&'a str>)],
        &'a [&'a str],
    );
    let li_page = page_id("linkedin-page", 1);
    let rows: &[Row] = &[
        ("slack", None, &[("scope", Some("channels:read,chat:write,users:read,groups:read,channels:join,chat:write.customize"))], &["code_challenge", "code_challenge_method"]),
        ("linkedin", None, &[("prompt", Some("none"))], &["code_challenge"]),
        ("linkedin-page", Some(&li_page), &[("prompt", Some("none"))], &["code_challenge"]),
        ("vk", None, &[("code_challenge_method", Some("S256")), ("code_challenge", None)], &[]),
        ("kick", None, &[("code_challenge_method", Some("S256")), ("code_challenge", None)], &[]),
        ("whop", None, &[("code_challenge_method", Some("S256")), ("code_challenge", None)], &[]),
    ];
    let sb = Sandbox::new();
    for (provider, page, present, absent) in rows {
        let extra: Vec<&str> = page.iter().flat_map(|p| ["--page", *p]).collect();
        let q = authorize_query(&sb, provider, &extra);
        for (key, value) in *present {
            let got = q
                .get(*key)
                .unwrap_or_else(|| panic!("{provider}: no {key} in {q:?}"));
            if let Some(value) = value {
                assert_eq!(got, value, "{provider}: {key}");
            }
        }
        for key in *absent {
            assert!(
                !q.contains_key(*key),
                "{provider}: {key} must not be sent: {q:?}"
            );
        }
    }
}

#[test]
fn the_emulation_refuses_what_postiz_does_not_send() {
    // Slack as Postiz runs it sends no PKCE: an entry that adds it is refused.
    let out = connect_with_entry(
        "slack",
        "[slack]\nname = \"Slack (PKCE)\"\nauthorize_url = \"https://slack.com/oauth/v2/authorize\"\ntoken_url = \"https://slack.com/api/oauth.v2.access\"\nscopes = [\"chat:write\"]\nscope_separator = \",\"\npkce = \"accepted\"\nclient_auth = \"post\"\nerror_format = \"slack\"\n[slack.identity]\nin_token_response = true\nid = \"/team/id\"\nname = \"/team/name\"\n",
    );
    assert_failed_with(&out, 4, "code_challenge is not supported");
    // LinkedIn as Postiz runs it sends prompt=none: an entry without it is refused.
    let out = connect_with_entry(
        "linkedin",
        "[linkedin]\nname = \"LinkedIn (no prompt)\"\nauthorize_url = \"https://www.linkedin.com/oauth/v2/authorization\"\ntoken_url = \"https://www.linkedin.com/oauth/v2/accessToken\"\nscopes = [\"openid\"]\npkce = \"unsupported\"\nclient_auth = \"post\"\n[linkedin.identity]\nurl = \"https://api.linkedin.com/v2/userinfo\"\nid = \"/sub\"\n",
    );
    assert_failed_with(&out, 4, "prompt=none is required");
}

#[test]
fn threads_authorizes_on_the_host_postiz_uses() {
    // threads.provider.ts: https://www.threads.net/oauth/authorize.
    let sb = Sandbox::new();
    let out = sb.run(&["providers", "threads", "--json"]);
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        p[0]["authorize_url"], "https://www.threads.net/oauth/authorize",
        "{p}"
    );
}

#[test]
fn tiktok_token_request_is_the_one_postiz_sends() {
    // tiktok.provider.ts: client_key, no code_challenge; the token request carries
    // code_verifier = the state (the emulation checks it is exactly that).
    let sb = Sandbox::new();
    let q = authorize_query(&sb, "tiktok", &[]);
    assert_eq!(q["client_key"], "sandbox-client");
    assert!(!q.contains_key("client_id"), "{q:?}");
    assert!(!q.contains_key("code_challenge"), "{q:?}");
    let entry = |pkce: &str, token_params: &str| {
        format!("[tiktok]\nname = \"TikTok\"\nauthorize_url = \"https://www.tiktok.com/v2/auth/authorize/\"\ntoken_url = \"https://open.tiktokapis.com/v2/oauth/token/\"\nscopes = [\"user.info.basic\"]\nscope_separator = \",\"\n{pkce}\n{token_params}\nclient_auth = \"post\"\nclient_id_param = \"client_key\"\n[tiktok.identity]\nurl = \"https://open.tiktokapis.com/v2/user/info/\"\nid = \"/data/user/open_id\"\nusername = \"/data/user/username\"\n")
    };
    // A challenge is refused; so is a token request without the verifier, or with
    // another one than the state.
    assert_failed_with(
        &connect_with_entry(
            "tiktok",
            &entry("pkce = \"required\"\npkce_encoding = \"hex\"", ""),
        ),
        4,
        "code_challenge is not supported",
    );
    assert_failed_with(
        &connect_with_entry("tiktok", &entry("pkce = \"unsupported\"", "")),
        4,
        "code_verifier is required by this provider",
    );
    assert_failed_with(
        &connect_with_entry(
            "tiktok",
            &entry(
                "pkce = \"unsupported\"",
                "token_params = { code_verifier = \"{redirect_uri}\" }",
            ),
        ),
        4,
        "code_verifier must be the state of the authorization request",
    );
}

#[test]
fn tiktok_desktop_entry_uses_a_hex_challenge() {
    // TikTok's desktop apps want PKCE with a hex-encoded challenge: an entry saying so,
    // emulated as written, connects with one.
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("home")).unwrap();
    std::fs::write(
        sb.path("home").join("providers.toml"),
        "[tiktok]\nname = \"TikTok (desktop)\"\nauthorize_url = \"https://www.tiktok.com/v2/auth/authorize/\"\ntoken_url = \"https://open.tiktokapis.com/v2/oauth/token/\"\nscopes = [\"user.info.basic\"]\nscope_separator = \",\"\npkce = \"required\"\npkce_encoding = \"hex\"\nclient_auth = \"post\"\nclient_id_param = \"client_key\"\n[tiktok.identity]\nurl = \"https://open.tiktokapis.com/v2/user/info/\"\nid = \"/data/user/open_id\"\nusername = \"/data/user/username\"\n",
    )
    .unwrap();
    let q = authorize_query(&sb, "tiktok", &[]);
    let challenge = &q["code_challenge"];
    assert_eq!(challenge.len(), 64);
    assert!(challenge
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
}

#[test]
fn tiktok_channels_keep_the_account_id_postiz_stores() {
    // tiktok.provider.ts stores open_id without hyphens; tiktok.business.provider.ts
    // stores the token response's open_id (the business/get answer has no id at all).
    let sb = Sandbox::new();
    for (provider, name, id) in [
        (
            "tiktok",
            "tiktok:sandbox_user",
            "000d3c8e7f214b6a9e0c5a1f2b3c4d5e",
        ),
        (
            "tiktok-business",
            "tiktok-business:sandbox_user",
            "7f3a9c2e-4b1d-4e8a-b6c5-d2e1f0a9b8c7",
        ),
    ] {
        let out = sb.sandbox_connect(provider, &[]);
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
        let c = channel(&sb, name);
        assert_eq!(c["account_id"], id, "{provider}: {c}");
    }
}

#[test]
fn tiktok_business_errors_inside_an_http_200_envelope_are_failures() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("tiktok-business", &["--fault", "invalid-grant"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("40001") && err.contains("invalid_grant"),
        "{err}"
    );
}

/// Connect with a user catalog entry that differs from the embedded one, against an
/// emulation of the embedded one: what the real provider would say to that entry.
fn connect_with_entry(provider: &str, entry: &str) -> std::process::Output {
    let (_provider_side, _server, client_side, base) = with_entry(provider, entry);
    connect_at(&client_side, provider, &base, &[])
}

/// An emulation of the embedded entry, and a client home whose catalog has `entry`:
/// (provider's side, its emulator, client's side, the emulator's base URL).
fn with_entry(provider: &str, entry: &str) -> (Sandbox, Emulator, Sandbox, String) {
    let provider_side = Sandbox::new();
    let server = provider_side.emulator(&[provider, "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let client_side = Sandbox::new();
    std::fs::create_dir_all(client_side.path("home")).unwrap();
    std::fs::write(client_side.path("home").join("providers.toml"), entry).unwrap();
    (provider_side, server, client_side, base)
}

/// Connect through the emulation of the embedded entry, then refresh with `-v`.
fn connect_and_refresh(sb: &Sandbox, base: &str, provider: &str, channel: &str) -> String {
    let out = connect_at(sb, provider, base, &[]);
    assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
    let out = sb.run(&["refresh", channel, "--force", "-v"]);
    assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
    stderr(&out)
}

/// The body of the last request the `-v` transcript shows to a URL containing `path`.
fn last_request_body(transcript: &str, path: &str) -> String {
    let start = transcript
        .rfind(path)
        .unwrap_or_else(|| panic!("no request to {path} in {transcript}"));
    let rest = &transcript[start..];
    let body_at = rest.find(">\n").expect("a request body") + 2;
    rest[body_at..]
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn vk_refresh_sends_state_and_scope_as_postiz_does() {
    // vk.provider.ts refreshToken(): a multipart body with grant_type, refresh_token,
    // client_id, device_id, a random state and the scopes joined with spaces.
    let sb = Sandbox::new();
    let server = sb.emulator(&["vk", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let t = connect_and_refresh(&sb, &base, "vk", "vk:870123456");
    let body = last_request_body(&t, "/oauth/token");
    let q: std::collections::HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(q["grant_type"], "refresh_token", "{body}");
    assert_eq!(
        q["scope"], "vkid.personal_info email wall status docs photos video",
        "{body}"
    );
    assert!(
        !q["state"].is_empty() && q.contains_key("device_id"),
        "{body}"
    );
    assert!(t.contains("content-type: multipart/form-data"), "{t}");
    // An entry that leaves them out is refused on refresh.
    a_bare_refresh_is_refused("vk", "[vk]\nname = \"VK (bare refresh)\"\nauthorize_url = \"https://id.vk.com/authorize\"\ntoken_url = \"https://id.vk.com/oauth2/auth\"\nscopes = [\"vkid.personal_info\"]\npkce = \"required\"\nclient_auth = \"none\"\ntoken_format = \"multipart\"\ncallback_params = [\"device_id\"]\n[vk.refresh]\nparams = { device_id = \"{device_id}\" }\n[vk.identity]\nurl = \"https://id.vk.com/oauth2/user_info\"\nmethod = \"post\"\ntoken_param = \"access_token\"\nid = \"/user/user_id\"\n", "vk:870123456");
}

#[test]
fn pinterest_refresh_sends_scope_and_redirect_uri_as_postiz_does() {
    // pinterest.provider.ts refreshToken(): HTTP Basic and a form with grant_type,
    // refresh_token, scope (comma-joined) and redirect_uri.
    let sb = Sandbox::new();
    let server = sb.emulator(&["pinterest", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let t = connect_and_refresh(&sb, &base, "pinterest", "pinterest:sandbox_user");
    let body = last_request_body(&t, "/oauth/token");
    let q: std::collections::HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(q["grant_type"], "refresh_token", "{body}");
    assert_eq!(
        q["scope"], "boards:read,boards:write,pins:read,pins:write,user_accounts:read",
        "{body}"
    );
    let stored = channel(&sb, "pinterest:sandbox_user");
    assert_eq!(
        q["redirect_uri"],
        stored["redirect_uri"].as_str().unwrap(),
        "{body}"
    );
    // An entry that leaves them out is refused on refresh.
    a_bare_refresh_is_refused("pinterest", "[pinterest]\nname = \"Pinterest (bare refresh)\"\nauthorize_url = \"https://www.pinterest.com/oauth/\"\ntoken_url = \"https://api.pinterest.com/v5/oauth/token\"\nscopes = [\"user_accounts:read\"]\nscope_separator = \",\"\npkce = \"unsupported\"\nclient_auth = \"basic\"\n[pinterest.identity]\nurl = \"https://api.pinterest.com/v5/user_account\"\nid = \"/id\"\nusername = \"/username\"\n", "pinterest:sandbox_user");
}

#[test]
fn mastodon_exchanges_the_code_in_a_multipart_request_with_scope() {
    // mastodon.provider.ts dynamicAuthenticate(): FormData with client_id,
    // client_secret, code, grant_type, redirect_uri and scope (space-joined).
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("mastodon", &["-v"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let t = stderr(&out);
    let body = last_request_body(&t, "/oauth/token");
    let q: std::collections::HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(q["grant_type"], "authorization_code", "{body}");
    assert_eq!(q["scope"], "write:statuses profile write:media", "{body}");
    let token_call = &t[t.rfind("/oauth/token").unwrap()..];
    assert!(
        token_call.contains("content-type: multipart/form-data"),
        "{token_call}"
    );
    // The emulation refuses a form body, and a multipart one without the scope.
    let entry = |format: &str| {
        format!("[mastodon]\nname = \"Mastodon ({format})\"\nbase_url = \"https://mastodon.social\"\nauthorize_url = \"{{base}}/oauth/authorize\"\ntoken_url = \"{{base}}/oauth/token\"\nscopes = [\"profile\"]\npkce = \"unsupported\"\nclient_auth = \"post\"\ntoken_format = \"{format}\"\n[mastodon.refresh]\nstyle = \"none\"\n[mastodon.identity]\nurl = \"{{base}}/api/v1/accounts/verify_credentials\"\nid = \"/id\"\nusername = \"/acct\"\n")
    };
    assert_failed_with(
        &connect_with_entry("mastodon", &entry("form")),
        4,
        "expects the token request as multipart, not form",
    );
    assert_failed_with(
        &connect_with_entry("mastodon", &entry("multipart")),
        4,
        "scope is required by this provider",
    );
}

#[test]
fn the_emulation_refuses_a_token_request_of_the_wrong_shape() {
    // Whop takes a JSON body; an entry that says `form` (the default) is refused.
    let out = connect_with_entry(
        "whop",
        "[whop]\nname = \"Whop (form)\"\nauthorize_url = \"https://api.whop.com/oauth/authorize\"\ntoken_url = \"https://api.whop.com/oauth/token\"\nscopes = [\"openid\"]\npkce = \"required\"\nclient_auth = \"none\"\n",
    );
    assert_failed_with(&out, 4, "expects the token request as json, not form");
}

#[test]
fn the_emulation_requires_the_providers_authorize_parameters() {
    // Reddit issues refresh tokens only with duration=permanent; an entry that forgets it
    // is refused.
    let out = connect_with_entry(
        "reddit",
        "[reddit]\nname = \"Reddit (no duration)\"\nauthorize_url = \"https://www.reddit.com/api/v1/authorize\"\ntoken_url = \"https://www.reddit.com/api/v1/access_token\"\nscopes = [\"identity\"]\npkce = \"unsupported\"\n",
    );
    assert_failed_with(&out, 4, "duration=permanent is required");
}

#[test]
fn linkedin_page_lists_only_organizations_the_login_may_post_to() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("linkedin-page", &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Sandbox Page") && err.contains(&page_id("linkedin-page", 1)),
        "{err}"
    );
    // An organization where the login is only a viewer is not a choice.
    assert!(!err.contains("Not eligible"), "{err}");
    let out = sb.sandbox_connect("linkedin-page", &["--page", "2998"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // The listing needs LinkedIn's Rest.li headers: an entry without them is refused.
    let out = connect_with_entry(
        "linkedin-page",
        "[linkedin-page]\nname = \"LinkedIn Page (no headers)\"\nauthorize_url = \"https://www.linkedin.com/oauth/v2/authorization\"\ntoken_url = \"https://www.linkedin.com/oauth/v2/accessToken\"\nscopes = [\"openid\"]\npkce = \"unsupported\"\nclient_auth = \"post\"\nauthorize_params = { prompt = \"none\" }\n[linkedin-page.pages]\nkind = \"page\"\nurl = \"https://api.linkedin.com/v2/organizationalEntityAcls\"\nitems = \"/elements\"\nid = \"/organizationalTarget~0/id\"\nname = \"/organizationalTarget~0/localizedName\"\n",
    );
    assert_failed_with(&out, 4, "X-Restli-Protocol-Version");
}

#[test]
fn gmb_lists_every_location_of_every_account_across_token_pages() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("gmb", &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    // Two accounts (the second behind nextPageToken), each with a second page of
    // locations; ids are Postiz's accounts/A/locations/L.
    for (id, name) in [
        ("accounts/77/locations/771", "Sandbox Page"),
        ("accounts/77/locations/772", "Sandbox Page Two"),
        ("accounts/78/locations/781", "Sandbox Location 78"),
        ("accounts/78/locations/782", "Sandbox Location 78 Two"),
    ] {
        assert!(err.contains(id) && err.contains(name), "{id} {name}: {err}");
    }
    let out = sb.sandbox_connect("gmb", &["--page", "Sandbox Location 78 Two"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let c = channel(&sb, "gmb:accounts/78/locations/782");
    assert_eq!(c["page"]["kind"], "location");
}

#[test]
fn mastodon_registers_an_app_once_per_instance() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["mastodon", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        "mastodon",
        "--instance",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "20s",
    ]);
    assert_failed_with(&out, 0, "Registered an app");
    let apps: Vec<_> = std::fs::read_dir(sb.path("home").join("apps"))
        .unwrap()
        .collect();
    assert_eq!(apps.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = apps[0]
            .as_ref()
            .unwrap()
            .metadata()
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let out = sb.run(&[
        "mastodon",
        "--instance",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "20s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("registered on"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("Registered an app"),
        "{}",
        stderr(&out)
    );
    let out = sb.run(&["refresh", "mastodon:sandbox_user", "--force"]);
    assert!(stderr(&out).contains("do not expire"), "{}", stderr(&out));
}

#[test]
fn x_over_oauth1_signs_every_call_and_stores_token_and_secret() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["twitter", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = connect_at(&sb, "twitter", &base, &["--oauth1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("OAuth 1.0a"), "{}", stderr(&out));
    let c = channel(&sb, "twitter:sandbox_user");
    assert_eq!(c["oauth1"], true);
    // Postiz stores X tokens as `token:secret`; so does `token`.
    let token = sb.token("twitter:sandbox_user");
    assert!(
        token.starts_with("1859372046183759872-at_") && token.contains(':'),
        "{token}"
    );
    // doctor's live check signs the identity call with both secrets.
    let live = |sb: &Sandbox| -> Value {
        let out = sb.run(&["doctor", "--json"]);
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)))
    };
    let findings = live(&sb);
    assert!(has_finding(&findings, "channel.live"), "{findings}");
    // logout invalidates the token at X (a signed oauth/invalidate_token): reconnecting
    // it by restoring the stored files would no longer work.
    let home = sb.path("home");
    let kept = sb.path("kept");
    for dir in ["channels", "secrets"] {
        std::fs::create_dir_all(kept.join(dir)).unwrap();
        for f in std::fs::read_dir(home.join(dir)).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), kept.join(dir).join(f.file_name())).unwrap();
        }
    }
    let out = sb.run(&["logout", "twitter:sandbox_user"]);
    assert!(
        stderr(&out).contains("revoked at the provider"),
        "{}",
        stderr(&out)
    );
    for dir in ["channels", "secrets"] {
        for f in std::fs::read_dir(kept.join(dir)).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), home.join(dir).join(f.file_name())).unwrap();
        }
    }
    let findings = live(&sb);
    assert!(has_finding(&findings, "channel.refused"), "{findings}");
}

#[test]
fn x_follows_postiz_oauth1_when_credentials_come_from_a_postiz_env() {
    // Postiz connects X only with OAuth 1.0a (x.provider.ts) and never reads X_CLIENT_ID:
    // with its .env, the tool does the same even when OAuth 2.0 ids are there too, says
    // which protocol and why, and keeps OAuth 2.0 + PKCE behind --oauth2.
    let provider_side = Sandbox::new();
    let server = provider_side.emulator(&["twitter", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("home")).unwrap();
    // The real entry's shape, every URL on the emulation.
    std::fs::write(
        sb.path("home").join("providers.toml"),
        format!(
            "[twitter]\nname = \"X (Twitter)\"\naliases = [\"x\"]\nauthorize_url = \"{base}/oauth/authorize\"\ntoken_url = \"{base}/oauth/token\"\nscopes = [\"tweet.read\", \"users.read\"]\npkce = \"required\"\nclient_auth = \"basic\"\nclient_id_env = [\"X_CLIENT_ID\"]\nclient_secret_env = [\"X_CLIENT_SECRET\"]\npostiz_id = \"x\"\n[twitter.identity]\nurl = \"{base}/identity\"\nid = \"/data/id\"\nusername = \"/data/username\"\nname = \"/data/name\"\n[twitter.oauth1]\npostiz = true\nrequest_token_url = \"{base}/oauth1/request_token\"\nauthorize_url = \"{base}/oauth1/authorize\"\naccess_token_url = \"{base}/oauth1/access_token\"\nconsumer_key_env = [\"X_API_KEY\"]\nconsumer_secret_env = [\"X_API_SECRET\"]\nidentity_url = \"{base}/identity\"\n"
        ),
    )
    .unwrap();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        "FRONTEND_URL=https://postiz.example.com\nX_API_KEY=sandbox-client\nX_API_SECRET=sandbox-secret\nX_CLIENT_ID=sandbox-client\nX_CLIENT_SECRET=sandbox-secret\n",
    )
    .unwrap();
    let connect = |extra: &[&str]| {
        sb.cmd()
            .args(["twitter", "--env-file", env.to_str().unwrap()])
            .args(["--insecure-storage", "--browser-timeout", "20s"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = connect(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("OAuth 1.0a: X_API_KEY comes from the Postiz .env")
            && err.contains("X_CLIENT_ID there is not read by Postiz"),
        "{err}"
    );
    assert_eq!(channel(&sb, "twitter:sandbox_user")["oauth1"], true);
    // The same account over the other protocol replaces the channel only when asked to.
    let out = connect(&["--oauth2", "--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("OAuth 2.0 + PKCE: asked for with --oauth2"),
        "{}",
        stderr(&out)
    );
    assert_eq!(channel(&sb, "twitter:sandbox_user")["oauth1"], false);
}

#[test]
fn providers_name_the_x_variables_postiz_reads() {
    // Postiz reads X_API_KEY / X_API_SECRET for X, never X_CLIENT_ID.
    let sb = Sandbox::new();
    let out = sb.run(&["providers", "x", "--json"]);
    let x: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        x[0]["postiz_env"],
        serde_json::json!(["X_API_KEY", "X_API_SECRET"])
    );
    let text = stdout(&sb.run(&["providers", "x"]));
    let env_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("env:") && l.contains("X_CLIENT_ID"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(env_line.contains("Postiz does not read them"), "{text}");
    assert!(text.contains("X_API_SECRET (what Postiz reads)"), "{text}");
    // Other providers: Postiz reads the catalog's variables.
    let out = sb.run(&["providers", "linkedin", "--json"]);
    let l: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        l[0]["postiz_env"],
        serde_json::json!(["LINKEDIN_CLIENT_ID", "LINKEDIN_CLIENT_SECRET"])
    );
}

#[test]
fn x_oauth1_callback_outside_the_allow_list_is_explained() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["twitter", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = sb
        .cmd()
        .args([
            "twitter",
            "--sandbox-at",
            &base,
            "--oauth1",
            "--paste",
            "--redirect-uri",
            "https://postiz.example.com/integrations/social/x",
            "--insecure-storage",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("415") && err.contains("127.0.0.1"), "{err}");
}

#[test]
fn doctor_probes_credentials_in_the_providers_own_request_shape() {
    // Whop takes a JSON body from a public client: a form-encoded probe would be refused
    // for its shape, telling nothing about the credentials.
    let sb = Sandbox::new();
    let server = sb.emulator(&["whop"]);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        "doctor",
        "whop",
        "--sandbox-at",
        &base,
        "--json",
        "--probe-timeout",
        "5s",
    ]);
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(has_finding(&findings, "credentials.accepted"), "{findings}");
}

#[test]
fn doctor_probes_x_api_key_and_callback_with_a_request_token() {
    needs!("script");
    let sb = Sandbox::new();
    let server = sb.emulator(&["twitter"]);
    let base = server.url("base_url").to_string();
    let doctor = |secret: &str, extra: &[&str]| -> Value {
        let out = sb
            .cmd()
            .env("X_API_KEY", "sandbox-client")
            .env("X_API_SECRET", secret)
            .args([
                "doctor",
                "twitter",
                "--sandbox-at",
                &base,
                "--json",
                "--probe-timeout",
                "5s",
            ])
            .args(extra)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let ok = doctor("sandbox-secret", &[]);
    assert!(has_finding(&ok, "credentials.oauth1_accepted"), "{ok}");
    let bad = doctor("wrong-secret", &[]);
    assert!(has_finding(&bad, "credentials.oauth1_refused"), "{bad}");
    let callback = doctor(
        "sandbox-secret",
        &[
            "--redirect-uri",
            "https://postiz.example.com/integrations/social/x",
        ],
    );
    assert!(
        has_finding(&callback, "credentials.oauth1_callback_not_approved"),
        "{callback}"
    );
}

/// `tumblr --sandbox` with a terminal (script(1)): what is written to its stdin is typed.
fn tumblr_on_a_terminal(sb: &Sandbox) -> std::process::Child {
    let bin = assert_cmd::cargo::cargo_bin("postiz-connect");
    let mut cmd = std::process::Command::new("script");
    sb.apply_env(&mut cmd);
    cmd.args([
        "-qec",
        // `exec`: with no shell left between script and the tool, the exit code is the
        // tool's. A non-exec'ing shell (dash) would die of a SIGINT itself (130).
        &format!(
            "exec {} tumblr --sandbox --auto-approve --insecure-storage --browser-timeout 20s",
            bin.display()
        ),
        "/dev/null",
    ])
    .stdin(std::process::Stdio::piped())
    .stdout(std::process::Stdio::piped())
    .spawn()
    .expect("script (util-linux) is installed")
}

#[test]
fn two_step_asks_on_a_terminal_until_the_answer_is_valid() {
    // `script` gives the command a terminal; what is typed goes through it.
    let sb = Sandbox::new();
    let mut child = tumblr_on_a_terminal(&sb);
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"7\n2\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("'7' is not one of the numbers"), "{text}");
    assert!(text.contains("Chose the blog Sandbox Page Two"), "{text}");
    assert_eq!(
        channel(&sb, "tumblr:sandbox-blog-2")["page"]["kind"],
        "blog"
    );
    // The browser tab was finished before the prompt: it pointed at the terminal instead
    // of hanging until the answer.
    assert!(sb.page().contains("in the terminal"), "{}", sb.page());
}

#[test]
fn a_two_step_login_without_a_choice_is_kept_for_the_page_given_next() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("facebook", &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(err.contains("this login is kept"), "{err}");
    // The printed command is the one to run: the sandbox flags included.
    assert!(
        err.contains("--sandbox") && err.contains("--page ID"),
        "{err}"
    );
    // The browser's page lists the choices one a line.
    let page = sb.page();
    let first = page_id("facebook", 1);
    assert!(
        page.contains(&format!("{first}  Sandbox Page<br>")),
        "{page}"
    );
    sb.browser_log(); // written in the background: wait for it, then clear it
    std::fs::remove_file(sb.path("browser.log")).unwrap();
    // Right after: no second browser login.
    let out = sb.sandbox_connect("facebook", &["--page", &first]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("no second browser login"), "{err}");
    assert!(
        !sb.path("browser.log").exists(),
        "a browser was opened again"
    );
    assert_eq!(
        channel(&sb, &format!("facebook:{first}"))["page"]["id"],
        first.as_str()
    );
    // The held login was used up: the next --page logs in again.
    let out = sb.sandbox_connect("facebook", &["--page", &page_id("facebook", 2)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("no second browser login"));
}

#[test]
fn ctrl_c_at_the_page_prompt_cancels_at_once() {
    let sb = Sandbox::new();
    let mut child = tumblr_on_a_terminal(&sb);
    let mut stdin = child.stdin.take().unwrap();
    std::thread::sleep(std::time::Duration::from_secs(2));
    use std::io::Write;
    // The terminal turns ^C into SIGINT; no Enter follows.
    stdin.write_all(b"\x03").unwrap();
    // Input stays open: only the interrupt may end the prompt. Give it 10 s.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let status = status.unwrap_or_else(|| panic!("Ctrl-C did not end the prompt: {text}"));
    assert_eq!(status.code(), Some(3), "{text}");
    assert!(text.contains("cancelled"), "{text}");
}

/// The redirect URI Postiz builds for each provider, read off its source
/// (gitroomhq/postiz-app, libraries/nestjs-libraries/src/integrations/social/*.provider.ts):
/// `${FRONTEND_URL}/integrations/social/<id>`, wrapped as `https://redirectmeto.com/...` by
/// the providers that test `FRONTEND_URL.indexOf('https') === -1`, X on `X_URL ||
/// FRONTEND_URL`, TikTok Business with a trailing slash. `None`: not a Postiz provider.
/// (provider, Postiz id, wrapped when FRONTEND_URL is http, trailing slash)
const POSTIZ_REDIRECTS: &[(&str, Option<&str>, bool, bool)] = &[
    ("twitter", Some("x"), false, false),
    ("custom", None, false, false),
    ("linkedin", Some("linkedin"), false, false),
    ("linkedin-page", Some("linkedin-page"), false, false),
    ("reddit", Some("reddit"), false, false),
    ("pinterest", Some("pinterest"), false, false),
    ("discord", Some("discord"), false, false),
    ("kick", Some("kick"), false, false),
    ("twitch", Some("twitch"), false, false),
    ("mastodon", Some("mastodon"), false, false),
    ("slack", Some("slack"), true, false),
    ("facebook", Some("facebook"), false, false),
    ("instagram", Some("instagram"), false, false),
    (
        "instagram-standalone",
        Some("instagram-standalone"),
        true,
        false,
    ),
    ("threads", Some("threads"), true, false),
    ("youtube", Some("youtube"), false, false),
    ("gmb", Some("gmb"), false, false),
    ("tiktok", Some("tiktok"), true, false),
    ("tiktok-business", Some("tiktok-business"), true, true),
    ("dribbble", Some("dribbble"), false, false),
    ("vk", Some("vk"), true, false),
    ("tumblr", Some("tumblr"), false, false),
    ("whop", Some("whop"), false, false),
];

#[test]
fn every_providers_postiz_redirect_matches_what_postiz_builds() {
    let sb = Sandbox::new();
    for frontend in ["https://postiz.example.com", "http://localhost:4200"] {
        let out = sb.run(&["providers", "--json", "--frontend-url", frontend]);
        assert!(out.status.success(), "{}", stderr(&out));
        let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
        let listed = listed.as_array().unwrap();
        assert_eq!(
            listed.len(),
            POSTIZ_REDIRECTS.len(),
            "every catalog provider has a row: {:?}",
            listed.iter().map(|p| &p["id"]).collect::<Vec<_>>()
        );
        for (id, postiz_id, wrapped, slash) in POSTIZ_REDIRECTS {
            let p = listed
                .iter()
                .find(|p| p["id"] == *id)
                .unwrap_or_else(|| panic!("{id} is not in the catalog"));
            let expected = postiz_id.map(|pid| {
                let mut uri = format!("{frontend}/integrations/social/{pid}");
                if *wrapped && !frontend.contains("https") {
                    uri = format!("https://redirectmeto.com/{uri}");
                }
                if *slash {
                    uri.push('/');
                }
                uri
            });
            assert_eq!(
                p["postiz_redirect_uri"].as_str(),
                expected.as_deref(),
                "{id} with FRONTEND_URL={frontend}"
            );
        }
    }
    // X alone follows X_URL when it is set (x.provider.ts: X_URL || FRONTEND_URL).
    let env = sb.path(".env");
    std::fs::write(
        &env,
        "FRONTEND_URL=http://localhost:4200\nX_URL=https://x.example.com\n",
    )
    .unwrap();
    let out = sb.run(&["providers", "--json", "--env-file", env.to_str().unwrap()]);
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = |id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()["postiz_redirect_uri"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        uri("twitter"),
        "https://x.example.com/integrations/social/x"
    );
    assert_eq!(
        uri("slack"),
        "https://redirectmeto.com/http://localhost:4200/integrations/social/slack"
    );
}
