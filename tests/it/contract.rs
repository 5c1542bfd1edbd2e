//! The contract every command keeps (docs/scripting.md "Scripting: JSON, exit codes, old spellings"): with `--json`, data on stdout
//! as one document (or one object per line for what runs until stopped), an error as
//! one JSON object on stderr of one shape, usage errors included; old spellings still
//! work, with one note on stderr.

use serde_json::Value;

use crate::common::*;

/// The error object on stderr: its last line, `{"error": {...}}`, with the exit code.
fn error_object(out: &std::process::Output, args: &[&str]) -> Value {
    let err = stderr(out);
    let last = err.lines().last().unwrap_or_default();
    let value: Value =
        serde_json::from_str(last).unwrap_or_else(|e| panic!("{args:?}: {e}: {err}"));
    let inner = &value["error"];
    for key in ["kind", "message", "exit_code"] {
        assert!(!inner[key].is_null(), "{args:?}: no {key} in {value}");
    }
    for key in ["cause", "fix", "detail", "provider_error"] {
        assert!(inner.get(key).is_some(), "{args:?}: no {key} in {value}");
    }
    assert_eq!(
        inner["exit_code"].as_i64(),
        out.status.code().map(i64::from),
        "{args:?}"
    );
    value
}

/// Runs `args` with `--json` and checks the contract: stdout is empty or one JSON
/// document; a failure with no document (a problem found is data: `doctor`, `status`,
/// a refresh run) is one error object on stderr. The code and the document.
fn json_run(sb: &Sandbox, args: &[&str]) -> (i32, Option<Value>) {
    let out = sb.run(&[&["--json"][..], args].concat());
    let code = out.status.code().expect("exited");
    let text = stdout(&out);
    let data = (!text.trim().is_empty()).then(|| {
        serde_json::from_str::<Value>(&text)
            .unwrap_or_else(|e| panic!("{args:?}: stdout is not one JSON document ({e}): {text}"))
    });
    if code != 0 && data.is_none() {
        error_object(&out, args);
    }
    (code, data)
}

/// Every command, run with `--json`, in its success and failure paths: everything it
/// prints parses.
#[test]
fn every_command_speaks_json() {
    let sb = Sandbox::new();
    let missing = sb.path("missing.json");
    let missing = missing.to_str().unwrap();
    // Failures: usage, unknown names, missing files, no deployment.
    for (args, expected) in [
        (&["status", "--no-such-flag"][..], 2),
        (&["--no-such-flag"], 2),
        (&[], 2),
        (&["postiz"], 2),
        (&["nosuchprovider"], 2),
        (&["refresh"], 2),
        (&["connect", "custom"], 6),
        (&["token", "nosuch:x"], 2),
        (&["refresh", "nosuch:x"], 2),
        (&["restore", missing], 1),
        (&["restore", missing, "--dry-run"], 1),
        (&["logout", "nosuch:x"], 2),
        (&["logout", "nosuch:x", "--dry-run"], 2),
        (&["providers", "nosuch"], 2),
        (&["doctor", "--offline", "--url", "not a url"], 1),
        (&["postiz", "status", "--database-url", "nonsense"], 6),
        (&["postiz", "watch", "--database-url", "nonsense"], 6),
        (
            &["postiz", "refresh", "c1", "--database-url", "nonsense"],
            6,
        ),
        (
            &[
                "postiz",
                "adopt",
                "x:y",
                "--org",
                "o",
                "--database-url",
                "nonsense",
            ],
            2,
        ),
        (
            &["postiz", "restore", missing, "--database-url", "nonsense"],
            2,
        ),
        (&["sandbox", "nosuch"], 2),
        (&["completions", "nosh"], 2),
    ] {
        let (code, _) = json_run(&sb, args);
        assert_eq!(code, expected, "{args:?}");
    }
    // Successes, each one document.
    let (code, version) = json_run(&sb, &["--version"]);
    assert_eq!(
        (code, version.unwrap()["name"].as_str()),
        (0, Some("postiz-connect"))
    );
    assert_eq!(json_run(&sb, &["status"]), (0, Some(Value::Array(vec![]))));
    assert_eq!(
        json_run(&sb, &["refresh", "--all"]),
        (0, Some(Value::Array(vec![])))
    );
    assert!(json_run(&sb, &["providers"]).1.unwrap().is_array());
    assert!(json_run(&sb, &["providers", "twitter"]).1.is_some());
    assert!(json_run(&sb, &["doctor", "--offline"])
        .1
        .unwrap()
        .is_array());
    let (code, script) = json_run(&sb, &["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(script.unwrap()["script"]
        .as_str()
        .unwrap()
        .contains("postiz-connect"));

    // A connected channel through every command that reads or writes it.
    let out = sb.sandbox_connect("twitter", &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel: Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = channel["channel"].as_str().unwrap().to_string();
    let (code, listed) = json_run(&sb, &["status"]);
    assert_eq!(code, 0);
    assert_eq!(listed.unwrap().as_array().unwrap().len(), 1);
    let (code, token) = json_run(&sb, &["token", &name, "--no-refresh"]);
    assert_eq!(code, 0);
    assert!(token.unwrap().is_object());
    // The sandbox that issued it is gone: a transient failure inside the one document.
    let (code, results) = json_run(&sb, &["refresh", &name, "--force"]);
    let results = results.unwrap();
    assert_eq!(results.as_array().unwrap().len(), 1, "{results}");
    assert_eq!(
        results[0]["error"]["exit_code"].as_i64(),
        Some(i64::from(code)),
        "{results}"
    );
    assert!(results[0]["error"]["kind"].is_string(), "{results}");
    let (code, preview) = json_run(&sb, &["logout", &name, "--dry-run"]);
    assert_eq!(code, 0);
    assert_eq!(preview.unwrap()["outcome"], "would_log_out");
    assert_eq!(
        json_run(&sb, &["status"])
            .1
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let (code, done) = json_run(&sb, &["logout", &name]);
    assert_eq!(code, 0);
    assert_eq!(done.unwrap()["deleted"], true);

    // A command that runs until stopped: one object per line.
    let emulator = sb.emulator(&["twitter"]);
    assert_eq!(emulator.info["provider"], "twitter");
}

/// Each renamed flag under its old spelling: the same behaviour, one note on stderr
/// naming the new spelling, nothing about it on stdout or in the JSON.
#[test]
fn old_spellings_keep_working_with_a_note() {
    let sb = Sandbox::new();
    // sandbox --provider P: the emulation of P, and its one line of JSON.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postiz-connect"));
    sb.apply_env(&mut child);
    let mut child = child
        .args(["sandbox", "--json", "--provider", "linkedin"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    let info: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(info["provider"], "linkedin");
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("note: sandbox --provider NAME is deprecated"),
        "{err}"
    );

    // connect --timeout: the wait for the browser (nothing comes back within it).
    let out = sb
        .cmd()
        .args([
            "twitter",
            "--sandbox",
            "--fault",
            "state-drop",
            "--auto-approve",
            "--insecure-storage",
            "--timeout",
            "2s",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("deprecated")).collect();
    assert_eq!(
        notes,
        ["note: --timeout is deprecated and will be removed; use --browser-timeout"]
    );
    assert!(!stdout(&out).contains("deprecated"));
    assert!(err.contains("2 seconds"), "{err}");
    error_object(&out, &["twitter", "--timeout"]);

    // doctor --timeout: each probe's limit.
    let out = sb
        .cmd()
        .args(["doctor", "--offline", "--timeout", "1s", "--json"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("use --probe-timeout"),
        "{}",
        stderr(&out)
    );
    serde_json::from_slice::<Value>(&out.stdout).unwrap();

    // postiz watch --timeout: how long it runs (it fails before, on the URL).
    let out = sb
        .cmd()
        .args([
            "postiz",
            "watch",
            "--timeout",
            "1s",
            "--database-url",
            "nonsense",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("use postiz watch --stop-after"),
        "{}",
        stderr(&out)
    );

    // -q silences the note.
    let out = sb
        .cmd()
        .args(["-q", "doctor", "--offline", "--timeout", "1s"])
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("deprecated"), "{}", stderr(&out));
}
