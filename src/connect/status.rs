//! Local `status` as a service: the stored channels, the ones the store cannot read or
//! still holds as pending, and whether any needs a person (the exit code); the command
//! shows them.

use chrono::{DateTime, Utc};

use crate::error::{Error, ExitCode};
use crate::providers::RefreshStyle;
use crate::store::{Channel, Listing, Store};

/// What `status` shows: the store's listing, and its exit code.
pub struct LocalStatus {
    pub listing: Listing,
    /// 1 when a channel cannot be read, waits as a pending record, or needs a person.
    pub code: ExitCode,
}

/// Read the store. An unreadable channel is reported, and the others are still shown.
/// Exit 1, as `postiz status` and `doctor` do, when any channel needs a person.
pub fn read(store: &Store, now: DateTime<Utc>) -> Result<LocalStatus, Error> {
    let listing = store.list()?;
    let code = if listing.unreadable.is_empty()
        && listing.waiting.is_empty()
        && !listing.channels.iter().any(|c| needs_a_person(c, now))
    {
        ExitCode::Ok
    } else {
        ExitCode::Failure
    };
    Ok(LocalStatus { listing, code })
}

/// A channel only a reconnect brings back: marked so by a refresh (a dead grant), or
/// expired with no way to refresh it (no refresh token, a refresh token past its own
/// expiry, a provider without refresh, or an access token to exchange that is gone). A
/// channel handed to Postiz is Postiz's to keep alive: its copy here ageing is expected.
pub fn needs_a_person(c: &Channel, now: DateTime<Utc>) -> bool {
    if c.handed_to_postiz.is_some() {
        return false;
    }
    let expired = c.expires_at.is_some_and(|at| at <= now);
    let refreshable = match c.refresh.style {
        RefreshStyle::RefreshToken => {
            c.has_refresh_token && c.refresh_expires_at.is_none_or(|at| at > now)
        }
        RefreshStyle::AccessToken | RefreshStyle::None => false,
    };
    c.needs_reconnect || (expired && !refreshable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{tests::sample, Backend};
    use chrono::{Duration, Utc};

    /// Who needs a person: a dead grant, or an expired token nothing can renew; not an
    /// expired token a refresh renews, nor a live one.
    #[test]
    fn a_channel_needs_a_person_when_only_a_reconnect_brings_it_back() {
        let now = Utc::now();
        let channel = |expires: i64, refresh_token: bool, style: RefreshStyle| {
            let mut c = sample("custom:a", Backend::File);
            c.expires_at = Some(now + Duration::minutes(expires));
            c.has_refresh_token = refresh_token;
            c.refresh.style = style;
            c
        };
        assert!(!needs_a_person(
            &channel(30, false, RefreshStyle::None),
            now
        ));
        assert!(!needs_a_person(
            &channel(-30, true, RefreshStyle::RefreshToken),
            now
        ));
        assert!(needs_a_person(
            &channel(-30, false, RefreshStyle::RefreshToken),
            now
        ));
        assert!(needs_a_person(&channel(-30, true, RefreshStyle::None), now));
        assert!(needs_a_person(
            &channel(-30, false, RefreshStyle::AccessToken),
            now
        ));
        let mut spent = channel(-30, true, RefreshStyle::RefreshToken);
        spent.refresh_expires_at = Some(now - Duration::minutes(1));
        assert!(needs_a_person(&spent, now));
        let mut dead = channel(30, true, RefreshStyle::RefreshToken);
        dead.needs_reconnect = true;
        assert!(needs_a_person(&dead, now));
        let mut handed = channel(-30, false, RefreshStyle::RefreshToken);
        handed.handed_to_postiz = Some(crate::store::HandedToPostiz {
            database: "postgresql://postiz:***@db/postiz".into(),
            organization_id: "org".into(),
            organization: "Acme".into(),
            row_id: "row".into(),
            at: now,
        });
        assert!(!needs_a_person(&handed, now));
    }
}
