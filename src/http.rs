//! The one HTTP stack of the tool: a blocking reqwest client that
//! - writes the redacted `-v` transcript,
//! - reads every body only up to [`MAX_RESPONSE_BYTES`],
//! - tells DNS, refused, timeout and TLS failures apart by the types in the error's
//!   source chain (never by its words).
//!
//! A response comes back whatever its status: callers judge it (token requests through
//! `oauth::wire::request_token`, which keeps the failed answer in the error it returns).

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::io::{ErrorKind, Read};
use std::net::{SocketAddr, ToSocketAddrs};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use crate::output::Output;
use crate::redact;

const USER_AGENT: &str = concat!("postiz-connect/", env!("CARGO_PKG_VERSION"));

/// A request as the transcript sees it, and a response whatever its status.
pub type HttpRequest = http::Request<Vec<u8>>;
pub type HttpResponse = http::Response<Vec<u8>>;

/// The most read from any response. Token, identity, discovery and page-listing answers
/// are a few KB; past this a body is broken or hostile, and reading it whole (an endless
/// body) would exhaust memory.
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

/// What kind of network failure, each with its own message and fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    Dns,
    Refused,
    Timeout,
    Tls,
    /// The body went past [`MAX_RESPONSE_BYTES`]; `detail` names the endpoint.
    TooLarge,
    Other,
}

#[derive(Debug, Clone)]
pub struct NetworkError {
    pub kind: NetworkKind,
    /// Scheme, host and port only: never a path or query that could carry a secret.
    pub origin: String,
    pub detail: String,
}

impl fmt::Display for NetworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == NetworkKind::TooLarge {
            return write!(
                f,
                "response too large: {} sent more than {}, the limit for any response; stopped reading there",
                self.detail,
                limit_text()
            );
        }
        let what = match self.kind {
            NetworkKind::Dns => "DNS lookup failed for",
            NetworkKind::Refused => "connection refused by",
            NetworkKind::Timeout => "timed out talking to",
            NetworkKind::Tls => "TLS handshake failed with",
            NetworkKind::TooLarge | NetworkKind::Other => "request failed to",
        };
        // The library's own words (`detail`) are shown with -v: `Error::detail`.
        write!(f, "fetch failed: {what} {}", self.origin)
    }
}

impl StdError for NetworkError {}

impl NetworkError {
    pub fn cause(&self) -> String {
        match self.kind {
            NetworkKind::Dns => "the host name does not resolve from this machine (typo in the URL, no DNS, or a private host)".into(),
            NetworkKind::Refused => "nothing listens on that port, or a firewall rejects the connection".into(),
            NetworkKind::Timeout => "the host did not answer in time (egress filtering, a proxy that swallows traffic, or an overloaded server)".into(),
            NetworkKind::Tls => "the certificate was not trusted or the handshake failed (a TLS-intercepting proxy, a self-signed certificate, or a wrong port)".into(),
            NetworkKind::TooLarge => "no OAuth or identity answer is that large: the URL points at something else (a file, a stream, a portal page), or the server is broken or hostile".into(),
            NetworkKind::Other => "the request could not be completed".into(),
        }
    }

    pub fn fix(&self) -> String {
        let proxy =
            "behind a corporate proxy set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) for this process";
        match self.kind {
            NetworkKind::Dns => format!("check the URL, then `getent hosts <host>` from this machine; {proxy}"),
            NetworkKind::Refused => format!("check the port and that the server is running; {proxy}"),
            NetworkKind::Timeout => format!("retry; if it persists, check firewalls and egress rules; {proxy}"),
            NetworkKind::Tls => "check the system clock and the CA certificates; if a proxy intercepts TLS, install its CA in the system trust store".into(),
            NetworkKind::TooLarge => format!("check that endpoint's URL (flag, catalog or the issuer's metadata); run with -v to see its headers; {proxy}"),
            NetworkKind::Other => format!("retry; run with -v to see the exchange; {proxy}"),
        }
    }

    /// A failure while reading a body: reqwest's own error inside, when it is one.
    fn from_io(err: &std::io::Error, url: &str) -> NetworkError {
        if let Some(inner) = err
            .get_ref()
            .and_then(|e| e.downcast_ref::<reqwest::Error>())
        {
            return NetworkError::from_reqwest(inner, url);
        }
        NetworkError {
            kind: classify_chain(err).unwrap_or(NetworkKind::Other),
            origin: origin_of(url),
            detail: redact::truncate(&error_chain(err), 300),
        }
    }

    fn from_reqwest(err: &reqwest::Error, url: &str) -> NetworkError {
        NetworkError {
            kind: classify(err),
            origin: origin_of(url),
            detail: redact::truncate(&error_chain(err), 300),
        }
    }
}

/// The kind of a reqwest failure, from its flags and the types in its source chain.
fn classify(err: &reqwest::Error) -> NetworkKind {
    if err.is_timeout() {
        return NetworkKind::Timeout;
    }
    classify_chain(err).unwrap_or(NetworkKind::Other)
}

/// Walk an error and its sources: a [`DnsFailure`] (our resolver's), a `rustls::Error`
/// (a handshake or certificate failure, usually wrapped in an `io::Error` by the TLS
/// connector), or an `io::Error` whose kind says refused or timed out.
fn classify_chain(err: &(dyn StdError + 'static)) -> Option<NetworkKind> {
    let mut next: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(e) = next {
        if e.is::<DnsFailure>() {
            return Some(NetworkKind::Dns);
        }
        if e.is::<rustls::Error>() {
            return Some(NetworkKind::Tls);
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            match io.kind() {
                ErrorKind::ConnectionRefused => return Some(NetworkKind::Refused),
                ErrorKind::TimedOut | ErrorKind::WouldBlock => return Some(NetworkKind::Timeout),
                _ => {}
            }
            // `io::Error::source` skips the error it wraps: look at that one too.
            if let Some(inner) = io.get_ref() {
                if let Some(kind) = classify_chain(inner) {
                    return Some(kind);
                }
            }
        }
        next = e.source();
    }
    None
}

/// A name that did not resolve, as a type of its own, so a failure is known as DNS by
/// what it is. The system resolver's error is its source.
#[derive(Debug)]
pub struct DnsFailure {
    host: String,
    source: std::io::Error,
}

impl fmt::Display for DnsFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed to look up {}", self.host)
    }
}

impl StdError for DnsFailure {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.source)
    }
}

/// The system resolver (getaddrinfo, as reqwest's default), on a thread of its own per
/// lookup, its failures returned as [`DnsFailure`].
struct SystemResolver;

/// The result of one lookup, handed from its thread to the future that waits for it.
#[derive(Default)]
struct Lookup {
    result: Option<Result<Vec<SocketAddr>, DnsFailure>>,
    waker: Option<Waker>,
}

struct Pending(Arc<Mutex<Lookup>>);

impl Future for Pending {
    type Output = Result<reqwest::dns::Addrs, Box<dyn StdError + Send + Sync>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut lookup = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match lookup.result.take() {
            Some(Ok(addrs)) => Poll::Ready(Ok(Box::new(addrs.into_iter()))),
            Some(Err(e)) => Poll::Ready(Err(Box::new(e))),
            None => {
                lookup.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl reqwest::dns::Resolve for SystemResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        let slot = Arc::new(Mutex::new(Lookup::default()));
        let filled = Arc::clone(&slot);
        std::thread::spawn(move || {
            let result = (host.as_str(), 0)
                .to_socket_addrs()
                .map(Iterator::collect)
                .map_err(|source| DnsFailure { host, source });
            let mut lookup = filled.lock().unwrap_or_else(|e| e.into_inner());
            lookup.result = Some(result);
            if let Some(waker) = lookup.waker.take() {
                waker.wake();
            }
        });
        Box::pin(Pending(slot))
    }
}

fn error_chain(err: &dyn StdError) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    // reqwest puts the full URL in its message; keep only the origin.
    parts
        .into_iter()
        .map(|p| match p.find(" for url (") {
            Some(i) => p[..i].to_string(),
            None => p,
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// The limit, for messages.
fn limit_text() -> String {
    format!("{} MiB", MAX_RESPONSE_BYTES / (1024 * 1024))
}

/// `scheme://host:port/path` of a URL: names an endpoint without its query (which may carry
/// a token) or any user:password.
pub fn endpoint_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}{}",
            u.origin().ascii_serialization(),
            redact::truncate(u.path(), 200)
        ),
        Err(_) => "<invalid url>".into(),
    }
}

/// Why a capped read stopped.
#[derive(Debug)]
enum ReadFailure {
    TooLarge,
    /// Past the deadline (a body that trickles in).
    Deadline,
    Io(std::io::Error),
}

/// Read a body up to `limit` bytes, until `deadline`: never more than `limit + 1` bytes
/// are taken from `reader`, however much it has.
fn read_capped(
    reader: &mut impl Read,
    limit: usize,
    deadline: Instant,
) -> Result<Vec<u8>, ReadFailure> {
    let mut body = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if Instant::now() > deadline {
            return Err(ReadFailure::Deadline);
        }
        // One byte more than allowed tells "exactly the limit" from "over it".
        let room = (limit + 1 - body.len()).min(chunk.len());
        match reader.read(&mut chunk[..room]) {
            Ok(0) => return Ok(body),
            Ok(n) => {
                body.extend_from_slice(&chunk[..n]);
                if body.len() > limit {
                    return Err(ReadFailure::TooLarge);
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadFailure::Io(e)),
        }
    }
}

/// Whether a URL's host is this machine's loopback interface as a redirect URI names it
/// (RFC 8252 §7.3, §8.3): 127.0.0.1, [::1] or localhost, however it is written
/// (`LOCALHOST`, `127.000.000.001`). The scheme is the caller's business.
pub fn is_loopback(url: &url::Url) -> bool {
    is_loopback_host(url.host())
}

/// [`is_loopback`] for a host already parsed.
pub fn is_loopback_host(host: Option<url::Host<&str>>) -> bool {
    match host {
        Some(url::Host::Ipv4(ip)) => ip == std::net::Ipv4Addr::LOCALHOST,
        Some(url::Host::Ipv6(ip)) => ip == std::net::Ipv6Addr::LOCALHOST,
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// `scheme://host:port` of a URL, for messages.
pub fn origin_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => "<invalid url>".into(),
    }
}

/// How this run talks to the network, decided once (from the command line) and passed
/// down to every service that makes a client: the limit of one request, and whether the
/// `-v` transcript is written, and where (the run's one writer pair, as `ui`'s lines). Proxies (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
/// `NO_PROXY`) and trust roots (the platform's) are the environment's, which every
/// client built from this reads the same way (`HttpClient::new`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    /// The limit of one request, its body included.
    pub timeout: Duration,
    pub verbose: bool,
    /// Where the transcript goes: the run's output, which `ui` writes to as well.
    pub output: Output,
}

impl Network {
    /// The limit of one request of a connect, refresh, token or logout: a provider that
    /// has not answered in this long is treated as down.
    pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

    pub fn new(verbose: bool) -> Network {
        Network {
            timeout: Self::REQUEST_TIMEOUT,
            verbose,
            output: Output::Process,
        }
    }

    /// The same settings writing the transcript to `output` (the run's `Ui::out`).
    pub fn writing_to(self, output: Output) -> Network {
        Network { output, ..self }
    }

    /// The same settings with another limit per request (`doctor --probe-timeout`).
    pub fn with_timeout(self, timeout: Duration) -> Network {
        Network { timeout, ..self }
    }

    /// A client with these settings; build it once and share it (it is `Sync`).
    pub fn client(&self) -> HttpClient {
        let mut client = HttpClient::new(self.timeout, self.verbose);
        client.output = self.output;
        client
    }
}

pub struct HttpClient {
    inner: reqwest::blocking::Client,
    /// Also the limit for reading a body (reqwest's applies to each read of it only).
    timeout: Duration,
    verbose: bool,
    output: Output,
}

impl HttpClient {
    /// One client: its trust roots and connection pool are shared by every thread that
    /// borrows it (it holds no per-request state).
    pub fn new(timeout: Duration, verbose: bool) -> HttpClient {
        let inner = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            // No redirects: a token request must not be sent on (RFC 9700 §4.11, SSRF),
            // and the tool never needs them.
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(SystemResolver))
            .build()
            .expect("the TLS backend initialises");
        HttpClient {
            inner,
            timeout,
            verbose,
            output: Output::Process,
        }
    }

    /// The limit of one request.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// GET a URL with an optional bearer token and extra headers; the response whatever
    /// its status.
    pub fn get(
        &self,
        url: &str,
        bearer: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Result<HttpResponse, NetworkError> {
        let mut builder = http::Request::builder()
            .method(http::Method::GET)
            .uri(url)
            .header("accept", "application/json");
        if let Some(token) = bearer {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let request = builder.body(Vec::new()).map_err(|e| NetworkError {
            kind: NetworkKind::Other,
            origin: origin_of(url),
            detail: e.to_string(),
        })?;
        self.execute(request)
    }

    /// GET a URL for its status and `Date` header only, leaving the body unread: a
    /// reachability probe, which a large page must not fail.
    pub fn status_of(&self, url: &str) -> Result<(u16, Option<String>), NetworkError> {
        let response = self
            .inner
            .get(url)
            .header("accept", "application/json")
            .send()
            .map_err(|e| NetworkError::from_reqwest(&e, url))?;
        let date = response
            .headers()
            .get("date")
            .and_then(|d| d.to_str().ok())
            .map(str::to_string);
        Ok((response.status().as_u16(), date))
    }

    /// A request with a body and optional Bearer token and headers.
    pub fn send_with_headers(
        &self,
        method: &str,
        url: &str,
        body: RequestBody,
        bearer: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Result<HttpResponse, NetworkError> {
        let mut extra: Vec<(String, String)> = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if let Some(token) = bearer {
            extra.push(("authorization".into(), format!("Bearer {token}")));
        }
        self.send_inner(method, url, body, None, &extra)
    }

    /// Send a request whose body the caller chose (form, multipart, JSON, none), with
    /// optional HTTP Basic credentials; the response whatever its status.
    pub fn send(
        &self,
        method: &str,
        url: &str,
        body: RequestBody,
        basic: Option<(&str, &str)>,
    ) -> Result<HttpResponse, NetworkError> {
        self.send_inner(method, url, body, basic, &[])
    }

    fn send_inner(
        &self,
        method: &str,
        url: &str,
        body: RequestBody,
        basic: Option<(&str, &str)>,
        headers: &[(String, String)],
    ) -> Result<HttpResponse, NetworkError> {
        let bad = |e: &dyn fmt::Display| NetworkError {
            kind: NetworkKind::Other,
            origin: origin_of(url),
            detail: e.to_string(),
        };
        let method = http::Method::from_bytes(method.as_bytes()).map_err(|e| bad(&e))?;
        let mut builder = http::Request::builder()
            .method(method)
            .uri(url)
            .header("accept", "application/json");
        if let Some((id, secret)) = basic {
            // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
            use base64::Engine;
            let enc =
                |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            let pair = format!("{}:{}", enc(id), enc(secret));
            let b64 = base64::engine::general_purpose::STANDARD.encode(pair);
            builder = builder.header("authorization", format!("Basic {b64}"));
        }
        for (name, value) in headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let (bytes, multipart) = match body {
            RequestBody::Empty => (Vec::new(), None),
            RequestBody::Form(params) => {
                builder = builder.header("content-type", "application/x-www-form-urlencoded");
                (form_encode(&params).into_bytes(), None)
            }
            RequestBody::Json(params) => {
                builder = builder.header("content-type", "application/json");
                let map: serde_json::Map<String, serde_json::Value> = params
                    .into_iter()
                    .map(|(k, v)| (k, serde_json::Value::String(v)))
                    .collect();
                (serde_json::to_vec(&map).expect("a map serializes"), None)
            }
            RequestBody::Multipart(params) => {
                // The transcript shows the fields form-encoded (and redacted); reqwest
                // writes the real multipart body and its boundary header.
                let trace = form_encode(&params).into_bytes();
                let form = params
                    .into_iter()
                    .fold(reqwest::blocking::multipart::Form::new(), |f, (k, v)| {
                        f.text(k, v)
                    });
                (trace, Some(form))
            }
        };
        let request = builder.body(bytes).map_err(|e| bad(&e))?;
        self.execute_with(request, multipart)
    }

    fn execute(&self, request: HttpRequest) -> Result<HttpResponse, NetworkError> {
        self.execute_with(request, None)
    }

    fn execute_with(
        &self,
        request: HttpRequest,
        multipart: Option<reqwest::blocking::multipart::Form>,
    ) -> Result<HttpResponse, NetworkError> {
        let url = request.uri().to_string();
        if self.verbose {
            self.trace_request(&request, multipart.is_some());
        }
        let started = Instant::now();
        let mut builder = self.inner.request(request.method().clone(), &url);
        builder = match multipart {
            Some(form) => builder.multipart(form),
            None => builder.body(request.body().clone()),
        };
        for (name, value) in request.headers() {
            builder = builder.header(name, value);
        }
        let mut response = builder
            .send()
            .map_err(|e| NetworkError::from_reqwest(&e, &url))?;
        let status = response.status();
        let headers = response.headers().clone();
        // Every response body of the tool is read here, and only up to the limit.
        let too_large = || NetworkError {
            kind: NetworkKind::TooLarge,
            origin: origin_of(&url),
            detail: endpoint_of(&url),
        };
        if response
            .content_length()
            .is_some_and(|n| n > MAX_RESPONSE_BYTES as u64)
        {
            return Err(too_large());
        }
        let body = match read_capped(
            &mut response,
            MAX_RESPONSE_BYTES,
            Instant::now() + self.timeout,
        ) {
            Ok(body) => body,
            Err(ReadFailure::TooLarge) => return Err(too_large()),
            Err(ReadFailure::Deadline) => {
                return Err(NetworkError {
                    kind: NetworkKind::Timeout,
                    origin: origin_of(&url),
                    detail: format!(
                        "the response body did not arrive within {}",
                        humantime::format_duration(self.timeout)
                    ),
                })
            }
            Err(ReadFailure::Io(e)) => return Err(NetworkError::from_io(&e, &url)),
        };
        if self.verbose {
            self.output
                .err_line(&trace_response(status, &headers, &body, started.elapsed()));
        }
        let mut out = http::Response::builder().status(status);
        if let Some(map) = out.headers_mut() {
            *map = headers;
        }
        Ok(out.body(body).expect("a response rebuilt from a valid one"))
    }

    fn trace_request(&self, request: &HttpRequest, multipart: bool) {
        let mut lines = vec![format!(
            "> {} {}",
            request.method(),
            redact::url(&request.uri().to_string())
        )];
        for (name, value) in request.headers() {
            let shown = if redact::is_secret_header(name.as_str()) {
                redact::MASK.to_string()
            } else {
                value.to_str().unwrap_or("<binary>").to_string()
            };
            lines.push(format!("> {name}: {shown}"));
        }
        if multipart {
            // reqwest adds the header, with its boundary, when it writes the body.
            lines.push("> content-type: multipart/form-data (fields shown form-encoded)".into());
        }
        let body = redact::body(request.body());
        if !body.is_empty() {
            lines.push(format!(">\n{body}"));
        }
        self.output
            .err_line(&crate::text::terminal_safe(&lines.join("\n")));
    }
}

/// The body of a request sent with [`HttpClient::send`].
pub enum RequestBody {
    Empty,
    Form(Vec<(String, String)>),
    Multipart(Vec<(String, String)>),
    /// Every value as a JSON string.
    Json(Vec<(String, String)>),
}

fn form_encode(params: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

fn trace_response(
    status: reqwest::StatusCode,
    headers: &reqwest::header::HeaderMap,
    body: &[u8],
    elapsed: Duration,
) -> String {
    let mut lines = vec![format!("< {status} ({} ms)", elapsed.as_millis())];
    for (name, value) in headers {
        let shown = if redact::is_secret_header(name.as_str()) {
            redact::MASK.to_string()
        } else {
            value.to_str().unwrap_or("<binary>").to_string()
        };
        lines.push(format!("< {name}: {shown}"));
    }
    let body = redact::body(body);
    if !body.is_empty() {
        lines.push(format!("<\n{body}"));
    }
    // A body is remote text: escaped, like everything else that reaches the terminal.
    format!("{}\n", crate::text::terminal_safe(&lines.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::thread;

    #[test]
    fn refused_connection_is_named() {
        // Bind then drop: the port is very likely closed right after.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let client = HttpClient::new(Duration::from_secs(5), false);
        let err = client
            .get(&format!("http://127.0.0.1:{port}/x?code=SECRET"), None, &[])
            .unwrap_err();
        assert_eq!(err.kind, NetworkKind::Refused, "{err}");
        assert!(!err.to_string().contains("SECRET"));
        assert!(err.to_string().contains("fetch failed"));
    }

    #[test]
    fn silent_server_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let client = HttpClient::new(Duration::from_millis(300), false);
        let err = client.get(&url, None, &[]).unwrap_err();
        assert_eq!(err.kind, NetworkKind::Timeout, "{err}");
        drop(listener);
    }

    /// A server on 127.0.0.1 answering one request with `head` and then `body_len` bytes
    /// of body (or until the client hangs up); its URL, and how many body bytes it wrote.
    fn body_server(head: &'static str, body_len: usize) -> (String, thread::JoinHandle<usize>) {
        use std::io::Write;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/oauth/token", listener.local_addr().unwrap());
        let handle = thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            if stream.write_all(head.as_bytes()).is_err() {
                return 0;
            }
            let chunk = vec![b'a'; 64 * 1024];
            let mut written = 0;
            while written < body_len {
                let n = chunk.len().min(body_len - written);
                if stream.write_all(&chunk[..n]).is_err() {
                    break;
                }
                written += n;
            }
            written
        });
        (url, handle)
    }

    const STREAM_HEAD: &str =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";

    #[test]
    fn a_body_past_the_limit_stops_the_read_and_names_the_endpoint() {
        // 64 MiB standing in for an endless body: enough to tell a capped read from a
        // whole one, bounded so the old code's failure costs no more than that.
        let (url, server) = body_server(STREAM_HEAD, 64 * 1024 * 1024);
        let client = HttpClient::new(Duration::from_secs(20), false);
        let err = client
            .get(&format!("{url}?access_token=SECRET"), None, &[])
            .unwrap_err();
        assert_eq!(err.kind, NetworkKind::TooLarge, "{err}");
        let text = err.to_string();
        assert!(text.contains(&url), "names the endpoint: {text}");
        assert!(text.contains("4 MiB"), "names the limit: {text}");
        assert!(!text.contains("SECRET"), "{text}");
        assert!(err.fix().contains("URL"), "{}", err.fix());
        drop(client);
        // The client hung up long before the end: its socket buffers, not the body.
        assert!(server.join().unwrap() < 32 * 1024 * 1024);
    }

    #[test]
    fn a_declared_length_past_the_limit_fails_before_any_body_is_read() {
        let (url, _server) =
            body_server("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n", 0);
        let started = Instant::now();
        let client = HttpClient::new(Duration::from_secs(20), false);
        let err = client.get(&url, None, &[]).unwrap_err();
        assert_eq!(err.kind, NetworkKind::TooLarge, "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_body_of_exactly_the_limit_is_read_whole() {
        let (url, server) = body_server(STREAM_HEAD, MAX_RESPONSE_BYTES);
        let client = HttpClient::new(Duration::from_secs(20), false);
        let response = client.get(&url, None, &[]).unwrap();
        assert_eq!(response.body().len(), MAX_RESPONSE_BYTES);
        assert_eq!(server.join().unwrap(), MAX_RESPONSE_BYTES);
    }

    #[test]
    fn token_requests_are_capped_too() {
        use crate::error::provider::Stage;
        use crate::model::{ClientCredentials, Wire};
        use crate::oauth::wire::{request_token, TokenRequest};
        let (url, _server) = body_server(STREAM_HEAD, 64 * 1024 * 1024);
        let http = HttpClient::new(Duration::from_secs(20), false);
        let client = ClientCredentials {
            id: "client".into(),
            secret: None,
            auth: crate::providers::ClientAuth::None,
        };
        let params = vec![("grant_type".into(), "authorization_code".into())];
        let request = TokenRequest::grant(Stage::Token, &url, params, &client);
        match request_token(&Wire::default(), request, &http).unwrap_err() {
            crate::error::Error::Network(net) => {
                assert_eq!(net.kind, NetworkKind::TooLarge, "{net}");
                assert!(net.to_string().contains(&url), "{net}");
            }
            other => panic!("{other:?}"),
        }
    }

    /// The kind comes from the types in the chain, never from the words of a message.
    #[test]
    fn failures_are_classified_by_type() {
        let io = std::io::Error::from;
        assert_eq!(
            classify_chain(&io(ErrorKind::ConnectionRefused)),
            Some(NetworkKind::Refused)
        );
        assert_eq!(
            classify_chain(&io(ErrorKind::TimedOut)),
            Some(NetworkKind::Timeout)
        );
        let tls = std::io::Error::new(
            ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
        );
        assert_eq!(classify_chain(&tls), Some(NetworkKind::Tls));
        let dns = DnsFailure {
            host: "no-such-host.invalid".into(),
            source: std::io::Error::other("Name or service not known"),
        };
        assert_eq!(classify_chain(&dns), Some(NetworkKind::Dns));
        // Words alone decide nothing.
        for words in [
            "connection refused",
            "dns error: failed to lookup address",
            "tls handshake: certificate",
            "operation timed out",
        ] {
            assert_eq!(
                classify_chain(&std::io::Error::other(words)),
                None,
                "{words}"
            );
        }
    }

    #[test]
    fn loopback_hosts_are_known_by_address() {
        let yes = |u: &str| is_loopback(&url::Url::parse(u).unwrap());
        for u in [
            "http://127.0.0.1:5/callback",
            "http://LOCALHOST:8/x",
            "http://[::1]:8/x",
            "http://[0:0:0:0:0:0:0:1]/x",
            "https://127.0.0.1/x",
        ] {
            assert!(yes(u), "{u}");
        }
        for u in [
            "http://127.0.0.1.nip.io/x",
            "http://localhost.example/x",
            "http://10.0.0.1/x",
            "http://127.0.0.2/x",
        ] {
            assert!(!yes(u), "{u}");
        }
    }

    #[test]
    fn a_status_probe_does_not_read_the_body() {
        let (url, server) = body_server(
            "HTTP/1.1 200 OK\r\nDate: Tue, 01 Jul 2025 10:00:00 GMT\r\nConnection: close\r\n\r\n",
            64 * 1024 * 1024,
        );
        let client = HttpClient::new(Duration::from_secs(20), false);
        let (status, date) = client.status_of(&url).unwrap();
        assert_eq!(status, 200);
        assert_eq!(date.as_deref(), Some("Tue, 01 Jul 2025 10:00:00 GMT"));
        drop(client);
        assert!(server.join().unwrap() < 32 * 1024 * 1024);
    }

    #[test]
    fn a_trickling_body_is_cut_at_the_deadline() {
        struct Trickle;
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                thread::sleep(Duration::from_millis(20));
                buf[0] = b'a';
                Ok(1)
            }
        }
        let deadline = Instant::now() + Duration::from_millis(200);
        assert!(matches!(
            read_capped(&mut Trickle, 1024, deadline),
            Err(ReadFailure::Deadline)
        ));
        let mut exact = &b"abcd"[..];
        let far = Instant::now() + Duration::from_secs(5);
        assert_eq!(read_capped(&mut exact, 4, far).unwrap(), b"abcd");
        let mut over = &b"abcde"[..];
        assert!(matches!(
            read_capped(&mut over, 4, far),
            Err(ReadFailure::TooLarge)
        ));
    }

    #[test]
    fn unresolvable_host_is_dns() {
        let client = HttpClient::new(Duration::from_secs(5), false);
        let err = client
            .get("http://no-such-host.invalid/", None, &[])
            .unwrap_err();
        assert_eq!(err.kind, NetworkKind::Dns, "{err}");
    }

    /// `-v`'s transcript goes through the run's output, the `Ui`'s: a capture sees the
    /// request and the answer, their secrets masked, and nothing reaches stderr another way.
    #[test]
    fn the_verbose_transcript_goes_through_the_runs_output() {
        let (output, captured) = Output::capture();
        let (url, server) = body_server(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
            2,
        );
        let client = Network::new(true).writing_to(output).client();
        client.get(&url, Some("SECRET-TOKEN"), &[]).unwrap();
        server.join().unwrap();
        let trace = captured.stderr();
        assert!(trace.contains(&format!("> GET {url}")), "{trace}");
        assert!(trace.contains("< 200 OK"), "{trace}");
        assert!(!trace.contains("SECRET-TOKEN"), "{trace}");
        assert_eq!(captured.stdout(), "");
        // Not verbose: nothing at all.
        let (output, captured) = Output::capture();
        let (url, server) = body_server("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n", 0);
        Network::new(false)
            .writing_to(output)
            .client()
            .get(&url, None, &[])
            .unwrap();
        server.join().unwrap();
        assert_eq!(captured.stderr(), "");
    }
}
