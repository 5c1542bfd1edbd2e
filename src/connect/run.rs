//! Carry out a plan: the login it decided (OAuth 2.0 or 1.0a), or the completion of a
//! held login.

use crate::error::Error;

use super::plan::{ConnectPlan, Protocol};
use super::report::Connected;
use super::services::Services;
use super::{finish, oauth1, target};

impl ConnectPlan {
    /// Carry the plan out: the login (or the held login's completion), the stored
    /// channel, the browser's result page; the channel as stored, for the caller to show.
    pub fn run(self, svc: &Services) -> Result<Connected, Error> {
        match self {
            ConnectPlan::CompleteHeld(held) => target::complete_held_login(svc, *held),
            ConnectPlan::Login(plan) => match &plan.protocol {
                Protocol::OAuth2 { endpoints, client } => {
                    finish::login(svc, &plan, endpoints, client)
                }
                Protocol::OAuth1 { rules, consumer } => oauth1::login(svc, &plan, rules, consumer),
            },
        }
    }
}
