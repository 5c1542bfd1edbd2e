//! `postiz status`'s diagnosis of each row, the local channel a repair hands to Postiz, and
//! hostile rows, URLs and flags (issue 20: items 3, 7-11, 15-19), against the real
//! PostgreSQL and Redis of the parent module's harness.

use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use super::*;

/// The channel with this row id in a `postiz status --json` report.
fn channel_of(report: &Value, id: &str) -> Value {
    report["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["channels"].as_array().unwrap().clone())
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {report}"))
}

/// The first issue of a channel: (code, severity, title, detail, fix).
fn first_issue(report: &Value, id: &str) -> (String, String, String, String, String) {
    let c = channel_of(report, id);
    let i = &c["issues"][0];
    let text = |k: &str| i[k].as_str().unwrap_or_default().to_string();
    (
        text("code"),
        text("severity"),
        text("title"),
        text("detail"),
        text("fix"),
    )
}

fn status_json(sb: &Sandbox, args: &[&str]) -> (std::process::Output, Value) {
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["postiz", "status", "--json"])
        .args(args)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
    (out, report)
}

/// Issue 20 item 3 (with 11 and 19): after `postiz adopt`, the local channel is marked as
/// handed to Postiz, and nothing here refreshes it any more (`refresh --all --force`, a
/// named `refresh`, `token`, `refresh --watch`), so the rotating grant Postiz now holds
/// stays alive; `status` shows the mark, `logout` refuses to revoke, `--local-only` works.
#[test]
fn a_channel_handed_to_postiz_is_never_refreshed_here() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "handed");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let account = sb.status_json()[0]["account_id"]
        .as_str()
        .unwrap()
        .to_string();
    // Postiz's own row of the same account, which could not be refreshed.
    insert(
        &mut c,
        &Row {
            refresh_needed: true,
            ..Row::new("c-disc", "org-acme", "discord", &account, "Acme Discord")
        },
    );
    let env = env_file(
        &sb,
        &db,
        &[
            ("DISCORD_CLIENT_ID", "sandbox-client"),
            ("DISCORD_CLIENT_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();

    // Status names the repairs that apply: adopt the local channel of the same account.
    let (_, report) = status_json(&sb, &["--env-file", env]);
    let (code, _, _, _, fix) = first_issue(&report, "c-disc");
    assert_eq!(code, "needs_reconnect");
    assert!(
        fix.contains(&format!(
            "postiz-connect postiz adopt {channel} --org org-acme"
        )),
        "{fix}"
    );
    assert!(
        fix.contains("postiz-connect postiz refresh c-disc"),
        "{fix}"
    );
    assert_eq!(channel_of(&report, "c-disc")["local"]["handed_here"], false);

    // Adopt into that row; its URL names no sslmode: warned (item 19).
    let out = adopt(&sb, &channel, "Acme", env, &["--replace-tokens"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(
        stderr(&out).contains("names no sslmode") && stderr(&out).contains("in clear"),
        "{}",
        stderr(&out)
    );
    let local = sb.status_json();
    assert_eq!(local[0]["handed_to_postiz"]["row_id"], "c-disc", "{local}");
    assert_eq!(local[0]["handed_to_postiz"]["organization"], "Acme");
    let text = stdout(&sb.run(&["status"]));
    assert!(text.contains("handed to Postiz"), "{text}");
    assert!(
        text.contains("postiz-connect postiz refresh c-disc"),
        "{text}"
    );
    let (_, report) = status_json(&sb, &["--env-file", env]);
    assert_eq!(channel_of(&report, "c-disc")["local"]["handed_here"], true);
    assert_eq!(channel_of(&report, "c-disc")["health"], "healthy");

    let before = sb.token(&channel);
    // refresh --all --force: the channel is left alone, said on one line, exit 0.
    let out = sb.run(&["refresh", "--all", "--force", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    // `refresh --json` prints one array, an object per channel.
    let line = serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone();
    assert_eq!(line["outcome"], "handed_to_postiz", "{line}");
    // Named: refused, exit 4, with the way to refresh it.
    let out = sb.run(&["refresh", &channel, "--force"]);
    assert_failed_with(&out, 4, "postiz-connect postiz refresh c-disc");
    assert_eq!(
        stderr(&out).trim().lines().count(),
        1,
        "one line: {}",
        stderr(&out)
    );
    // Due now: `token` prints the token it has, unrefreshed, and says why.
    let file = sb
        .home
        .path()
        .join("home/channels")
        .join(format!("{}.json", file_key(&channel)));
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    meta["expires_at"] = Value::String("2020-01-01T00:00:00Z".into());
    std::fs::write(&file, serde_json::to_vec_pretty(&meta).unwrap()).unwrap();
    let out = sb.run(&["token", &channel]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(stdout(&out).trim(), before);
    assert!(
        stderr(&out).contains("not refreshed here: handed to Postiz"),
        "{}",
        stderr(&out)
    );
    // The watcher: says so once, refreshes nothing.
    let mut cmd = sb.std_cmd();
    cmd.args(["refresh", "--watch"]);
    let watcher = Running::spawn(cmd);
    watcher.stderr_until("not refreshed here");
    std::thread::sleep(Duration::from_millis(1500));
    drop(watcher);
    assert_eq!(
        sb.token(&channel),
        before,
        "the local channel was refreshed"
    );

    // Postiz's grant is alive: the row refreshes (a spent refresh token would be
    // invalid_grant at this rotating sandbox).
    let out = postiz(
        &sb,
        &[
            "refresh",
            "c-disc",
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

    // logout would revoke Postiz's grant: refused, and its dry run says so too rather than
    // promising a revocation; --local-only removes the copy.
    let out = sb.run(&["logout", &channel, "--dry-run"]);
    assert_failed_with(&out, 4, "--local-only");
    let out = sb.run(&["logout", &channel]);
    assert_failed_with(&out, 4, "--local-only");
    let out = sb.run(&["logout", &channel, "--local-only"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
}

/// Issue 20 items 7-11, 15 and 17: each row's diagnosis names the repair that applies, in
/// commands that stay inert when pasted, and text from rows and Redis stays on one line.
#[test]
fn status_diagnoses_each_row_and_names_the_repair_that_applies() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "diagnosis");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let marker = sb.path("pwned");
    let shell_id = format!("$(touch {})", marker.display());
    let sql_id = "x' OR '1'='1";
    let long_name = format!("Evil\nFAKE LINE healthy\n{}", "y".repeat(1000));
    let rows = [
        Row {
            expires: "-2 hours",
            ..Row::new(
                "c-li-empty",
                "org-acme",
                "linkedin",
                "li-1",
                "LinkedIn empty",
            )
        },
        Row {
            expires: "-2 hours",
            ..Row::new("c-li-null", "org-acme", "linkedin", "li-2", "LinkedIn null")
        },
        Row {
            expires: "-2 hours",
            ..Row::new("c-li-ok", "org-acme", "linkedin", "li-3", "LinkedIn ok")
        },
        Row {
            refresh_needed: true,
            ..Row::new(
                "c-li-needs",
                "org-acme",
                "linkedin",
                "li-4",
                "LinkedIn needs",
            )
        },
        Row {
            expires: "-5 hours",
            ..Row::new("c-th-grace", "org-acme", "threads", "th-1", "Threads grace")
        },
        Row {
            expires: "-3 days",
            ..Row::new("c-th-dead", "org-acme", "threads", "th-2", "Threads dead")
        },
        Row {
            refresh_needed: true,
            ..Row::new("c-tiktok", "org-acme", "tiktok", "tt-1", "TikTok capped")
        },
        Row {
            between: true,
            ..Row::new("c-yt", "org-acme", "youtube", "UC-chan", "YouTube crashed")
        },
        Row::new(sql_id, "org-acme", "myspace", "ms-1", "MySpace"),
        Row {
            between: true,
            ..Row::new(&shell_id, "org-acme", "pinterest", "pin-1", "Pins")
        },
        Row::new("c-evil", "org-acme", "x", "x-1", &long_name),
    ];
    for row in &rows {
        insert(&mut c, row);
    }
    c.batch_execute(
        "UPDATE \"Integration\" SET \"refreshToken\" = '' WHERE id = 'c-li-empty'; \
         UPDATE \"Integration\" SET \"refreshToken\" = 'null' WHERE id = 'c-li-null'; \
         UPDATE \"Integration\" SET \"rootInternalId\" = 'google-user-1' WHERE id = 'c-yt'; \
         INSERT INTO \"Notifications\" (id, \"organizationId\", content, \"createdAt\", \"updatedAt\") VALUES \
         ('n-tt', 'org-acme', 'Could not refresh your tiktok channel TikTok daily user limit reached, please re-connect your account. Please go back to the system and connect it again http://localhost:4200/launches', (now() AT TIME ZONE 'UTC') - interval '1 hour', now())",
    )
    .unwrap();
    let mut r = redis.conn();
    create_state(
        &mut r,
        "evilstate0000001",
        "org-acme\nFAKE CONNECT",
        None,
        3600,
    );
    // A key of another type than Postiz writes (item 16): that connect has no organization.
    create_state(&mut r, "hashstate0000001", "org-acme", None, 3600);
    let _: () = r.del("organization:hashstate0000001").unwrap();
    let _: () = r.hset("organization:hashstate0000001", "a", "b").unwrap();
    let env = env_file(&sb, &db, &[]);
    let env = env.to_str().unwrap();

    let (out, report) = status_json(&sb, &["--env-file", env, "--redis-url", &redis.url()]);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert_no_secret(&output_text(&out));
    let refresh_of = |id: &str| format!("postiz-connect postiz refresh {id} --env-file {env}");

    // Item 8: expired without a usable refresh token ('' or 'null'): a problem.
    for id in ["c-li-empty", "c-li-null"] {
        let (code, severity, title, _, fix) = first_issue(&report, id);
        assert_eq!(
            (code.as_str(), severity.as_str()),
            ("expired", "problem"),
            "{id}"
        );
        assert!(title.contains("the next post will fail"), "{id}: {title}");
        assert!(!fix.contains("postiz refresh"), "{id}: {fix}");
    }
    // Item 11: refreshable rows point to postiz refresh of the row.
    let (_, severity, _, _, fix) = first_issue(&report, "c-li-ok");
    assert_eq!(severity, "warning");
    assert!(fix.contains(&refresh_of("c-li-ok")), "{fix}");
    let (_, _, _, _, fix) = first_issue(&report, "c-li-needs");
    assert!(fix.contains(&refresh_of("c-li-needs")), "{fix}");
    // Item 9: Meta's two days after the recorded expiry.
    let (_, _, title, detail, fix) = first_issue(&report, "c-th-grace");
    assert!(title.contains("can still be refreshed until"), "{title}");
    assert!(!detail.contains("cannot be refreshed"), "{detail}");
    assert!(fix.contains(&refresh_of("c-th-grace")), "{fix}");
    let (_, _, _, detail, fix) = first_issue(&report, "c-th-dead");
    assert!(detail.contains("cannot be refreshed"), "{detail}");
    assert!(!fix.contains("postiz refresh"), "{fix}");
    // Item 10: a platform block is not cured by a token refresh.
    let (code, _, _, detail, fix) = first_issue(&report, "c-tiktok");
    assert_eq!(code, "needs_reconnect");
    assert!(
        detail.contains("a token refresh will not cure it"),
        "{detail}"
    );
    assert!(!fix.contains("postiz refresh"), "{fix}");
    // Item 7: inBetweenSteps on a chosen YouTube channel is a crashed refresh.
    let (code, _, title, _, _) = first_issue(&report, "c-yt");
    assert_eq!(code, "refresh_crashed");
    assert!(title.contains("lost access to the channel"), "{title}");

    // Item 15: the SQL hint, run as printed, soft-deletes that row and no other.
    let (_, _, _, _, fix) = first_issue(&report, sql_id);
    let sql = &fix[fix.find("UPDATE").unwrap()..];
    assert!(sql.ends_with("WHERE id = 'x'' OR ''1''=''1'"), "{sql}");
    c.batch_execute(sql).unwrap();
    let deleted: i64 = c
        .query_one(
            "SELECT count(*) FROM \"Integration\" WHERE \"deletedAt\" IS NOT NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(deleted, 1, "the printed UPDATE touched other rows");
    // ... and the shell hint, run as printed (with `true` for the tool), runs nothing.
    let (_, _, _, _, fix) = first_issue(&report, &shell_id);
    let start = fix.find("postiz-connect postiz refresh").unwrap();
    let command = fix[start..].split(" (it clears").next().unwrap();
    assert!(command.contains("refresh '$(touch "), "{command}");
    let ran = Command::new("sh")
        .arg("-c")
        .arg(command.replacen("postiz-connect", "true", 1))
        .status()
        .unwrap();
    assert!(ran.success());
    assert!(!marker.exists(), "the pasted hint ran a command: {command}");

    // Item 17: row and Redis text on one line, at most 300 characters.
    let evil = channel_of(&report, "c-evil");
    let name = evil["name"].as_str().unwrap();
    assert!(
        !name.contains('\n') && name.chars().count() <= 301,
        "{name:?}"
    );
    let connect = report["connects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["state_prefix"] == "evilstat")
        .unwrap()
        .clone();
    assert!(
        !connect["organization_id"].as_str().unwrap().contains('\n'),
        "{connect}"
    );
    let hashed = report["connects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["state_prefix"] == "hashstat")
        .unwrap_or_else(|| panic!("{report}"))
        .clone();
    assert!(hashed["organization_id"].is_null(), "{hashed}");
    let out = sb
        .cmd()
        .args([
            "postiz",
            "status",
            "--env-file",
            env,
            "--redis-url",
            &redis.url(),
        ])
        .output()
        .unwrap();
    for line in stdout(&out).lines() {
        assert!(
            !line.starts_with("FAKE"),
            "a row faked a line:\n{}",
            stdout(&out)
        );
    }
}

/// Issue 20 item 16: NULLs and other types where Postiz's schema has none, and any
/// `--connect-timeout`, give clear errors (JSON under --json), never a panic; the process
/// writes no core.
#[test]
fn hostile_values_and_flags_give_clear_errors_and_no_core() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "hostile_values");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-1", "org-acme", "linkedin", "li-1", "Fine"),
    );
    insert(&mut c, &Row::new("c-2", "org-acme", "x", "x-1", "Nulls"));
    c.batch_execute(
        "ALTER TABLE \"Integration\" ALTER COLUMN name DROP NOT NULL, \
         ALTER COLUMN \"internalId\" DROP NOT NULL, \
         ALTER COLUMN \"providerIdentifier\" DROP NOT NULL, ALTER COLUMN type DROP NOT NULL, \
         ALTER COLUMN disabled DROP NOT NULL, ALTER COLUMN \"inBetweenSteps\" DROP NOT NULL, \
         ALTER COLUMN \"refreshNeeded\" DROP NOT NULL, ALTER COLUMN \"createdAt\" DROP NOT NULL, \
         ALTER COLUMN \"postingTimes\" DROP NOT NULL; \
         ALTER TABLE \"Organization\" ALTER COLUMN name DROP NOT NULL; \
         UPDATE \"Integration\" SET name = NULL, \"internalId\" = NULL, \
         \"providerIdentifier\" = NULL, type = NULL, disabled = NULL, \"inBetweenSteps\" = NULL, \
         \"refreshNeeded\" = NULL, \"createdAt\" = NULL, \"postingTimes\" = NULL WHERE id = 'c-2'; \
         UPDATE \"Organization\" SET name = NULL",
    )
    .unwrap();
    let sb = Sandbox::new();
    // NULLs: the report stands (the row is a problem: no provider), no panic.
    let out = status(&sb, &db, None, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert!(stdout(&out).contains("row c-2"), "{}", stdout(&out));
    let (out, report) = status_json(&sb, &["--database-url", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(channel_of(&report, "c-2")["health"], "problem");

    // The engine's own read of the rows (before Temporal is even reached) takes the same
    // NULLs: a threads row and its overdue post with NULLs, Temporal refusing: the report
    // stands and says Temporal could not be reached (exit 5), no abort.
    insert(
        &mut c,
        &Row::new("c-3", "org-acme", "threads", "th-1", "Threads"),
    );
    c.batch_execute(
        "UPDATE \"Integration\" SET name = NULL, \"refreshNeeded\" = NULL, \
         \"inBetweenSteps\" = NULL, disabled = NULL WHERE id = 'c-3'; \
         INSERT INTO \"Post\" (id, state, \"publishDate\", \"organizationId\", \"integrationId\", \
         content, \"group\", \"updatedAt\") VALUES ('p-1', 'QUEUE', \
         (now() AT TIME ZONE 'UTC') - interval '2 hours', 'org-acme', 'c-3', 'hello', 'g', now())",
    )
    .unwrap();
    let refused = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = refused.local_addr().unwrap().to_string();
    drop(refused);
    let out = status(&sb, &db, None, &["--temporal-address", &address]);
    // Exit 1: the NULL row's problem outranks the unreachable Temporal (5).
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert!(
        stdout(&out).contains("This report is incomplete"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("row c-2"), "{}", stdout(&out));
    assert!(stdout(&out).contains(&address), "{}", stdout(&out));
    // An engine read that fails after the channels were streamed (a Post table without a
    // column the engine reads): `--json` still prints one whole document, its error under
    // "engine", and the error object on stderr.
    c.batch_execute("ALTER TABLE \"Post\" DROP COLUMN \"parentPostId\" CASCADE")
        .unwrap();
    let out = status(&sb, &db, None, &["--temporal-address", &address, "--json"]);
    assert_ne!(out.status.code(), Some(0), "{}", output_text(&out));
    let document: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
    assert!(
        document["engine"]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("parentPostId")),
        "{document}"
    );
    assert_eq!(channel_of(&document, "c-2")["health"], "problem");
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert!(err["error"]["exit_code"].as_i64().is_some(), "{err}");

    // A column of another type: a configuration error with the server's words.
    c.batch_execute(
        "ALTER TABLE \"Integration\" ALTER COLUMN \"tokenExpiration\" TYPE integer USING 5",
    )
    .unwrap();
    let out = status(&sb, &db, None, &[]);
    assert_failed_with(&out, 6, "cannot cast type integer");
    assert!(
        stderr(&out).contains("another type than Postiz's schema"),
        "{}",
        stderr(&out)
    );
    let out = status(&sb, &db, None, &["--json"]);
    assert_eq!(out.status.code(), Some(6), "{}", output_text(&out));
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["error"]["exit_code"], 6, "{err}");

    // A database error's text (here raised by a view over a renamed table) is one line of
    // at most 300 characters (item 17).
    let (db2, mut c2) = database(cluster, "hostile_errors");
    c2.batch_execute(
        "CREATE FUNCTION boom(t text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN \
         RAISE EXCEPTION '%', 'first' || chr(10) || 'FAKE LINE' || repeat('z', 1000); END $$; \
         ALTER TABLE \"Organization\" RENAME TO org_real; \
         CREATE VIEW \"Organization\" AS SELECT id, boom(name) AS name, \"deletedAt\" FROM org_real; \
         INSERT INTO org_real (id, name, \"updatedAt\") VALUES ('o', 'n', now())",
    )
    .unwrap();
    let out = status(&sb, &db2, None, &[]);
    assert_eq!(out.status.code(), Some(6), "{}", output_text(&out));
    let err = stderr(&out);
    assert!(err.contains("first FAKE LINE"), "{err}");
    assert!(
        err.lines()
            .all(|l| !l.starts_with("FAKE") && l.chars().count() < 420),
        "{err}"
    );

    // Any --connect-timeout: a usage error for the ones no connection can use.
    for timeout in ["0s", "18446744073709551615s", "2h"] {
        let out = status(&sb, &db, None, &["--connect-timeout", timeout]);
        assert_failed_with(&out, 2, "--connect-timeout");
    }

    // No core: RLIMIT_CORE is 0, soft and hard, in the running process.
    let mut cmd = sb.std_cmd();
    cmd.args(["refresh", "--watch"]);
    let running = Running::spawn(cmd);
    running.stderr_until("watching");
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", running.child.id())).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let values: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&values[4..6], ["0", "0"], "{core}");
}

/// Issue 20 item 18: passwords masked in every spelling, an invalid sslmode named but not
/// echoed, and a Redis that cannot be reached leaves the database's report standing.
#[test]
fn urls_are_masked_and_an_unreachable_redis_leaves_the_report() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "masking");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-1", "org-acme", "linkedin", "li-1", "Fine"),
    );
    let sb = Sandbox::new();
    let refused = free_port();

    // Redis unreachable, in both of its URL spellings with a password: the report stands,
    // Redis named unreachable, exit 5, no password.
    for redis in [
        format!("redis://:hunter2@127.0.0.1:{refused}"),
        "redis+unix:///nonexistent/redis.sock?pass=hunter2".to_string(),
        "unix:///nonexistent/redis.sock?pass=hunter2".to_string(),
    ] {
        let out = status(&sb, &db, Some(&redis), &[]);
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(5), "{redis}: {text}");
        assert!(stdout(&out).contains("Fine"), "{redis}: {text}");
        assert!(stdout(&out).contains("unreachable:"), "{redis}: {text}");
        assert!(!text.contains("hunter2"), "{redis}: {text}");
        let (out, report) = status_json(&sb, &["--database-url", &db, "--redis-url", &redis]);
        assert_eq!(out.status.code(), Some(5));
        assert!(report["redis_unreachable"].is_string(), "{report}");
        assert_eq!(report["summary"]["channels"], 1);
        assert!(!output_text(&out).contains("hunter2"));
    }

    // Database URLs: sslpassword, raw separators in a password, an invalid sslmode.
    let port = cluster.port;
    for (url, code) in [
        (
            format!(
                "postgresql://postiz@127.0.0.1:{refused}/x?sslmode=require&sslpassword=hunter2"
            ),
            5,
        ),
        (
            format!("postgresql://postiz:12#hunter2@127.0.0.1:{port}/masking"),
            6,
        ),
        (
            format!("postgresql://postiz:hun?ter2@127.0.0.1:{port}/masking"),
            6,
        ),
        (
            format!("postgresql://postiz:hun/ter2@127.0.0.1:{port}/masking"),
            6,
        ),
        (
            format!("postgresql://postiz@127.0.0.1:{port}/masking?sslmode=hunter2"),
            6,
        ),
    ] {
        let out = status(&sb, &url, None, &[]);
        let text = output_text(&out);
        assert_eq!(out.status.code(), Some(code), "{url}: {text}");
        assert!(
            !text.contains("hunter2") && !text.contains("ter2"),
            "{url}: {text}"
        );
        assert!(!text.contains(":12"), "{url}: {text}");
    }
}

/// Issue 20 item 19: `sslrootcert` is the only CA a verified connection trusts. The
/// system's store here is the cluster's own CA (`SSL_CERT_FILE`, which the system roots
/// are read from): with another CA as sslrootcert, the connection must fail.
#[test]
fn sslrootcert_is_the_only_trusted_ca_when_given() {
    let Some(cluster) = cluster() else {
        return;
    };
    if !cluster.tls {
        skip("openssl could not make certificates for the TLS test");
        return;
    }
    let (db, _c) = database(cluster, "tls_roots");
    let sb = Sandbox::new();
    let other_ca = root().join("tests/fixtures/tls/ca.pem");
    let run = |query: String| {
        sb.cmd()
            .env_remove("DATABASE_URL")
            .env_remove("REDIS_URL")
            .env("SSL_CERT_FILE", &cluster.ca)
            .args([
                "postiz",
                "status",
                "--database-url",
                &format!("{db}{query}"),
            ])
            .output()
            .unwrap()
    };
    // The server's own CA as sslrootcert: verified.
    let out = run(format!(
        "?sslmode=verify-full&sslrootcert={}",
        cluster.ca.display()
    ));
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    // The system's roots (here the server's CA) verify it too when no sslrootcert is given.
    let out = run("?sslmode=verify-full".into());
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    // Another CA as sslrootcert: refused, though the system's roots would trust the server.
    let out = run(format!(
        "?sslmode=verify-full&sslrootcert={}",
        other_ca.display()
    ));
    assert_failed_with(&out, 5, "TLS");
}

/// Issue 20 item 12: the docs' advice for refreshing while Postiz runs (docs/postiz-repair.md,
/// and the man pages made from it) names the process that refreshes, the orchestrator
/// (Temporal worker), not the backend.
#[test]
fn the_docs_say_to_stop_the_orchestrator_not_the_backend() {
    let page = std::fs::read_to_string(root().join("docs/postiz-repair.md")).unwrap();
    let risks = page
        .split("\n## The risks, plainly\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap();
    let advice = risks
        .split("\n- ")
        .find(|item| item.contains("refreshing the same row at the same moment"))
        .unwrap();
    assert!(advice.contains("orchestrator"), "{advice}");
    assert!(advice.contains("Temporal"), "{advice}");
    assert!(!advice.contains("stop its backend"), "{advice}");
}

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .cloned()
        .collect();
    keys.sort_unstable();
    keys
}

/// Issue 22 item 7: doctor's findings and postiz status's issues are one type. Scripts
/// read both: doctor's keys stay as they were, and postiz status's issues keep `code` and
/// `detail` (the values of the new `id` and `evidence`) for one release. Key by key, over
/// every state a row can be in.
#[test]
fn doctor_and_status_json_keep_their_keys() {
    let (Some(cluster), Some(redis)) = (cluster(), Redis::start()) else {
        return;
    };
    let (db, mut c) = database(cluster, "json_keys");
    seed_every_state(&mut c, &mut redis.conn());
    let sb = Sandbox::new();

    let (out, report) = status_json(
        &sb,
        &[
            "--database-url",
            &db,
            "--redis-url",
            &redis.url(),
            "--temporal-address",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    let issues: Vec<Value> = report["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["channels"].as_array().unwrap().clone())
        .flat_map(|c| c["issues"].as_array().unwrap().clone())
        .collect();
    assert!(issues.len() >= 7, "{report:#}");
    for issue in &issues {
        assert_eq!(
            keys(issue),
            ["area", "code", "detail", "evidence", "fix", "id", "severity", "title"],
            "{issue}"
        );
        assert_eq!(issue["code"], issue["id"], "{issue}");
        assert_eq!(issue["detail"], issue["evidence"], "{issue}");
        assert!(issue["code"].as_str().is_some_and(|c| !c.contains('.')));
        assert!(["problem", "warning"].contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["fix"].is_string(), "{issue}");
        assert_eq!(issue["area"], "Postiz channel", "{issue}");
    }

    let env = sb.path(".env");
    std::fs::write(
        &env,
        format!(
            "FRONTEND_URL=http://postiz.lan:4200\nDATABASE_URL={db}\nREDIS_URL={}\n\
             TEMPORAL_ADDRESS=none\n",
            redis.url()
        ),
    )
    .unwrap();
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .args(["doctor", "--json", "--env-file"])
        .arg(&env)
        .output()
        .unwrap();
    let findings: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
    let findings = findings.as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["id"] == "deployment.needs_reconnect"),
        "{findings:#?}"
    );
    for f in findings {
        assert_eq!(
            keys(f),
            ["area", "evidence", "fix", "id", "severity", "title"],
            "{f}"
        );
        assert!(
            ["problem", "warning", "info", "ok"].contains(&f["severity"].as_str().unwrap()),
            "{f}"
        );
    }
}
