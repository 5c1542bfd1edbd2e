//! `postiz adopt CHANNEL --org ORG`: a local channel written into a deployment as the row
//! Postiz itself would write.

use chrono::Utc;
use serde_json::{json, Value};

use super::writer::{self as repair, AdoptRow, Adopted, Existing, SecretRow};
use crate::error::{Error, ExitCode};
use crate::postiz::engine;
use crate::postiz::locate::Target;
use crate::postiz::{self, model::Organization};
use crate::providers::{Provider, RefreshStyle};
use crate::secret::ExposeOption;

use super::deployment::{deployment_flag, locate_from, setting, shared_list, writer, Context};
use super::records::{write_replaced_rows, Held};

pub struct AdoptArgs<'a> {
    pub channel: &'a str,
    pub org: &'a str,
    pub deployment: &'a Target<'a>,
    pub dry_run: bool,
    /// Replace an existing row's tokens that differ from the channel's.
    pub replace_tokens: bool,
}

/// The Verified value of X's `additionalSettings` (`[{"title":"Verified",...,"value":b}]`).
pub(super) fn verified_of(settings: Option<&str>) -> Option<bool> {
    let value: Value = serde_json::from_str(settings?).ok()?;
    value
        .as_array()?
        .iter()
        .find(|s| s.get("title").and_then(Value::as_str) == Some("Verified"))?
        .get("value")?
        .as_bool()
}

/// The id Postiz knows a catalog provider by.
pub(super) fn postiz_id(provider: &Provider) -> &str {
    provider.postiz_id.as_deref().unwrap_or(&provider.id)
}

pub fn adopt(ctx: &Context, args: &AdoptArgs<'_>) -> Result<ExitCode, Error> {
    let channel = ctx.store.get(args.channel)?;
    let provider = ctx.catalog.require(&channel.provider)?.clone();
    let identifier = postiz_id(&provider).to_string();
    if !postiz::POSTIZ_PROVIDERS.contains(&identifier.as_str()) {
        return Err(Error::Rejected {
            what: format!(
                "Postiz has no {} provider: a row for it would break Postiz's whole channel list",
                provider.name
            ),
            fix:
                "only channels of providers Postiz knows can be adopted (postiz-connect providers)"
                    .into(),
        });
    }
    let located = locate_from(args.deployment)?;
    let env_file = located.env_file.as_ref();
    let secrets = ctx.store.secrets(&channel)?;
    let mut notes: Vec<String> = Vec::new();

    // The token must come from the deployment's own app.
    let x = provider.oauth1.as_ref().filter(|o| o.postiz);
    if let Some(oauth1) = x {
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
        let key = setting(&oauth1.consumer_key_env, env_file);
        match key {
            Some((key, _)) if key == channel.client_id => {}
            Some((_, source)) => {
                return Err(Error::Rejected {
                    what: format!(
                        "{} was connected with another X app than the deployment's ({source}): \
                         an OAuth 1.0a token works only with the consumer key that issued it, so \
                         Postiz could not post with it",
                        channel.name
                    ),
                    fix: format!(
                        "connect again with the deployment's keys: postiz-connect {} --oauth1 \
                         --env-file <Postiz .env>",
                        provider.id
                    ),
                });
            }
            None => {
                return Err(Error::Config {
                    what: format!(
                        "the deployment has no {} set: Postiz does not offer {}",
                        oauth1.consumer_key_env.join(" or "),
                        provider.name
                    ),
                    fix: "pass --env-file with the Postiz .env that has the provider's keys".into(),
                })
            }
        }
    } else {
        match setting(&provider.client_id_env, env_file) {
            Some((id, _)) if id == channel.client_id => {}
            Some((_, source)) => {
                return Err(Error::Rejected {
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
                });
            }
            None => {
                return Err(Error::Config {
                    what: format!(
                        "the deployment has no {} set: Postiz does not offer {} (its channel \
                         would not work there)",
                        provider.client_id_env.join(" or "),
                        provider.name
                    ),
                    fix: "pass --env-file with the Postiz .env that has the provider's app".into(),
                })
            }
        }
    }
    // `--sandbox` channels are flagged; `--sandbox-at` ones are known by their connect flags.
    let sandbox = channel.sandbox || channel.connect_args.iter().any(|a| a == "--sandbox-at");
    if sandbox {
        notes.push(format!(
            "{} is a sandbox channel (connected to postiz-connect's built-in emulation, not {}): \
             Postiz cannot post with it",
            channel.name, provider.name
        ));
    }

    // Two-step providers: the chosen page, with its token.
    let two_step = provider.pages.is_some();
    if two_step && channel.page.is_none() {
        return Err(Error::Rejected {
            what: format!(
                "{} is a {} login without a chosen {}: Postiz posts to a {} of it",
                channel.name,
                provider.name,
                provider
                    .pages
                    .as_ref()
                    .map(|p| p.kind.as_str())
                    .unwrap_or("page"),
                provider
                    .pages
                    .as_ref()
                    .map(|p| p.kind.as_str())
                    .unwrap_or("page"),
            ),
            fix: format!(
                "connect again choosing it (postiz-connect {} --page ID), then adopt that channel",
                provider.id
            ),
        });
    }
    let internal_id = match &channel.page {
        Some(page) => page.id.clone(),
        None => channel.account.id.clone().ok_or_else(|| Error::Rejected {
            what: format!(
                "{} has no account id: Postiz keys its rows on it",
                channel.name
            ),
            fix: format!("connect it again: {}", channel.reconnect_command()),
        })?,
    };
    let now = Utc::now();
    let no_expiry = now + chrono::Duration::seconds(repair::NO_EXPIRY_SECONDS);
    let (token, refresh_token, expiration) = if x.is_some() {
        // X stores `token:secret` and no refresh token (x.provider.ts, authenticate).
        (
            format!(
                "{}:{}",
                secrets.access_token.expose(),
                secrets.token_secret.expose_str().unwrap_or_default()
            ),
            String::new(),
            no_expiry,
        )
    } else {
        // Meta's threads and instagram-standalone keep the long-lived token in both
        // columns (`refreshToken: access_token`), and refresh with `refreshToken`.
        let refresh_token = match provider.refresh.style {
            RefreshStyle::AccessToken => secrets
                .refresh_token
                .clone()
                .unwrap_or_else(|| secrets.access_token.clone()),
            _ => secrets.refresh_token.clone().unwrap_or_default(),
        };
        let refresh_token = postiz_refresh_column(&identifier, refresh_token.expose(), &channel)?;
        let issued = channel.token_issued_at.unwrap_or(now);
        (
            secrets.access_token.expose().clone(),
            refresh_token,
            repair::recorded_expiry(&identifier, issued, channel.expires_at),
        )
    };
    // X's "Verified" setting: set once the existing row (if any) is read.
    let additional_settings = "[]".to_string();
    let name = channel
        .page
        .as_ref()
        .map(|p| p.name.clone())
        .or_else(|| channel.account.name.clone())
        .or_else(|| channel.account.username.clone())
        .unwrap_or_else(|| internal_id.clone());
    let row = AdoptRow {
        organization_id: String::new(),
        internal_id: internal_id.clone(),
        // A page chosen after the login keeps the login's id as its root: Postiz's
        // `saveProviderPage` rewrites `internalId` only.
        // The login's account id (Google's user id for YouTube and GMB, never its
        // e-mail); a channel stored before that id was kept falls back to its handle.
        root_internal_id: channel
            .page
            .as_ref()
            .map(|p| p.user_id.clone().unwrap_or_else(|| p.user.clone()))
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| internal_id.clone()),
        name,
        provider: identifier.clone(),
        kind: "social".into(),
        // A page channel's handle is the page's (Postiz's page step writes it), never
        // the login's.
        profile: match &channel.page {
            Some(page) => page.handle.clone(),
            None => channel.account.username.clone(),
        },
        picture: None,
        token: token.into(),
        refresh_token: refresh_token.into(),
        token_expiration: expiration,
        posting_times: repair::DEFAULT_POSTING_TIMES.into(),
        additional_settings,
        provider_has_settings: x.is_some(),
    };

    let mut writer = writer(&located, args.deployment)?;
    let organizations = writer.organizations()?;
    let org = live_organization(&organizations, args.org)?.clone();
    let row = AdoptRow {
        organization_id: org.id.clone(),
        ..row
    };
    let existing = writer.existing(&org.id, &internal_id)?;
    if let Some(e) = &existing {
        if let Some(refusal) = other_providers_row(e, &identifier, &org, &channel.name) {
            return Err(refusal);
        }
    }
    // A channel stored before the login's id was kept: an existing row keeps its root.
    let row = match (
        &existing,
        channel.page.as_ref().and_then(|p| p.user_id.as_ref()),
    ) {
        (Some(e), None) if channel.page.is_some() => AdoptRow {
            root_internal_id: e
                .root_internal_id
                .clone()
                .filter(|r| !r.is_empty())
                .unwrap_or(row.root_internal_id),
            ..row
        },
        _ => row,
    };
    let row = if x.is_some() {
        // An existing row keeps the value Postiz wrote from X's `verified` (or the user
        // ticked); a new row is written as not verified, since this tool does not read it.
        let kept = existing
            .as_ref()
            .and_then(|e| verified_of(e.additional_settings.as_deref()));
        notes.push(match kept {
            Some(v) => format!(
                "X's \"Verified\" setting keeps the row's value ({})",
                if v { "verified" } else { "not verified" }
            ),
            None => "X's \"Verified\" setting is written as not verified (this tool does not \
                     read it); tick it in the channel's preferences in Postiz for a Premium \
                     account"
                .into(),
        });
        AdoptRow {
            additional_settings: json!([{
                "title": "Verified",
                "description": "Is this a verified user? (Premium)",
                "type": "checkbox",
                "value": kept.unwrap_or(false)
            }])
            .to_string(),
            ..row
        }
    } else {
        row
    };
    // An existing row holding other tokens than the channel's: they may be newer (Postiz or
    // postiz refresh rotated them since the channel was connected), and replacing them
    // would lose the live grant.
    let replaced = existing
        .as_ref()
        .filter(|e| {
            e.token != row.token
                || e.refresh_token.expose_str().unwrap_or_default()
                    != row.refresh_token.expose_str()
        })
        .map(|e| {
            json!({
                "token": repair::mask(e.token.expose()),
                "refresh_token": repair::mask(e.refresh_token.expose_str().unwrap_or_default()),
                "token_expiration": e.token_expiration.map(|t| t.to_rfc3339()),
                "channel_token_expiration": row.token_expiration.to_rfc3339(),
            })
        });
    let live_replaced = replaced.is_some() && existing.as_ref().is_some_and(|e| !e.deleted);
    // LinkedIn: Postiz's upsert copies the tokens to every row of the same login, in any
    // organization, soft-deleted ones too; those holding other tokens are kept in the
    // record of replaced tokens as well.
    let share_with_root = repair::ONE_TIME_TOKEN_PROVIDERS
        .contains(&identifier.as_str())
        .then(|| row.root_internal_id.clone());
    let shared: Vec<SecretRow> = match &share_with_root {
        Some(root) => writer
            .rows_sharing(root, existing.as_ref().map(|e| e.id.as_str()).unwrap_or(""))?
            .into_iter()
            .filter(|r| {
                r.token != row.token
                    || r.refresh_token.expose_str().unwrap_or_default()
                        != row.refresh_token.expose_str()
            })
            .collect(),
        None => Vec::new(),
    };
    let mut shown = serde_json::to_value(&row).expect("row serializes");
    shown["token"] = json!(repair::mask(row.token.expose()));
    shown["refresh_token"] = json!(repair::mask(row.refresh_token.expose()));
    let mut out = json!({
        "channel": channel.name,
        "organization": {"id": org.id, "name": org.name},
        "sandbox": sandbox,
        "dry_run": args.dry_run,
        "row": shown,
        "existing": existing,
        "replaces_other_tokens": replaced,
        "also_changes": shared.iter().map(|r| json!({"id": r.id, "provider": r.provider,
            "name": r.name, "organization_id": r.organization_id, "deleted": r.deleted}))
            .collect::<Vec<_>>(),
        "notes": notes,
    });
    let refusal = || Error::Rejected {
        what: format!(
            "the row {} holds other tokens than {} (they may be newer: Postiz or postiz refresh \
             may have rotated them since this channel was connected), and replacing them would \
             lose the live grant: nothing written",
            existing.as_ref().map(|e| e.id.as_str()).unwrap_or_default(),
            channel.name
        ),
        fix: "run postiz-connect postiz status: if the channel works in Postiz, leave it (and \
              remove the local copy with postiz-connect logout --local-only); to replace them \
              anyway, add --replace-tokens (the replaced tokens are kept in a 0600 file)"
            .into(),
    };
    if args.dry_run {
        // A threads / instagram-standalone channel gets Postiz's refresh workflow.
        let row_id = existing
            .as_ref()
            .map(|e| e.id.clone())
            .unwrap_or_else(|| "<the new row's id>".into());
        let label = format!("{identifier} \"{}\" (row {row_id})", row.name);
        if let Some(workflow) = engine::after_repair(
            args.deployment,
            env_file,
            &engine::Repaired {
                row_id: &row_id,
                organization_id: &org.id,
                provider: &identifier,
                label: &label,
            },
            true,
        ) {
            ctx.show(&workflow.notices);
            out["workflow"] = workflow.json;
        }
        out["outcome"] = json!(if existing.is_some() {
            "would_update"
        } else {
            "would_insert"
        });
        if ctx.ui.json {
            ctx.ui.json_data(&out);
        } else {
            let mut text = format!(
                "dry run: would {} in {} ({}), nothing written:\n",
                match &existing {
                    Some(e) => format!("update the row {} (\"{}\") in place", e.id, e.name),
                    None => "insert a new row".into(),
                },
                org.name,
                org.id
            );
            for (key, value) in shown.as_object().into_iter().flatten() {
                text.push_str(&format!("  {key}: {}\n", value_text(value)));
            }
            if let Some(r) = &replaced {
                text.push_str(&format!(
                    "  the row's tokens differ from the channel's: token {}, refresh_token {}, \
                     token_expiration {} (the channel's: {}); {}\n",
                    value_text(&r["token"]),
                    value_text(&r["refresh_token"]),
                    value_text(&r["token_expiration"]),
                    value_text(&r["channel_token_expiration"]),
                    if !live_replaced {
                        "the row is deleted in Postiz: they would be replaced and kept in a 0600 file"
                    } else if args.replace_tokens {
                        "--replace-tokens: they would be replaced and kept in a 0600 file"
                    } else {
                        "adopt would refuse to replace them without --replace-tokens"
                    }
                ));
            }
            if !shared.is_empty() {
                text.push_str(&format!(
                    "  the tokens would be written{}; the tokens those rows hold would be kept \
                     in a 0600 file\n",
                    shared_list(&shared).trim_start_matches(';')
                ));
            }
            for note in &notes {
                text.push_str(&format!("note: {note}\n"));
            }
            ctx.ui.data(text.trim_end().to_string());
        }
        return Ok(ExitCode::Ok);
    }
    if live_replaced && !args.replace_tokens {
        return Err(refusal());
    }
    // The replaced tokens are made durable before the row is touched.
    let mut held: Vec<Held<'_>> = Vec::new();
    if let (Some(e), Some(_)) = (&existing, &replaced) {
        held.push(Held {
            id: &e.id,
            organization_id: &org.id,
            internal_id: &internal_id,
            provider: &e.provider,
            name: &e.name,
            token: e.token.expose(),
            refresh_token: e.refresh_token.expose_str(),
            token_expiration: e.token_expiration,
        });
    }
    held.extend(shared.iter().map(Held::from));
    let kept = if held.is_empty() {
        None
    } else {
        Some(
            write_replaced_rows(
                ctx,
                &located,
                "postiz-connect postiz adopt",
                &held,
                row.token.expose(),
                row.refresh_token.expose(),
            )
            .map_err(|err| Error::Store {
                what: format!(
                    "the tokens of the row {} could not be kept aside ({err}): nothing written",
                    held[0].id
                ),
                fix: "make the config dir writable (free disk space, check its \
                      permissions), then run it again"
                    .into(),
            })?,
        )
    };
    let adopted = writer.upsert(
        &row,
        &repair::new_id(),
        existing
            .as_ref()
            .map(|e| (e.token.expose_str(), e.refresh_token.expose_str())),
        share_with_root.as_deref(),
    )?;
    let (row_id, inserted, shared) = match adopted {
        Adopted::Written {
            id,
            inserted,
            shared,
        } => (id, inserted, shared),
        Adopted::ChangedMeanwhile => {
            if let Some(path) = &kept {
                crate::store::pending::remove(path);
            }
            return Err(Error::Store {
                what: format!(
                    "the row for {} in {} changed in Postiz while it was being adopted (its \
                     tokens are not the ones read, or a row appeared): nothing written",
                    channel.name, org.name
                ),
                fix: "run postiz-connect postiz status, then adopt again if it is still needed"
                    .into(),
            });
        }
    };
    // Read back: the row must hold what was written (a trigger or a concurrent write
    // could have changed it); the replaced tokens' record stays either way.
    let verified = writer
        .secret_row(&row_id)?
        .is_some_and(|now| now.token == row.token && now.provider == identifier);
    if !verified {
        return Err(Error::Store {
            what: format!(
                "the row {row_id} for {} in {} was written, but read back it does not hold the \
                 adopted tokens (a trigger, or Postiz writing it at once){}",
                channel.name,
                org.name,
                kept.as_ref()
                    .map(|p| format!("; its previous tokens are kept in {}", p.display()))
                    .unwrap_or_default()
            ),
            fix: "run postiz-connect postiz status, then adopt again if it is still needed".into(),
        });
    }
    // The row is written and verified: what follows an adopt goes here.
    // Postiz holds the grant from now on: the local channel is not refreshed here again.
    let handed = crate::store::HandedToPostiz {
        database: (located.deployment.database.as_ref()).map_or_else(String::new, |d| d.shown()),
        organization_id: org.id.clone(),
        organization: org.name.clone(),
        row_id: row_id.clone(),
        at: Utc::now(),
    };
    if let Err(e) = ctx.store.hand_to_postiz(&channel.name, handed) {
        notes.push(format!(
            "{} could not be marked as handed to Postiz ({e}): do not refresh it here",
            channel.name
        ));
    }
    if let Some(path) = &kept {
        notes.push(format!(
            "the previous tokens of the rows written are kept in {} (0600); put them back with \
             postiz-connect postiz restore {}{}",
            path.display(),
            crate::ui::shell_word(&path.display().to_string()),
            deployment_flag(args.deployment)
        ));
        out["replaced_tokens_file"] = json!(path.display().to_string());
    }
    if shared > 0 {
        notes.push(format!(
            "{shared} other row(s) of the same login got the tokens too, as Postiz does"
        ));
    }
    out["shared_rows"] = json!(shared);
    out["outcome"] = json!(if inserted { "inserted" } else { "updated" });
    out["row_id"] = json!(row_id);
    notes.push(format!(
        "this tool and Postiz now hold the same tokens: refresh the channel only from the \
         deployment from now on (postiz-connect postiz refresh {}), since a provider that \
         rotates refresh tokens leaves the other copy with a spent one; remove the local copy \
         with postiz-connect logout --local-only {}",
        crate::ui::shell_word(&row_id),
        crate::ui::shell_word(&channel.name)
    ));
    out["notes"] = json!(notes);
    // Postiz starts a threads / instagram-standalone channel's refresh workflow at connect;
    // an adopted channel gets it here, or nothing would refresh it (printed after the row).
    let label = format!("{identifier} \"{}\" (row {row_id})", row.name);
    let start_workflow = || {
        engine::after_repair(
            args.deployment,
            env_file,
            &engine::Repaired {
                row_id: &row_id,
                organization_id: &org.id,
                provider: &identifier,
                label: &label,
            },
            false,
        )
    };
    let workflow = if ctx.ui.json {
        let workflow = start_workflow();
        if let Some(w) = &workflow {
            ctx.show(&w.notices);
            out["workflow"] = w.json.clone();
        }
        ctx.ui.json_data(&out);
        workflow
    } else {
        ctx.ui.step(format!(
            "{} {}{} {} \"{}\" in {} ({}) as row {row_id}",
            if inserted { "added" } else { "updated" },
            if sandbox { "the sandbox channel " } else { "" },
            channel.name,
            identifier,
            row.name,
            org.name,
            org.id
        ));
        for note in &notes {
            ctx.ui.info(note.as_str());
        }
        let workflow = start_workflow();
        if let Some(w) = &workflow {
            ctx.show(&w.notices);
        }
        workflow
    };
    // The row is written; its refresh workflow not started (Temporal unreachable).
    let code = if workflow.is_some_and(|w| w.failed) {
        ExitCode::Network
    } else {
        ExitCode::Ok
    };
    Ok(code)
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

pub(super) fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "(null)".into(),
        other => other.to_string(),
    }
}

/// An existing row of another provider at the same `(organizationId, internalId)`: two
/// providers' account ids collide (Postiz's upsert would turn it into this provider's,
/// and so would adopt). Refused whatever the flags.
pub(super) fn other_providers_row(
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

/// What Postiz keeps in `refreshToken` for a channel's refresh token: VK's with its device
/// id (`<token>&&&&<device id>`, vk.provider.ts), Slack's the literal `'null'`
/// (slack.provider.ts).
pub(super) fn postiz_refresh_column(
    identifier: &str,
    refresh_token: &str,
    channel: &crate::store::Channel,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn existing(provider: &str) -> Existing {
        Existing {
            id: "c-row".into(),
            name: "Acme on X".into(),
            provider: provider.into(),
            deleted: false,
            token: Secret::default(),
            refresh_token: None,
            token_expiration: None,
            additional_settings: None,
            root_internal_id: None,
        }
    }

    #[test]
    fn another_providers_row_is_refused_naming_it() {
        let org = Organization {
            id: "org-acme".into(),
            name: "Acme".into(),
            deleted: false,
        };
        assert!(other_providers_row(&existing("linkedin"), "linkedin", &org, "li").is_none());
        let refusal = other_providers_row(&existing("x"), "linkedin", &org, "li")
            .expect("another provider's row is refused");
        let text = refusal.to_string();
        assert!(
            text.contains("c-row") && text.contains("x channel \"Acme on X\""),
            "{text}"
        );
        assert_eq!(refusal.exit_code(), ExitCode::Rejected);
    }
}
