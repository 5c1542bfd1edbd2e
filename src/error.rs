//! The error type every command returns, and the documented exit codes.
//!
//! Each error says what went wrong, why (when the evidence shows it) and what to do.

use std::time::Duration;

pub mod provider;

use crate::http::NetworkError;
use provider::{ProviderError, Stage};

/// Documented exit codes: [`EXIT_CODES`] says what each means, and the table of docs/scripting.md,
/// `--help` and the man pages are generated from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Ok = 0,
    /// Anything not covered below (I/O failure, a store that refused a write).
    Failure = 1,
    /// Bad command line.
    Usage = 2,
    /// Cancelled, denied by the user, or timed out waiting.
    Cancelled = 3,
    /// The provider or the listener rejected the attempt (state mismatch, invalid_grant,
    /// invalid_client, ...).
    Rejected = 4,
    /// The network failed (DNS, refused, timeout, TLS), or the provider is down or
    /// rate-limiting (5xx, 429).
    Network = 5,
    /// Configuration: missing or malformed credentials, redirect URI, keychain.
    Config = 6,
    /// Connected, but required scopes were not granted.
    ScopesMissing = 7,
}

/// Every exit code and what it means, in numeric order: the one source of docs/scripting.md's
/// "Exit codes" table, the `--help` text and the man pages.
pub const EXIT_CODES: [(ExitCode, &str); 8] = [
    (ExitCode::Ok, "success"),
    (
        ExitCode::Failure,
        "other failure (I/O, token store); `status`, `postiz status`, `doctor`: a channel \
         or check has a problem (local `status`: a channel needs reconnecting, or has \
         expired with no way to refresh); `postiz watch`: a connect failed",
    ),
    (
        ExitCode::Usage,
        "usage error (bad flags, unknown provider or channel)",
    ),
    (
        ExitCode::Cancelled,
        "cancelled, denied by the user (`access_denied`), or timed out waiting",
    ),
    (
        ExitCode::Rejected,
        "rejected: state mismatch, `invalid_grant` (a dead grant, whatever the HTTP \
         status), `invalid_scope`, `invalid_client` at the code exchange, ...",
    ),
    (
        ExitCode::Network,
        "network failure: DNS, connection refused, timeout, TLS (each named apart); or \
         the provider is down or rate-limiting (5xx, 429); or a Postiz database, Redis \
         or Temporal that cannot be reached (the message names which; `postiz status` \
         still prints what it read, and `postiz refresh`/`adopt` of a threads or \
         instagram-standalone row still write it, then say the refresh workflow was not \
         started)",
    ),
    (
        ExitCode::Config,
        "configuration: missing or malformed credentials, redirect URI, keychain \
         unavailable; a refresh (or `token`'s automatic refresh) refused with \
         `invalid_client` or `unauthorized_client` (the app's credentials changed); a Postiz database URL, login or database that \
         is not Postiz's",
    ),
    (
        ExitCode::ScopesMissing,
        "connected, but required scopes were not granted",
    ),
];

impl ExitCode {
    /// The order in which a command over several items (channels, rows, checks) picks
    /// the code it exits with, first wins: what needs a person to act (the command
    /// line, the app's configuration, a dead grant, missing scopes, anything else that
    /// failed) before what only needs time (a cancelled wait, the network, a provider
    /// that is down). Retrying cannot fix the first kind, so it must not hide behind
    /// the second.
    pub const PRECEDENCE: [ExitCode; 8] = [
        ExitCode::Usage,
        ExitCode::Config,
        ExitCode::Rejected,
        ExitCode::ScopesMissing,
        ExitCode::Failure,
        ExitCode::Cancelled,
        ExitCode::Network,
        ExitCode::Ok,
    ];

    fn rank(self) -> usize {
        Self::PRECEDENCE
            .iter()
            .position(|c| *c == self)
            .expect("every code has a rank")
    }

    /// Of two outcomes (one per item), the one the run exits with: [`Self::PRECEDENCE`].
    pub fn worst(self, other: ExitCode) -> ExitCode {
        if other.rank() < self.rank() {
            other
        } else {
            self
        }
    }

    /// What the code means ([`EXIT_CODES`]).
    pub fn meaning(self) -> &'static str {
        EXIT_CODES
            .iter()
            .find(|(c, _)| *c == self)
            .map(|(_, m)| *m)
            .expect("every code is documented")
    }
}

/// The exit codes as `--help` and the man pages show them: [`EXIT_CODES`], wrapped, and
/// the rule for a run over several items.
pub fn exit_codes_help() -> String {
    let mut out = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        wrap(&mut out, &format!("  {}  ", code as i32), "     ", meaning);
    }
    wrap(&mut out, "", "", &precedence_sentence());
    out.trim_end().to_string()
}

/// `text` (its backquotes dropped) in lines of at most 88 columns: `first` before the
/// first, `indent` before the others.
fn wrap(out: &mut String, first: &str, indent: &str, text: &str) {
    let mut line = first.to_string();
    for word in text.replace('`', "").split(' ') {
        if line.len() + word.len() > 88 && line.len() > first.len().max(indent.len()) {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.to_string();
        }
        line.push_str(word);
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// docs/scripting.md's "Exit codes" table and the rule below it (tests/it/assets.rs keeps
/// the page in step).
pub fn exit_codes_markdown() -> String {
    let mut out = String::from("| code | meaning |\n|---|---|\n");
    for (code, meaning) in EXIT_CODES {
        out.push_str(&format!("| {} | {meaning} |\n", code as i32));
    }
    out.push('\n');
    out.push_str(&precedence_sentence());
    out.push('\n');
    out
}

fn precedence_sentence() -> String {
    let order: Vec<String> = ExitCode::PRECEDENCE
        .iter()
        .filter(|c| **c != ExitCode::Ok)
        .map(|c| (*c as i32).to_string())
        .collect();
    format!(
        "A command over several channels, rows or checks exits with the code of the failure \
         that most needs a person, in this order: {} (a usage or configuration problem, a \
         dead grant or missing scopes before a transient network failure).",
        order.join(", ")
    )
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Usage(String),

    #[error("{what}")]
    Config { what: String, fix: String },

    #[error("cancelled")]
    Cancelled,

    #[error("timed out after {} waiting for the browser to come back", crate::text::duration_words(*waited))]
    TimedOut { waited: Duration, listener: String },

    #[error("the authorization server refused: {0}")]
    Authorization(ProviderError),

    #[error("{endpoint} refused: {0}", endpoint = .0.stage.endpoint())]
    Token(ProviderError),

    #[error("{what}")]
    Rejected { what: String, fix: String },

    #[error(transparent)]
    Network(#[from] NetworkError),

    #[error("connected {channel}, but {} required scope(s) were not granted: {}", missing.len(), missing.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join(", "))]
    ScopesMissing {
        channel: String,
        missing: Vec<(String, Option<String>)>,
        /// The command that connects the channel again.
        reconnect: String,
    },

    #[error("{what}")]
    Store { what: String, fix: String },

    /// A store of a Postiz deployment (its PostgreSQL or Redis) could not be reached: the
    /// message names which one and the URL (password masked).
    #[error("{what}")]
    Unreachable {
        what: String,
        cause: String,
        fix: String,
    },

    #[error("{0}")]
    Io(#[from] std::io::Error),

    /// An error worded for people, carrying the underlying library's own text, which is
    /// shown only with `-v` (and in `--json`): see [`Error::with_detail`].
    #[error("{error}")]
    Detailed { error: Box<Error>, detail: String },
}

impl Error {
    /// Keep `detail` (a library's raw message: "No default store has been set", "error
    /// sending request: client error (Connect)") for `-v`, behind this error's own words.
    pub fn with_detail(self, detail: impl Into<String>) -> Error {
        Error::Detailed {
            error: Box::new(self),
            detail: detail.into(),
        }
    }

    /// The underlying library's own text, for `-v`: never the first thing a user reads.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Error::Detailed { detail, .. } => Some(detail.as_str()),
            Error::Network(e) => Some(e.detail.as_str()),
            _ => None,
        }
        .filter(|d| !d.trim().is_empty())
    }

    /// How long the provider asked to wait before trying again (`Retry-After` on the
    /// failed answer).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Detailed { error, .. } => error.retry_after(),
            Error::Token(e) => e.retry_after(),
            _ => None,
        }
    }

    /// The exit code for this error: the one table from errors to the documented codes
    /// (docs/scripting.md "Exit codes"). Every command, the start-up and `refresh`'s per-channel
    /// outcomes come here.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Detailed { error, .. } => error.exit_code(),
            Error::Usage(_) => ExitCode::Usage,
            Error::Config { .. } => ExitCode::Config,
            Error::Cancelled | Error::TimedOut { .. } => ExitCode::Cancelled,
            Error::Authorization(e) if e.is_user_decision() => ExitCode::Cancelled,
            // A dead grant is named by its code, whatever the status it came with.
            Error::Token(e) if e.is_dead_grant() => ExitCode::Rejected,
            // A refresh refused for the client's sake (not the grant's): the app's settings
            // need fixing, and reconnecting would not help.
            Error::Token(e) if e.stage == Stage::Refresh && e.is_client_misconfigured() => {
                ExitCode::Config
            }
            Error::Token(e) if e.is_transient() => ExitCode::Network,
            Error::Authorization(_) | Error::Token(_) | Error::Rejected { .. } => {
                ExitCode::Rejected
            }
            Error::Network(_) | Error::Unreachable { .. } => ExitCode::Network,
            Error::ScopesMissing { .. } => ExitCode::ScopesMissing,
            Error::Store { .. } | Error::Io(_) => ExitCode::Failure,
        }
    }

    /// A short, stable identifier for `--json` output.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Detailed { error, .. } => error.kind(),
            Error::Usage(_) => "usage",
            Error::Config { .. } => "config",
            Error::Cancelled => "cancelled",
            Error::TimedOut { .. } => "timeout",
            Error::Authorization(_) => "authorization_error",
            Error::Token(_) => "token_error",
            Error::Rejected { .. } => "rejected",
            Error::Network(_) => "network",
            Error::Unreachable { .. } => "unreachable",
            Error::ScopesMissing { .. } => "scopes_missing",
            Error::Store { .. } => "store",
            Error::Io(_) => "io",
        }
    }

    /// The provider's error code, when there is one (`invalid_grant`, ...).
    pub fn provider_code(&self) -> Option<&str> {
        match self {
            Error::Detailed { error, .. } => error.provider_code(),
            Error::Authorization(e) | Error::Token(e) => e.code.as_deref(),
            _ => None,
        }
    }

    /// Why it probably happened, from the evidence collected.
    pub fn cause(&self) -> Option<String> {
        match self {
            Error::Detailed { error, .. } => error.cause(),
            Error::Authorization(e) | Error::Token(e) => Some(e.explain().cause),
            Error::Network(e) => Some(e.cause()),
            Error::Unreachable { cause, .. } => Some(cause.clone()),
            Error::TimedOut { listener, .. } => Some(format!(
                "no valid callback reached {listener}: the browser was not opened, the login was \
                 not finished, or the provider redirected somewhere else"
            )),
            Error::ScopesMissing { missing, .. } => Some(
                missing
                    .iter()
                    .map(|(scope, purpose)| match purpose {
                        Some(p) => format!("{scope}: needed to {p}"),
                        None => scope.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            _ => None,
        }
    }

    /// What to do about it (None when the message itself already says it).
    pub fn fix(&self) -> Option<String> {
        match self {
            Error::Detailed { error, .. } => error.fix(),
            Error::Config { fix, .. }
            | Error::Rejected { fix, .. }
            | Error::Store { fix, .. }
            | Error::Unreachable { fix, .. } => Some(fix.clone()).filter(|f| !f.trim().is_empty()),
            Error::Authorization(e) | Error::Token(e) => Some(e.explain().fix),
            Error::Network(e) => Some(e.fix()),
            Error::TimedOut { .. } => Some(
                "run the command again and finish the login in the browser; on a machine whose \
                 browser cannot reach this one (SSH, containers) add --paste; raise the limit \
                 with --browser-timeout"
                    .into(),
            ),
            Error::ScopesMissing { reconnect, .. } => Some(format!(
                "connect again and approve every permission ({reconnect}); if the \
                 consent screen does not offer a scope, enable it for the app in the provider's \
                 console"
            )),
            Error::Cancelled => Some("run the command again when ready".into()),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{NetworkError, NetworkKind};

    fn token(stage: Stage, status: u16, body: &str) -> Error {
        Error::Token(ProviderError::from_response(stage, status, body.as_bytes()))
    }

    /// The whole table, against docs/scripting.md "Exit codes".
    #[test]
    fn every_error_maps_to_its_documented_exit_code() {
        let network = |kind| {
            Error::Network(NetworkError {
                kind,
                origin: "https://x.test".into(),
                detail: String::new(),
            })
        };
        let cases: Vec<(Error, ExitCode)> = vec![
            (Error::Usage("bad flag".into()), ExitCode::Usage),
            (
                Error::Config {
                    what: "no client id".into(),
                    fix: String::new(),
                },
                ExitCode::Config,
            ),
            (Error::Cancelled, ExitCode::Cancelled),
            (
                Error::TimedOut {
                    waited: Duration::from_secs(1),
                    listener: "127.0.0.1:5".into(),
                },
                ExitCode::Cancelled,
            ),
            (
                Error::Authorization(ProviderError::from_callback("access_denied", None)),
                ExitCode::Cancelled,
            ),
            (
                Error::Authorization(ProviderError::from_callback("invalid_scope", None)),
                ExitCode::Rejected,
            ),
            (
                token(Stage::Token, 400, r#"{"error":"invalid_grant"}"#),
                ExitCode::Rejected,
            ),
            (
                token(Stage::Token, 401, r#"{"error":"invalid_client"}"#),
                ExitCode::Rejected,
            ),
            (
                token(Stage::Refresh, 400, r#"{"error":"invalid_grant"}"#),
                ExitCode::Rejected,
            ),
            (
                token(Stage::Refresh, 401, r#"{"error":"invalid_client"}"#),
                ExitCode::Config,
            ),
            (
                token(Stage::Refresh, 400, r#"{"error":"unauthorized_client"}"#),
                ExitCode::Config,
            ),
            (token(Stage::Token, 503, "<html></html>"), ExitCode::Network),
            (
                token(Stage::Refresh, 500, r#"{"error":"invalid_grant"}"#),
                ExitCode::Rejected,
            ),
            (token(Stage::Refresh, 429, ""), ExitCode::Network),
            (
                token(Stage::Token, 400, r#"{"error":"temporarily_unavailable"}"#),
                ExitCode::Network,
            ),
            (
                Error::Rejected {
                    what: "state mismatch".into(),
                    fix: String::new(),
                },
                ExitCode::Rejected,
            ),
            (network(NetworkKind::Dns), ExitCode::Network),
            (network(NetworkKind::Tls), ExitCode::Network),
            (network(NetworkKind::TooLarge), ExitCode::Network),
            (
                Error::Unreachable {
                    what: "redis".into(),
                    cause: String::new(),
                    fix: String::new(),
                },
                ExitCode::Network,
            ),
            (
                Error::ScopesMissing {
                    channel: "x".into(),
                    missing: vec![("a".into(), None)],
                    reconnect: String::new(),
                },
                ExitCode::ScopesMissing,
            ),
            (
                Error::Store {
                    what: "disk".into(),
                    fix: String::new(),
                },
                ExitCode::Failure,
            ),
            (Error::Io(std::io::Error::other("x")), ExitCode::Failure),
            (
                Error::Usage("u".into()).with_detail("library words"),
                ExitCode::Usage,
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.exit_code(), code, "{error:?}");
        }
        let documented = [
            (ExitCode::Ok, 0),
            (ExitCode::Failure, 1),
            (ExitCode::Usage, 2),
            (ExitCode::Cancelled, 3),
            (ExitCode::Rejected, 4),
            (ExitCode::Network, 5),
            (ExitCode::Config, 6),
            (ExitCode::ScopesMissing, 7),
        ];
        let help = exit_codes_help();
        for (code, number) in documented {
            assert_eq!(code as i32, number);
            assert!(help.contains(&format!("  {number}  ")), "{number}");
            assert!(!code.meaning().is_empty());
        }
    }

    /// A run with a dead grant (4) and an unreachable provider (5) exits 4: what needs a
    /// person wins over what needs time, whichever came first.
    #[test]
    fn a_run_exits_with_the_failure_that_most_needs_a_person() {
        use ExitCode::*;
        for (a, b, expected) in [
            (Rejected, Network, Rejected),
            (Config, Network, Config),
            (ScopesMissing, Network, ScopesMissing),
            (Failure, Network, Failure),
            (Config, Rejected, Config),
            (Rejected, ScopesMissing, Rejected),
            (Cancelled, Network, Cancelled),
            (Ok, Network, Network),
            (Ok, Failure, Failure),
            (Usage, Config, Usage),
            (Ok, Ok, Ok),
        ] {
            assert_eq!(a.worst(b), expected, "{a:?} {b:?}");
            assert_eq!(b.worst(a), expected, "{b:?} {a:?}");
        }
        // Every code has exactly one place in the order.
        for (code, _) in EXIT_CODES {
            assert_eq!(
                ExitCode::PRECEDENCE.iter().filter(|c| **c == code).count(),
                1
            );
        }
        assert!(exit_codes_help().contains("in this order: 2, 6, 4, 7, 1, 3, 5"));
    }
}
