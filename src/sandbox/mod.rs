//! A local emulator of a provider's OAuth endpoints on 127.0.0.1, driven by the same
//! catalog entry the real connection uses (scope separator, PKCE rule, client
//! authentication, identity shape), with a consent page a person can click, an
//! auto-approve mode for scripts, and fault injection. It lets a new user try the whole
//! flow with no credentials, and it is a fixture for tests.
//!
//! The emulator itself (`server/`) is the default-on cargo feature `sandbox`. Without it
//! the surface below stays the same, so every caller and the command line compile
//! unchanged: [`Sandbox::start`] then answers that this build has no sandbox, while the
//! client side ([`rewrite`], [`client_for`], [`endpoints_of`]: what `--sandbox-at` needs to
//! talk to a sandbox another process runs) and the fault names keep working.

mod client;
mod config;
mod faults;
#[cfg(feature = "sandbox")]
mod server;
#[cfg(not(feature = "sandbox"))]
mod unavailable;

pub use client::{
    account_id, client_for, endpoints_of, page_id, rewrite, ACCOUNT, ACCOUNT_NAME, CLIENT_ID,
    CLIENT_SECRET,
};
pub use config::Config;
pub use faults::{Fault, NAMES as FAULT_NAMES};
#[cfg(feature = "sandbox")]
pub use server::Sandbox;
#[cfg(not(feature = "sandbox"))]
pub use unavailable::Sandbox;
