//! The one write path to a Postiz deployment, and the services built on it:
//! - [`writer`]: the write connection, its row lock, and each change as one transaction.
//! - [`refresh()`] (`postiz refresh`), [`restore()`] (`postiz restore`), [`adopt()`]
//!   (`postiz adopt`): what the commands call.
//! - `records`: the records those keep in the config dir before a row is written.
//! - `deployment`: what they share (the caller's [`Context`], the deployment, the lock).
//! - `refresh_plan`: what `postiz refresh` does with a row, decided before anything is
//!   called or written.

mod adopt;
mod deployment;
mod records;
mod refresh;
mod refresh_plan;
mod restore;
pub mod writer;

pub use adopt::{adopt, AdoptArgs};
pub use deployment::Context;
pub use refresh::{refresh, Done, Outcome, Refreshed, RowReport};
pub use refresh_plan::{Preview, RefreshArgs};
pub use restore::{restore, RestoreArgs};
