//! `postiz-connect <provider>`: plan the connect, then carry it out (see `crate::connect`).

use crate::cli::ConnectArgs;
use crate::connect::{self, ConnectPlan, Services};
use crate::error::{Error, ExitCode};

use super::Context;

pub fn run(ctx: &Context, provider_id: &str, args: &ConnectArgs) -> Result<ExitCode, Error> {
    let svc = Services::new(ctx.ui, &ctx.store, &ctx.network);
    // Every decision, before a browser opens: a usage or configuration error ends here.
    let plan = ConnectPlan::resolve(&svc, &ctx.catalog, provider_id, args, &connect::process_env)?;
    // The browser round trip, the stored channel, the report: the exit code.
    plan.run(&svc)
}
