//! `postiz refresh ID...`: refresh a deployment row's tokens at its provider, guarded: the
//! row's lock, a record of the new tokens kept before the row is written, and no second
//! call with a refresh token that may be spent.

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use oauth2::TokenResponse as _;
use serde_json::{json, Value};

use super::writer::{self as repair, RefreshWrite, Writer, Written};
use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::model::ClientCredentials;
use crate::oauth::flow;
use crate::postiz::engine;
use crate::postiz::locate::Target;
use crate::postiz::refreshable::{self, RowFacts, Verdict};
use crate::postiz::{self};
use crate::providers::{credentials, RefreshStyle};
use crate::refresh::{classify, retry_delay, Class};
use crate::secret::ExposeOption;

use super::deployment::{
    busy, deployment_env, deployment_flag, launches, locate_from, setting, share_root, shared_list,
    writer, Context, Located,
};
use super::records::{pending_record_of, probe_records, write_record, write_replaced_rows, Held};

pub struct RefreshArgs<'a> {
    pub ids: &'a [String],
    pub deployment: &'a Target<'a>,
    pub client_id: Option<&'a str>,
    pub client_secret: Option<&'a str>,
    pub sandbox_at: Option<&'a str>,
    pub dry_run: bool,
}

/// One row's result, as `--json` prints it.
pub(super) fn result(row_id: &str, outcome: &str) -> Value {
    json!({"id": row_id, "outcome": outcome})
}

pub fn refresh(ctx: &Context, args: &RefreshArgs<'_>) -> Result<ExitCode, Error> {
    if let Some(base) = args.sandbox_at {
        loopback_only(base)?;
    }
    let located = locate_from(args.deployment)?;
    let mut writer = writer(&located, args.deployment)?;
    let http = ctx.network.client();
    let mut results = Vec::new();
    let mut worst = ExitCode::Ok;
    for id in args.ids {
        match refresh_one(ctx, args, &located, &mut writer, &http, id) {
            Ok(value) => {
                // The row is repaired, its refresh workflow not started: Temporal unreachable.
                if value["workflow"]["outcome"] == "failed" {
                    worst = worst.worst(ExitCode::Network);
                }
                results.push(value)
            }
            Err(e) => {
                worst = worst.worst(e.exit_code());
                let mut value = result(id, "failed");
                // The same object as an error on stderr (`ui::error_json`).
                value["error"] = crate::ui::error_json(&e);
                if !ctx.ui.json {
                    ctx.ui.error(&e);
                }
                results.push(value);
            }
        }
    }
    if ctx.ui.json {
        ctx.ui.json_data(&Value::Array(results));
    }
    Ok(worst)
}

/// Refresh one row under its advisory lock (session-level, on the writer's connection),
/// taken before the row is read and released after it is written: two runs of this tool on
/// one row would present the same refresh token, and a provider with reuse detection
/// (RFC 9700 section 4.14.2) revokes the whole grant on the second.
pub(super) fn refresh_one(
    ctx: &Context,
    args: &RefreshArgs<'_>,
    located: &Located,
    writer: &mut Writer,
    http: &HttpClient,
    id: &str,
) -> Result<Value, Error> {
    if !writer.try_lock_row(id)? {
        return Err(busy(id, "refreshed"));
    }
    let out = refresh_locked(ctx, args, located, writer, http, id);
    writer.unlock_row(id);
    out
}

/// `--sandbox-at` sends the row's real refresh token to that URL: only the emulator on
/// this machine's loopback may get it (RFC 8252 section 8.3: loopback addresses are
/// this host's), refused before the database or anything else is reached.
pub(super) fn loopback_only(base: &str) -> Result<(), Error> {
    let url = url::Url::parse(base)
        .map_err(|e| Error::Usage(format!("--sandbox-at {base}: not a URL ({e})")))?;
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    if loopback && matches!(url.scheme(), "http" | "https") {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "--sandbox-at must be the built-in sandbox on this machine (http://127.0.0.1:PORT, \
         as postiz-connect sandbox prints it), not {}: the row's real refresh token is sent \
         there; nothing was read or sent",
        crate::text::one_line(base, 120)
    )))
}

pub(super) fn refresh_locked(
    ctx: &Context,
    args: &RefreshArgs<'_>,
    located: &Located,
    writer: &mut Writer,
    http: &HttpClient,
    id: &str,
) -> Result<Value, Error> {
    let env_file = located.env_file.as_ref();
    let row = writer.secret_row(id)?.ok_or_else(|| {
        Error::Usage(format!(
            "no channel row has the id {id} (postiz-connect postiz status shows each row's id)"
        ))
    })?;
    let label = row.label();
    if row.deleted {
        return Err(Error::Rejected {
            what: format!("{label} was deleted in Postiz"),
            fix: format!("connect it again from {}", launches(env_file)),
        });
    }
    let mut value = result(&row.id, "");
    value["provider"] = json!(row.provider);
    value["name"] = json!(row.name);
    let nothing = |mut value: Value, code: &str, why: String| -> Result<Value, Error> {
        ctx.ui.info(format!("{label}: {why}"));
        value["outcome"] = json!("cannot_refresh");
        value["code"] = json!(code);
        value["reason"] = json!(why);
        Ok(value)
    };
    // The one decision `postiz status` shares: what can be refreshed, and how.
    let facts = RowFacts {
        provider: &row.provider,
        internal_id: &row.internal_id,
        root_internal_id: row.root_internal_id.as_deref(),
        in_between_steps: row.in_between_steps,
        token_expiration: row.token_expiration,
        has_refresh_token: row.has_refresh_token(),
    };
    let (clear_between_steps, page_check) =
        match refreshable::verdict(&facts, ctx.catalog, Utc::now()) {
            Verdict::Unknown => {
                return Err(Error::Config {
                    what: format!(
                        "{label}: this tool does not know how to refresh Postiz's {} provider",
                        row.provider
                    ),
                    fix: format!(
                        "reconnect it from {} when it stops working",
                        launches(env_file)
                    ),
                })
            }
            Verdict::Unfinished { kind } => {
                return Err(Error::Rejected {
                    what: format!("{label}: its {kind} choice never finished in Postiz"),
                    fix: format!("finish it (or connect again) from {}", launches(env_file)),
                })
            }
            Verdict::Cannot { code, reason } => {
                return nothing(
                    value,
                    code,
                    format!(
                        "{reason}; reconnect it from {} when it stops working",
                        launches(env_file)
                    ),
                )
            }
            Verdict::Refresh {
                clear_between_steps,
                page_check,
            } => (clear_between_steps, page_check),
        };
    let mut provider = postiz::catalog_entry(ctx.catalog, &row.provider)
        .cloned()
        .expect("the verdict found the provider");
    // What Postiz keeps in refreshToken, taken apart (VK: `<token>&&&&<device id>`).
    let stored = refreshable::split_refresh(&row.provider, row.refresh_token.expose_str());
    if row.provider == "vk" && !stored.params.contains_key("device_id") {
        return Err(Error::Rejected {
            what: format!(
                "{label}: its refreshToken holds no device id (Postiz keeps \
                 <refresh token>&&&&<device id> for VK, and VK ID refreshes only with both)"
            ),
            fix: format!("reconnect it from {}", launches(env_file)),
        });
    }
    // The client: the sandbox's, or the deployment's own (flags, its .env, the environment).
    let client = match args.sandbox_at {
        Some(base) => {
            provider = crate::sandbox::rewrite(&provider, base);
            crate::sandbox::client_for(&provider)
        }
        None => {
            let creds = credentials::resolve(
                &provider,
                args.client_id,
                args.client_secret,
                env_file,
                &deployment_env(env_file),
            )?;
            ctx.ui
                .info(format!("client id from {}", creds.client_id_source));
            ClientCredentials {
                id: creds.client_id,
                secret: creds.client_secret,
                auth: provider.client_auth,
            }
        }
    };
    if provider.needs_base() {
        let base = setting(&provider.base_url_env, env_file)
            .map(|(v, _)| v)
            .or_else(|| provider.base_url.clone())
            .ok_or_else(|| Error::Config {
                what: format!("{label}: the instance URL is not known"),
                fix: format!("set {} in the .env", provider.base_url_env.join(" or ")),
            })?;
        provider.apply_base(&base)?;
    }
    let scopes = provider.scopes.join(&provider.scope_separator);
    let redirect = located
        .env_file
        .as_ref()
        .and_then(|f| postiz::postiz_redirect(&provider, &f.vars))
        .unwrap_or_default();
    let rule = provider.refresh.bind(&scopes, &redirect);
    let kind = provider
        .pages
        .as_ref()
        .map(|p| p.kind.clone())
        .unwrap_or_else(|| "page".into());
    // An earlier refresh's record for these very tokens: that refresh spent the row's
    // refresh token, so presenting it again would be refused, or at a provider with reuse
    // detection revoke the grant, the record's live token with it.
    if let Some(path) = pending_record_of(ctx, located, &row) {
        return Err(Error::Store {
            what: format!(
                "{label}: not refreshed, the provider was not called: an earlier refresh's \
                 tokens wait in {} (its database write failed), and the row still holds the \
                 refresh token that refresh spent; presenting it again could make the provider \
                 revoke the grant",
                path.display()
            ),
            fix: format!(
                "put them into the row first: postiz-connect postiz restore {}{}",
                crate::ui::shell_word(&path.display().to_string()),
                deployment_flag(args.deployment)
            ),
        });
    }
    // The rows of the same login Postiz's `oneTimeToken` copy writes too (LinkedIn), in
    // every organization, soft-deleted ones included.
    let root = share_root(&row).map(str::to_string);
    let shared = match &root {
        Some(root) => writer.rows_sharing(root, &row.id)?,
        None => Vec::new(),
    };
    if args.dry_run {
        let mut changes = vec!["token", "refreshToken", "tokenExpiration"];
        if row.refresh_needed {
            changes.push("refreshNeeded=false");
        }
        if clear_between_steps {
            changes.push("inBetweenSteps=false");
        }
        ctx.ui.info(format!(
            "dry run: would refresh {label} with client {}{} and set {}{} (nothing called, \
             nothing written)",
            client.id,
            if page_check {
                format!(
                    ", check that the login still lists its {kind} (a crashed refresh left \
                     inBetweenSteps set)"
                )
            } else {
                String::new()
            },
            changes.join(", "),
            shared_list(&shared)
        ));
        value["outcome"] = json!("would_refresh");
        value["would_set"] = json!(changes);
        value["would_change"] = json!(std::iter::once(&row)
            .chain(&shared)
            .map(|r| r.id.clone())
            .collect::<Vec<_>>());
        if let Some(workflow) = engine::after_repair(
            ctx.ui,
            args.deployment,
            env_file,
            &repaired(&row, &label),
            true,
        ) {
            value["workflow"] = workflow.json;
        }
        return Ok(value);
    }

    // Postiz refreshes Meta's long-lived tokens with `integration.refreshToken`, which holds
    // the access token itself (threads.provider.ts, instagram.standalone.provider.ts).
    let refresh_token = stored.token.expose_str().map(str::to_string);
    let access_token = match rule.style {
        RefreshStyle::AccessToken => refresh_token
            .clone()
            .unwrap_or_else(|| row.token.expose().clone()),
        _ => row.token.expose().clone(),
    };
    let endpoints = crate::sandbox::endpoints_of(&provider);
    let wire = provider.wire();
    let renewal = flow::Renewal {
        refresh_token: refresh_token.as_deref(),
        access_token: &access_token,
        endpoints: &endpoints,
        client: &client,
        wire: &wire,
        rule: &rule,
        callback_params: &stored.params,
    };
    // A database that refuses the write (a role without UPDATE, a read replica) is found
    // before the provider spends the refresh token.
    writer.check_writable(&row.id)?;
    // A rotated refresh token must be durable before anything else happens: if no record
    // can be written, the provider is not called at all.
    probe_records(ctx, &label)?;
    let mut attempt = 0;
    let token = loop {
        attempt += 1;
        match flow::refresh(&renewal, http) {
            Ok(token) => break token,
            Err(err) => match class_of(&err, rule.style) {
                // Only a request that never reached the provider, or an answer that says
                // it was not processed, is sent again with the same refresh token.
                Class::Transient if attempt < 3 && unsent_or_declined(&err) => {
                    std::thread::sleep(retry_delay(&err, Duration::from_millis(500), attempt));
                }
                Class::Transient if !unsent_or_declined(&err) => {
                    return Err(Error::Store {
                        what: format!(
                            "{label}: no usable answer to the refresh ({err}), so the refresh token may be \
                             spent: the provider may have received the request and rotated it \
                             without the new one arriving here; the row was left as it is and \
                             the request was not sent again (the same refresh token twice can \
                             make a provider revoke the grant)"
                        ),
                        fix: format!(
                            "check the channel with postiz-connect postiz status, then run \
                             postiz-connect postiz refresh {}{} once: if it answers invalid_grant \
                             the refresh token was spent, and the channel must be reconnected \
                             from {}",
                            crate::ui::shell_word(&row.id),
                            deployment_flag(args.deployment),
                            launches(env_file)
                        ),
                    });
                }
                Class::DeadGrant => {
                    // Postiz (or another process) may have refreshed the row meanwhile and
                    // spent the refresh token read: then the grant is alive in the row.
                    if let Ok(Some(now)) = writer.secret_row(&row.id) {
                        if now.token != row.token || now.refresh_token != row.refresh_token {
                            return Err(Error::Store {
                                what: format!(
                                    "{label} was refreshed meanwhile by another process (Postiz \
                                     itself, most likely): the provider refused the refresh token \
                                     read, which that refresh spent, and the row now holds newer \
                                     tokens; nothing written"
                                ),
                                fix: "check it with postiz-connect postiz status; nothing to do \
                                      if the channel is healthy"
                                    .into(),
                            });
                        }
                    }
                    return Err(Error::Rejected {
                        what: format!(
                            "{label}: the provider refused the refresh ({err}); the grant is \
                             dead (revoked, expired, or its refresh token already spent)"
                        ),
                        fix: format!(
                            "reconnect the channel from Postiz: {} (the row was left as it is)",
                            launches(env_file)
                        ),
                    });
                }
                Class::Misconfigured => {
                    return Err(Error::Config {
                        what: format!(
                            "{label}: the provider refused the client {} ({err})",
                            client.id
                        ),
                        fix: "check the provider's client id and secret in Postiz's .env: they \
                              must be those of the app that connected the channel"
                            .into(),
                    })
                }
                _ => return Err(err),
            },
        }
    };

    // The provider may have spent the old refresh token: the new tokens go to a private
    // record before the row is touched, with the replaced ones, until the row is written
    // and read back.
    let now = Utc::now();
    let new_token = token.access_token().secret().clone();
    let issued_refresh = match rule.style {
        // Postiz stores Meta's refreshed token as both (`refreshToken: access_token`).
        RefreshStyle::AccessToken => new_token.clone(),
        _ => token
            .refresh_token
            .as_ref()
            .map(|t| t.secret().clone())
            .or(refresh_token.clone())
            .unwrap_or_default(),
    };
    let rotated = refresh_token.as_deref() != Some(issued_refresh.as_str());
    let new_refresh = refreshable::join_refresh(&row.provider, &issued_refresh, &stored.params);
    let expiration = repair::recorded_expiry(&row.provider, now, token.expires_at(now));
    let record = write_record(
        ctx,
        located,
        &row,
        &new_token,
        &new_refresh,
        expiration,
        &shared,
    );
    let record_path = match record {
        Ok(path) => Some(path),
        Err(e) => {
            // Checked writable a moment ago, yet failing now: the row is the only durable
            // place left for the new tokens, so it is written all the same.
            ctx.ui.warn(format!(
                "{label}: the provider has issued new tokens but no recovery record could be \
                 written ({e}); writing them to the row now, their only copy"
            ));
            value["record_failed"] = json!(true);
            None
        }
    };
    let kept = |path: &Option<PathBuf>| match path {
        Some(p) => format!("the new tokens are kept in {} (0600)", p.display()),
        None => "the new tokens could not be kept anywhere (no recovery record could be \
                 written either)"
            .into(),
    };
    // A page row whose refresh crashed: Postiz's refresh asks the login for the page again
    // (`reConnect` of youtube/gmb/tumblr/linkedin-page) and fails when it is gone.
    if page_check {
        let listed = provider
            .pages
            .as_ref()
            .map(|pages| crate::providers::pages::list(pages, &new_token, http));
        let found = match listed {
            Some(Ok(choices)) => {
                crate::providers::pages::find(&choices, &row.internal_id).is_some()
            }
            Some(Err(e)) => {
                return Err(Error::Store {
                    what: format!(
                        "{label}: refreshed, but its {kind}s could not be listed to check the \
                         {kind} is still there ({e}): nothing written; {}",
                        kept(&record_path)
                    ),
                    fix: format!(
                        "try again later; if it keeps failing, reconnect it from {}",
                        launches(env_file)
                    ),
                })
            }
            None => true,
        };
        if !found {
            if !rotated {
                // The row's refresh token is still the live one: nothing to keep.
                if let Some(p) = &record_path {
                    crate::store::pending::remove(p);
                }
            }
            return Err(Error::Rejected {
                what: format!(
                    "{label}: the login no longer lists its {kind} {} (access to it was lost: \
                     the crashed refresh Postiz recorded with inBetweenSteps); nothing written{}",
                    row.internal_id,
                    if rotated {
                        format!("; {}", kept(&record_path))
                    } else {
                        String::new()
                    }
                ),
                fix: format!(
                    "reconnect it from {} with an account that manages the {kind}",
                    launches(env_file)
                ),
            });
        }
    }
    // The rows of the same login get the new tokens too: what they held is kept, for
    // postiz restore.
    let replaced_path = if shared.is_empty() {
        None
    } else {
        let rows: Vec<Held<'_>> = std::iter::once(&row)
            .chain(&shared)
            .map(Held::from)
            .collect();
        match write_replaced_rows(
            ctx,
            located,
            "postiz-connect postiz refresh",
            &rows,
            &new_token,
            &new_refresh,
        ) {
            Ok(path) => Some(path),
            Err(e) => {
                ctx.ui.warn(format!(
                    "{label}: the tokens of the rows of the same login could not be kept aside \
                     ({e}); the recovery record {} holds them until the write is checked",
                    record_path
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "(none)".into())
                ));
                None
            }
        }
    };
    let written = writer.write_refresh(&RefreshWrite {
        id: &row.id,
        read_token: row.token.expose(),
        read_refresh_token: row.refresh_token.expose_str(),
        token: &new_token,
        refresh_token: &new_refresh,
        token_expiration: expiration,
        clear_between_steps,
        share_with_root: root.as_deref(),
    });
    let restore_hint = |path: &Option<PathBuf>| match path {
        Some(p) => format!(
            "once the database works, put them into the row with: postiz-connect postiz restore \
             {}{}",
            crate::ui::shell_word(&p.display().to_string()),
            deployment_flag(args.deployment)
        ),
        None => format!(
            "if the channel stops working, reconnect it from {}",
            launches(env_file)
        ),
    };
    let drop_replaced = || {
        if let Some(p) = &replaced_path {
            crate::store::pending::remove(p);
        }
    };
    match written {
        Ok(Written::Updated { shared }) => {
            // Read back: the record goes only once the row is seen holding the new tokens.
            let verified = writer
                .secret_row(&row.id)
                .ok()
                .flatten()
                .is_some_and(|now| {
                    *now.token.expose() == new_token
                        && now.refresh_token.expose_str() == Some(&new_refresh)
                });
            if !verified {
                return Err(Error::Store {
                    what: format!(
                        "{label}: the database took the write, but the row read back does not \
                         hold the new tokens (a trigger, or Postiz writing it at once): {}",
                        kept(&record_path)
                    ),
                    fix: restore_hint(&record_path),
                });
            }
            if let Some(p) = &record_path {
                crate::store::pending::remove(p);
            } else {
                ctx.ui.warn(format!(
                    "{label}: the row holds the new tokens, so nothing is lost; but fix the \
                     config dir before the next refresh (no recovery record could be written)"
                ));
            }
            // The row is written and verified: what follows a refresh goes here.
            ctx.ui.step(format!(
                "refreshed {label}: token valid until {}{}{}{}",
                expiration.format("%Y-%m-%d %H:%M UTC"),
                if rotated {
                    "; refresh token rotated and saved"
                } else {
                    ""
                },
                if clear_between_steps {
                    "; the crashed refresh's inBetweenSteps cleared"
                } else {
                    ""
                },
                if shared > 0 {
                    format!("; {shared} other row(s) of the same login updated too, as Postiz does")
                } else {
                    String::new()
                }
            ));
            if let Some(p) = &replaced_path {
                ctx.ui.info(format!(
                    "the tokens those rows held are kept in {} (0600); put them back with \
                     postiz-connect postiz restore {}{}",
                    p.display(),
                    crate::ui::shell_word(&p.display().to_string()),
                    deployment_flag(args.deployment)
                ));
                value["replaced_tokens_file"] = json!(p.display().to_string());
            }
            // Postiz's refresh workflow (threads, instagram-standalone) restarted, and the
            // post workflows still holding the old tokens named.
            let channel = repaired(&row, &label);
            if let Some(workflow) =
                engine::after_repair(ctx.ui, args.deployment, env_file, &channel, false)
            {
                value["workflow"] = workflow.json;
            }
            if let Some(database) = &located.deployment.database {
                let running = engine::warn_running_posts(
                    ctx.ui,
                    args.deployment,
                    env_file,
                    database,
                    &channel,
                );
                if !running.is_empty() {
                    value["running_post_workflows"] = json!(running);
                }
            }
            value["outcome"] = json!("refreshed");
            value["token_expiration"] = json!(expiration.to_rfc3339());
            value["rotated"] = json!(rotated);
            value["shared_rows"] = json!(shared);
            Ok(value)
        }
        Ok(Written::ChangedMeanwhile) => {
            drop_replaced();
            Err(Error::Store {
                what: format!(
                    "{label} changed in Postiz while it was being refreshed (its tokens are not \
                     the ones read): nothing was written; {}",
                    kept(&record_path)
                ),
                fix: format!(
                    "run postiz-connect postiz status; if the channel fails, reconnect it from \
                     {} (if the provider rotates refresh tokens, only one of the two refreshes \
                     holds a live one)",
                    launches(env_file)
                ),
            })
        }
        Err(e) => {
            drop_replaced();
            Err(Error::Store {
                what: format!(
                    "{label}: the provider issued new tokens but the database write failed \
                     ({e}); {}",
                    kept(&record_path)
                ),
                fix: format!(
                    "the old refresh token may be spent: do not run postiz refresh on this row \
                     again before restoring (it would present the spent token); {}",
                    restore_hint(&record_path)
                ),
            })
        }
    }
}

/// A written row, as the engine hook names it.
fn repaired<'a>(row: &'a super::writer::SecretRow, label: &'a str) -> engine::Repaired<'a> {
    engine::Repaired {
        row_id: &row.id,
        organization_id: &row.organization_id,
        provider: &row.provider,
        label,
    }
}

/// Whether a failed refresh may be sent again with the same refresh token: the request
/// never left (DNS, connection refused, TLS handshake), or the provider answered that it
/// did not process it (429, 503). A timeout or another error answer may come after the
/// provider spent the token.
pub(super) fn unsent_or_declined(err: &Error) -> bool {
    use crate::http::NetworkKind;
    match err {
        Error::Detailed { error, .. } => unsent_or_declined(error),
        Error::Network(e) => matches!(
            e.kind,
            NetworkKind::Dns | NetworkKind::Refused | NetworkKind::Tls
        ),
        Error::Token(e) => matches!(e.status, Some(429) | Some(503)),
        _ => false,
    }
}

/// How a refresh failure is handled. Meta's `*_refresh_token` calls answer a dead token
/// with a Graph error (`OAuthException`, code 190: "Error validating access token" or
/// "Invalid OAuth access token"), not `invalid_grant`.
pub(super) fn class_of(err: &Error, style: RefreshStyle) -> Class {
    match classify(err) {
        Class::Other if style == RefreshStyle::AccessToken => match err {
            Error::Token(e)
                if e.description.as_deref().is_some_and(|d| {
                    d.starts_with("Error validating access token")
                        || d.starts_with("Invalid OAuth access token")
                }) =>
            {
                Class::DeadGrant
            }
            _ => Class::Other,
        },
        class => class,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_at_takes_only_this_machines_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.9.9.9",
            "http://[::1]:9000/base",
            "http://localhost:3000",
        ] {
            assert!(loopback_only(ok).is_ok(), "{ok}");
        }
        for refused in [
            "https://provider.example.com",
            "http://10.0.0.1:8080",
            "http://localhost.example.com",
            "http://127.0.0.1.nip.io",
            "file:///tmp/x",
            "not a url",
        ] {
            assert!(
                matches!(loopback_only(refused), Err(Error::Usage(_))),
                "{refused}"
            );
        }
    }
}
