//! The emulator: a tiny_http server on 127.0.0.1 whose worker serves each request on a
//! thread of its own, routing it by path to the endpoint that plays the provider's part.
//!
//! - `http`: requests in (query, form, JSON, multipart) and replies out;
//! - `state`: what the server remembers (consents, codes, grants, tokens);
//! - `authorize`: the authorization endpoint and its consent page;
//! - `token`: the token endpoint, refresh, Meta's long-lived exchange, revocation;
//! - `resources`: what a token opens (identity, granted scopes, page lists);
//! - `registration`: dynamic client registration (Mastodon);
//! - `fixtures`: the made-up account, its JSON shapes and fresh random tokens;
//! - `oauth1`: the OAuth 1.0a endpoints (X as Postiz uses it).

mod authorize;
mod fixtures;
mod http;
mod oauth1;
mod registration;
mod resources;
mod state;
mod token;

use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use super::client::{client_for, endpoints_of, rewrite, CLIENT_ID};
use super::config::Config;
use super::faults::Fault;
use crate::error::Error;
use crate::model::{ClientCredentials, Endpoints};
use crate::providers::{Provider, RefreshStyle};
use http::{Incoming, Reply};
use state::State;

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
        let worker = spawn(Arc::clone(&server), config.clone(), base.clone());
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

    /// The provider's catalog entry with every URL pointing at this sandbox.
    pub fn provider(&self) -> Provider {
        rewrite(&self.config.provider, &self.base)
    }

    /// The endpoints a client uses to talk to this sandbox.
    pub fn endpoints(&self) -> Endpoints {
        endpoints_of(&self.provider())
    }

    /// The sandbox's client, authenticating the way the provider's catalog entry says.
    pub fn client(&self) -> ClientCredentials {
        client_for(&self.config.provider)
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

fn spawn(server: Arc<tiny_http::Server>, config: Config, base: String) -> JoinHandle<()> {
    let state = Arc::new(Mutex::new(State::default()));
    let config = Arc::new(config);
    thread::spawn(move || {
        while let Ok(request) = server.recv() {
            let (state, config, base) = (Arc::clone(&state), Arc::clone(&config), base.clone());
            // One thread per request, so a slow fault does not stall the others.
            thread::spawn(move || serve(request, &state, &config, &base));
        }
    })
}

fn serve(mut request: tiny_http::Request, state: &Mutex<State>, config: &Config, base: &str) {
    let incoming = http::read(&mut request);
    let reply = {
        let mut state = state.lock().expect("sandbox state");
        route(&incoming, &mut state, config, base)
    };
    for fault in &config.faults {
        if let Fault::Slow(delay) = fault {
            thread::sleep(*delay);
        }
    }
    http::respond(request, reply);
}

/// The endpoint for a request's path (and method).
fn route(incoming: &Incoming, st: &mut State, config: &Config, base: &str) -> Reply {
    let path = incoming.path();
    let provider = &config.provider;
    match path {
        "/oauth/authorize" if !incoming.post => {
            authorize::authorize(&incoming.params, st, config, base)
        }
        "/oauth/consent" if incoming.post => authorize::consent(&incoming.params, st, config),
        "/oauth/refresh" if provider.refresh.style == RefreshStyle::AccessToken => {
            token::long_lived(incoming, st, config)
        }
        "/oauth/token" | "/oauth/refresh" => token::token(incoming, st, config),
        "/oauth/long-lived" => token::long_lived(incoming, st, config),
        "/oauth/revoke" if incoming.post => token::revoke(&incoming.params, st),
        "/scopes" => resources::granted_scopes(incoming, st, config),
        "/pages" | "/pages/parents" => resources::pages(incoming, path, st, config, base),
        more if more.starts_with("/pages/more/") => {
            resources::more_pages(incoming, more, st, config)
        }
        "/register" | "/api/v1/apps" if incoming.post => registration::register(incoming, st),
        "/oauth1/request_token"
        | "/oauth1/authorize"
        | "/oauth1/access_token"
        | "/oauth1/invalidate_token" => {
            oauth1::handle(path, incoming, &mut st.oauth1, config, base)
        }
        "/identity" | "/api/v1/accounts/verify_credentials" => {
            match provider.identity.client_id_header.as_deref() {
                // The provider wants its client id on identity calls (Twitch's Client-Id).
                Some(name) if incoming.header(name) != Some(CLIENT_ID) => Reply::oauth_error(
                    401,
                    "invalid_client",
                    "the identity call must carry the client id header",
                ),
                _ => resources::identity(incoming, st, config),
            }
        }
        _ => Reply::not_found(),
    }
}
