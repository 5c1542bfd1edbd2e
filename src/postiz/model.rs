//! The rows read from a Postiz database, without their secrets: `token`, `refreshToken`,
//! `customInstanceDetails` and `Organization.apiKey` are never selected, so they cannot be
//! shown. Columns as `libraries/nestjs-libraries/src/database/prisma/schema.prisma` declares
//! them (Prisma's names, unmapped).

use chrono::{DateTime, Utc};
use serde::Serialize;

/// An `"Organization"` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    /// Soft-deleted (`deletedAt` set).
    pub deleted: bool,
}

/// An `"Integration"` row: one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelRow {
    pub id: String,
    /// The provider-side account id (after a page choice, the page's id).
    pub internal_id: String,
    /// The original login's id.
    pub root_internal_id: Option<String>,
    pub organization_id: String,
    pub name: String,
    /// `providerIdentifier`: `x`, `linkedin`, `linkedin-page`, ...
    pub provider: String,
    /// `type`: `social` (or `article`).
    pub kind: String,
    /// `profile`: the handle.
    pub profile: Option<String>,
    pub disabled: bool,
    pub in_between_steps: bool,
    pub refresh_needed: bool,
    pub token_expiration: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    /// `postingTimes` parses as JSON: Postiz's channel list runs `JSON.parse` on it and
    /// answers 500 for the whole list when one row's does not.
    pub posting_times_valid: bool,
    /// `refreshToken` holds a token: not NULL, `''` or `'null'` (what Postiz writes when
    /// the provider gave none; Slack's is `'null'`). Computed by the database: the token
    /// itself is never read.
    pub has_refresh_token: bool,
}

/// The latest "Could not refresh your <provider> channel <cause>" notification of an
/// organization for a provider (`integration.service.ts`, `informAboutRefreshError`).
/// Postiz names only the provider in it, not the channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefreshNotice {
    pub organization_id: String,
    pub provider: String,
    /// What the refresh said, when Postiz passed a cause on (often empty).
    pub cause: Option<String>,
    pub at: DateTime<Utc>,
}

impl RefreshNotice {
    /// Parse a notification's `content`: "Could not refresh your {provider} channel {err}.
    /// Please go back to the system and connect it again {FRONTEND_URL}/launches".
    pub fn parse(organization_id: &str, content: &str, at: DateTime<Utc>) -> Option<RefreshNotice> {
        let rest = content.strip_prefix("Could not refresh your ")?;
        let (provider, rest) = rest.split_once(" channel")?;
        if provider.is_empty() || provider.contains(char::is_whitespace) {
            return None;
        }
        let cause = match rest.rfind(". Please go back to the system") {
            Some(end) => &rest[..end],
            None => rest,
        };
        let cause = cause.trim();
        Some(RefreshNotice {
            organization_id: organization_id.to_string(),
            provider: provider.to_string(),
            cause: (!cause.is_empty()).then(|| cause.to_string()),
            at,
        })
    }
}

/// A post that failed with "Refresh channel needed": the post workflow found the channel's
/// `refreshNeeded` set (`apps/orchestrator/src/workflows/post-workflows/post.workflow.*.ts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedPost {
    pub id: String,
    pub integration_id: String,
    pub publish_date: DateTime<Utc>,
}

/// One row of `postiz status`'s read: an organization and one of its live channels, or
/// none when it has no live channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRow {
    pub organization: Organization,
    pub channel: Option<StatusChannel>,
}

/// A live channel and what else the database says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChannel {
    pub row: ChannelRow,
    /// Its organization's latest "Could not refresh" notification for its provider (read
    /// for the channels that show it: refreshNeeded or inBetweenSteps).
    pub notice: Option<RefreshNotice>,
    /// The latest of its posts that failed with "Refresh channel needed" (read when
    /// refreshNeeded), and how many failed in all.
    pub failed_posts: Vec<FailedPost>,
    pub failed_post_count: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_notices_give_provider_and_cause() {
        let at = Utc::now();
        let n = RefreshNotice::parse(
            "org",
            "Could not refresh your linkedin channel invalid_grant. Please go back to the system and connect it again https://p.example.com/launches",
            at,
        )
        .unwrap();
        assert_eq!(n.provider, "linkedin");
        assert_eq!(n.cause.as_deref(), Some("invalid_grant"));
        // Most refreshes pass no cause: "channel . Please go back ...".
        let n = RefreshNotice::parse(
            "org",
            "Could not refresh your x channel . Please go back to the system and connect it again http://localhost:4200/launches",
            at,
        )
        .unwrap();
        assert_eq!((n.provider.as_str(), n.cause), ("x", None));
        // The short form (the subject) parses too; anything else is not a refresh notice.
        let n = RefreshNotice::parse("org", "Could not refresh your threads channel ", at).unwrap();
        assert_eq!(n.provider, "threads");
        assert!(RefreshNotice::parse("org", "Your post was published", at).is_none());
    }
}
