//! A local emulator of a provider's OAuth endpoints on 127.0.0.1, driven by the same
//! catalog entry the real connection uses (scope separator, PKCE rule, client
//! authentication, identity shape), with a consent page a person can click, an
//! auto-approve mode for scripts, and fault injection. It lets a new user try the whole
//! flow with no credentials, and it is a fixture for tests.

mod faults;
mod server;

use std::sync::Arc;
use std::thread::JoinHandle;

pub use faults::Fault;

use crate::error::Error;
use crate::oauth::flow::{ClientCredentials, Endpoints};
use crate::providers::{ClientAuth, Provider};

pub const CLIENT_ID: &str = "sandbox-client";
pub const CLIENT_SECRET: &str = "sandbox-secret";
/// The account that "logs in" to the sandbox.
pub const ACCOUNT: &str = "sandbox-user";

/// How the emulator behaves.
#[derive(Debug, Clone)]
pub struct Config {
    pub provider: Provider,
    pub auto_approve: bool,
    pub faults: Vec<Fault>,
    /// Access-token lifetime in seconds.
    pub access_ttl: u64,
}

/// A running sandbox; stops when dropped.
pub struct Sandbox {
    server: Arc<tiny_http::Server>,
    base: String,
    config: Config,
    worker: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Listen on 127.0.0.1:`port` (0: any free port) and serve in the background.
    pub fn start(config: Config, port: u16) -> Result<Sandbox, Error> {
        let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| Error::Config {
            what: format!("cannot start the sandbox on 127.0.0.1:{port}: {e}"),
            fix: "pick another --port".into(),
        })?;
        let addr = server
            .server_addr()
            .to_ip()
            .expect("a TCP listener has an IP address");
        let server = Arc::new(server);
        let base = format!("http://{addr}");
        let worker = server::spawn(Arc::clone(&server), config.clone(), base.clone());
        Ok(Sandbox {
            server,
            base,
            config,
            worker: Some(worker),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The endpoints a client uses to talk to this sandbox.
    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            authorize_url: format!("{}/oauth/authorize", self.base),
            token_url: format!("{}/oauth/token", self.base),
            revoke_url: Some(format!("{}/oauth/revoke", self.base)),
            userinfo_url: Some(format!("{}/identity", self.base)),
            issuer: None,
            require_iss: false,
        }
    }

    /// The sandbox's client, authenticating the way the provider's catalog entry says.
    pub fn client(&self) -> ClientCredentials {
        let public = self.config.provider.client_auth == ClientAuth::None;
        ClientCredentials {
            id: CLIENT_ID.into(),
            secret: (!public).then(|| oauth2::ClientSecret::new(CLIENT_SECRET.into())),
            auth: self.config.provider.client_auth,
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}
