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
//! - [`record`] builds and stores the channel record of a finished login;
//! - [`report`] tells the browser how it ended and returns the stored channel
//!   ([`report::Connected`]) for the command to show.
//!
//! It takes its own [`options`] (the command builds them from the command line), never
//! prints: what happens is an [`events::Event`] its caller ([`Events`]) says in words,
//! and the one question a login may ask (which page) is the caller's to answer. Beside
//! the login: [`status`] (the stored channels and whether any needs a person) and
//! [`logout`] (revoke and delete).

pub mod client;
pub mod events;
pub mod finish;
pub mod logout;
pub mod oauth1;
pub mod options;
pub mod plan;
pub mod record;
pub mod registration;
pub mod report;
pub mod round_trip;
mod run;
pub mod services;
pub mod status;
pub mod target;

pub use events::{Event, Events, Revocation, Silent, Waiting};
pub use options::{ClientOptions, ConnectOptions};
pub use plan::{ConnectPlan, LoginPlan};
pub use services::{process_env, Outcome, Services, Vars};
