//! `postiz-connect postiz refresh|adopt`: the repair commands, the only ones that write to a
//! Postiz deployment (through [`crate::postiz::repair`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use oauth2::TokenResponse as _;
use serde_json::{json, Value};

use crate::cli::DeploymentArgs;
use crate::error::{Error, ExitCode};
use crate::http::HttpClient;
use crate::oauth::flow::{self, ClientCredentials};
use crate::postiz::locate::{self, Deployment};
use crate::postiz::repair::{self, AdoptRow, Adopted, RefreshWrite, SecretRow, Writer, Written};
use crate::postiz::{self, model::Organization};
use crate::providers::{credentials, EnvFile, Provider, RefreshStyle};
use crate::refresh::{classify, retry_delay, Class};

use crate::commands::Context;

/// Where the new tokens wait, in the config dir, until the row holds them.
const RECORDS: &str = "postiz-pending";

struct Located {
    deployment: Deployment,
    env_file: Option<EnvFile>,
}

fn locate_from(args: &DeploymentArgs) -> Result<Located, Error> {
    let env_file = EnvFile::read_if_given(args.env_file.as_deref())?;
    let deployment = locate::locate(
        args.database_url.as_deref(),
        args.redis_url.as_deref(),
        env_file.as_ref(),
        &|name| std::env::var(name).ok(),
    );
    Ok(Located {
        deployment,
        env_file,
    })
}

fn writer(located: &Located, args: &DeploymentArgs) -> Result<Writer, Error> {
    let Some(database) = &located.deployment.database else {
        return Err(Error::Config {
            what: "no Postiz database to write to: no --database-url, no DATABASE_URL in the \
                   .env or the environment"
                .into(),
            fix: "pass --env-file with Postiz's .env, or --database-url".into(),
        });
    };
    Writer::connect(database, args.connect_timeout)
}

/// The deployment's environment: its `.env` when one is given (then the shell's own
/// variables are not the deployment's, and are not read), else this process's.
fn deployment_env(env_file: Option<&EnvFile>) -> impl Fn(&str) -> Option<String> {
    let from_process = env_file.is_none();
    move |name| {
        if from_process {
            std::env::var(name).ok()
        } else {
            None
        }
    }
}

/// A setting of the deployment: its `.env` when given, else the environment.
fn setting(names: &[String], env_file: Option<&EnvFile>) -> Option<(String, String)> {
    credentials::lookup(names, env_file, &deployment_env(env_file))
}

/// Where a channel is reconnected in Postiz: `FRONTEND_URL/launches`, as Postiz's own
/// refresh notification says (`integration.service.ts`, `informAboutRefreshError`).
fn launches(env_file: Option<&EnvFile>) -> String {
    match setting(&["FRONTEND_URL".to_string()], env_file) {
        Some((url, _)) => format!("{}/launches", url.trim_end_matches('/')),
        None => "Postiz's Launches page (FRONTEND_URL/launches)".into(),
    }
}

pub struct RefreshArgs<'a> {
    pub ids: &'a [String],
    pub deployment: &'a DeploymentArgs,
    pub client_id: Option<&'a str>,
    pub client_secret: Option<&'a str>,
    pub sandbox_at: Option<&'a str>,
    pub dry_run: bool,
}

/// One row's result, as `--json` prints it.
fn result(row_id: &str, outcome: &str) -> Value {
    json!({"id": row_id, "outcome": outcome})
}

pub fn refresh(ctx: &Context, args: &RefreshArgs<'_>) -> Result<ExitCode, Error> {
    let located = locate_from(args.deployment)?;
    let mut writer = writer(&located, args.deployment)?;
    let http = HttpClient::new(Duration::from_secs(30), ctx.ui.verbose > 0);
    let mut results = Vec::new();
    let mut worst = ExitCode::Ok;
    for id in args.ids {
        match refresh_one(ctx, args, &located, &mut writer, &http, id) {
            Ok(value) => results.push(value),
            Err(e) => {
                worst = worst.worst(e.exit_code());
                let mut value = result(id, "failed");
                value["error"] = Value::String(e.to_string());
                if let Some(fix) = e.fix() {
                    value["fix"] = Value::String(fix);
                }
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
fn refresh_one(
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

/// Another run of this tool holds the row's lock.
fn busy(id: &str, what: &str) -> Error {
    Error::Store {
        what: format!(
            "row {id}: another postiz refresh (or restore) of this row is running: not {what}, \
             nothing called, nothing written"
        ),
        fix: "let it finish, then check with postiz-connect postiz status".into(),
    }
}

/// A record an earlier `postiz refresh` of this row kept in `postiz-pending/` whose
/// `replaces` fingerprints are the row's current tokens: that refresh spent the row's
/// refresh token, and the record holds its live successor.
fn pending_record_of(ctx: &Context, located: &Located, row: &SecretRow) -> Option<PathBuf> {
    let journal = ctx.store.journal();
    let mut dirs = vec![journal.home.join(RECORDS)];
    if let Some(parent) = journal.fallback.parent() {
        dirs.push(parent.join(RECORDS));
    }
    let here = located.deployment.database.as_ref().map(|d| d.url.clone());
    let token_sha = fingerprint(&row.token);
    let refresh_sha = fingerprint(row.refresh_token.as_deref().unwrap_or_default());
    let prefix = format!("{}.", crate::store::file_key(&row.id));
    let mut found: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".json"))
        })
        .filter(|path| {
            read_record(path).is_ok_and(|record| {
                record.row_id == row.id
                    && record
                        .replaces
                        .as_ref()
                        .is_some_and(|(t, r)| *t == token_sha && *r == refresh_sha)
                    && match (&record.database, &here) {
                        (Some(theirs), Some(here)) => postiz::db::same_database(theirs, here),
                        _ => true,
                    }
            })
        })
        .collect();
    found.sort();
    found.pop()
}

fn refresh_locked(
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
    let label = format!("{} \"{}\" (row {})", row.provider, row.name, row.id);
    if row.deleted {
        return Err(Error::Rejected {
            what: format!("{label} was deleted in Postiz"),
            fix: format!("connect it again from {}", launches(env_file)),
        });
    }
    let mut provider = postiz::catalog_entry(&ctx.catalog, &row.provider)
        .cloned()
        .ok_or_else(|| Error::Config {
            what: format!(
                "{label}: this tool does not know how to refresh Postiz's {} provider",
                row.provider
            ),
            fix: format!(
                "reconnect it from {} when it stops working",
                launches(env_file)
            ),
        })?;
    let mut value = result(&row.id, "");
    value["provider"] = json!(row.provider);
    value["name"] = json!(row.name);
    let nothing = |mut value: Value, why: String| -> Result<Value, Error> {
        ctx.ui.info(format!("{label}: {why}"));
        value["outcome"] = json!("cannot_refresh");
        value["reason"] = json!(why);
        Ok(value)
    };
    if provider.oauth1.as_ref().is_some_and(|o| o.postiz) {
        return nothing(
            value,
            format!(
                "{} channels are connected over OAuth 1.0a (X_API_KEY): their tokens do not \
                 expire and there is no refresh; if posting fails, reconnect it from {}",
                provider.name,
                launches(env_file)
            ),
        );
    }
    let two_step = postiz::is_two_step(&ctx.catalog, &row.provider);
    if two_step && row.in_between_steps {
        return Err(Error::Rejected {
            what: format!("{label}: its page choice never finished in Postiz"),
            fix: format!("finish it (or connect again) from {}", launches(env_file)),
        });
    }
    if provider.pages.as_ref().is_some_and(|p| p.token.is_some()) {
        return nothing(
            value,
            format!(
                "the row holds the {}'s own token, which has no refresh; connect again from {} when it expires",
                provider.pages.as_ref().map(|p| p.kind.as_str()).unwrap_or("page"),
                launches(env_file)
            ),
        );
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
        .and_then(|f| crate::doctor::envfile::postiz_redirect(&provider, &f.vars))
        .unwrap_or_default();
    let rule = provider.refresh.bind(&scopes, &redirect);
    match rule.style {
        RefreshStyle::None => {
            let note = rule.note.clone().unwrap_or_else(|| {
                format!(
                    "{} tokens cannot be refreshed; reconnect it from {} when it expires",
                    provider.name,
                    launches(env_file)
                )
            });
            return nothing(value, note);
        }
        RefreshStyle::RefreshToken if !row.has_refresh_token() => {
            return nothing(
                value,
                format!(
                    "the row has no refresh token; reconnect it from {} when the token expires",
                    launches(env_file)
                ),
            );
        }
        _ => {}
    }
    let clear_between_steps = row.in_between_steps && !two_step;
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
    if args.dry_run {
        let mut changes = vec!["token", "refreshToken", "tokenExpiration"];
        if row.refresh_needed {
            changes.push("refreshNeeded=false");
        }
        if clear_between_steps {
            changes.push("inBetweenSteps=false");
        }
        ctx.ui.info(format!(
            "dry run: would refresh {label} with client {} and set {} (nothing called, nothing written)",
            client.id,
            changes.join(", ")
        ));
        value["outcome"] = json!("would_refresh");
        value["would_set"] = json!(changes);
        return Ok(value);
    }

    // Postiz refreshes Meta's long-lived tokens with `integration.refreshToken`, which holds
    // the access token itself (threads.provider.ts, instagram.standalone.provider.ts).
    let refresh_token = row.refresh_token.clone().filter(|t| !t.is_empty());
    let access_token = match rule.style {
        RefreshStyle::AccessToken => refresh_token.clone().unwrap_or_else(|| row.token.clone()),
        _ => row.token.clone(),
    };
    let endpoints = crate::sandbox::endpoints_of(&provider);
    let wire = provider.wire();
    let no_params = BTreeMap::new();
    let renewal = flow::Renewal {
        refresh_token: refresh_token.as_deref(),
        access_token: &access_token,
        endpoints: &endpoints,
        client: &client,
        wire: &wire,
        rule: &rule,
        callback_params: &no_params,
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
                            row.id,
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
    // record before the row is touched.
    let now = Utc::now();
    let new_token = token.access_token().secret().clone();
    let new_refresh = match rule.style {
        // Postiz stores Meta's refreshed token as both (`refreshToken: access_token`).
        RefreshStyle::AccessToken => new_token.clone(),
        _ => token
            .refresh_token
            .as_ref()
            .map(|t| t.secret().clone())
            .or(refresh_token.clone())
            .unwrap_or_default(),
    };
    let rotated = refresh_token.as_deref() != Some(new_refresh.as_str());
    let mut expiration = token
        .expires_at(now)
        .unwrap_or_else(|| now + chrono::Duration::seconds(repair::NO_EXPIRY_SECONDS));
    if postiz::REFRESH_WORKFLOW_PROVIDERS.contains(&row.provider.as_str()) {
        expiration =
            expiration.min(now + chrono::Duration::days(repair::META_REFRESHED_LIFETIME_DAYS));
    }
    let record = write_record(ctx, located, &row, &new_token, &new_refresh, expiration);
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
    let written = writer.write_refresh(&RefreshWrite {
        id: &row.id,
        read_token: &row.token,
        read_refresh_token: row.refresh_token.as_deref(),
        token: &new_token,
        refresh_token: &new_refresh,
        token_expiration: expiration,
        clear_between_steps,
        share_with_root: share_root(&row),
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
    match written {
        Ok(Written::Updated { shared }) => {
            if let Some(p) = &record_path {
                crate::store::pending::remove(p);
            } else {
                ctx.ui.warn(format!(
                    "{label}: the row holds the new tokens, so nothing is lost; but fix the \
                     config dir before the next refresh (no recovery record could be written)"
                ));
            }
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
            value["outcome"] = json!("refreshed");
            value["token_expiration"] = json!(expiration.to_rfc3339());
            value["rotated"] = json!(rotated);
            value["shared_rows"] = json!(shared);
            Ok(value)
        }
        Ok(Written::ChangedMeanwhile) => Err(Error::Store {
            what: format!(
                "{label} changed in Postiz while it was being refreshed (its tokens are not the \
                 ones read): nothing was written; {}",
                kept(&record_path)
            ),
            fix: format!(
                "run postiz-connect postiz status; if the channel fails, reconnect it from {} \
                 (if the provider rotates refresh tokens, only one of the two refreshes holds a \
                 live one)",
                launches(env_file)
            ),
        }),
        Err(e) => Err(Error::Store {
            what: format!(
                "{label}: the provider issued new tokens but the database write failed ({e}); {}",
                kept(&record_path)
            ),
            fix: format!(
                "the old refresh token may be spent: do not run postiz refresh on this row again \
                 before restoring (it would present the spent token); {}",
                restore_hint(&record_path)
            ),
        }),
    }
}

/// Whether a failed refresh may be sent again with the same refresh token: the request
/// never left (DNS, connection refused, TLS handshake), or the provider answered that it
/// did not process it (429, 503). A timeout or another error answer may come after the
/// provider spent the token.
fn unsent_or_declined(err: &Error) -> bool {
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
fn class_of(err: &Error, style: RefreshStyle) -> Class {
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

/// The `rootInternalId` whose other rows get a `oneTimeToken` provider's refreshed tokens:
/// the row's own, else its `internalId` (as `createOrUpdateIntegration` looks it up).
fn share_root(row: &SecretRow) -> Option<&str> {
    repair::ONE_TIME_TOKEN_PROVIDERS
        .contains(&row.provider.as_str())
        .then(|| {
            row.root_internal_id
                .as_deref()
                .filter(|r| !r.is_empty())
                .unwrap_or(&row.internal_id)
        })
}

/// How the user named the deployment, for a command printed back (never the URL itself:
/// it may hold a password).
fn deployment_flag(args: &DeploymentArgs) -> String {
    match &args.env_file {
        Some(path) => format!(
            " --env-file {}",
            crate::ui::shell_word(&path.display().to_string())
        ),
        None if args.database_url.is_some() => " --database-url URL".into(),
        None => String::new(),
    }
}

/// Stop before the provider is called when no record could be written: a refresh may
/// spend the row's refresh token, and its successor must be durable before the row is
/// written.
fn probe_records(ctx: &Context, label: &str) -> Result<(), Error> {
    let name = format!(
        ".probe.{}.{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    match crate::store::pending::write_aside(ctx.store.journal(), RECORDS, &name, b"{}") {
        Ok(path) => {
            crate::store::pending::remove(&path);
            Ok(())
        }
        Err(e) => Err(Error::Store {
            what: format!(
                "{label}: not refreshed, the provider was not called: the new tokens could not \
                 be kept aside first ({e})"
            ),
            fix: "make the config dir writable (free disk space, check its permissions), then \
                  run it again"
                .into(),
        }),
    }
}

/// A fingerprint of a secret, so a record can name the tokens it replaces without
/// holding them.
fn fingerprint(secret: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The new tokens of a deployment's row, in a new 0600 file naming the row and the tokens
/// they replace (as fingerprints: `postiz restore` writes them back only over those).
fn write_record(
    ctx: &Context,
    located: &Located,
    row: &SecretRow,
    token: &str,
    refresh_token: &str,
    expiration: DateTime<Utc>,
) -> Result<PathBuf, Error> {
    let record = json!({
        "what": "tokens a provider issued for a Postiz channel row, written before the row; \
                 put them back with: postiz-connect postiz restore FILE",
        "database": located.deployment.database.as_ref().map(|d| d.shown()),
        "row": {"id": row.id, "organizationId": row.organization_id, "internalId": row.internal_id,
                "providerIdentifier": row.provider, "name": row.name},
        "replaces": {
            "token_sha256": fingerprint(&row.token),
            "refreshToken_sha256": fingerprint(row.refresh_token.as_deref().unwrap_or_default()),
        },
        "token": token,
        "refreshToken": refresh_token,
        "tokenExpiration": expiration.to_rfc3339(),
        "written_at": Utc::now().to_rfc3339(),
    });
    keep_record(ctx, RECORDS, &row.id, &record)
}

/// Writes `record` about row `row_id` to a new 0600 file under `dir` of the config
/// directory (created exclusively, fsynced), named after the row and the time.
fn keep_record(ctx: &Context, dir: &str, row_id: &str, record: &Value) -> Result<PathBuf, Error> {
    let name = format!(
        "{}.{}.json",
        crate::store::file_key(row_id),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    let bytes = serde_json::to_vec_pretty(record).expect("a record serializes");
    crate::store::pending::write_aside(ctx.store.journal(), dir, &name, &bytes)
}

pub struct RestoreArgs<'a> {
    pub file: &'a Path,
    pub deployment: &'a DeploymentArgs,
    pub dry_run: bool,
}

/// A record `postiz refresh` wrote, as read back.
struct Record {
    database: Option<String>,
    row_id: String,
    token: String,
    refresh_token: String,
    expiration: DateTime<Utc>,
    replaces: Option<(String, String)>,
}

fn read_record(file: &Path) -> Result<Record, Error> {
    let bytes = std::fs::read(file)
        .map_err(|e| Error::Usage(format!("cannot read {}: {e}", file.display())))?;
    let not_one = || {
        Error::Usage(format!(
            "{} is not a record of postiz-connect postiz refresh (those are in the config \
             dir's postiz-pending/; a local channel's recovery file goes to postiz-connect \
             restore)",
            file.display()
        ))
    };
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| not_one())?;
    let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str);
    let (Some(row_id), Some(token), Some(refresh_token), Some(expiration)) = (
        text("/row/id"),
        text("/token"),
        text("/refreshToken"),
        text("/tokenExpiration"),
    ) else {
        return Err(not_one());
    };
    let expiration = DateTime::parse_from_rfc3339(expiration)
        .map_err(|_| not_one())?
        .with_timezone(&Utc);
    Ok(Record {
        database: text("/database").map(str::to_string),
        row_id: row_id.to_string(),
        token: token.to_string(),
        refresh_token: refresh_token.to_string(),
        expiration,
        replaces: text("/replaces/token_sha256")
            .zip(text("/replaces/refreshToken_sha256"))
            .map(|(a, b)| (a.to_string(), b.to_string())),
    })
}

/// `postiz restore FILE`: put a record's tokens into its row, only over the tokens the
/// record replaces (else the row holds newer ones, and nothing is written).
pub fn restore(ctx: &Context, args: &RestoreArgs<'_>) -> Result<ExitCode, Error> {
    let record = read_record(args.file)?;
    let located = locate_from(args.deployment)?;
    // The same database however its URL is spelled: host, port, database name, schema.
    if let (Some(theirs), Some(here)) = (&record.database, &located.deployment.database) {
        if !postiz::db::same_database(theirs, &here.url) {
            return Err(Error::Config {
                what: format!(
                    "{} holds tokens for a row of the database {theirs}, not of {}",
                    args.file.display(),
                    here.shown()
                ),
                fix: "pass the .env (or --database-url) of the deployment it was written for"
                    .into(),
            });
        }
    }
    let mut writer = writer(&located, args.deployment)?;
    if !writer.try_lock_row(&record.row_id)? {
        return Err(busy(&record.row_id, "restored"));
    }
    let out = restore_locked(ctx, args, &record, &located, &mut writer);
    writer.unlock_row(&record.row_id);
    out
}

fn restore_locked(
    ctx: &Context,
    args: &RestoreArgs<'_>,
    record: &Record,
    located: &Located,
    writer: &mut Writer,
) -> Result<ExitCode, Error> {
    let env_file = located.env_file.as_ref();
    let row = writer
        .secret_row(&record.row_id)?
        .ok_or_else(|| Error::Rejected {
            what: format!(
                "the row {} of {} is gone from the deployment",
                record.row_id,
                args.file.display()
            ),
            fix: format!(
                "nothing to restore into: delete {} and connect the channel again from {}",
                args.file.display(),
                launches(env_file)
            ),
        })?;
    let label = format!("{} \"{}\" (row {})", row.provider, row.name, row.id);
    if row.deleted {
        return Err(Error::Rejected {
            what: format!("{label} was deleted in Postiz"),
            fix: format!(
                "nothing to restore into: delete {} and connect the channel again from {}",
                args.file.display(),
                launches(env_file)
            ),
        });
    }
    let mut value = json!({"id": row.id, "provider": row.provider, "name": row.name,
                           "file": args.file.display().to_string()});
    let done = |value: &mut Value, outcome: &str| {
        value["outcome"] = json!(outcome);
        if ctx.ui.json {
            ctx.ui.json_data(value);
        }
        Ok(ExitCode::Ok)
    };
    if row.token == record.token
        && row.refresh_token.as_deref().unwrap_or_default() == record.refresh_token
    {
        if args.dry_run {
            ctx.ui.info(format!(
                "dry run: {label} already holds the tokens of {}; it would be removed",
                args.file.display()
            ));
            return done(&mut value, "would_remove_record");
        }
        crate::store::pending::remove(args.file);
        ctx.ui.step(format!(
            "{label} already holds the tokens of {}: removed it",
            args.file.display()
        ));
        return done(&mut value, "already_in_row");
    }
    let Some((token_sha, refresh_sha)) = &record.replaces else {
        return Err(Error::Rejected {
            what: format!(
                "{} does not say which tokens it replaces (an older record), so there is no \
                 telling whether {label} holds newer ones: nothing written",
                args.file.display()
            ),
            fix: format!(
                "run postiz-connect postiz status; if the channel fails, reconnect it from {}",
                launches(env_file)
            ),
        });
    };
    let holds_replaced = fingerprint(&row.token) == *token_sha
        && fingerprint(row.refresh_token.as_deref().unwrap_or_default()) == *refresh_sha;
    if !holds_replaced {
        return Err(Error::Rejected {
            what: format!(
                "{label} no longer holds the tokens {} was made from: Postiz (or another \
                 refresh) changed it since, so its tokens are newer; nothing written",
                args.file.display()
            ),
            fix: format!(
                "run postiz-connect postiz status: if the channel is healthy, delete {}; if \
                 not, reconnect it from {}",
                args.file.display(),
                launches(env_file)
            ),
        });
    }
    let two_step = postiz::is_two_step(&ctx.catalog, &row.provider);
    let clear_between_steps = row.in_between_steps && !two_step;
    if args.dry_run {
        ctx.ui.info(format!(
            "dry run: would write the token, refreshToken and tokenExpiration ({}) of {} into \
             {label} (nothing written)",
            record.expiration.format("%Y-%m-%d %H:%M UTC"),
            args.file.display()
        ));
        return done(&mut value, "would_restore");
    }
    let written = writer.write_refresh(&RefreshWrite {
        id: &row.id,
        read_token: &row.token,
        read_refresh_token: row.refresh_token.as_deref(),
        token: &record.token,
        refresh_token: &record.refresh_token,
        token_expiration: record.expiration,
        clear_between_steps,
        share_with_root: share_root(&row),
    })?;
    match written {
        Written::Updated { shared } => {
            crate::store::pending::remove(args.file);
            ctx.ui.step(format!(
                "restored the tokens of {} into {label} (valid until {}){}; removed the record",
                args.file.display(),
                record.expiration.format("%Y-%m-%d %H:%M UTC"),
                if shared > 0 {
                    format!(", and into {shared} other row(s) of the same login, as Postiz does")
                } else {
                    String::new()
                }
            ));
            value["shared_rows"] = json!(shared);
            done(&mut value, "restored")
        }
        Written::ChangedMeanwhile => Err(Error::Store {
            what: format!(
                "{label} changed in Postiz while the record was being restored: nothing written; \
                 {} is kept",
                args.file.display()
            ),
            fix: "run postiz-connect postiz status, then try again if the channel fails".into(),
        }),
    }
}

pub struct AdoptArgs<'a> {
    pub channel: &'a str,
    pub org: &'a str,
    pub deployment: &'a DeploymentArgs,
    pub dry_run: bool,
    /// Replace an existing row's tokens that differ from the channel's.
    pub replace_tokens: bool,
}

/// Where adopt keeps the tokens it replaced in an existing row (apart from
/// `postiz-pending/`, which `postiz refresh` checks before calling a provider).
const REPLACED: &str = "postiz-replaced";

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

/// The tokens an existing row held before adopt replaced them, in a 0600 record
/// `postiz restore FILE` can put back (its `replaces`: the adopted tokens).
fn write_replaced(
    ctx: &Context,
    located: &Located,
    existing: &repair::Existing,
    org: &str,
    internal_id: &str,
    row: &AdoptRow,
) -> Result<PathBuf, Error> {
    let record = json!({
        "what": "tokens postiz-connect postiz adopt --replace-tokens replaced in a Postiz channel \
                 row; put them back with: postiz-connect postiz restore FILE",
        "database": located.deployment.database.as_ref().map(|d| d.shown()),
        "row": {"id": existing.id, "organizationId": org, "internalId": internal_id,
                "providerIdentifier": existing.provider, "name": existing.name},
        "replaces": {
            "token_sha256": fingerprint(&row.token),
            "refreshToken_sha256": fingerprint(&row.refresh_token),
        },
        "token": existing.token,
        "refreshToken": existing.refresh_token.clone().unwrap_or_default(),
        "tokenExpiration": existing
            .token_expiration
            .unwrap_or_else(Utc::now)
            .to_rfc3339(),
        "written_at": Utc::now().to_rfc3339(),
    });
    keep_record(ctx, REPLACED, &existing.id, &record)
}

/// The id Postiz knows a catalog provider by.
fn postiz_id(provider: &Provider) -> &str {
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
                         <Postiz .env> (see README \"Fix a channel in your Postiz\")",
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
    if postiz::REFRESH_WORKFLOW_PROVIDERS.contains(&identifier.as_str()) {
        notes.push(format!(
            "Postiz refreshes {} channels with a workflow it starts only when it connects a \
             channel itself: this adopted channel will not be refreshed by Postiz until it is \
             reconnected there. Meanwhile, keep it alive with postiz-connect postiz refresh ROW \
             (e.g. from cron, well before {})",
            provider.name,
            channel
                .expires_at
                .map(|e| e.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "it expires".into())
        ));
    }

    let now = Utc::now();
    let no_expiry = now + chrono::Duration::seconds(repair::NO_EXPIRY_SECONDS);
    let (token, refresh_token, expiration) = if x.is_some() {
        // X stores `token:secret` and no refresh token (x.provider.ts, authenticate).
        (
            format!(
                "{}:{}",
                secrets.access_token,
                secrets.token_secret.clone().unwrap_or_default()
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
        (
            secrets.access_token.clone(),
            refresh_token,
            channel.expires_at.unwrap_or(no_expiry),
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
        root_internal_id: channel
            .page
            .as_ref()
            .map(|p| p.user.clone())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| internal_id.clone()),
        name,
        provider: identifier.clone(),
        kind: "social".into(),
        profile: channel.account.username.clone(),
        picture: None,
        token,
        refresh_token,
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
                || e.refresh_token.as_deref().unwrap_or_default() != row.refresh_token
        })
        .map(|e| {
            json!({
                "token": repair::mask(&e.token),
                "refresh_token": repair::mask(e.refresh_token.as_deref().unwrap_or_default()),
                "token_expiration": e.token_expiration.map(|t| t.to_rfc3339()),
                "channel_token_expiration": row.token_expiration.to_rfc3339(),
            })
        });
    let live_replaced = replaced.is_some() && existing.as_ref().is_some_and(|e| !e.deleted);
    let mut shown = serde_json::to_value(&row).expect("row serializes");
    shown["token"] = json!(repair::mask(&row.token));
    shown["refresh_token"] = json!(repair::mask(&row.refresh_token));
    let mut out = json!({
        "channel": channel.name,
        "organization": {"id": org.id, "name": org.name},
        "sandbox": sandbox,
        "dry_run": args.dry_run,
        "row": shown,
        "existing": existing,
        "replaces_other_tokens": replaced,
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
    let kept = match (&existing, &replaced) {
        (Some(e), Some(_)) => Some(
            write_replaced(ctx, &located, e, &org.id, &internal_id, &row).map_err(|err| {
                Error::Store {
                    what: format!(
                        "the row {}'s tokens could not be kept aside ({err}): nothing written",
                        e.id
                    ),
                    fix: "make the config dir writable (free disk space, check its \
                          permissions), then run it again"
                        .into(),
                }
            })?,
        ),
        _ => None,
    };
    let share_with_root = repair::ONE_TIME_TOKEN_PROVIDERS
        .contains(&identifier.as_str())
        .then_some(row.root_internal_id.as_str());
    let adopted = writer.upsert(
        &row,
        &repair::new_id(),
        existing
            .as_ref()
            .map(|e| (e.token.as_str(), e.refresh_token.as_deref())),
        share_with_root,
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
    if let Some(path) = &kept {
        notes.push(format!(
            "the row's previous tokens are kept in {} (0600); put them back with \
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
         deployment from now on (postiz-connect postiz refresh {row_id}), since a provider that \
         rotates refresh tokens leaves the other copy with a spent one; remove the local copy \
         with postiz-connect logout --local-only {}",
        channel.name
    ));
    out["notes"] = json!(notes);
    if ctx.ui.json {
        ctx.ui.json_data(&out);
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
    }
    Ok(ExitCode::Ok)
}

/// The organization `--org` names, by id or name, among those not deleted: a deleted
/// organization (`deletedAt` set) counts as not existing, and an ambiguous name lists the
/// organizations it could mean.
fn live_organization<'a>(
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

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "(null)".into(),
        other => other.to_string(),
    }
}
