//! Dynamic client registration (Mastodon's POST /api/v1/apps): a new client id and
//! secret, known to the authorization and token endpoints from then on.

use serde_json::json;

use super::fixtures::random_token;
use super::http::{Incoming, Reply};
use super::state::State;

/// Dynamic client registration (Mastodon's POST /api/v1/apps).
pub(super) fn register(incoming: &Incoming, state: &mut State) -> Reply {
    let p = &incoming.params;
    let Some(redirect) = p.get("redirect_uris").filter(|r| !r.is_empty()) else {
        return Reply::json(
            422,
            json!({"error": "Validation failed: Redirect URI must be an absolute URI."}),
        );
    };
    if p.get("client_name").is_none_or(|n| n.is_empty()) {
        return Reply::json(
            422,
            json!({"error": "Validation failed: Application name can't be blank"}),
        );
    }
    let id = random_token("app");
    let secret = random_token("appsecret");
    state.registered.insert(id.clone(), secret.clone());
    Reply::json(
        200,
        json!({"id": "1", "name": p["client_name"], "redirect_uri": redirect, "client_id": id, "client_secret": secret}),
    )
}
