//! `postiz status`, `postiz watch` and doctor's deployment checks against a real PostgreSQL
//! and Redis (Debian's `postgresql` and `redis-server`), with the tables of
//! `tests/fixtures/postiz-schema.sql` (Postiz's Prisma schema at 74b01ada154a), rows seeded
//! in every state and Redis keys written as Postiz writes them.
//!
//! One PostgreSQL cluster serves the whole binary (each test its own database); it logs
//! every statement, so a test can check that the tool only reads. Each test that needs
//! Redis starts its own (a few milliseconds). Everything listens on 127.0.0.1 only. Without
//! the packages the tests say why and pass, unless CI is set.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::common::*;
use postiz_connect::sandbox::page_id;
use redis::Commands;
use serde_json::Value;

mod diagnose;
/// Postiz's engine (Temporal), on this module's PostgreSQL and a real Temporal server.
mod engine;

/// Every secret seeded contains this; no output may.
pub(crate) const SECRET: &str = "s3cr3t-never-shown";

/// Skips the test with the reason (fails it under CI), as `common::have` does for programs.
fn skip(reason: &str) {
    crate::common::unavailable(reason);
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The shared PostgreSQL cluster.
pub(crate) struct Cluster {
    port: u16,
    log: PathBuf,
    /// TLS is on (openssl made a certificate): the database `tlsonly` refuses plain
    /// connections.
    tls: bool,
    /// The CA that signed the server's certificate (for 127.0.0.1 and localhost).
    ca: PathBuf,
}

static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();

pub(crate) fn cluster() -> Option<&'static Cluster> {
    CLUSTER.get_or_init(start_cluster).as_ref()
}

fn pg_bin() -> Option<PathBuf> {
    let mut bins: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    bins.sort();
    bins.pop().map(|(_, b)| b)
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// A PostgreSQL program, as the `postgres` user when we are root (PostgreSQL refuses root).
fn pg_command(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new(runuser().expect("runuser was found by start_cluster"));
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// util-linux's runuser: on PATH, or in the sbin directories a non-login root PATH can lack.
fn runuser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/sbin".into()])
        .map(|dir| dir.join("runuser"))
        .find(|candidate| candidate.is_file())
}

fn run_ok(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn start_cluster() -> Option<Cluster> {
    let Some(bin) = pg_bin() else {
        skip("PostgreSQL is not installed (apt-get install postgresql)");
        return None;
    };
    if is_root() && runuser().is_none() {
        skip("runuser (util-linux) is missing: PostgreSQL cannot start as root");
        return None;
    }
    let dir = tempfile::Builder::new()
        .prefix("postiz-connect-pg-")
        .tempdir()
        .unwrap()
        .keep();
    if is_root() {
        run_ok(Command::new("chown").arg("postgres").arg(&dir), "chown");
    }
    let data = dir.join("data");
    run_ok(
        pg_command(&bin.join("initdb")).arg("-D").arg(&data).args([
            "-A",
            "trust",
            "-U",
            "postiz",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ]),
        "initdb",
    );
    // A CA of its own and a server certificate it signed (for 127.0.0.1 and localhost), so
    // sslmode and sslrootcert can be tested against the real server.
    let ca = dir.join("ca.crt");
    let openssl = |args: &[&str]| {
        Command::new("openssl")
            .args(args)
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    std::fs::write(
        dir.join("san.cnf"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .unwrap();
    let (key, crt) = (data.join("server.key"), data.join("server.crt"));
    let tls = openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=postiz-connect test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ]) && openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        key.to_str().unwrap(),
        "-out",
        "server.csr",
    ]) && openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.cnf",
        "-out",
        crt.to_str().unwrap(),
    ]);
    if tls {
        run_ok(
            Command::new("chmod")
                .arg("600")
                .arg(data.join("server.key")),
            "chmod",
        );
        if is_root() {
            run_ok(
                Command::new("chown")
                    .arg("postgres")
                    .arg(data.join("server.key"))
                    .arg(data.join("server.crt")),
                "chown",
            );
        }
    }
    std::fs::write(
        data.join("pg_hba.conf"),
        "local all all trust\n\
         hostnossl tlsonly all 127.0.0.1/32 reject\n\
         host all all 127.0.0.1/32 trust\n",
    )
    .unwrap();
    let port = free_port();
    let log = dir.join("log");
    let options = format!(
        "-k {} -p {port} -h 127.0.0.1 -c fsync=off -c log_statement=all -c log_line_prefix='%a|%d|' -c ssl={}",
        dir.display(),
        if tls { "on" } else { "off" }
    );
    run_ok(
        pg_command(&bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .arg("-o")
            .arg(&options)
            .arg("-l")
            .arg(&log)
            .args(["-w", "start"]),
        "pg_ctl start",
    );
    // Stop it when this test binary is gone (statics are never dropped): a watcher process
    // that outlives us on purpose, so it is never waited for.
    let stop = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {runas}{pg_ctl} -D {data} -m immediate stop; rm -rf {dir}",
        pid = std::process::id(),
        runas = if is_root() { "runuser -u postgres -- " } else { "" },
        pg_ctl = bin.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display(),
    );
    #[allow(clippy::zombie_processes)]
    Command::new("sh")
        .arg("-c")
        .arg(stop)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Some(Cluster { port, log, tls, ca })
}

/// A client of the cluster, for seeding.
fn client(cluster: &Cluster, db: &str) -> postgres::Client {
    postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user=postiz dbname={db}",
            cluster.port
        ),
        postgres::NoTls,
    )
    .unwrap()
}

/// A fresh database with Postiz's tables; its URL and a client.
pub(crate) fn database(cluster: &Cluster, name: &str) -> (String, postgres::Client) {
    let mut admin = client(cluster, "postgres");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\""))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE \"{name}\""))
        .unwrap();
    let mut c = client(cluster, name);
    c.batch_execute(
        &std::fs::read_to_string(root().join("tests/fixtures/postiz-schema.sql")).unwrap(),
    )
    .unwrap();
    (
        format!("postgresql://postiz@127.0.0.1:{}/{name}", cluster.port),
        c,
    )
}

/// A Redis of its own for one test; stopped on drop.
struct Redis {
    port: u16,
    child: Child,
}

impl Redis {
    fn start() -> Option<Redis> {
        if Command::new("redis-server")
            .arg("--version")
            .output()
            .is_err()
        {
            skip("redis-server is not installed (apt-get install redis-server)");
            return None;
        }
        let port = free_port();
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let redis = Redis { port, child };
        for _ in 0..100 {
            if redis.conn_result().is_ok() {
                return Some(redis);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("redis-server did not start on {port}");
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    fn conn_result(&self) -> redis::RedisResult<redis::Connection> {
        redis::Client::open(self.url())?.get_connection()
    }

    fn conn(&self) -> redis::Connection {
        self.conn_result().unwrap()
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `GET /integrations/social/:provider` (integrations.controller.ts): refresh:, then
/// organization:, login: (the PKCE verifier) and external:, each `EX 3600` (or `ttl`).
fn create_state(
    r: &mut redis::Connection,
    state: &str,
    org: &str,
    reconnect: Option<&str>,
    ttl: u64,
) {
    if let Some(internal) = reconnect {
        let _: () = r.set_ex(format!("refresh:{state}"), internal, ttl).unwrap();
    }
    let _: () = r.set_ex(format!("organization:{state}"), org, ttl).unwrap();
    let _: () = r
        .set_ex(format!("login:{state}"), format!("verifier-{SECRET}"), ttl)
        .unwrap();
    let _: () = r.set_ex(format!("external:{state}"), "", ttl).unwrap();
}

/// `POST /integrations/social-connect/:provider` (no.auth.integrations.controller.ts), up
/// to the token exchange: GET login:, GET organization:, DEL login:, then refresh: read
/// and deleted.
fn consume_state(r: &mut redis::Connection, state: &str) {
    let _: Option<String> = r.get(format!("login:{state}")).unwrap();
    let _: Option<String> = r.get(format!("organization:{state}")).unwrap();
    let _: () = r.del(format!("login:{state}")).unwrap();
    let refresh: Option<String> = r.get(format!("refresh:{state}")).unwrap();
    if refresh.is_some() {
        let _: () = r.del(format!("refresh:{state}")).unwrap();
    }
}

pub(crate) fn org(c: &mut postgres::Client, id: &str, name: &str) {
    c.execute(
        "INSERT INTO \"Organization\" (id, name, \"apiKey\", \"updatedAt\") VALUES ($1, $2, $3, now())",
        &[&id, &name, &format!("apikey-{SECRET}")],
    )
    .unwrap();
}

/// A channel row as `createOrUpdateIntegration` writes it (plus the state flags).
pub(crate) struct Row<'a> {
    pub(crate) id: &'a str,
    pub(crate) org: &'a str,
    pub(crate) provider: &'a str,
    pub(crate) internal: &'a str,
    pub(crate) name: &'a str,
    /// An interval relative to now, e.g. "30 days" or "-5 hours".
    pub(crate) expires: &'a str,
    pub(crate) refresh_needed: bool,
    pub(crate) between: bool,
    pub(crate) disabled: bool,
    pub(crate) deleted: bool,
}

impl<'a> Row<'a> {
    pub(crate) fn new(
        id: &'a str,
        org: &'a str,
        provider: &'a str,
        internal: &'a str,
        name: &'a str,
    ) -> Row<'a> {
        Row {
            id,
            org,
            provider,
            internal,
            name,
            expires: "30 days",
            refresh_needed: false,
            between: false,
            disabled: false,
            deleted: false,
        }
    }
}

pub(crate) fn insert(c: &mut postgres::Client, r: &Row) {
    c.execute(
        "INSERT INTO \"Integration\" (id, \"internalId\", \"rootInternalId\", \"organizationId\", name, \
         \"providerIdentifier\", type, token, \"refreshToken\", \"customInstanceDetails\", profile, \
         \"tokenExpiration\", \"refreshNeeded\", \"inBetweenSteps\", disabled, \"deletedAt\", \"updatedAt\") \
         VALUES ($1, $2, $2, $3, $4, $5, 'social', $6, $7, $8, $9, \
         (now() AT TIME ZONE 'UTC') + $10::text::interval, $11, $12, $13, \
         CASE WHEN $14 THEN (now() AT TIME ZONE 'UTC') END, (now() AT TIME ZONE 'UTC'))",
        &[
            &r.id,
            &r.internal,
            &r.org,
            &r.name,
            &r.provider,
            &format!("token-{SECRET}-{}", r.id),
            &format!("refresh-{SECRET}-{}", r.id),
            &format!("custom-{SECRET}"),
            &format!("{}_handle", r.provider),
            &r.expires,
            &r.refresh_needed,
            &r.between,
            &r.disabled,
            &r.deleted,
        ],
    )
    .unwrap();
}

pub(crate) fn assert_no_secret(text: &str) {
    assert!(!text.contains(SECRET), "a secret was shown:\n{text}");
    assert!(!text.contains("s3cr3t"), "a secret was shown:\n{text}");
}

pub(crate) fn output_text(out: &std::process::Output) -> String {
    format!("{}\n{}", stdout(out), stderr(out))
}

/// Every state the issue lists, in two organizations, plus Postiz's Redis keys.
fn seed_every_state(c: &mut postgres::Client, r: &mut redis::Connection) {
    org(c, "org-acme", "Acme");
    org(c, "org-beta", "Beta");
    let mut rows = vec![
        Row::new("c-healthy", "org-acme", "x", "1001", "Acme on X"),
        Row {
            refresh_needed: true,
            ..Row::new("c-refresh", "org-acme", "linkedin", "2002", "Acme LinkedIn")
        },
        Row {
            between: true,
            ..Row::new("c-page", "org-acme", "facebook", "3003", "Acme FB login")
        },
        Row {
            between: true,
            ..Row::new("c-crash", "org-acme", "pinterest", "4004", "Acme Pins")
        },
        Row {
            expires: "-5 hours",
            ..Row::new("c-threads", "org-acme", "threads", "5005", "Acme Threads")
        },
        Row {
            expires: "-2 days",
            ..Row::new("c-yt", "org-acme", "youtube", "6006", "Acme YouTube")
        },
        Row {
            disabled: true,
            ..Row::new("c-off", "org-acme", "reddit", "7007", "Acme Reddit")
        },
        Row::new("c-unknown", "org-acme", "myspace", "8008", "Acme MySpace"),
        Row::new("c-dup", "org-beta", "x", "1001", "Beta on X"),
        Row {
            deleted: true,
            ..Row::new("c-deleted", "org-acme", "tiktok", "9009", "Deleted TikTok")
        },
    ];
    rows.push(Row::new(
        "c-fine",
        "org-beta",
        "tiktok",
        "1212",
        "Beta TikTok",
    ));
    rows.push(Row {
        expires: "-1 hours",
        ..Row::new(
            "c-igs",
            "org-beta",
            "instagram-standalone",
            "1111",
            "Beta IG",
        )
    });
    for row in &rows {
        insert(c, row);
    }
    // What Postiz leaves behind for the failed refresh.
    c.execute(
        "INSERT INTO \"Notifications\" (id, \"organizationId\", content, \"createdAt\", \"updatedAt\") VALUES \
         ('n1', 'org-acme', 'Could not refresh your linkedin channel invalid_grant. Please go back to the system and connect it again https://p.example.com/launches', (now() AT TIME ZONE 'UTC') - interval '3 hours', now()), \
         ('n0', 'org-acme', 'Could not refresh your linkedin channel older cause. Please go back to the system and connect it again https://p.example.com/launches', (now() AT TIME ZONE 'UTC') - interval '3 days', now())",
        &[],
    )
    .unwrap();
    for (id, hours) in [("post-a", 2), ("post-b", 1)] {
        c.execute(
            "INSERT INTO \"Post\" (id, state, \"publishDate\", \"organizationId\", \"integrationId\", content, \"group\", error, \"updatedAt\") \
             VALUES ($1, 'ERROR', (now() AT TIME ZONE 'UTC') - $2::text::interval, 'org-acme', 'c-refresh', 'hello', 'g', 'Refresh channel needed', now())",
            &[&id, &format!("{hours} hours")],
        )
        .unwrap();
    }
    // A connect waiting for its callback, a reconnect waiting, one consumed.
    create_state(r, "waitingstate0001", "org-acme", None, 3600);
    create_state(r, "reconnectstate02", "org-acme", Some("2002"), 3600);
    create_state(r, "consumedstate003", "org-beta", None, 3600);
    consume_state(r, "consumedstate003");
}

fn status(sb: &Sandbox, db: &str, redis: Option<&str>, extra: &[&str]) -> std::process::Output {
    let mut cmd = sb.cmd();
    cmd.env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["postiz", "status", "--database-url", db]);
    if let Some(r) = redis {
        cmd.args(["--redis-url", r]);
    }
    cmd.args(extra).output().unwrap()
}

#[test]
fn status_shows_every_state_with_its_fix_and_never_a_secret() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "every_state");
    seed_every_state(&mut c, &mut redis.conn());
    let sb = Sandbox::new();

    let out = status(&sb, &db, Some(&redis.url()), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert_no_secret(&output_text(&out));
    for needle in [
        "Acme (org-acme)",
        "Beta (org-beta)",
        "Acme on X (@x_handle)",
        "internal id 1001  row c-healthy",
        "needs reconnect: Postiz could not refresh it (refreshNeeded)",
        "\"Could not refresh your linkedin channel\" 3 hours ago (",
        "UTC): invalid_grant",
        "2 post(s) failed with \"Refresh channel needed\": post-b",
        "postiz-connect doctor linkedin --env-file",
        "page choice unfinished (inBetweenSteps)",
        "a refresh crashed (inBetweenSteps on a provider without a page step)",
        "refresh workflow did not keep it alive",
        "refresh_c-threads",
        "access token expired 2 days ago",
        "disabled: posts to it fail with \"Channel disabled\"",
        "unknown provider \"myspace\": Postiz's whole channel list breaks",
        "the same account is also a channel of Beta",
        "the same account is also a channel of Acme",
        "waiting   waitings  Acme  started",
        "reconnecting \"Acme LinkedIn\" (internal id 2002)",
        "consumed  consumed  Beta",
        "11 channel(s): 1 healthy, 4 with warnings, 6 with problems",
        "2 connect(s) waiting, 1 consumed in the last hour",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    assert!(
        !text.contains("Deleted TikTok"),
        "a deleted channel is shown:\n{text}"
    );
    // The healthy channel is shown healthy.
    let healthy = text
        .lines()
        .skip_while(|l| !l.contains("Beta TikTok"))
        .nth(2)
        .unwrap();
    assert_eq!(healthy.trim(), "healthy", "{text}");

    // --json: the same data, no secrets.
    let out = status(&sb, &db, Some(&redis.url()), &["--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_no_secret(&output_text(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let channel = |id: &str| -> Value {
        report["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|o| o["channels"].as_array().unwrap().clone())
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {report}"))
    };
    let codes = |id: &str| -> Vec<String> {
        channel(id)["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes("c-fine"), Vec::<String>::new());
    assert_eq!(channel("c-fine")["health"], "healthy");
    assert_eq!(channel("c-healthy")["health"], "warning");
    assert_eq!(codes("c-healthy"), ["duplicate_account"]);
    assert_eq!(codes("c-refresh"), ["needs_reconnect"]);
    assert_eq!(codes("c-page"), ["page_choice_unfinished"]);
    assert_eq!(codes("c-crash"), ["refresh_crashed"]);
    assert_eq!(codes("c-threads"), ["expired"]);
    assert_eq!(channel("c-threads")["health"], "problem");
    assert_eq!(codes("c-igs"), ["expired"]);
    assert_eq!(channel("c-igs")["health"], "problem");
    assert_eq!(codes("c-yt"), ["expired"]);
    assert_eq!(channel("c-yt")["health"], "warning");
    assert_eq!(codes("c-off"), ["disabled"]);
    assert_eq!(codes("c-unknown"), ["unknown_provider"]);
    assert_eq!(channel("c-healthy")["catalog_provider"], "twitter");
    assert_eq!(report["summary"]["channels"], 11);
    assert_eq!(report["summary"]["problems"], 6);
    let connects = report["connects"].as_array().unwrap();
    assert_eq!(connects.len(), 3, "{connects:?}");
    let reconnect = connects.iter().find(|c| c["reconnect"] == "2002").unwrap();
    assert_eq!(reconnect["status"], "waiting");
    assert_eq!(reconnect["organization"], "Acme");
    assert_eq!(reconnect["state_prefix"], "reconnec");
    assert!(reconnect["expires_in_seconds"].as_i64().unwrap() > 3500);
    let consumed = connects.iter().find(|c| c["status"] == "consumed").unwrap();
    assert_eq!(consumed["organization"], "Beta");
    // No state is ever shown whole.
    assert!(!report.to_string().contains("waitingstate0001"));
}

#[test]
fn status_reads_only_and_reads_no_secret_from_either_store() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "read_only");
    seed_every_state(&mut c, &mut redis.conn());
    // Every command Redis receives during the run.
    let monitor_file = tempfile::NamedTempFile::new().unwrap();
    let mut monitor = Command::new("redis-cli")
        .args(["-p", &redis.port.to_string(), "monitor"])
        .stdout(Stdio::from(monitor_file.reopen().unwrap()))
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let sb = Sandbox::new();
    let out = status(&sb, &db, Some(&redis.url()), &["--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    std::thread::sleep(Duration::from_millis(200));
    let _ = monitor.kill();
    let _ = monitor.wait();

    // PostgreSQL: the statements of this database by this tool.
    let log = std::fs::read_to_string(&cluster.log).unwrap();
    // "statement: ..." (simple protocol) and "execute <name>: ..." (extended protocol).
    let statements: Vec<&str> = log
        .lines()
        .filter_map(|l| l.strip_prefix("postiz-connect (read-only)|read_only|LOG:  "))
        .filter_map(|l| {
            l.strip_prefix("statement: ").or_else(|| {
                l.strip_prefix("execute ")
                    .and_then(|e| e.split_once(": ").map(|(_, s)| s))
            })
        })
        .collect();
    assert!(statements.len() >= 5, "{log}");
    for s in &statements {
        let upper = s.trim_start().to_ascii_uppercase();
        assert!(
            [
                "SELECT",
                "START TRANSACTION",
                "BEGIN",
                "SET LOCAL STATEMENT_TIMEOUT",
                "ROLLBACK"
            ]
            .iter()
            .any(|ok| upper.starts_with(ok)),
            "not a read: {s}"
        );
        // Of the refresh token, only whether it is usable, computed by the server.
        let listed = upper
            .split(" FROM ")
            .next()
            .unwrap_or_default()
            .replace("COALESCE(\"REFRESHTOKEN\" NOT IN ('', 'NULL'), FALSE)", "");
        for secret in [
            "\"TOKEN\"",
            " TOKEN,",
            "REFRESHTOKEN\"",
            "CUSTOMINSTANCEDETAILS",
            "APIKEY",
            "*",
        ] {
            assert!(!listed.contains(secret), "selects {secret}: {s}");
        }
    }
    assert!(
        statements.iter().any(|s| s.contains("READ ONLY")),
        "no read-only transaction: {statements:?}"
    );

    // Redis: SCAN, TTL, GET of organization:/refresh: only (plus the client's hello).
    let monitored = std::fs::read_to_string(monitor_file.path()).unwrap();
    let commands: Vec<&str> = monitored.lines().filter(|l| l.contains('"')).collect();
    assert!(
        commands.iter().any(|l| l.contains("\"SCAN\"")),
        "{monitored}"
    );
    for line in &commands {
        let cmd = line
            .split('"')
            .nth(1)
            .unwrap_or_default()
            .to_ascii_uppercase();
        assert!(
            ["SCAN", "TTL", "GET", "CLIENT", "HELLO", "PING", "SELECT"].contains(&cmd.as_str()),
            "unexpected Redis command: {line}"
        );
        if cmd == "GET" {
            assert!(
                line.contains("\"organization:") || line.contains("\"refresh:"),
                "read a secret value: {line}"
            );
        }
    }
}

#[test]
fn status_exit_zero_when_healthy_org_filter_and_env_file_without_redis() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "healthy");
    org(&mut c, "org-one", "Solo");
    org(&mut c, "org-two", "Broken");
    insert(
        &mut c,
        &Row::new("c1", "org-one", "linkedin", "1", "Solo LinkedIn"),
    );
    insert(
        &mut c,
        &Row {
            refresh_needed: true,
            ..Row::new("c2", "org-two", "x", "2", "Broken X")
        },
    );
    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        format!("DATABASE_URL={db}\nFRONTEND_URL=https://p.example.com\n"),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        sb.cmd()
            .env_remove("DATABASE_URL")
            .env_remove("REDIS_URL")
            .args(["postiz", "status", "--env-file", env.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    // Both organizations: a problem.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert!(
        stdout(&out).contains("no REDIS_URL: Postiz then keeps connect state"),
        "{}",
        stdout(&out)
    );
    // The healthy one, by name (any case) or id: exit 0.
    for filter in ["solo", "org-one"] {
        let out = run(&["--org", filter, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["organizations"].as_array().unwrap().len(), 1);
        assert_eq!(report["organizations"][0]["name"], "Solo");
        assert_eq!(report["summary"]["healthy"], 1);
        assert!(report["connects"].is_null());
        assert!(report["redis"].is_null());
    }
    let out = run(&["--org", "Nobody"]);
    assert_failed_with(&out, 2, "Solo (org-one)");
    // The DATABASE_URL of the environment is the last resort.
    let out = sb
        .cmd()
        .env("DATABASE_URL", &db)
        .env_remove("REDIS_URL")
        .args(["postiz", "status", "--org", "Solo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
}

#[test]
fn unreachable_or_wrong_stores_fail_fast_naming_which() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, _c) = database(cluster, "unreachable");
    let sb = Sandbox::new();
    let refused = free_port();
    let timed = |args: &[&str]| {
        let started = Instant::now();
        let out = sb
            .cmd()
            .env_remove("DATABASE_URL")
            .env_remove("REDIS_URL")
            .args(["postiz", "status"])
            .args(args)
            .output()
            .unwrap();
        (out, started.elapsed())
    };
    // Nothing on the database's port.
    let (out, took) = timed(&[
        "--database-url",
        &format!("postgresql://postiz-user:hunter2@127.0.0.1:{refused}/postiz-db-local"),
    ]);
    assert_failed_with(&out, 5, "could not reach the Postiz database (PostgreSQL)");
    let err = stderr(&out);
    assert!(err.contains("postiz-user:***@"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
    assert!(
        err.contains("127.0.0.1:5432:5432"),
        "the compose advice: {err}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");

    // A port that accepts and never answers: the wall-clock limit.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let (out, took) = timed(&[
        "--database-url",
        &format!("postgresql://u@127.0.0.1:{silent_port}/x"),
        "--connect-timeout",
        "1s",
    ]);
    assert_failed_with(&out, 5, "did not answer within");
    assert!(took < Duration::from_secs(5), "{took:?}");

    // The database is fine, Redis is not there.
    let (out, took) = timed(&[
        "--database-url",
        &db,
        "--redis-url",
        &format!("redis://127.0.0.1:{refused}"),
    ]);
    // The database's report stands; Redis is named unreachable in it (exit 5).
    assert_eq!(out.status.code(), Some(5), "{}", output_text(&out));
    assert!(
        stdout(&out).contains("unreachable: could not reach Postiz's Redis"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("postiz-redis"), "{}", stdout(&out));
    assert!(took < Duration::from_secs(5), "{took:?}");

    // A database without Postiz's tables, a database that does not exist, a bad URL: 6.
    let (out, _) = timed(&[
        "--database-url",
        &format!("postgresql://postiz@127.0.0.1:{}/postgres", cluster.port),
    ]);
    assert_failed_with(&out, 6, "not a Postiz database");
    let (out, _) = timed(&[
        "--database-url",
        &format!("postgresql://postiz@127.0.0.1:{}/nope", cluster.port),
    ]);
    assert_failed_with(&out, 6, "does not exist");
    let (out, _) = timed(&["--database-url", "mysql://root:hunter2@db/postiz"]);
    assert_failed_with(&out, 6, "not a PostgreSQL URL");
    assert!(!stderr(&out).contains("hunter2"));
    // Nothing located at all.
    let (out, _) = timed(&[]);
    assert_failed_with(&out, 6, "no Postiz database to read");
    // --json errors on stderr.
    let (out, _) = timed(&[
        "--json",
        "--database-url",
        &format!("postgresql://u@127.0.0.1:{refused}/x"),
    ]);
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["error"]["kind"], "unreachable");
    assert_eq!(err["error"]["exit_code"], 5);
    drop(silent);
}

#[test]
fn sslmode_is_honoured_against_a_tls_server() {
    let Some(cluster) = cluster() else {
        return;
    };
    if !cluster.tls {
        skip("openssl could not make a certificate for the TLS test");
        return;
    }
    // Seeded without TLS, then copied: the server refuses plain connections to `tlsonly`.
    let (_, seed) = database(cluster, "tls_template");
    drop(seed);
    let mut admin = client(cluster, "postgres");
    admin
        .batch_execute("DROP DATABASE IF EXISTS tlsonly")
        .unwrap();
    admin
        .batch_execute("CREATE DATABASE tlsonly TEMPLATE tls_template")
        .unwrap();
    let url = format!("postgresql://postiz@127.0.0.1:{}/tlsonly", cluster.port);
    let sb = Sandbox::new();
    let run = |query: &str| {
        sb.cmd()
            .env_remove("DATABASE_URL")
            .env_remove("REDIS_URL")
            .args([
                "postiz",
                "status",
                "--database-url",
                &format!("{url}{query}"),
            ])
            .output()
            .unwrap()
    };
    // The server refuses plain connections to this database (pg_hba hostnossl ... reject).
    let out = run("?sslmode=disable");
    assert_failed_with(&out, 6, "refused the login");
    // require (and the default, prefer): encrypted, certificate not checked, as Prisma does.
    for query in ["?sslmode=require", "", "?sslmode=prefer&schema=public"] {
        let out = run(query);
        assert_eq!(out.status.code(), Some(0), "{query}: {}", output_text(&out));
    }
    // verify-full: the self-signed certificate is not trusted.
    let out = run("?sslmode=verify-full");
    assert_failed_with(&out, 5, "TLS");
    assert!(stderr(&out).contains("sslrootcert"), "{}", stderr(&out));
}

/// Lines of a running command's stdout and stderr, as they come.
struct Running {
    child: Child,
    stdout: mpsc::Receiver<String>,
    stderr: mpsc::Receiver<String>,
}

impl Running {
    fn spawn(mut cmd: Command) -> Running {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pipe = |r: Box<dyn std::io::Read + Send>| {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                for line in BufReader::new(r).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        return;
                    }
                }
            });
            rx
        };
        let stdout = pipe(Box::new(child.stdout.take().unwrap()));
        let stderr = pipe(Box::new(child.stderr.take().unwrap()));
        Running {
            child,
            stdout,
            stderr,
        }
    }

    /// Wait (bounded) for a stderr line containing `needle`.
    fn stderr_until(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = String::new();
        while Instant::now() < deadline {
            if let Ok(line) = self.stderr.recv_timeout(Duration::from_millis(100)) {
                seen.push_str(&line);
                seen.push('\n');
                if line.contains(needle) {
                    return seen;
                }
            }
        }
        panic!("{needle:?} never came on stderr: {seen}");
    }

    /// The stdout event (JSON line) matching `pred`, waiting at most `limit`.
    fn event(&self, limit: Duration, all: &mut Vec<Value>, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + limit;
        if let Some(found) = all.iter().find(|v| pred(v)) {
            return found.clone();
        }
        while Instant::now() < deadline {
            if let Ok(line) = self.stdout.recv_timeout(Duration::from_millis(50)) {
                let v: Value =
                    serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
                all.push(v.clone());
                if pred(&v) {
                    return v;
                }
            }
        }
        panic!("no such event within {limit:?}; events: {all:#?}");
    }

    fn finish(mut self, all: &mut Vec<Value>) -> (Option<i32>, String) {
        let status = self.child.wait().unwrap();
        while let Ok(line) = self.stdout.recv_timeout(Duration::from_millis(200)) {
            all.push(serde_json::from_str(&line).unwrap());
        }
        let mut err = String::new();
        while let Ok(line) = self.stderr.recv_timeout(Duration::from_millis(50)) {
            err.push_str(&line);
            err.push('\n');
        }
        (status.code(), err)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_traces_connects_in_postizs_order_with_verdicts() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "watch");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-li", "org-acme", "linkedin", "li-1", "Acme LinkedIn"),
    );
    let mut r = redis.conn();
    // A connect consumed before the watch began is not judged.
    create_state(&mut r, "oldconsumedstate", "org-acme", None, 3600);
    consume_state(&mut r, "oldconsumedstate");

    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        format!("DATABASE_URL={db}\nREDIS_URL={}\n", redis.url()),
    )
    .unwrap();
    let mut cmd = sb.std_cmd();
    cmd.env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args([
            "postiz",
            "watch",
            "--json",
            "--env-file",
            env.to_str().unwrap(),
        ])
        .args([
            "--grace",
            "2s",
            "--interval",
            "100ms",
            "--stop-after",
            "15s",
        ]);
    let watch = Running::spawn(cmd);
    let intro = watch.stderr_until("watching");
    assert!(intro.contains("1 channel(s)"), "{intro}");
    let mut events = Vec::new();
    let wait = Duration::from_secs(5);

    // 1. A single-step connect that works: state, consume, row.
    create_state(&mut r, "xconnectstate001", "org-acme", None, 3600);
    let e = watch.event(wait, &mut events, |v| v["event"] == "state_created");
    assert_eq!(e["state"], "xconnect");
    assert_eq!(e["organization"], "Acme");
    consume_state(&mut r, "xconnectstate001");
    insert(
        &mut c,
        &Row::new("c-x", "org-acme", "x", "x-42", "Acme on X"),
    );
    let e = watch.event(wait, &mut events, |v| {
        v["event"] == "state_consumed" && v["state"] == "xconnect"
    });
    assert_eq!(e["organization"], "Acme");
    let e = watch.event(wait, &mut events, |v| {
        v["event"] == "channel_written" && v["id"] == "c-x"
    });
    assert_eq!(e["new"], true);
    assert_eq!(e["state"], "xconnect");
    assert_eq!(e["provider"], "x");

    // 2. A two-step connect: the row first holds the login, then the page.
    create_state(&mut r, "fbconnectstate02", "org-acme", None, 3600);
    watch.event(wait, &mut events, |v| {
        v["event"] == "state_created" && v["state"] == "fbconnec"
    });
    consume_state(&mut r, "fbconnectstate02");
    insert(
        &mut c,
        &Row {
            between: true,
            ..Row::new("c-fb", "org-acme", "facebook", "fb-user-1", "Acme FB login")
        },
    );
    let e = watch.event(wait, &mut events, |v| {
        v["event"] == "channel_written" && v["id"] == "c-fb"
    });
    assert_eq!(e["waiting_for_page"], true);
    assert_eq!(e["state"], "fbconnec");
    // saveProviderPage: the page's id, name and token; inBetweenSteps false.
    c.execute(
        "UPDATE \"Integration\" SET \"internalId\" = 'page-9', name = 'Acme Page', token = $1, \
         \"inBetweenSteps\" = false, \"updatedAt\" = (now() AT TIME ZONE 'UTC') WHERE id = 'c-fb'",
        &[&format!("page-token-{SECRET}")],
    )
    .unwrap();
    let e = watch.event(wait, &mut events, |v| v["event"] == "page_chosen");
    assert_eq!(e["name"], "Acme Page");
    assert_eq!(e["internal_id"], "page-9");

    // 3. A reconnect whose token exchange fails: consumed, no row within the grace.
    create_state(&mut r, "lireconnectstat3", "org-acme", Some("li-1"), 3600);
    let e = watch.event(wait, &mut events, |v| {
        v["event"] == "state_created" && v["state"] == "lireconn"
    });
    assert_eq!(e["reconnect"], "li-1");
    assert_eq!(e["reconnect_channel"], "Acme LinkedIn");
    consume_state(&mut r, "lireconnectstat3");
    let e = watch.event(wait, &mut events, |v| v["event"] == "exchange_failed");
    assert_eq!(e["state"], "lireconn");
    let advice = e["advice"].as_str().unwrap();
    let env_abs = std::path::absolute(&env).unwrap();
    assert!(
        advice.contains(&format!(
            "postiz-connect doctor linkedin --env-file {}",
            env_abs.display()
        )),
        "{advice}"
    );
    assert!(e["waited_seconds"].as_i64().unwrap() >= 2);

    // 4. A state nobody comes back for: it expires.
    create_state(&mut r, "expiringstate004", "org-acme", None, 2);
    watch.event(wait, &mut events, |v| {
        v["event"] == "state_created" && v["state"] == "expiring"
    });
    watch.event(wait, &mut events, |v| {
        v["event"] == "expired" && v["state"] == "expiring"
    });

    // Ctrl-C ends it, as a user would.
    Command::new("kill")
        .args(["-INT", &watch.child.id().to_string()])
        .status()
        .unwrap();
    let (code, err) = watch.finish(&mut events);
    assert_eq!(code, Some(1), "a connect failed: {err}");
    let all = serde_json::to_string(&events).unwrap();
    assert_no_secret(&all);
    assert_no_secret(&err);
    assert!(
        !all.contains("oldconsum"),
        "judged a connect from before the watch: {all}"
    );
    // The order Postiz makes them in, for the first connect.
    let order: Vec<&str> = events
        .iter()
        .filter(|e| e["state"] == "xconnect")
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        ["state_created", "state_consumed", "channel_written"]
    );
    assert!(events.iter().all(|e| e["at"].is_string()));
}

/// `--timeout` ending while Postiz has taken a state and no verdict is in yet (no row,
/// the grace period not over): said, and not exit 0.
#[test]
fn watch_ending_before_judging_a_consumed_connect_says_so_and_fails() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "watch_unjudged");
    org(&mut c, "org-acme", "Acme");
    let mut r = redis.conn();
    let sb = Sandbox::new();
    let mut cmd = sb.std_cmd();
    cmd.env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["postiz", "watch", "--json", "--database-url", &db])
        .args(["--redis-url", &redis.url()])
        .args([
            "--grace",
            "60s",
            "--interval",
            "100ms",
            "--stop-after",
            "4s",
        ]);
    let watch = Running::spawn(cmd);
    watch.stderr_until("watching");
    let mut events = Vec::new();
    create_state(&mut r, "pendingstate0001", "org-acme", None, 3600);
    watch.event(Duration::from_secs(3), &mut events, |v| {
        v["event"] == "state_created"
    });
    consume_state(&mut r, "pendingstate0001");
    watch.event(Duration::from_secs(3), &mut events, |v| {
        v["event"] == "state_consumed"
    });
    let (code, err) = watch.finish(&mut events);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("stopped before judging 1 connect(s) (pendings)"),
        "{err}"
    );
}

#[test]
fn watch_names_a_postiz_without_redis_and_ends_at_the_timeout() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "watch_no_redis");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args([
            "postiz",
            "watch",
            "--database-url",
            &db,
            "--stop-after",
            "1s",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(
        stderr(&out).contains("Postiz runs without Redis here"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(6));
}

/// A provider with live rows but empty keys in the `.env` is a problem (the `.env` lint
/// alone takes empty keys for a provider that is not enabled).
#[test]
fn doctor_flags_live_channels_whose_credentials_are_empty_in_the_env() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "doctor_keys");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-r", "org-acme", "reddit", "r-1", "Acme on Reddit"),
    );
    insert(
        &mut c,
        &Row::new("c-li", "org-acme", "linkedin", "li-1", "Acme LinkedIn"),
    );
    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        format!("FRONTEND_URL=http://postiz.lan:4200\nDATABASE_URL={db}\nREDDIT_CLIENT_ID=\nREDDIT_CLIENT_SECRET=\nLINKEDIN_CLIENT_ID=li-app\nLINKEDIN_CLIENT_SECRET=li-secret\n"),
    )
    .unwrap();
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["doctor", "--json", "--env-file", env.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "deployment.reddit.no_credentials")
        .unwrap_or_else(|| panic!("{findings:#}"));
    assert_eq!(found["severity"], "problem");
    assert!(
        found["title"]
            .as_str()
            .unwrap()
            .contains("REDDIT_CLIENT_ID"),
        "{found}"
    );
    assert!(!has_finding(
        &findings,
        "deployment.linkedin.no_credentials"
    ));
}

// ---- at the scale of a large deployment: what is read, what is shown -----------------------

/// `count` healthy channels of `org` (ids `{prefix}1`...), their providers taken in turn
/// from x, linkedin and threads, with tokens as long as real ones (a few hundred
/// characters: the rows are as wide as Postiz's, for the planner): one INSERT.
fn insert_healthy(c: &mut postgres::Client, org: &str, prefix: &str, count: i32) {
    c.execute(
        "INSERT INTO \"Integration\" (id, \"internalId\", \"rootInternalId\", \"organizationId\", name, \
         \"providerIdentifier\", type, token, \"refreshToken\", \"tokenExpiration\", \"updatedAt\") \
         SELECT $2 || g, $2 || 'acct-' || g, $2 || 'acct-' || g, $1, 'Healthy ' || $2 || g, \
         (ARRAY['x', 'linkedin', 'threads'])[1 + g % 3], 'social', $3 || repeat('t', 400), \
         $3 || repeat('r', 400), \
         (now() AT TIME ZONE 'UTC') + interval '30 days', \
         (now() AT TIME ZONE 'UTC') - interval '1 day' - g * interval '1 second' \
         FROM generate_series(1, $4) g",
        &[&org, &prefix, &format!("token-{SECRET}"), &count],
    )
    .unwrap();
}

/// Rows of `"Integration"` read so far in this database (sequential reads and index
/// fetches), once the sessions that ended have reported them.
fn integration_rows_read(cluster: &Cluster, db: &str) -> i64 {
    // A backend reports its counts when it exits, just after its client went away.
    std::thread::sleep(Duration::from_millis(700));
    client(cluster, db)
        .query_one(
            "SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables \
             WHERE relname = 'Integration'",
            &[],
        )
        .unwrap()
        .get(0)
}

#[test]
fn status_above_thirty_channels_lists_the_ones_with_issues_and_counts_the_healthy() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "big_view");
    org(&mut c, "org-acme", "Acme");
    org(&mut c, "org-beta", "Beta");
    insert_healthy(&mut c, "org-acme", "a", 40);
    insert(
        &mut c,
        &Row {
            refresh_needed: true,
            ..Row::new(
                "c-broken",
                "org-acme",
                "linkedin",
                "li-9",
                "Broken LinkedIn",
            )
        },
    );
    insert(
        &mut c,
        &Row {
            disabled: true,
            ..Row::new("c-off", "org-beta", "reddit", "rd-1", "Beta Reddit")
        },
    );
    insert_healthy(&mut c, "org-beta", "b", 2);
    let sb = Sandbox::new();

    // The default view: the problem and the warning listed, the healthy ones counted.
    let out = status(&sb, &db, None, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let text = stdout(&out);
    assert_no_secret(&output_text(&out));
    for needle in [
        "Broken LinkedIn",
        "needs reconnect",
        "Beta Reddit",
        "✓ 40 healthy, not listed: linkedin 14, threads 13, x 13",
        "✓ 2 healthy, not listed: linkedin 1, threads 1",
        "the healthy ones are counted, not listed (--all lists them",
        "44 channel(s): 42 healthy, 1 with warnings, 1 with problems",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    assert!(
        !text.contains("Healthy a1") && !text.contains("      healthy"),
        "a healthy channel is listed:\n{text}"
    );
    // Acme before Beta, each with its own counts.
    let acme = text.find("Acme (org-acme)").unwrap();
    let beta = text.find("Beta (org-beta)").unwrap();
    let forty = text.find("✓ 40 healthy").unwrap();
    assert!(acme < forty && forty < beta, "{text}");

    // --all: every channel, as a small deployment shows them.
    let out = status(&sb, &db, None, &["--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let all = stdout(&out);
    for i in 1..=40 {
        assert!(all.contains(&format!("Healthy a{i}\n")), "a{i} in:\n{all}");
    }
    assert_eq!(all.matches("      healthy\n").count(), 42, "{all}");
    assert!(!all.contains("not listed"), "{all}");

    // --json keeps every channel.
    let out = status(&sb, &db, None, &["--json"]);
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    let channels: usize = report["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["channels"].as_array().unwrap().len())
        .sum();
    assert_eq!(channels, 44);
    assert_eq!(report["summary"]["healthy"], 42);
}

#[test]
fn status_org_reads_only_that_organizations_rows() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "org_reads");
    org(&mut c, "org-small", "Small");
    org(&mut c, "org-big", "Big");
    insert_healthy(&mut c, "org-small", "s", 5);
    insert_healthy(&mut c, "org-big", "b", 5000);
    // The same account in both: the warning needs the other organization, not its rows.
    insert(
        &mut c,
        &Row::new(
            "c-shared-s",
            "org-small",
            "x",
            "shared-1",
            "Shared in Small",
        ),
    );
    insert(
        &mut c,
        &Row::new("c-shared-b", "org-big", "x", "shared-1", "Shared in Big"),
    );
    // As autovacuum keeps a live table: statistics for the planner, the visibility map.
    c.batch_execute("VACUUM ANALYZE").unwrap();
    let sb = Sandbox::new();

    let before = integration_rows_read(cluster, "org_reads");
    let out = status(&sb, &db, None, &["--org", "org-small", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let read = integration_rows_read(cluster, "org_reads") - before;
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let orgs = report["organizations"].as_array().unwrap();
    assert_eq!(orgs.len(), 1, "{report}");
    assert_eq!(orgs[0]["name"], "Small");
    let channels = orgs[0]["channels"].as_array().unwrap();
    assert_eq!(channels.len(), 6);
    let shared = channels.iter().find(|c| c["id"] == "c-shared-s").unwrap();
    assert_eq!(shared["issues"][0]["code"], "duplicate_account", "{shared}");
    assert!(
        shared["issues"][0]["title"]
            .as_str()
            .unwrap()
            .ends_with("Big"),
        "{shared}"
    );
    // Its 6 rows, read a few times over (channels, shared accounts): not Big's 5,001.
    assert!(read < 60, "--org read {read} rows of \"Integration\"");

    // By name too, and the text view of a small organization lists every channel.
    let out = status(&sb, &db, None, &["--org", "small"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(stdout(&out).contains("Healthy s5"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Healthy b1"), "{}", stdout(&out));
}

#[test]
fn watch_reads_only_changes_when_idle_and_only_reads() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "watch_idle");
    org(&mut c, "org-acme", "Acme");
    insert_healthy(&mut c, "org-acme", "w", 2000);
    c.batch_execute("VACUUM ANALYZE").unwrap();
    let mut r = redis.conn();
    create_state(&mut r, "idlewaitingstate", "org-acme", None, 3600);
    // Keys that are not connects, as a busy Redis has.
    for i in 0..200 {
        let _: () = r.set(format!("bull:queue:{i}"), "x").unwrap();
    }
    let monitor_file = tempfile::NamedTempFile::new().unwrap();
    let mut monitor = Command::new("redis-cli")
        .args(["-p", &redis.port.to_string(), "monitor"])
        .stdout(Stdio::from(monitor_file.reopen().unwrap()))
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let sb = Sandbox::new();
    let before = integration_rows_read(cluster, "watch_idle");
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["postiz", "watch", "--json", "--database-url", &db])
        .args(["--redis-url", &redis.url()])
        .args(["--interval", "100ms", "--stop-after", "3s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(stderr(&out).contains("2000 channel(s)"), "{}", stderr(&out));
    let read = integration_rows_read(cluster, "watch_idle") - before;
    std::thread::sleep(Duration::from_millis(200));
    let _ = monitor.kill();
    let _ = monitor.wait();
    assert_no_secret(&output_text(&out));
    // The rows once (2,000), then about 25 idle polls that read none; reading the table
    // at each poll would be 50,000.
    assert!(
        read < 2200,
        "an idle watch read {read} rows of \"Integration\""
    );

    // Redis: read-only, no secret value, and the keyspace walked at the start only.
    let monitored = std::fs::read_to_string(monitor_file.path()).unwrap();
    let commands: Vec<&str> = monitored.lines().filter(|l| l.contains('"')).collect();
    let mut scans = 0;
    let mut infos = 0;
    for line in &commands {
        let cmd = line
            .split('"')
            .nth(1)
            .unwrap_or_default()
            .to_ascii_uppercase();
        assert!(
            ["SCAN", "TTL", "GET", "INFO", "CLIENT", "HELLO", "PING", "SELECT"]
                .contains(&cmd.as_str()),
            "unexpected Redis command: {line}"
        );
        if cmd == "GET" {
            assert!(
                line.contains("\"organization:") || line.contains("\"refresh:"),
                "read a secret value: {line}"
            );
        }
        scans += usize::from(cmd == "SCAN");
        infos += usize::from(cmd == "INFO");
    }
    assert!(infos >= 6, "{infos} INFO in {monitored}");
    assert!(scans <= 4, "{scans} SCAN over an idle watch: {monitored}");
}

#[test]
fn watch_reports_a_write_that_commits_late_and_a_soft_delete_within_a_poll() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "watch_late");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-late", "org-acme", "linkedin", "li-1", "Acme LinkedIn"),
    );
    insert(
        &mut c,
        &Row::new("c-other", "org-acme", "x", "x-1", "Acme X"),
    );
    insert_healthy(&mut c, "org-acme", "h", 500);
    let sb = Sandbox::new();
    let mut cmd = sb.std_cmd();
    cmd.env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["postiz", "watch", "--json", "--database-url", &db])
        .args(["--interval", "100ms", "--stop-after", "30s"]);
    let watch = Running::spawn(cmd);
    watch.stderr_until("watching");
    let mut events = Vec::new();

    // A write stamped when its transaction began (as Prisma and this tool stamp
    // updatedAt), committed long after other writes were seen: longer than any clock
    // margin, so only the oldest open transaction tells the watch where to look.
    let mut late = client(cluster, "watch_late");
    let mut tx = late.transaction().unwrap();
    tx.execute(
        "UPDATE \"Integration\" SET name = 'Acme LinkedIn (renamed)', \
         \"updatedAt\" = (now() AT TIME ZONE 'UTC') WHERE id = 'c-late'",
        &[],
    )
    .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    c.execute(
        "UPDATE \"Integration\" SET name = 'Acme X (renamed)', \
         \"updatedAt\" = (now() AT TIME ZONE 'UTC') WHERE id = 'c-other'",
        &[],
    )
    .unwrap();
    let e = watch.event(Duration::from_secs(3), &mut events, |v| {
        v["event"] == "channel_written" && v["id"] == "c-other"
    });
    assert_eq!(e["new"], false);
    std::thread::sleep(Duration::from_secs(6));
    tx.commit().unwrap();
    let committed = Instant::now();
    let e = watch.event(Duration::from_secs(5), &mut events, |v| {
        v["event"] == "channel_written" && v["id"] == "c-late"
    });
    assert_eq!(e["name"], "Acme LinkedIn (renamed)");
    // Within a poll (100 ms), with room for a loaded machine.
    assert!(
        committed.elapsed() < Duration::from_millis(1500),
        "{:?}",
        committed.elapsed()
    );

    // Postiz deletes softly: deletedAt and updatedAt.
    c.execute(
        "UPDATE \"Integration\" SET \"deletedAt\" = (now() AT TIME ZONE 'UTC'), \
         \"updatedAt\" = (now() AT TIME ZONE 'UTC') WHERE id = 'c-other'",
        &[],
    )
    .unwrap();
    let deleted = Instant::now();
    let e = watch.event(Duration::from_secs(5), &mut events, |v| {
        v["event"] == "channel_removed"
    });
    assert_eq!(e["id"], "c-other");
    assert!(deleted.elapsed() < Duration::from_millis(1500));
    // A row read again in the overlap of two reads is not reported twice.
    std::thread::sleep(Duration::from_millis(500));
    Command::new("kill")
        .args(["-INT", &watch.child.id().to_string()])
        .status()
        .unwrap();
    let (code, err) = watch.finish(&mut events);
    assert_eq!(code, Some(0), "{err}");
    let late_events = events
        .iter()
        .filter(|e| e["event"] == "channel_written" && e["id"] == "c-late")
        .count();
    assert_eq!(late_events, 1, "{events:#?}");
    assert_eq!(events.len(), 3, "{events:#?}");
}

#[test]
fn doctor_with_a_postiz_env_reports_the_deployment() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "doctor");
    seed_every_state(&mut c, &mut redis.conn());
    let sb = Sandbox::new();
    let env = sb.path(".env");
    std::fs::write(
        &env,
        format!(
            "FRONTEND_URL=http://postiz.lan:4200\nNEXT_PUBLIC_BACKEND_URL=http://postiz.lan:3000\nNOT_SECURED=false\nDATABASE_URL={db}\nREDIS_URL={}\n",
            redis.url()
        ),
    )
    .unwrap();
    let doctor = |env: &Path| {
        sb.cmd()
            .env_remove("DATABASE_URL")
            .env_remove("REDIS_URL")
            .args(["doctor", "--json", "--env-file", env.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let out = doctor(&env);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert_no_secret(&output_text(&out));
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    for id in [
        "deployment.needs_reconnect",
        "deployment.page_choice_unfinished",
        "deployment.refresh_crashed",
        "deployment.expired",
        "deployment.unknown_provider",
        "deployment.duplicate_account",
        "deployment.disabled",
        "deployment.read",
        "env.not_secured.falsy",
        "env.redis_url.ok",
    ] {
        assert!(has_finding(&findings, id), "{id}: {findings:#}");
    }
    // "false" counts as set: no login-loop finding.
    assert!(!has_finding(&findings, "env.not_secured.missing"));
    let needs = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "deployment.needs_reconnect")
        .unwrap();
    assert_eq!(needs["severity"], "problem");
    assert!(needs["title"]
        .as_str()
        .unwrap()
        .contains("Acme / linkedin \"Acme LinkedIn\""));

    // No REDIS_URL, no NOT_SECURED, a database that is not reachable from here: the lint
    // names them, and the deployment is a warning, not a problem.
    let env2 = sb.path("compose.env");
    std::fs::write(
        &env2,
        format!(
            "FRONTEND_URL=http://postiz.lan:4200\nNEXT_PUBLIC_BACKEND_URL=http://postiz.lan:3000\nNOT_SECURED=\nDATABASE_URL=postgresql://postiz-user:changed-pw-{SECRET}@127.0.0.1:{}/postiz-db-local\n",
            free_port()
        ),
    )
    .unwrap();
    let out = doctor(&env2);
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    for (id, severity) in [
        ("env.redis_url.missing", "warning"),
        ("env.not_secured.missing", "problem"),
        ("deployment.unreachable", "warning"),
    ] {
        let f = findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("{id}: {findings:#}"));
        assert_eq!(f["severity"], severity, "{f}");
    }
    assert_no_secret(&output_text(&out));
}

// ---- postiz refresh / postiz adopt: the repair commands, the only writes -------------------

/// A Postiz `.env` for the repair commands: the database, FRONTEND_URL, and these settings.
pub(crate) fn env_file(sb: &Sandbox, db: &str, settings: &[(&str, &str)]) -> PathBuf {
    let mut text = format!("DATABASE_URL={db}\nFRONTEND_URL=http://localhost:4200\n");
    for (name, value) in settings {
        text.push_str(&format!("{name}={value}\n"));
    }
    let path = sb.path("postiz.env");
    std::fs::write(&path, text).unwrap();
    path
}

/// `postiz adopt CHANNEL --org ORG --env-file ENV`, then `more`.
pub(crate) fn adopt(
    sb: &Sandbox,
    channel: &str,
    org: &str,
    env: &str,
    more: &[&str],
) -> std::process::Output {
    let mut args = vec!["adopt", channel, "--org", org, "--env-file", env];
    args.extend_from_slice(more);
    postiz(sb, &args)
}

/// `postiz-connect postiz <args>` with no deployment from the environment.
pub(crate) fn postiz(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    sb.cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .env_remove("DISCORD_CLIENT_ID")
        .env_remove("DISCORD_CLIENT_SECRET")
        .env_remove("X_API_KEY")
        .env_remove("X_API_SECRET")
        .arg("postiz")
        .args(args)
        .output()
        .unwrap()
}

/// `postiz refresh ID` against the sandbox at `base`, output piped, for a test that acts
/// while it runs (spawn it, with any extra environment).
pub(crate) fn refresh_command(sb: &Sandbox, id: &str, env: &str, base: &str) -> Command {
    let mut cmd = sb.std_cmd();
    cmd.env_remove("DATABASE_URL")
        .args([
            "postiz",
            "refresh",
            id,
            "--env-file",
            env,
            "--sandbox-at",
            base,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs `postiz refresh ID` while Postiz, meanwhile, writes its own refreshed tokens into
/// the row (the sandbox answers the refresh after 3 s; the tool has read the row by then).
fn refresh_while_postiz_writes(
    sb: &Sandbox,
    c: &mut postgres::Client,
    id: &str,
    env: &str,
    base: &str,
) -> std::process::Output {
    let child = refresh_command(sb, id, env, base).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(1200));
    c.execute(
        "UPDATE \"Integration\" SET token = 'postiz-token', \"refreshToken\" = 'postiz-refresh' WHERE id = $1",
        &[&id],
    )
    .unwrap();
    child.wait_with_output().unwrap()
}

/// The one local channel's name.
/// A channel of `provider` connected headless to a sandbox of its own (the emulator, its
/// base URL and the stored channel's name): how a test gets a channel to adopt.
pub(crate) fn connect_at_emulator(sb: &Sandbox, provider: &str) -> (Emulator, String, String) {
    let server = sb.emulator(&[provider, "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        provider,
        "--sandbox-at",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "30s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(sb);
    (server, base, channel)
}

pub(crate) fn only_channel(sb: &Sandbox) -> String {
    let status = sb.status_json();
    let list = status.as_array().unwrap();
    assert_eq!(list.len(), 1, "{status}");
    list[0]["channel"].as_str().unwrap().to_string()
}

/// The secrets a row holds, and its flags.
pub(crate) struct Stored {
    pub(crate) id: String,
    pub(crate) token: String,
    pub(crate) refresh: Option<String>,
    pub(crate) refresh_needed: bool,
    pub(crate) between: bool,
    pub(crate) posting_times: String,
    pub(crate) settings: Option<String>,
    pub(crate) provider: String,
    pub(crate) internal: String,
}

pub(crate) fn stored(c: &mut postgres::Client, org: &str) -> Vec<Stored> {
    c.query(
        "SELECT id, token, \"refreshToken\", \"refreshNeeded\", \"inBetweenSteps\", \"postingTimes\", \
         \"additionalSettings\", \"providerIdentifier\", \"internalId\" FROM \"Integration\" \
         WHERE \"organizationId\" = $1 ORDER BY id",
        &[&org],
    )
    .unwrap()
    .iter()
    .map(|r| Stored {
        id: r.get(0),
        token: r.get(1),
        refresh: r.get(2),
        refresh_needed: r.get(3),
        between: r.get(4),
        posting_times: r.get(5),
        settings: r.get(6),
        provider: r.get(7),
        internal: r.get(8),
    })
    .collect()
}

/// No token, refresh token or client secret of these appears in `text`.
pub(crate) fn assert_none_of(text: &str, secrets: &[&str]) {
    for s in secrets.iter().filter(|s| s.len() > 4) {
        assert!(!text.contains(s), "a secret was shown ({s}):\n{text}");
    }
    assert_no_secret(text);
}

/// A Discord channel connected through a running sandbox whose refresh tokens rotate
/// (plus `more` sandbox arguments): the sandbox (keep it alive), its URL, the channel.
pub(crate) fn rotating_discord(sb: &Sandbox, more: &[&str]) -> (Emulator, String, String) {
    let mut args = vec!["discord", "--auto-approve", "--fault", "rotate-refresh"];
    args.extend_from_slice(more);
    let server = sb.emulator(&args);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        "discord",
        "--sandbox-at",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "30s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(sb);
    (server, base, channel)
}

/// The records `postiz refresh` keeps aside, in this home.
pub(crate) fn records(sb: &Sandbox) -> Vec<PathBuf> {
    std::fs::read_dir(sb.home.path().join("home/postiz-pending"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn adopt_then_refresh_through_a_rotating_sandbox() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "adopt_refresh");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let local_token = sb.token(&channel);
    let env = env_file(
        &sb,
        &db,
        &[
            ("DISCORD_CLIENT_ID", "sandbox-client"),
            ("DISCORD_CLIENT_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();

    // --dry-run: the row, masked; nothing written.
    let out = adopt(&sb, &channel, "Acme", env, &["--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_none_of(&output_text(&out), &[&local_token, "sandbox-secret"]);
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["outcome"], "would_insert", "{shown}");
    assert_eq!(shown["sandbox"], true);
    assert!(shown["row"]["token"].as_str().unwrap().starts_with("***"));
    assert_eq!(shown["row"]["provider"], "discord");
    assert!(stored(&mut c, "org-acme").is_empty(), "a dry run wrote");

    // Adopt: inserted as Postiz's upsert would, labelled a sandbox channel.
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(stderr(&out).contains("sandbox channel"), "{}", stderr(&out));
    assert_none_of(&output_text(&out), &[&local_token]);
    let rows = stored(&mut c, "org-acme");
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert!(row.id.starts_with('c') && row.id.len() == 25, "{}", row.id);
    assert_eq!(row.provider, "discord");
    assert_eq!(row.token, local_token);
    assert!(row.refresh.as_deref().is_some_and(|r| !r.is_empty()));
    assert!(!row.refresh_needed && !row.between);
    serde_json::from_str::<Value>(&row.posting_times).unwrap();
    assert_eq!(row.settings.as_deref(), Some("[]"));
    let id = row.id.clone();
    let first_refresh = row.refresh.clone().unwrap();

    // Adopting again updates the same row in place (its id, so its posts, kept).
    let out = adopt(&sb, &channel, "org-acme", env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["outcome"], "updated");
    assert_eq!(done["row_id"], id.as_str());
    assert_eq!(stored(&mut c, "org-acme").len(), 1);

    // A refresh that crashed in Postiz: refreshNeeded and inBetweenSteps set.
    c.execute(
        "UPDATE \"Integration\" SET \"refreshNeeded\" = true, \"inBetweenSteps\" = true WHERE id = $1",
        &[&id],
    )
    .unwrap();
    // --dry-run calls nothing and writes nothing.
    let out = postiz(
        &sb,
        &[
            "refresh",
            &id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let dry: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dry[0]["outcome"], "would_refresh", "{dry}");
    let row = &stored(&mut c, "org-acme")[0];
    assert_eq!(row.refresh.as_deref(), Some(first_refresh.as_str()));
    assert!(row.refresh_needed && row.between);

    // Refresh: rotated twice in a row, each rotation written, the flags cleared.
    let mut previous = first_refresh.clone();
    for _ in 0..2 {
        let out = postiz(
            &sb,
            &[
                "refresh",
                &id,
                "--env-file",
                env,
                "--sandbox-at",
                &base,
                "--json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
        let done: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(done[0]["outcome"], "refreshed", "{done}");
        assert_eq!(done[0]["rotated"], true, "{done}");
        let row = &stored(&mut c, "org-acme")[0];
        let now_refresh = row.refresh.clone().unwrap();
        assert_ne!(
            now_refresh, previous,
            "the rotated refresh token was not written"
        );
        assert_ne!(row.token, local_token);
        assert!(!row.refresh_needed && !row.between);
        assert_none_of(
            &output_text(&out),
            &[&row.token, &now_refresh, &previous, "sandbox-secret"],
        );
        previous = now_refresh;
    }
    assert!(records(&sb).is_empty(), "records left: {:?}", records(&sb));

    // The spent refresh token back in the row: a dead grant, exit 4, the row untouched,
    // and the way to reconnect from Postiz.
    c.execute(
        "UPDATE \"Integration\" SET \"refreshToken\" = $2 WHERE id = $1",
        &[&id, &first_refresh],
    )
    .unwrap();
    let before = stored(&mut c, "org-acme").remove(0).token;
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&out, 4, "http://localhost:4200/launches");
    assert_none_of(&output_text(&out), &[&first_refresh, &before]);
    let row = &stored(&mut c, "org-acme")[0];
    assert_eq!(row.refresh.as_deref(), Some(first_refresh.as_str()));
    assert_eq!(row.token, before);
    assert!(!row.refresh_needed);

    // No such row: a usage error naming where ids are.
    let out = postiz(
        &sb,
        &[
            "refresh",
            "no-such-row",
            "--env-file",
            env,
            "--sandbox-at",
            &base,
        ],
    );
    assert_failed_with(&out, 2, "postiz status");
}

#[test]
fn refresh_writes_nothing_when_postiz_changed_the_row_meanwhile() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "refresh_race");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    // Each answer of the provider takes 3 s: time for Postiz to change the row.
    let (_sandbox, base, channel) = rotating_discord(&sb, &["--fault", "slow:3000"]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();

    // While the provider answers slowly, Postiz refreshes the row itself.
    let out = refresh_while_postiz_writes(&sb, &mut c, &id, env, &base);
    assert_failed_with(&out, 1, "changed in Postiz while it was being refreshed");
    let row = &stored(&mut c, "org-acme")[0];
    assert_eq!(row.token, "postiz-token", "the row was overwritten");
    assert_eq!(row.refresh.as_deref(), Some("postiz-refresh"));
    // The provider's new tokens are kept, privately, where the message says.
    let kept = records(&sb);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        stderr(&out).contains(&kept[0].display().to_string()),
        "{}",
        stderr(&out)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let record: Value = serde_json::from_slice(&std::fs::read(&kept[0]).unwrap()).unwrap();
    assert_eq!(record["row"]["id"], id.as_str());
    let new_token = record["token"].as_str().unwrap();
    assert!(!new_token.is_empty());
    assert_none_of(
        &output_text(&out),
        &[new_token, record["refreshToken"].as_str().unwrap()],
    );
    // The message names the way back; here it refuses: the row holds Postiz's newer tokens.
    assert!(stderr(&out).contains("postiz status"), "{}", stderr(&out));
    let out = postiz(
        &sb,
        &["restore", kept[0].to_str().unwrap(), "--env-file", env],
    );
    assert_failed_with(&out, 4, "no longer holds the tokens");
    assert_eq!(stored(&mut c, "org-acme")[0].token, "postiz-token");
    assert!(kept[0].exists());
}

#[test]
fn adopt_refuses_another_app_an_unknown_org_and_a_deployment_without_the_provider() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "adopt_guards");
    org(&mut c, "org-one", "Twin");
    org(&mut c, "org-two", "Twin");
    org(&mut c, "org-solo", "Solo");
    // Deleted in Postiz (`deletedAt` set): they count as not existing.
    org(&mut c, "org-gone", "Gone");
    org(&mut c, "org-three", "Twin");
    c.execute(
        "UPDATE \"Organization\" SET \"deletedAt\" = now() WHERE id IN ('org-gone', 'org-three')",
        &[],
    )
    .unwrap();
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("discord", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);

    // The deployment's app is another one: Postiz could not refresh the token.
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "postiz-own-app")]);
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Solo", &env, &[]);
    assert_failed_with(&out, 4, "not the deployment's");
    assert!(stderr(&out).contains("invalid_grant"), "{}", stderr(&out));

    // The deployment does not offer the provider at all: no DISCORD_CLIENT_ID in its .env.
    let env = env_file(&sb, &db, &[]);
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Solo", &env, &[]);
    assert_failed_with(&out, 6, "Postiz does not offer Discord");
    // Nor when this shell happens to have the variable: the .env is the deployment's.
    let out = sb
        .cmd()
        .env("DISCORD_CLIENT_ID", "sandbox-client")
        .args([
            "postiz",
            "adopt",
            &channel,
            "--org",
            "Solo",
            "--env-file",
            &env,
        ])
        .output()
        .unwrap();
    assert_failed_with(&out, 6, "Postiz does not offer Discord");

    // No such organization; an ambiguous name lists both.
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Nope", &env, &[]);
    assert_failed_with(&out, 2, "no organization has the name or id \"Nope\"");
    let out = adopt(&sb, &channel, "Twin", &env, &[]);
    assert_failed_with(&out, 2, "several organizations");
    // The candidates, and only those: not the deleted namesake, not the others.
    let err = stderr(&out);
    assert!(err.contains("org-one") && err.contains("org-two"), "{err}");
    assert!(
        !err.contains("org-three") && !err.contains("org-solo"),
        "{err}"
    );
    // A deleted organization, by name or by id, is refused as not existing.
    for gone in ["Gone", "org-gone"] {
        let out = adopt(&sb, &channel, gone, &env, &[]);
        assert_failed_with(&out, 2, "no organization has the name or id");
        assert!(
            stderr(&out).contains("deleted in Postiz"),
            "{}",
            stderr(&out)
        );
    }
    for o in ["org-one", "org-two", "org-solo", "org-gone", "org-three"] {
        assert!(stored(&mut c, o).is_empty(), "a refused adopt wrote");
    }
    // A provider Postiz has no integration for (a row of it would break Postiz's whole
    // channel list): refused before anything is read or written.
    let generic = Sandbox::new();
    let out = generic.sandbox_connect("custom", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = adopt(&generic, &only_channel(&generic), "Solo", &env, &[]);
    assert_failed_with(&out, 4, "Postiz has no");
    // By id it works.
    let out = adopt(&sb, &channel, "org-two", &env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(stored(&mut c, "org-two").len(), 1);
}

#[test]
fn adopt_x_needs_oauth1_with_the_deployments_key_and_refresh_says_x_has_none() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "adopt_x");
    org(&mut c, "org-acme", "Acme");
    // OAuth 2.0: Postiz's X provider cannot use it.
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let env = env_file(
        &sb,
        &db,
        &[
            ("X_API_KEY", "sandbox-client"),
            ("X_API_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &only_channel(&sb), "Acme", &env, &[]);
    assert_failed_with(&out, 4, "only over OAuth 1.0a");

    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &["--oauth1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let local = sb.token(&channel);
    // Another consumer key in the .env: refused.
    let other = env_file(&sb, &db, &[("X_API_KEY", "postiz-key")]);
    let out = adopt(&sb, &channel, "Acme", other.to_str().unwrap(), &[]);
    assert_failed_with(&out, 4, "another X app");
    let env = env_file(
        &sb,
        &db,
        &[
            ("X_API_KEY", "sandbox-client"),
            ("X_API_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Acme", &env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_none_of(&output_text(&out), &[&local]);
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(row.provider, "x");
    // X stores `token:secret` (what `token` prints for an OAuth 1.0a channel).
    assert!(local.contains(':'), "{local}");
    assert_eq!(row.token, local);
    assert_eq!(row.refresh.as_deref(), Some(""));
    let settings: Value = serde_json::from_str(row.settings.as_deref().unwrap()).unwrap();
    assert_eq!(settings[0]["title"], "Verified");
    assert_eq!(settings[0]["type"], "checkbox");
    assert_eq!(settings[0]["value"], false);
    // Refresh: X has none, and says so; the row is untouched.
    let out = postiz(&sb, &["refresh", &row.id, "--env-file", &env]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(stderr(&out).contains("OAuth 1.0a"), "{}", stderr(&out));
    assert_eq!(stored(&mut c, "org-acme")[0].token, row.token);
}

#[test]
fn adopt_two_step_pages_and_the_threads_refresh_note() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "adopt_pages");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("facebook", &["--page", &page_id("facebook", 2)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let page_token = sb.token(&channel);
    let env = env_file(
        &sb,
        &db,
        &[
            ("FACEBOOK_APP_ID", "sandbox-client"),
            ("THREADS_APP_ID", "sandbox-client"),
        ],
    );
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Acme", &env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(
        (row.provider.as_str(), row.internal.as_str()),
        ("facebook", page_id("facebook", 2).as_str())
    );
    assert_eq!(row.token, page_token, "the page's own token");
    assert!(!row.between, "the page is chosen");
    // Its root stays the login's id, as Postiz's page choice leaves it.
    let root: String = c
        .query_one(
            "SELECT \"rootInternalId\" FROM \"Integration\" WHERE id = $1",
            &[&row.id],
        )
        .unwrap()
        .get(0);
    assert_eq!(root, "10161234567890123");

    // A facebook login stored without a page choice (as an older version, or an edit of
    // the store, leaves it): refused, nothing written.
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("facebook", &["--page", &page_id("facebook", 2)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let meta = sb
        .home
        .path()
        .join("home/channels")
        .join(format!("{}.json", file_key(&channel)));
    let mut stored_channel: Value = serde_json::from_slice(&std::fs::read(&meta).unwrap()).unwrap();
    stored_channel.as_object_mut().unwrap().remove("page");
    stored_channel["account"]["id"] = Value::String("1001".into());
    std::fs::write(&meta, serde_json::to_vec(&stored_channel).unwrap()).unwrap();
    let out = adopt(&sb, &channel, "Acme", &env, &[]);
    assert_failed_with(&out, 4, "without a chosen page");
    assert!(stderr(&out).contains("--page"), "{}", stderr(&out));
    assert_eq!(stored(&mut c, "org-acme").len(), 1, "a refused adopt wrote");

    let sb = Sandbox::new();
    let out = sb.sandbox_connect("threads", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let out = adopt(&sb, &channel, "Acme", &env, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let text = output_text(&out);
    // Temporal left alone (TEMPORAL_ADDRESS=none): the refresh workflow adopt would start
    // is not, and the command that starts it is printed.
    assert!(
        text.contains("Postiz will not refresh this channel by itself"),
        "{text}"
    );
    assert!(
        text.contains("temporal workflow start --namespace default --type refreshTokenWorkflow"),
        "{text}"
    );
    assert_none_of(&text, &[&sb.token(&channel)]);
    assert_eq!(stored(&mut c, "org-acme").len(), 1, "a dry run wrote");
}

/// `postiz-connect postiz <args>` with a runtime dir of this sandbox's own (where the
/// records' fallback lives) and no deployment from the environment.
pub(crate) fn postiz_in(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    std::fs::create_dir_all(sb.path("runtime")).unwrap();
    sb.cmd()
        .env_remove("DATABASE_URL")
        .env("XDG_RUNTIME_DIR", sb.path("runtime"))
        .arg("postiz")
        .args(args)
        .output()
        .unwrap()
}

/// A row's token expiry, in days from now.
pub(crate) fn expires_in_days(c: &mut postgres::Client, id: &str) -> f64 {
    c.query_one(
        "SELECT EXTRACT(EPOCH FROM (\"tokenExpiration\" - (now() AT TIME ZONE 'UTC')))::float8 / 86400 \
         FROM \"Integration\" WHERE id = $1",
        &[&id],
    )
    .unwrap()
    .get(0)
}

#[test]
fn refresh_renews_threads_with_th_refresh_token_as_postiz_does() {
    meta_refresh("threads", "THREADS");
}

#[test]
fn refresh_renews_instagram_standalone_with_ig_refresh_token_as_postiz_does() {
    meta_refresh("instagram-standalone", "INSTAGRAM");
}

/// Adopt then `postiz refresh` of a Meta provider Postiz refreshes with
/// `th_refresh_token` / `ig_refresh_token`; its .env variables start with `env_prefix`.
fn meta_refresh(provider: &str, env_prefix: &str) {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, &format!("refresh_{}", provider.replace('-', "_")));
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    // The sandbox plays the provider: its refresh endpoint answers only Meta's style, a GET
    // of grant_type=th_refresh_token (ig_refresh_token) with a live long-lived token.
    let server = sb.emulator(&[provider, "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        provider,
        "--sandbox-at",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "30s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let local = sb.token(&channel);
    let env = env_file(
        &sb,
        &db,
        &[
            (&format!("{env_prefix}_APP_ID"), "sandbox-client"),
            (&format!("{env_prefix}_APP_SECRET"), "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    // Stored as Postiz stores a Meta token: the long-lived token in both columns.
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(row.provider, provider);
    assert_eq!(row.token, local);
    assert_eq!(row.refresh.as_deref(), Some(local.as_str()));

    // The sandbox refuses any other grant on that endpoint (so a success below is Meta's).
    let wrong = reqwest::blocking::Client::new()
        .get(format!("{base}/oauth/refresh"))
        .query(&[("grant_type", "refresh_token"), ("access_token", &local)])
        .send()
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 400);

    let out = postiz(
        &sb,
        &[
            "refresh",
            &row.id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done[0]["outcome"], "refreshed", "{done}");
    let after = stored(&mut c, "org-acme").remove(0);
    assert_ne!(after.token, local, "no new token");
    assert_eq!(after.refresh.as_deref(), Some(after.token.as_str()));
    // 58 days, as Postiz records a refreshed Meta token (its workflow wakes then).
    let days = expires_in_days(&mut c, &row.id);
    assert!((57.9..58.1).contains(&days), "{days}");
    assert_none_of(
        &output_text(&out),
        &[&local, &after.token, "sandbox-secret"],
    );
    assert!(records(&sb).is_empty(), "{:?}", records(&sb));

    // A token Meta no longer knows: a dead grant (exit 4), the row left as it is.
    c.execute(
        "UPDATE \"Integration\" SET token = 'unknown-token', \"refreshToken\" = 'unknown-token' WHERE id = $1",
        &[&row.id],
    )
    .unwrap();
    let out = postiz(
        &sb,
        &["refresh", &row.id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&out, 4, "http://localhost:4200/launches");
    assert_eq!(stored(&mut c, "org-acme")[0].token, "unknown-token");
}

#[test]
fn refresh_of_linkedin_copies_the_tokens_to_every_row_of_the_same_login() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "refresh_linkedin");
    org(&mut c, "org-acme", "Acme");
    org(&mut c, "org-beta", "Beta");
    let sb = Sandbox::new();
    let server = sb.emulator(&["linkedin", "--auto-approve", "--fault", "rotate-refresh"]);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        "linkedin",
        "--sandbox-at",
        &base,
        "--insecure-storage",
        "--browser-timeout",
        "30s",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let env = env_file(
        &sb,
        &db,
        &[
            ("LINKEDIN_CLIENT_ID", "sandbox-client"),
            ("LINKEDIN_CLIENT_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let person = stored(&mut c, "org-acme").remove(0);
    // Rows sharing the member's login, as Postiz writes them: a page connected with it
    // (rootInternalId the member), the same member in another organization; and a row of
    // another member, which must not change.
    let share = |c: &mut postgres::Client,
                 id: &str,
                 org: &str,
                 provider: &str,
                 internal: &str,
                 root: &str,
                 token: &str,
                 refresh: &str| {
        c.execute(
            "INSERT INTO \"Integration\" (id, \"internalId\", \"rootInternalId\", \"organizationId\", name, \
             \"providerIdentifier\", type, token, \"refreshToken\", \"tokenExpiration\", \"updatedAt\") \
             VALUES ($1, $2, $3, $4, $1, $5, 'social', $6, $7, now(), now())",
            &[&id, &internal, &root, &org, &provider, &token, &refresh],
        )
        .unwrap();
    };
    let old_refresh = person.refresh.clone().unwrap();
    share(
        &mut c,
        "c-page",
        "org-acme",
        "linkedin-page",
        "page-77",
        &person.internal,
        &person.token,
        &old_refresh,
    );
    share(
        &mut c,
        "c-beta",
        "org-beta",
        "linkedin",
        &person.internal,
        &person.internal,
        &person.token,
        &old_refresh,
    );
    share(
        &mut c,
        "c-other",
        "org-acme",
        "linkedin",
        "someone-else",
        "someone-else",
        "other-token",
        "other-refresh",
    );

    let out = postiz(
        &sb,
        &[
            "refresh",
            &person.id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done[0]["outcome"], "refreshed", "{done}");
    assert_eq!(done[0]["shared_rows"], 2, "{done}");
    let all = |c: &mut postgres::Client| -> Vec<Stored> {
        let mut rows = stored(c, "org-acme");
        rows.extend(stored(c, "org-beta"));
        rows
    };
    let rows = all(&mut c);
    let get = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    let fresh = get(&person.id);
    assert_ne!(
        fresh.refresh.as_deref(),
        Some(old_refresh.as_str()),
        "not rotated"
    );
    for id in ["c-page", "c-beta"] {
        assert_eq!(get(id).token, fresh.token, "{id}");
        assert_eq!(get(id).refresh, fresh.refresh, "{id}");
    }
    assert_eq!(get("c-other").token, "other-token");
    let expiry = |c: &mut postgres::Client, id: &str| -> String {
        c.query_one(
            "SELECT \"tokenExpiration\"::text FROM \"Integration\" WHERE id = $1",
            &[&id],
        )
        .unwrap()
        .get(0)
    };
    assert_eq!(expiry(&mut c, "c-page"), expiry(&mut c, &person.id));

    // The page's row refreshed (its rootInternalId is the member's): the member's rows
    // get the new tokens too.
    let out = postiz(
        &sb,
        &[
            "refresh",
            "c-page",
            "--env-file",
            env,
            "--sandbox-at",
            &base,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done[0]["shared_rows"], 2, "{done}");
    let rows = all(&mut c);
    let get = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    assert_ne!(get("c-page").token, fresh.token);
    for id in [person.id.as_str(), "c-beta"] {
        assert_eq!(get(id).token, get("c-page").token, "{id}");
        assert_eq!(get(id).refresh, get("c-page").refresh, "{id}");
    }
    assert_eq!(get("c-other").refresh.as_deref(), Some("other-refresh"));
}

#[test]
fn a_failed_row_write_keeps_the_tokens_and_postiz_restore_puts_them_back() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "refresh_restore");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let before = stored(&mut c, "org-acme").remove(0);
    let id = before.id.clone();

    // The database refuses the write after the provider rotated the refresh token.
    c.batch_execute(
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER refuse BEFORE UPDATE ON \"Integration\" FOR EACH ROW EXECUTE FUNCTION refuse();",
    )
    .unwrap();
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&out, 1, "the database write failed");
    assert!(stderr(&out).contains("postiz restore"), "{}", stderr(&out));
    let kept = records(&sb);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let file = kept[0].to_str().unwrap().to_string();
    assert!(stderr(&out).contains(&file), "{}", stderr(&out));
    let record: Value = serde_json::from_slice(&std::fs::read(&kept[0]).unwrap()).unwrap();
    let (new_token, new_refresh) = (
        record["token"].as_str().unwrap().to_string(),
        record["refreshToken"].as_str().unwrap().to_string(),
    );
    assert_ne!(Some(new_refresh.as_str()), before.refresh.as_deref());
    assert_none_of(&output_text(&out), &[&new_token, &new_refresh]);
    assert_eq!(stored(&mut c, "org-acme")[0].token, before.token);
    // Two copies, for what restore does with a record that is no longer the row's future.
    let copy_a = sb.path("copy-a.json");
    let copy_b = sb.path("copy-b.json");
    std::fs::copy(&kept[0], &copy_a).unwrap();
    std::fs::copy(&kept[0], &copy_b).unwrap();

    // --dry-run writes nothing (the trigger would say so) and keeps the record.
    let out = postiz(
        &sb,
        &["restore", &file, "--env-file", env, "--dry-run", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let dry: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dry["outcome"], "would_restore", "{dry}");
    assert!(kept[0].exists());

    // The database works again: the record's tokens go into the row, the record goes.
    c.batch_execute("DROP TRIGGER refuse ON \"Integration\"")
        .unwrap();
    let out = postiz(&sb, &["restore", &file, "--env-file", env]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_none_of(&output_text(&out), &[&new_token, &new_refresh]);
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(row.token, new_token);
    assert_eq!(row.refresh.as_deref(), Some(new_refresh.as_str()));
    assert!(!kept[0].exists(), "the record was not removed");
    // A record the row already holds: only removed.
    let out = postiz(
        &sb,
        &["restore", copy_a.to_str().unwrap(), "--env-file", env],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(stderr(&out).contains("already holds"), "{}", stderr(&out));
    assert!(!copy_a.exists());

    // The restored refresh token is the live one: the next refresh rotates it.
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let row = stored(&mut c, "org-acme").remove(0);
    assert_ne!(row.refresh.as_deref(), Some(new_refresh.as_str()));

    // An old record over a row that moved on since: refused, nothing written.
    let out = postiz(
        &sb,
        &["restore", copy_b.to_str().unwrap(), "--env-file", env],
    );
    assert_failed_with(&out, 4, "no longer holds the tokens");
    let after = stored(&mut c, "org-acme").remove(0);
    assert_eq!(after.token, row.token);
    assert_eq!(after.refresh, row.refresh);
    assert!(copy_b.exists());

    // The local channels' restore names the right command instead of calling it corrupt.
    let out = sb.run(&["restore", copy_b.to_str().unwrap()]);
    assert_failed_with(&out, 2, "postiz-connect postiz restore");
    assert!(copy_b.exists());
    // Not a record at all.
    let out = postiz(&sb, &["restore", env, "--env-file", env]);
    assert_failed_with(&out, 2, "is not a record of postiz-connect postiz refresh");
}

#[test]
fn refresh_calls_no_provider_without_a_writable_record_and_keeps_the_row_as_last_copy() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "refresh_records");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &["--fault", "slow:3000"]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let before = stored(&mut c, "org-acme").remove(0);
    let id = before.id.clone();

    // Neither the config dir's postiz-pending/ nor the runtime dir's fallback can hold a
    // record (a file where each directory should be).
    let home_records = sb.home.path().join("home/postiz-pending");
    std::fs::create_dir_all(sb.path("runtime")).unwrap();
    std::fs::write(sb.path("runtime/postiz-connect"), "").unwrap();
    std::fs::write(&home_records, "").unwrap();
    let out = postiz_in(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&out, 1, "the provider was not called");
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(
        (row.token, row.refresh),
        (before.token.clone(), before.refresh.clone())
    );

    // The refresh token was not spent (the sandbox rotates them: a spent one would be a
    // dead grant now): with the config dir back, it refreshes.
    std::fs::remove_file(&home_records).unwrap();
    let out = postiz_in(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let rotated = stored(&mut c, "org-acme").remove(0);
    assert_ne!(rotated.refresh, before.refresh);

    // The record directory fails after the provider answered: the row, now the only
    // copy, is written all the same, and the output says so loudly.
    let child = refresh_command(&sb, &id, env, &base)
        .env("XDG_RUNTIME_DIR", sb.path("runtime"))
        .spawn()
        .unwrap();
    // It has checked the directory and is waiting 3 s for the provider.
    std::thread::sleep(Duration::from_millis(1200));
    std::fs::remove_dir_all(&home_records).unwrap();
    std::fs::write(&home_records, "").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let err = stderr(&out);
    assert!(err.contains("no recovery record could be written"), "{err}");
    assert!(err.contains("their only copy"), "{err}");
    let last = stored(&mut c, "org-acme").remove(0);
    assert_ne!(last.refresh, rotated.refresh, "the row was not written");
    assert_none_of(
        &output_text(&out),
        &[&last.token, last.refresh.as_deref().unwrap_or_default()],
    );
    // And the row's refresh token is the live one.
    std::fs::remove_file(&home_records).unwrap();
    let out = postiz_in(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
}

// ---- review of issue 16: the findings, each proven by a test that failed before its fix ----

/// A retry of `postiz refresh` after a failed row write (a cron job, or a user who did not
/// read the message) presents the spent refresh token: at a provider with reuse detection
/// that revokes the grant, so the recovery record that holds the live token is dead too.
/// The refresh notices the row's pending record (its `replaces` fingerprints match the
/// row) and refuses before calling the provider, naming `postiz restore FILE`.
#[test]
fn a_retry_after_a_failed_row_write_refuses_and_names_restore_without_spending_the_grant() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_retry");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();

    c.batch_execute(
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER refuse BEFORE UPDATE ON \"Integration\" FOR EACH ROW EXECUTE FUNCTION refuse();",
    )
    .unwrap();
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&out, 1, "the database write failed");
    assert_failed_with(&out, 1, "do not run postiz refresh on this row again");
    let kept = records(&sb);
    assert_eq!(kept.len(), 1, "{kept:?}");
    c.batch_execute("DROP TRIGGER refuse ON \"Integration\"")
        .unwrap();

    // The database is back; the refresh is simply run again (as cron would).
    let retry = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&retry, 1, "the provider was not called");
    assert_failed_with(&retry, 1, "postiz-connect postiz restore");
    assert_failed_with(&retry, 1, &kept[0].display().to_string());
    // Whatever the retry said, the record it was told about must still hold a live grant.
    if kept[0].exists() {
        let out = postiz(
            &sb,
            &["restore", kept[0].to_str().unwrap(), "--env-file", env],
        );
        assert_eq!(out.status.code(), Some(0), "restore: {}", output_text(&out));
    }
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the grant is dead after a plain retry.\nretry said: {}\nnow: {}",
        output_text(&retry),
        output_text(&out)
    );
}

/// Two `postiz refresh` of the same row at once (cron and a user, two cron hosts): both
/// read the same refresh token and both present it. With rotation and reuse detection the
/// second presentation revokes the grant. A PostgreSQL advisory lock on the row id, held
/// from the read to the write, makes the second run stop before it reads the row.
#[test]
fn two_refreshes_of_one_row_at_once_take_turns_and_leave_a_live_grant() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_concurrent");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &["--fault", "slow:3000"]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();

    let spawn = || refresh_command(&sb, &id, env, &base).spawn().unwrap();
    let first = spawn();
    std::thread::sleep(Duration::from_millis(800));
    let second = spawn();
    let first = first.wait_with_output().unwrap();
    let second = second.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", output_text(&first));
    assert_failed_with(
        &second,
        1,
        "another postiz refresh (or restore) of this row is running",
    );

    // Whatever the two said, the row must hold a live grant afterwards.
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the row's grant is dead after two concurrent refreshes.\nfirst ({:?}): {}\nsecond ({:?}): {}\nthird: {}",
        first.status.code(),
        output_text(&first),
        second.status.code(),
        output_text(&second),
        output_text(&out)
    );
}

/// A database role that may read but not write (a read-only role set up for `postiz
/// status`, or a hot standby): the provider is called, rotates the refresh token, and only
/// then the UPDATE is refused. The write privilege can be checked before the provider is
/// called (`has_table_privilege`, `transaction_read_only`, or taking the row lock first).
#[test]
fn a_database_that_refuses_writes_is_found_before_the_provider_is_called() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_readonly");
    org(&mut c, "org-acme", "Acme");
    c.batch_execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN \
         CREATE ROLE reader LOGIN; END IF; END $$; \
         GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;",
    )
    .unwrap();
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Acme", &env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let before = stored(&mut c, "org-acme").remove(0);

    let reader_url = db.replacen("postiz@", "reader@", 1);
    let reader_env = sb.path("reader.env");
    std::fs::write(
        &reader_env,
        format!(
            "DATABASE_URL={reader_url}\nFRONTEND_URL=http://localhost:4200\n\
             DISCORD_CLIENT_ID=sandbox-client\n"
        ),
    )
    .unwrap();
    let out = postiz(
        &sb,
        &[
            "refresh",
            &before.id,
            "--env-file",
            reader_env.to_str().unwrap(),
            "--sandbox-at",
            &base,
        ],
    );
    assert_failed_with(
        &out,
        6,
        "refused the write: the role needs UPDATE on \"Integration\"",
    );
    assert!(
        records(&sb).is_empty() && !stderr(&out).contains("issued new tokens"),
        "the provider was called (and rotated the refresh token) before the database was \
         found read-only:\n{}",
        stderr(&out)
    );
}

/// Re-adopting an X channel overwrites the "Verified" setting Postiz wrote from X's
/// `verified` field (or the user ticked) with `false`: a Premium account silently goes
/// back to 280 characters. Postiz's own reconnect writes X's real value; adopt does not
/// know it, so on update it keeps the row's value.
#[test]
fn readopting_x_keeps_the_rows_verified_setting() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_x_verified");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let out = sb.sandbox_connect("twitter", &["--oauth1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = only_channel(&sb);
    let env = env_file(
        &sb,
        &db,
        &[
            ("X_API_KEY", "sandbox-client"),
            ("X_API_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap().to_string();
    let out = adopt(&sb, &channel, "Acme", &env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();
    // Postiz (or the user in the channel's preferences) marks the account verified.
    c.execute(
        "UPDATE \"Integration\" SET \"additionalSettings\" = \
         '[{\"title\":\"Verified\",\"description\":\"Is this a verified user? (Premium)\",\"type\":\"checkbox\",\"value\":true}]' \
         WHERE id = $1",
        &[&id],
    )
    .unwrap();
    let out = adopt(&sb, &channel, "Acme", &env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let settings: Value =
        serde_json::from_str(stored(&mut c, "org-acme")[0].settings.as_deref().unwrap()).unwrap();
    assert_eq!(
        settings[0]["value"], true,
        "re-adopt reset X's Verified setting: {settings}"
    );
}

/// Postiz's `createOrUpdateIntegration` copies a `oneTimeToken` provider's tokens (LinkedIn,
/// LinkedIn page) to every other row of the same `rootInternalId` after its upsert; adopt's
/// adopt's upsert does too, in its transaction, so a LinkedIn page row of the same member
/// does not keep the old member token.
#[test]
fn adopting_linkedin_copies_the_tokens_to_the_rows_of_the_same_login() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_linkedin_adopt");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_server, _base, channel) = connect_at_emulator(&sb, "linkedin");
    let env = env_file(
        &sb,
        &db,
        &[
            ("LINKEDIN_CLIENT_ID", "sandbox-client"),
            ("LINKEDIN_CLIENT_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();
    // What the member's id is, from a dry run.
    let out = adopt(&sb, &channel, "Acme", env, &["--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    let member = shown["row"]["internal_id"].as_str().unwrap().to_string();
    // A LinkedIn page Postiz connected earlier with the same member's login.
    c.execute(
        "INSERT INTO \"Integration\" (id, \"internalId\", \"rootInternalId\", \"organizationId\", name, \
         \"providerIdentifier\", type, token, \"refreshToken\", \"tokenExpiration\", \"updatedAt\") \
         VALUES ('c-page', 'page-77', $1, 'org-acme', 'Page', 'linkedin-page', 'social', 'old-token', \
         'old-refresh', now(), now())",
        &[&member],
    )
    .unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let rows = stored(&mut c, "org-acme");
    let person = rows.iter().find(|r| r.provider == "linkedin").unwrap();
    let page = rows.iter().find(|r| r.id == "c-page").unwrap();
    assert_eq!(
        page.token, person.token,
        "the page row of the same login kept the old member token"
    );
}

/// `postiz restore` compares the record's database with the deployment's as displayed URL
/// by host, port, database name and schema, not as URL strings: the same database spelled
/// `postgres://` instead of `postgresql://` (both are PostgreSQL's and Prisma's) is the same.
#[test]
fn restore_accepts_the_same_database_spelled_postgres() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_restore_url");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();
    c.batch_execute(
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER refuse BEFORE UPDATE ON \"Integration\" FOR EACH ROW EXECUTE FUNCTION refuse();",
    )
    .unwrap();
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_failed_with(&out, 1, "the database write failed");
    let kept = records(&sb);
    assert_eq!(kept.len(), 1, "{kept:?}");
    c.batch_execute("DROP TRIGGER refuse ON \"Integration\"")
        .unwrap();
    let same_db = db.replacen("postgresql://", "postgres://", 1);
    let out = postiz(
        &sb,
        &[
            "restore",
            kept[0].to_str().unwrap(),
            "--database-url",
            &same_db,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
}

/// Adopting over an existing row overwrites its tokens unconditionally. After one adopt and
/// one `postiz refresh` (which rotated the row's refresh token), the local copy holds the
/// spent one; adopting again (a re-run, a script) writes that spent token over the row's
/// live one, which is kept nowhere: the channel is lost. Adopt refuses to replace a row's
/// differing tokens unless `--replace-tokens`, says so in `--dry-run` (masked), and keeps
/// the replaced ones in a 0600 record `postiz restore` puts back.
#[test]
fn readopting_never_replaces_the_rows_live_refresh_token_without_replace_tokens() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "review_readopt");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let live = stored(&mut c, "org-acme").remove(0);

    // The same adopt command again.
    let again = adopt(&sb, &channel, "Acme", env, &[]);
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(
        row.refresh,
        live.refresh,
        "adopt (exit {:?}) replaced the row's live refresh token with the local, spent one:\n{}",
        again.status.code(),
        output_text(&again)
    );
    assert_failed_with(&again, 4, "--replace-tokens");

    // The dry run shows the difference, masked.
    let dry = adopt(&sb, &channel, "Acme", env, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", output_text(&dry));
    let text = output_text(&dry);
    assert!(
        text.contains("the row's tokens differ from the channel's")
            && text.contains("without --replace-tokens"),
        "{text}"
    );
    let live_refresh = live.refresh.clone().unwrap();
    assert!(
        !text.contains(&live.token) && !text.contains(&live_refresh),
        "{text}"
    );

    // With --replace-tokens the row gets the channel's tokens, and the replaced ones are kept.
    let out = adopt(&sb, &channel, "Acme", env, &["--replace-tokens"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(!output_text(&out).contains(&live_refresh));
    assert_ne!(stored(&mut c, "org-acme")[0].refresh, live.refresh);
    let kept: Vec<PathBuf> = std::fs::read_dir(sb.home.path().join("home/postiz-replaced"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    // ... and postiz restore puts the live ones back: the grant still works.
    let out = postiz(
        &sb,
        &["restore", kept[0].to_str().unwrap(), "--env-file", env],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(stored(&mut c, "org-acme")[0].refresh, live.refresh);
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
}

/// `invalid_grant` after Postiz refreshed the row meanwhile (it spent the refresh token this
/// run read): the row holds newer tokens, so the grant is not dead and "reconnect" would be
/// wrong. The row is read again and the message says it was refreshed by another process.
#[test]
fn invalid_grant_on_a_row_refreshed_meanwhile_says_so_instead_of_reconnect() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "refreshed_meanwhile");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &["--fault", "slow:3000"]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();
    // A refresh token the provider no longer accepts (Postiz is about to spend it).
    c.execute(
        "UPDATE \"Integration\" SET \"refreshToken\" = 'spent-by-postiz' WHERE id = $1",
        &[&id],
    )
    .unwrap();
    // While the provider answers slowly, Postiz writes its refreshed tokens.
    let out = refresh_while_postiz_writes(&sb, &mut c, &id, env, &base);
    assert_failed_with(&out, 1, "refreshed meanwhile by another process");
    assert!(!stderr(&out).contains("launches"), "{}", stderr(&out));
    assert_eq!(stored(&mut c, "org-acme")[0].token, "postiz-token");
}

/// A provider that takes the refresh request and never answers: it may have rotated the
/// refresh token, so sending the same one again (a retry) could revoke the grant. The
/// refresh is sent once, and the message says the token may be spent and how to check.
#[test]
fn a_refresh_that_times_out_is_not_sent_again() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "refresh_timeout");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-hang", "org-acme", "discord", "hang-1", "Hanging"),
    );
    // Accepts each connection, reads the request, never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 4096];
                let _ = std::io::Read::read(&mut stream, &mut buf);
                std::thread::sleep(Duration::from_secs(120));
                drop(stream);
            });
        }
    });
    let sb = Sandbox::new();
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let before = stored(&mut c, "org-acme").remove(0);
    let out = postiz(
        &sb,
        &[
            "refresh",
            "c-hang",
            "--env-file",
            env,
            "--sandbox-at",
            &base,
        ],
    );
    assert_failed_with(&out, 1, "the refresh token may be spent");
    assert_failed_with(&out, 1, "not sent again");
    assert_eq!(
        requests.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "the refresh was sent again: {}",
        output_text(&out)
    );
    let after = stored(&mut c, "org-acme").remove(0);
    assert_eq!((after.token, after.refresh), (before.token, before.refresh));
    assert_no_secret(&output_text(&out));
}
