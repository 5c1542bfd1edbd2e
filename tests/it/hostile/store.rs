//! Tokens must survive everything: names no file system takes as they are, a full disk
//! after the provider rotated, and `kill -9` at any moment of a refresh.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::provider::HostileProvider;
use crate::common::*;

fn identity(username: &str) -> String {
    serde_json::json!({ "sub": "42", "preferred_username": username }).to_string()
}

#[test]
fn an_account_name_too_long_for_a_file_name_is_stored() {
    let name = "n".repeat(300);
    let (provider, _rotation) = HostileProvider::rotating(&identity(&name));
    let sb = Sandbox::new();
    let out = sb.cmd().args(provider.connect_args()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let channel = provider.channel(&name);
    assert_eq!(sb.token(&channel), "at-f0-0");
    let out = sb.run(&["refresh", "--force", &channel]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sb.token(&channel), "at-f0-1");
}

#[test]
fn accounts_whose_names_differ_by_a_space_are_two_channels() {
    let sb = Sandbox::new();
    let (provider, _rotation) = HostileProvider::rotating(&identity("a b"));
    for name in ["a b", "a_b"] {
        *provider.identity.lock().unwrap() = identity(name);
        let out = sb.cmd().args(provider.connect_args()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let status = sb.status_json();
    let names: Vec<&str> = status
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["channel"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [provider.channel("a%20b"), provider.channel("a_b")],
        "{status}"
    );
}

/// A small tmpfs mounted over a directory for the test's lifetime (root only).
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        mounted.then(|| SmallDisk(dir.to_path_buf()))
    }

    /// Fill it: write until the file system says it is full.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.0.join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let chunk = vec![0u8; 4096];
        while file
            .write_all(&chunk)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn skip_unless_root(what: &str) -> bool {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} needs root (CI runs as root)"
        );
        eprintln!("skipped: {what} needs root to mount a small file system");
    }
    !root
}

#[test]
fn a_full_disk_after_rotation_keeps_the_new_tokens_and_says_where() {
    if skip_unless_root("the full-disk test") {
        return;
    }
    let (provider, _rotation) = HostileProvider::rotating(&identity("alice"));
    let sb = Sandbox::new();
    let Some(disk) = SmallDisk::mount(&sb.path("home"), "256k") else {
        panic!("mount -t tmpfs failed; the full-disk test needs it");
    };
    let runtime = sb.path("runtime");
    std::fs::create_dir(&runtime).unwrap();
    let run = |args: &[&str]| {
        sb.cmd()
            .env("XDG_RUNTIME_DIR", &runtime)
            .args(args)
            .output()
            .unwrap()
    };
    let connect: Vec<&str> = provider
        .connect_args()
        .leak()
        .iter()
        .map(|s| s.as_str())
        .collect();
    let out = run(&connect);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let filler = disk.fill();

    // The provider rotates (rt-f0-0 is spent), and the disk takes nothing.
    let out = run(&["refresh", "--force", &provider.channel("alice")]);
    let err = stderr(&out);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("unchanged"), "the old token was spent: {err}");
    assert!(!err.contains("rt-f0-1"), "a secret leaked: {err}");
    assert!(
        err.contains(&runtime.display().to_string()),
        "names where the tokens are kept: {err}"
    );
    let kept = std::fs::read_dir(runtime.join("postiz-connect/pending"))
        .unwrap()
        .count();
    assert_eq!(kept, 1, "{err}");

    // Space again: the next command finishes the write by itself, and the rotated token
    // is the one spent next (the provider would revoke the grant on the old one).
    std::fs::remove_file(filler).unwrap();
    let out = run(&["status"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(runtime.join("postiz-connect/pending"))
            .unwrap()
            .count(),
        0
    );
    let out = run(&["refresh", "--force", &provider.channel("alice")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let token = run(&["token", &provider.channel("alice")]);
    assert_eq!(stdout(&token).trim(), "at-f0-2");
}

/// The refresh tokens in the JSON files of `dirs` (top level and under `secrets`),
/// split into those the tool reads (secrets files, complete pending records, in the home
/// or the fallback dir) and those only in temp files that a killed write left behind.
fn refresh_tokens_on_disk(home: &Path, runtime: &Path) -> (Vec<String>, Vec<String>) {
    let (mut read, mut orphaned) = (Vec::new(), Vec::new());
    let dirs = [
        home.join("secrets"),
        home.join("pending"),
        runtime.join("postiz-connect/pending"),
    ];
    for dir in dirs {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Some(value) = std::fs::read(entry.path())
                .ok()
                .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            else {
                continue;
            };
            let token = value["refresh_token"]
                .as_str()
                .or(value["secrets"]["refresh_token"].as_str())
                .map(String::from);
            if entry.file_name().to_string_lossy().starts_with('.') {
                orphaned.extend(token);
            } else {
                read.extend(token);
            }
        }
    }
    (read, orphaned)
}

/// Copy the connected channel under another name, with its own grant (`rt-<family>-0`).
fn add_channel(home: &Path, alice: &str, name: &str, family: &str) {
    let edit = |dir: &str, change: &dyn Fn(&mut serde_json::Value)| {
        let from = home.join(dir).join(format!("{}.json", file_key(alice)));
        let mut value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(from).unwrap()).unwrap();
        change(&mut value);
        let to = home
            .join(dir)
            .join(format!("{}.json", file_key(&format!("custom:{name}"))));
        std::fs::write(to, serde_json::to_vec(&value).unwrap()).unwrap();
    };
    edit("channels", &|v| {
        v["channel"] = format!("custom:{name}").into()
    });
    edit("secrets", &|v| {
        v["refresh_token"] = format!("rt-{family}-0").into();
        v["access_token"] = format!("at-{family}-0").into();
    });
}

#[test]
fn kill_9_during_refresh_all_loses_no_channel() {
    use rand::Rng;
    const CHANNELS: usize = 8;
    const KILLS: usize = 30;

    let (provider, rotation) = HostileProvider::rotating(&identity("alice"));
    let sb = Sandbox::new();
    let runtime = sb.path("runtime");
    std::fs::create_dir(&runtime).unwrap();
    let out = sb.cmd().args(provider.connect_args()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let home = sb.path("home");
    for i in 1..CHANNELS {
        add_channel(
            &home,
            &provider.channel("alice"),
            &format!("u{i}"),
            &format!("u{i}"),
        );
    }
    let families: Vec<String> = std::iter::once("f0".to_string())
        .chain((1..CHANNELS).map(|i| format!("u{i}")))
        .collect();
    let refresh_all = || {
        let mut cmd = sb.std_cmd();
        cmd.env("XDG_RUNTIME_DIR", &runtime)
            .args(["refresh", "--all", "--force", "--jobs", "4", "--json"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        cmd
    };

    // One whole run, to know how long a run lasts.
    let started = Instant::now();
    let out = refresh_all().output().unwrap();
    let span = started.elapsed().mul_f64(1.2);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let (mut lost, mut unavoidable) = (Vec::new(), Vec::new());
    let mut rng = rand::thread_rng();
    for kill in 0..KILLS {
        let mut child = refresh_all()
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(span.mul_f64(rng.gen_range(0.0..1.0)));
        child.kill().unwrap(); // SIGKILL
        let killed_at = Instant::now();
        child.wait().unwrap();
        let (durable, orphaned) = refresh_tokens_on_disk(&home, &runtime);
        let mut state = rotation.families.lock().unwrap();
        for family in &families {
            let Some(entry) = state.get_mut(family) else {
                continue;
            };
            let newest = format!("rt-{family}-{}", entry.generation);
            if durable.contains(&newest) {
                continue;
            }
            // The provider rotated and nothing the tool reads holds the new token. Lost
            // by the tool if it reached the disk and was left where nothing restores it;
            // otherwise the kill came before the answer could be written anywhere: the
            // window no client can close.
            let since_answer = entry.answered_at.map(|at| killed_at - at);
            if orphaned.contains(&newest) {
                lost.push(format!(
                    "kill {kill}: {family}, answered {since_answer:?} before, left in a temp file"
                ));
            } else {
                unavoidable.push(since_answer);
            }
            // Reconnect it, as its user would, and go on: the provider takes the token
            // the home has.
            let kept = durable
                .iter()
                .filter_map(|t| t.strip_prefix(&format!("rt-{family}-")))
                .filter_map(|g| g.parse::<u64>().ok())
                .max()
                .unwrap_or(0);
            entry.generation = kept;
            entry.revoked = false;
        }
    }

    // A normal run afterwards: every channel still refreshes (finishing, on its way, any
    // write a kill interrupted).
    let out = refresh_all().output().unwrap();
    // `refresh --json` prints one array, an object per channel.
    let refreshed = serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter(|r| r["outcome"] == "refreshed")
        .count();
    eprintln!(
        "kill -9 during refresh --all --force: {KILLS} kills over {span:?} runs of {CHANNELS} rotating channels; channels lost: {}; killed before the answer was written anywhere: {} (time since the answer: {unavoidable:?})",
        lost.len(),
        unavoidable.len()
    );
    assert!(lost.is_empty(), "lost after reaching the disk: {lost:?}");
    assert_eq!(refreshed, CHANNELS, "{}\n{}", stdout(&out), stderr(&out));
    let (durable, orphaned) = refresh_tokens_on_disk(&home, &runtime);
    assert_eq!(durable.len(), CHANNELS, "no record left over: {durable:?}");
    assert!(orphaned.is_empty(), "no temp file left over: {orphaned:?}");
}

#[cfg(unix)]
#[test]
fn loose_directories_are_tightened_and_locks_are_private_and_never_followed() {
    use std::os::unix::fs::PermissionsExt;
    let (provider, _rotation) = HostileProvider::rotating(&identity("alice"));
    let sb = Sandbox::new();
    let home = sb.path("home");
    for dir in [home.clone(), home.join("secrets")] {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    // A symlink planted where a lock will go must not be followed to its target.
    std::fs::create_dir_all(home.join("locks")).unwrap();
    let target = sb.path("victim");
    std::os::unix::fs::symlink(
        &target,
        home.join(format!(
            "locks/{}.lock",
            file_key(&provider.channel("alice"))
        )),
    )
    .unwrap();
    // Under umask 000, as a careless service manager runs it.
    let binary = assert_cmd::cargo::cargo_bin("postiz-connect");
    let mut cmd = Command::new("sh");
    sb.apply_env(&mut cmd);
    let out = cmd
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(&binary)
        .args(provider.connect_args())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_ne!(
        out.status.code(),
        Some(0),
        "a planted symlink is refused: {err}"
    );
    assert!(err.contains(&file_key(&provider.channel("alice"))), "{err}");
    assert!(!target.exists(), "the symlink was followed");
    // The login was not thrown away: its tokens wait in a record, stored once the lock
    // can be taken.
    assert!(err.contains("postiz-connect restore"), "{err}");
    std::fs::remove_file(home.join(format!(
        "locks/{}.lock",
        file_key(&provider.channel("alice"))
    )))
    .unwrap();
    assert_eq!(sb.token(&provider.channel("alice")), "at-f0-0");

    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&home), 0o700, "the home was made private");
    assert_eq!(mode(&home.join("secrets")), 0o700);
    assert_eq!(
        mode(&home.join(format!(
            "locks/{}.lock",
            file_key(&provider.channel("alice"))
        ))),
        0o600
    );
    assert_eq!(
        mode(&home.join(format!(
            "secrets/{}.json",
            file_key(&provider.channel("alice"))
        ))),
        0o600
    );
    assert_eq!(sb.token(&provider.channel("alice")), "at-f1-0");
}
