//! What a channel row's state means, in words, with the fix. Pure: the row, what else the
//! database says about it, the catalog and the time in; the findings out, one named rule
//! each (`RULES`).

use super::refreshable::{verdict, RowFacts, Verdict, META_GRACE_DAYS};
use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

use super::model::{ChannelRow, FailedPost, RefreshNotice};
use super::{
    catalog_entry, is_two_step, sql_literal, POSTIZ_PROVIDERS, REFRESH_WORKFLOW_PROVIDERS,
};
use crate::model::diagnosis::{Finding, Severity};
use crate::providers::{Catalog, RefreshStyle};

/// The area of a channel's findings (doctor shows them under its own "Postiz deployment").
pub const AREA: &str = "Postiz channel";

/// `postiz status --json` wrote each issue as `code`, `severity`, `title`, `detail`, `fix`
/// before issues became [`Finding`]s (`id`, `area`, `evidence`): `code` and `detail` are
/// written too, with the same values as `id` and `evidence`, for one release.
pub fn with_old_keys<S: Serializer>(findings: &[Finding], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct WithOldKeys<'a> {
        #[serde(flatten)]
        finding: &'a Finding,
        code: &'a str,
        detail: Option<&'a str>,
    }
    s.collect_seq(findings.iter().map(|finding| WithOldKeys {
        finding,
        code: &finding.id,
        detail: finding.evidence.as_deref(),
    }))
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
    /// A channel stored by this tool for the same account (or page).
    pub local: Option<LocalCopy>,
}

/// A channel of this tool's store that holds the same account as a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalCopy {
    /// Its name (`linkedin:jane`).
    pub channel: String,
    /// `postiz adopt` wrote it into this very row (it is marked as handed to Postiz).
    pub handed_here: bool,
}

/// Where the advice's commands take their `--env-file` from.
#[derive(Debug, Clone, Copy)]
pub struct Advice<'a> {
    /// The `.env` given (shown in the commands), if any.
    pub env_file: Option<&'a str>,
}

impl Advice<'_> {
    /// ` --env-file FILE`, the file shell-quoted (or a placeholder when none was given).
    fn env_flag(&self) -> String {
        match self.env_file {
            Some(file) => format!(" --env-file {}", crate::text::shell_word(file)),
            None => " --env-file <Postiz .env>".into(),
        }
    }

    fn doctor(&self, catalog: &Catalog, provider: &str) -> Option<String> {
        let entry = catalog_entry(catalog, provider)?;
        Some(format!(
            "postiz-connect doctor {}{}",
            crate::text::shell_word(&entry.id),
            self.env_flag()
        ))
    }

    /// `postiz refresh` of the row, safe to paste.
    fn refresh(&self, row: &ChannelRow) -> String {
        format!(
            "postiz-connect postiz refresh {}{}",
            crate::text::shell_word(&row.id),
            self.env_flag()
        )
    }

    /// `postiz adopt` of a local channel into the row's organization, safe to paste.
    fn adopt(&self, channel: &str, row: &ChannelRow) -> String {
        format!(
            "postiz-connect postiz adopt {} --org {}{}",
            crate::text::shell_word(channel),
            crate::text::shell_word(&row.organization_id),
            self.env_flag()
        )
    }
}

/// How long Meta's long-lived tokens outlive the expiry Postiz records for threads and
/// instagram-standalone: Postiz writes 58 days (`threads.provider.ts`,
/// `instagram.standalone.provider.ts`), the token lives 60.
pub const META_GRACE: chrono::Duration = chrono::Duration::days(META_GRACE_DAYS);

/// Meta's refresh of an expired (as recorded) threads/instagram-standalone token still
/// works until this moment.
pub fn meta_refreshable_until(row: &ChannelRow) -> Option<DateTime<Utc>> {
    REFRESH_WORKFLOW_PROVIDERS
        .contains(&row.provider.as_str())
        .then_some(row.token_expiration)
        .flatten()
        .and_then(|at| at.checked_add_signed(META_GRACE))
}

/// The `Disconnect` causes Postiz passes to its "Could not refresh" notification when the
/// platform blocks the channel whatever its token (`social.abstract.ts`, `Disconnect`;
/// `apps/orchestrator/src/activities/post.activity.ts`, `handleDisconnect`): TikTok's cap
/// on the users of an app who may post per day (`tiktok.provider.ts`,
/// `reached_active_user_cap`).
const PLATFORM_BLOCKS: &[&str] = &["daily user limit reached"];

/// Whether a notification's cause is a platform block, which no token refresh cures.
pub fn is_platform_block(notice: &RefreshNotice) -> bool {
    notice.cause.as_deref().is_some_and(|cause| {
        let cause = cause.to_ascii_lowercase();
        PLATFORM_BLOCKS.iter().any(|block| cause.contains(block))
    })
}

/// Whether `postiz refresh` can renew this row's token, or why not: the very rule
/// `postiz refresh` (and its dry run) decides with, from the row's flags alone.
pub fn refreshable(row: &ChannelRow, catalog: &Catalog, now: DateTime<Utc>) -> Result<(), String> {
    let facts = RowFacts {
        provider: &row.provider,
        internal_id: &row.internal_id,
        root_internal_id: row.root_internal_id.as_deref(),
        in_between_steps: row.in_between_steps,
        token_expiration: row.token_expiration,
        has_refresh_token: row.has_refresh_token,
    };
    match verdict(&facts, catalog, now) {
        Verdict::Refresh { .. } => Ok(()),
        Verdict::Cannot { reason, .. } => Err(reason),
        Verdict::Unfinished { kind } => Err(format!("its {kind} choice never finished")),
        Verdict::Unknown => Err(format!(
            "this tool does not know how to refresh {} channels",
            row.provider
        )),
    }
}

/// A two-step row whose page step was done (`internalId` is the page's, not the login's):
/// `inBetweenSteps` on it is a refresh that crashed, not an unfinished choice.
fn lost_its_page(row: &ChannelRow) -> bool {
    row.root_internal_id
        .as_deref()
        .is_some_and(|root| !root.is_empty() && root != row.internal_id)
}

/// Every finding of a live channel, problems first; none means healthy.
pub fn classify(
    row: &ChannelRow,
    evidence: &Evidence<'_>,
    catalog: &Catalog,
    now: DateTime<Utc>,
    advice: Advice<'_>,
) -> Vec<Finding> {
    let case = Case::new(row, evidence, catalog, now, advice);
    let mut found: Vec<Finding> = RULES.iter().filter_map(|rule| rule(&case)).collect();
    found.sort_by_key(|f| f.severity);
    found
}

/// The rules, each a state of the row and what it means, in the order their findings are
/// listed (then problems are put first).
const RULES: &[fn(&Case<'_>) -> Option<Finding>] = &[
    unknown_provider,
    posting_times_invalid,
    needs_reconnect,
    between_steps,
    expired,
    disabled,
    duplicate_account,
];

/// One row being classified: what is known of it, and the repairs its fixes may name.
struct Case<'a> {
    row: &'a ChannelRow,
    evidence: &'a Evidence<'a>,
    catalog: &'a Catalog,
    now: DateTime<Utc>,
    /// `postiz-connect doctor <provider> --env-file ...`, when the catalog has it.
    doctor: Option<String>,
    /// `postiz refresh` of the row, when it can renew the row's token.
    refresh: Option<String>,
    /// "; or write the channel this tool holds for the same account into it: ..." when
    /// this tool holds one not already written there (else empty).
    adopt_instead: String,
}

impl<'a> Case<'a> {
    fn new(
        row: &'a ChannelRow,
        evidence: &'a Evidence<'a>,
        catalog: &'a Catalog,
        now: DateTime<Utc>,
        advice: Advice<'_>,
    ) -> Case<'a> {
        let adopt_instead = match &evidence.local {
            Some(local) if !local.handed_here => format!(
                "; or write the channel this tool holds for the same account into it: {} (add \
                 --dry-run to see the change first)",
                advice.adopt(&local.channel, row)
            ),
            _ => String::new(),
        };
        Case {
            row,
            evidence,
            catalog,
            now,
            doctor: advice.doctor(catalog, &row.provider),
            refresh: refreshable(row, catalog, now)
                .is_ok()
                .then(|| advice.refresh(row)),
            adopt_instead,
        }
    }

    fn provider(&self) -> &'a str {
        &self.row.provider
    }

    /// "; first check the credentials Postiz refreshes with: <doctor>", or nothing.
    fn check_first(&self) -> String {
        self.doctor
            .as_ref()
            .map(|d| format!("; first check the credentials Postiz refreshes with: {d}"))
            .unwrap_or_default()
    }

    /// "renew its token from here first: <postiz refresh> ...; if the provider refuses, ",
    /// or nothing when `postiz refresh` cannot renew it.
    fn refresh_first(&self) -> String {
        match &self.refresh {
            Some(refresh) => format!(
                "renew its token from here first: {refresh} (it clears the flags when the \
                 provider accepts); if the provider refuses, "
            ),
            None => String::new(),
        }
    }
}

/// A provider Postiz does not have breaks the organization's whole channel list.
fn unknown_provider(case: &Case<'_>) -> Option<Finding> {
    let provider = case.provider();
    if POSTIZ_PROVIDERS.contains(&provider) {
        return None;
    }
    Some(
        Finding::new(
            AREA,
            "unknown_provider",
            Severity::Problem,
            format!("unknown provider \"{provider}\": Postiz's whole channel list breaks"),
        )
        .evidence(
            "Postiz has no provider by that name, so GET /integrations/list answers 500 for \
             the organization and no channel shows (integration.manager.ts)",
        )
        .fix(format!(
            "run the Postiz version that wrote this row (one that has \"{provider}\"), or \
             soft-delete the row yourself: UPDATE \"Integration\" SET \"deletedAt\" = now() \
             WHERE id = {}",
            sql_literal(&case.row.id)
        )),
    )
}

/// A `postingTimes` that is not JSON breaks the organization's whole channel list too.
fn posting_times_invalid(case: &Case<'_>) -> Option<Finding> {
    if case.row.posting_times_valid {
        return None;
    }
    Some(
        Finding::new(
            AREA,
            "posting_times_invalid",
            Severity::Problem,
            "postingTimes is not JSON: Postiz's whole channel list breaks",
        )
        .evidence("GET /integrations/list runs JSON.parse on every row's postingTimes and answers 500")
        .fix(format!(
            "reset it: UPDATE \"Integration\" SET \"postingTimes\" = '[{{\"time\":120}}, {{\"time\":400}}, {{\"time\":700}}]' WHERE id = {}",
            sql_literal(&case.row.id)
        )),
    )
}

/// `refreshNeeded`: Postiz could not refresh the token (or the platform blocks the
/// channel), and neither posts nor refreshes until it is reconnected.
fn needs_reconnect(case: &Case<'_>) -> Option<Finding> {
    if !case.row.refresh_needed {
        return None;
    }
    let (evidence, now, provider) = (case.evidence, case.now, case.provider());
    let blocked = evidence.notice.filter(|n| is_platform_block(n));
    let mut detail = Vec::new();
    match evidence.notice {
        Some(n) => detail.push(format!(
            "Postiz said \"Could not refresh your {} channel\" {}{}",
            n.provider,
            crate::text::relative(n.at, now),
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
    if blocked.is_some() {
        detail.push(format!(
            "that is the platform blocking the channel (a Disconnect error), not a token \
             that failed: a token refresh will not cure it, and {provider} keeps refusing \
             until the block lifts"
        ));
    }
    let failed = evidence.failed_posts.len().max(evidence.failed_post_count);
    if failed > 0 {
        let shown: Vec<String> = evidence
            .failed_posts
            .iter()
            .take(5)
            .map(|p| format!("{} ({})", p.id, crate::text::moment(p.publish_date)))
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
    let finding = match blocked {
        Some(_) => Finding::new(
            AREA,
            "needs_reconnect",
            Severity::Problem,
            format!("needs reconnect: {provider} blocks the channel (refreshNeeded)"),
        )
        .fix(
            "no token refresh helps: reconnect it in Postiz once the platform allows it \
             again (TikTok's cap counts the app's posting users per day; Postiz's \
             MIGRATE_PROVIDERS can move the channel to another app), then reschedule the \
             failed posts",
        ),
        None => Finding::new(
            AREA,
            "needs_reconnect",
            Severity::Problem,
            "needs reconnect: Postiz could not refresh it (refreshNeeded)",
        )
        .fix(format!(
            "{}reconnect it in Postiz (click the channel, it shows as disconnected), then \
             reschedule the failed posts{}{}",
            case.refresh_first(),
            case.check_first(),
            case.adopt_instead
        )),
    };
    Some(finding.evidence(detail.join("; ")))
}

/// `inBetweenSteps`: on a two-step provider before its page was chosen, an unfinished
/// choice; once chosen, or on a provider without a page step, a refresh that crashed.
fn between_steps(case: &Case<'_>) -> Option<Finding> {
    let (row, provider) = (case.row, case.provider());
    if !row.in_between_steps {
        return None;
    }
    let kind = catalog_entry(case.catalog, provider)
        .and_then(|p| p.pages.as_ref())
        .map(|p| p.kind.clone())
        .unwrap_or_else(|| "page".into());
    let latest_notice = case
        .evidence
        .notice
        .map(|n| {
            format!(
                "; the latest \"Could not refresh\" notification: {}{}",
                crate::text::relative(n.at, case.now),
                n.cause
                    .as_ref()
                    .map(|c| format!(": {c}"))
                    .unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let (refresh_first, check_first, adopt_instead) = (
        case.refresh_first(),
        case.check_first(),
        &case.adopt_instead,
    );
    let two_step = is_two_step(case.catalog, provider);
    let finding = if two_step && !lost_its_page(row) {
        Finding::new(
            AREA,
            "page_choice_unfinished",
            Severity::Problem,
            format!("{kind} choice unfinished (inBetweenSteps): it cannot post"),
        )
        .evidence(format!(
            "the login worked but no {kind} was chosen; the row still holds the login's \
             id and token, not the {kind}'s"
        ))
        .fix(format!(
            "in Postiz, click the channel and pick the {kind}; if the list is empty, \
             the account manages no {kind} Postiz can use (check the permissions \
             granted at login){}",
            case.doctor
                .as_ref()
                .map(|d| format!("; {d} checks the app"))
                .unwrap_or_default()
        ))
    } else if two_step {
        Finding::new(
            AREA,
            "refresh_crashed",
            Severity::Problem,
            format!(
                "a refresh crashed: Postiz lost access to the {kind} (inBetweenSteps on a \
                 {kind} already chosen)"
            ),
        )
        .evidence(format!(
            "the {kind} was chosen (internalId {} is the {kind}, rootInternalId {} the \
             login), so this is not an unfinished choice: Postiz sets inBetweenSteps \
             when a refresh cannot find the {kind} under the login any more (YouTube \
             \"Channel not found\", GMB \"Location not found\", Tumblr \"blog not \
             found\"), and neither posts with nor refreshes the channel until it is \
             reconnected{latest_notice}",
            row.internal_id,
            row.root_internal_id.as_deref().unwrap_or_default()
        ))
        .fix(format!(
            "check that the account still manages the {kind}; then {refresh_first}\
             reconnect it in Postiz choosing the {kind} again{check_first}{adopt_instead}"
        ))
    } else {
        Finding::new(
            AREA,
            "refresh_crashed",
            Severity::Problem,
            "a refresh crashed (inBetweenSteps on a provider without a page step)",
        )
        .evidence(format!(
            "Postiz sets inBetweenSteps when a token refresh throws (setBetweenSteps in \
             refresh.integration.service.ts); {provider} has no page choice, and Postiz \
             neither posts with nor refreshes this channel until it is reconnected\
             {latest_notice}"
        ))
        .fix(format!(
            "{refresh_first}reconnect it in Postiz (Add Channel, same account)\
             {check_first}{adopt_instead}"
        ))
    };
    Some(finding)
}

/// An expired token on a row with no flag set (a flagged row's finding says more): what
/// it means depends on how Postiz refreshes the provider.
fn expired(case: &Case<'_>) -> Option<Finding> {
    let (row, now) = (case.row, case.now);
    let expiry = row.token_expiration.filter(|at| *at <= now)?;
    if row.refresh_needed || row.in_between_steps {
        return None;
    }
    let ago = crate::text::relative(expiry, now);
    let entry = catalog_entry(case.catalog, case.provider());
    Some(if REFRESH_WORKFLOW_PROVIDERS.contains(&case.provider()) {
        expired_without_its_workflow(case, &ago)
    } else if entry.is_some_and(|p| p.refresh.style == RefreshStyle::None) {
        let note = entry
            .and_then(|p| p.refresh.note.clone())
            .unwrap_or_else(|| format!("{} tokens cannot be refreshed", case.provider()));
        Finding::new(
            AREA,
            "expired",
            Severity::Problem,
            format!("expired {ago}: it must be reconnected"),
        )
        .evidence(note)
        .fix(format!(
            "reconnect it in Postiz (Add Channel, same account){}",
            case.adopt_instead
        ))
    } else if !row.has_refresh_token {
        Finding::new(
            AREA,
            "expired",
            Severity::Problem,
            format!("expired {ago} with no refresh token: the next post will fail"),
        )
        .evidence(
            "Postiz refreshes on the next post's 401 with the row's refresh token, and the \
             row has none ('' or 'null': the provider gave none, e.g. a LinkedIn app \
             without programmatic refresh), so that refresh fails and the channel becomes \
             \"needs reconnect\"",
        )
        .fix(format!(
            "reconnect it in Postiz (Add Channel, same account){}",
            case.adopt_instead
        ))
    } else {
        expired_until_next_use(case, &ago)
    })
}

/// threads and instagram-standalone expired: Postiz refreshes them only from a Temporal
/// workflow, which was not running; Meta's own token may still be refreshable.
fn expired_without_its_workflow(case: &Case<'_>, ago: &str) -> Finding {
    let (row, provider, adopt_instead) = (case.row, case.provider(), &case.adopt_instead);
    let workflow = format!(
        "Postiz refreshes {provider} only from its Temporal workflow refreshTokenWorkflow \
         (id refresh_{}), started when the channel was connected and sleeping until the \
         expiry; it was not running then (orchestrator or Temporal down, or a Postiz \
         restart that lost it)",
        row.id
    );
    let found = |title: String| Finding::new(AREA, "expired", Severity::Problem, title);
    match (&case.refresh, meta_refreshable_until(row)) {
        (Some(refresh), Some(until)) => found(format!(
            "expired {ago}: Postiz's refresh workflow did not keep it alive; it can still be \
             refreshed until about {}",
            crate::text::moment(until)
        ))
        .evidence(format!(
            "{workflow}; Postiz records 58 days for Meta's long-lived token, which lives 60, \
             so postiz refresh still renews it for about 2 days after the recorded expiry"
        ))
        .fix(format!(
            "renew it now: {refresh}; then keep it alive from cron, or reconnect it in \
             Postiz (that starts the workflow again), and keep Postiz's orchestrator and \
             Temporal (TEMPORAL_ADDRESS) running{adopt_instead}"
        )),
        _ => found(format!(
            "expired {ago}: Postiz's refresh workflow did not keep it alive"
        ))
        .evidence(if row.has_refresh_token {
            format!(
                "{workflow}; Meta's token itself lives 2 days longer than the expiry Postiz \
                 records, and that has passed too: it cannot be refreshed"
            )
        } else {
            format!("{workflow}; the row has no token to refresh with ('' or 'null')")
        })
        .fix(format!(
            "reconnect it in Postiz (that starts the workflow again), and keep Postiz's \
             orchestrator and Temporal (TEMPORAL_ADDRESS) running{adopt_instead}"
        )),
    }
}

/// An expired token Postiz refreshes when it next uses the channel: nothing to do yet.
fn expired_until_next_use(case: &Case<'_>, ago: &str) -> Finding {
    let check = case
        .doctor
        .as_ref()
        .map(|d| format!("; to check the credentials that refresh will use: {d}"))
        .unwrap_or_default();
    Finding::new(
        AREA,
        "expired",
        Severity::Warning,
        format!("access token expired {ago}"),
    )
    .evidence(
        "Postiz refreshes it when it next posts or reads from the channel, with the \
         deployment's own client id and secret; if that fails the channel becomes \
         \"needs reconnect\"",
    )
    .fix(match &case.refresh {
        Some(refresh) => format!("nothing yet; to renew it now: {refresh}{check}"),
        None if case.doctor.is_some() => format!("nothing yet{check}"),
        None => "nothing yet; reconnect it if the next post fails".into(),
    })
}

/// `disabled`: posts to it fail.
fn disabled(case: &Case<'_>) -> Option<Finding> {
    case.row.disabled.then(|| {
        Finding::new(
            AREA,
            "disabled",
            Severity::Warning,
            "disabled: posts to it fail with \"Channel disabled\"",
        )
        .evidence("turned off by a user, or by a plan with fewer channels than connected")
        .fix("enable it in Postiz (the channel's menu: Enable channel) if it should post")
    })
}

/// The same account connected in other organizations: their refreshes fight.
fn duplicate_account(case: &Case<'_>) -> Option<Finding> {
    let also_in = &case.evidence.also_in;
    if also_in.is_empty() {
        return None;
    }
    Some(
        Finding::new(
            AREA,
            "duplicate_account",
            Severity::Warning,
            format!(
                "the same account is also a channel of {}",
                also_in.join(", ")
            ),
        )
        .evidence(
            "each row keeps its own tokens: where the provider rotates refresh tokens, a \
             refresh in one organization revokes the other's (then \"Could not refresh\"), \
             and an organization on a trial cannot connect an account another organization \
             has (checkPreviousConnections)",
        )
        .fix("keep the account in one organization and delete the other channels"),
    )
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
            has_refresh_token: true,
        }
    }

    fn codes(issues: &[Finding]) -> Vec<(&str, Severity)> {
        issues.iter().map(|i| (i.id.as_str(), i.severity)).collect()
    }

    fn check(row: &ChannelRow, evidence: &Evidence<'_>) -> Vec<Finding> {
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

    /// Each named rule speaks for its own state of the row, and no other rule does.
    #[test]
    fn each_rule_speaks_for_its_own_state_only() {
        type Rule = fn(&Case<'_>) -> Option<Finding>;
        let catalog = Catalog::embedded();
        let advice = Advice { env_file: None };
        let healthy = row("linkedin");
        let none = Evidence::default();
        let case = Case::new(&healthy, &none, &catalog, now(), advice);
        assert!(RULES.iter().all(|rule| rule(&case).is_none()));
        let with = |change: fn(&mut ChannelRow)| {
            let mut r = row("linkedin");
            change(&mut r);
            r
        };
        let shared = Evidence {
            also_in: vec!["Beta".into()],
            ..Default::default()
        };
        let cases: [(Rule, ChannelRow, &Evidence<'_>, &str); 7] = [
            (unknown_provider, row("myspace"), &none, "unknown_provider"),
            (
                posting_times_invalid,
                with(|r| r.posting_times_valid = false),
                &none,
                "posting_times_invalid",
            ),
            (
                needs_reconnect,
                with(|r| r.refresh_needed = true),
                &none,
                "needs_reconnect",
            ),
            (
                between_steps,
                with(|r| r.in_between_steps = true),
                &none,
                "refresh_crashed",
            ),
            (
                expired,
                with(|r| r.token_expiration = Some(now() - Duration::hours(1))),
                &none,
                "expired",
            ),
            (disabled, with(|r| r.disabled = true), &none, "disabled"),
            (
                duplicate_account,
                row("linkedin"),
                &shared,
                "duplicate_account",
            ),
        ];
        for (rule, r, evidence, id) in cases {
            let case = Case::new(&r, evidence, &catalog, now(), advice);
            assert_eq!(rule(&case).map(|f| f.id).as_deref(), Some(id));
            let all: Vec<String> = RULES
                .iter()
                .filter_map(|rule| rule(&case))
                .map(|f| f.id)
                .collect();
            assert_eq!(all, [id], "{id}");
        }
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
                local: None,
            },
        );
        assert_eq!(codes(&issues), [("needs_reconnect", Severity::Problem)]);
        let detail = issues[0].evidence.as_deref().unwrap();
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
                .as_deref()
                .unwrap()
                .contains("postiz-connect doctor linkedin --env-file /srv/postiz/.env"),
            "{}",
            issues[0].fix.as_deref().unwrap()
        );
        // Without a notice it says so.
        let issues = check(&r, &Evidence::default());
        assert!(issues[0]
            .evidence
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
            .evidence
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
        assert!(li[0]
            .fix
            .as_deref()
            .unwrap()
            .contains("postiz-connect doctor linkedin"));
        // A provider outside the catalog: a warning, no doctor command.
        let bsky = expired("bluesky");
        assert_eq!(codes(&bsky), [("expired", Severity::Warning)]);
        assert!(!bsky[0].fix.as_deref().unwrap().contains("doctor"));
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
        assert!(issues[0]
            .fix
            .as_deref()
            .unwrap()
            .contains("WHERE id = 'cm0row'"));
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
    fn an_expired_row_without_a_usable_refresh_token_is_a_problem() {
        let mut r = row("linkedin");
        r.token_expiration = Some(now() - Duration::hours(2));
        r.has_refresh_token = false;
        let issues = check(&r, &Evidence::default());
        assert_eq!(codes(&issues), [("expired", Severity::Problem)]);
        assert!(
            issues[0].title.contains("the next post will fail"),
            "{}",
            issues[0].title
        );
        assert!(
            !issues[0].fix.as_deref().unwrap().contains("postiz refresh"),
            "{}",
            issues[0].fix.as_deref().unwrap()
        );
        // Not expired yet: nothing to say.
        r.token_expiration = Some(now() + Duration::hours(2));
        assert!(check(&r, &Evidence::default()).is_empty());
    }

    #[test]
    fn meta_tokens_refresh_for_two_days_after_the_recorded_expiry() {
        for provider in ["threads", "instagram-standalone"] {
            let mut r = row(provider);
            r.token_expiration = Some(now() - Duration::hours(5));
            let issues = check(&r, &Evidence::default());
            assert_eq!(
                codes(&issues),
                [("expired", Severity::Problem)],
                "{provider}"
            );
            let text = format!(
                "{} {:?} {}",
                issues[0].title,
                issues[0].evidence,
                issues[0].fix.as_deref().unwrap()
            );
            assert!(text.contains("can still be refreshed until"), "{text}");
            assert!(!text.contains("cannot be refreshed"), "{text}");
            assert!(
                issues[0]
                    .fix
                    .as_deref()
                    .unwrap()
                    .contains("postiz-connect postiz refresh cm0row --env-file /srv/postiz/.env"),
                "{}",
                issues[0].fix.as_deref().unwrap()
            );
            // Past Meta's own 60 days: reconnect.
            r.token_expiration = Some(now() - Duration::days(3));
            let issues = check(&r, &Evidence::default());
            assert!(
                issues[0]
                    .evidence
                    .as_deref()
                    .unwrap()
                    .contains("cannot be refreshed"),
                "{issues:?}"
            );
            assert!(
                !issues[0].fix.as_deref().unwrap().contains("postiz refresh"),
                "{}",
                issues[0].fix.as_deref().unwrap()
            );
        }
    }

    #[test]
    fn a_platform_block_is_not_cured_by_a_token_refresh() {
        let mut r = row("tiktok");
        r.refresh_needed = true;
        let notice = RefreshNotice {
            organization_id: "org".into(),
            provider: "tiktok".into(),
            cause: Some("TikTok daily user limit reached, please re-connect your account".into()),
            at: now() - Duration::hours(1),
        };
        let evidence = Evidence {
            notice: Some(&notice),
            ..Default::default()
        };
        let issues = check(&r, &evidence);
        assert_eq!(codes(&issues), [("needs_reconnect", Severity::Problem)]);
        let detail = issues[0].evidence.as_deref().unwrap();
        assert!(
            detail.contains("a token refresh will not cure it"),
            "{detail}"
        );
        assert!(
            issues[0].title.contains("blocks the channel"),
            "{}",
            issues[0].title
        );
        assert!(
            !issues[0].fix.as_deref().unwrap().contains("postiz refresh"),
            "{}",
            issues[0].fix.as_deref().unwrap()
        );
        // A plain refresh failure is not a block, and postiz refresh is offered.
        let failed = RefreshNotice {
            cause: None,
            ..notice.clone()
        };
        let issues = check(
            &r,
            &Evidence {
                notice: Some(&failed),
                ..Default::default()
            },
        );
        assert!(!issues[0]
            .evidence
            .as_deref()
            .unwrap()
            .contains("will not cure"));
        assert!(issues[0]
            .fix
            .as_deref()
            .unwrap()
            .contains("postiz-connect postiz refresh cm0row"));
    }

    #[test]
    fn status_points_to_the_repair_that_applies() {
        // Refreshable: postiz refresh of the row.
        let mut r = row("linkedin");
        r.refresh_needed = true;
        let issues = check(&r, &Evidence::default());
        assert!(
            issues[0]
                .fix
                .as_deref()
                .unwrap()
                .contains("postiz-connect postiz refresh cm0row --env-file /srv/postiz/.env"),
            "{}",
            issues[0].fix.as_deref().unwrap()
        );
        // A local channel of the same account: postiz adopt, unless it is already this row.
        let local = |handed_here| Evidence {
            local: Some(LocalCopy {
                channel: "linkedin:jane".into(),
                handed_here,
            }),
            ..Default::default()
        };
        let issues = check(&r, &local(false));
        assert!(
            issues[0].fix.as_deref().unwrap().contains(
                "postiz-connect postiz adopt linkedin:jane --org org --env-file /srv/postiz/.env"
            ),
            "{}",
            issues[0].fix.as_deref().unwrap()
        );
        assert!(!check(&r, &local(true))[0]
            .fix
            .as_deref()
            .unwrap()
            .contains("postiz adopt"));
        // Not refreshable: no refresh token, a page's own token, X, a provider unknown here.
        let mut none = r.clone();
        none.has_refresh_token = false;
        let mut page = row("facebook");
        page.refresh_needed = true;
        let mut x = row("x");
        x.refresh_needed = true;
        let mut other = row("bluesky");
        other.refresh_needed = true;
        for r in [none, page, x, other] {
            let issues = check(&r, &Evidence::default());
            assert!(
                !issues[0].fix.as_deref().unwrap().contains("postiz refresh"),
                "{}: {}",
                r.provider,
                issues[0].fix.as_deref().unwrap()
            );
        }
        // A crashed single-step refresh: postiz refresh clears it.
        let mut crashed = row("pinterest");
        crashed.in_between_steps = true;
        assert!(check(&crashed, &Evidence::default())[0]
            .fix
            .as_deref()
            .unwrap()
            .contains("postiz-connect postiz refresh cm0row"));
        // An expired token Postiz refreshes on use: nothing needed, refresh offered.
        let mut li = row("linkedin");
        li.token_expiration = Some(now() - Duration::hours(1));
        assert!(check(&li, &Evidence::default())[0]
            .fix
            .as_deref()
            .unwrap()
            .contains("to renew it now: postiz-connect postiz refresh cm0row"));
    }

    #[test]
    fn in_between_steps_on_a_chosen_page_is_a_crashed_refresh() {
        for (provider, kind) in [
            ("youtube", "channel"),
            ("gmb", "location"),
            ("tumblr", "blog"),
            ("facebook", "page"),
        ] {
            let mut r = row(provider);
            r.in_between_steps = true;
            r.internal_id = "page-9".into();
            r.root_internal_id = Some("login-1".into());
            let issues = check(&r, &Evidence::default());
            assert_eq!(
                codes(&issues),
                [("refresh_crashed", Severity::Problem)],
                "{provider}"
            );
            assert!(
                issues[0]
                    .title
                    .contains(&format!("lost access to the {kind}")),
                "{provider}: {}",
                issues[0].title
            );
            assert!(!issues[0].title.contains("choice unfinished"));
        }
    }

    #[test]
    fn hints_are_safe_to_paste() {
        let hostile_id = "x' OR '1'='1";
        let mut r = row("myspace");
        r.id = hostile_id.into();
        let issues = check(&r, &Evidence::default());
        assert!(
            issues[0]
                .fix
                .as_deref()
                .unwrap()
                .ends_with("WHERE id = 'x'' OR ''1''=''1'"),
            "{}",
            issues[0].fix.as_deref().unwrap()
        );
        let mut r = row("linkedin");
        r.posting_times_valid = false;
        r.id = hostile_id.into();
        assert!(check(&r, &Evidence::default())[0]
            .fix
            .as_deref()
            .unwrap()
            .ends_with("WHERE id = 'x'' OR ''1''=''1'"));
        // Shell words: a row id, an organization id, a channel name, the .env path.
        let mut r = row("linkedin");
        r.refresh_needed = true;
        r.id = "$(touch /tmp/x)".into();
        r.organization_id = "org;rm -rf ~".into();
        let issues = classify(
            &r,
            &Evidence {
                local: Some(LocalCopy {
                    channel: "linkedin:`id`".into(),
                    handed_here: false,
                }),
                ..Default::default()
            },
            &Catalog::embedded(),
            now(),
            Advice {
                env_file: Some("/srv/my postiz/.env"),
            },
        );
        let fix = &issues[0].fix.as_deref().unwrap();
        for quoted in [
            "postiz refresh '$(touch /tmp/x)' --env-file '/srv/my postiz/.env'",
            "postiz adopt 'linkedin:`id`' --org 'org;rm -rf ~' --env-file '/srv/my postiz/.env'",
            "doctor linkedin --env-file '/srv/my postiz/.env'",
        ] {
            assert!(fix.contains(quoted), "{quoted} in {fix}");
        }
        assert_eq!(sql_literal("it's"), "'it''s'");
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
