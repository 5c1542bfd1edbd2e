//! postiz-connect: connect Postiz social channels over OAuth from your own machine.
//!
//! The binary is a thin shell around this library: `cli` parses, `commands` runs one
//! subcommand, and the rest are the rooms those commands call into.
//!
//! # Layers
//!
//! Each module depends only on modules of its own layer or below (`src/layers.rs` tests
//! the direction); no two modules depend on each other, directly or around a loop (tested
//! too, file by file inside `error`, `model`, `oauth`, `providers` and `store`).
//!
//! 1. **Commands**: [`commands`], one module per subcommand, thin adapters: the command
//!    line turned into a service's options, the service called, the data it returns
//!    and the events it reports said in words (text or JSON) through the run's `Ui`.
//! 2. **Command line**: [`cli`] (the clap surface the commands read, also used to
//!    generate completions and man pages), [`assets`] (that generation).
//! 3. **Services**: [`connect`] (a login from the decision to the stored channel),
//!    [`refresh`], [`doctor`], [`sandbox`] (a local emulation of a provider), [`postiz`]
//!    (a self-hosted Postiz seen from outside). A service never names [`ui`] nor [`cli`]
//!    (tested too): it takes an options struct of its own, returns data and reports what
//!    happens as typed events (`connect::Event`, `postiz::follow::Progress`).
//! 4. **Infrastructure**: [`providers`] (loading the catalog, credentials from flags,
//!    `.env` and the environment, discovery, identity, granted-scope and page lookups,
//!    which use `oauth`'s token response), [`oauth`] (the provider-agnostic flow: the
//!    authorization request, the loopback listener, callback checks, token requests),
//!    [`store`] (channels, secrets in the keychain or a 0600 file, crash-safe writes),
//!    [`browser`].
//! 5. **Model and foundations**: [`model`] (plain data: the catalog schema, endpoints and
//!    client credentials, a token request's wire shape, the versions of stored
//!    files, the one diagnosis `doctor` and `postiz status` report; it depends on no
//!    other module), [`error`] (the error every command
//!    returns, with the provider errors it holds in `error::provider` and the exit
//!    codes), [`http`] (the one HTTP client, the run's network settings, its network
//!    errors, which `error` holds), [`ui`] (the terminal: styling, spinner, prompts),
//!    [`output`] (the one writer pair, stdout and stderr or a test's buffers, that `ui`
//!    and `http`'s `-v` transcript write through),
//!    [`text`] (plain text helpers every layer may use), [`secret`] (a value `Debug`
//!    never shows), [`redact`], [`interrupt`], [`hardening`].
//!
//! `providers` re-exports the catalog schema it loads (`providers::Provider`), and `ui`
//! the text helpers it prints with; everything else names [`model`] directly.

pub mod assets;
pub mod browser;
pub mod cli;
pub mod commands;
pub mod connect;
pub mod doctor;
pub mod error;
pub mod hardening;
pub mod http;
pub mod interrupt;
#[cfg(test)]
mod layers;
pub mod model;
pub mod oauth;
pub mod output;
pub mod postiz;
pub mod providers;
pub mod redact;
pub mod refresh;
pub mod sandbox;
pub mod secret;
pub mod store;
pub mod text;
pub mod ui;

pub use error::{Error, ExitCode};
