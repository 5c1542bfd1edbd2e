//! What every part of the connect service works with: the terminal, the store, one HTTP
//! client, the process environment; and what a finished login is.

use std::time::Duration;

use crate::error::Error;
use crate::http::HttpClient;
use crate::store::{Channel, Store};
use crate::ui::Ui;

/// How long one HTTP call of a connect may take.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(30);

/// What the connect service works with.
pub struct Services<'a> {
    pub ui: Ui,
    pub store: &'a Store,
    pub http: HttpClient,
}

impl<'a> Services<'a> {
    pub fn new(ui: Ui, store: &'a Store) -> Services<'a> {
        Services {
            ui,
            store,
            http: HttpClient::new(HTTP_TIMEOUT, ui.verbose > 0),
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
