//! The built-in sandbox: every catalog provider connects through its emulation (which
//! enforces the catalog's client authentication, PKCE rule and scope separator), faults
//! map to the right exit codes and messages, and the long-running `sandbox` command
//! serves connect, refresh and logout.

use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::Value;

#[test]
fn every_catalog_provider_connects_through_its_emulation() {
    let sb = Sandbox::new();
    let providers: Value =
        serde_json::from_slice(&sb.run(&["providers", "--json"]).stdout).unwrap();
    let ids: Vec<(&str, bool)> = providers
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), !p["two_step"].is_null()))
        .collect();
    assert!(ids.len() >= 23, "every Postiz OAuth provider: {ids:?}");
    for (id, two_step) in ids {
        // Two-step providers pick the emulation's first page, channel, blog or location.
        let page: &[&str] = if two_step {
            &["--page", "Sandbox Page"]
        } else {
            &[]
        };
        let out = sb.sandbox_connect(id, &[&["--scopes", "read write"], page].concat());
        assert_eq!(out.status.code(), Some(0), "{id}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("Connected {id}:")),
            "{id}: {}",
            stdout(&out)
        );
    }
    let status = sb.status_json();
    assert!(status
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["sandbox"] == true));
    // A sandbox channel cannot be refreshed once its sandbox is gone, and says so.
    // (X without offline.access has no refresh token, and says that first.)
    let out = sb.run(&["refresh", "reddit:sandbox_user", "--force"]);
    assert_failed_with(&out, 5, "built-in sandbox");
}

#[test]
fn every_providers_error_body_is_read_in_its_own_shape() {
    // invalid_grant at the token endpoint, answered the way each provider answers it:
    // RFC 6749 JSON, Meta's nested OAuthException, Slack's HTTP 200 ok:false, TikTok
    // Business's envelope. Each must end as a rejection (exit 4) naming the cause.
    let sb = Sandbox::new();
    let providers: Value =
        serde_json::from_slice(&sb.run(&["providers", "--json"]).stdout).unwrap();
    for p in providers.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let expected = match p["error_format"].as_str().unwrap() {
            "graph" => "OAuthException",
            "slack" => "invalid_code",
            "envelope" => "40001",
            _ => "invalid_grant",
        };
        let out = sb.sandbox_connect(id, &["--fault", "invalid-grant"]);
        assert_eq!(out.status.code(), Some(4), "{id}: {}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{id}: {}", stderr(&out));
    }
}

#[test]
fn the_emulation_enforces_the_catalogs_client_authentication() {
    // twitter is `client_auth = "basic"`: a client that sends its secret in the body is
    // refused, as X would.
    let sb = Sandbox::new();
    let server = sb.emulator(&["twitter", "--auto-approve"]);
    let flags = server.client_flags();
    let mut args: Vec<&str> = vec!["twitter"];
    args.extend(flags.iter().map(String::as_str));
    args.extend([
        "--client-auth",
        "post",
        "--insecure-storage",
        "--browser-timeout",
        "20s",
    ]);
    let out = sb.run(&args);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("HTTP Basic"), "{}", stderr(&out));
}

#[test]
fn faults_map_to_exit_codes_and_explanations() {
    let cases: &[(&str, i32, &str)] = &[
        ("access-denied", 3, "access_denied"),
        ("invalid-client", 4, "invalid_client"),
        ("invalid-grant", 4, "invalid_grant"),
        ("scope-downgrade", 7, "offline.access"),
        ("server-error", 5, "503 Service Unavailable"),
        ("rate-limit", 5, "rate-limiting"),
    ];
    for (fault, code, needle) in cases {
        let sb = Sandbox::new();
        let out = sb.sandbox_connect("twitter", &["--fault", fault]);
        assert_eq!(out.status.code(), Some(*code), "{fault}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{fault}: {}", stderr(&out));
    }
}

#[test]
fn dropped_state_and_redirect_mismatch_never_complete() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect(
        "twitter",
        &["--fault", "state-drop", "--browser-timeout", "2s"],
    );
    assert_failed_with(&out, 3, "state did not match");

    let sb = Sandbox::new();
    let out = sb.sandbox_connect(
        "twitter",
        &["--fault", "redirect-mismatch", "--browser-timeout", "2s"],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(sb.page().contains("redirect_uri_mismatch"), "{}", sb.page());
}

#[test]
fn slow_and_expire_fast_faults() {
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb.sandbox_connect(
        "twitter",
        &["--fault", "slow:300", "--fault", "expire-fast", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // authorize, token and identity each wait 300 ms.
    assert!(started.elapsed() >= Duration::from_millis(900));
    let connected: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(connected["expires_at"].as_str().unwrap()).unwrap();
    assert!(
        expires
            .signed_duration_since(chrono::Utc::now())
            .num_seconds()
            <= 5
    );
}

#[test]
fn sandbox_command_serves_connect_refresh_with_rotation_and_logout() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["twitter", "--auto-approve", "--fault", "rotate-refresh"]);
    let info = &server.info;
    let command = info["connect_command"].as_str().unwrap().to_string();
    let mut args: Vec<&str> = command.split_whitespace().skip(1).collect();
    args.extend(["--insecure-storage", "--browser-timeout", "20s"]);
    let out = sb.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for _ in 0..2 {
        let out = sb.run(&["refresh", "twitter:sandbox_user", "--force"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("rotated and saved"),
            "{}",
            stderr(&out)
        );
    }
    let out = sb.run(&["logout", "twitter:sandbox_user"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(server.interrupt().code(), Some(0));
}

#[test]
fn consent_page_escapes_and_posts_a_decision() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["custom"]);
    let info = &server.info;
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let authorize = format!(
        "{}?response_type=code&client_id=sandbox-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback&state=s1&scope=openid%20%3Cscript%3E&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
        info["authorize_url"].as_str().unwrap()
    );
    let page = client.get(&authorize).send().unwrap().text().unwrap();
    assert!(
        page.contains("Approve") && page.contains("&lt;script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>"), "{page}");
    let id = page
        .split("name=\"id\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let consent = format!("{}/oauth/consent", info["base_url"].as_str().unwrap());
    let resp = client
        .post(&consent)
        .form(&[("id", id.as_str()), ("decision", "approve")])
        .send()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 302);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with("http://127.0.0.1:9/callback?code="),
        "{location}"
    );
    assert!(location.contains("state=s1"));
    // Single use.
    let again = client
        .post(&consent)
        .form(&[("id", id.as_str()), ("decision", "approve")])
        .send()
        .unwrap();
    assert_eq!(again.status().as_u16(), 400);
}

#[test]
fn logout_of_a_sandbox_channel_needs_no_provider() {
    // The sandbox stopped with the connect command; logout must not try to reach it
    // (Discord has a revocation endpoint, emulated by the sandbox while it ran).
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("discord", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let status = sb.status_json();
    let name = status[0]["channel"].as_str().unwrap();
    let out = sb.run(&["logout", name]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing to revoke"),
        "{}",
        stderr(&out)
    );
    assert!(sb.status_json().as_array().unwrap().is_empty());
}

#[test]
fn the_same_account_connected_another_way_never_replaces_the_stored_channel() {
    let sb = Sandbox::new();
    let names = |sb: &Sandbox| -> Vec<String> {
        sb.status_json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["channel"].as_str().unwrap().to_string())
            .collect()
    };
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = names(&sb);
    // Again the same way: a reconnect, still one channel.
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&sb), first);
    // Over OAuth 1.0a: kept apart, and said so.
    let out = sb.sandbox_connect("twitter", &["--oauth1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is already stored"),
        "{}",
        stderr(&out)
    );
    let both = names(&sb);
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both.iter().any(|n| n.ends_with("+oauth1")), "{both:?}");
    // --replace replaces.
    let out = sb.sandbox_connect("twitter", &["--oauth1", "--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&sb).len(), 2, "the +oauth1 one was not duplicated");
}

#[test]
fn logout_while_a_refresh_rotates_never_brings_the_channel_back() {
    let sb = Sandbox::new();
    let server = sb.emulator(&[
        "discord",
        "--auto-approve",
        "--fault",
        "rotate-refresh",
        "--fault",
        "slow:1000",
    ]);
    let base = server.url("base_url").to_string();
    let out = sb
        .cmd()
        .args([
            "discord",
            "--sandbox-at",
            &base,
            "--insecure-storage",
            "--browser-timeout",
            "30s",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let name = sb.status_json()[0]["channel"].as_str().unwrap().to_string();
    // A refresher holds the channel while the slow provider answers...
    let refresher = sb
        .std_cmd()
        .args(["refresh", "--force", &name])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    // ... and logout, meanwhile, waits for it, then deletes the rotated channel.
    let out = sb.run(&["logout", "--local-only", &name]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    refresher.wait_with_output().unwrap();
    assert!(
        sb.status_json().as_array().unwrap().is_empty(),
        "the refresher brought {name} back"
    );
}

/// The URL of a login, however many times it was printed.
fn printed_login_urls(out: &std::process::Output) -> usize {
    format!("{}{}", stdout(out), stderr(out))
        .matches("/authorize?")
        .count()
}

/// Without --insecure-storage and with no Secret Service: one plain sentence naming what
/// is missing, and one fix line with the two ways on, before any login; the keyring
/// library's words only with -v.
#[test]
fn without_a_keychain_the_quick_start_says_so_in_one_sentence() {
    let sb = Sandbox::new();
    let args = ["twitter", "--sandbox", "--auto-approve"];
    let out = sb.headless_cmd().args(args).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(6), "{err}");
    let said: Vec<&str> = err
        .lines()
        .skip_while(|l| !l.starts_with("error:"))
        .collect();
    assert_eq!(said.len(), 2, "a sentence and its fix: {err}");
    let sentence = said[0];
    assert!(
        sentence.contains("no keychain is running here"),
        "{sentence}"
    );
    let fix = said[1];
    assert!(fix.trim_start().starts_with("fix: start one:"), "{fix}");
    assert!(
        fix.contains("gnome-keyring-daemon --replace --unlock"),
        "{fix}"
    );
    assert!(fix.contains("--insecure-storage"), "{fix}");
    for library in [
        "No default store",
        "Secret Service is reachable",
        "D-Bus session, or",
        "detail:",
    ] {
        assert!(!err.contains(library), "{library}: {err}");
    }
    assert_eq!(printed_login_urls(&out), 0, "no login was started: {err}");
    let out = sb
        .headless_cmd()
        .args(["-v", "twitter", "--sandbox", "--auto-approve"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("detail: keychain write: "),
        "{}",
        stderr(&out)
    );
}

/// A command line of the README's "Try it on a fresh machine", as written there.
fn readme_quick_start(starting: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("## Try it on a fresh machine")
        .nth(1)
        .expect("the README's quick start");
    let line = section
        .lines()
        .find(|l| l.starts_with(starting))
        .unwrap_or_else(|| panic!("no `{starting}` line in the README's quick start"));
    line.split(" #")
        .next()
        .unwrap()
        .split_whitespace()
        .skip(1)
        .map(str::to_string)
        .collect()
}

/// The quick start, literally, on a machine with no browser, no display and no keychain:
/// it connects in seconds, with no launcher text and the URL printed at most once.
#[test]
fn the_readme_quick_start_connects_on_a_headless_machine_in_seconds() {
    for starting in [
        "postiz-connect twitter --sandbox --auto-approve --insecure-storage",
        "postiz-connect twitter --oauth1 --sandbox --auto-approve --insecure-storage",
    ] {
        let args = readme_quick_start(starting);
        assert_eq!(
            args.join(" "),
            starting.trim_start_matches("postiz-connect ")
        );
        let sb = Sandbox::new();
        let started = Instant::now();
        let out = sb.headless_cmd().args(&args).output().unwrap();
        let took = started.elapsed();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{starting}: {err}");
        assert!(took < Duration::from_secs(10), "{starting}: took {took:?}");
        assert!(
            stdout(&out).contains("Connected twitter:sandbox_user"),
            "{}",
            stdout(&out)
        );
        assert!(!err.contains("ExitStatus("), "{err}");
        assert!(printed_login_urls(&out) <= 1, "{err}");
        assert_eq!(
            err.matches("no browser could be opened").count(),
            1,
            "said once: {err}"
        );
        assert!(err.contains("exited with status 3"), "{err}");
        // Where the tokens went, in words: not "in the file".
        assert!(err.contains("in a plain-text file: "), "{err}");
        assert!(!err.contains("in the file"), "{err}");
    }
}

/// Every provider's emulation connects the same way with no browser, OAuth 1.0a too.
#[test]
fn every_providers_sandbox_connects_without_a_browser() {
    let sb = Sandbox::new();
    let providers: Value =
        serde_json::from_slice(&sb.run(&["providers", "--json"]).stdout).unwrap();
    for p in providers.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let mut args = vec![id, "--sandbox", "--auto-approve", "--insecure-storage"];
        if !p["two_step"].is_null() {
            args.extend(["--page", "Sandbox Page"]);
        }
        let out = sb.headless_cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{id}: {}", stderr(&out));
        assert!(!stderr(&out).contains("ExitStatus("), "{id}");
        assert!(printed_login_urls(&out) <= 1, "{id}: {}", stderr(&out));
    }
    let out = sb
        .headless_cmd()
        .args(["twitter", "--oauth1", "--sandbox", "--auto-approve"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A browser that cannot be opened: said once, the URL printed once, --paste pointed to.
#[test]
fn a_browser_that_cannot_be_opened_is_said_once_with_the_url_once() {
    let sb = Sandbox::new();
    let out = sb
        .headless_cmd()
        .args([
            "twitter",
            "--sandbox",
            "--insecure-storage",
            "--browser-timeout",
            "1s",
        ])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.matches("Could not open a browser").count(), 1, "{err}");
    assert!(err.contains("exited with status 3"), "{err}");
    assert_eq!(printed_login_urls(&out), 1, "{err}");
    assert!(err.contains("--paste"), "{err}");
    assert!(!err.contains("ExitStatus("), "{err}");
    // The timeout reads in words.
    assert!(err.contains("timed out after 1 second"), "{err}");
}

/// Durations read as people say them, and OAuth 1.0a receives a verifier.
#[test]
fn durations_and_steps_read_in_words() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("access token expires in 2 hours ("),
        "{}",
        stdout(&out)
    );
    let status = stdout(&sb.run(&["status"]));
    assert!(status.contains("expires in 2 hours ("), "{status}");
    let out = sb.sandbox_connect("instagram-standalone", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("for a long-lived one (60 days)"), "{err}");
    let status = stdout(&sb.run(&["status"]));
    assert!(status.contains("expires in 60 days ("), "{status}");
    assert!(status.contains("once it is 1 day old"), "{status}");
    for humantime in ["1month", "29days", "2h ", "24h"] {
        assert!(!status.contains(humantime), "{humantime}: {status}");
    }
    // A home of its own: this is not about connecting the same account twice.
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &["--oauth1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("Verifier received"), "{err}");
    assert!(!err.contains("state verified"), "{err}");
}

/// After Cancel on the consent page, the browser tab says the user declined.
#[test]
fn cancel_on_the_consent_page_reads_as_declined() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .env("BROWSER", root().join("tests/support/cancel.sh"))
        .args([
            "twitter",
            "--sandbox",
            "--insecure-storage",
            "--browser-timeout",
            "20s",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let page = sb.page();
    assert!(page.contains("You declined the login"), "{page}");
    assert!(!page.contains("The provider refused"), "{page}");
    assert!(page.contains("access_denied"), "{page}");
}

/// A sandbox started with `--auto-approve` prints a connect command that connects on a
/// machine with no display and no browser, as `--sandbox --auto-approve` does; the
/// channel is marked sandbox by `status`, and refreshes while the sandbox runs.
#[test]
fn sandbox_at_an_auto_approving_sandbox_connects_headless_and_is_marked_sandbox() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["twitter", "--auto-approve"]);
    let command = server.info["connect_command"].as_str().unwrap().to_string();
    assert!(command.ends_with(" --auto-approve"), "{command}");
    let mut args: Vec<&str> = command.split_whitespace().skip(1).collect();
    args.extend(["--insecure-storage", "--browser-timeout", "20s"]);
    let out = sb.headless_cmd().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("follows the login URL itself"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("Connected twitter:sandbox_user"),
        "{}",
        stdout(&out)
    );
    let status = sb.status_json();
    assert_eq!(status[0]["sandbox"], true, "{status}");
    let text = stdout(&sb.run(&["status"]));
    assert!(text.contains("twitter:sandbox_user (sandbox)"), "{text}");
    let out = sb.run(&["refresh", "twitter:sandbox_user", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Connecting the same way again is a reconnect: the same name, no `+sandbox-clie`.
    let out = sb.headless_cmd().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sb.status_json().as_array().unwrap().len(), 1);
    assert_eq!(server.interrupt().code(), Some(0));
}

/// A sandbox channel of the built-in `--sandbox` and one of `--sandbox-at` are the same
/// sandbox app; a login with another app is kept apart under a name that says which app
/// (its whole client id), and `--replace` says what it replaced.
#[test]
fn kept_apart_names_say_which_app_and_replace_says_what_it_replaced() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let server = sb.emulator(&["twitter", "--auto-approve"]);
    let base = server.info["base_url"].as_str().unwrap().to_string();
    let at = |extra: &[&str]| {
        sb.cmd()
            .args(["twitter", "--sandbox-at", &base, "--auto-approve"])
            .args(["--insecure-storage", "--browser-timeout", "20s"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = at(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Connected twitter:sandbox_user "),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("kept"), "{}", stderr(&out));
    // OAuth 1.0a is another way: kept apart, and the message says how it differs.
    let out = at(&["--oauth1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("it was connected over OAuth 2.0, this login over OAuth 1.0a"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("Connected twitter:sandbox_user+oauth1"),
        "{}",
        stdout(&out)
    );
    let out = at(&["--oauth2", "--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = at(&["--oauth1", "--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("replaced twitter:sandbox_user, which was connected another way (it was connected over OAuth 2.0, this login over OAuth 1.0a)"),
        "{err}"
    );
    assert_eq!(server.interrupt().code(), Some(0));
}

/// Each provider's sandbox account has an id of its own, in its provider's shape, and a
/// handle a real account could have: channel names never show `%20`, and are the ones
/// docs/sandbox.md gives.
#[test]
fn sandbox_accounts_are_distinct_per_provider_and_named_as_the_docs_say() {
    let sb = Sandbox::new();
    let readme = std::fs::read_to_string(root().join("docs/sandbox.md")).unwrap();
    let mut ids = std::collections::BTreeMap::new();
    for (provider, name) in [
        ("twitter", "twitter:sandbox_user"),
        ("reddit", "reddit:sandbox_user"),
        ("mastodon", "mastodon:sandbox_user"),
        ("linkedin", "linkedin:Xq3bT9kLmZ"),
        ("discord", "discord:1187364512098765432"),
    ] {
        let out = sb.sandbox_connect(provider, &[]);
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("Connected {name} ")),
            "{provider}: {}",
            stdout(&out)
        );
        assert!(
            readme.contains(&format!("`{name}`")),
            "docs/sandbox.md lacks `{name}`"
        );
        let c = sb
            .status_json()
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["channel"] == name)
            .unwrap()
            .clone();
        let id = c["account_id"].as_str().unwrap().to_string();
        if let Some(other) = ids.insert(id.clone(), provider) {
            panic!("{provider} and {other} share the account id {id}");
        }
    }
    assert!(ids
        .keys()
        .any(|id| id.len() >= 18 && id.chars().all(|c| c.is_ascii_digit())));
    // Page channels too: a Facebook page and an Instagram account are two rows.
    for (provider, name) in [
        ("facebook", "facebook:102938475610201"),
        ("instagram", "instagram:17841402987654301"),
    ] {
        let out = sb.sandbox_connect(provider, &["--page", "Sandbox Page"]);
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("Connected {name} ")),
            "{}",
            stdout(&out)
        );
        assert!(
            readme.contains(&format!("`{name}`")),
            "docs/sandbox.md lacks `{name}`"
        );
    }
    let names = stdout(&sb.run(&["status"]));
    assert!(!names.contains("%20"), "{names}");
}

/// Mastodon's tokens do not expire, so the sandbox gives them no expiry; a channel that
/// cannot be refreshed says so (exit 0) instead of pointing at a sandbox to run.
#[test]
fn channels_that_cannot_refresh_say_so_before_anything_about_the_sandbox() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("mastodon", &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let connected: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(connected["expires_at"].is_null(), "{connected}");
    let out = sb.run(&["refresh", "mastodon:sandbox_user", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("not refreshable: Mastodon access tokens do not expire"),
        "{err}"
    );
    assert!(!err.contains("postiz-connect sandbox"), "{err}");
    // A refreshable one names the sandbox it needs, with the flag that makes it headless,
    // and exits 5 as a provider that is down does (4 is for a provider's refusal).
    let out = sb.sandbox_connect("reddit", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.run(&["refresh", "reddit:sandbox_user", "--force"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("postiz-connect sandbox reddit --auto-approve"),
        "{}",
        stderr(&out)
    );
}

/// After a scope downgrade that drops offline.access, no refresh token comes: the
/// connect line and the missing scope agree.
#[test]
fn a_downgrade_without_offline_access_gives_no_refresh_token() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &["--fault", "scope-downgrade"]);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("offline.access"), "{text}");
    assert!(text.contains("refresh token: no"), "{text}");
    assert!(!text.contains("refresh token: yes"), "{text}");
}

/// "Not due" says from when, and by which rule; the watcher's banner names both rules.
#[test]
fn not_due_says_when_and_why_and_the_watch_banner_names_half_life() {
    let sb = Sandbox::new();
    let server = sb.emulator(&["reddit", "--auto-approve"]);
    let base = server.info["base_url"].as_str().unwrap().to_string();
    let out = sb
        .cmd()
        .args([
            "reddit",
            "--sandbox-at",
            &base,
            "--auto-approve",
            "--insecure-storage",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.run(&["refresh", "reddit:sandbox_user"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("; due from ")
            && stderr(&out).contains("(1 hour before it expires, --within)"),
        "{}",
        stderr(&out)
    );
    // A 5-second token is due at half its life, sooner than --within.
    let out = sb.sandbox_connect("twitter", &["--fault", "expire-fast"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.run(&["refresh", "twitter:sandbox_user"]);
    assert!(
        stderr(&out).contains("(at half its lifetime, which is sooner than --within)"),
        "{}",
        stderr(&out)
    );
    let child = sb
        .std_cmd()
        .args(["refresh", "--watch"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 hour before it expires, or at half its lifetime when that is sooner"),
        "{err}"
    );
    assert_eq!(server.interrupt().code(), Some(0));
}
