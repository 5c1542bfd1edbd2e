//! What a channel row's state means, in words, with the fix. Pure: the row, what else the
//! database says about it, the catalog and the time in; the issues out.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::{ChannelRow, FailedPost, RefreshNotice};
use super::{catalog_entry, is_two_step, POSTIZ_PROVIDERS, REFRESH_WORKFLOW_PROVIDERS};
use crate::providers::{Catalog, RefreshStyle};

/// How bad an issue is. A problem makes `postiz status` exit 1; a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Problem,
    Warning,
}

/// One thing wrong with a channel. `code` is stable, for scripts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub code: &'static str,
    pub severity: Severity,
    /// The health in words ("needs reconnect").
    pub title: String,
    /// What the database shows for it.
    pub detail: Option<String>,
    pub fix: String,
}

/// What else the deployment says about one channel.
#[derive(Debug, Clone, Default)]
pub struct Evidence<'a> {
    /// The latest "Could not refresh your <provider> channel" notification of its
    /// organization.
    pub notice: Option<&'a RefreshNotice>,
    /// Its posts that failed with "Refresh channel needed" (the latest few)...
    pub failed_posts: Vec<&'a FailedPost>,
    /// ...and how many failed in all, when more than those listed.
    pub failed_post_count: usize,
    /// Names of the other organizations with a live channel of the same provider and
    /// internalId.
    pub also_in: Vec<String>,
}

/// Where the advice's commands take their `--env-file` from.
#[derive(Debug, Clone, Copy)]
pub struct Advice<'a> {
    /// The `.env` given (shown in the commands), if any.
    pub env_file: Option<&'a str>,
}

impl Advice<'_> {
    fn doctor(&self, catalog: &Catalog, provider: &str) -> Option<String> {
        let entry = catalog_entry(catalog, provider)?;
        Some(format!(
            "postiz-connect doctor {} --env-file {}",
            entry.id,
            self.env_file.unwrap_or("<Postiz .env>")
        ))
    }
}

/// "3 hours ago (2026-…)" / "in 2 days (…)".
fn when(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    crate::ui::expiry(at, now)
        .replace("expires in ", "in ")
        .replace("expired ", "")
}

/// Every issue of a live channel; none means healthy.
pub fn classify(
    row: &ChannelRow,
    evidence: &Evidence<'_>,
    catalog: &Catalog,
    now: DateTime<Utc>,
    advice: Advice<'_>,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let provider = row.provider.as_str();
    let doctor = advice.doctor(catalog, provider);
    let check_first = doctor
        .as_ref()
        .map(|d| format!("; first check the credentials Postiz refreshes with: {d}"))
        .unwrap_or_default();

    if !POSTIZ_PROVIDERS.contains(&provider) {
        issues.push(Issue {
            code: "unknown_provider",
            severity: Severity::Problem,
            title: format!("unknown provider \"{provider}\": Postiz's whole channel list breaks"),
            detail: Some(
                "Postiz has no provider by that name, so GET /integrations/list answers 500 for \
                 the organization and no channel shows (integration.manager.ts)"
                    .into(),
            ),
            fix: format!(
                "run the Postiz version that wrote this row (one that has \"{provider}\"), or \
                 soft-delete the row yourself: UPDATE \"Integration\" SET \"deletedAt\" = now() \
                 WHERE id = '{}'",
                row.id
            ),
        });
    }

    if !row.posting_times_valid {
        issues.push(Issue {
            code: "posting_times_invalid",
            severity: Severity::Problem,
            title: "postingTimes is not JSON: Postiz's whole channel list breaks".into(),
            detail: Some("GET /integrations/list runs JSON.parse on every row's postingTimes and answers 500".into()),
            fix: format!(
                "reset it: UPDATE \"Integration\" SET \"postingTimes\" = '[{{\"time\":120}}, {{\"time\":400}}, {{\"time\":700}}]' WHERE id = '{}'",
                row.id
            ),
        });
    }

    if row.refresh_needed {
        let mut detail = Vec::new();
        match evidence.notice {
            Some(n) => detail.push(format!(
                "Postiz said \"Could not refresh your {} channel\" {}{}",
                n.provider,
                when(n.at, now),
                n.cause
                    .as_ref()
                    .map(|c| format!(": {c}"))
                    .unwrap_or_else(|| " (no cause given)".into())
            )),
            None => detail.push(
                "no \"Could not refresh\" notification is left: the provider may have said \
                 \"disconnect\", or the notification was deleted"
                    .into(),
            ),
        }
        let failed = evidence.failed_posts.len().max(evidence.failed_post_count);
        if failed > 0 {
            let shown: Vec<String> = evidence
                .failed_posts
                .iter()
                .take(5)
                .map(|p| format!("{} ({})", p.id, crate::ui::moment(p.publish_date)))
                .collect();
            let more = failed.saturating_sub(shown.len());
            detail.push(format!(
                "{} post(s) failed with \"Refresh channel needed\": {}{}",
                failed,
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        issues.push(Issue {
            code: "needs_reconnect",
            severity: Severity::Problem,
            title: "needs reconnect: Postiz could not refresh it (refreshNeeded)".into(),
            detail: Some(detail.join("; ")),
            fix: format!(
                "reconnect it in Postiz (click the channel, it shows as disconnected), then \
                 reschedule the failed posts{check_first}"
            ),
        });
    }

    if row.in_between_steps {
        if is_two_step(catalog, provider) {
            let kind = catalog_entry(catalog, provider)
                .and_then(|p| p.pages.as_ref())
                .map(|p| p.kind.clone())
                .unwrap_or_else(|| "page".into());
            issues.push(Issue {
                code: "page_choice_unfinished",
                severity: Severity::Problem,
                title: format!("{kind} choice unfinished (inBetweenSteps): it cannot post"),
                detail: Some(format!(
                    "the login worked but no {kind} was chosen; the row still holds the login's \
                     id and token, not the {kind}'s"
                )),
                fix: format!(
                    "in Postiz, click the channel and pick the {kind}; if the list is empty, \
                     the account manages no {kind} Postiz can use (check the permissions \
                     granted at login){}",
                    doctor
                        .as_ref()
                        .map(|d| format!("; {d} checks the app"))
                        .unwrap_or_default()
                ),
            });
        } else {
            issues.push(Issue {
                code: "refresh_crashed",
                severity: Severity::Problem,
                title: "a refresh crashed (inBetweenSteps on a provider without a page step)"
                    .into(),
                detail: Some(format!(
                    "Postiz sets inBetweenSteps when a token refresh throws (setBetweenSteps in \
                     refresh.integration.service.ts); {provider} has no page choice, and Postiz \
                     neither posts with nor refreshes this channel until it is reconnected{}",
                    evidence
                        .notice
                        .map(|n| format!(
                            "; the latest \"Could not refresh\" notification: {}{}",
                            when(n.at, now),
                            n.cause
                                .as_ref()
                                .map(|c| format!(": {c}"))
                                .unwrap_or_default()
                        ))
                        .unwrap_or_default()
                )),
                fix: format!("reconnect it in Postiz (Add Channel, same account){check_first}"),
            });
        }
    }

    if let Some(expiry) = row.token_expiration.filter(|at| *at <= now) {
        if !row.refresh_needed && !row.in_between_steps {
            issues.push(expired(row, expiry, catalog, now, doctor.as_deref()));
        }
    }

    if row.disabled {
        issues.push(Issue {
            code: "disabled",
            severity: Severity::Warning,
            title: "disabled: posts to it fail with \"Channel disabled\"".into(),
            detail: Some(
                "turned off by a user, or by a plan with fewer channels than connected".into(),
            ),
            fix: "enable it in Postiz (the channel's menu: Enable channel) if it should post"
                .into(),
        });
    }

    if !evidence.also_in.is_empty() {
        issues.push(Issue {
            code: "duplicate_account",
            severity: Severity::Warning,
            title: format!(
                "the same account is also a channel of {}",
                evidence.also_in.join(", ")
            ),
            detail: Some(
                "each row keeps its own tokens: where the provider rotates refresh tokens, a \
                 refresh in one organization revokes the other's (then \"Could not refresh\"), \
                 and an organization on a trial cannot connect an account another organization \
                 has (checkPreviousConnections)"
                    .into(),
            ),
            fix: "keep the account in one organization and delete the other channels".into(),
        });
    }
    issues.sort_by_key(|i| i.severity);
    issues
}

fn expired(
    row: &ChannelRow,
    expiry: DateTime<Utc>,
    catalog: &Catalog,
    now: DateTime<Utc>,
    doctor: Option<&str>,
) -> Issue {
    let provider = row.provider.as_str();
    let ago = when(expiry, now);
    if REFRESH_WORKFLOW_PROVIDERS.contains(&provider) {
        return Issue {
            code: "expired",
            severity: Severity::Problem,
            title: format!("expired {ago}: Postiz's refresh workflow did not keep it alive"),
            detail: Some(format!(
                "Postiz refreshes {provider} only from its Temporal workflow refreshTokenWorkflow \
                 (id refresh_{}), started when the channel was connected and sleeping until the \
                 expiry; it was not running then (orchestrator or Temporal down, or a Postiz \
                 restart that lost it), and an expired {provider} token cannot be refreshed",
                row.id
            )),
            fix: "reconnect it in Postiz (that starts the workflow again), and keep Postiz's \
                  orchestrator and Temporal (TEMPORAL_ADDRESS) running"
                .into(),
        };
    }
    let entry = catalog_entry(catalog, provider);
    if entry.is_some_and(|p| p.refresh.style == RefreshStyle::None) {
        let note = entry
            .and_then(|p| p.refresh.note.clone())
            .unwrap_or_else(|| format!("{provider} tokens cannot be refreshed"));
        return Issue {
            code: "expired",
            severity: Severity::Problem,
            title: format!("expired {ago}: it must be reconnected"),
            detail: Some(note),
            fix: "reconnect it in Postiz (Add Channel, same account)".into(),
        };
    }
    Issue {
        code: "expired",
        severity: Severity::Warning,
        title: format!("access token expired {ago}"),
        detail: Some(
            "Postiz refreshes it when it next posts or reads from the channel, with the \
             deployment's own client id and secret; if that fails the channel becomes \
             \"needs reconnect\""
                .into(),
        ),
        fix: match doctor {
            Some(d) => format!("nothing yet; to check the credentials that refresh will use: {d}"),
            None => "nothing yet; reconnect it if the next post fails".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn row(provider: &str) -> ChannelRow {
        ChannelRow {
            id: "cm0row".into(),
            internal_id: "123".into(),
            root_internal_id: Some("123".into()),
            organization_id: "org".into(),
            name: "Acme".into(),
            provider: provider.into(),
            kind: "social".into(),
            profile: Some("acme".into()),
            disabled: false,
            in_between_steps: false,
            refresh_needed: false,
            token_expiration: Some(now() + Duration::days(30)),
            created_at: now() - Duration::days(10),
            updated_at: Some(now() - Duration::days(1)),
            deleted_at: None,
            posting_times_valid: true,
        }
    }

    fn codes(issues: &[Issue]) -> Vec<(&'static str, Severity)> {
        issues.iter().map(|i| (i.code, i.severity)).collect()
    }

    fn check(row: &ChannelRow, evidence: &Evidence<'_>) -> Vec<Issue> {
        classify(
            row,
            evidence,
            &Catalog::embedded(),
            now(),
            Advice {
                env_file: Some("/srv/postiz/.env"),
            },
        )
    }

    #[test]
    fn a_fresh_channel_is_healthy() {
        assert!(check(&row("linkedin"), &Evidence::default()).is_empty());
        // Postiz's "no expiry": about 31.7 years out.
        let mut r = row("x");
        r.token_expiration = Some(now() + Duration::seconds(999_999_999));
        assert!(check(&r, &Evidence::default()).is_empty());
    }

    #[test]
    fn refresh_needed_carries_the_notice_and_the_failed_posts() {
        let mut r = row("linkedin");
        r.refresh_needed = true;
        let notice = RefreshNotice {
            organization_id: "org".into(),
            provider: "linkedin".into(),
            cause: Some("invalid_grant".into()),
            at: now() - Duration::hours(3),
        };
        let post = FailedPost {
            id: "post1".into(),
            integration_id: r.id.clone(),
            publish_date: now() - Duration::hours(2),
        };
        let issues = check(
            &r,
            &Evidence {
                notice: Some(&notice),
                failed_posts: vec![&post],
                failed_post_count: 7,
                also_in: vec![],
            },
        );
        assert_eq!(codes(&issues), [("needs_reconnect", Severity::Problem)]);
        let detail = issues[0].detail.as_deref().unwrap();
        assert!(
            detail.contains("3 hours ago") && detail.contains(": invalid_grant"),
            "{detail}"
        );
        assert!(
            detail.contains("7 post(s) failed")
                && detail.contains("post1")
                && detail.contains("and 6 more"),
            "{detail}"
        );
        assert!(
            issues[0]
                .fix
                .contains("postiz-connect doctor linkedin --env-file /srv/postiz/.env"),
            "{}",
            issues[0].fix
        );
        // Without a notice it says so.
        let issues = check(&r, &Evidence::default());
        assert!(issues[0]
            .detail
            .as_deref()
            .unwrap()
            .contains("no \"Could not refresh\""));
    }

    #[test]
    fn in_between_steps_is_a_page_choice_on_two_step_providers_and_a_crash_elsewhere() {
        for (provider, code, word) in [
            ("facebook", "page_choice_unfinished", "page choice"),
            ("youtube", "page_choice_unfinished", "channel choice"),
            ("gmb", "page_choice_unfinished", "location choice"),
            ("linkedin", "refresh_crashed", "refresh crashed"),
            ("threads", "refresh_crashed", "refresh crashed"),
        ] {
            let mut r = row(provider);
            r.in_between_steps = true;
            let issues = check(&r, &Evidence::default());
            assert_eq!(codes(&issues), [(code, Severity::Problem)], "{provider}");
            assert!(
                issues[0].title.contains(word),
                "{provider}: {}",
                issues[0].title
            );
        }
    }

    #[test]
    fn expiry_depends_on_how_postiz_refreshes_the_provider() {
        let expired = |provider: &str| {
            let mut r = row(provider);
            r.token_expiration = Some(now() - Duration::hours(5));
            check(&r, &Evidence::default())
        };
        let threads = expired("threads");
        assert_eq!(codes(&threads), [("expired", Severity::Problem)]);
        assert!(threads[0]
            .title
            .contains("refresh workflow did not keep it alive"));
        assert!(threads[0]
            .detail
            .as_deref()
            .unwrap()
            .contains("refresh_cm0row"));
        let ig = expired("instagram-standalone");
        assert_eq!(codes(&ig), [("expired", Severity::Problem)]);
        // Facebook pages are never refreshed by Postiz: reconnect.
        let fb = expired("facebook");
        assert_eq!(codes(&fb), [("expired", Severity::Problem)]);
        assert!(fb[0].title.contains("must be reconnected"));
        // LinkedIn is refreshed on use: a warning.
        let li = expired("linkedin");
        assert_eq!(codes(&li), [("expired", Severity::Warning)]);
        assert!(li[0].fix.contains("postiz-connect doctor linkedin"));
        // A provider outside the catalog: a warning, no doctor command.
        let bsky = expired("bluesky");
        assert_eq!(codes(&bsky), [("expired", Severity::Warning)]);
        assert!(!bsky[0].fix.contains("doctor"));
    }

    #[test]
    fn disabled_unknown_duplicate_and_broken_posting_times() {
        let mut r = row("linkedin");
        r.disabled = true;
        assert_eq!(
            codes(&check(&r, &Evidence::default())),
            [("disabled", Severity::Warning)]
        );
        let r = row("myspace");
        let issues = check(&r, &Evidence::default());
        assert_eq!(codes(&issues), [("unknown_provider", Severity::Problem)]);
        assert!(issues[0].fix.contains("WHERE id = 'cm0row'"));
        let r = row("x");
        let issues = check(
            &r,
            &Evidence {
                also_in: vec!["Beta".into()],
                ..Default::default()
            },
        );
        assert_eq!(codes(&issues), [("duplicate_account", Severity::Warning)]);
        assert!(issues[0].title.ends_with("Beta"));
        let mut r = row("x");
        r.posting_times_valid = false;
        assert_eq!(
            codes(&check(&r, &Evidence::default())),
            [("posting_times_invalid", Severity::Problem)]
        );
    }

    #[test]
    fn problems_come_before_warnings_and_expiry_is_not_repeated_after_refresh_needed() {
        let mut r = row("linkedin");
        r.disabled = true;
        r.refresh_needed = true;
        r.token_expiration = Some(now() - Duration::days(2));
        assert_eq!(
            codes(&check(&r, &Evidence::default())),
            [
                ("needs_reconnect", Severity::Problem),
                ("disabled", Severity::Warning)
            ]
        );
    }
}
