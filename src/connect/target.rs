//! The target of a two-step provider: the page, channel, blog or location a channel
//! posts to, chosen after the login (`--page`, a prompt, or the list and exit 6). A login
//! that ended without a choice is held for a while, so that `--page` completes it
//! without a second browser login.

use chrono::Utc;

use crate::error::Error;
use crate::oauth::listener::Responder;
use crate::oauth::page::Page as ResultPage;
use crate::providers::identity::{self, Account};
use crate::providers::pages::{self, Choice};
use crate::providers::{self, Provider, RefreshRule, RefreshStyle};
use crate::store::{Channel, HeldLogin, PageRef, Secrets, HELD_FOR};

use super::events::{Event, Events};
use super::plan::HeldPlan;
use super::record::{channel_name, store_channel};
use super::report;
use super::report::Connected;
use super::services::Services;

/// What `choose` decided.
pub(super) enum Pick<'a> {
    Chosen(&'a Choice),
    /// No `--page` and no terminal to ask on: the error lists the choices.
    Ask(Error),
}

/// The target to connect: `--page`, else a prompt on a terminal (the browser tab is told
/// to look there first, so it does not hang), else the list and exit 6.
pub(super) fn choose<'a>(
    events: &dyn Events,
    kind: &str,
    choices: &'a [Choice],
    wanted: Option<&str>,
    responder: &mut Option<Responder>,
) -> Pick<'a> {
    let listing = || {
        choices
            .iter()
            .map(|c| format!("  {}  {}", c.id, c.name))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if choices.is_empty() {
        return Pick::Ask(Error::Config {
            what: format!("this login has no {kind} to connect"),
            fix: format!("log in with an account that manages a {kind}, or check that the app was granted access to it"),
        });
    }
    if let Some(wanted) = wanted {
        return match pages::find(choices, wanted) {
            Some(choice) => Pick::Chosen(choice),
            None => Pick::Ask(Error::Usage(format!(
                "no {kind} matches '{wanted}'; the choices are:\n{}",
                listing()
            ))),
        };
    }
    if !events.can_prompt() {
        return Pick::Ask(Error::Config {
            what: format!(
                "choose the {kind} to connect; this login can connect:\n{}",
                listing()
            ),
            fix: String::new(),
        });
    }
    if let Some(responder) = responder.take() {
        responder.finish(&ResultPage {
            ok: true,
            title: "Logged in".into(),
            message: format!(
                "Choose the {kind} to connect in the terminal; you can close this tab."
            ),
            detail: None,
        });
    }
    let items: Vec<String> = choices
        .iter()
        .map(|c| format!("{} ({})", c.name, c.id))
        .collect();
    match events.choose_target(kind, &items) {
        Ok(index) => Pick::Chosen(&choices[index]),
        Err(e) => Pick::Ask(e),
    }
}

/// Point a user's channel at the target (page, channel, blog, location) it posts to: the
/// target's id names it, and a target's own token (Meta) replaces the user's, with what
/// the catalog knows of its lifetime (the token response describes the user's token, not
/// the target's).
pub(super) fn apply(
    provider: &Provider,
    targets: &providers::Pages,
    choice: &Choice,
    channel: &mut Channel,
    secrets: &mut Secrets,
    named: bool,
) {
    let user = channel.account.handle().unwrap_or_default();
    if let Some(own) = &choice.token {
        secrets.access_token = own.clone();
        secrets.refresh_token = None;
        channel.has_refresh_token = false;
        channel.expires_at = targets
            .token_expires_in
            .and_then(|s| crate::oauth::token::expiry(channel.created_at, s));
        channel.refresh = RefreshRule {
            style: RefreshStyle::None,
            note: targets
                .token_note
                .clone()
                .or_else(|| Some("renew it by connecting again".into())),
            ..RefreshRule::default()
        };
    }
    channel.page = Some(PageRef {
        kind: targets.kind.clone(),
        id: choice.id.clone(),
        name: choice.name.clone(),
        own_token: choice.token.is_some(),
        user,
        user_id: channel.account.id.clone(),
        handle: choice.handle.clone(),
    });
    channel.account = Account {
        id: Some(choice.id.clone()),
        username: None,
        name: Some(choice.name.clone()),
        source: format!("{} list", targets.kind),
    };
    channel.name = channel_name(
        provider,
        &identity::channel_handle(&choice.id),
        &channel.endpoints,
        named,
    );
    channel
        .connect_args
        .extend(["--page".to_string(), choice.id.clone()]);
}

/// No terminal to ask which target: keep the finished login for a while, so that the
/// command the error prints (`--page ID`) completes it without a second browser login.
pub(super) fn hold_for_a_choice(
    svc: &Services,
    channel: Channel,
    secrets: Secrets,
    kind: &str,
    choices: Vec<Choice>,
    error: Error,
) -> Error {
    let again = channel.reconnect_command();
    if choices.is_empty() || !matches!(error, Error::Config { .. } | Error::Usage(_)) {
        return error;
    }
    let held = HeldLogin {
        expires_at: Utc::now() + HELD_FOR,
        channel,
        secrets,
        kind: kind.to_string(),
        choices,
    };
    let kept = svc.store.hold_login(&held).is_ok();
    let next = match kept {
        true => format!(
            "within {} minutes run: {again} --page ID (or NAME); this login is kept until then, so no second browser login is needed",
            HELD_FOR.num_minutes()
        ),
        false => format!("run again with --page ID or NAME: {again} --page ..."),
    };
    match error {
        Error::Config { what, .. } => Error::Config { what, fix: next },
        Error::Usage(what) => Error::Usage(format!("{what}\n{next}")),
        other => other,
    }
}

/// `--page` right after a two-step login that ended without a choice: complete it.
pub(super) fn complete_held_login(svc: &Services, plan: HeldPlan) -> Result<Connected, Error> {
    let HeldPlan {
        provider,
        mut held,
        wanted,
        named,
        replace,
        preference,
    } = plan;
    let (provider, wanted) = (&provider, wanted.as_str());
    let targets = provider
        .pages
        .as_ref()
        .ok_or_else(|| Error::Usage(format!("{} has no pages to choose from", provider.id)))?;
    let Some(choice) = pages::find(&held.choices, wanted).cloned() else {
        let listing: Vec<String> = held
            .choices
            .iter()
            .map(|c| format!("  {}  {}", c.id, c.name))
            .collect();
        return Err(Error::Usage(format!(
            "no {} matches '{wanted}'; the choices are:\n{}",
            held.kind,
            listing.join("\n")
        )));
    };
    svc.events.event(Event::HeldLoginUsed {
        account: &held.channel.account.handle().unwrap_or_default(),
        since: held.channel.created_at,
    });
    apply(
        provider,
        targets,
        &choice,
        &mut held.channel,
        &mut held.secrets,
        named,
    );
    svc.events.event(Event::TargetChosen {
        kind: &held.kind,
        name: &choice.name,
        id: &choice.id,
    });
    let outcome = store_channel(
        svc,
        provider,
        held.channel,
        &held.secrets,
        replace,
        preference,
    );
    if outcome.is_ok() {
        svc.store.drop_held_login(&provider.id);
    }
    report::report(svc, outcome, None)
}
