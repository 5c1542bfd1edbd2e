//! The words of the services' events: what the connect service reports as data
//! ([`connect::Event`]) read on the terminal, through the run's [`Ui`].

use std::time::Duration;

use indicatif::ProgressBar;

use crate::connect::plan::Port;
use crate::connect::{self, Event, Revocation, Waiting};
use crate::error::Error;
use crate::oauth::listener::Note;
use crate::providers::{LoopbackPort, Provider};
use crate::ui::{duration_words, moment, shell_word, Ui};

/// The connect service's caller on a terminal: every event becomes a line of the `Ui`.
#[derive(Clone, Copy)]
pub struct Terminal(pub Ui);

impl connect::Events for Terminal {
    fn event(&self, event: Event<'_>) {
        say(&self.0, event);
    }

    fn can_prompt(&self) -> bool {
        self.0.can_prompt()
    }

    fn choose_target(&self, kind: &str, items: &[String]) -> Result<usize, Error> {
        self.0
            .select(&format!("Which {kind} should this channel post to?"), items)
    }

    fn waiting(&self, redirect_uri: &str, timeout: Duration) -> Option<Box<dyn Waiting>> {
        let spinner = self.0.spinner(format!(
            "Waiting for the browser on {redirect_uri} (Ctrl-C to cancel, gives up after {})",
            duration_words(timeout)
        ))?;
        Some(Box::new(Spinner(spinner)))
    }

    fn detached(&self) -> Box<dyn connect::Events + Send> {
        Box::new(*self)
    }
}

struct Spinner(ProgressBar);

impl Waiting for Spinner {
    fn done(self: Box<Self>) {
        self.0.finish_and_clear();
    }
}

/// One event in words, at the level it deserves (a step done, a note, a warning, a line
/// the user must act on, a -v detail).
fn say(ui: &Ui, event: Event<'_>) {
    match event {
        Event::ClientIdFrom(source) => ui.info(format!("client id from {source}")),
        Event::ClientSecretFrom(source) => ui.info(format!("client secret from {source}")),
        Event::Instance { base, source } => ui.info(format!("instance {base} (from {source})")),
        Event::MetadataRead { issuer } => ui.step(format!("Read the metadata of {issuer}")),
        Event::ScopesUnlisted {
            issuer,
            unlisted,
            supported,
        } => ui.warn(format!(
            "{issuer} does not list {} among its scopes_supported ({}); it may refuse the login with invalid_scope or grant less",
            unlisted.join(", "),
            supported.join(" ")
        )),
        Event::PlainTextStorage { dir, flag } => ui.warn(format!(
            "tokens will be stored in PLAIN TEXT under {} (0600 files), not in the OS keychain{}",
            dir.display(),
            if flag {
                "; this choice is remembered (undo with --keychain)"
            } else {
                " (remembered choice; undo with --keychain)"
            }
        )),
        Event::SandboxStarted { provider, base_url } => ui.info(format!(
            "sandbox: a local emulation of {provider} on {base_url} (no account or credentials needed)"
        )),
        Event::ProtocolChosen { why } => ui.info(why),
        Event::OAuth1NoScopes => ui.info("OAuth 1.0a (as Postiz connects X): no scopes; write access comes from the app's permission setting"),
        Event::RegisteredAppReused {
            instance,
            client_id,
            redirect_uri,
        } => ui.info(format!(
            "using the app registered on {instance} earlier (client id {client_id}, redirect {redirect_uri})"
        )),
        Event::ClientAuth(auth) => ui.debug(format!("client authentication: {auth}")),
        Event::Listener(note) => listener_note(ui, note),
        Event::RedirectUri {
            uri,
            port,
            sandboxed,
            provider,
        } => redirect_line(ui, provider, port, sandboxed, uri),
        Event::PortNotRemembered { port, error } => {
            ui.warn(format!("could not remember port {port}: {error}"))
        }
        Event::SshPaste => ui.info("SSH session without a display: open the URL below on your own machine, then paste here the address the browser ends on (the listener keeps waiting too)"),
        Event::BrowserLauncher { detail } => {
            ui.debug(format!("the browser launcher said: {detail}"))
        }
        Event::FollowingItself { summary, url } => {
            ui.info(format!(
                "no browser could be opened ({summary}); the sandbox approves by itself (--auto-approve), so postiz-connect follows the login URL itself"
            ));
            ui.debug(format!("following {}", crate::redact::url(url)));
        }
        Event::BrowserOpened { url } => {
            ui.step("Opened the browser for the login");
            ui.info(format!("if it did not open, visit:\n  {url}"));
        }
        Event::OpenThisUrl {
            url,
            failure: Some(summary),
        } => ui.action(format!(
            "Could not open a browser: {summary}.\nOpen this URL in a browser to log in (on another machine: run again with --paste):\n  {url}"
        )),
        Event::OpenThisUrl { url, failure: None } => {
            ui.action(format!("Open this URL in a browser to log in:\n  {url}"))
        }
        Event::PasteRequested => ui.action(
            "Then paste the URL the browser ended on (or just the code) and press Enter:",
        ),
        Event::CallbackReceived { oauth1: true } => {
            ui.step("Verifier received (for this login's request token)")
        }
        Event::CallbackReceived { oauth1: false } => {
            ui.step("Received the authorization code (state verified)")
        }
        Event::SandboxConsentPage { url } => ui.warn(format!(
            "the sandbox shows its consent page at {} instead of approving by itself: it was started without --auto-approve. Approve in a browser at the URL above, or restart it with `postiz-connect sandbox --auto-approve` (still waiting for the callback)",
            crate::redact::url(url),
        )),
        Event::SandboxEndedElsewhere { url, status } => ui.warn(format!(
            "the sandbox did not send the login back: it ended on {} with HTTP {status} (still waiting for the callback)",
            crate::redact::url(url),
        )),
        Event::FollowFailed { error } => ui.warn(format!(
            "could not follow the login URL: {error} (still waiting for the callback)"
        )),
        Event::AppRegistered {
            instance,
            redirect_uri,
        } => ui.step(format!(
            "Registered an app on {instance} for {redirect_uri} (remembered for next time)"
        )),
        Event::RequestTokenIssued => ui.step("Got a request token for this callback"),
        Event::VerifierExchanged => {
            ui.step("Exchanged the verifier for an access token and secret")
        }
        Event::CodeExchanged => ui.step("Exchanged the code for tokens"),
        Event::LongLived { expires_in } => ui.step(format!(
            "Exchanged the short-lived token for a long-lived one{}",
            expires_in
                .map(|s| format!(" ({})", crate::oauth::token::lifetime_words(s)))
                .unwrap_or_default()
        )),
        Event::ScopesAssumed => ui.info("the provider did not report granted scopes; assuming the requested ones (RFC 6749 §5.1)"),
        Event::AllScopesGranted { granted } => {
            ui.step(format!("All requested scopes granted: {}", granted.join(" ")))
        }
        Event::AccountConfirmed {
            handle,
            source: Some(source),
        } => ui.step(format!("Confirmed the account: {handle} (from the {source})")),
        Event::AccountConfirmed {
            handle,
            source: None,
        } => ui.step(format!("Confirmed the account: {handle}")),
        Event::HeldLoginUsed { account, since } => ui.step(format!(
            "Using the login of {account} from {} (no second browser login)",
            moment(since)
        )),
        Event::TargetChosen { kind, name, id } => {
            ui.step(format!("Chose the {kind} {name} ({id})"))
        }
        Event::KeptApart {
            kept,
            how,
            stored_as,
        } => ui.warn(format!(
            "{kept} is already stored, connected another way ({how}): it is kept, and this login is stored as {stored_as}; pass --replace to replace it"
        )),
        Event::ReplacedOtherWay { channel, how } => ui.warn(format!(
            "replaced {channel}, which was connected another way ({how}) (--replace)"
        )),
        Event::NothingStored(revocation) => {
            let note = match revocation {
                Revocation::Revoked => "the tokens it issued were revoked".to_string(),
                Revocation::NoEndpoint => "the server has no revocation endpoint, so the tokens it issued stay valid until they expire; revoke the app's access in your account settings there".into(),
                Revocation::Failed(e) => format!("revoking the tokens it issued failed too ({e}); revoke the app's access in your account settings there"),
            };
            ui.warn(format!("Nothing was stored: {note}"));
        }
        Event::SandboxNothingToRevoke { channel } => ui.info(format!(
            "{channel} is a sandbox channel: nothing to revoke at a provider"
        )),
        Event::KeptAfterFailedRevocation { channel } => ui.warn(format!(
            "{channel} was kept: revoking at the provider failed. To delete it here anyway: postiz-connect logout {} --local-only",
            shell_word(channel)
        )),
        Event::NoRevocationEndpoint { provider } => ui.warn(format!(
            "{provider} has no revocation endpoint: the tokens stay valid at the provider until they expire; revoke the app's access in the provider's account settings"
        )),
    }
}

/// What the loopback listener noticed while waiting.
fn listener_note(ui: &Ui, note: &Note) {
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
}

/// The redirect URI line: whether it must be registered, and for a provider that compares
/// the port, how to make it the same every run.
fn redirect_line(ui: &Ui, p: &Provider, port: Port, sandboxed: bool, redirect_uri: &str) {
    let exact = p.loopback_port == Some(LoopbackPort::Exact);
    match port {
        _ if sandboxed => ui.info(format!(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect::Events;
    use crate::providers::Catalog;
    use console::strip_ansi_codes;

    /// What `story` tells a terminal of verbosity `verbose`: (stdout, stderr).
    fn said(verbose: u8, story: fn(&dyn Events)) -> (String, String) {
        let (ui, captured) = Ui::capture();
        story(&Terminal(Ui { verbose, ..ui }));
        (
            strip_ansi_codes(&captured.stdout()).into_owned(),
            strip_ansi_codes(&captured.stderr()).into_owned(),
        )
    }

    /// A few events, as the connect service hands them over.
    fn story(events: &dyn Events) {
        let catalog = Catalog::embedded();
        let granted = vec!["openid".to_string(), "profile".to_string()];
        events.event(Event::CodeExchanged);
        events.event(Event::AllScopesGranted { granted: &granted });
        events.event(Event::ClientAuth("client_secret_post"));
        events.event(Event::RedirectUri {
            uri: "http://127.0.0.1:8123/callback",
            port: Port::Given(8123),
            sandboxed: false,
            provider: catalog.get("linkedin").unwrap(),
        });
        events.event(Event::NothingStored(&Revocation::Revoked));
    }

    /// The connect service's events, in the words the end-to-end tests pin: on stderr,
    /// steps marked ✓, notes •, warnings !, -v details only with -v; nothing on stdout.
    #[test]
    fn connect_events_read_as_the_terminal_lines() {
        let (out, err) = said(0, story);
        assert_eq!(out, "");
        assert_eq!(
            err,
            "✓ Exchanged the code for tokens\n\
             ✓ All requested scopes granted: openid profile\n\
             • redirect URI: http://127.0.0.1:8123/callback (must be registered for this app exactly; port 8123 is remembered for linkedin)\n\
             ! Nothing was stored: the tokens it issued were revoked\n"
        );
        let (_, err) = said(1, story);
        assert!(
            err.contains("debug: client authentication: client_secret_post\n"),
            "{err}"
        );
    }

    /// A terminal that cannot prompt (a capture) says so, and the sandbox follower gets
    /// the same output.
    #[test]
    fn a_captured_terminal_cannot_prompt_and_its_detached_copy_writes_to_the_same_place() {
        let (ui, captured) = Ui::capture();
        let terminal = Terminal(ui);
        assert!(!terminal.can_prompt());
        assert!(terminal
            .waiting("http://127.0.0.1:1/cb", Duration::from_secs(1))
            .is_none());
        terminal
            .detached()
            .event(Event::FollowFailed { error: "refused" });
        assert!(captured
            .stderr()
            .contains("could not follow the login URL: refused (still waiting for the callback)"));
    }
}
