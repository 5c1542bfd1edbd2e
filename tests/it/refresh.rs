//! Refresh against the real authorization server (rotation on) and against a scripted
//! token endpoint for transient failures.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::Value;

fn connect(sb: &Sandbox, server: &AuthServer) {
    let out = sb
        .connect(
            server,
            &["--client-id", "public-client", "--insecure-storage"],
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// The file of the one channel these tests connect, in `dir` of the home.
fn only_file(sb: &Sandbox, dir: &str) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(sb.home.path().join("home").join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    files.remove(0)
}

fn secrets(sb: &Sandbox) -> Value {
    serde_json::from_slice::<Value>(&std::fs::read(only_file(sb, "secrets")).unwrap()).unwrap()
}

fn refresh_token(sb: &Sandbox) -> String {
    secrets(sb)["refresh_token"].as_str().unwrap().to_string()
}

/// Spend a refresh token directly at the token endpoint; returns the HTTP status.
fn spend(server: &AuthServer, refresh_token: &str) -> u16 {
    reqwest::blocking::Client::new()
        .post(format!("{}/token", server.issuer()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", "public-client"),
        ])
        .send()
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn forced_refresh_rotates_persists_and_the_old_token_is_refused() {
    let server = AuthServer::start(&[("ROTATE", "1")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let old = refresh_token(&sb);
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert_failed_with(&out, 0, "rotated and saved");
    let new = refresh_token(&sb);
    assert_ne!(old, new, "the rotated refresh token was persisted");
    assert_eq!(
        server.userinfo_status(&sb.token(&server.channel("alice"))),
        200
    );
    assert_eq!(
        spend(&server, &old),
        400,
        "the provider refuses the spent token"
    );
}

#[test]
fn not_due_is_left_alone_and_dry_run_changes_nothing() {
    let server = AuthServer::start(&[("ROTATE", "1")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let before = refresh_token(&sb);
    // A run that ends prints one JSON document: an array, one object per channel.
    let out = sb.run(&["refresh", "--all", "--within", "5m", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line = serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone();
    assert_eq!(line["outcome"], "not_due");
    let out = sb.run(&["refresh", "--all", "--force", "--dry-run", "--json"]);
    let line = serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone();
    assert_eq!(line["outcome"], "would_refresh");
    assert_eq!(refresh_token(&sb), before);
    // Within 2h, but the token lives 1h: it is due at half-life, not yet.
    let out = sb.run(&["refresh", "--all", "--within", "2h", "--json"]);
    let line = serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone();
    assert_eq!(line["outcome"], "not_due");
    assert_eq!(refresh_token(&sb), before);
    let out = sb.run(&["refresh", "--all", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_ne!(refresh_token(&sb), before);
}

#[test]
fn concurrent_forced_refreshes_of_one_channel_both_succeed_and_leave_one_valid_token() {
    let server = AuthServer::start(&[("ROTATE", "1")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let children: Vec<_> = (0..2)
        .map(|_| {
            sb.std_cmd()
                .args(["refresh", &server.channel("alice"), "--force"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    // Had a rotated token been spent twice, the server would have revoked the whole grant.
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        server.userinfo_status(&sb.token(&server.channel("alice"))),
        200
    );
}

#[test]
fn revoked_grant_marks_the_channel_for_reconnect() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let status = reqwest::blocking::Client::new()
        .post(format!("{}/token/revocation", server.issuer()))
        .form(&[
            ("token", refresh_token(&sb).as_str()),
            ("client_id", "public-client"),
        ])
        .send()
        .unwrap()
        .status();
    assert!(status.is_success());
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("needs reconnect: postiz-connect custom"),
        "{err}"
    );
    assert!(err.contains("invalid_grant"), "{err}");
    assert_eq!(sb.status_json()[0]["needs_reconnect"], true);
}

#[test]
fn watcher_refreshes_on_schedule_with_short_lifetimes() {
    let server = AuthServer::start(&[("ROTATE", "1"), ("ACCESS_TTL", "3")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let mut child = sb
        .std_cmd()
        .args(["refresh", "--watch", "--within", "1s", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout_lines = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout_lines.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let started = Instant::now();
    let mut refreshed = 0;
    while refreshed < 2 && started.elapsed() < Duration::from_secs(20) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            let v: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(v["outcome"], "refreshed", "{line}");
            refreshed += 1;
        }
    }
    let elapsed = started.elapsed();
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(refreshed, 2, "two refreshes on schedule; stderr: {err}");
    // A 3 s token refreshed 1 s before expiry: about every 2 s, never in a tight loop.
    assert!(
        elapsed >= Duration::from_millis(3000),
        "refreshed too early: {elapsed:?}"
    );
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(
        server.userinfo_status(&sb.token(&server.channel("alice"))),
        200
    );
}

#[test]
fn a_fresh_one_hour_token_is_not_refreshed_by_the_watcher() {
    // Google's tokens live 3599 s, many OIDC servers' 3600 s: inside Postiz's one-hour
    // window from the moment they are issued. The watcher must wait for half-life, not
    // refresh (and rotate) in a loop.
    let server = AuthServer::start(&[("ROTATE", "1"), ("ACCESS_TTL", "3599")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let before = refresh_token(&sb);
    let mut child = sb
        .std_cmd()
        .args(["refresh", "--watch", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(4));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let refreshes = out.lines().filter(|l| l.contains("\"refreshed\"")).count();
    assert_eq!(refreshes, 0, "a fresh 1-hour token was refreshed: {out}");
    assert_eq!(status.code(), Some(0));
    assert_eq!(refresh_token(&sb), before, "nothing was rotated");
    // `refresh --all` follows the same rule.
    let out = sb.run(&["refresh", "--all", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("not_due"), "{}", stdout(&out));
    assert_eq!(refresh_token(&sb), before);
}

/// One scripted answer: status, headers, body.
type Scripted = (u16, Vec<(&'static str, &'static str)>, &'static str);

/// A token endpoint that answers from a script, one response per request.
struct ScriptedTokenEndpoint {
    url: String,
    hits: Arc<Mutex<u32>>,
}

fn scripted(responses: Vec<Scripted>) -> ScriptedTokenEndpoint {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/token", server.server_addr().to_ip().unwrap());
    let hits = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&hits);
    std::thread::spawn(move || {
        for (status, headers, body) in responses {
            let Ok(request) = server.recv() else { return };
            *counter.lock().unwrap() += 1;
            let mut response = tiny_http::Response::from_string(body).with_status_code(status);
            for (k, v) in headers {
                response = response.with_header(tiny_http::Header::from_bytes(k, v).unwrap());
            }
            let _ = request.respond(response);
        }
    });
    ScriptedTokenEndpoint { url, hits }
}

/// Point the stored channel's token endpoint at `url` (a fixture edit of the index).
fn retarget(sb: &Sandbox, url: &str) {
    let path = only_file(sb, "channels");
    let mut channel: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    channel["endpoints"]["token_url"] = Value::String(url.into());
    std::fs::write(&path, serde_json::to_vec(&channel).unwrap()).unwrap();
}

#[test]
fn rate_limit_with_retry_after_is_retried() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let endpoint = scripted(vec![
        (
            429,
            vec![("Retry-After", "1"), ("Content-Type", "application/json")],
            r#"{"error":"rate_limited"}"#,
        ),
        (
            200,
            vec![("Content-Type", "application/json")],
            r#"{"access_token":"new-at","token_type":"Bearer","expires_in":3600}"#,
        ),
    ]);
    retarget(&sb, &endpoint.url);
    let old_rt = refresh_token(&sb);
    let started = Instant::now();
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "Retry-After was honoured"
    );
    assert_eq!(*endpoint.hits.lock().unwrap(), 2);
    assert_eq!(secrets(&sb)["access_token"], "new-at");
    assert_eq!(
        refresh_token(&sb),
        old_rt,
        "no refresh token returned: the old one is kept"
    );
}

#[test]
fn persistent_server_errors_leave_the_channel_untouched() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let html = "<html><head><title>503 Service Unavailable</title></head></html>";
    let endpoint = scripted(vec![
        (503, vec![("Content-Type", "text/html")], html),
        (503, vec![("Content-Type", "text/html")], html),
        (503, vec![("Content-Type", "text/html")], html),
    ]);
    retarget(&sb, &endpoint.url);
    let before = secrets(&sb);
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("503 Service Unavailable"), "{err}");
    assert!(err.contains("unchanged"), "{err}");
    assert_eq!(*endpoint.hits.lock().unwrap(), 3, "retried");
    assert_eq!(secrets(&sb), before);
    assert_eq!(sb.status_json()[0]["needs_reconnect"], false);
}

#[test]
fn token_refreshes_an_expired_access_token_first() {
    let server = AuthServer::start(&[("ACCESS_TTL", "2")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let first = secrets(&sb)["access_token"].as_str().unwrap().to_string();
    std::thread::sleep(Duration::from_millis(2200));
    let out = sb.run(&["token", &server.channel("alice"), "--no-refresh"]);
    assert_eq!(stdout(&out).trim(), first);
    assert!(stderr(&out).contains("expired"), "{}", stderr(&out));
    let fresh = sb.token(&server.channel("alice"));
    assert_ne!(fresh, first);
    assert_eq!(server.userinfo_status(&fresh), 200);
}

#[test]
fn store_failure_after_rotation_keeps_the_tokens_and_the_next_read_stores_them() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let home = sb.home.path().join("home");
    let secrets_dir = home.join("secrets");
    let moved = sb.path("secrets-moved");
    // A token endpoint that rotates, and breaks the store while it answers: the refresher
    // then holds tokens the provider has already rotated and cannot store them.
    let server_socket = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/token",
        server_socket.server_addr().to_ip().unwrap()
    );
    let (dir, aside) = (secrets_dir.clone(), moved.clone());
    std::thread::spawn(move || {
        if let Ok(request) = server_socket.recv() {
            std::fs::rename(&dir, &aside).unwrap();
            std::fs::write(&dir, "not a directory").unwrap();
            let body = r#"{"access_token":"rotated-at","token_type":"Bearer","expires_in":3600,"refresh_token":"rotated-rt"}"#;
            let header = tiny_http::Header::from_bytes("Content-Type", "application/json").unwrap();
            let _ = request.respond(tiny_http::Response::from_string(body).with_header(header));
        }
    });
    retarget(&sb, &url);
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("postiz-connect restore"), "{err}");
    assert!(!err.contains("rotated-rt"), "the secret leaked: {err}");
    assert!(!err.contains("unchanged"), "the old token was spent: {err}");
    let recovery: Vec<_> = std::fs::read_dir(home.join("pending"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(recovery.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&recovery[0])
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(err.contains(&recovery[0].display().to_string()), "{err}");
    // While the store still refuses, `status` and `doctor` name the waiting record...
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&recovery[0].display().to_string()),
        "{}",
        stderr(&out)
    );
    let out = sb.run(&["doctor", "--offline", "--json"]);
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(has_finding(&findings, "channel.pending"), "{findings}");
    // ... a refresh does not spend the stored (already spent) token again...
    let out = sb.run(&["refresh", &server.channel("alice"), "--force"]);
    assert!(!stderr(&out).contains("unchanged"), "{}", stderr(&out));
    assert!(stderr(&out).contains("waiting"), "{}", stderr(&out));
    // ... `restore --dry-run` names what the file would restore, writing nothing...
    let out = sb.run(&[
        "restore",
        recovery[0].to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let preview: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(preview["outcome"], "would_restore");
    assert_eq!(preview["channel"], server.channel("alice").as_str());
    assert!(recovery[0].exists());
    // ... and `restore` by hand says why it cannot and keeps the file.
    let out = sb.run(&["restore", recovery[0].to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    assert!(recovery[0].exists());
    // The store works again: the next command that reads the channel stores the tokens.
    std::fs::remove_file(&secrets_dir).unwrap();
    std::fs::rename(&moved, &secrets_dir).unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(secrets(&sb)["refresh_token"], "rotated-rt");
    assert_eq!(secrets(&sb)["access_token"], "rotated-at");
    assert!(!recovery[0].exists(), "the record went once stored");
}

#[test]
fn a_corrupt_channel_file_is_reported_and_the_other_channels_keep_working() {
    let server = AuthServer::start(&[("ROTATE", "1")]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let corrupt = sb.home.path().join("home/channels/custom%3Abob.json");
    std::fs::write(&corrupt, b"{\"channel\": \"custom:bob\", \"provi").unwrap();

    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&server.channel("alice")),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("custom%3Abob.json is corrupt") && stderr(&out).contains("mv "),
        "{}",
        stderr(&out)
    );

    let out = sb.run(&["status", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    let bob = listed
        .iter()
        .find(|c| c["channel"] == "custom:bob")
        .unwrap();
    assert!(
        bob["unreadable"]["fix"]
            .as_str()
            .unwrap()
            .contains("move it aside"),
        "{bob}"
    );

    // refresh --all refreshes the readable channel and reports the other as failed.
    let before = refresh_token(&sb);
    let out = sb.run(&["refresh", "--all", "--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_ne!(refresh_token(&sb), before, "custom:alice was refreshed");
    assert!(stderr(&out).contains("custom:bob"), "{}", stderr(&out));

    let out = sb.run(&["doctor", "--offline", "--json"]);
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(has_finding(&findings, "channel.unreadable"), "{findings}");
    // The corrupt file is left where it was: the tool never deletes what it cannot read.
    assert!(corrupt.exists());
}

/// One dead grant (4: a person must reconnect) and one provider that cannot be reached
/// (5: try later) in one run: the run exits 4, whatever the order, so the dead grant is
/// not hidden behind the network (it exited 5, the numeric maximum). Local `status` then
/// exits 1: a channel needs reconnecting.
#[test]
fn a_dead_grant_outranks_an_unreachable_provider() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    connect(&sb, &server);
    let status = reqwest::blocking::Client::new()
        .post(format!("{}/token/revocation", server.issuer()))
        .form(&[
            ("token", refresh_token(&sb).as_str()),
            ("client_id", "public-client"),
        ])
        .send()
        .unwrap()
        .status();
    assert!(status.is_success());
    // A second channel, whose provider (a sandbox) is gone by the time of the refresh.
    let emulator = sb.emulator(&["discord", "--auto-approve"]);
    let base = emulator.url("base_url").to_string();
    let out = sb.run(&[
        "discord",
        "--sandbox-at",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "30s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    drop(emulator);
    let out = sb.run(&["--json", "refresh", "--all", "--force"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let results: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut labels: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].as_str().unwrap())
        .collect();
    labels.sort();
    assert_eq!(
        labels,
        ["needs_reconnect", "transient_failure"],
        "{results}"
    );
    for r in results.as_array().unwrap() {
        let code = r["error"]["exit_code"].as_i64().unwrap();
        assert_eq!(
            code,
            if r["outcome"] == "needs_reconnect" {
                4
            } else {
                5
            }
        );
    }
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("needs reconnect"), "{}", stdout(&out));
}
