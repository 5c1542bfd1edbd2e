//! The way to an origin, step by step: DNS, TCP, the proxy's tunnel, TLS. Each step is
//! timed on its own, so a slow or failing one is named. The proxy is chosen by the rules
//! reqwest applies to the real requests (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
//! `NO_PROXY`), through the same matcher.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use hyper_util::client::proxy::matcher::{Intercept, Matcher};

use super::tls::{self, Presented};

/// The proxy rules of the environment, read once per run.
pub fn proxies() -> Matcher {
    Matcher::from_system()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Dns,
    Tcp,
    /// `CONNECT host:port` through an HTTP proxy.
    Tunnel,
    Tls,
}

impl Step {
    fn label(self) -> &'static str {
        match self {
            Step::Dns => "DNS",
            Step::Tcp => "TCP connect",
            Step::Tunnel => "proxy CONNECT",
            Step::Tls => "TLS handshake",
        }
    }
}

/// What the way to one origin looked like.
#[derive(Debug, Default)]
pub struct Trace {
    /// The proxy used (its password masked); none when the connection is direct.
    pub proxy: Option<String>,
    /// The steps that completed, with their times.
    pub done: Vec<(Step, Duration)>,
    /// The step that failed, and why.
    pub failed: Option<(Step, String)>,
    /// Why the steps were not traced (a SOCKS proxy); the request itself still ran.
    pub untraced: Option<String>,
    /// The certificate an https origin presented.
    pub certificate: Option<Presented>,
}

impl Trace {
    /// "direct: DNS 2 ms, TCP connect 1 ms, TLS handshake 14 ms", then the failed step.
    pub fn summary(&self) -> String {
        let route = match &self.proxy {
            Some(proxy) => format!("through the proxy {proxy}"),
            None => "direct (no proxy applies)".to_string(),
        };
        let mut steps: Vec<String> = self
            .done
            .iter()
            .map(|(step, took)| format!("{} {} ms", step.label(), took.as_millis()))
            .collect();
        if let Some((step, why)) = &self.failed {
            steps.push(format!("{} failed: {why}", step.label()));
        }
        if let Some(why) = &self.untraced {
            steps.push(why.clone());
        }
        if steps.is_empty() {
            route
        } else {
            format!("{route}: {}", steps.join(", "))
        }
    }
}

/// Walk the way to `origin`, all of it within `timeout`.
pub fn trace(origin: &url::Url, proxies: &Matcher, timeout: Duration) -> Trace {
    let deadline = Instant::now() + timeout;
    let mut trace = Trace::default();
    let Some(host) = origin
        .host_str()
        .map(|h| h.trim_matches(['[', ']']).to_string())
    else {
        trace.failed = Some((Step::Dns, "the URL has no host".into()));
        return trace;
    };
    let https = origin.scheme() == "https";
    let port = origin
        .port_or_known_default()
        .unwrap_or(if https { 443 } else { 80 });
    let intercept = origin
        .as_str()
        .parse::<http::Uri>()
        .ok()
        .and_then(|uri| proxies.intercept(&uri));
    let (first_hop, first_port) = match &intercept {
        Some(proxy) => {
            let uri = proxy.uri();
            let shown = crate::redact::url(&uri.to_string());
            trace.proxy = Some(shown.trim_end_matches('/').to_string());
            match uri.scheme_str() {
                Some("http") | Some("https") => {}
                other => {
                    trace.untraced = Some(format!(
                        "a {} proxy: its steps are not traced",
                        other.unwrap_or("non-HTTP")
                    ));
                    return trace;
                }
            }
            let default_port = if uri.scheme_str() == Some("https") {
                443
            } else {
                80
            };
            (
                uri.host()
                    .unwrap_or_default()
                    .trim_matches(['[', ']'])
                    .to_string(),
                uri.port_u16().unwrap_or(default_port),
            )
        }
        None => (host.clone(), port),
    };

    let started = Instant::now();
    let addrs = match resolve(&first_hop, first_port, deadline) {
        Ok(addrs) => addrs,
        Err(why) => {
            trace.failed = Some((Step::Dns, why));
            return trace;
        }
    };
    trace.done.push((Step::Dns, started.elapsed()));

    let started = Instant::now();
    let mut stream = match connect(&addrs, deadline) {
        Ok(stream) => stream,
        Err(why) => {
            trace.failed = Some((Step::Tcp, why));
            return trace;
        }
    };
    trace.done.push((Step::Tcp, started.elapsed()));
    if !https {
        // Plain HTTP through a proxy needs no tunnel: the request goes to it as is.
        return trace;
    }

    if let Some(proxy) = &intercept {
        let started = Instant::now();
        if let Err(why) = tunnel(&mut stream, &host, port, proxy, deadline) {
            trace.failed = Some((Step::Tunnel, why));
            return trace;
        }
        trace.done.push((Step::Tunnel, started.elapsed()));
    }

    let started = Instant::now();
    match tls::handshake(stream, &host, deadline) {
        Ok(certificate) => {
            trace.done.push((Step::Tls, started.elapsed()));
            trace.certificate = Some(certificate);
        }
        Err(why) => trace.failed = Some((Step::Tls, why)),
    }
    trace
}

/// The system resolver has no timeout of its own: ask on a thread and stop waiting at the
/// deadline (the thread ends whenever the resolver does).
fn resolve(host: &str, port: u16, deadline: Instant) -> Result<Vec<SocketAddr>, String> {
    let (tx, rx) = mpsc::channel();
    let target = (host.to_string(), port);
    std::thread::spawn(move || {
        let _ = tx.send(target.to_socket_addrs().map(Iterator::collect::<Vec<_>>));
    });
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(_)) => Err(format!("{host} has no addresses")),
        Ok(Err(e)) => Err(format!("{host} cannot be resolved ({e})")),
        Err(_) => Err(format!("no answer for {host} in time")),
    }
}

/// The first address that accepts, trying each in turn until the deadline.
fn connect(addrs: &[SocketAddr], deadline: Instant) -> Result<TcpStream, String> {
    let mut last = String::from("no address to connect to");
    for addr in addrs {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(format!("{addr}: timed out"));
        }
        match TcpStream::connect_timeout(addr, left) {
            Ok(stream) => return Ok(stream),
            Err(e) => {
                last = match e.kind() {
                    ErrorKind::ConnectionRefused => format!("{addr} refused the connection"),
                    ErrorKind::TimedOut | ErrorKind::WouldBlock => format!("{addr}: timed out"),
                    _ => format!("{addr}: {e}"),
                }
            }
        }
    }
    Err(last)
}

/// `CONNECT host:port` through an HTTP proxy; on success the stream carries the origin's
/// bytes.
fn tunnel(
    stream: &mut TcpStream,
    host: &str,
    port: u16,
    proxy: &Intercept,
    deadline: Instant,
) -> Result<(), String> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err("timed out".into());
    }
    stream.set_read_timeout(Some(left)).ok();
    stream.set_write_timeout(Some(left)).ok();
    let authority = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let mut request = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(auth) = proxy.basic_auth().and_then(|v| v.to_str().ok()) {
        request.push_str(&format!("Proxy-Authorization: {auth}\r\n"));
    }
    request.push_str("\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("the proxy closed the connection ({e})"))?;
    let head = read_proxy_head(stream, deadline)?;
    let status_line = head.lines().next().unwrap_or_default();
    let status = status_line.split_whitespace().nth(1).unwrap_or_default();
    match status {
        "200" => Ok(()),
        "407" => Err(
            "the proxy wants credentials (407); put them in the proxy URL: http://user:password@proxy:port"
                .into(),
        ),
        _ => Err(format!(
            "the proxy refused the tunnel: {}",
            crate::redact::truncate(status_line.trim(), 120)
        )),
    }
}

/// The most read of a proxy's answer to CONNECT: a status line and a few headers.
const PROXY_HEAD_LIMIT: usize = 16 * 1024;

/// The head of the proxy's answer, up to its blank line. The origin's TLS bytes follow it
/// on this stream, so nothing past that line may be consumed (hence one byte at a time);
/// an answer that never ends is cut at the limit or the deadline.
fn read_proxy_head(stream: &mut TcpStream, deadline: Instant) -> Result<String, String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !(head.ends_with(b"\r\n\r\n") || head.ends_with(b"\n\n")) {
        if head.len() >= PROXY_HEAD_LIMIT {
            return Err(format!(
                "the proxy's answer went on past {} KiB without ending its head; stopped reading",
                PROXY_HEAD_LIMIT / 1024
            ));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err("no full answer from the proxy in time".into());
        }
        stream.set_read_timeout(Some(left)).ok();
        match stream.read(&mut byte) {
            Ok(0) if head.is_empty() => {
                return Err("the proxy closed the connection without answering".into())
            }
            Ok(0) => return Err("the proxy's answer broke off".into()),
            Ok(_) => head.push(byte[0]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if head.is_empty() => return Err(format!("no answer from the proxy ({e})")),
            Err(e) => return Err(format!("the proxy's answer broke off ({e})")),
        }
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader};
    use std::net::TcpListener;

    fn no_proxy() -> Matcher {
        Matcher::builder().build()
    }

    #[test]
    fn a_refused_port_is_named_at_the_tcp_step() {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let origin = url::Url::parse(&format!("http://127.0.0.1:{port}")).unwrap();
        let trace = trace(&origin, &no_proxy(), Duration::from_secs(2));
        assert_eq!(trace.done.len(), 1, "{trace:?}");
        let (step, why) = trace.failed.clone().unwrap();
        assert_eq!(step, Step::Tcp);
        assert!(why.contains("refused"), "{why}");
        assert!(
            trace
                .summary()
                .starts_with("direct (no proxy applies): DNS "),
            "{}",
            trace.summary()
        );
    }

    #[test]
    fn a_silent_tls_server_times_out_at_the_handshake_within_the_timeout() {
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = silent.local_addr().unwrap().port();
        let origin = url::Url::parse(&format!("https://127.0.0.1:{port}")).unwrap();
        let started = Instant::now();
        let trace = trace(&origin, &no_proxy(), Duration::from_millis(500));
        assert!(
            started.elapsed() < Duration::from_millis(1500),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(
            trace.failed.as_ref().map(|f| f.0),
            Some(Step::Tls),
            "{trace:?}"
        );
        drop(silent);
    }

    #[test]
    fn a_proxy_is_used_as_reqwest_would_and_its_password_is_masked() {
        let closed = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let proxies = Matcher::builder()
            .https(format!("http://alice:s3cret@127.0.0.1:{closed}"))
            .no("skip.example")
            .build();
        let origin = url::Url::parse("https://api.example/").unwrap();
        let trace = trace(&origin, &proxies, Duration::from_secs(2));
        let proxy = trace.proxy.clone().unwrap();
        assert!(
            proxy.contains(&format!("127.0.0.1:{closed}")) && !proxy.contains("s3cret"),
            "{proxy}"
        );
        // Nothing listens on the proxy's port: the failure is at the proxy's TCP step.
        assert_eq!(
            trace.failed.as_ref().map(|f| f.0),
            Some(Step::Tcp),
            "{trace:?}"
        );
        let skipped = url::Url::parse("https://skip.example/").unwrap();
        assert!(super::trace(&skipped, &proxies, Duration::from_millis(1))
            .proxy
            .is_none());
    }

    #[test]
    fn the_tunnel_reads_the_proxy_answer_and_names_a_refusal() {
        for (answer, ok) in [
            ("HTTP/1.1 200 Connection established\r\n\r\n", true),
            (
                "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n",
                false,
            ),
            ("HTTP/1.1 403 Forbidden\r\n\r\n", false),
        ] {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let addr = listener.local_addr().unwrap();
            let server = std::thread::spawn(move || {
                let (mut client, _) = listener.accept().unwrap();
                let mut head = String::new();
                let mut reader = BufReader::new(client.try_clone().unwrap());
                while reader.read_line(&mut head).unwrap() > 2 {}
                client.write_all(answer.as_bytes()).unwrap();
                head
            });
            let proxies = Matcher::builder()
                .https(format!("http://u:p@{addr}"))
                .build();
            let intercept = proxies
                .intercept(&"https://api.example/".parse().unwrap())
                .unwrap();
            let mut stream = TcpStream::connect(addr).unwrap();
            let result = tunnel(
                &mut stream,
                "api.example",
                443,
                &intercept,
                Instant::now() + Duration::from_secs(2),
            );
            let head = server.join().unwrap();
            assert!(
                head.starts_with("CONNECT api.example:443 HTTP/1.1\r\n"),
                "{head}"
            );
            assert!(head.contains("Proxy-Authorization: Basic dTpw"), "{head}");
            assert_eq!(result.is_ok(), ok, "{answer}: {result:?}");
            if answer.contains("407") {
                assert!(result.unwrap_err().contains("credentials"));
            }
        }
    }

    #[test]
    fn an_endless_proxy_answer_is_cut_at_the_limit() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (mut client, _) = listener.accept().unwrap();
            client.write_all(b"HTTP/1.1 200 OK\r\nX-Pad: ").unwrap();
            let mut sent = 0usize;
            // 64 MiB standing in for an endless header; stops when the reader hangs up.
            while sent < 64 * 1024 * 1024 && client.write_all(&[b'a'; 8192]).is_ok() {
                sent += 8192;
            }
            sent
        });
        let proxies = Matcher::builder().https(format!("http://{addr}")).build();
        let intercept = proxies
            .intercept(&"https://api.example/".parse().unwrap())
            .unwrap();
        let mut stream = TcpStream::connect(addr).unwrap();
        let started = Instant::now();
        let result = tunnel(
            &mut stream,
            "api.example",
            443,
            &intercept,
            Instant::now() + Duration::from_secs(20),
        );
        let why = result.unwrap_err();
        assert!(why.contains("16 KiB"), "{why}");
        assert!(started.elapsed() < Duration::from_secs(10));
        drop(stream);
        assert!(server.join().unwrap() < 32 * 1024 * 1024);
    }
}
