//! postiz-connect: connect Postiz social channels over OAuth from your own machine.
//!
//! The binary is a thin shell around this library: `cli` parses, `commands` runs one
//! subcommand, and the rest are the rooms those commands call into.

pub mod assets;
pub mod browser;
pub mod cli;
pub mod commands;
pub mod doctor;
pub mod error;
pub mod http;
pub mod interrupt;
#[cfg(test)]
mod layers;
pub mod model;
pub mod oauth;
pub mod postiz;
pub mod providers;
pub mod redact;
pub mod refresh;
pub mod sandbox;
pub mod store;
pub mod text;
pub mod ui;

pub use error::{Error, ExitCode};
