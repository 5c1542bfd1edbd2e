//! The command line itself: help, version, providers, completions, usage errors.

use std::path::Path;

use crate::common::*;
use serde_json::Value;

#[test]
fn help_and_version_document_exit_codes() {
    let sb = Sandbox::new();
    let out = sb.run(&["--help"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("7  connected, but required scopes were not granted"));
    let out = sb.run(&["--version"]);
    assert!(stdout(&out).starts_with("postiz-connect "));
    let out = sb.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    // Every provider is a subcommand with its own one-line description, in the listing
    // and in its own help (whether or not the rest of the catalog was built).
    let out = sb.run(&["--help"]);
    let listing = stdout(&out);
    for line in [
        "twitter",
        "tiktok-business",
        "Connect a channel: Facebook Page",
    ] {
        assert!(listing.contains(line), "{listing}");
    }
    let out = sb.run(&["-q", "x", "--help"]);
    assert!(
        stdout(&out).starts_with("Connect a channel: X (Twitter)"),
        "{}",
        stdout(&out)
    );
    let out = sb.run(&["nosuch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nosuch"), "{}", stderr(&out));
}

#[test]
fn providers_list_the_catalog_and_the_redirects_postiz_sends() {
    let sb = Sandbox::new();
    let out = sb.run(&["providers", "--json"]);
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for id in [
        "twitter",
        "linkedin",
        "reddit",
        "pinterest",
        "discord",
        "kick",
        "twitch",
        "mastodon",
        "slack",
        "custom",
    ] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
    let out = sb.run(&[
        "providers",
        "x",
        "--frontend-url",
        "https://postiz.example.com",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Postiz sends:  https://postiz.example.com/integrations/social/x"),
        "{text}"
    );
    assert!(text.contains("X_CLIENT_ID"), "{text}");
    let env = sb.path(".env");
    std::fs::write(&env, "FRONTEND_URL=https://p.example.com\n").unwrap();
    let out = sb.run(&[
        "providers",
        "linkedin",
        "--json",
        "--env-file",
        env.to_str().unwrap(),
    ]);
    let one: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        one[0]["postiz_redirect_uri"],
        "https://p.example.com/integrations/social/linkedin"
    );
    let out = sb.run(&["providers", "myspace"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("known providers"));
}

#[test]
fn completions_for_every_shell() {
    let sb = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = sb.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        assert!(
            stdout(&out).contains("twitter"),
            "{shell} completes provider names"
        );
    }
}

#[test]
fn user_defined_provider_becomes_a_subcommand_and_a_broken_catalog_is_exit_6() {
    let sb = Sandbox::new();
    let home = sb.home.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(
        home.join("providers.toml"),
        "[acme]\nname = \"Acme\"\nauthorize_url = \"https://acme.example/auth\"\ntoken_url = \"https://acme.example/token\"\nscopes = [\"post\"]\nscope_separator = \",\"\nclient_auth = \"post\"\n\n[acme.scope_purposes]\npost = \"publish\"\n",
    )
    .unwrap();
    let out = sb.sandbox_connect("acme", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Connected acme:sandbox_user"));
    std::fs::write(home.join("providers.toml"), "[acme]\nname = 3\n").unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(stderr(&out).contains("providers.toml"), "{}", stderr(&out));
    // What names or lists a provider reads it (and says it is broken); the version and a
    // built-in command's help do not read it.
    for args in [&["--help"][..], &["x", "--help"], &["connect", "--help"]] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(6), "{args:?}");
    }
    for args in [&["--version"][..], &["status", "--help"]] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}

/// What the catalog shows users is worded for them: no "UNVERIFIED" (a note for the
/// catalog's maintainers, kept in its comments).
#[test]
fn provider_texts_carry_no_maintainer_notes() {
    let sb = Sandbox::new();
    let list: Value = serde_json::from_slice(&sb.run(&["providers", "--json"]).stdout).unwrap();
    assert!(!list.to_string().contains("UNVERIFIED"));
    for p in list.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let out = sb.run(&["providers", id]);
        assert!(
            !stdout(&out).contains("UNVERIFIED"),
            "{id}: {}",
            stdout(&out)
        );
    }
    // Nor does a page token's note once a channel holds it.
    let out = sb.sandbox_connect("facebook", &["--page", "Sandbox Page"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let status = stdout(&sb.run(&["status"]));
    // Postiz's 59 days for a page token (see the catalog's facebook entry).
    assert!(status.contains("expires in 59 days"), "{status}");
    assert!(!status.contains("UNVERIFIED"), "{status}");
}

/// A network failure reads in words; reqwest's and hyper's own ("error sending request
/// for url", "client error (Connect)", "os error 111") are for -v.
#[test]
fn network_errors_read_in_words_with_the_library_text_under_v() {
    let sb = Sandbox::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let issuer = format!("http://127.0.0.1:{port}");
    let args = [
        "custom",
        "--issuer",
        &issuer,
        "--client-id",
        "x",
        "--insecure-storage",
    ];
    let out = sb.run(&args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(
        err.contains(&format!("fetch failed: connection refused by {issuer}\n")),
        "{err}"
    );
    for library in [
        "error sending request",
        "client error",
        "os error",
        "detail:",
    ] {
        assert!(!err.contains(library), "{library}: {err}");
    }
    let out = sb.run(&[&["-v"][..], &args].concat());
    let err = stderr(&out);
    assert!(err.contains("detail: error sending request"), "{err}");
    // --json carries it too, apart from the message.
    let out = sb.run(&[&["--json"][..], &args].concat());
    let last = stderr(&out).lines().last().unwrap_or_default().to_string();
    let json: Value = serde_json::from_str(&last).unwrap_or_else(|e| panic!("{e}: {last}"));
    assert!(!json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("error sending"));
    assert!(json["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("error sending request"));
}

/// Each provider's help shows the flags that apply to it, from its catalog entry: --page
/// for two-step providers, --oauth1 with an OAuth 1.0a flow, --instance with instances.
#[test]
fn each_providers_help_lists_only_the_flags_that_apply_to_it() {
    let sb = Sandbox::new();
    let flags = |provider: &str| {
        let out = sb.run(&[provider, "--help"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let help = stdout(&out);
        ["--page", "--oauth1", "--instance"]
            .into_iter()
            .filter(|flag| {
                help.contains(&format!("{flag} ")) || help.contains(&format!("{flag}\n"))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(flags("twitter"), ["--oauth1"]);
    assert_eq!(flags("x"), ["--oauth1"]);
    assert_eq!(flags("mastodon"), ["--instance"]);
    for two_step in [
        "facebook",
        "instagram",
        "linkedin-page",
        "youtube",
        "gmb",
        "tumblr",
    ] {
        assert_eq!(flags(two_step), ["--page"], "{two_step}");
    }
    for plain in ["linkedin", "reddit", "tiktok", "custom"] {
        assert!(flags(plain).is_empty(), "{plain}: {:?}", flags(plain));
    }
    // Worded from the catalog: the kind of choice, the variables, the default instance.
    let help = stdout(&sb.run(&["youtube", "--help"]));
    assert!(help.contains("The channel to connect"), "{help}");
    let help = stdout(&sb.run(&["twitter", "--help"]));
    assert!(help.contains("X_API_KEY"), "{help}");
    let help = stdout(&sb.run(&["mastodon", "--help"]));
    assert!(help.contains("MASTODON_URL"), "{help}");
    // `connect <provider>` is generic and keeps them all.
    let help = stdout(&sb.run(&["connect", "--help"]));
    for flag in ["--page", "--oauth1", "--instance"] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
}

/// A flag given to a provider it does not apply to is refused in words, naming the
/// providers it applies to (not the catalog's TOML layout).
#[test]
fn a_flag_for_other_providers_is_refused_with_those_providers() {
    let sb = Sandbox::new();
    for (args, flag, applies) in [
        (&["linkedin", "--oauth1"][..], "--oauth1", "twitter"),
        (&["connect", "reddit", "--oauth1"], "--oauth1", "twitter"),
        (&["twitter", "--page", "Acme"], "--page", "facebook"),
        (
            &["x", "--instance", "https://m.example"],
            "--instance",
            "mastodon",
        ),
    ] {
        let out = sb.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&format!("{flag} applies to: ")), "{err}");
        assert!(err.contains(applies), "{err}");
        assert!(!err.contains(".oauth1]") && !err.contains("entry"), "{err}");
    }
}

/// Whether `shell` runs here. Without it a completion test is skipped with the reason
/// printed, except in CI, which installs it (.ci/run): there its absence fails.
fn have(shell: &str) -> bool {
    let found = std::process::Command::new(shell)
        .args(["-c", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{shell} is missing; CI installs it (.ci/run)"
        );
        eprintln!("skipped: {shell} is not installed here (Debian: apt-get install {shell})");
    }
    found
}

fn lines(out: &std::process::Output) -> Vec<String> {
    assert!(out.status.success(), "{}", stderr(out));
    stdout(out).lines().map(str::to_string).collect()
}

/// COMPREPLY of bash for these words (the last is being completed), the completion
/// function being the one `script` registers.
fn bash_complete(script: &Path, home: &Path, words: &[&str]) -> Vec<String> {
    let out = std::process::Command::new("bash")
        .arg(root().join("tests/support/bash-complete.sh"))
        .arg(script)
        .args(words)
        .env("HOME", home)
        .current_dir(home)
        .output()
        .unwrap();
    lines(&out)
}

/// Split "@@ line" sections into (line, matches).
fn sections(text: Vec<String>) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text {
        match line.strip_prefix("@@ ") {
            Some(asked) => out.push((asked.to_string(), Vec::new())),
            None => out.last_mut().expect("a section").1.push(line),
        }
    }
    out
}

/// Prints "@@ line" and then fish's completions of it (without descriptions), per line.
const FISH_LOOP: &str =
    "for l in $argv; echo \"@@ $l\"; complete -C \"$l\" | string replace -r '\\t.*' ''; end; true";

/// fish's completions of each line: with `script` sourced, or else what fish loads by
/// itself for this HOME (~/.config/fish/completions; only for a command on PATH).
fn fish_complete(
    script: Option<&Path>,
    home: &Path,
    path: Option<&str>,
    asked: &[String],
) -> Vec<(String, Vec<String>)> {
    // HOME is a fresh directory: no configuration of the user's is read either way.
    let mut fish = std::process::Command::new("fish");
    match script {
        Some(script) => fish
            .arg("--no-config")
            .arg("-c")
            .arg(format!("source '{}'; {FISH_LOOP}", script.display())),
        None => fish.arg("-c").arg(FISH_LOOP),
    };
    if let Some(path) = path {
        fish.env("PATH", path);
    }
    let out = fish
        .args(asked)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .current_dir(home)
        .output()
        .unwrap();
    sections(lines(&out))
}

/// zsh's completions of each line, typed in an interactive zsh whose fpath starts with
/// `dir` (tests/support/zsh-complete.zsh).
fn zsh_complete(dir: &Path, home: &Path, asked: &[String]) -> Vec<(String, Vec<String>)> {
    let out = std::process::Command::new("zsh")
        .arg("-f")
        .arg(root().join("tests/support/zsh-complete.zsh"))
        .arg(dir)
        .args(asked)
        .env("HOME", home)
        .current_dir(home)
        .output()
        .unwrap();
    sections(lines(&out))
}

/// Every subcommand's visible long flags (globals included), and the ones it hides.
fn flags_of_every_subcommand() -> Vec<(String, Vec<String>, Vec<String>)> {
    let mut cmd =
        postiz_connect::cli::build_command(&postiz_connect::providers::Catalog::embedded());
    cmd.build();
    cmd.get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| {
            let longs = |hidden: bool| {
                s.get_arguments()
                    .filter(|a| a.is_hide_set() == hidden)
                    .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                    .collect::<Vec<_>>()
            };
            (s.get_name().to_string(), longs(false), longs(true))
        })
        .collect()
}

/// Lines whose completions must include these values.
fn value_cases() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("postiz-connect tw", vec!["twitch", "twitter"]),
        (
            "postiz-connect completions ",
            vec!["bash", "zsh", "fish", "powershell", "elvish"],
        ),
        (
            "postiz-connect twitter --client-auth ",
            vec!["basic", "post", "none"],
        ),
        (
            "postiz-connect connect ",
            vec!["twitter", "mastodon", "custom", "x"],
        ),
        (
            "postiz-connect doctor link",
            vec!["linkedin", "linkedin-page"],
        ),
        ("postiz-connect providers face", vec!["facebook"]),
        (
            "postiz-connect sandbox tik",
            vec!["tiktok", "tiktok-business"],
        ),
        ("postiz-connect sandbox --fault rate", vec!["rate-limit"]),
        ("postiz-connect twitter --fault slow", vec!["slow:500"]),
        ("postiz-connect -v x --no-b", vec!["--no-browser"]),
        ("postiz-connect facebook --pa", vec!["--page", "--paste"]),
    ]
}

/// The completions of one shell against every subcommand's flags and the value cases.
fn check_shell(shell: &str, answers: &[(String, Vec<String>)]) {
    let subcommands = flags_of_every_subcommand();
    let mut answers = answers.iter();
    for (sub, visible, hidden) in &subcommands {
        let (asked, got) = answers.next().unwrap();
        assert_eq!(asked, &format!("postiz-connect {sub} --"));
        for flag in visible {
            assert!(
                got.contains(flag),
                "{shell}: `{asked}<TAB>` lacks {flag}: {got:?}"
            );
        }
        for flag in hidden {
            assert!(
                !got.contains(flag),
                "{shell}: `{asked}<TAB>` offers {flag}, which does not apply"
            );
        }
    }
    for (line, wanted) in value_cases() {
        let (asked, got) = answers.next().unwrap();
        assert_eq!(asked, line);
        for value in wanted {
            assert!(
                got.iter().any(|g| g == value),
                "{shell}: `{line}<TAB>` lacks {value}: {got:?}"
            );
        }
    }
}

fn every_line() -> Vec<String> {
    flags_of_every_subcommand()
        .into_iter()
        .map(|(sub, _, _)| format!("postiz-connect {sub} --"))
        .chain(value_cases().into_iter().map(|(line, _)| line.to_string()))
        .collect()
}

/// Bash, driven as readline drives it: every subcommand's flags (clap_complete's script
/// completed nothing after the first word of a hyphenated binary) and the values.
#[test]
fn bash_completes_every_subcommands_flags_and_values() {
    needs!("bash");
    if !have("bash") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let script = root().join("completions/postiz-connect.bash");
    let answers: Vec<(String, Vec<String>)> = every_line()
        .into_iter()
        .map(|line| {
            let mut words: Vec<&str> = line.split(' ').collect();
            if line.ends_with(' ') {
                words.pop();
                words.push("");
            }
            let got = bash_complete(&script, home.path(), &words);
            (line.clone(), got)
        })
        .collect();
    check_shell("bash", &answers);
}

#[test]
fn zsh_completes_every_subcommands_flags_and_values() {
    needs!("zsh");
    if !have("zsh") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("zfunc");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        root().join("completions/_postiz-connect"),
        dir.join("_postiz-connect"),
    )
    .unwrap();
    check_shell("zsh", &zsh_complete(&dir, home.path(), &every_line()));
}

#[test]
fn fish_completes_every_subcommands_flags_and_values() {
    needs!("fish");
    if !have("fish") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let script = root().join("completions/postiz-connect.fish");
    check_shell(
        "fish",
        &fish_complete(Some(&script), home.path(), None, &every_line()),
    );
}

/// The install commands of docs/install.md, run literally on a fresh machine (an empty
/// HOME, none of the directories there), leave each shell completing.
#[test]
fn the_docs_completion_install_commands_work_on_a_fresh_machine() {
    needs!("bash", "zsh", "fish");
    let page = std::fs::read_to_string(root().join("docs/install.md")).unwrap();
    let section = page
        .split("## Shell completions and man pages")
        .nth(1)
        .expect("the completion section of docs/install.md");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("its install commands");
    let home = tempfile::tempdir().unwrap();
    let bin_dir = assert_cmd::cargo::cargo_bin("postiz-connect")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in block
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let out = std::process::Command::new("sh")
            .args(["-c", line])
            .env("HOME", home.path())
            .env("PATH", &path)
            .current_dir(home.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "`{line}` failed: {}", stderr(&out));
    }
    let asked = ["postiz-connect twitter --cl".to_string()];
    let wanted = ["--client-auth", "--client-id", "--client-secret"];
    if have("bash") {
        let mut got = bash_complete(
            &home.path().join(".bashrc"),
            home.path(),
            &["postiz-connect", "twitter", "--cl"],
        );
        got.sort();
        assert_eq!(got, wanted, "bash");
    }
    if have("zsh") {
        let zshrc = std::fs::read_to_string(home.path().join(".zshrc")).unwrap();
        assert!(zshrc.contains("~/.zfunc"), "{zshrc}");
        let got = zsh_complete(&home.path().join(".zfunc"), home.path(), &asked);
        assert_eq!(got[0].1, wanted, "zsh");
    }
    if have("fish") {
        let got = fish_complete(None, home.path(), Some(&path), &asked);
        assert_eq!(got[0].1, wanted, "fish");
    }
}

/// The README's install command and the test prerequisites of docs/contributing.md:
/// `--locked` (the committed lockfile), and one package list that CI, tests/run.sh and
/// the docs all agree on.
#[test]
fn the_readmes_install_and_test_prerequisites_are_complete() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let contributing = std::fs::read_to_string(root().join("docs/contributing.md")).unwrap();
    assert!(
        readme.contains("\ncargo install --locked --path .\n"),
        "README install line"
    );
    assert!(
        readme.contains("a few minutes"),
        "README says the build takes a while"
    );
    let packages = |text: &str, from: &str| -> Vec<String> {
        let line = text
            .lines()
            .find(|l| l.contains("apt-get install -y"))
            .unwrap_or_else(|| panic!("no apt-get line in {from}"));
        let mut list: Vec<String> = line
            .split("apt-get install -y")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .take_while(|w| !w.starts_with('>') && !w.starts_with('`') && !w.starts_with(')'))
            .filter(|w| !w.starts_with('-'))
            .map(|w| w.trim_end_matches(['`', ')', ';', '"']).to_string())
            .collect();
        list.sort();
        list
    };
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    let run = std::fs::read_to_string(root().join("tests/run.sh")).unwrap();
    let from_readme = packages(&contributing, "docs/contributing.md");
    for needed in [
        "nodejs",
        "npm",
        "python3",
        "zsh",
        "fish",
        "chromium",
        "gnome-keyring",
    ] {
        assert!(
            from_readme.iter().any(|p| p == needed),
            "docs/contributing.md lacks {needed}: {from_readme:?}"
        );
    }
    // CI provides node and npm from its image; it installs everything else listed.
    let mut from_ci = packages(&ci, ".ci/run");
    from_ci.extend(["nodejs".to_string(), "npm".to_string()]);
    from_ci.sort();
    assert_eq!(from_readme, from_ci, "docs/contributing.md vs .ci/run");
    assert_eq!(
        from_readme,
        packages(&run, "tests/run.sh"),
        "docs/contributing.md vs tests/run.sh"
    );
    assert!(
        contributing.contains("package registries once"),
        "docs/contributing.md says what it downloads"
    );
}

/// The README gives the test command CI runs (.ci/run), in a block of its own.
#[test]
fn the_readmes_test_command_is_the_one_ci_runs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    let command = "bash tests/run.sh";
    assert!(
        readme.contains(&format!("```sh\n{command}\n```")),
        "README.md lacks {command}"
    );
    assert!(
        ci.lines().any(|l| l == command),
        ".ci/run does not run {command}"
    );
}

/// A typo of a provider names the nearest one, as clap does for a subcommand.
#[test]
fn a_misspelt_provider_names_the_nearest() {
    let sb = Sandbox::new();
    let out = sb.run(&["providers", "twiter"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean 'twitter'?"),
        "{}",
        stderr(&out)
    );
}

/// `refresh` with nothing to refresh shows every way to call it.
#[test]
fn refresh_without_arguments_shows_all_and_watch_in_its_usage() {
    let sb = Sandbox::new();
    let out = sb.run(&["refresh"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("refresh [OPTIONS] --all"), "{err}");
    assert!(err.contains("refresh [OPTIONS] --watch"), "{err}");
}

/// A missing credential with `--env-file` is to be added to that file (the deployment's
/// credentials live there), not set in the shell.
#[test]
fn a_missing_client_id_with_an_env_file_names_the_file() {
    let sb = Sandbox::new();
    let env = sb.path("postiz.env");
    std::fs::write(&env, "FRONTEND_URL=http://localhost:4200\n").unwrap();
    let out = sb
        .cmd()
        .args([
            "reddit",
            "--env-file",
            env.to_str().unwrap(),
            "--insecure-storage",
        ])
        .env_remove("REDDIT_CLIENT_ID")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "add REDDIT_CLIENT_ID=<the app's client id> to {}",
            env.display()
        )),
        "{err}"
    );
    assert!(!err.contains("set REDDIT_CLIENT_ID"), "{err}");
}

/// `postiz status` with no database URL: one sentence, pointing to the docs section,
/// naming no host the user never typed.
#[test]
fn postiz_status_without_a_database_url_is_one_sentence_and_a_pointer() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .args(["postiz", "status"])
        .env_remove("DATABASE_URL")
        .env_remove("REDIS_URL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    let fix = err
        .lines()
        .find(|l| l.trim_start().starts_with("fix:"))
        .unwrap();
    assert!(
        fix.contains("\"Reaching the default docker-compose\""),
        "{fix}"
    );
    assert!(!err.contains("postiz-postgres"), "{err}");
    assert!(fix.len() < 200, "{fix}");
    let page = std::fs::read_to_string(root().join("docs/postiz.md")).unwrap();
    assert!(page.contains("\n## Reaching the default docker-compose\n"));
}

/// Dynamic completion (`COMPLETE=bash postiz-connect`) offers the stored channels' names
/// for `token`, `refresh` and `logout`; the static scripts are still generated.
#[test]
fn dynamic_completion_offers_stored_channels() {
    let sb = Sandbox::new();
    for provider in ["twitter", "reddit"] {
        let out = sb.sandbox_connect(provider, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let registration = sb.cmd().env("COMPLETE", "bash").output().unwrap();
    assert!(registration.status.success());
    assert!(
        stdout(&registration).contains("complete"),
        "{}",
        stdout(&registration)
    );
    for (words, current) in [
        (vec!["token", ""], 2),
        (vec!["refresh", "--force", ""], 3),
        (vec!["logout", "red"], 2),
    ] {
        let out = sb
            .cmd()
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", current.to_string())
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n")
            .arg("--")
            .arg("postiz-connect")
            .args(&words)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let offered = stdout(&out);
        assert!(
            offered.contains("reddit:sandbox_user"),
            "{words:?}: {offered}"
        );
        if words.last() == Some(&"") {
            assert!(
                offered.contains("twitter:sandbox_user"),
                "{words:?}: {offered}"
            );
        } else {
            assert!(!offered.contains("twitter:"), "{words:?}: {offered}");
        }
    }
    let script = stdout(&sb.run(&["completions", "bash"]));
    assert!(
        script.contains("complete -F"),
        "the static script is still generated"
    );
}

/// `--auto-approve` goes with a sandbox, built in or running; never with a real provider.
#[test]
fn auto_approve_without_a_sandbox_is_a_usage_error() {
    let sb = Sandbox::new();
    let out = sb.run(&[
        "twitter",
        "--auto-approve",
        "--client-id",
        "x",
        "--insecure-storage",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--auto-approve goes with --sandbox or --sandbox-at"),
        "{}",
        stderr(&out)
    );
}
