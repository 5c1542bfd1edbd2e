//! What a connect is asked to do, as the service takes it: built by the command from
//! the command line (`cli::ConnectArgs::options`), so the service never reads clap's
//! types, and a test builds one directly.

use std::path::PathBuf;
use std::time::Duration;

use crate::providers::ClientAuth;
use crate::sandbox::Fault;
use crate::secret::Secret;

/// Which client and which endpoints: a connect's, and doctor's probes'.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    pub client_id: Option<String>,
    pub client_secret: Option<Secret>,
    pub client_auth: Option<ClientAuth>,
    /// A Postiz `.env` to read the credentials from, before the environment.
    pub env_file: Option<PathBuf>,
    /// The provider's instance, for providers that run on many hosts (Mastodon).
    pub instance: Option<String>,
    /// An OpenID Connect / RFC 8414 issuer whose metadata gives the endpoints.
    pub issuer: Option<String>,
    pub auth_url: Option<String>,
    pub token_url: Option<String>,
    pub userinfo_url: Option<String>,
    pub revoke_url: Option<String>,
    /// A sandbox already running (`postiz-connect sandbox`), at this URL.
    pub sandbox_at: Option<String>,
}

/// One connect: the client, the login, the redirect, the storage, the sandbox.
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    pub client: ClientOptions,
    /// Scopes instead of the provider's defaults (space or comma separated).
    pub scopes: Option<String>,
    /// Two-step providers: the page, channel, blog or location, by id or name.
    pub page: Option<String>,
    /// The account named by the user.
    pub account: Option<String>,
    /// Replace a stored channel of the same name connected another way.
    pub replace: bool,
    pub oauth1: bool,
    pub oauth2: bool,
    pub port: Option<u16>,
    pub redirect_uri: Option<String>,
    pub no_browser: bool,
    pub paste: bool,
    /// How long the browser is awaited.
    pub timeout: Duration,
    pub insecure_storage: bool,
    pub keychain: bool,
    /// Start a local emulation of the provider and connect against it.
    pub sandbox: bool,
    /// The sandbox approves by itself.
    pub auto_approve: bool,
    pub faults: Vec<Fault>,
}

impl ConnectOptions {
    /// The flags that say which app, endpoints and account a connection used, to connect
    /// the same way again; never a secret (a client secret comes from the environment or
    /// the .env file again).
    pub fn reconnect_args(&self) -> Vec<String> {
        let c = &self.client;
        let mut args = Vec::new();
        let mut push = |flag: &str, value: Option<&str>| {
            if let Some(value) = value {
                args.push(format!("--{flag}"));
                args.push(value.to_string());
            }
        };
        push("client-id", c.client_id.as_deref());
        push("client-auth", c.client_auth.map(|a| a.as_str()));
        let env_file = c.env_file.as_ref().map(|p| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        });
        push("env-file", env_file.as_deref());
        push("instance", c.instance.as_deref());
        push("issuer", c.issuer.as_deref());
        push("auth-url", c.auth_url.as_deref());
        push("token-url", c.token_url.as_deref());
        push("userinfo-url", c.userinfo_url.as_deref());
        push("revoke-url", c.revoke_url.as_deref());
        push("sandbox-at", c.sandbox_at.as_deref());
        push("scopes", self.scopes.as_deref());
        push("account", self.account.as_deref());
        let port = self.port.map(|p| p.to_string());
        push("port", port.as_deref());
        push("redirect-uri", self.redirect_uri.as_deref());
        for (flag, on) in [
            ("oauth1", self.oauth1),
            ("paste", self.paste),
            ("sandbox", self.sandbox),
            ("auto-approve", self.auto_approve),
        ] {
            if on {
                args.push(format!("--{flag}"));
            }
        }
        args
    }
}
