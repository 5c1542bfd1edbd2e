//! The provider-agnostic OAuth 2.0 machinery. Knows nothing of the terminal.

pub mod callback;
/// Provider errors live with the crate's error type (`crate::error::provider`), which
/// holds them; this path stays for the code that names them here.
pub mod errors {
    pub use crate::error::provider::*;
}
pub mod flow;
mod front;
pub mod id_token;
pub mod listener;
pub mod oauth1;
pub mod page;
pub mod scopes;
pub mod token;
pub mod wire;
