//! What the connect service tells its caller while it works, as data: the command turns
//! each [`Event`] into words (`commands::events`), and answers the one question a login
//! may ask (which page to post to). The service itself never prints.

use std::path::Path;
use std::time::Duration;

use crate::error::Error;
use crate::oauth::listener::Note;
use crate::providers::Provider;

/// One thing that happened during a connect (or a probe's credential lookup).
#[derive(Debug)]
pub enum Event<'a> {
    /// Where the client id was read (a flag, a `.env` file, the environment).
    ClientIdFrom(&'a str),
    ClientSecretFrom(&'a str),
    /// The instance URL of a provider that has one, and where it came from.
    Instance {
        base: &'a str,
        source: &'a str,
    },
    /// `--issuer`'s metadata was read.
    MetadataRead {
        issuer: &'a str,
    },
    /// The issuer does not list some requested scopes among its `scopes_supported`.
    ScopesUnlisted {
        issuer: &'a str,
        unlisted: &'a [String],
        supported: &'a [String],
    },
    /// Tokens go to plain-text files under `dir`; `flag`: chosen now with
    /// `--insecure-storage` (else remembered).
    PlainTextStorage {
        dir: &'a Path,
        flag: bool,
    },
    /// `--sandbox` started a local emulation of the provider.
    SandboxStarted {
        provider: &'a str,
        base_url: &'a str,
    },
    /// Why OAuth 1.0a or 2.0 was chosen for a provider that speaks both.
    ProtocolChosen {
        why: &'a str,
    },
    /// OAuth 1.0a was chosen: no scopes are requested.
    OAuth1NoScopes,
    /// An app registered on the instance earlier is reused.
    RegisteredAppReused {
        instance: &'a str,
        client_id: &'a str,
        redirect_uri: &'a str,
    },
    /// How the client authenticates at the token endpoint.
    ClientAuth(&'a str),
    /// What the loopback listener noticed while waiting.
    Listener(&'a Note),
    /// The redirect URI in use, and where its port came from.
    RedirectUri {
        uri: &'a str,
        port: Port,
        sandboxed: bool,
        provider: &'a Provider,
    },
    /// The bound port could not be remembered for next time.
    PortNotRemembered {
        port: u16,
        error: &'a Error,
    },
    /// Over SSH with no display: the paste-back is offered at once.
    SshPaste,
    /// What the browser launcher said when it failed (for -v).
    BrowserLauncher {
        detail: &'a str,
    },
    /// No browser, but the sandbox approves by itself: the tool follows `url` itself.
    FollowingItself {
        summary: &'a str,
        url: &'a str,
    },
    /// The browser was opened on `url`.
    BrowserOpened {
        url: &'a str,
    },
    /// The user must open `url`; `failure`: why no browser was opened, if one was tried.
    OpenThisUrl {
        url: &'a str,
        failure: Option<&'a str>,
    },
    /// The user is asked to paste the address the browser ended on.
    PasteRequested,
    /// The callback arrived and was verified.
    CallbackReceived {
        oauth1: bool,
    },
    /// The sandbox, followed by the tool, showed its consent page at `url`.
    SandboxConsentPage {
        url: &'a str,
    },
    /// The sandbox, followed by the tool, ended on `url` with HTTP `status`.
    SandboxEndedElsewhere {
        url: &'a str,
        status: u16,
    },
    /// Following the sandbox's login URL failed.
    FollowFailed {
        error: &'a str,
    },
    /// An app was registered on the instance for this redirect URI.
    AppRegistered {
        instance: &'a str,
        redirect_uri: &'a str,
    },
    /// OAuth 1.0a: a request token was issued for the callback.
    RequestTokenIssued,
    /// OAuth 1.0a: the verifier was exchanged.
    VerifierExchanged,
    /// The code was exchanged for tokens.
    CodeExchanged,
    /// The short-lived token was exchanged for a long-lived one (`expires_in` seconds).
    LongLived {
        expires_in: Option<u64>,
    },
    /// The provider reported no granted scopes; the requested ones are assumed.
    ScopesAssumed,
    /// Every requested scope was granted.
    AllScopesGranted {
        granted: &'a [String],
    },
    /// Whose account the tokens are for (`source`: where the name came from, if said).
    AccountConfirmed {
        handle: &'a str,
        source: Option<&'a str>,
    },
    /// A held login is completed with the target chosen now.
    HeldLoginUsed {
        account: &'a str,
        since: chrono::DateTime<chrono::Utc>,
    },
    /// The page, channel or blog the channel posts to.
    TargetChosen {
        kind: &'a str,
        name: &'a str,
        id: &'a str,
    },
    /// A channel connected another way is kept, and this login stored as `stored_as`.
    KeptApart {
        kept: &'a str,
        how: &'a str,
        stored_as: &'a str,
    },
    /// A channel connected another way was replaced (`--replace`).
    ReplacedOtherWay {
        channel: &'a str,
        how: &'a str,
    },
    /// A login that could not be stored: what became of the tokens it issued.
    NothingStored(&'a Revocation),
    /// `logout` of a sandbox channel: no provider to revoke at.
    SandboxNothingToRevoke {
        channel: &'a str,
    },
    /// `logout`: revoking failed, so the channel was kept.
    KeptAfterFailedRevocation {
        channel: &'a str,
    },
    /// `logout`: the provider has no revocation endpoint; its tokens stay valid.
    NoRevocationEndpoint {
        provider: &'a str,
    },
}

/// What became of the tokens of a login that could not be stored.
#[derive(Debug)]
pub enum Revocation {
    Revoked,
    /// The server has no revocation endpoint.
    NoEndpoint,
    Failed(Error),
}

/// The caller of the connect service: it hears the events and answers the questions.
pub trait Events: Sync {
    /// Something happened.
    fn event(&self, event: Event<'_>);

    /// A person is there to answer a question.
    fn can_prompt(&self) -> bool;

    /// Which of `items` the page (channel, blog) of kind `kind` is; the index.
    fn choose_target(&self, kind: &str, items: &[String]) -> Result<usize, Error>;

    /// The browser is awaited on `redirect_uri` for at most `timeout`; the returned
    /// guard is dropped when the wait ends (a spinner, for a terminal).
    fn waiting(&self, redirect_uri: &str, timeout: Duration) -> Option<Box<dyn Waiting>>;

    /// The same caller for a thread that may outlive this borrow (the sandbox follower).
    fn detached(&self) -> Box<dyn Events + Send>;
}

/// Something shown while the browser is awaited, cleared by [`Waiting::done`].
pub trait Waiting {
    fn done(self: Box<Self>);
}

/// A caller that hears nothing and cannot be asked (tests, probes run quietly).
pub struct Silent;

impl Events for Silent {
    fn event(&self, _: Event<'_>) {}
    fn can_prompt(&self) -> bool {
        false
    }
    fn choose_target(&self, _: &str, _: &[String]) -> Result<usize, Error> {
        Err(Error::Cancelled)
    }
    fn waiting(&self, _: &str, _: Duration) -> Option<Box<dyn Waiting>> {
        None
    }
    fn detached(&self) -> Box<dyn Events + Send> {
        Box::new(Silent)
    }
}

/// Where the redirect URI's port comes from; it decides what the redirect URI line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Port {
    /// `--port` (remembered for the provider, unless any port works).
    Given(u16),
    /// The last `--port` given for this provider.
    Remembered(u16),
    /// A redirect URI given whole: `--redirect-uri`, or an app registered earlier.
    Uri,
    /// An app is registered on the instance for whatever port the listener gets.
    Registration,
    /// A random free port (RFC 8252 §7.3).
    Random,
}
