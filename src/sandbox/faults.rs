//! Faults the sandbox can inject, named as on the command line.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The authorize endpoint refuses the redirect URI with an error page (no redirect).
    RedirectMismatch,
    /// The user clicks Cancel: redirect back with `error=access_denied`.
    AccessDenied,
    /// The token endpoint answers `invalid_grant`.
    InvalidGrant,
    /// The token endpoint answers 401 `invalid_client`.
    InvalidClient,
    /// The user unticks the last requested scope.
    ScopeDowngrade,
    /// Every response waits this long.
    Slow(Duration),
    /// The first token request gets 429 with `Retry-After: 1`.
    RateLimit,
    /// Every token request gets a 503 HTML page from a "proxy".
    ServerError,
    /// Refresh tokens rotate: each is single use, and reuse revokes the grant.
    RotateRefresh,
    /// Access tokens live 5 seconds.
    ExpireFast,
    /// The redirect back carries no `state`.
    StateDrop,
}

pub const NAMES: &str = "redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop";

impl FromStr for Fault {
    type Err = String;

    fn from_str(s: &str) -> Result<Fault, String> {
        Ok(match s.trim() {
            "redirect-mismatch" => Fault::RedirectMismatch,
            "access-denied" => Fault::AccessDenied,
            "invalid-grant" => Fault::InvalidGrant,
            "invalid-client" => Fault::InvalidClient,
            "scope-downgrade" => Fault::ScopeDowngrade,
            "rate-limit" => Fault::RateLimit,
            "server-error" => Fault::ServerError,
            "rotate-refresh" => Fault::RotateRefresh,
            "expire-fast" => Fault::ExpireFast,
            "state-drop" => Fault::StateDrop,
            other => match other.strip_prefix("slow:") {
                Some(ms) => Fault::Slow(Duration::from_millis(ms.parse().map_err(|_| {
                    format!("slow:<ms> needs a number of milliseconds, not '{ms}'")
                })?)),
                None => return Err(format!("unknown fault '{other}'; known: {NAMES}")),
            },
        })
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::RedirectMismatch => write!(f, "redirect-mismatch"),
            Fault::AccessDenied => write!(f, "access-denied"),
            Fault::InvalidGrant => write!(f, "invalid-grant"),
            Fault::InvalidClient => write!(f, "invalid-client"),
            Fault::ScopeDowngrade => write!(f, "scope-downgrade"),
            Fault::Slow(d) => write!(f, "slow:{}", d.as_millis()),
            Fault::RateLimit => write!(f, "rate-limit"),
            Fault::ServerError => write!(f, "server-error"),
            Fault::RotateRefresh => write!(f, "rotate-refresh"),
            Fault::ExpireFast => write!(f, "expire-fast"),
            Fault::StateDrop => write!(f, "state-drop"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in NAMES.split(", ") {
            let name = name.replace("<ms>", "250");
            let fault: Fault = name.parse().unwrap();
            assert_eq!(fault.to_string(), name);
        }
        assert!("slow:soon".parse::<Fault>().is_err());
        assert!("meteor".parse::<Fault>().unwrap_err().contains("known"));
    }
}
