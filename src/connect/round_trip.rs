//! The browser round trip: bind the listener, open the browser (or print the URL, or ask
//! for a paste; over SSH with no display, offer the paste at once), wait with a spinner,
//! and, for the sandbox this process started, follow the login URL in the background.

use std::io::BufRead;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::oauth::callback::Expected;
use crate::oauth::listener::{self, Listener, Note, RedirectPlan};
use crate::providers::{LoopbackPort, Provider};
use crate::ui::Ui;

use super::plan::{Port, Redirect};
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
    let ui = &svc.ui;
    let redirect = trip.redirect;
    let mut notes = |note: Note| {
        match note {
        Note::Stray(path) => ui.debug(format!("ignored a request for {path} (not the callback)")),
        Note::StateMismatch => {
            ui.warn("rejected a callback whose state did not match this login (still waiting)")
        }
        Note::UnboundError => ui.warn(
            "rejected a callback reporting an error without this login's state (still waiting; if you declined, press Ctrl-C)",
        ),
        Note::BadPaste(why) => ui.warn(format!("could not use what was pasted: {why}. Try again:")),
        Note::NoIpv6(why) => ui.debug(format!("listening on IPv4 only: {why}")),
    }
    };
    // The listener, bound before the browser opens.
    let (listener, redirect_uri) = match &redirect.plan {
        RedirectPlan::Loopback(url) => {
            let l = Listener::bind(url, &mut notes)?;
            let uri = l.redirect_uri().to_string();
            (Some(l), uri)
        }
        RedirectPlan::External(url) => (None, url.to_string()),
    };
    show_redirect(ui, trip.provider, redirect, &redirect_uri);
    if let Some(port) = redirect.remember_port {
        // Bound: this is the port to use next time too.
        if let Err(e) = svc.store.remember_port(&trip.provider.id, port) {
            ui.warn(format!("could not remember port {port}: {e}"));
        }
    }
    let (request, url, state) = build(&redirect_uri)?;
    // Over SSH with no display, the browser is on another machine and its redirect to
    // this one's loopback cannot arrive: offer the paste-back at once (the listener still
    // waits, for a tunnelled port).
    let ssh_paste =
        !redirect.paste && !redirect.follow_without_browser && headless_ssh() && ui.can_prompt();
    if ssh_paste {
        ui.info("SSH session without a display: open the URL below on your own machine, then paste here the address the browser ends on (the listener keeps waiting too)");
    }
    let paste = redirect.paste || ssh_paste;
    let open_browser = !redirect.no_browser && !paste;
    let failure = match open_browser {
        true => crate::browser::open(&url).err(),
        false => None,
    };
    if let Some(failure) = &failure {
        ui.debug(format!("the browser launcher said: {}", failure.detail));
    }
    // `--no-browser` asks for the URL to be printed, not followed: only a browser that
    // could not be opened makes the tool follow the sandbox's URL itself.
    let follow = redirect.follow_without_browser && !paste && failure.is_some();
    match (&failure, open_browser) {
        (Some(failure), _) if follow => {
            ui.info(format!(
                "no browser could be opened ({}); the sandbox approves by itself (--auto-approve), so postiz-connect follows the login URL itself",
                failure.summary
            ));
            ui.debug(format!("following {}", crate::redact::url(&url)));
            follow_in_background(
                *ui,
                &url,
                &redirect_uri,
                redirect.timeout + svc.http.timeout(),
            );
        }
        (None, true) => {
            ui.step("Opened the browser for the login");
            ui.info(format!("if it did not open, visit:\n  {url}"));
        }
        (Some(failure), _) => ui.action(format!(
            "Could not open a browser: {}.\nOpen this URL in a browser to log in (on another machine: run again with --paste):\n  {url}",
            failure.summary
        )),
        (None, false) => ui.action(format!("Open this URL in a browser to log in:\n  {url}")),
    }
    let paste_reader: Option<Box<dyn FnMut() -> Option<String> + Send>> = if paste {
        ui.action("Then paste the URL the browser ended on (or just the code) and press Enter:");
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
    let expected = Expected {
        state: &state,
        issuer: trip.expected_issuer,
    };
    // No spinner while a paste is awaited: it would draw over what the user types.
    let spinner = match paste {
        true => None,
        false => ui.spinner(format!(
            "Waiting for the browser on {redirect_uri} (Ctrl-C to cancel, gives up after {})",
            crate::ui::duration_words(redirect.timeout)
        )),
    };
    let waited = match listener {
        Some(l) => l.wait(&expected, deadline, paste_reader, &mut notes),
        None => listener::wait_for_paste(
            &expected,
            deadline,
            paste_reader.expect("External plans require --paste"),
            &mut notes,
        ),
    };
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let received = waited?;
    ui.step(if trip.oauth1 {
        "Verifier received (for this login's request token)"
    } else {
        "Received the authorization code (state verified)"
    });
    Ok((request, received))
}

/// The redirect URI line: whether it must be registered, and for a provider that compares
/// the port, how to make it the same every run.
fn show_redirect(ui: &Ui, p: &Provider, redirect: &Redirect, redirect_uri: &str) {
    let exact = p.loopback_port == Some(LoopbackPort::Exact);
    match redirect.port {
        _ if redirect.sandboxed => ui.info(format!(
            "redirect URI: {redirect_uri} (the sandbox accepts any port)"
        )),
        Port::Registration => ui.info(format!(
            "redirect URI: {redirect_uri} (the app registered for this login names it)"
        )),
        _ if p.loopback_port == Some(LoopbackPort::Any) => ui.info(format!(
            "redirect URI: {redirect_uri} ({} accepts any loopback port for a desktop app (RFC 8252 §7.3); see postiz-connect providers {})",
            p.name, p.id
        )),
        Port::Given(port) => ui.info(format!(
            "redirect URI: {redirect_uri} (must be registered for this app exactly; port {port} is remembered for {})",
            p.id
        )),
        Port::Remembered(port) => ui.info(format!(
            "redirect URI: {redirect_uri} (port {port}, remembered from an earlier --port; must be registered for this app exactly)"
        )),
        Port::Uri => ui.info(format!(
            "redirect URI: {redirect_uri} (must be registered for this app exactly)"
        )),
        Port::Random if exact => ui.warn(format!(
            "redirect URI: {redirect_uri} uses a random port, but {} compares redirect URIs exactly, port included, so it fails with redirect_uri_mismatch unless registered: pick a port, register {} for the app, and run with --port <port> (remembered for {} from then on)",
            p.name,
            p.loopback_redirect(),
            p.id
        )),
        Port::Random => ui.info(format!(
            "redirect URI: {redirect_uri} (a random port: where the port of redirect URIs is compared, register {} for the app and run with --port <port>, remembered from then on)",
            p.loopback_redirect()
        )),
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
fn follow_in_background(ui: Ui, url: &str, redirect_uri: &str, limit: Duration) {
    let (url, callback) = (url.to_string(), redirect_uri.to_string());
    std::thread::spawn(move || {
        let same_place = |a: &str| {
            let strip = |u: &str| u.split(['?', '#']).next().unwrap_or_default().to_string();
            strip(a) == strip(&callback)
        };
        match crate::browser::follow_loopback(&url, limit) {
            Ok(end) if same_place(&end.url) => {}
            // Its consent page: a sandbox at --sandbox-at started without --auto-approve.
            Ok(end) if end.status == 200 => ui.warn(format!(
                "the sandbox shows its consent page at {} instead of approving by itself: it was started without --auto-approve. Approve in a browser at the URL above, or restart it with `postiz-connect sandbox --auto-approve` (still waiting for the callback)",
                crate::redact::url(&end.url),
            )),
            Ok(end) => ui.warn(format!(
                "the sandbox did not send the login back: it ended on {} with HTTP {} (still waiting for the callback)",
                crate::redact::url(&end.url),
                end.status
            )),
            Err(e) => ui.warn(format!(
                "could not follow the login URL: {e} (still waiting for the callback)"
            )),
        }
    });
}
