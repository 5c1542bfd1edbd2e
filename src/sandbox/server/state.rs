//! What the emulator remembers between requests: pending consents, authorization codes,
//! grants and the tokens issued for them, registered clients. One value behind one
//! mutex; every endpoint works on it under the lock.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use super::oauth1;

/// An authorization request, from the authorize endpoint to its code's exchange.
#[derive(Clone)]
pub(super) struct AuthRequest {
    pub redirect_uri: String,
    pub state: Option<String>,
    pub scopes: Vec<String>,
    /// The `scope` parameter as it was sent (what `{scopes}` must equal later).
    pub scope_raw: String,
    pub challenge: Option<String>,
    /// Parameters added to the callback and required back (VK's `device_id`).
    pub extra: Vec<(String, String)>,
}

pub(super) struct CodeGrant {
    pub request: AuthRequest,
    pub used: bool,
    pub family: u64,
}

/// What a token stands for: its scopes and its family (every token issued from one
/// authorization, revoked together).
#[derive(Clone, Default)]
pub(super) struct Grant {
    pub scopes: Vec<String>,
    pub family: u64,
    /// Callback parameters the refresh must carry again (VK's device_id).
    pub extra: Vec<(String, String)>,
    /// The authorization request's `scope` and redirect URI, for refresh parameters that
    /// must repeat them (Pinterest's `scope` and `redirect_uri`, VK's `scope`).
    pub scope_raw: String,
    pub redirect_uri: String,
}

#[derive(Default)]
pub(super) struct State {
    /// Consent pages shown and not yet answered: id → request.
    pub pending: HashMap<String, AuthRequest>,
    pub codes: HashMap<String, CodeGrant>,
    pub refresh: HashMap<String, Grant>,
    /// Rotated refresh tokens already spent → their family.
    pub spent_refresh: HashMap<String, u64>,
    /// Access token → (expiry, family).
    pub access: HashMap<String, (Instant, u64)>,
    pub revoked_families: HashSet<u64>,
    pub next_family: u64,
    pub token_requests: u32,
    /// Clients registered through the registration endpoint: id → secret.
    pub registered: HashMap<String, String>,
    /// Short-lived tokens not yet exchanged for long-lived ones (Meta).
    pub short_lived: HashMap<String, Grant>,
    /// Scopes of each access token, for the granted-scopes endpoint.
    pub access_scopes: HashMap<String, Vec<String>>,
    pub oauth1: oauth1::State,
}

impl State {
    /// Whether `token` is an access token that has neither expired nor been revoked.
    pub(super) fn live_token(&self, token: &str) -> bool {
        matches!(self.access.get(token), Some((expiry, family)) if *expiry > Instant::now() && !self.revoked_families.contains(family))
    }
}
