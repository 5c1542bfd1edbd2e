//! The Postiz database, read-only: every read runs in a `BEGIN READ ONLY` transaction with a
//! statement timeout, and selects named columns only (never `token`, `refreshToken`,
//! `customInstanceDetails` or `apiKey`).
//!
//! The URL is Prisma's (`DATABASE_URL`): `postgresql://user:password@host:port/db?...`.
//! `sslmode` is read as libpq and Prisma read it: `disable`; `prefer` (the default) and
//! `require` encrypt when asked without checking the certificate, as Prisma does unless
//! `sslaccept=strict`; `verify-ca`/`verify-full` (or `sslaccept=strict`) check it against the
//! system's roots and `sslrootcert`. Prisma's `schema` selects the schema; its pool
//! parameters are ignored. TLS is rustls (the stack the rest of the tool uses).

use std::sync::Arc;
use std::time::Duration;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use postgres::{Client, Config, NoTls};

use super::locate::{host_port, reach_advice, Located, Store};
use super::model::{ChannelRow, FailedPost, Organization, RefreshNotice, StatusChannel, StatusRow};
use crate::error::Error;

/// How the connection is encrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tls {
    Off,
    /// Encrypted when the server offers it (`prefer`) or always (`require`), certificate
    /// not checked.
    Unverified {
        required: bool,
    },
    /// Encrypted, the certificate checked (system roots, plus `sslrootcert`).
    Verified {
        root_cert: Option<String>,
    },
}

/// A database URL taken apart.
#[derive(Debug, Clone)]
pub struct Target {
    pub config: Config,
    pub tls: Tls,
    /// Prisma's `?schema=`: where the tables are (default `public`).
    pub schema: Option<String>,
    /// host:port, for messages.
    pub place: String,
}

/// Parse a Prisma database URL.
pub fn parse_url(url: &str, timeout: Duration) -> Result<Target, Error> {
    let bad = |why: String| Error::Config {
        what: format!(
            "the database URL {} is not a PostgreSQL URL: {why}",
            super::locate::display_url(url)
        ),
        fix: "give --database-url (or DATABASE_URL) as Postiz has it: \
              postgresql://USER:PASSWORD@HOST:5432/DATABASE"
            .into(),
    };
    // Prisma wants a password's `#`, `?` and `/` percent-encoded; raw, they end the
    // authority early, and a part of the password would be taken for the host or port.
    if let Some((_, rest)) = url.split_once("://") {
        if rest
            .rfind('@')
            .is_some_and(|at| rest[..at].contains(['#', '?', '/']))
        {
            return Err(bad(
                "the user name or password holds a raw '#', '?' or '/': percent-encode them \
                 (%23, %3F, %2F), as Prisma requires"
                    .into(),
            ));
        }
    }
    let parsed = url::Url::parse(url).map_err(|e| bad(e.to_string()))?;
    if !matches!(parsed.scheme(), "postgresql" | "postgres") {
        return Err(bad(format!("the scheme is {}:", parsed.scheme())));
    }
    let mut config = Config::new();
    config
        .connect_timeout(timeout)
        .application_name("postiz-connect (read-only)");
    #[cfg(target_os = "linux")]
    config.tcp_user_timeout(timeout.max(Duration::from_secs(5)) * 2);
    if !parsed.username().is_empty() {
        config.user(&percent_decode(parsed.username()));
    }
    if let Some(password) = parsed.password() {
        config.password(percent_decode(password));
    }
    let mut place_host = parsed.host_str().unwrap_or("localhost").to_string();
    if let Some(host) = parsed.host_str() {
        config.host(host.trim_matches(['[', ']']));
    }
    let port = parsed.port().unwrap_or(5432);
    config.port(port);
    let db = percent_decode(parsed.path().trim_start_matches('/'));
    if !db.is_empty() {
        config.dbname(&db);
    }
    let mut sslmode = None;
    let mut strict = false;
    let mut root_cert = None;
    let mut schema = None;
    for (key, value) in parsed.query_pairs() {
        match key.as_ref() {
            "sslmode" => sslmode = Some(value.into_owned()),
            "sslaccept" => strict = value == "strict",
            "sslrootcert" => root_cert = Some(value.into_owned()),
            "schema" if !value.is_empty() => schema = Some(value.into_owned()),
            "host" if value.starts_with('/') => {
                config.host_path(value.as_ref());
                place_host = value.into_owned();
            }
            "user" | "username" => {
                config.user(value.as_ref());
            }
            "password" => {
                config.password(value.as_ref());
            }
            "dbname" | "database" => {
                config.dbname(value.as_ref());
            }
            // Prisma's pool settings and libpq options this read does not need.
            _ => {}
        }
    }
    if parsed.host_str().is_none() && place_host == "localhost" {
        config.host("localhost");
    }
    let tls = match sslmode.as_deref() {
        Some("disable") => Tls::Off,
        Some("verify-ca" | "verify-full") => Tls::Verified { root_cert },
        _ if strict || root_cert.is_some() => Tls::Verified { root_cert },
        None | Some("prefer" | "allow") => Tls::Unverified { required: false },
        Some("require" | "no-verify") => Tls::Unverified { required: true },
        // Named, not echoed: a mangled URL can put anything there.
        Some(_) => {
            return Err(bad(
                "its sslmode is not one of disable, prefer, require, verify-ca, verify-full".into(),
            ))
        }
    };
    config.ssl_mode(match tls {
        Tls::Off => postgres::config::SslMode::Disable,
        Tls::Unverified { required: false } => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    });
    Ok(Target {
        config,
        tls,
        schema,
        place: format!("{place_host}:{port}"),
    })
}

/// The warning a connection that writes (the repair commands: they read and write tokens)
/// gets when its URL names no `sslmode`: libpq's default, `prefer`, encrypts only when the
/// server offers it, and a man in the middle can strip that. None for a Unix socket, and
/// when the URL says what it wants (`sslmode`, `sslaccept=strict`, `sslrootcert`).
pub fn clear_text_warning(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let mut socket = false;
    for (key, value) in parsed.query_pairs() {
        match key.as_ref() {
            "sslmode" | "sslrootcert" => return None,
            "sslaccept" if value == "strict" => return None,
            "host" if value.starts_with('/') => socket = true,
            _ => {}
        }
    }
    if socket {
        return None;
    }
    Some(format!(
        "the database URL names no sslmode, so the tokens this command reads and writes may \
         cross the network to {} in clear (PostgreSQL then encrypts only when the server \
         offers it, and anything in between can strip that): add sslmode=require, or \
         sslmode=verify-full&sslrootcert=CA.pem, to the URL (sslmode=disable if plain text is \
         intended, e.g. a database on this machine)",
        super::locate::host_port(url, 5432)
    ))
}

/// Whether two database URLs name the same database: host, port, database name and
/// schema, however the URL is spelled (`postgres://` or `postgresql://`, a password or
/// not, query parameters in another order). Unparsable URLs compare as text.
pub fn same_database(a: &str, b: &str) -> bool {
    let key = |url: &str| {
        parse_url(url, Duration::from_secs(1)).ok().map(|t| {
            let hosts: Vec<String> = t
                .config
                .get_hosts()
                .iter()
                .map(|h| match h {
                    postgres::config::Host::Tcp(name) => name.to_ascii_lowercase(),
                    #[cfg(unix)]
                    postgres::config::Host::Unix(path) => path.display().to_string(),
                })
                .collect();
            let dbname = t
                .config
                .get_dbname()
                .or(t.config.get_user())
                .map(str::to_string);
            (
                hosts,
                t.config.get_ports().to_vec(),
                dbname,
                t.schema.unwrap_or_else(|| "public".into()),
            )
        })
    };
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A URL part percent-decoded (`+` stays a plus, as in a URL's user info and path).
pub(super) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// An open, read-only connection to the Postiz database.
pub struct Database {
    client: Client,
    schema: Option<String>,
    statement_timeout: Duration,
    located: Located,
    connect_timeout: Duration,
}

impl Database {
    /// Connect within `timeout` (each address tried gets it), or say which database could
    /// not be reached and how to reach it.
    pub fn connect(located: &Located, timeout: Duration) -> Result<Database, Error> {
        let target = parse_url(&located.url, timeout)?;
        let client = match &target.tls {
            Tls::Off => target.config.connect(NoTls),
            tls => target.config.connect(tls_connector(tls)?),
        }
        .map_err(|e| describe(&e, located, &target.place))?;
        let mut db = Database {
            client,
            schema: target.schema,
            statement_timeout: timeout.max(Duration::from_secs(5)),
            located: located.clone(),
            connect_timeout: timeout,
        };
        // Not Postiz's database (or not its schema): say so now, not as a failed query.
        db.read(|tx| {
            let row = tx.query_one("SELECT to_regclass('\"Integration\"') IS NOT NULL", &[])?;
            Ok(row.get::<_, bool>(0))
        })
        .and_then(|found| {
            if found {
                Ok(db)
            } else {
                Err(Error::Config {
                    what: format!(
                        "{} has no \"Integration\" table: it is not a Postiz database{}",
                        located.shown(),
                        db_schema_note(&db.schema)
                    ),
                    fix: "give the DATABASE_URL the Postiz container has (docker compose \
                          exec postiz env | grep DATABASE_URL); Postiz creates its tables at \
                          start (prisma db push)"
                        .into(),
                })
            }
        })
    }

    /// Another connection to the same database, as this one was opened (to read two things
    /// at once).
    pub fn another(&self) -> Result<Database, Error> {
        Database::connect(&self.located, self.connect_timeout)
    }

    /// Run `f` in a read-only transaction with a statement timeout; rolled back after.
    pub(super) fn read<T>(
        &mut self,
        f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, Error> {
        let located = self.located.clone();
        let place = host_port(&located.url, 5432);
        let run = |client: &mut Client| -> Result<T, postgres::Error> {
            let mut tx = client.build_transaction().read_only(true).start()?;
            // No JIT: these reads are short, and JIT would compile for a second the
            // plans whose costs look large (a read of every channel).
            tx.batch_execute(&format!(
                "SET LOCAL statement_timeout = {}; SET LOCAL jit = off",
                self.statement_timeout.as_millis()
            ))?;
            if let Some(schema) = &self.schema {
                tx.execute(
                    "SELECT set_config('search_path', $1, true)",
                    &[&quote_ident(schema)],
                )?;
            }
            let out = f(&mut tx)?;
            tx.rollback()?;
            Ok(out)
        };
        run(&mut self.client).map_err(|e| describe(&e, &located, &place))
    }

    /// The organization whose id is `id`, if there is one.
    pub fn organization(&mut self, id: &str) -> Result<Option<Organization>, Error> {
        self.read(|tx| {
            tx.query_opt(
                "SELECT id::text, name::text, \"deletedAt\" IS NOT NULL FROM \"Organization\" \
                 WHERE id = $1",
                &[&id],
            )?
            .map(|r| organization(&r, 0))
            .transpose()
        })
    }

    /// Every organization, by name.
    pub fn organizations(&mut self) -> Result<Vec<Organization>, Error> {
        self.read(organizations)
    }

    /// The organizations whose ids are listed (those that exist).
    pub fn organizations_by_id(&mut self, ids: &[String]) -> Result<Vec<Organization>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|tx| {
            tx.query(
                "SELECT id::text, name::text, \"deletedAt\" IS NOT NULL FROM \"Organization\" \
                 WHERE id = ANY($1)",
                &[&ids],
            )?
            .iter()
            .map(|r| organization(r, 0))
            .collect()
        })
    }

    /// The live channels whose internalId is also another live channel's, with their
    /// organization's name: among them, those whose account (provider and internalId) is
    /// a channel of several organizations. Postiz has no index on `internalId` alone: the
    /// candidates are found in its `(organizationId, internalId)` index, walked whole but
    /// without reading a row; then only the candidates' rows are read. With `org`, only
    /// the candidates sharing an internalId with that organization's channels.
    pub fn shared_accounts(&mut self, org: Option<&str>) -> Result<Vec<SharedAccount>, Error> {
        let candidates = match org {
            None => {
                "SELECT \"organizationId\", \"internalId\" FROM \"Integration\" \
                 WHERE \"internalId\" IN ( \
                   SELECT \"internalId\" FROM \"Integration\" GROUP BY 1 HAVING count(*) > 1)"
            }
            Some(_) => {
                "SELECT \"organizationId\", \"internalId\" FROM \"Integration\" \
                 WHERE \"internalId\" IN ( \
                   SELECT \"internalId\" FROM \"Integration\" \
                   WHERE \"organizationId\" = $1 AND \"deletedAt\" IS NULL)"
            }
        };
        let sql = format!(
            "SELECT i.\"providerIdentifier\"::text, i.\"internalId\"::text, \
             i.\"organizationId\"::text, o.name::text \
             FROM \"Integration\" i LEFT JOIN \"Organization\" o ON o.id = i.\"organizationId\" \
             WHERE i.\"deletedAt\" IS NULL \
             AND (i.\"organizationId\", i.\"internalId\") IN ({candidates})"
        );
        self.read(|tx| {
            let rows = match org {
                None => tx.query(sql.as_str(), &[])?,
                Some(org) => tx.query(sql.as_str(), &[&org])?,
            };
            rows.iter()
                .map(|r| {
                    let text = |i: usize| -> Result<Option<String>, postgres::Error> {
                        Ok(r.try_get::<_, Option<String>>(i)?.map(|t| remote_text(&t)))
                    };
                    Ok(SharedAccount {
                        provider: text(0)?.unwrap_or_default(),
                        internal_id: text(1)?.unwrap_or_default(),
                        organization_id: text(2)?.unwrap_or_default(),
                        organization: text(3)?,
                    })
                })
                .collect()
        })
    }

    /// `postiz status`'s read, streamed to `each` as the rows arrive: each organization (by
    /// name, then those a channel names that have no row) with each of its live channels
    /// (by provider, name, id), and for a channel that shows them, its organization's
    /// latest "Could not refresh" notification for its provider and its posts that failed
    /// with "Refresh channel needed" (the latest few, and how many). An organization
    /// without live channels comes once, with none. `each` returns false to stop. With
    /// `org` (an id), only that organization's rows are read.
    pub fn status_rows(
        &mut self,
        org: Option<&str>,
        each: &mut dyn FnMut(StatusRow) -> bool,
    ) -> Result<(), Error> {
        // Read only for the rows that show them (refreshNeeded, inBetweenSteps: a few,
        // through their indexes), then joined by hash: a healthy row costs no lookup.
        let only = if org.is_some() {
            "AND f.\"organizationId\" = $1"
        } else {
            ""
        };
        let evidence = format!(
            "LEFT JOIN ( \
               SELECT DISTINCT ON (f.id) f.id, n.content, n.\"createdAt\" \
               FROM \"Integration\" f JOIN \"Notifications\" n \
                 ON n.\"organizationId\" = f.\"organizationId\" AND n.\"deletedAt\" IS NULL \
                 AND n.content LIKE 'Could not refresh your %' \
                 AND starts_with(n.content, 'Could not refresh your ' || f.\"providerIdentifier\" || ' channel') \
               WHERE (f.\"refreshNeeded\" OR f.\"inBetweenSteps\") AND f.\"deletedAt\" IS NULL {only} \
               ORDER BY f.id, n.\"createdAt\" DESC) n ON n.id = i.id \
             LEFT JOIN ( \
               SELECT f.id, count(p.id) AS total, \
                 (array_agg(p.id ORDER BY p.\"publishDate\" DESC))[1:5] AS ids, \
                 (array_agg(p.\"publishDate\" ORDER BY p.\"publishDate\" DESC))[1:5] AS dates \
               FROM \"Integration\" f JOIN \"Post\" p ON p.\"integrationId\" = f.id \
                 AND p.state = 'ERROR' AND p.error = 'Refresh channel needed' \
                 AND p.\"deletedAt\" IS NULL \
               WHERE f.\"refreshNeeded\" AND f.\"deletedAt\" IS NULL {only} \
               GROUP BY f.id) f ON f.id = i.id"
        );
        let columns = |channel: &str| {
            format!(
                "o.id::text, o.name::text, o.\"deletedAt\" IS NOT NULL, {channel}, \
                 n.content::text, n.\"createdAt\"::timestamp, f.total, f.ids, f.dates"
            )
        };
        let sql = match org {
            None => format!(
                "SELECT {} \
                 FROM \"Organization\" o FULL JOIN ( \
                   SELECT {CHANNEL_COLUMNS} FROM \"Integration\" i WHERE i.\"deletedAt\" IS NULL) i \
                   ON i.\"organizationId\" = o.id \
                 {evidence} \
                 ORDER BY o.id IS NULL, o.name, coalesce(o.id, i.\"organizationId\"), \
                 i.\"providerIdentifier\", i.name, i.id",
                columns(CHANNEL_NAMES)
            ),
            Some(_) => format!(
                "SELECT {} \
                 FROM \"Organization\" o LEFT JOIN \"Integration\" i \
                   ON i.\"organizationId\" = o.id AND i.\"deletedAt\" IS NULL \
                 {evidence} \
                 WHERE o.id = $1 \
                 ORDER BY i.\"providerIdentifier\", i.name, i.id",
                columns(CHANNEL_COLUMNS)
            ),
        };
        self.read(|tx| {
            let params: Vec<&(dyn postgres::types::ToSql + Sync)> = match &org {
                Some(org) => vec![org],
                None => Vec::new(),
            };
            // A portal read a batch at a time: each batch is a statement of its own for the
            // statement timeout, so a slow reader (a pager) cannot make the read time out.
            let portal = tx.bind(sql.as_str(), &params)?;
            loop {
                let batch = tx.query_portal(&portal, STATUS_BATCH)?;
                let last = batch.len() < STATUS_BATCH as usize;
                for r in &batch {
                    if !each(status_row(r)?) {
                        return Ok(());
                    }
                }
                if last {
                    return Ok(());
                }
            }
        })
    }

    /// The names of the live channels the `(organizationId, internalId)` pairs name.
    pub fn channel_names(
        &mut self,
        keys: &[(String, String)],
    ) -> Result<HashMap<(String, String), String>, Error> {
        if keys.is_empty() {
            return Ok(HashMap::new());
        }
        let (orgs, internals): (Vec<&str>, Vec<&str>) =
            keys.iter().map(|(o, i)| (o.as_str(), i.as_str())).unzip();
        self.read(|tx| {
            tx.query(
                "SELECT k.org, k.internal, i.name::text \
                 FROM unnest($1::text[], $2::text[]) AS k(org, internal) \
                 JOIN \"Integration\" i ON i.\"organizationId\" = k.org \
                 AND i.\"internalId\" = k.internal AND i.\"deletedAt\" IS NULL",
                &[&orgs, &internals],
            )?
            .iter()
            .map(|r| {
                let name: Option<String> = r.try_get(2)?;
                Ok((
                    (r.try_get(0)?, r.try_get(1)?),
                    remote_text(&name.unwrap_or_default()),
                ))
            })
            .collect()
        })
    }

    /// `postiz watch`'s read: with `since` none, the live channels; with a time, every
    /// channel written since then, live or soft-deleted (Prisma sets `updatedAt` on every
    /// write, this tool's writes too, and Postiz indexes it). With `org` (an id), that
    /// organization's only.
    pub fn channel_changes(
        &mut self,
        org: Option<&str>,
        since: Option<DateTime<Utc>>,
    ) -> Result<Changes, Error> {
        let mut sql = format!("SELECT {CHANNEL_COLUMNS} FROM \"Integration\" i WHERE ");
        let mut params: Vec<Box<dyn postgres::types::ToSql + Sync>> = Vec::new();
        match since {
            None => sql.push_str("i.\"deletedAt\" IS NULL"),
            Some(at) => {
                params.push(Box::new(at.naive_utc()));
                sql.push_str("i.\"updatedAt\" >= $1");
            }
        }
        if let Some(org) = org {
            params.push(Box::new(org.to_string()));
            sql.push_str(&format!(" AND i.\"organizationId\" = ${}", params.len()));
        }
        sql.push_str(" ORDER BY i.\"updatedAt\", i.id");
        self.read(|tx| {
            // Read before the rows (each statement of this transaction takes its own
            // snapshot): the start of the oldest transaction open now, or now. A write the
            // rows' read does not see commits later, so its transaction is open now or
            // starts later: its `updatedAt` is no earlier than this.
            let horizon: NaiveDateTime = tx
                .query_one(
                    "SELECT least(clock_timestamp(), ( \
                       SELECT min(xact_start) FROM pg_stat_activity \
                       WHERE datname = current_database() \
                       AND backend_type = 'client backend')) AT TIME ZONE 'UTC'",
                    &[],
                )?
                .get(0);
            let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                params.iter().map(|p| p.as_ref()).collect();
            let rows = tx
                .query(sql.as_str(), &refs)?
                .iter()
                .map(|r| channel_row(r, 0))
                .collect::<Result<_, _>>()?;
            Ok(Changes {
                rows,
                horizon: utc(horizon),
            })
        })
    }
}

/// Rows of `postiz status` read at a time.
const STATUS_BATCH: i32 = 2000;

/// What one read of `postiz watch` gives.
#[derive(Debug, Clone)]
pub struct Changes {
    pub rows: Vec<ChannelRow>,
    /// The start of the oldest transaction open when the read began (or then), by the
    /// database's clock.
    pub horizon: DateTime<Utc>,
}

impl Changes {
    /// Where the next read starts: the horizon, less [`CLOCK_MARGIN`]. Rows seen already
    /// come again until then; the watcher tells them by their content.
    pub fn next_since(&self) -> DateTime<Utc> {
        self.horizon - CLOCK_MARGIN
    }
}

/// How far the clock that stamps `updatedAt` (Prisma's, in Postiz's backend) may lag the
/// database's.
pub const CLOCK_MARGIN: chrono::Duration = chrono::Duration::seconds(5);

/// A live channel whose account is also a live channel of another organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAccount {
    pub provider: String,
    pub internal_id: String,
    pub organization_id: String,
    /// `None` when the organization row is missing.
    pub organization: Option<String>,
}

fn db_schema_note(schema: &Option<String>) -> String {
    match schema {
        Some(s) => format!(" (looked in the schema {s})"),
        None => String::new(),
    }
}

/// `"name"` with inner quotes doubled, for `search_path`.
pub(super) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub(super) fn organizations(
    tx: &mut postgres::Transaction<'_>,
) -> Result<Vec<Organization>, postgres::Error> {
    tx.query(
        "SELECT id::text, name::text, \"deletedAt\" IS NOT NULL FROM \"Organization\" \
         ORDER BY name, id",
        &[],
    )?
    .iter()
    .map(|r| organization(r, 0))
    .collect()
}

/// The organization whose `id::text, name::text, "deletedAt" IS NOT NULL` start at column
/// `at`.
fn organization(r: &postgres::Row, at: usize) -> Result<Organization, postgres::Error> {
    Ok(Organization {
        id: remote_text(&r.try_get::<_, Option<String>>(at)?.unwrap_or_default()),
        name: remote_text(&r.try_get::<_, Option<String>>(at + 1)?.unwrap_or_default()),
        deleted: r.try_get::<_, Option<bool>>(at + 2)?.unwrap_or(false),
    })
}

/// Text from a row, as every message shows outside text: one line, at most 300 characters
/// (the limit provider errors have).
pub(super) fn remote_text(text: &str) -> String {
    crate::text::one_line(text, crate::text::REMOTE_TEXT_LIMIT)
}

/// The columns of a channel row (`i` is `"Integration"`), named one by one so that no
/// secret is ever read: of `refreshToken`, only whether it is usable (Postiz writes `''` or
/// `'null'` for none), as a boolean computed by the server. Each column is cast to the type
/// Postiz's schema gives it and named as the column is ([`CHANNEL_NAMES`] reads them from a
/// subquery), and read as nullable by [`channel_row`]: a row Postiz did not write (a NULL,
/// another type) is shown, or refused with the server's own words, never a crash.
const CHANNEL_COLUMNS: &str = "i.id::text AS id, i.\"internalId\"::text AS \"internalId\", \
     i.\"rootInternalId\"::text AS \"rootInternalId\", \
     i.\"organizationId\"::text AS \"organizationId\", i.name::text AS name, \
     i.\"providerIdentifier\"::text AS \"providerIdentifier\", i.type::text AS type, \
     i.profile::text AS profile, i.disabled::boolean AS disabled, \
     i.\"inBetweenSteps\"::boolean AS \"inBetweenSteps\", \
     i.\"refreshNeeded\"::boolean AS \"refreshNeeded\", \
     i.\"tokenExpiration\"::timestamp AS \"tokenExpiration\", \
     i.\"createdAt\"::timestamp AS \"createdAt\", i.\"updatedAt\"::timestamp AS \"updatedAt\", \
     i.\"deletedAt\"::timestamp AS \"deletedAt\", i.\"postingTimes\"::text AS \"postingTimes\", \
     coalesce(\"refreshToken\" NOT IN ('', 'null'), false) AS \"refreshUsable\"";
/// [`CHANNEL_COLUMNS`] as a subquery `i` gives them.
const CHANNEL_NAMES: &str = "i.id, i.\"internalId\", i.\"rootInternalId\", \
     i.\"organizationId\", i.name, i.\"providerIdentifier\", i.type, i.profile, i.disabled, \
     i.\"inBetweenSteps\", i.\"refreshNeeded\", i.\"tokenExpiration\", i.\"createdAt\", \
     i.\"updatedAt\", i.\"deletedAt\", i.\"postingTimes\", i.\"refreshUsable\"";
const CHANNEL_COLUMN_COUNT: usize = 17;

/// The channel whose [`CHANNEL_COLUMNS`] start at column `at`.
fn channel_row(r: &postgres::Row, at: usize) -> Result<ChannelRow, postgres::Error> {
    let text = |i: usize| -> Result<String, postgres::Error> {
        Ok(remote_text(
            &r.try_get::<_, Option<String>>(at + i)?.unwrap_or_default(),
        ))
    };
    let flag = |i: usize| -> Result<bool, postgres::Error> {
        Ok(r.try_get::<_, Option<bool>>(at + i)?.unwrap_or(false))
    };
    let time = |i: usize| -> Result<Option<DateTime<Utc>>, postgres::Error> {
        Ok(r.try_get::<_, Option<NaiveDateTime>>(at + i)?.map(utc))
    };
    Ok(ChannelRow {
        id: text(0)?,
        internal_id: text(1)?,
        root_internal_id: r
            .try_get::<_, Option<String>>(at + 2)?
            .map(|t| remote_text(&t)),
        organization_id: text(3)?,
        name: text(4)?,
        provider: text(5)?,
        kind: text(6)?,
        profile: r
            .try_get::<_, Option<String>>(at + 7)?
            .map(|p| remote_text(&p)),
        disabled: flag(8)?,
        in_between_steps: flag(9)?,
        refresh_needed: flag(10)?,
        token_expiration: time(11)?,
        created_at: time(12)?.unwrap_or(DateTime::UNIX_EPOCH),
        updated_at: time(13)?,
        deleted_at: time(14)?,
        posting_times_valid: r
            .try_get::<_, Option<&str>>(at + 15)?
            .is_some_and(|t| serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok()),
        has_refresh_token: flag(16)?,
    })
}

/// One row of [`Database::status_rows`]: the organization's columns (none when the row is
/// missing: the channel's `organizationId` names it), the channel's (none when the
/// organization has no live channel), then the channel's evidence.
fn status_row(r: &postgres::Row) -> Result<StatusRow, postgres::Error> {
    let at = 3;
    let organization = match r.try_get::<_, Option<String>>(0)? {
        Some(_) => organization(r, 0)?,
        None => Organization {
            id: remote_text(&r.try_get::<_, Option<String>>(at + 3)?.unwrap_or_default()),
            name: "(organization row missing)".into(),
            deleted: true,
        },
    };
    if r.try_get::<_, Option<&str>>(at)?.is_none() {
        return Ok(StatusRow {
            organization,
            channel: None,
        });
    }
    let row = channel_row(r, at)?;
    let extra = at + CHANNEL_COLUMN_COUNT;
    let notice = r
        .try_get::<_, Option<&str>>(extra)?
        .zip(r.try_get::<_, Option<NaiveDateTime>>(extra + 1)?)
        .and_then(|(content, at)| RefreshNotice::parse(&row.organization_id, content, utc(at)))
        .filter(|n| n.provider == row.provider)
        .map(|n| RefreshNotice {
            cause: n.cause.map(|c| remote_text(&c)),
            ..n
        });
    let ids: Vec<Option<String>> = r
        .try_get::<_, Option<Vec<Option<String>>>>(extra + 3)?
        .unwrap_or_default();
    let dates: Vec<Option<NaiveDateTime>> = r
        .try_get::<_, Option<Vec<Option<NaiveDateTime>>>>(extra + 4)?
        .unwrap_or_default();
    let failed_posts = ids
        .into_iter()
        .zip(dates)
        .filter_map(|(id, date)| {
            Some(FailedPost {
                id: remote_text(&id?),
                integration_id: row.id.clone(),
                publish_date: utc(date?),
            })
        })
        .collect();
    let failed_post_count = r.try_get::<_, Option<i64>>(extra + 2)?.unwrap_or(0);
    Ok(StatusRow {
        organization,
        channel: Some(StatusChannel {
            failed_post_count: usize::try_from(failed_post_count).unwrap_or(0),
            row,
            notice,
            failed_posts,
        }),
    })
}

/// Prisma stores `DateTime` as `timestamp(3)` holding UTC.
pub(super) fn utc(naive: NaiveDateTime) -> DateTime<Utc> {
    naive.and_utc()
}

/// The CAs a verified connection trusts: `sslrootcert`'s alone when it is given (libpq
/// trusts only that file then: a database's private CA must not widen to every public
/// CA), else the system's.
pub(super) fn trusted_roots(root_cert: Option<&str>) -> Result<rustls::RootCertStore, Error> {
    let mut roots = rustls::RootCertStore::empty();
    match root_cert {
        Some(path) => {
            use rustls::pki_types::{pem::PemObject, CertificateDer};
            let unreadable = |why: String| Error::Config {
                what: format!("sslrootcert={path} could not be read: {why}"),
                fix: "point sslrootcert at the PEM file of the CA that signed the database's \
                      certificate"
                    .into(),
            };
            let certs: Vec<_> = CertificateDer::pem_file_iter(path)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| unreadable(e.to_string()))?;
            for cert in certs {
                roots
                    .add(cert)
                    .map_err(|e| unreadable(format!("a certificate in it is not usable: {e}")))?;
            }
            if roots.is_empty() {
                return Err(unreadable("it holds no PEM certificate".into()));
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
        }
    }
    Ok(roots)
}

/// The rustls connector for this mode.
pub(super) fn tls_connector(tls: &Tls) -> Result<tokio_postgres_rustls::MakeRustlsConnect, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Config {
            what: format!("TLS set-up failed: {e}"),
            fix: "report this as a bug".into(),
        })?;
    let config = match tls {
        Tls::Verified { root_cert } => builder
            .with_root_certificates(trusted_roots(root_cert.as_deref())?)
            .with_no_client_auth(),
        _ => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unverified(provider)))
            .with_no_client_auth(),
    };
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `sslmode=require` as libpq and Prisma read it: encrypted, the certificate not checked
/// (the handshake's signatures still are).
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A PostgreSQL failure as the user needs it: which database, why, what to do.
pub(super) fn describe(err: &postgres::Error, located: &Located, place: &str) -> Error {
    let shown = located.shown();
    let host = place.rsplit_once(':').map(|(h, _)| h).unwrap_or(place);
    if let Some(db) = err.as_db_error() {
        let code = db.code().code();
        let message = &remote_text(db.message());
        let (what, fix) = match code {
            // invalid_password, invalid_authorization_specification
            "28P01" | "28000" => (
                format!("the Postiz database at {place} refused the login: {message}"),
                format!(
                    "use the user and password Postiz has in its DATABASE_URL (from {}); \
                     the default docker-compose uses postiz-user / postiz-password",
                    located.from
                ),
            ),
            // invalid_catalog_name
            "3D000" => (
                format!("the Postiz database at {place}: {message}"),
                "name the database Postiz uses (the default docker-compose: postiz-db-local)"
                    .into(),
            ),
            // undefined_table, undefined_column: not Postiz's schema (or a much older one).
            "42P01" | "42703" => (
                format!("{shown} does not have Postiz's tables as expected: {message}"),
                "point --database-url at Postiz's own database; if Postiz is older than \
                 v1.16, upgrade it"
                    .into(),
            ),
            // cannot_coerce, datatype_mismatch, invalid_text_representation,
            // invalid_datetime_format: a column of another type than Postiz's schema gives
            // it, or a value that is not one (the reads cast each column to Postiz's type).
            "42846" | "42804" | "22P02" | "22007" | "22008" => (
                format!(
                    "{shown} holds a value this tool cannot read: {message} (a column has \
                     another type than Postiz's schema gives it)"
                ),
                "point --database-url at Postiz's own database (Postiz makes its tables with \
                 prisma db push at start); if a column was changed by hand, give it back \
                 Postiz's type"
                    .into(),
            ),
            // insufficient_privilege on a read: a role that may not read Postiz's tables.
            "42501" => (
                format!("the Postiz database at {place} refused the read: {message}"),
                format!(
                    "use a role that may read Postiz's tables (Postiz's own DATABASE_URL, from {})",
                    located.from
                ),
            ),
            // query_canceled: the statement timeout.
            "57014" => {
                return Error::Unreachable {
                    what: format!("the Postiz database at {place} did not answer in time"),
                    cause: message.to_string(),
                    fix: "retry when the database is less busy".into(),
                }
            }
            _ => (
                format!("the Postiz database at {place} refused the read: {message}"),
                format!("check {} ({})", located.from, shown),
            ),
        };
        return Error::Config { what, fix };
    }
    let detail = remote_text(&chain(err));
    // A value the rows hold that this tool cannot take (a column of another type than
    // Postiz's schema gives it): the database was reached, the read refused.
    if detail.starts_with("error deserializing column")
        || detail.starts_with("invalid column")
        || detail.starts_with("query returned an unexpected number of columns")
    {
        return Error::Config {
            what: format!(
                "the Postiz database at {place} holds a value this tool cannot read ({detail}): \
                 a column has another type than Postiz's schema gives it"
            ),
            fix: "point --database-url at Postiz's own database (Postiz makes its tables with \
                  prisma db push at start); if a column was changed by hand, give it back \
                  Postiz's type"
                .into(),
        };
    }
    let lower = detail.to_ascii_lowercase();
    let cause = if lower.contains("lookup address") || lower.contains("name or service") {
        format!("the host name {host} does not resolve from this machine")
    } else if lower.contains("refused") {
        format!("nothing listens on {place} (or a firewall refuses the connection)")
    } else if lower.contains("timed out") || lower.contains("timeout") {
        format!("{place} did not answer in time")
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("ssl") {
        "the TLS handshake failed: the certificate is not trusted, or the server does not \
         speak TLS (sslmode in the URL)"
            .to_string()
    } else {
        detail.clone()
    };
    let mut fix = reach_advice(Store::Database, host);
    if lower.contains("certificate") {
        fix = "trust the database's CA with sslrootcert=/path/ca.pem in the URL, or use \
               sslmode=require (encrypted, certificate not checked, as Prisma does by default)"
            .into();
    }
    Error::Unreachable {
        what: format!(
            "could not reach {} at {place} ({shown}, from {}): {detail}",
            Store::Database.name(),
            located.from
        ),
        cause,
        fix,
    }
}

/// A failure of a write (or of the check that a write would pass): a role without UPDATE
/// (insufficient_privilege, 42501) or a read-only server or transaction default
/// (read_only_sql_transaction, 25006) refused it; anything else as [`describe`] says.
pub(super) fn describe_write(err: &postgres::Error, located: &Located, place: &str) -> Error {
    if let Some(db) = err.as_db_error() {
        if matches!(db.code().code(), "42501" | "25006") {
            return Error::Config {
                what: format!(
                    "the Postiz database at {place} refused the write: the role needs UPDATE on \
                     \"Integration\" ({})",
                    db.message()
                ),
                fix: format!(
                    "use a role that may write Postiz's rows (Postiz's own DATABASE_URL, from {}) \
                     on the primary server, not a read replica",
                    located.from
                ),
            };
        }
    }
    describe(err, located, place)
}

/// An error and its sources, joined: tokio-postgres puts the useful part in a source.
pub(super) fn chain(err: &dyn std::error::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str) -> Target {
        parse_url(url, Duration::from_secs(3)).unwrap()
    }

    #[test]
    fn the_same_database_however_its_url_is_spelled() {
        let a = "postgresql://postiz:***@Localhost:5432/postiz?schema=public";
        assert!(same_database(a, "postgres://postiz:pw@localhost/postiz"));
        assert!(same_database(
            a,
            "postgres://other@localhost:5432/postiz?sslmode=disable"
        ));
        assert!(!same_database(a, "postgres://postiz@localhost:5433/postiz"));
        assert!(!same_database(a, "postgres://postiz@localhost/other"));
        assert!(!same_database(a, "postgres://postiz@db/postiz"));
        assert!(!same_database(
            a,
            "postgres://postiz@localhost/postiz?schema=tenant"
        ));
    }

    #[test]
    fn prisma_urls_are_read_like_libpq_and_prisma() {
        let t = target("postgresql://postiz-user:p%40ss@postiz-postgres:5433/postiz-db-local");
        assert_eq!(t.config.get_user(), Some("postiz-user"));
        assert_eq!(t.config.get_password(), Some(&b"p@ss"[..]));
        assert_eq!(t.config.get_dbname(), Some("postiz-db-local"));
        assert_eq!(t.config.get_ports(), &[5433]);
        assert_eq!(t.tls, Tls::Unverified { required: false });
        assert_eq!(t.place, "postiz-postgres:5433");
        assert_eq!(
            t.config.get_connect_timeout(),
            Some(&Duration::from_secs(3))
        );

        // `+`, `&` and `=` in a URL part are themselves, not form syntax.
        let odd = target("postgresql://u:a+b%26c=d%3D@db/x");
        assert_eq!(odd.config.get_password(), Some(&b"a+b&c=d="[..]));
        let t = target("postgres://u@db/x?sslmode=require&schema=postiz&connection_limit=5");
        assert_eq!(t.tls, Tls::Unverified { required: true });
        assert_eq!(t.schema.as_deref(), Some("postiz"));
        assert_eq!(
            target("postgres://u@db/x?sslmode=require&sslaccept=strict").tls,
            Tls::Verified { root_cert: None }
        );
        assert_eq!(
            target("postgres://u@db/x?sslmode=verify-full&sslrootcert=/ca.pem").tls,
            Tls::Verified {
                root_cert: Some("/ca.pem".into())
            }
        );
        assert_eq!(target("postgres://u@db/x?sslmode=disable").tls, Tls::Off);
    }

    #[test]
    fn a_write_connection_without_sslmode_is_warned_about() {
        let warned = clear_text_warning("postgresql://u:pw@db.example.com/x").unwrap();
        assert!(warned.contains("in clear"), "{warned}");
        assert!(warned.contains("db.example.com:5432"), "{warned}");
        assert!(!warned.contains("pw@"), "{warned}");
        for quiet in [
            "postgresql://u@db/x?sslmode=require",
            "postgresql://u@db/x?sslmode=disable",
            "postgresql://u@db/x?sslaccept=strict",
            "postgresql://u@db/x?sslrootcert=/ca.pem",
            "postgresql://u@/x?host=/run/postgresql",
        ] {
            assert_eq!(clear_text_warning(quiet), None, "{quiet}");
        }
    }

    #[test]
    fn sslrootcert_is_the_only_trusted_ca_when_given() {
        let ca = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tls/ca.pem");
        assert_eq!(trusted_roots(Some(ca)).unwrap().len(), 1);
        // Without it, the system's (this machine's store may be empty: no assertion on
        // how many), and a file without a certificate is refused.
        let empty = tempfile::NamedTempFile::new().unwrap();
        let err = trusted_roots(empty.path().to_str()).unwrap_err();
        assert!(err.to_string().contains("no PEM certificate"), "{err}");
    }

    #[test]
    fn raw_separators_in_a_password_are_refused_without_showing_it() {
        for url in [
            "postgresql://u:12#hunter2@db:5432/x",
            "postgresql://u:hun?ter2@db/x",
            "postgresql://u:hun/ter2@db/x",
        ] {
            let err = parse_url(url, Duration::from_secs(1)).unwrap_err();
            let text = format!("{err} {:?}", err.fix());
            assert!(text.contains("percent-encode"), "{text}");
            assert!(!text.contains("hunter2") && !text.contains("hun"), "{text}");
        }
        // An invalid sslmode is named, its value not echoed.
        let err = parse_url(
            "postgresql://u@db/x?sslmode=hunter2",
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(err.to_string().contains("sslmode"), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn other_urls_are_configuration_errors_without_the_password() {
        for url in [
            "redis://:hunter2@db:6379",
            "postgresql://u:hunter2@db/x?sslmode=sometimes",
        ] {
            let err = parse_url(url, Duration::from_secs(1)).unwrap_err();
            assert_eq!(err.exit_code(), crate::ExitCode::Config, "{err}");
            assert!(!err.to_string().contains("hunter2"), "{err}");
        }
    }
}
