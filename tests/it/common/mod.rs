//! Shared fixtures of the end-to-end tests: a real authorization server (oidc-provider on
//! 127.0.0.1), the real binary with an isolated home, and a stand-in browser.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Whether this machine has what a test needs. A missing program (or Secret Service) skips
/// the test with the reason printed, so plain `cargo test` passes on a machine without it;
/// under CI (`CI` set) it fails the test instead, so CI can never pass by skipping.
pub fn have(needs: &[&str]) -> bool {
    let missing: Vec<&str> = needs
        .iter()
        .copied()
        .filter(|need| match *need {
            "keychain" => !keychain_works(),
            program => !on_path(program),
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    unavailable(&format!(
        "needs {} (`bash tests/run.sh` starts a Secret Service; apt-get install the rest)",
        missing.join(", ")
    ));
    false
}

/// Says why a test is skipped, or fails it under CI.
pub fn unavailable(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{why}: CI must provide it (.ci/run installs it)");
    }
    eprintln!("skipped: {why}");
}

/// Returns from the calling test (skipping it) unless [`have`] finds what it needs.
macro_rules! needs {
    ($($need:expr),+ $(,)?) => {
        if !$crate::common::have(&[$($need),+]) {
            return;
        }
    };
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

/// A Secret Service answers on the session bus (probed once per test run).
fn keychain_works() -> bool {
    static WORKS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *WORKS.get_or_init(|| {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            && postiz_connect::store::keychain::Keychain {
                service: "postiz-connect-tests".into(),
            }
            .probe()
            .is_ok()
    })
}

pub const ALL_SCOPES: &str = "openid offline_access profile email";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The oidc-provider test server; killed on drop.
pub struct AuthServer {
    pub port: u16,
    child: Child,
}

impl AuthServer {
    pub fn start(env: &[(&str, &str)]) -> AuthServer {
        let dir = root().join("tests/oidc-server");
        install_auth_server(&dir);
        let mut cmd = Command::new("node");
        cmd.arg("server.js")
            .current_dir(&dir)
            .env("PORT", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("node is installed");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let port = line
            .trim()
            .strip_prefix("READY ")
            .unwrap_or_else(|| panic!("server did not start: {line:?}"))
            .parse()
            .unwrap();
        AuthServer { port, child }
    }

    pub fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The channel `custom` stores for `user` on this server (names carry the host).
    pub fn channel(&self, user: &str) -> String {
        format!("custom:{user}@127.0.0.1:{}", self.port)
    }

    /// Status of GET /me with this access token (200 valid, 401 revoked/invalid).
    pub fn userinfo_status(&self, access_token: &str) -> u16 {
        reqwest::blocking::Client::new()
            .get(format!("{}/me", self.issuer()))
            .bearer_auth(access_token)
            .send()
            .unwrap()
            .status()
            .as_u16()
    }
}

/// `npm ci` from the committed lockfile the first time a test needs the server, so plain
/// `cargo test` works on a fresh clone (it needs the npm registry once).
fn install_auth_server(dir: &Path) {
    static INSTALLED: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    let result = INSTALLED.get_or_init(|| {
        if dir.join("node_modules/oidc-provider").exists() {
            return Ok(());
        }
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(dir)
            .status()
            .map_err(|e| format!("npm could not be run ({e}): install nodejs and npm"))?;
        match status.success() {
            true => Ok(()),
            false => Err(format!("`npm ci` in {} failed ({status})", dir.display())),
        }
    });
    if let Err(why) = result {
        panic!("the test authorization server is not installed: {why}");
    }
}

impl Drop for AuthServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An isolated home for the binary, and files where the stand-in browser reports.
pub struct Sandbox {
    pub home: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            home: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// The binary, with the stand-in browser and this home.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("postiz-connect").unwrap();
        self.configure(cmd.env_clear_test());
        cmd
    }

    /// Same, as a std Command (for interactive tests).
    pub fn std_cmd(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("postiz-connect"));
        self.apply_env(&mut cmd);
        cmd
    }

    /// The sandbox's environment on any command (e.g. a wrapper that runs the binary).
    pub fn apply_env(&self, cmd: &mut Command) {
        cmd.env("POSTIZ_CONNECT_HOME", self.home.path().join("home"))
            .env("BROWSER", root().join("tests/support/browser.sh"))
            .env("BROWSER_PAGE", self.path("page.html"))
            .env("BROWSER_LOG", self.path("browser.log"))
            .env("NO_COLOR", "1")
            .env("TEMPORAL_ADDRESS", "none")
            .env_remove("OAUTH_CLIENT_ID")
            .env_remove("OAUTH_CLIENT_SECRET");
    }

    fn configure<'a>(&self, cmd: &'a mut assert_cmd::Command) -> &'a mut assert_cmd::Command {
        cmd.env("POSTIZ_CONNECT_HOME", self.home.path().join("home"))
            .env("BROWSER", root().join("tests/support/browser.sh"))
            .env("BROWSER_PAGE", self.path("page.html"))
            .env("BROWSER_LOG", self.path("browser.log"))
            .env("NO_COLOR", "1")
            .timeout(Duration::from_secs(60))
    }

    /// The binary as on a fresh headless machine: no display, a browser launcher that
    /// fails as xdg-open does there (exit 3), and no Secret Service to reach (no session
    /// bus address, and no bus in a runtime dir of its own).
    pub fn headless_cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.env("BROWSER", root().join("tests/support/no-display.sh"))
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("XDG_RUNTIME_DIR", self.path("runtime"));
        std::fs::create_dir_all(self.path("runtime")).unwrap();
        cmd
    }

    /// Connect `custom` against the server with these extra arguments.
    pub fn connect(&self, server: &AuthServer, extra: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.args([
            "custom",
            "--issuer",
            &server.issuer(),
            "--scopes",
            ALL_SCOPES,
            "--browser-timeout",
            "30s",
        ])
        .args(extra);
        cmd
    }

    /// Connect `provider` through its built-in emulation, approving at once.
    pub fn sandbox_connect(&self, provider: &str, extra: &[&str]) -> std::process::Output {
        self.cmd()
            .args([
                provider,
                "--sandbox",
                "--auto-approve",
                "--insecure-storage",
                "--browser-timeout",
                "20s",
            ])
            .args(extra)
            .output()
            .unwrap()
    }

    /// Run the binary with these arguments.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Connect `custom` with the public client, tokens in the file store.
    pub fn connect_public(&self, server: &AuthServer) -> std::process::Output {
        self.connect(
            server,
            &["--client-id", "public-client", "--insecure-storage"],
        )
        .output()
        .unwrap()
    }

    /// The page the (stand-in) browser showed last.
    pub fn page(&self) -> String {
        wait_for_file(&self.path("page.html"));
        std::fs::read_to_string(self.path("page.html")).unwrap_or_default()
    }

    pub fn browser_log(&self) -> String {
        wait_for_file(&self.path("browser.log"));
        std::fs::read_to_string(self.path("browser.log")).unwrap_or_default()
    }

    /// `status --json`: the channels, whatever their health (status exits 1 when one
    /// needs reconnecting, with the same document).
    pub fn status_json(&self) -> serde_json::Value {
        let out = self.cmd().args(["status", "--json"]).output().unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn token(&self, channel: &str) -> String {
        let out = self.cmd().args(["token", channel]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }
}

/// The browser writes its files in the background, after the tool may have exited.
fn wait_for_file(path: &Path) {
    for _ in 0..100 {
        if path.exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

trait EnvClear {
    fn env_clear_test(&mut self) -> &mut Self;
}

impl EnvClear for assert_cmd::Command {
    /// Remove ambient credentials that would change what a test means.
    fn env_clear_test(&mut self) -> &mut Self {
        self.env_remove("OAUTH_CLIENT_ID")
            .env_remove("OAUTH_CLIENT_SECRET")
            .env_remove("X_CLIENT_ID")
            .env_remove("X_CLIENT_SECRET")
            // A Postiz deployment of the machine's own must not leak into doctor's findings.
            .env_remove("DATABASE_URL")
            .env_remove("REDIS_URL")
            // Nor its Temporal (Postiz's default is localhost:7233): the engine tests name
            // their own server.
            .env("TEMPORAL_ADDRESS", "none")
            .env_remove("TEMPORAL_NAMESPACE")
            .env_remove("TEMPORAL_API_KEY")
            .env_remove("TEMPORAL_TLS")
    }
}

/// The file name the store gives a channel (`channels/<key>.json`, `secrets/<key>.json`).
pub fn file_key(channel: &str) -> String {
    url::form_urlencoded::byte_serialize(channel.as_bytes()).collect()
}

/// The command failed with this exit code, and its stderr says `needle`.
pub fn assert_failed_with(out: &std::process::Output, code: i32, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
}

/// Whether doctor's `--json` findings include one with this id.
pub fn has_finding(findings: &serde_json::Value, id: &str) -> bool {
    findings
        .as_array()
        .is_some_and(|all| all.iter().any(|f| f["id"] == id))
}

pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A running `postiz-connect sandbox --json`; killed on drop.
pub struct Emulator {
    child: Child,
    /// The one line of JSON the sandbox prints: endpoints, client, connect command.
    pub info: serde_json::Value,
}

impl Emulator {
    /// Its endpoints and confidential client as flags, for connecting as `custom` would:
    /// everything given by hand, nothing from the catalog's client authentication.
    pub fn client_flags(&self) -> Vec<String> {
        let url = |key: &str| self.info[key].as_str().unwrap().to_string();
        vec![
            "--auth-url".into(),
            url("authorize_url"),
            "--token-url".into(),
            url("token_url"),
            "--userinfo-url".into(),
            url("userinfo_url"),
            "--client-id".into(),
            "sandbox-client".into(),
            "--client-secret".into(),
            "sandbox-secret".into(),
        ]
    }

    /// Stop it the way a user does (Ctrl-C); its exit status.
    pub fn interrupt(mut self) -> std::process::ExitStatus {
        Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        self.child.wait().unwrap()
    }

    pub fn url(&self, key: &str) -> &str {
        self.info[key]
            .as_str()
            .unwrap_or_else(|| panic!("{key} in {}", self.info))
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sandbox {
    /// Start `postiz-connect sandbox --json` with these arguments.
    pub fn emulator(&self, args: &[&str]) -> Emulator {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("postiz-connect"));
        self.apply_env(&mut cmd);
        let mut child = cmd
            .args(["sandbox", "--json"])
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let info = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
        Emulator { child, info }
    }
}
