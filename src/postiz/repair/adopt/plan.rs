//! adopt's decision, with nothing read or written here: the local channel, its provider,
//! the deployment's app and the rows read in; the row to write, what it replaces, the
//! refusals (each with its exit code), the records to keep and the notes out. `adopt.rs`
//! reads what this needs and applies what it decides.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::error::Error;
use crate::postiz::model::Organization;
use crate::postiz::repair::records::Held;
use crate::postiz::repair::writer::{self as repair, AdoptRow, Existing, SecretRow};
use crate::providers::{Provider, RefreshStyle};
use crate::secret::{ExposeOption, Secret};
use crate::store::{Channel, Secrets};

/// The id Postiz knows a catalog provider by.
fn postiz_id(provider: &Provider) -> &str {
    provider.postiz_id.as_deref().unwrap_or(&provider.id)
}

/// The provider's Postiz id, when Postiz has such a provider: a row of another would break
/// Postiz's whole channel list.
pub(super) fn postiz_identifier(provider: &Provider) -> Result<String, Error> {
    let identifier = postiz_id(provider);
    if crate::postiz::POSTIZ_PROVIDERS.contains(&identifier) {
        return Ok(identifier.to_string());
    }
    Err(Error::Rejected {
        what: format!(
            "Postiz has no {} provider: a row for it would break Postiz's whole channel list",
            provider.name
        ),
        fix: "only channels of providers Postiz knows can be adopted (postiz-connect providers)"
            .into(),
    })
}

/// Postiz's X provider signs with the deployment's OAuth 1.0a app (X_API_KEY).
fn postiz_oauth1(provider: &Provider) -> Option<&crate::providers::OAuth1> {
    provider.oauth1.as_ref().filter(|o| o.postiz)
}

/// The deployment's settings that name the app a channel's token must come from: X's
/// consumer key, else the provider's client id.
pub(super) fn app_setting_names(provider: &Provider) -> &[String] {
    match postiz_oauth1(provider) {
        Some(oauth1) => &oauth1.consumer_key_env,
        None => &provider.client_id_env,
    }
}

/// The deployment's app for the channel's provider, as its settings hold it: the value
/// and where it was found (`None`: the deployment does not offer the provider).
pub(super) type DeploymentApp = Option<(String, String)>;

/// What the user asked of adopt beyond the channel and the organization.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Options {
    pub(super) dry_run: bool,
    /// Replace an existing live row's tokens that differ from the channel's.
    pub(super) replace_tokens: bool,
}

/// The row a channel becomes, before the deployment's rows are read.
pub(super) struct Draft {
    identifier: String,
    sandbox: bool,
    /// Postiz's X: `token:secret`, no refresh token, and its "Verified" setting.
    x: bool,
    /// A page channel stored before the login's id was kept: an existing row keeps its root.
    root_from_existing: bool,
    row: AdoptRow,
    notes: Vec<String>,
}

impl Draft {
    pub(super) fn internal_id(&self) -> &str {
        &self.row.internal_id
    }

    /// The `rootInternalId` whose other rows get the tokens too (LinkedIn, as Postiz's
    /// upsert copies them), once the row at `(organizationId, internalId)` is known.
    pub(super) fn sharing_root(&self, existing: Option<&Existing>) -> Option<String> {
        repair::ONE_TIME_TOKEN_PROVIDERS
            .contains(&self.identifier.as_str())
            .then(|| row_root(self, existing))
    }
}

/// The row's root: the draft's, or for a channel stored before the login's id was kept,
/// the existing row's.
fn row_root(draft: &Draft, existing: Option<&Existing>) -> String {
    existing
        .filter(|_| draft.root_from_existing)
        .and_then(|e| e.root_internal_id.clone())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| draft.row.root_internal_id.clone())
}

/// What to do with an existing row's tokens that are not the channel's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenGuard {
    /// The row is deleted in Postiz: replaced, and kept in a record.
    DeletedRow,
    /// `--replace-tokens`: replaced, and kept in a record.
    Replace,
    /// Live tokens that may be newer: refused (exit 4).
    Refuse,
}

/// What `postiz adopt` would write and why: what a dry run shows, and what the writer
/// executes.
pub struct AdoptPlan {
    /// The local channel's name.
    pub channel: String,
    pub organization: Organization,
    pub identifier: String,
    pub sandbox: bool,
    pub dry_run: bool,
    /// The row as written (its tokens too: never shown).
    pub row: AdoptRow,
    /// The row at `(organizationId, internalId)`, updated in place; `None`: a new row.
    pub existing: Option<Existing>,
    /// The existing row holds other tokens than the channel's, and what is done about it.
    pub replaced: Option<TokenGuard>,
    /// `oneTimeToken` providers: the `rootInternalId` whose other rows get the tokens too.
    pub share_with_root: Option<String>,
    /// Those rows (any organization, soft-deleted ones too) that hold other tokens: the
    /// write changes them, and their tokens are kept in a record first.
    pub siblings: Vec<SecretRow>,
    /// Postiz's refresh workflow is started for the row (threads, instagram-standalone).
    pub starts_workflow: bool,
    pub notes: Vec<String>,
}

impl AdoptPlan {
    /// The token guard's refusal, when the plan replaces live tokens without
    /// `--replace-tokens` (a dry run shows the plan, and says adopt would refuse).
    pub(super) fn refusal(&self) -> Option<Error> {
        (self.replaced == Some(TokenGuard::Refuse)).then(|| Error::Rejected {
            what: format!(
                "the row {} holds other tokens than {} (they may be newer: Postiz or postiz \
                 refresh may have rotated them since this channel was connected), and \
                 replacing them would lose the live grant: nothing written",
                self.existing
                    .as_ref()
                    .map(|e| e.id.as_str())
                    .unwrap_or_default(),
                self.channel
            ),
            fix: "run postiz-connect postiz status: if the channel works in Postiz, leave it \
                  (and remove the local copy with postiz-connect logout --local-only); to \
                  replace them anyway, add --replace-tokens (the replaced tokens are kept in a \
                  0600 file)"
                .into(),
        })
    }

    /// The rows whose tokens the write replaces, kept in a 0600 record before it: the
    /// existing row (when its tokens differ), then the rows of the same login.
    pub(super) fn records_to_keep(&self) -> Vec<Held<'_>> {
        let existing = self.existing.as_ref().filter(|_| self.replaced.is_some());
        existing
            .map(|e| Held {
                id: &e.id,
                organization_id: &self.organization.id,
                internal_id: &self.row.internal_id,
                provider: &e.provider,
                name: &e.name,
                token: e.token.expose_str(),
                refresh_token: e.refresh_token.expose_str(),
                token_expiration: e.token_expiration,
            })
            .into_iter()
            .chain(self.siblings.iter().map(Held::from))
            .collect()
    }

    /// The row id a dry run names (the new row's is not known yet).
    pub fn planned_row_id(&self) -> String {
        self.existing
            .as_ref()
            .map(|e| e.id.clone())
            .unwrap_or_else(|| "<the new row's id>".into())
    }
}

/// The checks that need no database, and the row the channel becomes: the token must come
/// from the deployment's own app (`app`), a two-step provider's channel must have its page,
/// and the tokens are laid out as Postiz keeps them for the provider.
pub(super) fn draft(
    channel: &Channel,
    secrets: &Secrets,
    provider: &Provider,
    app: DeploymentApp,
    now: DateTime<Utc>,
) -> Result<Draft, Error> {
    let identifier = postiz_identifier(provider)?;
    check_app(channel, provider, app)?;
    let mut notes = Vec::new();
    // `--sandbox` channels are flagged; `--sandbox-at` ones are known by their connect flags.
    let sandbox = channel.sandbox || channel.connect_args.iter().any(|a| a == "--sandbox-at");
    if sandbox {
        notes.push(format!(
            "{} is a sandbox channel (connected to postiz-connect's built-in emulation, not {}): \
             Postiz cannot post with it",
            channel.name, provider.name
        ));
    }
    let internal_id = internal_id(channel, provider)?;
    let x = postiz_oauth1(provider).is_some();
    let (token, refresh_token, token_expiration) =
        tokens(channel, secrets, provider, &identifier, x, now)?;
    let row = AdoptRow {
        organization_id: String::new(),
        root_internal_id: draft_root(channel, &internal_id),
        name: channel
            .page
            .as_ref()
            .map(|p| p.name.clone())
            .or_else(|| channel.account.name.clone())
            .or_else(|| channel.account.username.clone())
            .unwrap_or_else(|| internal_id.clone()),
        internal_id,
        provider: identifier.clone(),
        kind: "social".into(),
        // A page channel's handle is the page's (Postiz's page step writes it), never
        // the login's.
        profile: match &channel.page {
            Some(page) => page.handle.clone(),
            None => channel.account.username.clone(),
        },
        picture: None,
        token,
        refresh_token,
        token_expiration,
        posting_times: repair::DEFAULT_POSTING_TIMES.into(),
        // X's "Verified" setting: set once the existing row (if any) is read.
        additional_settings: "[]".into(),
        provider_has_settings: x,
    };
    Ok(Draft {
        identifier,
        sandbox,
        x,
        root_from_existing: channel.page.as_ref().is_some_and(|p| p.user_id.is_none()),
        row,
        notes,
    })
}

/// A page chosen after the login keeps the login's id as its root: Postiz's
/// `saveProviderPage` rewrites `internalId` only. The login's account id (Google's user id
/// for YouTube and GMB, never its e-mail); a channel stored before that id was kept falls
/// back to its handle.
fn draft_root(channel: &Channel, internal_id: &str) -> String {
    channel
        .page
        .as_ref()
        .map(|p| p.user_id.clone().unwrap_or_else(|| p.user.clone()))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| internal_id.to_string())
}

/// The token must come from the deployment's own app: X's over OAuth 1.0a with its
/// consumer key, any other's with its client id.
fn check_app(channel: &Channel, provider: &Provider, app: DeploymentApp) -> Result<(), Error> {
    let Some(oauth1) = postiz_oauth1(provider) else {
        return match app {
            Some((id, _)) if id == channel.client_id => Ok(()),
            Some((_, source)) => Err(Error::Rejected {
                what: format!(
                    "{} was connected with the client id {}, not the deployment's ({source}): \
                     a token belongs to the app that issued it, so Postiz, refreshing with its \
                     own client id and secret, would be refused (invalid_grant or \
                     invalid_client) and mark the channel for reconnection",
                    channel.name, channel.client_id
                ),
                fix: format!(
                    "connect again with the deployment's app: postiz-connect {} --env-file \
                     <Postiz .env> (see docs/postiz-repair.md \"Fix a channel in your Postiz\")",
                    provider.id
                ),
            }),
            None => Err(Error::Config {
                what: format!(
                    "the deployment has no {} set: Postiz does not offer {} (its channel \
                     would not work there)",
                    provider.client_id_env.join(" or "),
                    provider.name
                ),
                fix: "pass --env-file with the Postiz .env that has the provider's app".into(),
            }),
        };
    };
    if !channel.oauth1 {
        return Err(Error::Rejected {
            what: format!(
                "{} was connected over OAuth 2.0, but Postiz connects {} only over OAuth 1.0a \
                 (X_API_KEY): its X provider signs every call with the app's key and the \
                 user's token:secret, so an OAuth 2.0 token is useless to it",
                channel.name, provider.name
            ),
            fix: format!(
                "connect again with OAuth 1.0a and the deployment's keys: postiz-connect {} \
                 --oauth1 --env-file <Postiz .env>",
                provider.id
            ),
        });
    }
    match app {
        Some((key, _)) if key == channel.client_id => Ok(()),
        Some((_, source)) => Err(Error::Rejected {
            what: format!(
                "{} was connected with another X app than the deployment's ({source}): an \
                 OAuth 1.0a token works only with the consumer key that issued it, so Postiz \
                 could not post with it",
                channel.name
            ),
            fix: format!(
                "connect again with the deployment's keys: postiz-connect {} --oauth1 \
                 --env-file <Postiz .env>",
                provider.id
            ),
        }),
        None => Err(Error::Config {
            what: format!(
                "the deployment has no {} set: Postiz does not offer {}",
                oauth1.consumer_key_env.join(" or "),
                provider.name
            ),
            fix: "pass --env-file with the Postiz .env that has the provider's keys".into(),
        }),
    }
}

/// The row's `internalId`: a two-step provider's chosen page, else the account's id.
fn internal_id(channel: &Channel, provider: &Provider) -> Result<String, Error> {
    if let Some(page) = &channel.page {
        return Ok(page.id.clone());
    }
    if let Some(pages) = &provider.pages {
        return Err(Error::Rejected {
            what: format!(
                "{} is a {} login without a chosen {}: Postiz posts to a {} of it",
                channel.name, provider.name, pages.kind, pages.kind
            ),
            fix: format!(
                "connect again choosing it (postiz-connect {} --page ID), then adopt that channel",
                provider.id
            ),
        });
    }
    channel.account.id.clone().ok_or_else(|| Error::Rejected {
        what: format!(
            "{} has no account id: Postiz keys its rows on it",
            channel.name
        ),
        fix: format!("connect it again: {}", channel.reconnect_command()),
    })
}

/// `(token, refreshToken, tokenExpiration)` as Postiz keeps them for the provider.
fn tokens(
    channel: &Channel,
    secrets: &Secrets,
    provider: &Provider,
    identifier: &str,
    x: bool,
    now: DateTime<Utc>,
) -> Result<(Secret, Secret, DateTime<Utc>), Error> {
    if x {
        // X stores `token:secret` and no refresh token (x.provider.ts, authenticate).
        return Ok((
            format!(
                "{}:{}",
                secrets.access_token.expose_str(),
                secrets.token_secret.expose_str().unwrap_or_default()
            )
            .into(),
            Secret::default(),
            now + chrono::Duration::seconds(repair::NO_EXPIRY_SECONDS),
        ));
    }
    // Meta's threads and instagram-standalone keep the long-lived token in both columns
    // (`refreshToken: access_token`), and refresh with `refreshToken`.
    let refresh_token = match provider.refresh.style {
        RefreshStyle::AccessToken => secrets
            .refresh_token
            .clone()
            .unwrap_or_else(|| secrets.access_token.clone()),
        _ => secrets.refresh_token.clone().unwrap_or_default(),
    };
    let refresh_token = postiz_refresh_column(identifier, refresh_token.expose_str(), channel)?;
    let issued = channel.token_issued_at.unwrap_or(now);
    Ok((
        secrets.access_token.clone(),
        refresh_token.into(),
        repair::recorded_expiry(identifier, issued, channel.expires_at),
    ))
}

/// What Postiz keeps in `refreshToken` for a channel's refresh token: VK's with its device
/// id (`<token>&&&&<device id>`, vk.provider.ts), Slack's the literal `'null'`
/// (slack.provider.ts).
fn postiz_refresh_column(
    identifier: &str,
    refresh_token: &str,
    channel: &Channel,
) -> Result<String, Error> {
    match identifier {
        "slack" if refresh_token.is_empty() => Ok("null".into()),
        "vk" => {
            let Some(device) = channel
                .callback_params
                .get("device_id")
                .filter(|d| !d.is_empty())
            else {
                return Err(Error::Rejected {
                    what: format!(
                        "{} has no VK device id: Postiz refreshes VK with <refresh \
                         token>&&&&<device id>, so its first refresh would fail",
                        channel.name
                    ),
                    fix: format!("connect it again: {}", channel.reconnect_command()),
                });
            };
            Ok(crate::postiz::refreshable::join_refresh(
                identifier,
                refresh_token,
                &std::collections::BTreeMap::from([("device_id".to_string(), device.clone())]),
            ))
        }
        _ => Ok(refresh_token.to_string()),
    }
}

/// The plan, once the organization, the row at `(organizationId, internalId)` and the
/// rows of the same login (`siblings`, for LinkedIn) are read: another provider's row is
/// refused whatever the flags, an existing row keeps X's "Verified" value, live tokens
/// that are not the channel's are replaced only with `--replace-tokens`.
pub(super) fn plan(
    draft: Draft,
    channel: &str,
    organization: Organization,
    existing: Option<Existing>,
    siblings: Vec<SecretRow>,
    options: Options,
) -> Result<AdoptPlan, Error> {
    if let Some(e) = &existing {
        if let Some(refusal) = other_providers_row(e, &draft.identifier, &organization, channel) {
            return Err(refusal);
        }
    }
    let share_with_root = draft.sharing_root(existing.as_ref());
    let root_internal_id = row_root(&draft, existing.as_ref());
    let Draft {
        identifier,
        sandbox,
        x,
        row,
        mut notes,
        ..
    } = draft;
    let mut row = AdoptRow {
        organization_id: organization.id.clone(),
        root_internal_id,
        ..row
    };
    if x {
        // An existing row keeps the value Postiz wrote from X's `verified` (or the user
        // ticked); a new row is written as not verified, since this tool does not read it.
        let kept = existing
            .as_ref()
            .and_then(|e| verified_of(e.additional_settings.as_deref()));
        notes.push(verified_note(kept));
        row.additional_settings = json!([{
            "title": "Verified",
            "description": "Is this a verified user? (Premium)",
            "type": "checkbox",
            "value": kept.unwrap_or(false)
        }])
        .to_string();
    }
    let holds_other = |token: &Secret, refresh_token: Option<&str>| {
        *token != row.token || refresh_token.unwrap_or_default() != row.refresh_token.expose_str()
    };
    // An existing row holding other tokens than the channel's: they may be newer (Postiz or
    // postiz refresh rotated them since the channel was connected), and replacing them
    // would lose the live grant.
    let replaced = existing
        .as_ref()
        .filter(|e| holds_other(&e.token, e.refresh_token.expose_str()))
        .map(|e| {
            if e.deleted {
                TokenGuard::DeletedRow
            } else if options.replace_tokens {
                TokenGuard::Replace
            } else {
                TokenGuard::Refuse
            }
        });
    // LinkedIn: Postiz's upsert copies the tokens to every row of the same login, in any
    // organization, soft-deleted ones too; those holding other tokens are kept in the
    // record of replaced tokens as well.
    let siblings: Vec<SecretRow> = match &share_with_root {
        Some(_) => siblings
            .into_iter()
            .filter(|r| holds_other(&r.token, r.refresh_token.expose_str()))
            .collect(),
        None => Vec::new(),
    };
    Ok(AdoptPlan {
        channel: channel.to_string(),
        organization,
        starts_workflow: crate::postiz::REFRESH_WORKFLOW_PROVIDERS.contains(&identifier.as_str()),
        identifier,
        sandbox,
        dry_run: options.dry_run,
        row,
        existing,
        replaced,
        share_with_root,
        siblings,
        notes,
    })
}

fn verified_note(kept: Option<bool>) -> String {
    match kept {
        Some(v) => format!(
            "X's \"Verified\" setting keeps the row's value ({})",
            if v { "verified" } else { "not verified" }
        ),
        None => "X's \"Verified\" setting is written as not verified (this tool does not read \
                 it); tick it in the channel's preferences in Postiz for a Premium account"
            .into(),
    }
}

/// The Verified value of X's `additionalSettings` (`[{"title":"Verified",...,"value":b}]`).
fn verified_of(settings: Option<&str>) -> Option<bool> {
    let value: Value = serde_json::from_str(settings?).ok()?;
    value
        .as_array()?
        .iter()
        .find(|s| s.get("title").and_then(Value::as_str) == Some("Verified"))?
        .get("value")?
        .as_bool()
}

/// The organization `--org` names, by id or name, among those not deleted: a deleted
/// organization (`deletedAt` set) counts as not existing, and an ambiguous name lists the
/// organizations it could mean.
pub(super) fn live_organization<'a>(
    organizations: &'a [Organization],
    wanted: &str,
) -> Result<&'a Organization, Error> {
    let live: Vec<&Organization> = organizations.iter().filter(|o| !o.deleted).collect();
    if let Some(org) = live.iter().find(|o| o.id == wanted) {
        return Ok(org);
    }
    let named: Vec<&&Organization> = live
        .iter()
        .filter(|o| o.name.eq_ignore_ascii_case(wanted))
        .collect();
    let shown = |orgs: &mut dyn Iterator<Item = &Organization>| -> String {
        let list: Vec<String> = orgs.map(|o| format!("{} ({})", o.name, o.id)).collect();
        if list.is_empty() {
            "none".into()
        } else {
            list.join(", ")
        }
    };
    match named.as_slice() {
        [one] => Ok(one),
        [] => {
            let deleted: Vec<&Organization> = organizations
                .iter()
                .filter(|o| o.deleted && (o.id == wanted || o.name.eq_ignore_ascii_case(wanted)))
                .collect();
            Err(Error::Usage(format!(
                "no organization has the name or id \"{wanted}\"{}; organizations: {}",
                if deleted.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (deleted in Postiz, so it counts as gone: {})",
                        shown(&mut deleted.iter().copied())
                    )
                },
                shown(&mut live.iter().copied())
            )))
        }
        several => Err(Error::Usage(format!(
            "several organizations are named \"{wanted}\": {}; give --org the id of one",
            shown(&mut several.iter().map(|o| **o))
        ))),
    }
}

/// An existing row of another provider at the same `(organizationId, internalId)`: two
/// providers' account ids collide (Postiz's upsert would turn it into this provider's,
/// and so would adopt). Refused whatever the flags.
fn other_providers_row(
    existing: &Existing,
    identifier: &str,
    org: &Organization,
    channel: &str,
) -> Option<Error> {
    (existing.provider != identifier).then(|| Error::Rejected {
        what: format!(
            "the row {} in {} ({}) is the {} channel \"{}\"{}, with the same account id as \
             {channel}: adopting would turn it into a {identifier} channel and lose it; \
             nothing written",
            existing.id,
            org.name,
            org.id,
            existing.provider,
            existing.name,
            if existing.deleted {
                " (deleted in Postiz)"
            } else {
                ""
            }
        ),
        fix: format!(
            "adopt it into another organization (--org), or leave {channel} local; the two \
             providers' account ids collide in {}",
            org.name
        ),
    })
}

#[cfg(test)]
mod tests;
