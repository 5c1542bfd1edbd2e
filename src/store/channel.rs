//! A stored channel in memory: its non-secret metadata, its secrets, and the records
//! kept around a connect (a held two-step login, a registered client). How they are
//! written to disk is `crate::model::record`.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{ClientAuth, Endpoints, RefreshRule, RefreshStyle, Wire};
use crate::providers::identity::Account;
use crate::providers::pages::Choice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    Keychain,
    File,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Keychain => "keychain",
            Backend::File => "file",
        }
    }

    /// The store in words, for messages: "the OS keychain", "the plain-text file store".
    pub fn place(self) -> &'static str {
        match self {
            Backend::Keychain => "the OS keychain",
            Backend::File => "the plain-text file store (0600 files, --insecure-storage)",
        }
    }
}

/// The secrets of one channel. `Debug` never shows them.
#[derive(Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct Secrets {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    pub id_token: Option<String>,
    #[serde(default)]
    pub client_secret: Option<String>,
    /// OAuth 1.0a: the access token's secret.
    #[serde(default)]
    pub token_secret: Option<String>,
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secrets")
            .field("access_token", &"[redacted]")
            .field("has_refresh_token", &self.refresh_token.is_some())
            .field("has_id_token", &self.id_token.is_some())
            .field("has_client_secret", &self.client_secret.is_some())
            .field("has_token_secret", &self.token_secret.is_some())
            .finish()
    }
}

/// What is known about a channel that is not secret.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Channel {
    pub channel: String,
    pub provider: String,
    pub account: Account,
    pub scopes: Vec<String>,
    pub requested_scopes: Vec<String>,
    #[serde(default)]
    pub missing_scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub refresh_expires_at: Option<DateTime<Utc>>,
    pub has_refresh_token: bool,
    pub store: Backend,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub needs_reconnect: bool,
    /// Connected through the built-in sandbox, not the real provider.
    #[serde(default)]
    pub sandbox: bool,
    pub client_id: String,
    pub client_auth: ClientAuth,
    pub endpoints: Endpoints,
    pub redirect_uri: String,
    /// The token request's shape (form, JSON, multipart...), for refresh.
    #[serde(default)]
    pub wire: Wire,
    #[serde(default)]
    pub refresh: RefreshRule,
    /// Callback parameters the provider wants back on refresh (VK's `device_id`).
    #[serde(default)]
    pub callback_params: BTreeMap<String, String>,
    /// Token-response fields later identity calls need (`{token.open_id}`).
    #[serde(default)]
    pub token_fields: BTreeMap<String, String>,
    /// When the current access token was issued (Meta refuses to refresh young tokens).
    #[serde(default)]
    pub token_issued_at: Option<DateTime<Utc>>,
    /// The page, channel, blog or location this channel posts to (two-step providers).
    #[serde(default)]
    pub page: Option<PageRef>,
    /// OAuth 1.0a channel: the secrets hold a token and token secret, never expiring.
    #[serde(default)]
    pub oauth1: bool,
    /// The flags it was connected with that locate the app and the account (never a
    /// secret), so a "reconnect" hint is a command that works as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connect_args: Vec<String>,
}

impl Channel {
    /// The command that connects this channel again, shell-quoted.
    pub fn reconnect_command(&self) -> String {
        let words = ["postiz-connect", self.provider.as_str()]
            .into_iter()
            .chain(self.connect_args.iter().map(String::as_str));
        shlex::try_join(words).unwrap_or_else(|_| {
            format!(
                "postiz-connect {} {}",
                self.provider,
                self.connect_args.join(" ")
            )
        })
    }

    /// Whether refreshing can renew this channel's tokens at all.
    pub fn can_refresh(&self) -> bool {
        match self.refresh.style {
            RefreshStyle::RefreshToken => self.has_refresh_token,
            RefreshStyle::AccessToken => true,
            RefreshStyle::None => false,
        }
    }
}

/// A client this tool registered on an instance.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RegisteredApp {
    pub instance: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// Registered redirect URIs must match exactly, so later logins reuse this one.
    pub redirect_uri: String,
    pub scopes: Vec<String>,
}

impl fmt::Debug for RegisteredApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegisteredApp")
            .field("instance", &self.instance)
            .field("client_id", &self.client_id)
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// The page chosen under a user's login.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PageRef {
    pub kind: String,
    pub id: String,
    pub name: String,
    /// The channel's token is the page's own (Meta), not the user's.
    pub own_token: bool,
    /// The user who picked it.
    pub user: String,
}

/// A finished login of a two-step provider whose page was not chosen yet (no terminal to
/// ask on): kept for `HELD_FOR`, so `--page ID` right after completes it without a
/// second browser login. Holds the user's tokens and the pages' own: a 0600 file.
#[derive(Clone, Serialize, Deserialize)]
pub struct HeldLogin {
    /// The channel as it would be stored for the user, before a page is applied.
    pub channel: Channel,
    pub secrets: Secrets,
    pub kind: String,
    pub choices: Vec<Choice>,
    pub expires_at: DateTime<Utc>,
}

/// How long a two-step login waits for its page choice.
pub const HELD_FOR: chrono::Duration = chrono::Duration::minutes(10);
