//! Where one connection talks to (its endpoints) and as which client.

use oauth2::ClientSecret;
use serde::{Deserialize, Serialize};

use super::catalog::ClientAuth;

/// The endpoints of one connection, resolved from the catalog, flags or discovery.
/// Stored with the channel so refresh and logout need no flags.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Endpoints {
    pub authorize_url: String,
    pub token_url: String,
    #[serde(default)]
    pub revoke_url: Option<String>,
    #[serde(default)]
    pub userinfo_url: Option<String>,
    /// Set when the server advertises RFC 9207: callbacks must carry this `iss`.
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub require_iss: bool,
    /// RFC 7662 token introspection (names the account when nothing else does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introspection_url: Option<String>,
    /// The server's signing keys, to verify an id_token (OIDC Core §3.1.3.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwks_uri: Option<String>,
}

/// The OAuth client: id, optional secret (redacted in Debug), and how it authenticates.
#[derive(Debug, Clone)]
pub struct ClientCredentials {
    pub id: String,
    pub secret: Option<ClientSecret>,
    pub auth: ClientAuth,
}
