//! The connect service: `postiz-connect <provider>` from the decision to the stored channel.
//!
//! - [`plan`] decides everything once, before a browser opens: sandbox, protocol,
//!   credentials, endpoints, client authentication, remembered app, redirect, scopes,
//!   storage ([`client`] resolves the app's credentials and endpoints, for doctor too);
//! - [`round_trip`] binds the listener, opens the browser (or asks for a paste) and waits
//!   for the callback;
//! - [`finish`] exchanges the code and turns the answer into a stored channel
//!   ([`target`]: the page, channel or blog a two-step login posts to; [`registration`]:
//!   apps registered on the fly);
//! - [`oauth1`] is the same journey for OAuth 1.0a;
//! - [`report`] tells the browser and the terminal how it ended.

pub mod client;
pub mod finish;
pub mod oauth1;
pub mod plan;
pub mod registration;
pub mod report;
pub mod round_trip;
pub mod target;

use std::time::Duration;

use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::store::{Channel, Store};
use crate::ui::Ui;

pub use plan::{ConnectPlan, LoginPlan};

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

impl ConnectPlan {
    /// Carry the plan out: the login (or the held login's completion), the stored
    /// channel, the report; the exit code.
    pub fn run(self, svc: &Services) -> Result<ExitCode, Error> {
        match self {
            ConnectPlan::CompleteHeld(held) => target::complete_held_login(svc, *held),
            ConnectPlan::Login(plan) => match &plan.protocol {
                plan::Protocol::OAuth2 { endpoints, client } => {
                    finish::login(svc, &plan, endpoints, client)
                }
                plan::Protocol::OAuth1 { rules, consumer } => {
                    oauth1::login(svc, &plan, rules, consumer)
                }
            },
        }
    }
}
