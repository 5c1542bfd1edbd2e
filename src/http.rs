//! The one HTTP stack of the tool: a blocking reqwest client that
//! - serves as oauth2's HTTP client (so there are not two stacks),
//! - writes the redacted `-v` transcript,
//! - keeps the last response, so failures can be classified from full evidence,
//! - tells DNS, refused, timeout and TLS failures apart.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use oauth2::{HttpRequest, HttpResponse};

use crate::redact;

const USER_AGENT: &str = concat!("postiz-connect/", env!("CARGO_PKG_VERSION"));

/// What kind of network failure, each with its own message and fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    Dns,
    Refused,
    Timeout,
    Tls,
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
        let what = match self.kind {
            NetworkKind::Dns => "DNS lookup failed for",
            NetworkKind::Refused => "connection refused by",
            NetworkKind::Timeout => "timed out talking to",
            NetworkKind::Tls => "TLS handshake failed with",
            NetworkKind::Other => "request failed to",
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
            NetworkKind::Other => format!("retry; run with -v to see the exchange; {proxy}"),
        }
    }

    fn from_reqwest(err: &reqwest::Error, url: &str) -> NetworkError {
        let origin = origin_of(url);
        let chain = error_chain(err);
        let lower = chain.to_ascii_lowercase();
        let kind = if err.is_timeout() || lower.contains("timed out") {
            NetworkKind::Timeout
        } else if lower.contains("dns error")
            || lower.contains("failed to lookup address")
            || lower.contains("name or service not known")
        {
            NetworkKind::Dns
        } else if lower.contains("connection refused") {
            NetworkKind::Refused
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("handshake")
            || lower.contains("invalidcontenttype")
        {
            NetworkKind::Tls
        } else {
            NetworkKind::Other
        };
        NetworkError {
            kind,
            origin,
            detail: redact::truncate(&chain, 300),
        }
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

/// `scheme://host:port` of a URL, for messages.
pub fn origin_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => "<invalid url>".into(),
    }
}

/// The parts of a response kept to explain a failure.
#[derive(Debug, Clone, Default)]
pub struct LastResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
}

pub struct HttpClient {
    inner: reqwest::blocking::Client,
    verbose: bool,
    last: Mutex<Option<LastResponse>>,
}

impl HttpClient {
    pub fn new(timeout: Duration, verbose: bool) -> HttpClient {
        let inner = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            // oauth2 requires no redirects on token requests (SSRF), and the tool never needs them.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the TLS backend initialises");
        HttpClient {
            inner,
            verbose,
            last: Mutex::new(None),
        }
    }

    /// Another client sharing this one's settings, trust roots and connection pool, with
    /// its own last response (so concurrent workers judge their own failures).
    pub fn sibling(&self) -> HttpClient {
        HttpClient {
            inner: self.inner.clone(),
            verbose: self.verbose,
            last: Mutex::new(None),
        }
    }

    pub fn last_response(&self) -> Option<LastResponse> {
        self.last.lock().ok().and_then(|l| l.clone())
    }

    /// GET a URL with an optional bearer token and extra headers; the response whatever
    /// its status.
    pub fn get(
        &self,
        url: &str,
        bearer: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Result<HttpResponse, NetworkError> {
        let mut builder = oauth2::http::Request::builder()
            .method(oauth2::http::Method::GET)
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
        let method = oauth2::http::Method::from_bytes(method.as_bytes()).map_err(|e| bad(&e))?;
        let mut builder = oauth2::http::Request::builder()
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
            self.trace_request(&request);
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
        let response = builder
            .send()
            .map_err(|e| NetworkError::from_reqwest(&e, &url))?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .map_err(|e| NetworkError::from_reqwest(&e, &url))?
            .to_vec();
        if self.verbose {
            trace_response(status, &headers, &body, started.elapsed());
        }
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if let Ok(mut last) = self.last.lock() {
            *last = Some(LastResponse {
                status: status.as_u16(),
                content_type: header("content-type"),
                retry_after: header("retry-after"),
                body: body.clone(),
            });
        }
        let (body, content_type) =
            normalize_success_body(status.as_u16(), header("content-type"), body);
        let mut out = oauth2::http::Response::builder().status(status);
        for (name, value) in &headers {
            if name != "content-type" {
                out = out.header(name, value);
            }
        }
        if let Some(ct) = content_type {
            out = out.header("content-type", ct);
        }
        Ok(out.body(body).expect("a response rebuilt from a valid one"))
    }

    fn trace_request(&self, request: &HttpRequest) {
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
        let body = redact::body(request.body());
        if !body.is_empty() {
            lines.push(format!(">\n{body}"));
        }
        eprintln!("{}", crate::ui::terminal_safe(&lines.join("\n")));
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

/// Some providers answer a successful token request with JSON labelled `text/plain`, or
/// with a form-encoded body (older Facebook/GitHub style); oauth2 accepts only
/// `application/json`. Relabel or convert those, so a working provider is not reported as
/// failing. Error responses are left as they are.
fn normalize_success_body(
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
) -> (Vec<u8>, Option<String>) {
    let is_json_type = content_type.as_deref().is_some_and(|c| c.contains("json"));
    if !(200..300).contains(&status) || is_json_type || body.is_empty() {
        return (body, content_type);
    }
    if serde_json::from_slice::<serde_json::Value>(&body).is_ok() {
        return (body, Some("application/json".into()));
    }
    let text = String::from_utf8_lossy(&body);
    let pairs: serde_json::Map<String, serde_json::Value> =
        url::form_urlencoded::parse(text.trim().as_bytes())
            .map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned())))
            .collect();
    if pairs.contains_key("access_token") {
        let json = serde_json::to_vec(&pairs).expect("a map serializes");
        return (json, Some("application/json".into()));
    }
    (body, content_type)
}

fn trace_response(
    status: reqwest::StatusCode,
    headers: &reqwest::header::HeaderMap,
    body: &[u8],
    elapsed: Duration,
) {
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
    eprintln!("{}\n", crate::ui::terminal_safe(&lines.join("\n")));
}

impl oauth2::SyncHttpClient for HttpClient {
    type Error = NetworkError;

    fn call(&self, request: HttpRequest) -> Result<HttpResponse, NetworkError> {
        self.execute(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn success_bodies_are_normalized_to_json() {
        let (b, ct) = normalize_success_body(
            200,
            Some("text/plain".into()),
            br#"{"access_token":"a"}"#.to_vec(),
        );
        assert_eq!(ct.as_deref(), Some("application/json"));
        assert_eq!(b, br#"{"access_token":"a"}"#);
        let (b, _) = normalize_success_body(
            200,
            Some("application/x-www-form-urlencoded".into()),
            b"access_token=a&expires_in=5".to_vec(),
        );
        let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
        assert_eq!(v["access_token"], "a");
        let (b, ct) = normalize_success_body(400, Some("text/html".into()), b"<html>".to_vec());
        assert_eq!(
            (b.as_slice(), ct.as_deref()),
            (&b"<html>"[..], Some("text/html"))
        );
    }

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

    #[test]
    fn unresolvable_host_is_dns() {
        let client = HttpClient::new(Duration::from_secs(5), false);
        let err = client
            .get("http://no-such-host.invalid/", None, &[])
            .unwrap_err();
        assert_eq!(err.kind, NetworkKind::Dns, "{err}");
    }
}
