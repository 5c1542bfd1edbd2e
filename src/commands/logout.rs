//! `postiz-connect logout`: revoke and delete a stored channel (see
//! `crate::connect::logout`), and say so.

use serde_json::json;

use crate::connect::logout::{self, LoggedOut, LogoutPreview};
use crate::connect::Services;
use crate::error::{Error, ExitCode};
use crate::ui::Ui;

use super::events::Terminal;
use super::Context;

pub fn run(ctx: &Context, name: &str, local_only: bool, dry_run: bool) -> Result<ExitCode, Error> {
    if dry_run {
        show_preview(&ctx.ui, &logout::preview(&ctx.store, name, local_only)?);
        return Ok(ExitCode::Ok);
    }
    let terminal = Terminal(ctx.ui);
    let svc = Services::new(&terminal, &ctx.store, &ctx.network);
    show(&ctx.ui, &logout::logout(&svc, name, local_only)?);
    Ok(ExitCode::Ok)
}

fn show(ui: &Ui, done: &LoggedOut) {
    let name = &done.channel.name;
    if ui.json {
        ui.json_data(&json!({"channel": name, "revoked": done.revoked, "deleted": true}));
    } else {
        ui.step(format!(
            "Logged out {name}: {}deleted from {}",
            if done.revoked {
                "revoked at the provider, "
            } else {
                ""
            },
            done.channel.store.place()
        ));
    }
}

/// `logout --dry-run`: what would be revoked and deleted.
fn show_preview(ui: &Ui, preview: &LogoutPreview) {
    let channel = &preview.channel;
    if ui.json {
        ui.json_data(&json!({
            "channel": channel.name,
            "outcome": "would_log_out",
            "would_revoke": preview.would_revoke,
            "would_delete": true,
        }));
    } else {
        ui.info(format!(
            "would {}delete {} from {} (dry run: nothing revoked or deleted){}",
            if preview.would_revoke {
                "revoke at the provider, then "
            } else {
                ""
            },
            channel.name,
            channel.store.place(),
            if !preview.local_only && !preview.would_revoke {
                "; the provider has no revocation endpoint"
            } else {
                ""
            }
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{tests::sample, Backend};

    /// The dry run says what would go, from the service's preview: with no revocation
    /// endpoint, that the tokens stay valid; `--json`, the same as data.
    #[test]
    fn a_logout_preview_reads_in_text_and_in_json() {
        let preview = LogoutPreview {
            channel: sample("custom:alice", Backend::File),
            local_only: false,
            would_revoke: false,
        };
        let (ui, captured) = Ui::capture();
        show_preview(&ui, &preview);
        let err = console::strip_ansi_codes(&captured.stderr()).into_owned();
        assert!(
            err.starts_with("• would delete custom:alice from "),
            "{err}"
        );
        assert!(
            err.ends_with(
                " (dry run: nothing revoked or deleted); the provider has no revocation endpoint\n"
            ),
            "{err}"
        );
        let (ui, captured) = Ui::capture();
        show_preview(&Ui { json: true, ..ui }, &preview);
        let shown: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(
            shown,
            json!({"channel": "custom:alice", "outcome": "would_log_out", "would_revoke": false, "would_delete": true})
        );
    }
}
