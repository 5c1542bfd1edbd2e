//! The browser round trip: bind the listener, open the browser (or print the URL, or ask
//! for a paste; over SSH with no display, offer the paste at once), wait with a spinner,
//! and, for the sandbox this process started, follow the login URL in the background.

use std::io::BufRead;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::oauth::callback::Expected;
use crate::oauth::listener::{self, Listener, Note, RedirectPlan};
use crate::providers::Provider;

use super::events::{Event, Events};
use super::plan::Redirect;
use super::services::Services;

/// One round trip's facts besides the redirect.
pub struct Trip<'a> {
    pub provider: &'a Provider,
    pub redirect: &'a Redirect,
    /// The issuer the callback must name (RFC 9207).
    pub expected_issuer: Option<&'a str>,
    /// OAuth 1.0a: the callback brings a verifier, not a code with a state.
    pub oauth1: bool,
}

/// Bind the listener, build the authorization URL for its redirect URI (`build` returns
/// the caller's request, the URL and the one-time value the callback must carry), open
/// the browser (or ask for a paste), and wait for the matching callback.
pub fn run<T>(
    svc: &Services,
    trip: &Trip,
    build: impl FnOnce(&str) -> Result<(T, String, String), Error>,
) -> Result<(T, listener::Received), Error> {
    let events = svc.events;
    let mut notes = |note: Note| events.event(Event::Listener(&note));
    // The listener, bound before the browser opens.
    let (listener, redirect_uri) = bind(svc, trip, &mut notes)?;
    let (request, url, state) = build(&redirect_uri)?;
    let paste = send_to_the_login(svc, trip.redirect, &url, &redirect_uri);
    let expected = Expected {
        state: &state,
        issuer: trip.expected_issuer,
    };
    let wait = Wait {
        listener,
        redirect_uri: &redirect_uri,
        paste,
    };
    let received = wait.wait(events, trip.redirect, &expected, &mut notes)?;
    events.event(Event::CallbackReceived {
        oauth1: trip.oauth1,
    });
    Ok((request, received))
}

/// The loopback listener (none for a redirect elsewhere, pasted back) and the redirect
/// URI; a `--port` given where ports are compared is remembered once bound.
fn bind(
    svc: &Services,
    trip: &Trip,
    notes: &mut dyn FnMut(Note),
) -> Result<(Option<Listener>, String), Error> {
    let (events, redirect) = (svc.events, trip.redirect);
    let (listener, redirect_uri) = match &redirect.plan {
        RedirectPlan::Loopback(url) => {
            let l = Listener::bind(url, notes)?;
            let uri = l.redirect_uri().to_string();
            (Some(l), uri)
        }
        RedirectPlan::External(url) => (None, url.to_string()),
    };
    events.event(Event::RedirectUri {
        uri: &redirect_uri,
        port: redirect.port,
        sandboxed: redirect.sandboxed,
        provider: trip.provider,
    });
    if let Some(port) = redirect.remember_port {
        // Bound: this is the port to use next time too.
        if let Err(error) = svc.store.remember_port(&trip.provider.id, port) {
            events.event(Event::PortNotRemembered {
                port,
                error: &error,
            });
        }
    }
    Ok((listener, redirect_uri))
}

/// Send the user to the login at `url`: open the browser, or say where to go (and, for
/// a sandbox that approves by itself with no browser to open, follow it here); whether
/// the address the browser ends on is to be pasted back.
fn send_to_the_login(svc: &Services, redirect: &Redirect, url: &str, redirect_uri: &str) -> bool {
    let events = svc.events;
    // Over SSH with no display, the browser is on another machine and its redirect to
    // this one's loopback cannot arrive: offer the paste-back at once (the listener still
    // waits, for a tunnelled port).
    let ssh_paste = !redirect.paste
        && !redirect.follow_without_browser
        && headless_ssh()
        && events.can_prompt();
    if ssh_paste {
        events.event(Event::SshPaste);
    }
    let paste = redirect.paste || ssh_paste;
    let open_browser = !redirect.no_browser && !paste;
    let failure = match open_browser {
        true => crate::browser::open(url).err(),
        false => None,
    };
    if let Some(failure) = &failure {
        events.event(Event::BrowserLauncher {
            detail: &failure.detail,
        });
    }
    // `--no-browser` asks for the URL to be printed, not followed: only a browser that
    // could not be opened makes the tool follow the sandbox's URL itself.
    let follow = redirect.follow_without_browser && !paste && failure.is_some();
    match (&failure, open_browser) {
        (Some(failure), _) if follow => {
            events.event(Event::FollowingItself {
                summary: &failure.summary,
                url,
            });
            follow_in_background(
                events.detached(),
                url,
                redirect_uri,
                redirect.timeout + svc.http.timeout(),
            );
        }
        (None, true) => events.event(Event::BrowserOpened { url }),
        (Some(failure), _) => events.event(Event::OpenThisUrl {
            url,
            failure: Some(&failure.summary),
        }),
        (None, false) => events.event(Event::OpenThisUrl { url, failure: None }),
    }
    paste
}

/// The wait for the callback: on the listener, from a paste, or both.
struct Wait<'a> {
    listener: Option<Listener>,
    redirect_uri: &'a str,
    paste: bool,
}

impl Wait<'_> {
    fn wait(
        self,
        events: &dyn Events,
        redirect: &Redirect,
        expected: &Expected,
        notes: &mut dyn FnMut(Note),
    ) -> Result<listener::Received, Error> {
        let paste_reader: Option<Box<dyn FnMut() -> Option<String> + Send>> = if self.paste {
            events.event(Event::PasteRequested);
            Some(Box::new(|| {
                let mut line = String::new();
                match std::io::stdin().lock().read_line(&mut line) {
                    Ok(0) | Err(_) => None,
                    Ok(_) => Some(line),
                }
            }))
        } else {
            None
        };
        let deadline = Instant::now() + redirect.timeout;
        // No spinner while a paste is awaited: it would draw over what the user types.
        let spinner = match self.paste {
            true => None,
            false => events.waiting(self.redirect_uri, redirect.timeout),
        };
        let waited = match self.listener {
            Some(l) => l.wait(expected, deadline, paste_reader, notes),
            None => listener::wait_for_paste(
                expected,
                deadline,
                paste_reader.expect("External plans require --paste"),
                notes,
            ),
        };
        if let Some(s) = spinner {
            s.done();
        }
        waited
    }
}

/// Logged in over SSH (`SSH_CONNECTION`/`SSH_TTY`) with no display to open a browser on.
fn headless_ssh() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (set("SSH_CONNECTION") || set("SSH_TTY")) && !set("DISPLAY") && !set("WAYLAND_DISPLAY")
}

/// Follow the sandbox's authorization URL on a thread of its own, as a browser would; the
/// listener's wait goes on meanwhile. Its last answer is the callback's page, sent once the
/// login is finished. Ending anywhere else (a sandbox fault's error page) is said at once.
/// `limit`: the wait for the browser plus one request's limit.
fn follow_in_background(
    events: Box<dyn Events + Send>,
    url: &str,
    redirect_uri: &str,
    limit: Duration,
) {
    let (url, callback) = (url.to_string(), redirect_uri.to_string());
    std::thread::spawn(move || {
        let same_place = |a: &str| {
            let strip = |u: &str| u.split(['?', '#']).next().unwrap_or_default().to_string();
            strip(a) == strip(&callback)
        };
        match crate::browser::follow_loopback(&url, limit) {
            Ok(end) if same_place(&end.url) => {}
            // Its consent page: a sandbox at --sandbox-at started without --auto-approve.
            Ok(end) if end.status == 200 => {
                events.event(Event::SandboxConsentPage { url: &end.url })
            }
            Ok(end) => events.event(Event::SandboxEndedElsewhere {
                url: &end.url,
                status: end.status,
            }),
            Err(error) => events.event(Event::FollowFailed { error: &error }),
        }
    });
}
