//! The loopback redirect listener (RFC 8252 §7.3), and the wait for the callback.
//!
//! Bound before the browser opens. Stray requests get 404 and the wait goes on; a callback
//! whose `state` does not match gets an error page and the wait goes on; the first valid
//! callback ends it. Its browser response is held until the caller knows the real outcome.
//! Connections reach tiny_http through a front that bounds each request head's size and
//! time (`front.rs`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use url::Url;

use super::callback::{self, CallbackParams, Expected, Pasted, Verdict};
use super::front::{Deliveries, Front, Hub};
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
    let loopback_host = crate::http::is_loopback(&url);
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

/// The HTTP server, behind one or two bound fronts (`localhost` listens on IPv4 and IPv6).
pub struct Listener {
    /// Held for their `Drop`, which stops them accepting; declared first, so they stop
    /// before the server goes.
    _fronts: Vec<Front>,
    hub: Arc<Hub>,
    redirect_uri: Url,
}

/// What happened while waiting, for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A request not for the callback path (favicon, scanners).
    Stray(String),
    /// A callback whose state did not match: rejected, still waiting.
    StateMismatch,
    /// A callback reporting an error without this login's state: rejected, still waiting.
    UnboundError,
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

/// How long the process waits for the browser's last page to go out before it ends.
const SETTLE_TIME: Duration = Duration::from_secs(3);

/// Holds the browser's request until the outcome is known.
pub struct Responder {
    request: Option<tiny_http::Request>,
    deliveries: Arc<Deliveries>,
}

impl Responder {
    pub fn finish(mut self, page: &Page) {
        if let Some(request) = self.request.take() {
            respond_last(
                request,
                if page.ok { 200 } else { 400 },
                page,
                &self.deliveries,
            );
        }
    }
}

impl Drop for Responder {
    fn drop(&mut self) {
        if let Some(request) = self.request.take() {
            let page = Page::failure("Stopped", "postiz-connect stopped before finishing.", None);
            respond_last(request, 500, &page, &self.deliveries);
        }
    }
}

/// The page that ends the login: the process may exit right after, so wait (briefly)
/// until the front has passed it on to the browser.
fn respond_last(request: tiny_http::Request, status: u16, page: &Page, deliveries: &Deliveries) {
    let delivery = Deliveries::of(&request);
    respond(request, status, page);
    if let Some(id) = delivery {
        deliveries.settle(id, SETTLE_TIME);
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
            TcpListener::bind(SocketAddr::new(ip, port)).map_err(|e| Error::Config {
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
        let actual_port = first.local_addr().map(|a| a.port()).unwrap_or(port);
        let mut publics = vec![first];
        if host == "localhost" {
            // `localhost` may resolve to ::1 in the browser: listen there too.
            match bind(Ipv6Addr::LOCALHOST.into(), actual_port) {
                Ok(listener) => publics.push(listener),
                Err(e) => notes(Note::NoIpv6(e.to_string())),
            }
        }
        let cannot_start = |e: std::io::Error| Error::Config {
            what: format!("cannot start the loopback listener: {e}"),
            fix: format!(
                "check that the temporary directory ({}) is writable",
                std::env::temp_dir().display()
            ),
        };
        let hub = Arc::new(Hub::start().map_err(cannot_start)?);
        let fronts = publics
            .into_iter()
            .map(|public| Front::start(public, Arc::clone(&hub)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(cannot_start)?;
        let mut redirect_uri = uri.clone();
        redirect_uri
            .set_port(Some(actual_port))
            .expect("http URLs take a port");
        Ok(Listener {
            _fronts: fronts,
            hub,
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
        spawn_acceptor(Arc::clone(&self.hub), tx.clone());
        if let Some(read_line) = paste {
            spawn_paste_reader(read_line, tx.clone());
        }
        drop(tx);
        let result = wait_loop(
            &rx,
            expected,
            deadline,
            self.redirect_uri.path(),
            Some(&self.hub.deliveries),
            notes,
        );
        self.hub.server.unblock();
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
    wait_loop(&rx, expected, deadline, DEFAULT_PATH, None, notes)
}

fn spawn_acceptor(hub: Arc<Hub>, tx: Sender<Event>) {
    thread::spawn(move || {
        // `recv` fails once `unblock` is called: that ends the thread.
        while let Ok(request) = hub.server.recv() {
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
    // The listener's answers in flight, when listening.
    listening: Option<&Arc<Deliveries>>,
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
                let deliveries = listening.map(Arc::clone).unwrap_or_default();
                if let Some(done) =
                    handle_request(request, expected, callback_path, deliveries, notes)?
                {
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
                    Verdict::UnboundError => notes(Note::BadPaste(
                        "it reports an error but does not carry this login's state, so it does not belong to this login; paste the URL from this attempt, or press Ctrl-C if you declined".into(),
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
                if listening.is_none() {
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
    deliveries: Arc<Deliveries>,
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
    if verdict == Verdict::UnboundError {
        notes(Note::UnboundError);
        let page = Page::failure(
            "Not for this login",
            "This response reports an error, but it does not belong to the login postiz-connect started (it does not carry that login's state parameter). It was ignored; postiz-connect is still waiting.",
            Some("If you did decline the request, press Ctrl-C in the terminal to stop postiz-connect.".into()),
        );
        respond(request, 400, &page);
        return Ok(None);
    }
    let mut responder = Responder {
        request: Some(request),
        deliveries,
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
        Verdict::StateMismatch | Verdict::UnboundError => unreachable!("handled by the callers"),
    };
    if let Some(responder) = responder {
        if let Some(request) = responder.request.take() {
            respond_last(request, 400, &page, &responder.deliveries);
        }
    }
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::front;

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

    const STATE: &str = "the-state-of-this-login";

    /// One GET over a fresh connection; the status code and the body.
    fn get(addr: &str, target: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status = answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, answer)
    }

    /// What a wait in a thread ends with: the code and its browser tab, and the notes.
    type Waited = (Result<(String, Option<Responder>), String>, Vec<Note>);

    /// A listener waiting in a thread for `STATE`; its address and the wait's outcome.
    fn waiting() -> (String, thread::JoinHandle<Waited>) {
        let url = Url::parse("http://127.0.0.1:0/callback").unwrap();
        let listener = Listener::bind(&url, &mut |_| {}).unwrap();
        let addr = format!(
            "127.0.0.1:{}",
            listener.redirect_uri().port().expect("a bound port")
        );
        let handle = thread::spawn(move || {
            let mut notes = Vec::new();
            let expected = Expected {
                state: STATE,
                issuer: None,
            };
            let deadline = Instant::now() + Duration::from_secs(30);
            let result = listener
                .wait(&expected, deadline, None, &mut |n| notes.push(n))
                .map(|r| (r.code, r.responder))
                .map_err(|e| e.to_string());
            (result, notes)
        });
        (addr, handle)
    }

    #[test]
    fn an_error_without_this_logins_state_is_rejected_and_the_wait_goes_on() {
        let (addr, waiter) = waiting();
        for forged in [
            "/callback?error=access_denied&error_description=%3Cb%3Eno%3C/b%3E",
            "/callback?error=access_denied&state=another-login",
            "/callback?denied=another-token",
        ] {
            let (status, page) = get(&addr, forged);
            assert_eq!(status, 400, "{forged}: {page}");
            assert!(page.contains("does not belong to the login"), "{page}");
            assert!(page.contains("press Ctrl-C"), "{page}");
            assert!(!page.contains("<b>no"), "nothing is echoed raw: {page}");
        }
        // The real callback still ends the wait; its page waits for the outcome.
        let real = thread::spawn({
            let addr = addr.clone();
            move || get(&addr, &format!("/callback?code=the-code&state={STATE}"))
        });
        let (result, notes) = waiter.join().unwrap();
        let (code, responder) = result.expect("the real callback completes the login");
        assert_eq!(code, "the-code");
        responder.unwrap().finish(&Page::success("done"));
        assert_eq!(real.join().unwrap().0, 200);
        assert_eq!(
            notes.iter().filter(|n| **n == Note::UnboundError).count(),
            3,
            "{notes:?}"
        );
    }

    #[test]
    fn an_error_with_this_logins_state_still_ends_the_login() {
        let (addr, waiter) = waiting();
        let (status, page) = get(
            &addr,
            &format!("/callback?error=access_denied&state={STATE}"),
        );
        assert_eq!(status, 400, "{page}");
        assert!(page.contains("access_denied"), "{page}");
        match waiter.join().unwrap().0 {
            Err(e) => assert!(e.contains("access_denied"), "{e}"),
            Ok((code, _)) => panic!("the login went on with {code}"),
        }
    }

    #[test]
    fn a_pasted_error_without_this_logins_state_is_refused_and_asked_again() {
        let mut lines = vec![
            format!("http://127.0.0.1:1/callback?code=c&state={STATE}"),
            "http://127.0.0.1:1/callback?error=access_denied&state=other".to_string(),
            "http://127.0.0.1:1/callback?error=access_denied".to_string(),
        ];
        let read_line = Box::new(move || lines.pop());
        let expected = Expected {
            state: STATE,
            issuer: None,
        };
        let mut notes = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        let received = wait_for_paste(&expected, deadline, read_line, &mut |n| notes.push(n))
            .expect("the pasted URL with the right state completes the login");
        assert_eq!(received.code, "c");
        let refusals: Vec<_> = notes
            .iter()
            .filter_map(|n| match n {
                Note::BadPaste(why) => Some(why.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(refusals.len(), 2, "{notes:?}");
        assert!(
            refusals
                .iter()
                .all(|why| why.contains("does not belong to this login")),
            "{refusals:?}"
        );
    }

    /// Sends `head` a byte every `every` (the slowloris attack) while reading: the answer,
    /// and how long the connection stayed open. Gives up after `limit`.
    fn trickle(addr: &str, head: &[u8], every: Duration, limit: Duration) -> (String, Duration) {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(every)).unwrap();
        let started = Instant::now();
        let mut answer = Vec::new();
        let mut bytes = head.iter().cycle();
        while started.elapsed() < limit {
            let _ = stream.write_all(&[*bytes.next().unwrap()]);
            let mut buf = [0u8; 1024];
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
            String::from_utf8_lossy(&answer).into_owned(),
            started.elapsed(),
        )
    }

    #[test]
    fn huge_and_slow_heads_are_cut_and_the_real_callback_still_gets_through() {
        use std::io::{Read, Write};
        let (addr, waiter) = waiting();
        // A flood of idle connections.
        let idle: Vec<_> = (0..200)
            .map(|_| std::net::TcpStream::connect(&addr).unwrap())
            .collect();
        // Slowloris: a head that never ends, a byte every 250 ms.
        let slow = thread::spawn({
            let addr = addr.clone();
            move || {
                trickle(
                    &addr,
                    b"GET /callback?code=x&state=y HTTP/1.1\r\nX-Slow: aaaa",
                    Duration::from_millis(250),
                    front::HEAD_TIME * 2,
                )
            }
        });
        // A head line of 1 MiB that never ends; the answer is read after sending it.
        let huge = thread::spawn({
            let addr = addr.clone();
            move || {
                let mut stream = std::net::TcpStream::connect(&addr).unwrap();
                stream.set_read_timeout(Some(front::HEAD_TIME * 2)).unwrap();
                let mut sent = 0;
                let line = [b'a'; 64 * 1024];
                let _ = stream.write_all(b"GET /callback?code=");
                while sent < 1024 * 1024 && stream.write_all(&line).is_ok() {
                    sent += line.len();
                }
                let mut answer = Vec::new();
                let _ = stream.read_to_end(&mut answer);
                String::from_utf8_lossy(&answer).into_owned()
            }
        });
        thread::sleep(Duration::from_millis(300));
        let sent = Instant::now();
        let real = thread::spawn({
            let addr = addr.clone();
            move || get(&addr, &format!("/callback?code=the-code&state={STATE}"))
        });
        let (result, _) = waiter.join().unwrap();
        assert!(
            sent.elapsed() < Duration::from_secs(3),
            "the callback waited {:?} behind the attack",
            sent.elapsed()
        );
        let (code, responder) = result.expect("the real callback completes the login");
        assert_eq!(code, "the-code");
        responder.unwrap().finish(&Page::success("done"));
        assert_eq!(real.join().unwrap().0, 200);

        let answer = huge.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 431 "), "{answer:?}");
        let (answer, open) = slow.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 408 "), "{answer:?}");
        assert!(
            open >= front::HEAD_TIME - Duration::from_millis(500)
                && open < front::HEAD_TIME + Duration::from_secs(2),
            "cut after {open:?}"
        );
        drop(idle);
    }

    #[test]
    fn the_last_page_is_waited_for_until_the_front_has_passed_it_on() {
        // The process may exit right after the last page: `finish` returns only once the
        // front (src/oauth/front.rs) has copied it to the browser, here 300 ms later.
        let deliveries = Arc::new(Deliveries::default());
        let delivery = deliveries.begin();
        let request: tiny_http::Request = tiny_http::TestRequest::new()
            .with_path("/callback")
            .with_header(delivery.header())
            .into();
        let passed_on = thread::spawn(move || {
            thread::sleep(Duration::from_millis(300));
            drop(delivery);
        });
        let responder = Responder {
            request: Some(request),
            deliveries,
        };
        let started = Instant::now();
        responder.finish(&Page::success("done"));
        let waited = started.elapsed();
        passed_on.join().unwrap();
        assert!(waited >= Duration::from_millis(250), "{waited:?}");
        assert!(waited < SETTLE_TIME, "{waited:?}");
    }

    #[test]
    fn the_last_page_has_reached_the_browser_when_finish_returns() {
        use std::io::{Read, Write};
        // The process may exit right after `finish`: the page must already be out of the
        // front (src/oauth/front.rs), not in its copying thread.
        let (addr, waiter) = waiting();
        let mut tab = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            tab,
            "GET /callback?code=c&state={STATE} HTTP/1.1\r\nHost: {addr}\r\n\r\n"
        )
        .unwrap();
        let (result, _) = waiter.join().unwrap();
        let (_, responder) = result.unwrap();
        responder.unwrap().finish(&Page::success("the-last-page"));
        // Nothing more is waited for: the whole answer, and the end of the connection,
        // were sent before `finish` returned.
        tab.set_nonblocking(true).unwrap();
        let mut answer = Vec::new();
        let ended = tab.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(ended.is_ok(), "{ended:?} after {answer:?}");
        assert!(answer.contains("the-last-page"), "{answer:?}");
    }
}
