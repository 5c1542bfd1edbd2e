//! The loopback redirect listener (RFC 8252 §7.3), and the wait for the callback.
//!
//! Bound before the browser opens. Stray requests get 404 and the wait goes on; a callback
//! whose `state` does not match gets an error page and the wait goes on; the first valid
//! callback ends it. Its browser response is held until the caller knows the real outcome.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use url::Url;

use super::callback::{self, CallbackParams, Expected, Pasted, Verdict};
use super::page::Page;
use crate::error::Error;
use crate::interrupt;

/// Where the provider sends the browser back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectPlan {
    /// A loopback URI this process listens on (port 0: pick one).
    Loopback(Url),
    /// Not on this machine: only `--paste` can finish the flow.
    External(Url),
}

pub const DEFAULT_PATH: &str = "/callback";

/// Decide the redirect URI from `--port` / `--redirect-uri`.
pub fn plan_redirect(
    port: Option<u16>,
    redirect_uri: Option<&str>,
    paste: bool,
) -> Result<RedirectPlan, Error> {
    let Some(raw) = redirect_uri else {
        let url = Url::parse(&format!(
            "http://127.0.0.1:{}{DEFAULT_PATH}",
            port.unwrap_or(0)
        ))
        .expect("a valid loopback URL");
        return Ok(RedirectPlan::Loopback(url));
    };
    let mut url = Url::parse(raw.trim()).map_err(|e| {
        Error::Usage(format!(
        "--redirect-uri '{raw}' is not a valid URL ({e}); example: http://127.0.0.1:8080/callback"
    ))
    })?;
    if raw.trim() != raw {
        return Err(Error::Usage(format!(
            "--redirect-uri '{raw}' has spaces around it; providers compare redirect URIs exactly"
        )));
    }
    if let Some(p) = port {
        if url.port().is_some_and(|existing| existing != p) {
            return Err(Error::Usage(format!(
                "--port {p} contradicts the port in --redirect-uri {raw}"
            )));
        }
        url.set_port(Some(p))
            .map_err(|_| Error::Usage(format!("cannot set port {p} on {raw}")))?;
    }
    if url.fragment().is_some() {
        return Err(Error::Usage(format!(
            "--redirect-uri {raw} has a #fragment, which OAuth forbids (RFC 6749 §3.1.2)"
        )));
    }
    let loopback_host = matches!(
        url.host_str(),
        Some("127.0.0.1") | Some("localhost") | Some("[::1]")
    );
    if loopback_host && url.scheme() == "http" {
        return Ok(RedirectPlan::Loopback(url));
    }
    if paste {
        return Ok(RedirectPlan::External(url));
    }
    let why = if loopback_host {
        "the listener speaks plain http on loopback (RFC 8252 §7.3); register an http://127.0.0.1 redirect for this app"
    } else {
        "this tool can only listen on this machine (127.0.0.1, localhost or [::1]); to use a redirect URI elsewhere, add --paste and paste the URL the browser ends on"
    };
    Err(Error::Config {
        what: format!("cannot listen on redirect URI {raw}"),
        fix: why.into(),
    })
}

/// One or two bound HTTP servers (`localhost` listens on IPv4 and IPv6).
pub struct Listener {
    servers: Vec<Arc<tiny_http::Server>>,
    redirect_uri: Url,
}

/// What happened while waiting, for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A request not for the callback path (favicon, scanners).
    Stray(String),
    /// A callback whose state did not match: rejected, still waiting.
    StateMismatch,
    /// Pasted text that could not be used.
    BadPaste(String),
    /// IPv6 could not be bound for `localhost` (IPv4 still works).
    NoIpv6(String),
}

/// A valid callback: the code, and the browser tab still waiting for its page.
pub struct Received {
    pub code: String,
    /// The callback's other parameters (VK's `device_id`...).
    pub extra: std::collections::BTreeMap<String, String>,
    pub responder: Option<Responder>,
}

/// Holds the browser's request until the outcome is known.
pub struct Responder {
    request: Option<tiny_http::Request>,
}

impl Responder {
    pub fn finish(mut self, page: &Page) {
        if let Some(request) = self.request.take() {
            respond(request, if page.ok { 200 } else { 400 }, page);
        }
    }
}

impl Drop for Responder {
    fn drop(&mut self) {
        if let Some(request) = self.request.take() {
            let page = Page::failure("Stopped", "postiz-connect stopped before finishing.", None);
            respond(request, 500, &page);
        }
    }
}

fn respond(request: tiny_http::Request, status: u16, page: &Page) {
    let response = tiny_http::Response::from_string(page.render())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'",
        ));
    // The browser may have gone away; nothing to do about it.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
}

enum Event {
    Request(tiny_http::Request),
    Pasted(String),
    PasteClosed,
}

impl Listener {
    /// Bind the loopback URI's host and port (port 0 picks a free one).
    pub fn bind(uri: &Url, notes: &mut dyn FnMut(Note)) -> Result<Listener, Error> {
        let port = uri.port().unwrap_or(80);
        let host = uri.host_str().unwrap_or_default();
        let bind = |ip: IpAddr, port: u16| {
            tiny_http::Server::http(SocketAddr::new(ip, port)).map_err(|e| Error::Config {
                what: format!("cannot listen on {ip} port {port}: {e}"),
                fix: if port == 0 {
                    "check that loopback networking works on this machine".into()
                } else {
                    format!("another program uses port {port}: stop it, or pick another --port (and register that redirect URI)")
                },
            })
        };
        let first_ip: IpAddr = if host == "[::1]" {
            Ipv6Addr::LOCALHOST.into()
        } else {
            Ipv4Addr::LOCALHOST.into()
        };
        let first = bind(first_ip, port)?;
        let actual_port = first
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .unwrap_or(port);
        let mut servers = vec![Arc::new(first)];
        if host == "localhost" {
            // `localhost` may resolve to ::1 in the browser: listen there too.
            match bind(Ipv6Addr::LOCALHOST.into(), actual_port) {
                Ok(server) => servers.push(Arc::new(server)),
                Err(e) => notes(Note::NoIpv6(e.to_string())),
            }
        }
        let mut redirect_uri = uri.clone();
        redirect_uri
            .set_port(Some(actual_port))
            .expect("http URLs take a port");
        Ok(Listener {
            servers,
            redirect_uri,
        })
    }

    pub fn redirect_uri(&self) -> &Url {
        &self.redirect_uri
    }

    /// Wait for the first valid callback, until the deadline, Ctrl-C, or a pasted answer.
    pub fn wait(
        self,
        expected: &Expected<'_>,
        deadline: Instant,
        paste: Option<Box<dyn FnMut() -> Option<String> + Send>>,
        notes: &mut dyn FnMut(Note),
    ) -> Result<Received, Error> {
        let (tx, rx) = mpsc::channel();
        for server in &self.servers {
            spawn_acceptor(Arc::clone(server), tx.clone());
        }
        if let Some(read_line) = paste {
            spawn_paste_reader(read_line, tx.clone());
        }
        drop(tx);
        let result = wait_loop(
            &rx,
            expected,
            deadline,
            self.redirect_uri.path(),
            true,
            notes,
        );
        for server in &self.servers {
            server.unblock();
        }
        result.map_err(|e| match e {
            Error::TimedOut { waited, .. } => Error::TimedOut {
                waited,
                listener: self.redirect_uri.to_string(),
            },
            other => other,
        })
    }
}

/// Wait for a pasted answer only (the redirect URI is not on this machine).
pub fn wait_for_paste(
    expected: &Expected<'_>,
    deadline: Instant,
    read_line: Box<dyn FnMut() -> Option<String> + Send>,
    notes: &mut dyn FnMut(Note),
) -> Result<Received, Error> {
    let (tx, rx) = mpsc::channel();
    spawn_paste_reader(read_line, tx);
    wait_loop(&rx, expected, deadline, DEFAULT_PATH, false, notes)
}

fn spawn_acceptor(server: Arc<tiny_http::Server>, tx: Sender<Event>) {
    thread::spawn(move || {
        // `recv` fails once `unblock` is called: that ends the thread.
        while let Ok(request) = server.recv() {
            if tx.send(Event::Request(request)).is_err() {
                break;
            }
        }
    });
}

fn spawn_paste_reader(mut read_line: Box<dyn FnMut() -> Option<String> + Send>, tx: Sender<Event>) {
    thread::spawn(move || loop {
        match read_line() {
            Some(line) => {
                if tx.send(Event::Pasted(line)).is_err() {
                    break;
                }
            }
            None => {
                let _ = tx.send(Event::PasteClosed);
                break;
            }
        }
    });
}

fn wait_loop(
    rx: &Receiver<Event>,
    expected: &Expected<'_>,
    deadline: Instant,
    callback_path: &str,
    listening: bool,
    notes: &mut dyn FnMut(Note),
) -> Result<Received, Error> {
    let started = Instant::now();
    loop {
        if interrupt::requested() {
            return Err(Error::Cancelled);
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(Error::TimedOut {
                waited: deadline.duration_since(started),
                listener: String::new(),
            });
        }
        // Short slices so Ctrl-C is noticed promptly.
        let slice = (deadline - now).min(Duration::from_millis(200));
        let event = match rx.recv_timeout(slice) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Err(Error::Cancelled),
        };
        match event {
            Event::Request(request) => {
                if let Some(done) = handle_request(request, expected, callback_path, notes)? {
                    return Ok(done);
                }
            }
            Event::Pasted(text) => match callback::parse_pasted(&text) {
                Err(why) => notes(Note::BadPaste(why)),
                Ok(Pasted::BareCode(code)) => {
                    return Ok(Received {
                        code,
                        extra: Default::default(),
                        responder: None,
                    })
                }
                Ok(Pasted::Params(params)) => match callback::validate(&params, expected) {
                    Verdict::StateMismatch => notes(Note::BadPaste(
                        "its state does not match this login (an older or another attempt's URL); paste the URL from this attempt".into(),
                    )),
                    verdict => {
                        return conclude(verdict, None).map(|code| Received {
                            code,
                            extra: params.extra.clone(),
                            responder: None,
                        })
                    }
                },
            },
            Event::PasteClosed => {
                if !listening {
                    return Err(Error::Cancelled);
                }
            }
        }
    }
}

/// Some(received) ends the wait; None keeps waiting.
fn handle_request(
    request: tiny_http::Request,
    expected: &Expected<'_>,
    callback_path: &str,
    notes: &mut dyn FnMut(Note),
) -> Result<Option<Received>, Error> {
    let raw = request.url().to_string();
    let (path, query) = raw.split_once('?').unwrap_or((&raw, ""));
    if path != callback_path || *request.method() != tiny_http::Method::Get {
        notes(Note::Stray(path.chars().take(100).collect()));
        let page = Page::failure(
            "Not found",
            "This address is not the callback postiz-connect waits on.",
            None,
        );
        respond(request, 404, &page);
        return Ok(None);
    }
    let params = CallbackParams::from_query(query);
    let verdict = callback::validate(&params, expected);
    if verdict == Verdict::StateMismatch {
        notes(Note::StateMismatch);
        let page = Page::failure(
            "Invalid state",
            "This callback does not belong to the login postiz-connect started (its state parameter does not match). It was ignored; postiz-connect is still waiting for the right one.",
            Some("If you started the login more than once, finish it in the newest tab.".into()),
        );
        respond(request, 400, &page);
        return Ok(None);
    }
    let mut responder = Responder {
        request: Some(request),
    };
    match conclude(verdict, Some(&mut responder)) {
        Ok(code) => Ok(Some(Received {
            code,
            extra: params.extra,
            responder: Some(responder),
        })),
        Err(e) => Err(e),
    }
}

/// The code of a valid callback, or the error it carries (answering the browser with it).
fn conclude(verdict: Verdict, responder: Option<&mut Responder>) -> Result<String, Error> {
    let (error, page) = match verdict {
        Verdict::Code(code) => return Ok(code),
        Verdict::ProviderError(e) => {
            let explanation = e.explain();
            let page = Page::failure(
                if e.is_user_decision() {
                    "You declined the login"
                } else {
                    "The provider refused"
                },
                e.to_string(),
                Some(format!("{}\n\nFix: {}", explanation.cause, explanation.fix)),
            );
            (Error::Authorization(e), page)
        }
        Verdict::IssuerMismatch { got } => {
            let what = format!(
                "the callback's issuer ({}) is not the server this login started with",
                got.as_deref().unwrap_or("missing")
            );
            let page = Page::failure("Wrong issuer", what.clone(), None);
            (
                Error::Rejected {
                    what,
                    fix: "a mix-up attack or a misconfigured server (RFC 9207); start again and check --issuer".into(),
                },
                page,
            )
        }
        Verdict::Malformed => {
            let what = "the callback carried neither a code nor an error".to_string();
            let page = Page::failure("Malformed callback", what.clone(), None);
            (
                Error::Rejected {
                    what,
                    fix: "start again; if it repeats, run with -v and report the provider's behaviour".into(),
                },
                page,
            )
        }
        Verdict::StateMismatch => unreachable!("handled by the callers"),
    };
    if let Some(responder) = responder {
        if let Some(request) = responder.request.take() {
            respond(request, 400, &page);
        }
    }
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_plan_is_random_port_on_ipv4_loopback() {
        match plan_redirect(None, None, false).unwrap() {
            RedirectPlan::Loopback(url) => assert_eq!(url.as_str(), "http://127.0.0.1:0/callback"),
            other => panic!("{other:?}"),
        }
        match plan_redirect(Some(8765), None, false).unwrap() {
            RedirectPlan::Loopback(url) => {
                assert_eq!(url.as_str(), "http://127.0.0.1:8765/callback")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn explicit_redirects() {
        assert!(matches!(
            plan_redirect(
                None,
                Some("http://localhost:4200/integrations/social/x"),
                false
            ),
            Ok(RedirectPlan::Loopback(_))
        ));
        let err = plan_redirect(None, Some("https://app.example.com/cb"), false).unwrap_err();
        assert!(err.fix().unwrap().contains("--paste"));
        assert!(matches!(
            plan_redirect(None, Some("https://app.example.com/cb"), true),
            Ok(RedirectPlan::External(_))
        ));
        assert!(plan_redirect(None, Some("not a url"), false).is_err());
        assert!(plan_redirect(None, Some("http://127.0.0.1:1/cb#x"), false).is_err());
        assert!(plan_redirect(Some(2), Some("http://127.0.0.1:1/cb"), false).is_err());
        assert!(plan_redirect(None, Some("https://127.0.0.1/cb"), false).is_err());
    }

    #[test]
    fn binds_and_reports_the_real_port() {
        let url = Url::parse("http://127.0.0.1:0/callback").unwrap();
        let listener = Listener::bind(&url, &mut |_| {}).unwrap();
        assert_ne!(listener.redirect_uri().port(), Some(0));
        assert_eq!(listener.redirect_uri().path(), "/callback");
    }

    #[test]
    fn busy_port_is_a_config_error() {
        let url = Url::parse("http://127.0.0.1:0/callback").unwrap();
        let first = Listener::bind(&url, &mut |_| {}).unwrap();
        let err = Listener::bind(first.redirect_uri(), &mut |_| {})
            .err()
            .unwrap();
        assert!(err.fix().unwrap().contains("--port"), "{err}");
    }
}
