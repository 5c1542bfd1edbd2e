//! Every rule of adopt's decision, without a database: the rows a deployment would hold
//! are built here, as `Writer` would read them.

use chrono::{Duration, TimeZone};

use super::plan as decide;
use super::*;
use crate::error::ExitCode;
use crate::providers::Catalog;
use crate::store::tests::sample;
use crate::store::{Backend, PageRef};

fn catalog() -> Catalog {
    let dir = tempfile::tempdir().unwrap();
    Catalog::load(dir.path()).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

/// A channel of `provider` connected with the deployment's app (`cid`).
fn channel(provider: &str) -> Channel {
    let mut c = sample(&format!("{provider}:alice"), Backend::File);
    c.provider = provider.into();
    c.account.id = Some("acct-1".into());
    c.account.name = Some("Alice".into());
    c
}

fn secrets() -> Secrets {
    Secrets {
        access_token: "AT-channel".into(),
        refresh_token: Some("RT-channel".into()),
        ..Default::default()
    }
}

/// The deployment's app: the same client id as the channel's.
fn app() -> DeploymentApp {
    Some(("cid".into(), "/srv/postiz/.env".into()))
}

fn acme() -> Organization {
    Organization {
        id: "org-acme".into(),
        name: "Acme".into(),
        deleted: false,
    }
}

fn draft_of(provider: &str, c: &Channel) -> Result<Draft, Error> {
    let catalog = catalog();
    draft(
        c,
        &secrets(),
        catalog.require(provider).unwrap(),
        app(),
        now(),
    )
}

fn existing(provider: &str, token: &str, refresh_token: &str) -> Existing {
    Existing {
        id: "row-1".into(),
        name: "Alice".into(),
        provider: provider.into(),
        deleted: false,
        token: token.into(),
        refresh_token: Some(refresh_token.into()),
        token_expiration: None,
        additional_settings: None,
        root_internal_id: None,
    }
}

fn row(id: &str, org: &str, provider: &str, token: &str, deleted: bool) -> SecretRow {
    SecretRow {
        id: id.into(),
        organization_id: org.into(),
        internal_id: format!("internal-{id}"),
        root_internal_id: Some("acct-1".into()),
        name: format!("row {id}"),
        provider: provider.into(),
        disabled: false,
        in_between_steps: false,
        refresh_needed: false,
        token_expiration: None,
        deleted,
        token: token.into(),
        refresh_token: Some("RT-other".into()),
        additional_settings: None,
    }
}

fn options(dry_run: bool, replace_tokens: bool) -> Options {
    Options {
        dry_run,
        replace_tokens,
    }
}

fn plan_of(
    provider: &str,
    existing: Option<Existing>,
    siblings: Vec<SecretRow>,
    options: Options,
) -> Result<AdoptPlan, Error> {
    let c = channel(provider);
    let d = draft_of(provider, &c)?;
    decide(d, &c.name, acme(), existing, siblings, options)
}

fn ids(held: &[Held<'_>]) -> Vec<String> {
    held.iter().map(|h| h.id.to_string()).collect()
}

#[test]
fn another_providers_row_with_the_same_account_id_is_refused_whatever_the_flags() {
    for (dry_run, replace_tokens) in [(false, false), (false, true), (true, false), (true, true)] {
        let refused = plan_of(
            "discord",
            Some(Existing {
                name: "Acme on X".into(),
                ..existing("x", "AT-x", "")
            }),
            Vec::new(),
            options(dry_run, replace_tokens),
        )
        .err()
        .expect("another provider's row is refused");
        assert_eq!(refused.exit_code(), ExitCode::Rejected);
        let text = refused.to_string();
        assert!(
            text.contains("row-1") && text.contains("x channel \"Acme on X\""),
            "{text}"
        );
    }
    // The same provider's row is updated in place.
    let plan = plan_of(
        "discord",
        Some(existing("discord", "AT-channel", "RT-channel")),
        Vec::new(),
        options(false, false),
    )
    .unwrap();
    assert_eq!(plan.existing.as_ref().map(|e| e.id.as_str()), Some("row-1"));
    assert_eq!(plan.replaced, None);
    assert!(plan.refusal().is_none() && plan.records_to_keep().is_empty());
}

#[test]
fn a_two_step_provider_needs_the_chosen_page_and_keys_the_row_on_it() {
    let login = channel("facebook");
    let refused = draft_of("facebook", &login).err().expect("no page chosen");
    assert_eq!(refused.exit_code(), ExitCode::Rejected);
    assert!(
        refused.to_string().contains("without a chosen page"),
        "{refused}"
    );

    let mut page = channel("facebook");
    page.page = Some(PageRef {
        kind: "page".into(),
        id: "page-7".into(),
        name: "Acme Page".into(),
        own_token: true,
        user: "alice".into(),
        user_id: Some("user-42".into()),
        handle: Some("acmepage".into()),
    });
    let d = draft_of("facebook", &page).unwrap();
    assert_eq!(d.internal_id(), "page-7");
    let plan = decide(
        d,
        &page.name,
        acme(),
        None,
        Vec::new(),
        options(false, false),
    )
    .unwrap();
    assert_eq!(plan.row.internal_id, "page-7");
    assert_eq!(plan.row.root_internal_id, "user-42", "the login's id");
    assert_eq!(plan.row.name, "Acme Page");
    assert_eq!(
        plan.row.profile.as_deref(),
        Some("acmepage"),
        "the page's handle"
    );

    // A page stored before the login's id was kept: its root is the login's handle, and an
    // existing row keeps the root it has.
    page.page.as_mut().unwrap().user_id = None;
    let d = draft_of("facebook", &page).unwrap();
    let fresh = decide(
        d,
        &page.name,
        acme(),
        None,
        Vec::new(),
        options(false, false),
    )
    .unwrap();
    assert_eq!(fresh.row.root_internal_id, "alice");
    let d = draft_of("facebook", &page).unwrap();
    let kept = Existing {
        provider: "facebook".into(),
        root_internal_id: Some("user-42".into()),
        ..existing("facebook", "AT-channel", "")
    };
    let updated = decide(
        d,
        &page.name,
        acme(),
        Some(kept),
        Vec::new(),
        options(false, false),
    );
    assert_eq!(updated.unwrap().row.root_internal_id, "user-42");
}

#[test]
fn live_tokens_that_are_not_the_channels_are_replaced_only_with_replace_tokens() {
    let other = || Some(existing("discord", "AT-rotated", "RT-rotated"));
    let refused = plan_of("discord", other(), Vec::new(), options(false, false)).unwrap();
    assert_eq!(refused.replaced, Some(TokenGuard::Refuse));
    let refusal = refused.refusal().expect("refused without --replace-tokens");
    assert_eq!(refusal.exit_code(), ExitCode::Rejected);
    assert!(refusal.to_string().contains("row-1"), "{refusal}");
    assert!(refusal.fix().unwrap().contains("--replace-tokens"));

    let replaced = plan_of("discord", other(), Vec::new(), options(false, true)).unwrap();
    assert_eq!(replaced.replaced, Some(TokenGuard::Replace));
    assert!(replaced.refusal().is_none());
    let held = replaced.records_to_keep();
    assert_eq!(ids(&held), ["row-1"]);
    assert_eq!(held[0].token, "AT-rotated");
    assert_eq!(held[0].organization_id, "org-acme");

    // A row deleted in Postiz holds no live grant: replaced, and kept.
    let deleted = Existing {
        deleted: true,
        ..existing("discord", "AT-rotated", "RT-rotated")
    };
    let plan = plan_of("discord", Some(deleted), Vec::new(), options(false, false)).unwrap();
    assert_eq!(plan.replaced, Some(TokenGuard::DeletedRow));
    assert!(plan.refusal().is_none());
    assert_eq!(ids(&plan.records_to_keep()), ["row-1"]);

    // Only the refresh token differs: still other tokens.
    let rotated = existing("discord", "AT-channel", "RT-rotated");
    let plan = plan_of("discord", Some(rotated), Vec::new(), options(false, false)).unwrap();
    assert_eq!(plan.replaced, Some(TokenGuard::Refuse));
}

#[test]
fn linkedin_lists_every_row_of_the_same_login_other_orgs_and_deleted_ones_included() {
    // A row of the same login already holding the channel's tokens is not changed.
    let mut same = row("same-row", "org-gamma", "linkedin", "AT-channel", false);
    same.refresh_token = Some("RT-channel".into());
    let siblings = vec![
        row("beta-row", "org-beta", "linkedin-page", "AT-old", false),
        row("gone-row", "org-acme", "linkedin-page", "AT-old", true),
        same,
    ];
    let c = channel("linkedin");
    let d = draft_of("linkedin", &c).unwrap();
    assert_eq!(d.sharing_root(None).as_deref(), Some("acct-1"));
    let plan = decide(
        d,
        &c.name,
        acme(),
        Some(existing("linkedin", "AT-old", "RT-old")),
        siblings,
        options(false, true),
    )
    .unwrap();
    assert_eq!(plan.share_with_root.as_deref(), Some("acct-1"));
    let listed: Vec<&str> = plan.siblings.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        listed,
        ["beta-row", "gone-row"],
        "the row already holding the tokens is not changed"
    );
    assert_eq!(
        ids(&plan.records_to_keep()),
        ["row-1", "beta-row", "gone-row"]
    );

    // A provider without Postiz's copy changes no other row.
    let c = channel("discord");
    let d = draft_of("discord", &c).unwrap();
    assert_eq!(d.sharing_root(None), None);
    let one = row("beta-row", "org-beta", "discord", "AT-old", false);
    let plan = decide(d, &c.name, acme(), None, vec![one], options(false, false)).unwrap();
    assert!(plan.siblings.is_empty() && plan.share_with_root.is_none());
}

#[test]
fn vk_keeps_the_device_id_with_the_refresh_token() {
    let mut c = channel("vk");
    c.callback_params
        .insert("device_id".into(), "device-9".into());
    let d = draft_of("vk", &c).unwrap();
    assert_eq!(d.row.refresh_token.expose_str(), "RT-channel&&&&device-9");
    assert_eq!(d.row.token.expose_str(), "AT-channel");

    c.callback_params.clear();
    let refused = draft_of("vk", &c).err().expect("no device id");
    assert_eq!(refused.exit_code(), ExitCode::Rejected);
    assert!(refused.to_string().contains("no VK device id"), "{refused}");
}

#[test]
fn meta_long_lived_tokens_are_recorded_for_58_days_in_both_columns_and_start_the_workflow() {
    for provider in ["threads", "instagram-standalone"] {
        let mut c = channel(provider);
        let issued = now() - Duration::days(1);
        c.token_issued_at = Some(issued);
        c.expires_at = Some(issued + Duration::days(60));
        let catalog = catalog();
        let only_access = Secrets {
            refresh_token: None,
            ..secrets()
        };
        let p = catalog.require(provider).unwrap();
        let d = draft(&c, &only_access, p, app(), now()).unwrap();
        assert_eq!(
            d.row.token_expiration,
            issued + Duration::days(58),
            "{provider}"
        );
        assert_eq!(
            d.row.refresh_token.expose_str(),
            "AT-channel",
            "{provider}: refreshToken"
        );
        let plan = decide(d, &c.name, acme(), None, Vec::new(), options(false, false)).unwrap();
        assert!(plan.starts_workflow, "{provider}");
    }
    let plan = plan_of("discord", None, Vec::new(), options(false, false)).unwrap();
    assert!(!plan.starts_workflow);
}

#[test]
fn tiktok_tokens_are_recorded_for_23_hours() {
    for provider in ["tiktok", "tiktok-business"] {
        let mut c = channel(provider);
        let issued = now() - Duration::hours(2);
        c.token_issued_at = Some(issued);
        c.expires_at = Some(issued + Duration::days(1));
        let d = draft_of(provider, &c).unwrap();
        assert_eq!(
            d.row.token_expiration,
            issued + Duration::hours(23),
            "{provider}"
        );
    }
    // Without an issue time, from now.
    let d = draft_of("tiktok", &channel("tiktok")).unwrap();
    assert_eq!(d.row.token_expiration, now() + Duration::hours(23));
}

#[test]
fn the_token_must_come_from_the_deployments_app() {
    let catalog = catalog();
    let c = channel("discord");
    let p = catalog.require("discord").unwrap();
    let other = Some(("another-cid".to_string(), "/srv/postiz/.env".to_string()));
    let refused = draft(&c, &secrets(), p, other, now()).err().unwrap();
    assert_eq!(refused.exit_code(), ExitCode::Rejected);
    assert!(
        refused.to_string().contains("not the deployment's"),
        "{refused}"
    );
    let missing = draft(&c, &secrets(), p, None, now()).err().unwrap();
    assert_eq!(missing.exit_code(), ExitCode::Config);
    assert!(
        missing.to_string().contains("DISCORD_CLIENT_ID"),
        "{missing}"
    );

    // X: OAuth 1.0a with the deployment's consumer key, `token:secret`, no refresh token.
    let mut x = channel("twitter");
    let p = catalog.require("twitter").unwrap();
    let over_oauth2 = draft(&x, &secrets(), p, app(), now()).err().unwrap();
    assert!(
        over_oauth2.to_string().contains("OAuth 1.0a"),
        "{over_oauth2}"
    );
    x.oauth1 = true;
    let other_key = Some(("another-key".to_string(), ".env".to_string()));
    let refused = draft(&x, &secrets(), p, other_key, now()).err().unwrap();
    assert!(refused.to_string().contains("another X app"), "{refused}");
    let with_secret = Secrets {
        token_secret: Some("TS".into()),
        ..secrets()
    };
    let d = draft(&x, &with_secret, p, app(), now()).unwrap();
    assert_eq!(
        (d.row.token.expose_str(), d.row.refresh_token.expose_str()),
        ("AT-channel:TS", "")
    );
    assert!(d.row.provider_has_settings);
}

#[test]
fn only_providers_postiz_knows_are_adopted() {
    let refused = draft_of("custom", &channel("custom")).err().unwrap();
    assert_eq!(refused.exit_code(), ExitCode::Rejected);
    assert!(refused.to_string().contains("Postiz has no"), "{refused}");
}

#[test]
fn x_keeps_the_rows_verified_setting() {
    let mut x = channel("twitter");
    x.oauth1 = true;
    let verified = Existing {
        additional_settings: Some(r#"[{"title":"Verified","value":true}]"#.into()),
        ..existing("x", "AT-channel:", "")
    };
    let settings = |existing: Option<Existing>| {
        let d = draft_of("twitter", &x).unwrap();
        let plan = decide(
            d,
            &x.name,
            acme(),
            existing,
            Vec::new(),
            options(false, false),
        );
        let plan = plan.unwrap();
        let value: Value = serde_json::from_str(&plan.row.additional_settings).unwrap();
        (value[0]["value"].as_bool(), plan.notes)
    };
    let (kept, notes) = settings(Some(verified));
    assert_eq!(kept, Some(true));
    assert!(notes
        .iter()
        .any(|n| n.contains("keeps the row's value (verified)")));
    let (new, notes) = settings(None);
    assert_eq!(new, Some(false));
    assert!(notes.iter().any(|n| n.contains("written as not verified")));
}

#[test]
fn a_dry_run_plans_exactly_what_the_write_would_do() {
    let siblings = || vec![row("beta-row", "org-beta", "linkedin", "AT-old", true)];
    let existing = || Some(existing("linkedin", "AT-old", "RT-old"));
    for replace_tokens in [false, true] {
        let dry = plan_of(
            "linkedin",
            existing(),
            siblings(),
            options(true, replace_tokens),
        );
        let real = plan_of(
            "linkedin",
            existing(),
            siblings(),
            options(false, replace_tokens),
        );
        let (dry, real) = (dry.unwrap(), real.unwrap());
        assert!(dry.dry_run && !real.dry_run);
        assert_eq!(
            serde_json::to_value(&dry.row).unwrap(),
            serde_json::to_value(&real.row).unwrap()
        );
        assert_eq!(dry.row.token, real.row.token);
        assert_eq!(dry.row.refresh_token, real.row.refresh_token);
        assert_eq!(dry.replaced, real.replaced);
        assert_eq!(
            dry.refusal().map(|e| e.to_string()),
            real.refusal().map(|e| e.to_string())
        );
        assert_eq!(ids(&dry.records_to_keep()), ids(&real.records_to_keep()));
        assert_eq!(dry.notes, real.notes);
        assert_eq!(dry.planned_row_id(), "row-1");
    }
    let new = plan_of("discord", None, Vec::new(), options(true, false)).unwrap();
    assert_eq!(new.planned_row_id(), "<the new row's id>");
}

#[test]
fn a_sandbox_channel_is_noted() {
    let mut c = channel("discord");
    c.connect_args = vec!["--sandbox-at".into(), "http://127.0.0.1:9".into()];
    let d = draft_of("discord", &c).unwrap();
    let plan = decide(d, &c.name, acme(), None, Vec::new(), options(false, false)).unwrap();
    assert!(plan.sandbox);
    assert!(
        plan.notes[0].contains("is a sandbox channel"),
        "{:?}",
        plan.notes
    );
}
