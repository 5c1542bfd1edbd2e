//! What every part of the connect service works with: its caller (who hears the events),
//! the store, one HTTP client, the process environment; and what a finished login is.

use crate::error::Error;
use crate::http::{HttpClient, Network};
use crate::store::{Channel, Store};

use super::events::Events;

/// What the connect service works with.
pub struct Services<'a> {
    pub events: &'a dyn Events,
    pub store: &'a Store,
    pub http: HttpClient,
}

impl<'a> Services<'a> {
    pub fn new(events: &'a dyn Events, store: &'a Store, network: &Network) -> Services<'a> {
        Services {
            events,
            store,
            http: network.client(),
        }
    }
}

/// A lookup of the process environment (a closure in tests).
pub type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A finished login: the stored channel and, when scopes are missing, the error to report
/// after storing it.
pub type Outcome = Result<(Channel, Option<Error>), Error>;
