//! The provider-agnostic OAuth 2.0 machinery. Knows nothing of the terminal.

pub mod callback;
pub mod flow;
mod front;
pub mod id_token;
pub mod listener;
pub mod oauth1;
pub mod page;
pub mod scopes;
pub mod token;
pub mod wire;
