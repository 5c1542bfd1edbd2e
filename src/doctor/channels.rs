//! Stored channels: expired or expiring tokens, missing refresh tokens, reconnects due,
//! missing scopes.

use chrono::Utc;

use super::{Finding, Severity};
use crate::http::Network;
use crate::providers::{Catalog, RefreshStyle};
use crate::store::{Channel, Store};

const AREA: &str = "stored channels";

/// Ask each channel's identity endpoint whether its access token still works, all at
/// once. A refused token means the grant was revoked or the token expired early.
pub fn live(
    channels: &[Channel],
    store: &Store,
    catalog: &Catalog,
    network: Network,
) -> Vec<Finding> {
    let checkable: Vec<&Channel> = channels
        .iter()
        .filter(|c| !c.sandbox && !c.needs_reconnect && c.endpoints.userinfo_url.is_some())
        .filter(|c| c.expires_at.is_none_or(|at| at > Utc::now()))
        .collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = checkable
            .iter()
            .map(|c| scope.spawn(move || live_one(c, store, catalog, network)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("identity probe"))
            .collect()
    })
}

fn live_one(c: &Channel, store: &Store, catalog: &Catalog, network: Network) -> Finding {
    let name = &c.name;
    let secrets = match store.secrets(c) {
        Ok(s) => s,
        Err(e) => {
            return Finding::new(
                AREA,
                "channel.secrets_unreadable",
                Severity::Problem,
                format!("{name}: {e}"),
            )
            .fix(e.fix().unwrap_or_default())
        }
    };
    let url = c.endpoints.userinfo_url.as_deref().unwrap_or_default();
    let identity = catalog
        .get(&c.provider)
        .map(|p| p.identity.clone())
        .unwrap_or_default();
    let http = network.client();
    let answer = if c.oauth1 {
        // OAuth 1.0a channels sign each call with the consumer and token secrets.
        let consumer = crate::oauth::oauth1::Consumer {
            key: c.client_id.clone(),
            secret: secrets.client_secret.clone().unwrap_or_default(),
        };
        let access = crate::oauth::oauth1::TokenPair {
            token: secrets.access_token.clone(),
            secret: secrets.token_secret.clone().unwrap_or_default(),
            extra: Default::default(),
        };
        crate::oauth::oauth1::get(url, &consumer, &access, &http)
    } else {
        crate::providers::identity::call(
            &identity,
            url,
            secrets.access_token.expose(),
            &c.client_id,
            &c.token_fields,
            &http,
        )
    };
    match answer {
        Ok(r) if r.status().is_success() => Finding::new(AREA, "channel.live", Severity::Ok, format!("{name}: the provider accepts the access token")),
        Ok(r) if matches!(r.status().as_u16(), 401 | 403) => Finding::new(AREA, "channel.refused", Severity::Problem,
            format!("{name}: the provider refuses the access token (HTTP {})", r.status().as_u16()))
            .evidence("the grant was revoked (logout elsewhere, password change, app removed) or the token expired early")
            .fix(if let Some(handed) = &c.handed_to_postiz {
                format!("nothing here: Postiz may have refreshed it since, so this copy is stale; it is {}", handed.reason())
            } else if c.can_refresh() { format!("postiz-connect refresh --force {}; if that fails, reconnect: {}", crate::text::shell_word(name), c.reconnect_command()) } else { format!("reconnect: {}", c.reconnect_command()) }),
        Ok(r) => Finding::new(AREA, "channel.identity_error", Severity::Warning, format!("{name}: the identity endpoint answered HTTP {}", r.status().as_u16())),
        Err(e) => Finding::new(AREA, "channel.unreachable", Severity::Warning, format!("{name}: {e}")).fix(e.fix()).origin(e.origin.clone()),
    }
}

/// Tokens a provider issued that the store still refuses: they are safe in a pending
/// record, and the channel's stored tokens may be spent.
pub fn waiting(waiting: &[crate::store::Waiting]) -> Vec<Finding> {
    waiting
        .iter()
        .map(|w| {
            let (what, fix) = w.advice();
            Finding::new(AREA, "channel.pending", Severity::Problem, what).fix(fix)
        })
        .collect()
}

/// A channel whose file cannot be read: the store cannot use it until it is moved aside.
pub fn unreadable(unreadable: &[crate::store::Unreadable]) -> Vec<Finding> {
    unreadable
        .iter()
        .map(|u| {
            let finding = Finding::new(
                AREA,
                "channel.unreadable",
                Severity::Problem,
                format!("{} cannot be read", u.channel),
            )
            .evidence(u.error.to_string());
            match u.error.fix() {
                Some(fix) => finding.fix(fix),
                None => finding,
            }
        })
        .collect()
}

pub fn check(channels: &[Channel]) -> Vec<Finding> {
    let now = Utc::now();
    let mut out = Vec::new();
    for c in channels {
        let name = &c.name;
        let reconnect = format!("reconnect: {}", c.reconnect_command());
        // Postiz holds its grant: its expiry and refresh are the deployment's now.
        if let Some(handed) = &c.handed_to_postiz {
            out.push(
                Finding::new(
                    AREA,
                    "channel.handed_to_postiz",
                    Severity::Ok,
                    format!("{name}: {}", handed.reason()),
                )
                .evidence(
                    "postiz adopt wrote it into a Postiz row; this copy is never refreshed here",
                ),
            );
            continue;
        }
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
        // Meta renews only a token that has not expired yet.
        let renewable = c.can_refresh()
            && !refresh_expired
            && !(expired && c.refresh.style == RefreshStyle::AccessToken);
        match (expired, renewable) {
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
                .fix(format!(
                    "postiz-connect refresh {}",
                    crate::text::shell_word(name)
                )),
            ),
            (false, _) if soon => out.push(
                Finding::new(
                    AREA,
                    "channel.expiring",
                    Severity::Warning,
                    format!("{name}: the access token expires within the hour"),
                )
                .fix(format!(
                    "postiz-connect refresh {}",
                    crate::text::shell_word(name)
                )),
            ),
            _ => {}
        }
        if !c.can_refresh() && !expired && c.expires_at.is_some() {
            let finding = match (&c.refresh.style, &c.refresh.note) {
                (RefreshStyle::None, note) => Finding::new(AREA, "channel.not_refreshable", Severity::Warning, format!("{name}: this provider's tokens cannot be refreshed; the channel stops working when the access token expires"))
                    .evidence(note.clone().unwrap_or_default())
                    .fix(format!("reconnect before then: {}", c.reconnect_command())),
                _ => Finding::new(AREA, "channel.no_refresh_token", Severity::Warning, format!("{name}: no refresh token; the channel stops working when the access token expires"))
                    .fix(format!("request the scope that grants refresh tokens and {reconnect}")),
            };
            out.push(finding);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_handed_to_postiz_is_not_told_to_refresh_or_reconnect() {
        let mut c = crate::store::tests::sample("linkedin:jane", crate::store::Backend::File);
        c.expires_at = Some(Utc::now() - chrono::Duration::hours(1));
        c.handed_to_postiz = Some(crate::store::HandedToPostiz {
            database: "postgresql://postiz:***@db:5432/postiz".into(),
            organization_id: "org-1".into(),
            organization: "Acme".into(),
            row_id: "cm0row".into(),
            at: Utc::now(),
        });
        let findings = check(&[c]);
        let ids: Vec<&str> = findings.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["channel.handed_to_postiz"]);
        assert!(findings[0]
            .title
            .contains("postiz-connect postiz refresh cm0row"));
    }
}
