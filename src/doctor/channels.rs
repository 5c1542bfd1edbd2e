//! Stored channels: expired or expiring tokens, missing refresh tokens, reconnects due,
//! missing scopes.

use chrono::Utc;

use super::{Finding, Severity};
use crate::store::Channel;

const AREA: &str = "stored channels";

pub fn check(channels: &[Channel]) -> Vec<Finding> {
    let now = Utc::now();
    let mut out = Vec::new();
    for c in channels {
        let name = &c.channel;
        let reconnect = format!(
            "reconnect: postiz-connect {}{}",
            c.provider,
            if c.sandbox { " --sandbox" } else { "" }
        );
        if c.needs_reconnect {
            out.push(
                Finding::new(
                    AREA,
                    "channel.needs_reconnect",
                    Severity::Problem,
                    format!("{name} needs to be reconnected (its grant was refused)"),
                )
                .fix(reconnect.clone()),
            );
            continue;
        }
        let expired = c.expires_at.is_some_and(|at| at <= now);
        let soon = c
            .expires_at
            .is_some_and(|at| at > now && at - now <= chrono::Duration::hours(1));
        let refresh_expired = c.refresh_expires_at.is_some_and(|at| at <= now);
        match (expired, c.has_refresh_token && !refresh_expired) {
            (true, false) => out.push(
                Finding::new(
                    AREA,
                    "channel.expired",
                    Severity::Problem,
                    format!("{name}: the access token expired and cannot be refreshed"),
                )
                .fix(reconnect.clone()),
            ),
            (true, true) => out.push(
                Finding::new(
                    AREA,
                    "channel.expired_refreshable",
                    Severity::Warning,
                    format!("{name}: the access token expired"),
                )
                .fix(format!("postiz-connect refresh {name}")),
            ),
            (false, _) if soon => out.push(
                Finding::new(
                    AREA,
                    "channel.expiring",
                    Severity::Warning,
                    format!("{name}: the access token expires within the hour"),
                )
                .fix(format!("postiz-connect refresh {name}")),
            ),
            _ => {}
        }
        if !c.has_refresh_token && !expired && c.expires_at.is_some() {
            out.push(Finding::new(AREA, "channel.no_refresh_token", Severity::Warning, format!("{name}: no refresh token; the channel stops working when the access token expires"))
                .fix(format!("request the scope that grants refresh tokens and {reconnect}")));
        }
        if !c.missing_scopes.is_empty() {
            out.push(
                Finding::new(
                    AREA,
                    "channel.missing_scopes",
                    Severity::Warning,
                    format!("{name}: granted without {}", c.missing_scopes.join(" ")),
                )
                .fix(reconnect.clone()),
            );
        }
        if !out.iter().any(|f| f.title.starts_with(name.as_str())) {
            out.push(Finding::new(
                AREA,
                "channel.ok",
                Severity::Ok,
                format!("{name}: tokens valid, scopes complete"),
            ));
        }
    }
    out
}
