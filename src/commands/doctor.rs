//! `postiz-connect doctor`: run the checks (`crate::doctor::checkup`), render the findings.

use console::Style;
use serde_json::json;

use crate::cli::DoctorArgs;
use crate::doctor::checkup::{self, Doctor, DoctorOptions};
use crate::doctor::{self, Finding, Severity};
use crate::error::{Error, ExitCode};
use crate::ui::{Styled, Ui};

use super::events::Terminal;
use super::findings::Layout;
use super::Context;

pub fn run(ctx: &Context, args: &DoctorArgs) -> Result<ExitCode, Error> {
    let options = DoctorOptions {
        providers: args.providers.clone(),
        redirect_uri: args.redirect_uri.clone(),
        registered: args.registered.clone(),
        url: args.url.clone(),
        offline: args.offline,
        timeout: args.timeout,
        client: args.client.options(),
        verbose: ctx.ui.verbose > 0,
    };
    let doctor = Doctor {
        catalog: &ctx.catalog,
        store: &ctx.store,
        network: ctx.network,
        events: &Terminal(ctx.ui),
    };
    let findings = checkup::run(&doctor, &options)?;
    render(&ctx.ui, &findings);
    Ok(if doctor::has_problem(&findings) {
        ExitCode::Failure
    } else {
        ExitCode::Ok
    })
}

fn render(ui: &Ui, findings: &[Finding]) {
    if ui.json {
        ui.json_data(&json!(findings));
        return;
    }
    let layout = Layout {
        mark: true,
        id: true,
        verbose: ui.verbose > 0,
        ..Layout::default()
    };
    let mut text = Styled::new();
    for (area, list) in doctor::grouped(findings) {
        text.styled(area, &Style::new().bold().underlined())
            .newline();
        for f in list {
            if ui.quiet && matches!(f.severity, Severity::Ok | Severity::Info) {
                continue;
            }
            super::findings::finding(&mut text, f, layout);
        }
        text.newline();
    }
    text.text(&super::findings::counts(findings));
    ui.data(text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use console::strip_ansi_codes;

    fn findings() -> Vec<Finding> {
        vec![
            Finding::new(
                "machine",
                "loopback.ok",
                Severity::Ok,
                "127.0.0.1 can be bound",
            ),
            Finding::new(
                "redirect URI",
                "redirect.trailing_slash",
                Severity::Problem,
                "the registered URI ends with / and the sent one does not",
            )
            .fix("register http://127.0.0.1:8000/callback exactly"),
        ]
    }

    /// The findings by area, each with its mark, id and fix, then the count; `-q` leaves
    /// out what passed; `--json` is the findings as they are.
    #[test]
    fn doctor_renders_its_findings_in_text_and_in_json() {
        let (ui, captured) = Ui::capture();
        render(&ui, &findings());
        let out = strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(
            out.contains("✓ 127.0.0.1 can be bound [loopback.ok]\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "✗ the registered URI ends with / and the sent one does not [redirect.trailing_slash]\n    fix: register http://127.0.0.1:8000/callback exactly\n"
            ),
            "{out}"
        );
        assert!(out.ends_with("1 problem(s), 0 warning(s)\n"), "{out}");
        assert_eq!(captured.stderr(), "");

        let (ui, captured) = Ui::capture();
        render(&Ui { quiet: true, ..ui }, &findings());
        assert!(!captured.stdout().contains("loopback.ok"));

        let (ui, captured) = Ui::capture();
        render(&Ui { json: true, ..ui }, &findings());
        let shown: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(shown[1]["id"], "redirect.trailing_slash");
        assert_eq!(shown[1]["severity"], "problem");
        assert_eq!(
            shown[1]["fix"],
            "register http://127.0.0.1:8000/callback exactly"
        );
    }
}
