//! The one write path to a Postiz deployment, and the services built on it:
//! - [`writer`]: the write connection, its row lock, and each change as one transaction.
//! - [`refresh()`] (`postiz refresh`), [`restore()`] (`postiz restore`), [`adopt()`]
//!   (`postiz adopt`): what the commands call.
//! - `records`: the records those keep in the config dir before a row is written.
//! - `deployment`: what they share (the caller's [`Context`], the deployment, the lock).

mod adopt;
mod deployment;
mod records;
mod refresh;
mod restore;
pub mod writer;

pub use adopt::{adopt, AdoptArgs, AdoptDone, AdoptOutcome, AdoptPlan, TokenGuard};
pub use deployment::{shared_list, Context};
pub use refresh::{refresh, RefreshArgs};
pub use restore::{restore, RestoreArgs, RestoreOutcome, Restored, TokensWritten};
