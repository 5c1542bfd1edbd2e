//! The command line itself: help, version, providers, completions, usage errors.

mod common;

use common::*;
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
    assert!(stdout(&out).contains("Connected acme:sandbox-user"));
    std::fs::write(home.join("providers.toml"), "[acme]\nname = 3\n").unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(stderr(&out).contains("providers.toml"), "{}", stderr(&out));
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
    assert!(status.contains("does not expire"), "{status}");
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
