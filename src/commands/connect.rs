//! `postiz-connect <provider>`: plan the connect, run it, report it (see `crate::connect`).

use crate::cli::ConnectArgs;
use crate::connect::{self, Services};
use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, provider_id: &str, args: &ConnectArgs) -> Result<ExitCode, Error> {
    let svc = Services::new(ctx.ui, &ctx.store);
    connect::run(&svc, &ctx.catalog, provider_id, args)
}
