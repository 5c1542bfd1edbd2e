//! `postiz refresh`, `postiz adopt` and `postiz restore` keep every Postiz row as Postiz
//! would (issue 20): each test drives the real binary against the real PostgreSQL of
//! `postiz.rs` (its harness), the built-in sandbox playing the provider on 127.0.0.1.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::*;
use crate::postiz::{
    adopt, cluster, connect_at_emulator, database, env_file, expires_in_days, insert, only_channel,
    org, output_text, postiz, records, refresh_command, rotating_discord, stored, Row,
};

/// A provider's token endpoint on 127.0.0.1 that answers every request with
/// `invalid_grant` and counts them: the base URL, and the count.
fn counting_provider() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let counted = count.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 8192];
            let _ = stream.read(&mut buf);
            let body = r#"{"error":"invalid_grant"}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, count)
}

/// A row's text columns, by name.
fn column(c: &mut postgres::Client, id: &str, name: &str) -> Option<String> {
    c.query_one(
        &format!("SELECT \"{name}\"::text FROM \"Integration\" WHERE id = $1"),
        &[&id],
    )
    .unwrap()
    .get(0)
}

/// The files under the config dir's `postiz-replaced/`.
fn replaced_records(sb: &Sandbox) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(sb.home.path().join("home/postiz-replaced"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// Runs `cmd`, killed after `limit`: its output, or `None` when it had to be killed.
fn within(mut cmd: std::process::Command, limit: Duration) -> Option<std::process::Output> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Item 1: two providers' account ids collide in one organization; adopt refuses to turn
/// the other provider's row into its own (with or without --replace-tokens, dry run too),
/// and restore refuses a record whose row is now another provider's.
#[test]
fn adopt_and_restore_never_turn_another_providers_row_into_theirs() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_other_provider");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &["--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    let account = shown["row"]["internal_id"].as_str().unwrap().to_string();
    // An X channel of the same organization with the same account id.
    insert(
        &mut c,
        &Row::new("c-x-row", "org-acme", "x", &account, "Acme on X"),
    );
    for more in [&[][..], &["--replace-tokens"][..], &["--dry-run"][..]] {
        let out = adopt(&sb, &channel, "Acme", env, more);
        assert_failed_with(&out, 4, "c-x-row");
        let err = stderr(&out);
        assert!(err.contains("x channel \"Acme on X\""), "{more:?}: {err}");
    }
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(row.provider, "x");
    assert!(
        row.token.contains("c-x-row"),
        "the X row's token was replaced"
    );
    assert_eq!(
        column(&mut c, "c-x-row", "profile").as_deref(),
        Some("x_handle")
    );

    // Restore: a record of a discord row whose row became another provider's since.
    c.execute("DELETE FROM \"Integration\"", &[]).unwrap();
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
    c.batch_execute("DROP TRIGGER refuse ON \"Integration\"")
        .unwrap();
    let kept = records(&sb);
    assert_eq!(kept.len(), 1, "{kept:?}");
    c.execute(
        "UPDATE \"Integration\" SET \"providerIdentifier\" = 'x', name = 'Now X' WHERE id = $1",
        &[&id],
    )
    .unwrap();
    let before = stored(&mut c, "org-acme").remove(0);
    let out = postiz(
        &sb,
        &["restore", kept[0].to_str().unwrap(), "--env-file", env],
    );
    assert_failed_with(&out, 4, "another provider's channel");
    let after = stored(&mut c, "org-acme").remove(0);
    assert_eq!((after.token, after.refresh), (before.token, before.refresh));
}

/// Item 2: VK keeps `<refresh token>&&&&<device id>`; adopt writes it, `postiz refresh`
/// splits it, refreshes with the device id and writes it back with the device id.
#[test]
fn vk_rows_keep_the_device_id_with_the_refresh_token() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_vk");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_server, base, channel) = connect_at_emulator(&sb, "vk");
    let env = env_file(&sb, &db, &[("VK_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let row = stored(&mut c, "org-acme").remove(0);
    let refresh = row.refresh.clone().unwrap();
    let (token, device) = refresh
        .split_once("&&&&")
        .unwrap_or_else(|| panic!("adopt wrote a bare VK refresh token (no &&&&device id)"));
    assert!(!token.is_empty() && !device.is_empty(), "{refresh:?}");

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
    let new_refresh = after.refresh.unwrap();
    let (_, kept_device) = new_refresh.split_once("&&&&").expect("device id kept");
    assert_eq!(kept_device, device);
    assert_ne!(after.token, row.token);
    assert_none_of_secrets(&output_text(&out), &[&after.token, &new_refresh, token]);
}

fn assert_none_of_secrets(text: &str, secrets: &[&str]) {
    crate::postiz::assert_none_of(text, secrets);
}

/// Item 4: `--sandbox-at` with anything but a loopback URL is refused before the database
/// or the URL is reached; and the record of a refresh (new tokens and the replaced ones)
/// stays until the row is read back holding the new tokens.
#[test]
fn sandbox_at_is_loopback_only_and_the_record_stays_until_the_write_is_seen() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_sandbox_at");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let before = stored(&mut c, "org-acme").remove(0);
    for url in [
        "http://10.255.255.1:9",
        "https://provider.example.com",
        "http://localhost.example.com:8080",
    ] {
        let started = Instant::now();
        let out = postiz(
            &sb,
            &[
                "refresh",
                &before.id,
                "--env-file",
                env,
                "--sandbox-at",
                url,
            ],
        );
        assert_failed_with(
            &out,
            2,
            "--sandbox-at must be the built-in sandbox on this machine",
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{url}: a request was tried"
        );
    }
    let row = stored(&mut c, "org-acme").remove(0);
    assert_eq!(
        (row.token, row.refresh),
        (before.token.clone(), before.refresh.clone())
    );

    // The database takes the write but a trigger keeps the old tokens: the row does not
    // hold the new ones, so the record (new tokens, and the replaced ones) is kept.
    c.batch_execute(
        "CREATE FUNCTION keep_old() RETURNS trigger AS $$ BEGIN NEW.token := OLD.token; \
         NEW.\"refreshToken\" := OLD.\"refreshToken\"; RETURN NEW; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER keep_old BEFORE UPDATE ON \"Integration\" FOR EACH ROW EXECUTE FUNCTION keep_old();",
    )
    .unwrap();
    let out = postiz(
        &sb,
        &[
            "refresh",
            &before.id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
        ],
    );
    assert_failed_with(&out, 1, "does not hold the new tokens");
    let kept = records(&sb);
    assert_eq!(
        kept.len(),
        1,
        "the record was removed: {}",
        output_text(&out)
    );
    assert!(stderr(&out).contains(&kept[0].display().to_string()));
    let record: Value = serde_json::from_slice(&std::fs::read(&kept[0]).unwrap()).unwrap();
    assert_eq!(record["previous"][0]["token"], before.token.as_str());
    assert_eq!(
        record["previous"][0]["refreshToken"],
        before.refresh.as_deref().unwrap()
    );
    // Once the database works, restore puts the new (live) tokens in.
    c.batch_execute("DROP TRIGGER keep_old ON \"Integration\"")
        .unwrap();
    let out = postiz(
        &sb,
        &["restore", kept[0].to_str().unwrap(), "--env-file", env],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let out = postiz(
        &sb,
        &[
            "refresh",
            &before.id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
}

/// Item 5: a LinkedIn refresh writes every row of the same rootInternalId (another
/// organization's, a soft-deleted one): the dry run lists them, their tokens are kept, and
/// `postiz restore` of that record puts every one back.
#[test]
fn linkedin_refresh_keeps_every_replaced_token_and_restore_undoes_it() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_linkedin");
    org(&mut c, "org-acme", "Acme");
    org(&mut c, "org-beta", "Beta");
    let sb = Sandbox::new();
    let (_server, base, channel) = connect_at_emulator(&sb, "linkedin");
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
    // Rows of the same member's login holding tokens of their own.
    for (id, org, provider, internal, deleted) in [
        ("c-page", "org-acme", "linkedin-page", "page-77", false),
        (
            "c-beta",
            "org-beta",
            "linkedin",
            person.internal.as_str(),
            true,
        ),
    ] {
        c.execute(
            "INSERT INTO \"Integration\" (id, \"internalId\", \"rootInternalId\", \"organizationId\", name, \
             \"providerIdentifier\", type, token, \"refreshToken\", \"tokenExpiration\", \"updatedAt\", \"deletedAt\") \
             VALUES ($1, $2, $3, $4, $1, $5, 'social', $1 || '-token', $1 || '-refresh', now(), now(), \
             CASE WHEN $6 THEN now() END)",
            &[&id, &internal, &person.internal, &org, &provider, &deleted],
        )
        .unwrap();
    }
    let out = postiz(
        &sb,
        &[
            "refresh",
            &person.id,
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
    let listed: Vec<&str> = dry[0]["would_change"]
        .as_array()
        .unwrap_or_else(|| panic!("the dry run lists no rows: {dry}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(listed, [person.id.as_str(), "c-beta", "c-page"], "{dry}");
    let out = postiz(
        &sb,
        &[
            "refresh",
            &person.id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
            "--dry-run",
        ],
    );
    let err = stderr(&out);
    assert!(err.contains("c-page") && err.contains("c-beta"), "{err}");
    assert_eq!(
        column(&mut c, "c-page", "token").as_deref(),
        Some("c-page-token")
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
    assert_eq!(done[0]["shared_rows"], 2, "{done}");
    let fresh = column(&mut c, &person.id, "token").unwrap();
    assert_eq!(
        column(&mut c, "c-page", "token").as_deref(),
        Some(fresh.as_str())
    );
    assert_eq!(
        column(&mut c, "c-beta", "token").as_deref(),
        Some(fresh.as_str())
    );
    let kept = replaced_records(&sb);
    assert_eq!(kept.len(), 1, "no record of the replaced tokens: {done}");
    assert_eq!(done[0]["replaced_tokens_file"], kept[0].to_str().unwrap());
    crate::postiz::assert_none_of(&output_text(&out), &[&fresh, "c-page-token"]);

    // Restore undoes all of it.
    let out = postiz(
        &sb,
        &["restore", kept[0].to_str().unwrap(), "--env-file", env],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(
        column(&mut c, "c-page", "token").as_deref(),
        Some("c-page-token")
    );
    assert_eq!(
        column(&mut c, "c-page", "refreshToken").as_deref(),
        Some("c-page-refresh")
    );
    assert_eq!(
        column(&mut c, "c-beta", "token").as_deref(),
        Some("c-beta-token")
    );
    assert_eq!(
        column(&mut c, &person.id, "token").as_deref(),
        Some(person.token.as_str())
    );
    assert!(!kept[0].exists());

    // Adopt over the same login: its dry run names the rows, and their tokens are kept.
    let out = adopt(&sb, &channel, "Acme", env, &["--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    let also: Vec<&str> = shown["also_changes"]
        .as_array()
        .unwrap_or_else(|| panic!("{shown}"))
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(also, ["c-beta", "c-page"], "{shown}");
    let out = adopt(&sb, &channel, "Acme", env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let kept = replaced_records(&sb);
    assert_eq!(kept.len(), 1, "{}", output_text(&out));
    let out = postiz(
        &sb,
        &["restore", kept[0].to_str().unwrap(), "--env-file", env],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(
        column(&mut c, "c-page", "token").as_deref(),
        Some("c-page-token")
    );

    // Restore of a refresh's record (its row write failed) copies the tokens to the same
    // rows, and keeps what they held too.
    c.batch_execute(
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER refuse BEFORE UPDATE ON \"Integration\" FOR EACH ROW EXECUTE FUNCTION refuse();",
    )
    .unwrap();
    let out = postiz(
        &sb,
        &[
            "refresh",
            &person.id,
            "--env-file",
            env,
            "--sandbox-at",
            &base,
        ],
    );
    assert_failed_with(&out, 1, "the database write failed");
    c.batch_execute("DROP TRIGGER refuse ON \"Integration\"")
        .unwrap();
    let pending = records(&sb);
    assert_eq!(pending.len(), 1, "{pending:?}");
    let out = postiz(
        &sb,
        &[
            "restore",
            pending[0].to_str().unwrap(),
            "--env-file",
            env,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["shared_rows"], 2, "{done}");
    let file = done["replaced_tokens_file"]
        .as_str()
        .unwrap_or_else(|| panic!("{done}"))
        .to_string();
    assert_ne!(
        column(&mut c, "c-page", "token").as_deref(),
        Some("c-page-token")
    );
    let out = postiz(&sb, &["restore", &file, "--env-file", env]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(
        column(&mut c, "c-page", "token").as_deref(),
        Some("c-page-token")
    );
}

/// Item 6: Slack's `'null'` refresh token (and `''`/`'null'` anywhere) is no refresh token:
/// nothing is sent, the rows are untouched, and Slack says it is not refreshable.
#[test]
fn slack_and_null_refresh_tokens_are_never_sent() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_slack");
    org(&mut c, "org-acme", "Acme");
    insert(
        &mut c,
        &Row::new("c-slack", "org-acme", "slack", "T1", "Acme Slack"),
    );
    insert(
        &mut c,
        &Row::new("c-disc", "org-acme", "discord", "G1", "Acme Discord"),
    );
    c.execute("UPDATE \"Integration\" SET \"refreshToken\" = 'null'", &[])
        .unwrap();
    let (base, requests) = counting_provider();
    let sb = Sandbox::new();
    let env = env_file(
        &sb,
        &db,
        &[
            ("SLACK_ID", "sandbox-client"),
            ("DISCORD_CLIENT_ID", "sandbox-client"),
        ],
    );
    let env = env.to_str().unwrap();
    let out = postiz(
        &sb,
        &[
            "refresh",
            "c-slack",
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
    assert_eq!(
        requests.load(Ordering::SeqCst),
        0,
        "refresh_token=null was sent: {done}"
    );
    assert_eq!(done[0]["outcome"], "cannot_refresh", "{done}");
    assert_eq!(done[0]["code"], "not_refreshable", "{done}");
    assert!(done[0]["reason"]
        .as_str()
        .unwrap()
        .contains("Postiz never refreshes Slack"));
    assert_eq!(done[1]["outcome"], "cannot_refresh", "{done}");
    assert_eq!(done[1]["code"], "no_refresh_token", "{done}");
    assert_eq!(
        column(&mut c, "c-slack", "refreshToken").as_deref(),
        Some("null")
    );
}

/// Item 7: `inBetweenSteps` on a YouTube channel row (internalId != rootInternalId) is a
/// crashed refresh: `postiz refresh` refreshes it as Postiz's refresh does (the login must
/// still list the channel, then the flag is cleared) and refuses when the channel is gone;
/// on the login's own row it is the unfinished channel choice, refused, dry run too.
/// Item 13: the page row's rootInternalId is the Google user id, not the e-mail/handle,
/// and re-adopting never nulls its profile.
#[test]
fn a_crashed_refresh_of_a_youtube_channel_is_refreshed_as_postiz_does() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_crashed_page");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let server = sb.emulator(&["youtube", "--auto-approve"]);
    let base = server.url("base_url").to_string();
    let out = sb.run(&[
        "youtube",
        "--sandbox-at",
        &base,
        "--page",
        "Sandbox Page",
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
            ("YOUTUBE_CLIENT_ID", "sandbox-client"),
            ("YOUTUBE_CLIENT_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let row = stored(&mut c, "org-acme").remove(0);
    assert!(!row.internal.is_empty());
    // The login's id, as the channel file keeps it, and not its handle.
    let file = sb
        .home
        .path()
        .join("home/channels")
        .join(format!("{}.json", file_key(&channel)));
    let mut saved: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let user_id = saved["page"]["user_id"]
        .as_str()
        .unwrap_or_else(|| panic!("the login's id is not kept: {}", saved["page"]));
    let root = column(&mut c, &row.id, "rootInternalId").unwrap();
    assert_eq!(root, user_id);
    assert_ne!(root, saved["page"]["user"].as_str().unwrap());
    // The channel's handle (YouTube's customUrl), as Postiz's channel step writes it.
    assert_eq!(
        column(&mut c, &row.id, "profile").as_deref(),
        Some(format!("@sandbox-page-{}", row.internal).as_str())
    );
    // A channel stored without a handle never nulls the profile Postiz wrote.
    c.execute(
        "UPDATE \"Integration\" SET profile = '@renamed' WHERE id = $1",
        &[&row.id],
    )
    .unwrap();
    saved["page"].as_object_mut().unwrap().remove("handle");
    std::fs::write(&file, serde_json::to_vec(&saved).unwrap()).unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert_eq!(
        column(&mut c, &row.id, "profile").as_deref(),
        Some("@renamed")
    );

    // Postiz's refresh crashed ("Channel not found" for a moment): inBetweenSteps set.
    c.execute(
        "UPDATE \"Integration\" SET \"inBetweenSteps\" = true WHERE id = $1",
        &[&row.id],
    )
    .unwrap();
    let refresh = |extra: &[&str]| {
        let mut args = vec![
            "refresh",
            row.id.as_str(),
            "--env-file",
            env,
            "--sandbox-at",
            &base,
        ];
        args.extend_from_slice(extra);
        postiz(&sb, &args)
    };
    let out = refresh(&["--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let dry: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dry[0]["outcome"], "would_refresh", "{dry}");
    assert!(stored(&mut c, "org-acme")[0].between);
    let out = refresh(&["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let after = stored(&mut c, "org-acme").remove(0);
    assert!(!after.between, "inBetweenSteps was not cleared");
    assert_ne!(after.token, row.token);

    // The channel is gone from the login: refused, the row left as it is.
    c.execute(
        "UPDATE \"Integration\" SET \"internalId\" = 'UC-gone', \"inBetweenSteps\" = true WHERE id = $1",
        &[&row.id],
    )
    .unwrap();
    let out = refresh(&[]);
    assert_failed_with(&out, 4, "no longer lists its channel UC-gone");
    let gone = stored(&mut c, "org-acme").remove(0);
    assert!(gone.between);
    assert_eq!(gone.token, after.token);

    // The login's own row with inBetweenSteps: the channel choice never finished.
    c.execute(
        "UPDATE \"Integration\" SET \"internalId\" = \"rootInternalId\" WHERE id = $1",
        &[&row.id],
    )
    .unwrap();
    for extra in [&[][..], &["--dry-run"][..]] {
        let out = refresh(extra);
        assert_failed_with(&out, 4, "choice never finished");
    }
}

/// Item 13: TikTok's tokens are recorded as living 23 hours, on adopt and on refresh, as
/// Postiz records them.
#[test]
fn tiktok_records_23_hours_as_postiz_does() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_tiktok");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_server, base, channel) = connect_at_emulator(&sb, "tiktok");
    let env = env_file(
        &sb,
        &db,
        &[
            ("TIKTOK_CLIENT_ID", "sandbox-client"),
            ("TIKTOK_CLIENT_SECRET", "sandbox-secret"),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();
    let hours = expires_in_days(&mut c, &id) * 24.0;
    assert!((22.9..23.01).contains(&hours), "adopt recorded {hours} h");
    c.execute(
        "UPDATE \"Integration\" SET \"tokenExpiration\" = now() WHERE id = $1",
        &[&id],
    )
    .unwrap();
    let out = postiz(
        &sb,
        &["refresh", &id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let hours = expires_in_days(&mut c, &id) * 24.0;
    assert!((22.9..23.01).contains(&hours), "refresh recorded {hours} h");
}

/// Item 14: records are read only as regular files of this user's of a sane size: a FIFO
/// or a link to /dev/zero planted where the records' /tmp fallback is (no XDG_RUNTIME_DIR)
/// neither hangs `postiz refresh` nor fills its memory, and `postiz restore` of one says
/// what it is.
#[test]
fn a_fifo_or_a_device_among_the_records_is_never_read() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_records_dir");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let id = stored(&mut c, "org-acme")[0].id.clone();
    let tmp = sb.path("tmp");
    let uid = rustix::process::geteuid().as_raw();
    let dir = tmp.join(format!("postiz-connect-{uid}/postiz-pending"));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join(format!("{}.1.json", file_key(&id)));
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join(format!("{}.2.json", file_key(&id)))).unwrap();
    let mut cmd = refresh_command(&sb, &id, env, &base);
    cmd.env_remove("XDG_RUNTIME_DIR").env("TMPDIR", &tmp);
    let out = within(cmd, Duration::from_secs(60))
        .expect("postiz refresh hung on a planted record (a FIFO or /dev/zero)");
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));

    let mut cmd = sb.std_cmd();
    cmd.env_remove("DATABASE_URL").args([
        "postiz",
        "restore",
        fifo.to_str().unwrap(),
        "--env-file",
        env,
    ]);
    let out = within(cmd, Duration::from_secs(30)).expect("postiz restore hung on a FIFO");
    assert_failed_with(&out, 2, "not a regular file");
}

/// Item 15: the commands repair prints are safe to paste: a hostile row id stays one
/// quoted shell word.
#[test]
fn suggested_commands_quote_a_hostile_row_id() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_quoting");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_sandbox, _base, channel) = rotating_discord(&sb, &[]);
    let env = env_file(&sb, &db, &[("DISCORD_CLIENT_ID", "sandbox-client")]);
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &["--dry-run", "--json"]);
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    let account = shown["row"]["internal_id"].as_str().unwrap().to_string();
    let hostile = "x' OR '1'='1 $(touch /tmp/x)";
    insert(
        &mut c,
        &Row::new(hostile, "org-acme", "discord", &account, "Hostile"),
    );
    let out = adopt(&sb, &channel, "Acme", env, &["--replace-tokens"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let text = output_text(&out);
    let quoted = shlex::try_quote(hostile).unwrap().to_string();
    assert!(
        text.contains(&format!("postiz refresh {quoted}")),
        "the row id is not quoted:\n{text}"
    );
    assert!(
        !text.contains(&format!("postiz refresh {hostile}")),
        "{text}"
    );
}

/// Item 7 (and 6): `postiz refresh --dry-run` never says it "would refresh" a row no
/// refresh can renew: a Threads token more than 2 days past its recorded expiry (Meta's
/// tokens live 60 days, Postiz records 58), Slack, a row whose refresh token is `'null'`.
#[test]
fn dry_run_never_promises_a_refresh_that_cannot_happen() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "repair_dry_run");
    org(&mut c, "org-acme", "Acme");
    let rows = [
        Row {
            expires: "-5 days",
            ..Row::new("c-dead", "org-acme", "threads", "T5", "Old Threads")
        },
        Row {
            expires: "-1 days",
            ..Row::new("c-grace", "org-acme", "threads", "T6", "Recent Threads")
        },
        Row::new("c-slack", "org-acme", "slack", "S1", "Acme Slack"),
    ];
    for row in &rows {
        insert(&mut c, row);
    }
    c.execute(
        "UPDATE \"Integration\" SET \"refreshToken\" = 'null' WHERE id = 'c-slack'",
        &[],
    )
    .unwrap();
    let sb = Sandbox::new();
    let env = env_file(
        &sb,
        &db,
        &[
            ("THREADS_APP_ID", "sandbox-client"),
            ("SLACK_ID", "sandbox-client"),
        ],
    );
    let env = env.to_str().unwrap();
    let (base, requests) = counting_provider();
    let out = postiz(
        &sb,
        &[
            "refresh",
            "c-dead",
            "c-grace",
            "c-slack",
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
    let outcome = |i: usize| dry[i]["outcome"].as_str().unwrap_or_default().to_string();
    assert_eq!(outcome(0), "cannot_refresh", "{dry}");
    assert_eq!(dry[0]["code"], "meta_token_dead", "{dry}");
    assert_eq!(outcome(1), "would_refresh", "{dry}");
    assert_eq!(outcome(2), "cannot_refresh", "{dry}");
    assert_eq!(requests.load(Ordering::SeqCst), 0);
}
