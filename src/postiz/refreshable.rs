//! Whether a row can be refreshed, and how Postiz keeps a refresh token in its
//! `refreshToken` column. Pure: one decision that `postiz refresh` (its dry run too) and
//! `postiz status` share, so the two never disagree about a row.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::{catalog_entry, is_two_step, REFRESH_WORKFLOW_PROVIDERS};
use crate::providers::{Catalog, RefreshStyle};
use crate::secret::Secret;

/// VK keeps `<refresh token>&&&&<device id>` in `refreshToken` and splits it on refresh
/// (`libraries/nestjs-libraries/src/integrations/social/vk.provider.ts`).
pub const VK_SEPARATOR: &str = "&&&&";

/// How long a Meta long-lived token (threads, instagram-standalone) still refreshes after
/// the expiry Postiz records: Postiz records 58 days, Meta's token lives 60.
pub const META_GRACE_DAYS: i64 = 2;

/// The refresh token a stored value holds, if any: Postiz writes `''` when a provider gave
/// none, and Slack's provider writes the literal `'null'` (`slack.provider.ts`).
pub fn usable_refresh_token(stored: Option<&str>) -> Option<&str> {
    stored.filter(|t| !t.is_empty() && *t != "null")
}

/// What Postiz keeps in `refreshToken`, taken apart: the refresh token itself and the
/// values it stores with it (VK's `device_id`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredRefresh {
    pub token: Option<Secret>,
    pub params: BTreeMap<String, String>,
}

/// Split a row's `refreshToken` as Postiz's provider does before refreshing.
pub fn split_refresh(provider: &str, stored: Option<&str>) -> StoredRefresh {
    let Some(stored) = stored else {
        return StoredRefresh::default();
    };
    if provider == "vk" {
        let (token, device) = stored.split_once(VK_SEPARATOR).unwrap_or((stored, ""));
        let mut params = BTreeMap::new();
        if !device.is_empty() {
            params.insert("device_id".to_string(), device.to_string());
        }
        return StoredRefresh {
            token: usable_refresh_token(Some(token)).map(Secret::from),
            params,
        };
    }
    StoredRefresh {
        token: usable_refresh_token(Some(stored)).map(Secret::from),
        params: BTreeMap::new(),
    }
}

/// The `refreshToken` value Postiz would store for `token` (VK: with its device id).
pub fn join_refresh(provider: &str, token: &str, params: &BTreeMap<String, String>) -> String {
    match provider {
        "vk" => format!(
            "{token}{VK_SEPARATOR}{}",
            params.get("device_id").map(String::as_str).unwrap_or("")
        ),
        _ => token.to_string(),
    }
}

/// What `refresh` needs to know of a row (no secret: `has_refresh_token` can come from
/// SQL, `usable_refresh_token` applied to the column).
#[derive(Debug, Clone, Copy)]
pub struct RowFacts<'a> {
    pub provider: &'a str,
    pub internal_id: &'a str,
    pub root_internal_id: Option<&'a str>,
    pub in_between_steps: bool,
    pub token_expiration: Option<DateTime<Utc>>,
    pub has_refresh_token: bool,
}

impl RowFacts<'_> {
    /// A page row (`internalId` the page's id, `rootInternalId` the login's): Postiz's
    /// page choice rewrote `internalId` only.
    pub fn is_page_row(&self) -> bool {
        self.root_internal_id
            .is_some_and(|root| !root.is_empty() && root != self.internal_id)
    }
}

/// What a refresh of a row can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Refresh it. `clear_between_steps`: a crashed refresh left `inBetweenSteps` set, and
    /// a successful one clears it (Postiz's refresh upsert writes `inBetweenSteps: false`).
    /// `page_check`: a two-step page row whose refresh crashed: after the refresh, the
    /// login must still list the page (Postiz's `reConnect`).
    Refresh {
        clear_between_steps: bool,
        page_check: bool,
    },
    /// Nothing can refresh it: reconnect it in Postiz when it stops working. `code` is
    /// stable, for scripts.
    Cannot { code: &'static str, reason: String },
    /// Its page choice never finished in Postiz: finish it there first.
    Unfinished { kind: String },
    /// Not a provider this tool knows how to refresh.
    Unknown,
}

/// The one decision of whether (and how) a row can be refreshed.
pub fn verdict(facts: &RowFacts<'_>, catalog: &Catalog, now: DateTime<Utc>) -> Verdict {
    let Some(provider) = catalog_entry(catalog, facts.provider) else {
        return Verdict::Unknown;
    };
    if provider.oauth1.as_ref().is_some_and(|o| o.postiz) {
        return Verdict::Cannot {
            code: "oauth1",
            reason: format!(
                "{} channels are connected over OAuth 1.0a (X_API_KEY): their tokens do not \
                 expire and there is no refresh",
                provider.name
            ),
        };
    }
    let two_step = is_two_step(catalog, facts.provider);
    let kind = || {
        provider
            .pages
            .as_ref()
            .map(|p| p.kind.clone())
            .unwrap_or_else(|| "page".into())
    };
    // On a two-step provider `inBetweenSteps` is an unfinished page choice only while the
    // row is still the login's; on a page row it is a refresh that crashed (YouTube
    // "Channel not found", GMB "Location not found", Tumblr "blog not found").
    let crashed_page = two_step && facts.in_between_steps && facts.is_page_row();
    if two_step && facts.in_between_steps && !crashed_page {
        return Verdict::Unfinished { kind: kind() };
    }
    if provider.pages.as_ref().is_some_and(|p| p.token.is_some()) {
        return Verdict::Cannot {
            code: "page_token",
            reason: format!(
                "the row holds the {}'s own token, which has no refresh",
                kind()
            ),
        };
    }
    match provider.refresh.style {
        RefreshStyle::None => {
            return Verdict::Cannot {
                code: "not_refreshable",
                reason: provider
                    .refresh
                    .note
                    .clone()
                    .unwrap_or_else(|| format!("{} tokens cannot be refreshed", provider.name)),
            }
        }
        RefreshStyle::RefreshToken if !facts.has_refresh_token => {
            return Verdict::Cannot {
                code: "no_refresh_token",
                reason: "the row has no refresh token ('' or 'null')".into(),
            }
        }
        _ => {}
    }
    if REFRESH_WORKFLOW_PROVIDERS.contains(&facts.provider) {
        if let Some(expiry) = facts.token_expiration {
            // An expiry near chrono's end of time is far ahead, not an overflow.
            let dead_at = expiry.checked_add_signed(Duration::days(META_GRACE_DAYS));
            if dead_at.is_some_and(|dead_at| dead_at <= now) {
                return Verdict::Cannot {
                    code: "meta_token_dead",
                    reason: format!(
                        "its long-lived token expired more than {META_GRACE_DAYS} days after \
                         the recorded expiry (Meta's tokens live 60 days, Postiz records 58): \
                         it cannot be refreshed"
                    ),
                };
            }
        }
    }
    Verdict::Refresh {
        clear_between_steps: facts.in_between_steps,
        page_check: crashed_page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::ExposeOption;

    fn facts(provider: &str) -> RowFacts<'_> {
        RowFacts {
            provider,
            internal_id: "1",
            root_internal_id: Some("1"),
            in_between_steps: false,
            token_expiration: None,
            has_refresh_token: true,
        }
    }

    fn catalog() -> Catalog {
        Catalog::embedded()
    }

    #[test]
    fn empty_and_null_are_no_refresh_token() {
        assert_eq!(usable_refresh_token(Some("")), None);
        assert_eq!(usable_refresh_token(Some("null")), None);
        assert_eq!(usable_refresh_token(None), None);
        assert_eq!(usable_refresh_token(Some("rt")), Some("rt"));
    }

    #[test]
    fn vk_keeps_its_device_id_with_the_refresh_token() {
        let split = split_refresh("vk", Some("rt-1&&&&dev-9"));
        assert_eq!(split.token.expose_str(), Some("rt-1"));
        assert_eq!(split.params["device_id"], "dev-9");
        assert_eq!(join_refresh("vk", "rt-2", &split.params), "rt-2&&&&dev-9");
        // Other providers' tokens are taken whole.
        let other = split_refresh("discord", Some("a&&&&b"));
        assert_eq!(other.token.expose_str(), Some("a&&&&b"));
        assert_eq!(join_refresh("discord", "t", &other.params), "t");
        assert_eq!(split_refresh("vk", Some("&&&&dev")).token, None);
    }

    #[test]
    fn slack_and_rows_without_a_refresh_token_cannot_be_refreshed() {
        let catalog = catalog();
        let now = Utc::now();
        assert!(matches!(
            verdict(&facts("slack"), &catalog, now),
            Verdict::Cannot {
                code: "not_refreshable",
                ..
            }
        ));
        let none = RowFacts {
            has_refresh_token: false,
            ..facts("discord")
        };
        assert!(matches!(
            verdict(&none, &catalog, now),
            Verdict::Cannot {
                code: "no_refresh_token",
                ..
            }
        ));
        assert!(matches!(
            verdict(&facts("discord"), &catalog, now),
            Verdict::Refresh { .. }
        ));
        assert_eq!(verdict(&facts("myspace"), &catalog, now), Verdict::Unknown);
    }

    #[test]
    fn between_steps_on_a_page_row_is_a_crashed_refresh() {
        let catalog = catalog();
        let now = Utc::now();
        let login = RowFacts {
            in_between_steps: true,
            ..facts("youtube")
        };
        assert!(matches!(
            verdict(&login, &catalog, now),
            Verdict::Unfinished { .. }
        ));
        let page = RowFacts {
            internal_id: "UC-channel",
            root_internal_id: Some("1001"),
            ..login
        };
        assert_eq!(
            verdict(&page, &catalog, now),
            Verdict::Refresh {
                clear_between_steps: true,
                page_check: true
            }
        );
    }

    #[test]
    fn meta_tokens_refresh_until_two_days_after_the_recorded_expiry() {
        let catalog = catalog();
        let now = Utc::now();
        let at = |days: i64| RowFacts {
            token_expiration: Some(now - Duration::days(days)),
            ..facts("threads")
        };
        assert!(matches!(
            verdict(&at(1), &catalog, now),
            Verdict::Refresh { .. }
        ));
        assert!(matches!(
            verdict(&at(3), &catalog, now),
            Verdict::Cannot {
                code: "meta_token_dead",
                ..
            }
        ));
    }

    #[test]
    fn an_expiry_at_the_end_of_time_is_far_ahead_not_a_crash() {
        let far = RowFacts {
            token_expiration: Some(chrono::DateTime::<Utc>::MAX_UTC),
            ..facts("threads")
        };
        assert!(matches!(
            verdict(&far, &catalog(), Utc::now()),
            Verdict::Refresh { .. }
        ));
    }
}
