//! Bounded resources and forged callbacks, against the real binary: an endless token
//! response, an `error=` callback without the login's state, a huge request head, slow
//! and idle connections at the listener, and a user catalog that names a provider like a
//! command. Every server is in-process on 127.0.0.1, every loop is bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::common::*;

/// The listener's limits (src/oauth/front.rs), as the tests expect them.
const HEAD_TIME: Duration = Duration::from_secs(5);

/// A login in progress: the binary waiting on its listener, run with `--no-browser`.
struct Login {
    child: Child,
    /// The rest of stderr, read in the background (the binary must never block on it).
    stderr: Option<thread::JoinHandle<String>>,
    seen: String,
    auth_url: String,
    /// The loopback redirect URI the binary listens on.
    callback: url::Url,
    state: String,
    /// The highest VmHWM seen while it ran (KiB), sampled in the background.
    peak_kib: Arc<AtomicU64>,
    running: Arc<AtomicBool>,
}

impl Login {
    fn start(sb: &Sandbox, args: &[&str]) -> Login {
        let mut child = sb
            .std_cmd()
            .args(args)
            .args([
                "--no-browser",
                "--insecure-storage",
                "--browser-timeout",
                "40s",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap());
        let mut seen = String::new();
        let auth_url = loop {
            let mut line = String::new();
            assert!(
                lines.read_line(&mut line).unwrap() > 0,
                "no URL printed: {seen}"
            );
            seen.push_str(&line);
            let trimmed = line.trim();
            if seen.contains("Open this URL") && trimmed.starts_with("http") {
                break trimmed.to_string();
            }
        };
        let stderr = thread::spawn(move || {
            let mut rest = String::new();
            let _ = lines.read_to_string(&mut rest);
            rest
        });
        let parsed = url::Url::parse(&auth_url).unwrap();
        let param = |name: &str| {
            parsed
                .query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_else(|| panic!("{name} in {auth_url}"))
        };
        let callback = url::Url::parse(&param("redirect_uri")).unwrap();
        let state = param("state");
        let peak_kib = Arc::new(AtomicU64::new(0));
        let running = Arc::new(AtomicBool::new(true));
        let pid = child.id();
        thread::spawn({
            let peak = Arc::clone(&peak_kib);
            let running = Arc::clone(&running);
            move || {
                while running.load(Ordering::SeqCst) {
                    if let Some(kib) = vm_hwm_kib(pid) {
                        peak.fetch_max(kib, Ordering::SeqCst);
                    }
                    thread::sleep(Duration::from_millis(20));
                }
            }
        });
        Login {
            child,
            stderr: Some(stderr),
            seen,
            auth_url,
            callback,
            state,
            peak_kib,
            running,
        }
    }

    /// `host:port` of the listener.
    fn listener(&self) -> String {
        format!(
            "{}:{}",
            self.callback.host_str().unwrap(),
            self.callback.port().unwrap()
        )
    }

    /// The callback URL's path with this query.
    fn callback_target(&self, query: &str) -> String {
        format!("{}?{query}", self.callback.path())
    }

    fn peak_mib(&self) -> u64 {
        self.peak_kib.load(Ordering::SeqCst) / 1024
    }

    /// Wait for the exit (killing it past `limit`): status, stdout, all of stderr.
    fn finish(mut self, limit: Duration) -> (ExitStatus, String, String) {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > limit {
                let _ = self.child.kill();
                let _ = self.child.wait();
                self.running.store(false, Ordering::SeqCst);
                panic!("still running after {limit:?}: {}", self.seen);
            }
            thread::sleep(Duration::from_millis(20));
        };
        self.running.store(false, Ordering::SeqCst);
        let mut stdout = String::new();
        if let Some(mut out) = self.child.stdout.take() {
            let _ = out.read_to_string(&mut stdout);
        }
        let rest = self
            .stderr
            .take()
            .map(|h| h.join().unwrap())
            .unwrap_or_default();
        let seen = std::mem::take(&mut self.seen);
        (status, stdout, format!("{seen}{rest}"))
    }

    /// Approve at the in-process sandbox: the callback URL it redirects the browser to.
    fn approve(&self) -> String {
        let response = reqwest::blocking::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(&self.auth_url)
            .send()
            .unwrap();
        let location = response
            .headers()
            .get("location")
            .unwrap_or_else(|| panic!("no redirect from the sandbox: {}", response.status()))
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            location.starts_with(self.callback.as_str()),
            "{location} is not the callback"
        );
        let parsed = url::Url::parse(&location).unwrap();
        self.callback_target(parsed.query().unwrap())
    }
}

impl Drop for Login {
    fn drop(&mut self) {
        self.running.store(false, Ordering::SeqCst);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The process's peak resident set (VmHWM), in KiB.
fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One GET over a fresh connection, as a browser tab would: the status and the answer.
fn get(addr: &str, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: test\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// Reads one HTTP request (head and Content-Length body) from `stream`.
fn read_request(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    while !data.windows(4).any(|w| w == b"\r\n\r\n") && data.len() < 64 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&data).into_owned();
    let head_end = text.find("\r\n\r\n").map_or(text.len(), |i| i + 4);
    let length: usize = text
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    while data.len() < head_end + length {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&data).into_owned()
}

#[test]
fn an_endless_token_response_fails_cleanly_naming_the_endpoint_in_bounded_memory() {
    // The token endpoint answers 200 and streams a body until the client hangs up. A
    // safety stop at 256 MiB bounds what the test costs if the cap were missing (the
    // tool read it all before).
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", server.local_addr().unwrap());
    let streamed = thread::spawn(move || {
        let (mut stream, _) = server.accept().unwrap();
        let request = read_request(&mut stream);
        assert!(request.starts_with("POST /token "), "{request}");
        stream
            .write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"access_token\":\"",
            )
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let chunk = [b'a'; 64 * 1024];
        let mut sent = 0usize;
        while sent < 256 * 1024 * 1024 && stream.write_all(&chunk).is_ok() {
            sent += chunk.len();
        }
        sent
    });

    let sb = Sandbox::new();
    let token_url = format!("{origin}/token");
    let login = Login::start(
        &sb,
        &[
            "custom",
            "--auth-url",
            &format!("{origin}/authorize"),
            "--token-url",
            &token_url,
            "--client-id",
            "hostile-client",
            "--scopes",
            "openid",
        ],
    );
    let addr = login.listener();
    let target = login.callback_target(&format!("code=the-code&state={}", login.state));
    let tab = thread::spawn(move || get(&addr, &target));
    let started = Instant::now();
    let peak = Arc::clone(&login.peak_kib);
    let (status, _, err) = login.finish(Duration::from_secs(20));
    let took = started.elapsed();
    let peak_mib = peak.load(Ordering::SeqCst) / 1024;
    let sent = streamed.join().unwrap();
    eprintln!(
        "endless token body: exit {:?} after {took:?}, VmHWM {peak_mib} MiB, the server got {} KiB out",
        status.code(),
        sent / 1024
    );
    assert_eq!(status.code(), Some(5), "{err}");
    assert!(err.contains("response too large"), "{err}");
    assert!(err.contains(&token_url), "names the endpoint: {err}");
    assert!(err.contains("4 MiB"), "names the limit: {err}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert!(peak_mib < 64, "peak memory {peak_mib} MiB");
    assert!(sent < 64 * 1024 * 1024, "the tool read {sent} bytes");
    let (code, page) = tab.join().unwrap();
    assert_eq!(code, 400, "the browser tab hears how it ended: {page}");
}

#[test]
fn an_error_callback_without_the_state_is_refused_and_the_real_callback_completes() {
    let sb = Sandbox::new();
    let login = Login::start(&sb, &["twitter", "--sandbox", "--auto-approve"]);
    let addr = login.listener();
    for forged in [
        "error=access_denied&error_description=Denied%3Cscript%3E",
        "error=access_denied&state=not-this-login",
        "denied=some-request-token",
    ] {
        let (status, page) = get(&addr, &login.callback_target(forged));
        assert_eq!(status, 400, "{forged}: {page}");
        assert!(page.contains("does not belong to the login"), "{page}");
        assert!(page.contains("press Ctrl-C"), "{page}");
        assert!(!page.contains("<script>"), "{page}");
    }
    let (status, page) = get(&addr, &login.approve());
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("is connected"), "{page}");
    let (status, out, err) = login.finish(Duration::from_secs(20));
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(out.contains("Connected twitter:"), "{out}");
    assert_eq!(
        err.matches("rejected a callback reporting an error without this login's state")
            .count(),
        3,
        "{err}"
    );
}

/// A head that never ends, a byte every 250 ms, for at most `limit`: how long the
/// connection stayed open, and what came back.
fn slowloris(addr: String, limit: Duration) -> thread::JoinHandle<(Duration, String)> {
    thread::spawn(move || {
        let mut stream = TcpStream::connect(&addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(250)))
            .unwrap();
        let started = Instant::now();
        let mut answer = Vec::new();
        let _ = stream.write_all(b"GET /callback?code=x HTTP/1.1\r\nX-Slow: ");
        while started.elapsed() < limit {
            if stream.write_all(b"a").is_err() {
                break;
            }
            let mut buf = [0u8; 512];
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => break,
            }
        }
        (
            started.elapsed(),
            String::from_utf8_lossy(&answer).into_owned(),
        )
    })
}

#[test]
fn huge_slow_and_idle_connections_leave_the_listener_bounded_and_the_callback_gets_through() {
    let sb = Sandbox::new();
    let login = Login::start(&sb, &["twitter", "--sandbox", "--auto-approve"]);
    let addr = login.listener();
    thread::sleep(Duration::from_millis(300));
    let baseline_mib = login.peak_mib();

    // Slowloris, watched until the listener cuts it (at most 3 × HEAD_TIME).
    let slow: Vec<_> = (0..5)
        .map(|_| slowloris(addr.clone(), HEAD_TIME * 3))
        .collect();
    // A header line of up to 200 MiB with no end: how much the listener took.
    let huge = thread::spawn({
        let addr = addr.clone();
        move || {
            let mut stream = TcpStream::connect(&addr).unwrap();
            stream
                .set_write_timeout(Some(Duration::from_secs(3)))
                .unwrap();
            let _ = stream.write_all(b"GET /callback?code=x HTTP/1.1\r\nX-Huge: ");
            let chunk = [b'a'; 256 * 1024];
            let mut sent = 0usize;
            while sent < 200 * 1024 * 1024 && stream.write_all(&chunk).is_ok() {
                sent += chunk.len();
            }
            sent
        }
    });
    let huge_sent = huge.join().unwrap();
    let slow: Vec<_> = slow.into_iter().map(|h| h.join().unwrap()).collect();

    // The real login, while 200 idle connections and more slow heads are open.
    let idle: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    let _still_slow: Vec<_> = (0..5)
        .map(|_| slowloris(addr.clone(), HEAD_TIME * 2))
        .collect();
    thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let (status, page) = get(&addr, &login.approve());
    let took = started.elapsed();
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("is connected"), "{page}");
    let peak_mib = login.peak_mib();
    let (status, out, err) = login.finish(Duration::from_secs(20));
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(out.contains("Connected twitter:"), "{out}");
    eprintln!(
        "listener under attack: callback in {took:?}, VmHWM {baseline_mib} -> {peak_mib} MiB, \
         huge head cut after {} KiB, slow heads cut after {:?}",
        huge_sent / 1024,
        slow.iter().map(|(open, _)| *open).collect::<Vec<_>>()
    );
    assert!(
        took < Duration::from_secs(3),
        "the callback waited {took:?}"
    );
    // The head is cut at 32 KiB (plus what the socket buffers hold); the tool took 200 MiB
    // into memory before.
    assert!(
        huge_sent < 16 * 1024 * 1024,
        "the listener took {huge_sent} bytes"
    );
    assert!(
        peak_mib < baseline_mib + 32,
        "memory went from {baseline_mib} to {peak_mib} MiB"
    );
    for (open, answer) in slow {
        assert!(answer.starts_with("HTTP/1.1 408 "), "{answer:?}");
        assert!(
            open < HEAD_TIME + Duration::from_secs(2),
            "a slow head held its connection {open:?}"
        );
    }
    drop(idle);
}

#[test]
fn a_user_provider_named_like_a_command_or_a_flag_is_refused() {
    let sb = Sandbox::new();
    let home = sb.path("home");
    std::fs::create_dir_all(&home).unwrap();
    let entry = "name = \"Hijack\"\nauthorize_url = \"https://hijack.test/auth\"\ntoken_url = \"https://hijack.test/token\"\nscopes = [\"a\"]\n";
    for (table, args, suggestion) in [
        ("[\"--help\"]", &["--help"][..], "[help-provider]"),
        ("[status]", &["status"][..], "[status-provider]"),
        ("[help]", &["help"][..], "[help-provider]"),
        ("[\"Bad Name\"]", &["status"][..], "[bad-name]"),
    ] {
        std::fs::write(home.join("providers.toml"), format!("{table}\n{entry}")).unwrap();
        let out = sb.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(6), "{table}: {err}");
        assert!(err.contains("providers.toml"), "names the file: {err}");
        assert!(err.contains(suggestion), "{table}: {err}");
    }
}
