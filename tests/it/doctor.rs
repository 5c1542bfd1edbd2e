//! `doctor` against files and local servers only: .env fixtures, redirect URIs, a URL to
//! explain, a refusing port, a silent listener, a `.invalid` host, the real authorization
//! server for the credential probe, the keychain, stored channels.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::Value;

fn doctor(sb: &Sandbox, args: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let out = sb
        .cmd()
        .arg("doctor")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let findings: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    (
        out.status.code(),
        findings.as_array().unwrap().clone(),
        stderr(&out),
    )
}

fn has(findings: &[Value], id: &str, severity: &str) -> bool {
    findings
        .iter()
        .any(|f| f["id"] == id && f["severity"] == severity)
}

fn ids(findings: &[Value]) -> Vec<String> {
    findings
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn env_file_lint_predicts_invalid_state_and_missing_credentials() {
    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        "FRONTEND_URL=https://postiz.example.com/\nNEXT_PUBLIC_BACKEND_URL=https://api.other-site.org\nLINKEDIN_CLIENT_ID=abc\nREDDIT_CLIENT_ID=' spaced'\nREDDIT_CLIENT_SECRET=s\n",
    )
    .unwrap();
    let (code, f, err) = doctor(&sb, &["--env-file", env.to_str().unwrap(), "--offline"]);
    assert_eq!(code, Some(1), "{err}");
    for id in [
        "env.frontend_url.trailing_slash",
        "cookie.cross_site",
        "env.linkedin.missing",
        "env.reddit.malformed",
    ] {
        assert!(has(&f, id, "problem"), "{id}: {:?}", ids(&f));
    }
    // Every finding has the stable fields.
    for finding in &f {
        for key in ["id", "severity", "title", "evidence", "fix"] {
            assert!(finding.get(key).is_some(), "{key} in {finding}");
        }
    }
}

#[test]
fn redirect_forensics_name_the_difference_with_a_caret() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .args([
            "doctor",
            "--offline",
            "--redirect-uri",
            "http://localhost:8080/callback/",
            "--registered",
            "http://127.0.0.1:8080/callback",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("localhost, 127.0.0.1 and [::1] are different strings"),
        "{text}"
    );
    assert!(text.contains("trailing slash"), "{text}");
    assert!(text.contains("^ first difference at character 8"), "{text}");
}

#[test]
fn postiz_redirect_from_the_env_file_is_compared() {
    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(&env, "FRONTEND_URL=https://postiz.example.com\nNEXT_PUBLIC_BACKEND_URL=https://postiz.example.com/api\nLINKEDIN_CLIENT_ID=a\nLINKEDIN_CLIENT_SECRET=b\n").unwrap();
    let (code, f, err) = doctor(
        &sb,
        &[
            "linkedin",
            "--env-file",
            env.to_str().unwrap(),
            "--offline",
            "--registered",
            "https://postiz.example.com/integrations/social/linkedin/",
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        has(&f, "redirect.trailing_slash", "problem"),
        "{:?}",
        ids(&f)
    );
    let (code, f, _) = doctor(
        &sb,
        &[
            "linkedin",
            "--env-file",
            env.to_str().unwrap(),
            "--offline",
            "--registered",
            "https://postiz.example.com/integrations/social/linkedin",
        ],
    );
    assert!(has(&f, "redirect.match", "ok"), "{:?}", ids(&f));
    assert!(
        code == Some(0)
            || ids(&f)
                .iter()
                .any(|i| i.starts_with("keychain") || i.starts_with("loopback"))
    );
}

#[test]
fn slack_redirect_with_an_http_frontend_is_compared_through_redirectmeto() {
    // slack.provider.ts wraps an http FRONTEND_URL in https://redirectmeto.com/ (as
    // threads, tiktok and vk do): that is the URI registered with Slack, and a match.
    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        "FRONTEND_URL=http://localhost:4200\nNEXT_PUBLIC_BACKEND_URL=http://localhost:3000\nSLACK_ID=a\nSLACK_SECRET=b\n",
    )
    .unwrap();
    let (_, f, err) = doctor(
        &sb,
        &[
            "slack",
            "--env-file",
            env.to_str().unwrap(),
            "--offline",
            "--registered",
            "https://redirectmeto.com/http://localhost:4200/integrations/social/slack",
        ],
    );
    assert!(has(&f, "redirect.match", "ok"), "{:?} {err}", ids(&f));
}

#[test]
fn explains_the_url_the_browser_ended_on() {
    let sb = Sandbox::new();
    let (_, f, _) = doctor(&sb, &["--offline", "--url", "http://127.0.0.1:5/callback?error=access_denied&error_description=User+cancelled&state=x"]);
    assert!(
        has(&f, "url.error.access_denied", "warning"),
        "{:?}",
        ids(&f)
    );
    let (_, f, _) = doctor(
        &sb,
        &[
            "--offline",
            "--url",
            "https://accounts.google.com/o/oauth2/v2/auth?client_id=undefined&redirect_uri=x",
        ],
    );
    assert!(
        has(&f, "url.client_id_undefined", "problem"),
        "{:?}",
        ids(&f)
    );
}

#[test]
fn network_failures_are_named_apart_and_probed_concurrently() {
    let sb = Sandbox::new();
    let refused = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let started = Instant::now();
    let (code, f, err) = doctor(
        &sb,
        &[
            "custom",
            "--client-id",
            "x",
            "--auth-url",
            &format!("http://127.0.0.1:{refused}/auth"),
            "--token-url",
            &format!("http://127.0.0.1:{silent_port}/token"),
            "--userinfo-url",
            "http://no-such-host.invalid/me",
            "--probe-timeout",
            "2s",
        ],
    );
    let elapsed = started.elapsed();
    drop(silent);
    assert_eq!(code, Some(1), "{err}");
    for id in ["network.refused", "network.timeout", "network.dns"] {
        assert!(has(&f, id, "problem"), "{id}: {:?}", ids(&f));
    }
    // Three probes of up to 2 s each, plus the credential probe's own 2 s: concurrency
    // keeps the network part near one timeout.
    assert!(elapsed < Duration::from_secs(7), "took {elapsed:?}");
}

#[test]
fn credential_probe_tells_wrong_secret_from_wrong_method() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let base = ["custom", "--issuer", &server.issuer()];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        doctor(&sb, &args)
    };
    let (_, f, err) = run(&[
        "--client-id",
        "basic-client",
        "--client-secret",
        "basic-secret",
    ]);
    assert!(has(&f, "credentials.accepted", "ok"), "{err} {:?}", ids(&f));
    assert!(has(&f, "network.reachable", "ok"), "{:?}", ids(&f));
    let (_, f, _) = run(&["--client-id", "basic-client", "--client-secret", "wrong"]);
    assert!(
        has(&f, "credentials.invalid_client", "problem"),
        "{:?}",
        ids(&f)
    );

    // The sandbox is strict about the catalog's method (X: HTTP Basic).
    let emulator = sb.emulator(&["twitter"]);
    let flags = emulator.client_flags();
    let mut args: Vec<&str> = vec!["twitter"];
    args.extend(flags.iter().map(String::as_str));
    args.extend(["--client-auth", "post"]);
    let (_, f, _) = doctor(&sb, &args);
    drop(emulator);
    let wrong_method = f
        .iter()
        .find(|x| x["id"] == "credentials.wrong_method")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    assert!(
        wrong_method["fix"]
            .as_str()
            .unwrap()
            .contains("--client-auth basic"),
        "{wrong_method}"
    );
}

#[test]
fn keychain_and_stored_channels() {
    needs!("keychain");
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Make the stored channel expired with no refresh token.
    let path = sb
        .home
        .path()
        .join("home/channels/twitter%3Asandbox_user.json");
    let mut channel: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    channel["expires_at"] = Value::String("2020-01-01T00:00:00Z".into());
    channel["has_refresh_token"] = Value::Bool(false);
    std::fs::write(&path, serde_json::to_vec(&channel).unwrap()).unwrap();
    let (code, f, _) = doctor(&sb, &["--offline"]);
    assert_eq!(code, Some(1));
    assert!(has(&f, "channel.expired", "problem"), "{:?}", ids(&f));
    assert!(has(&f, "keychain.ok", "ok"), "{:?}", ids(&f));
    let out = sb
        .cmd()
        .args(["doctor", "--json", "--offline"])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", sb.path("no-bus").display()),
        )
        .output()
        .unwrap();
    let f: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    // The channel went to the file store (--insecure-storage): the missing keychain is
    // information there (see a_missing_keychain_is_information_once_the_file_store_is_chosen).
    assert!(has(&f, "keychain.unavailable", "info"), "{:?}", ids(&f));
}

#[test]
fn live_identity_check_catches_a_revoked_grant() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb.connect_public(&server);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, f, _) = doctor(&sb, &["--probe-timeout", "3s"]);
    assert!(has(&f, "channel.live", "ok"), "{:?}", ids(&f));
    let secrets: Value = serde_json::from_slice(
        &std::fs::read(sb.home.path().join(format!(
            "home/secrets/{}.json",
            file_key(&server.channel("alice"))
        )))
        .unwrap(),
    )
    .unwrap();
    reqwest::blocking::Client::new()
        .post(format!("{}/token/revocation", server.issuer()))
        .form(&[
            ("token", secrets["refresh_token"].as_str().unwrap()),
            ("client_id", "public-client"),
        ])
        .send()
        .unwrap();
    let (code, f, _) = doctor(&sb, &["--probe-timeout", "3s"]);
    assert_eq!(code, Some(1));
    assert!(has(&f, "channel.refused", "problem"), "{:?}", ids(&f));
}

fn openssl(args: &[&str], sb: &Sandbox) {
    let made = std::process::Command::new("openssl")
        .current_dir(sb.home.path())
        .args(args)
        .output()
        .expect("openssl is installed (tests/run.sh checks)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
}

/// Serve TLS with `cert.pem` / `key.pem` from the sandbox dir and run doctor against it.
fn doctor_against_tls_server(sb: &Sandbox) -> (Option<i32>, Vec<Value>, String) {
    doctor_against_tls_server_with(sb, &[]).0
}

/// Doctor against a local TLS server with `cert.pem`, with these environment variables;
/// also gives the server's port.
fn doctor_against_tls_server_with(
    sb: &Sandbox,
    env: &[(&str, String)],
) -> ((Option<i32>, Vec<Value>, String), String) {
    let mut server = std::process::Command::new("python3")
        .arg(root().join("tests/support/tls_server.py"))
        .args([sb.path("cert.pem"), sb.path("key.pem")])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(server.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    let port = line.trim().strip_prefix("READY ").unwrap().to_string();
    let url = format!("https://127.0.0.1:{port}");
    let out = sb
        .cmd()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .args(["doctor", "--json", "custom", "--client-id", "x"])
        .args(["--auth-url", &format!("{url}/auth")])
        .args(["--token-url", &format!("{url}/token")])
        .args(["--probe-timeout", "3s"])
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    let findings: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    (
        (
            out.status.code(),
            findings.as_array().unwrap().clone(),
            stderr(&out),
        ),
        port,
    )
}

/// An HTTP proxy on 127.0.0.1 that only tunnels (CONNECT), as corporate proxies do for
/// https; it records each tunnel's target.
fn connect_proxy() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let targets = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = targets.clone();
    std::thread::spawn(move || {
        for mut client in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(client.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).unwrap_or(0) > 2 {
                    header.clear();
                }
                let target = request.split_whitespace().nth(1).unwrap_or("").to_string();
                seen.lock().unwrap().push(target.clone());
                let Ok(upstream) = std::net::TcpStream::connect(&target) else {
                    let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n");
                    return;
                };
                client
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .unwrap();
                let (mut from_client, mut to_upstream) =
                    (client.try_clone().unwrap(), upstream.try_clone().unwrap());
                std::thread::spawn(move || std::io::copy(&mut from_client, &mut to_upstream));
                let (mut from_upstream, mut to_client) = (upstream, client);
                let _ = std::io::copy(&mut from_upstream, &mut to_client);
            });
        }
    });
    (port, targets)
}

#[test]
fn self_signed_certificate_is_named() {
    needs!("openssl", "python3");
    let sb = Sandbox::new();
    openssl(
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
        ],
        &sb,
    );
    let (code, f, err) = doctor_against_tls_server(&sb);
    assert_eq!(code, Some(1), "{err}");
    let tls = f
        .iter()
        .find(|x| x["id"] == "network.tls_self_signed")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    assert!(
        tls["title"].as_str().unwrap().contains("CN=127.0.0.1"),
        "{tls}"
    );
}

/// `cert.pem`/`key.pem`: a leaf for 127.0.0.1 signed by a CA calling itself mitmproxy, as
/// the proxy would.
fn mitmproxy_signed_leaf(sb: &Sandbox) {
    openssl(
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/O=mitmproxy/CN=mitmproxy",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
        ],
        sb,
    );
    openssl(
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "key.pem",
            "-out",
            "leaf.csr",
        ],
        sb,
    );
    openssl(
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "1",
            "-out",
            "cert.pem",
        ],
        sb,
    );
}

#[test]
fn tls_intercepting_proxy_is_named_by_its_certificate_issuer() {
    let sb = Sandbox::new();
    mitmproxy_signed_leaf(&sb);
    let (code, f, err) = doctor_against_tls_server(&sb);
    assert_eq!(code, Some(1), "{err}");
    let tls = f
        .iter()
        .find(|x| x["id"] == "network.tls_intercepted")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    assert!(
        tls["title"].as_str().unwrap().contains("mitmproxy"),
        "{tls}"
    );
    assert!(
        tls["fix"].as_str().unwrap().contains("trust store"),
        "{tls}"
    );
}

#[test]
fn the_route_is_traced_through_the_configured_proxy() {
    // The "mitmproxy" CA signs the leaf, and only a tunnel through the proxy reaches it:
    // doctor must go through HTTPS_PROXY for both the request and the certificate check.
    let sb = Sandbox::new();
    mitmproxy_signed_leaf(&sb);
    let (proxy_port, targets) = connect_proxy();
    let proxy = format!("http://tester:hunter2@127.0.0.1:{proxy_port}");
    let ((code, f, err), tls_port) = doctor_against_tls_server_with(
        &sb,
        &[("HTTPS_PROXY", proxy.clone()), ("NO_PROXY", String::new())],
    );
    assert_eq!(code, Some(1), "{err}");
    let tls = f
        .iter()
        .find(|x| x["id"] == "network.tls_intercepted")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    let evidence = tls["evidence"].as_str().unwrap();
    assert!(
        evidence.contains(&format!("through the proxy http://127.0.0.1:{proxy_port}:")),
        "{evidence}"
    );
    assert!(
        evidence.contains("proxy CONNECT") && evidence.contains("TLS handshake"),
        "{evidence}"
    );
    // The proxy's password never reaches the output.
    let all = serde_json::to_string(&f).unwrap();
    assert!(!all.contains("hunter2"), "{all}");
    let tunnelled = targets.lock().unwrap().clone();
    assert!(
        tunnelled
            .iter()
            .any(|t| t == &format!("127.0.0.1:{tls_port}")),
        "{tunnelled:?}"
    );

    // NO_PROXY exempts the host: the same check goes direct, and says so.
    let ((_, f, _), _) = doctor_against_tls_server_with(
        &sb,
        &[("HTTPS_PROXY", proxy), ("NO_PROXY", "127.0.0.1".into())],
    );
    let tls = f
        .iter()
        .find(|x| x["id"] == "network.tls_intercepted")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    assert!(
        tls["evidence"]
            .as_str()
            .unwrap()
            .contains("direct (no proxy applies)"),
        "{tls}"
    );
}

/// With the file store chosen (--insecure-storage, remembered), a missing keychain is
/// information, not a problem; without that choice it stays a problem.
#[test]
fn a_missing_keychain_is_information_once_the_file_store_is_chosen() {
    let sb = Sandbox::new();
    let doctor_without_keychain = || {
        let out = sb
            .headless_cmd()
            .args(["doctor", "--json", "--offline"])
            .output()
            .unwrap();
        let f: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone();
        (out.status.code(), f)
    };
    let (code, f) = doctor_without_keychain();
    assert_eq!(code, Some(1));
    assert!(has(&f, "keychain.unavailable", "problem"), "{:?}", ids(&f));
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (code, f) = doctor_without_keychain();
    assert!(has(&f, "keychain.unavailable", "info"), "{:?}", ids(&f));
    assert_eq!(code, Some(0), "{:?}", ids(&f));
    let text = stdout(
        &sb.headless_cmd()
            .args(["doctor", "--offline"])
            .output()
            .unwrap(),
    );
    assert!(
        text.contains("• no OS keychain here; none is needed"),
        "{text}"
    );
    assert!(text.contains("0 problem(s)"), "{text}");
}

/// A host name that does not resolve is one failure, reported once with what it
/// stopped: not once per origin and again by each check that needed it.
#[test]
fn a_dns_failure_is_reported_once() {
    let sb = Sandbox::new();
    // .invalid never resolves (RFC 6761 §6.4).
    let (code, f, err) = doctor(
        &sb,
        &[
            "custom",
            "--client-id",
            "x",
            "--auth-url",
            "https://a.invalid/authorize",
            "--token-url",
            "https://b.invalid/token",
            "--userinfo-url",
            "https://c.invalid/me",
            "--probe-timeout",
            "3s",
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    let dns: Vec<&Value> = f.iter().filter(|x| x["id"] == "network.dns").collect();
    assert_eq!(dns.len(), 1, "{:?}", ids(&f));
    let title = dns[0]["title"].as_str().unwrap();
    for host in ["a.invalid", "b.invalid", "c.invalid"] {
        assert!(title.contains(host), "{title}");
    }
    assert!(
        !has(&f, "credentials.unreachable", "problem"),
        "{:?}",
        ids(&f)
    );
    assert!(
        dns[0]["evidence"]
            .as_str()
            .unwrap()
            .contains("could not run: client credentials (custom)"),
        "{}",
        dns[0]
    );
    let problems = f.iter().filter(|x| x["severity"] == "problem").count();
    assert!(problems <= 2, "{:?}", ids(&f));
}

/// A Postiz callback URL that came back with redirect_uri_mismatch: the fix names the
/// redirect URI Postiz sends, not "the redirect URI this tool printed".
#[test]
fn a_postiz_callback_names_the_postiz_redirect_uri() {
    let sb = Sandbox::new();
    let (_, f, _) = doctor(
        &sb,
        &[
            "--offline",
            "--url",
            "https://postiz.example.com/integrations/social/linkedin?error=redirect_uri_mismatch&error_description=The+redirect_uri+does+not+match&state=abc",
        ],
    );
    let finding = f
        .iter()
        .find(|x| x["id"] == "url.error.redirect_uri_mismatch")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    let fix = finding["fix"].as_str().unwrap();
    assert!(
        fix.contains("register exactly https://postiz.example.com/integrations/social/linkedin,"),
        "{fix}"
    );
    assert!(!fix.contains("this tool printed"), "{fix}");
}

/// An issuer that accepts connections and never answers: both metadata documents are
/// asked at once, so discovery costs one `--probe-timeout`, not one per document (with
/// 3s it took over 6s).
#[test]
fn a_silent_issuer_costs_one_probe_timeout() {
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming() {
            held.push(stream);
        }
    });
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb.run(&[
        "doctor",
        "custom",
        "--issuer",
        &format!("http://127.0.0.1:{port}"),
        "--client-id",
        "x",
        "--probe-timeout",
        "3s",
    ]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(took >= Duration::from_secs(3), "{took:?}");
    assert!(
        took < Duration::from_secs(5),
        "one limit per document: {took:?}"
    );
}

/// `doctor --url URL` alone explains that URL: no machine or channel report around it (a
/// missing keychain has nothing to do with it), and the redirectmeto.com wrapper is
/// named only for a provider Postiz wraps (Slack), not for LinkedIn.
#[test]
fn doctor_url_alone_explains_the_url_and_only_its_providers_wrapper() {
    let sb = Sandbox::new();
    let url = |id: &str| {
        format!("https://postiz.example.com/integrations/social/{id}?error=redirect_uri_mismatch&error_description=bad")
    };
    let run = |id: &str| {
        let out = sb
            .headless_cmd()
            .args(["doctor", "--json", "--url", &url(id)])
            .output()
            .unwrap();
        let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), findings.as_array().unwrap().clone())
    };
    let (code, findings) = run("linkedin");
    assert_eq!(code, Some(1), "the URL shows a failed login: {findings:?}");
    assert!(
        findings
            .iter()
            .all(|f| f["id"].as_str().unwrap().starts_with("url.")),
        "only the URL's findings: {:?}",
        ids(&findings)
    );
    let fix = findings[0]["fix"].as_str().unwrap_or_default().to_string();
    assert!(fix.contains("/integrations/social/linkedin"), "{fix}");
    assert!(!fix.contains("redirectmeto"), "{fix}");
    let (_, findings) = run("slack");
    let fixes: String = findings.iter().map(|f| f["fix"].to_string()).collect();
    assert!(fixes.contains("redirectmeto"), "{fixes}");
}

/// A redirect URI that differs by a trailing slash can only be fixed on the registered
/// side for Postiz (FRONTEND_URL cannot add a slash after the path).
#[test]
fn trailing_slash_advice_registers_the_sent_uri() {
    let sb = Sandbox::new();
    let (_, f, _) = doctor(
        &sb,
        &[
            "--offline",
            "--redirect-uri",
            "https://postiz.example.com/integrations/social/linkedin",
            "--registered",
            "https://postiz.example.com/integrations/social/linkedin/",
        ],
    );
    let finding = f
        .iter()
        .find(|f| f["id"] == "redirect.trailing_slash")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    let fix = finding["fix"].as_str().unwrap();
    assert!(
        fix.contains("register exactly https://postiz.example.com/integrations/social/linkedin "),
        "{fix}"
    );
    assert!(
        fix.contains("Postiz cannot send another trailing slash"),
        "{fix}"
    );
}

/// A channel that cannot be refreshed: "reconnect before then: <command>", said once.
#[test]
fn not_refreshable_advice_does_not_stutter() {
    let sb = Sandbox::new();
    let out = sb.sandbox_connect(
        "facebook",
        &["--page", &postiz_connect::sandbox::page_id("facebook", 1)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, f, _) = doctor(&sb, &["--offline"]);
    let finding = f
        .iter()
        .find(|f| f["id"] == "channel.not_refreshable")
        .unwrap_or_else(|| panic!("{:?}", ids(&f)));
    let fix = finding["fix"].as_str().unwrap();
    assert!(
        fix.starts_with("reconnect before then: postiz-connect facebook"),
        "{fix}"
    );
    assert!(!fix.contains("reconnect: "), "{fix}");
}

/// `doctor twitter` with a Postiz .env holding X's API key (Postiz connects X over OAuth
/// 1.0a only): what is missing of those keys, in that file, never X_CLIENT_ID.
#[test]
fn doctor_twitter_with_a_postiz_api_key_names_the_oauth1_keys() {
    let sb = Sandbox::new();
    let env = sb.path("postiz.env");
    std::fs::write(&env, "FRONTEND_URL=http://localhost:4200\nX_API_KEY=key\n").unwrap();
    let out = sb
        .cmd()
        .args([
            "doctor",
            "--json",
            "twitter",
            "--env-file",
            env.to_str().unwrap(),
        ])
        .env_remove("X_CLIENT_ID")
        .env_remove("X_API_SECRET")
        .output()
        .unwrap();
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = findings.to_string();
    assert!(!text.contains("X_CLIENT_ID"), "{findings:#}");
    let unresolved = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "credentials.unresolved")
        .unwrap_or_else(|| panic!("{findings:#}"));
    assert!(
        unresolved["fix"].as_str().unwrap().contains(&format!(
            "add X_API_SECRET=<the app's API secret> to {}",
            env.display()
        )),
        "{unresolved}"
    );
}
