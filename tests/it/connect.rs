//! End to end: the real binary, a real authorization server (oidc-provider) on 127.0.0.1,
//! a stand-in browser that follows redirects with cookies, and the real keychain (a
//! Secret Service under dbus-run-session, see tests/run.sh).

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::Duration;

use crate::common::*;

#[test]
fn public_client_with_pkce_stores_in_the_keychain_and_round_trips() {
    needs!("keychain");
    let server = AuthServer::start(&[("ACCOUNT", "alice")]);
    let sb = Sandbox::new();
    let out = sb
        .connect(&server, &["--client-id", "public-client", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let connected: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(connected["channel"], server.channel("alice"));
    assert_eq!(connected["store"], "keychain");
    assert_eq!(connected["has_refresh_token"], true);
    assert_eq!(
        connected["scopes"],
        serde_json::json!(["openid", "offline_access", "profile", "email"])
    );
    assert!(connected["expires_at"].as_str().unwrap().contains('T'));
    assert!(
        sb.page()
            .contains(&format!("{} is connected", server.channel("alice"))),
        "{}",
        sb.page()
    );

    // status, token, logout
    let status = sb.status_json();
    assert_eq!(status.as_array().unwrap().len(), 1);
    assert_eq!(status[0]["account"], "alice");
    let token = sb.token(&server.channel("alice"));
    assert_eq!(server.userinfo_status(&token), 200);
    // The secrets are in the keychain, not on disk.
    let home = sb.home.path().join("home");
    assert!(!home.join("secrets").exists());
    let index = std::fs::read_to_string(home.join(format!(
        "channels/{}.json",
        file_key(&server.channel("alice"))
    )))
    .unwrap();
    assert!(!index.contains(&token));

    let out = sb.run(&["logout", &server.channel("alice")]);
    assert_failed_with(&out, 0, "revoked at the provider");
    assert_eq!(
        server.userinfo_status(&token),
        401,
        "logout must revoke the grant"
    );
    assert_eq!(sb.status_json(), serde_json::json!([]));
    let out = sb.run(&["token", &server.channel("alice")]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn confidential_client_basic_from_env_and_post_from_flag() {
    let server = AuthServer::start(&[("ACCOUNT", "bob")]);
    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &["--client-id", "basic-client", "--insecure-storage"],
        )
        .env("OAUTH_CLIENT_SECRET", "basic-secret")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("client secret from environment variable OAUTH_CLIENT_SECRET"));
    assert!(stdout(&out).contains("Connected custom:bob"));

    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &[
                "--client-id",
                "post-client",
                "--client-secret",
                "post-secret",
                "--client-auth",
                "post",
                "--insecure-storage",
            ],
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sb.status_json()[0]["store"], "file");
}

#[test]
fn wrong_secret_is_invalid_client_with_the_fix() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &[
                "--client-id",
                "basic-client",
                "--client-secret",
                "not-the-secret",
                "--insecure-storage",
            ],
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("invalid_client"), "{err}");
    assert!(
        err.contains("fix:") && err.contains("client id and secret"),
        "{err}"
    );
    assert!(!err.contains("not-the-secret"), "the secret leaked: {err}");
    assert!(sb.page().contains("Connection failed"), "{}", sb.page());
    assert_eq!(sb.status_json(), serde_json::json!([]));
}

#[test]
fn scope_downgrade_exits_7_and_names_the_missing_scope() {
    let server = AuthServer::start(&[("DECLINE_SCOPES", "email")]);
    let sb = Sandbox::new();
    let out = sb.connect_public(&server);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("email"), "{err}");
    assert!(
        err.contains("read the account's e-mail address"),
        "the purpose of the scope: {err}"
    );
    let status = sb.status_json();
    assert_eq!(status[0]["missing_scopes"], serde_json::json!(["email"]));
    assert!(
        sb.page().contains("permissions are missing"),
        "{}",
        sb.page()
    );
}

#[test]
fn user_denial_exits_3_and_the_page_says_so() {
    let server = AuthServer::start(&[("DENY", "1")]);
    let sb = Sandbox::new();
    let out = sb.connect_public(&server);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("access_denied"), "{}", stderr(&out));
    let page = sb.page();
    assert!(
        page.contains("access_denied") && page.contains("The user declined"),
        "{page}"
    );
}

#[test]
fn forged_state_and_stray_requests_are_rejected_and_the_flow_still_completes() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &["--client-id", "public-client", "--insecure-storage", "-v"],
        )
        .env("BROWSER_PROBES", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let probes = std::fs::read_to_string(sb.path("browser.log.probes")).unwrap();
    assert!(probes.contains("stray 404"), "{probes}");
    assert!(probes.contains("forged 400"), "{probes}");
    let forged_page = std::fs::read_to_string(sb.path("page.html.forged")).unwrap();
    assert!(forged_page.contains("Invalid state"), "{forged_page}");
    assert!(
        stderr(&out).contains("state did not match"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn localhost_redirect_listens_on_ipv4_and_ipv6() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &[
                "--client-id",
                "public-client",
                "--insecure-storage",
                "--redirect-uri",
                "http://localhost/callback",
                "--port",
                "0",
            ],
        )
        .output()
        .unwrap();
    assert_failed_with(&out, 0, "redirect URI: http://localhost:");
}

#[test]
fn timeout_exits_3_with_a_clear_message() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb.run(&[
        "custom",
        "--issuer",
        &server.issuer(),
        "--client-id",
        "public-client",
        "--insecure-storage",
        "--no-browser",
        "--browser-timeout",
        "1s",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("timed out after 1 second"), "{err}");
    assert!(err.contains("--paste"), "{err}");
    assert!(
        err.contains("Open this URL"),
        "the URL is printed with --no-browser: {err}"
    );
}

/// Runs `--paste`, follows the printed URL up to (not into) the loopback hop, pastes
/// `paste(url)`, and returns the output.
fn paste_flow(
    sb: &Sandbox,
    server: &AuthServer,
    paste: impl FnOnce(&str) -> String,
) -> std::process::Output {
    let mut child = sb
        .std_cmd()
        .args([
            "custom",
            "--issuer",
            &server.issuer(),
            "--scopes",
            ALL_SCOPES,
            "--client-id",
            "public-client",
            "--insecure-storage",
            "--paste",
            "--browser-timeout",
            "30s",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr_lines = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let auth_url = loop {
        let mut line = String::new();
        assert!(
            stderr_lines.read_line(&mut line).unwrap() > 0,
            "no URL printed: {seen}"
        );
        seen.push_str(&line);
        if line.trim_start().starts_with(&server.issuer()) {
            break line.trim().to_string();
        }
    };
    let follow = std::process::Command::new(root().join("tests/support/follow.sh"))
        .arg(&auth_url)
        .output()
        .unwrap();
    assert!(
        follow.status.success(),
        "{}",
        String::from_utf8_lossy(&follow.stderr)
    );
    let landed = String::from_utf8(follow.stdout).unwrap().trim().to_string();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", paste(&landed)).unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr_lines, &mut rest).unwrap();
    let mut out = child.wait_with_output().unwrap();
    out.stderr = format!("{seen}{rest}").into_bytes();
    out
}

#[test]
fn paste_mode_finishes_with_the_url_and_a_reused_code_is_invalid_grant() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let mut first_url = String::new();
    let out = paste_flow(&sb, &server, |url| {
        first_url = url.to_string();
        url.to_string()
    });
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("Connected {}", server.channel("alice"))));

    // The same code again (pasted bare, so it reaches the token endpoint): single use.
    let code = url::Url::parse(&first_url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let sb2 = Sandbox::new();
    let out = paste_flow(&sb2, &server, |_| code.clone());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("invalid_grant"), "{err}");
    assert!(err.contains("start the connect over"), "{err}");
    assert!(!err.contains(&code), "the code leaked: {err}");
}

#[test]
fn no_secret_reaches_any_output_even_verbose() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &[
                "--client-id",
                "basic-client",
                "--client-secret",
                "basic-secret",
                "--insecure-storage",
                "-vv",
            ],
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        all.contains("> POST") && all.contains("/token"),
        "the transcript shows the exchange: {all}"
    );
    let secrets: serde_json::Value = serde_json::from_slice(
        &std::fs::read(sb.home.path().join(format!(
            "home/secrets/{}.json",
            file_key(&server.channel("alice"))
        )))
        .unwrap(),
    )
    .unwrap();
    let s = &secrets;
    let callback = sb.browser_log();
    let code = url::Url::parse(callback.lines().next().unwrap())
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    for secret in [
        s["access_token"].as_str().unwrap(),
        s["refresh_token"].as_str().unwrap(),
        s["id_token"].as_str().unwrap(),
        "basic-secret",
        code.as_str(),
    ] {
        assert!(
            !all.contains(secret),
            "a secret leaked into the output: {secret}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(sb.home.path().join(format!(
            "home/secrets/{}.json",
            file_key(&server.channel("alice"))
        )))
        .unwrap()
        .permissions()
        .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn no_keychain_is_a_clear_error_before_the_browser_opens() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let out = sb
        .connect(&server, &["--client-id", "public-client"])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", sb.path("no-bus").display()),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("--insecure-storage"), "{err}");
    assert!(
        !err.contains("Opened the browser"),
        "no login may be spent: {err}"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(!sb.path("browser.log").exists());
}

#[test]
fn missing_client_id_is_a_configuration_error_naming_the_variables() {
    let sb = Sandbox::new();
    let out = sb.run(&["twitter", "--insecure-storage"]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert!(stderr(&out).contains("X_CLIENT_ID"), "{}", stderr(&out));
}

#[test]
fn refused_token_endpoint_is_a_network_error() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = sb
        .connect(
            &server,
            &[
                "--client-id",
                "public-client",
                "--insecure-storage",
                "--token-url",
                &format!("http://127.0.0.1:{port}/token"),
            ],
        )
        .output()
        .unwrap();
    assert_failed_with(&out, 5, "connection refused");
}

#[test]
fn real_browser_chromium_headless() {
    needs!("chromium");
    let server = AuthServer::start(&[("ACCOUNT", "carol")]);
    let sb = Sandbox::new();
    let out = sb
        .connect(
            &server,
            &["--client-id", "public-client", "--insecure-storage"],
        )
        .env("BROWSER", root().join("tests/support/chromium.sh"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = server.channel("carol");
    assert!(stdout(&out).contains(&format!("Connected {channel}")));
    let page = sb.page();
    assert!(
        page.contains(&format!("{channel} is connected")),
        "chromium rendered: {page}"
    );
}

#[test]
fn ctrl_c_while_waiting_exits_3_cleanly() {
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let mut child = sb
        .std_cmd()
        .args([
            "custom",
            "--issuer",
            &server.issuer(),
            "--client-id",
            "public-client",
            "--insecure-storage",
            "--no-browser",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr_lines = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("Open this URL") {
        let mut line = String::new();
        assert!(stderr_lines.read_line(&mut line).unwrap() > 0, "{seen}");
        seen.push_str(&line);
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr_lines, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(3), "{seen}{rest}");
    assert!(rest.contains("cancelled"), "{rest}");
}

#[test]
fn locked_keychain_is_a_clear_error() {
    needs!("dbus-run-session", "gnome-keyring-daemon");
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    // A second, private Secret Service that is started but never unlocked.
    let data = sb.path("keyring-data");
    std::fs::create_dir_all(&data).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("postiz-connect");
    let script = format!(
        "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec '{}' custom --issuer {} --client-id public-client --browser-timeout 10s",
        bin.display(),
        server.issuer()
    );
    let mut cmd = std::process::Command::new("dbus-run-session");
    sb.apply_env(&mut cmd);
    let out = cmd
        .env("XDG_DATA_HOME", &data)
        .args(["--", "sh", "-c", &script])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(err.contains("locked") || err.contains("keychain"), "{err}");
    assert!(err.contains("--insecure-storage"), "{err}");
}

/// A free port of 127.0.0.1 (bound, then released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The redirect URI line says which case applies, from the catalog: any port for the
/// sandbox and for providers that accept any loopback port; for one that compares the
/// port, a warning to pick and register one, and then that port remembered per provider.
#[test]
fn the_redirect_uri_line_says_whether_the_port_must_be_fixed_and_remembers_it() {
    let sb = Sandbox::new();
    let connect = |args: &[&str]| {
        let out = sb
            .cmd()
            .args(args)
            .args([
                "--insecure-storage",
                "--no-browser",
                "--browser-timeout",
                "1s",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        stderr(&out)
            .lines()
            .find(|l| l.contains("redirect URI:"))
            .unwrap_or_default()
            .to_string()
    };
    // X compares redirect URIs exactly: a random port cannot work.
    let line = connect(&["twitter", "--client-id", "cid"]);
    assert!(
        line.starts_with("! redirect URI: http://127.0.0.1:"),
        "{line}"
    );
    assert!(line.contains("compares redirect URIs exactly"), "{line}");
    assert!(line.contains("run with --port <port>"), "{line}");
    // Given once, remembered for the next run of the same provider.
    let port = free_port().to_string();
    let line = connect(&["twitter", "--client-id", "cid", "--port", &port]);
    assert!(
        line.contains(&format!("port {port} is remembered for twitter")),
        "{line}"
    );
    let line = connect(&["twitter", "--client-id", "cid"]);
    assert!(
        line.contains(&format!(
            "http://127.0.0.1:{port}/callback (port {port}, remembered"
        )),
        "{line}"
    );
    let settings: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sb.home.path().join("home/settings.json")).unwrap())
            .unwrap();
    assert_eq!(settings["ports"]["twitter"].to_string(), port);
    // ... and only for it.
    let line = connect(&["linkedin", "--client-id", "cid"]);
    // The whole port: a random one may hold its digits (41573 holds 4157).
    assert!(!line.contains(&format!("127.0.0.1:{port}/")), "{line}");
    // Google's desktop clients take any loopback port: nothing to fix.
    let line = connect(&["youtube", "--client-id", "cid"]);
    assert!(line.starts_with("• redirect URI:"), "{line}");
    assert!(line.contains("accepts any loopback port"), "{line}");
    assert!(!line.contains("--port"), "{line}");
    // The sandbox takes any port, and never uses the remembered one.
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("(the sandbox accepts any port)"), "{err}");
    assert!(!err.contains("must be registered"), "{err}");
    assert!(!err.contains(&format!(":{port}/")), "{err}");
}

#[test]
fn over_ssh_without_a_display_the_paste_back_is_offered_at_once() {
    needs!("script");
    use std::io::{BufRead, Write};
    let server = AuthServer::start(&[]);
    let sb = Sandbox::new();
    let bin = assert_cmd::cargo::cargo_bin("postiz-connect");
    let mut cmd = std::process::Command::new("script");
    sb.apply_env(&mut cmd);
    // A terminal (script(1)), an SSH login, no display; a browser launcher that would
    // leave a trace if it were used.
    let opened = sb.path("browser-was-opened");
    let child_cmd = format!(
        "exec {} custom --issuer {} --client-id public-client --scopes '{ALL_SCOPES}' --insecure-storage --browser-timeout 30s",
        bin.display(),
        server.issuer()
    );
    let mut child = cmd
        .env("SSH_CONNECTION", "192.0.2.1 50000 192.0.2.2 22")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("BROWSER", format!("touch {}", opened.display()))
        .args(["-qec", &child_cmd, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) is installed");
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    let url = loop {
        let mut line = String::new();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "no login URL in: {seen}"
        );
        seen.push_str(&line);
        if let Some(at) = line.find("http://127.0.0.1") {
            if line.contains("/auth?") {
                break line[at..].trim().to_string();
            }
        }
    };
    assert!(seen.contains("SSH session without a display"), "{seen}");
    // What the user copies from the address bar on their own machine.
    let landed = std::process::Command::new(root().join("tests/support/follow.sh"))
        .arg(&url)
        .output()
        .unwrap();
    let landed = String::from_utf8(landed.stdout).unwrap();
    assert!(landed.contains("code="), "{landed}");
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(format!("{}\n", landed.trim()).as_bytes())
        .unwrap();
    let status = child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    assert_eq!(status.code(), Some(0), "{seen}{rest}");
    assert!(
        rest.contains(&format!("Connected {}", server.channel("alice"))),
        "{rest}"
    );
    assert!(
        !opened.exists(),
        "a browser was launched over SSH with no display"
    );
}

/// The three keychain states of a headless Linux shell, each against a real gnome-keyring
/// in a D-Bus session of its own, each told apart with its own fix, and each fix run as
/// printed (the backquoted `gnome-keyring-daemon` command of the message) until the
/// connect works: no Secret Service on the bus; a Secret Service that D-Bus activation
/// started with no default collection; and that collection locked.
#[test]
fn keychain_states_are_told_apart_and_each_printed_fix_works() {
    needs!("dbus-run-session", "dbus-send", "gnome-keyring-daemon");
    let sb = Sandbox::new();
    let data = sb.path("keyring-data");
    std::fs::create_dir_all(&data).unwrap();
    // A session bus that activates nothing: no Secret Service until one is started.
    let bare_bus = sb.path("bare-bus.conf");
    std::fs::write(
        &bare_bus,
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>"#,
    )
    .unwrap();
    let script = r#"
run() { "$BIN" twitter --sandbox --auto-approve --browser-timeout 20s >/dev/null 2>"$OUT/$1"; echo "exit $?" >>"$OUT/$1"; }
fix() { grep -o '`[^`]*gnome-keyring-daemon[^`]*`' "$OUT/$1" | head -n1 | tr -d '`'; }
apply() { printf '%s\n' "$2" | bash -c "$(fix "$1")" >/dev/null 2>&1; sleep 0.5; }
"#;
    let steps_bare = r#"
run none; apply none first-password; run none-fixed
"#;
    let steps_activated = r#"
run empty; apply empty second-password; run empty-fixed
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
  org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
run locked; apply locked second-password; run locked-fixed
"#;
    let bin = assert_cmd::cargo::cargo_bin("postiz-connect");
    for (config, steps, xdg) in [
        (Some(&bare_bus), steps_bare, "one"),
        (None, steps_activated, "two"),
    ] {
        let mut cmd = std::process::Command::new("dbus-run-session");
        sb.apply_env(&mut cmd);
        if let Some(config) = config {
            cmd.arg(format!("--config-file={}", config.display()));
        }
        let out = cmd
            .env("XDG_DATA_HOME", data.join(xdg))
            .env("BIN", &bin)
            .env("OUT", sb.home.path())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("GNOME_KEYRING_CONTROL")
            .args(["--", "bash", "-c", &format!("{script}{steps}")])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let said = |step: &str| std::fs::read_to_string(sb.path(step)).unwrap();
    for (step, words) in [
        (
            "none",
            "no keychain is running here (no Secret Service answers on D-Bus)",
        ),
        ("empty", "has no default collection to write to"),
        ("locked", "the keychain is locked"),
    ] {
        let err = said(step);
        assert!(err.contains(words), "{step}: {err}");
        assert!(err.contains("exit 6"), "{step}: {err}");
        assert!(err.contains("fix:"), "{step}: {err}");
        assert!(err.contains("--insecure-storage"), "{step}: {err}");
        let fixed = said(&format!("{step}-fixed"));
        assert!(fixed.contains("exit 0"), "{step}, after its fix: {fixed}");
        assert!(
            fixed.contains("Stored twitter:") && fixed.contains("in the OS keychain"),
            "{step}, after its fix: {fixed}"
        );
    }
    // The recipe of docs/storage.md is the fix the messages print.
    let recipe = said("none")
        .split('`')
        .find(|part| part.contains("gnome-keyring-daemon"))
        .unwrap()
        .to_string();
    let storage = std::fs::read_to_string(root().join("docs/storage.md")).unwrap();
    assert!(storage.contains(&recipe), "docs/storage.md lacks {recipe}");
    // The three are three messages, not one with three names.
    assert!(!said("empty").contains("locked"), "{}", said("empty"));
    assert!(
        !said("locked").contains("no default collection"),
        "{}",
        said("locked")
    );
}
