//! What an access token opens, each in the JSON shape the catalog's pointers describe:
//! the account (identity), the granted scopes, and the page lists a channel is picked
//! from (paginated, per parent, Meta's extra listings).

use serde_json::{json, Value};

use super::fixtures::{identity_fields, set_pointer};
use super::http::{Incoming, Reply};
use super::oauth1;
use super::state::State;
use crate::sandbox::client::page_id;
use crate::sandbox::config::Config;

pub(super) fn identity(incoming: &Incoming, state: &State, config: &Config) -> Reply {
    let id = &config.provider.identity;
    let token = match (&id.token_param, &id.token_header) {
        (Some(param), _) => incoming.params.get(param).cloned().unwrap_or_default(),
        (None, Some(header)) => incoming.header(header).unwrap_or_default().to_string(),
        (None, None) => incoming
            .authorization
            .as_deref()
            .and_then(|h| h.strip_prefix("Bearer "))
            .unwrap_or_default()
            .to_string(),
    };
    if id.method.as_deref() == Some("post") && !incoming.post {
        return Reply::oauth_error(405, "invalid_request", "the identity call is a POST");
    }
    let oauth1_user = oauth1::identity(incoming, &state.oauth1, config);
    if !state.live_token(&token) && !oauth1_user {
        return Reply::oauth_error(
            401,
            "invalid_token",
            "the access token is invalid, expired or revoked",
        );
    }
    let mut body = json!({});
    identity_fields(&mut body, config);
    Reply::json(200, body)
}

/// The granted-scopes call, in the shape the catalog's pointers describe.
pub(super) fn granted_scopes(incoming: &Incoming, state: &State, config: &Config) -> Reply {
    let Some(endpoint) = &config.provider.granted_scopes_endpoint else {
        return Reply::not_found();
    };
    let token = incoming.bearer_or_param("access_token");
    let Some(scopes) = state
        .live_token(&token)
        .then(|| state.access_scopes.get(&token).cloned().unwrap_or_default())
    else {
        return Reply::oauth_error(401, "invalid_token", "the access token is invalid");
    };
    let mut body = json!({});
    let list = match &endpoint.scope {
        Some(scope_ptr) => {
            let mut items: Vec<Value> = scopes
                .iter()
                .map(|s| {
                    item_with(
                        scope_ptr,
                        s,
                        endpoint.status.as_deref(),
                        endpoint.granted.as_deref(),
                    )
                })
                .collect();
            // One declined permission, which must not count as granted.
            items.push(item_with(
                scope_ptr,
                "sandbox_declined",
                endpoint.status.as_deref(),
                Some("declined"),
            ));
            Value::Array(items)
        }
        None => Value::String(scopes.join(" ")),
    };
    set_pointer(&mut body, &endpoint.items, list);
    Reply::json(200, body)
}

fn item_with(
    scope_ptr: &str,
    scope: &str,
    status_ptr: Option<&str>,
    status: Option<&str>,
) -> Value {
    let mut item = json!({});
    set_pointer(&mut item, scope_ptr, json!(scope));
    if let (Some(p), Some(v)) = (status_ptr, status) {
        set_pointer(&mut item, p, json!(v));
    }
    item
}

/// Two pages (the second behind a `next` link when the provider paginates), or per
/// parent one location.
pub(super) fn pages(
    incoming: &Incoming,
    path: &str,
    state: &State,
    config: &Config,
    base: &str,
) -> Reply {
    let Some(pages) = &config.provider.pages else {
        return Reply::not_found();
    };
    let provider_id = config.provider.id.as_str();
    let token = incoming.bearer_or_param("access_token");
    if !state.live_token(&token) {
        return Reply::oauth_error(401, "invalid_token", "the access token is invalid");
    }
    let missing: Vec<String> = pages
        .headers
        .iter()
        .filter(|(name, value)| incoming.header(name) != Some(value.as_str()))
        .map(|(name, value)| format!("{name}: {value}"))
        .collect();
    if !missing.is_empty() {
        return Reply::json(
            400,
            json!({"status": 400, "message": format!("this API needs the headers {}", missing.join(", "))}),
        );
    }
    let make = |id: &str, name: &str, with_token: bool| {
        let mut item = json!({});
        if let Some(handle) = &pages.handle {
            set_pointer(&mut item, handle, json!(format!("@sandbox-page-{id}")));
        }
        set_pointer(&mut item, &pages.id, json!(id));
        set_pointer(&mut item, &pages.name, json!(name));
        if let (Some(p), true) = (&pages.token, with_token) {
            set_pointer(&mut item, p, json!(format!("page-token-{id}")));
        }
        for (pointer, allowed) in &pages.only {
            if let Some(value) = allowed.first() {
                set_pointer(&mut item, pointer, json!(value));
            }
        }
        item
    };
    // Token pagination: the second page is asked for with the token "p2".
    let asked_for_page_two = |paging: Option<&crate::providers::PageToken>| {
        paging.is_some_and(|t| incoming.params.get(&t.param).map(String::as_str) == Some("p2"))
    };
    let mut body = json!({});
    if path == "/pages/parents" {
        let parent = pages
            .parent
            .as_ref()
            .expect("parents are served only when declared");
        let second = asked_for_page_two(parent.page_token.as_ref());
        let mut item = json!({});
        let id = if second { "accounts/78" } else { "accounts/77" };
        set_pointer(&mut item, &parent.id, json!(id));
        set_pointer(&mut body, &parent.items, json!([item]));
        if let (Some(paging), false) = (&parent.page_token, second) {
            set_pointer(&mut body, &paging.pointer, json!("p2"));
        }
        return Reply::json(200, body);
    }
    let paginated = pages.next.is_some() || pages.page_token.is_some();
    let second_page = incoming.params.get("page").map(String::as_str) == Some("2")
        || asked_for_page_two(pages.page_token.as_ref());
    let mut items = Vec::new();
    if let Some(parent) = incoming.params.get("parent") {
        // Google Business: an account's locations are "locations/<id>"; the first
        // account's carry the names the tests pick by.
        let n = parent.rsplit('/').next().unwrap_or_default();
        let name = match (n, second_page) {
            ("77", false) => "Sandbox Page".to_string(),
            ("77", true) => "Sandbox Page Two".to_string(),
            (_, false) => format!("Sandbox Location {n}"),
            (_, true) => format!("Sandbox Location {n} Two"),
        };
        let id = format!("locations/{n}{}", if second_page { 2 } else { 1 });
        items.push(make(&id, &name, true));
    } else if second_page {
        items.push(make(&page_id(provider_id, 2), "Sandbox Page Two", true));
    } else {
        items.push(make(&page_id(provider_id, 1), "Sandbox Page", true));
        if !paginated {
            items.push(make(&page_id(provider_id, 2), "Sandbox Page Two", true));
        }
        if let Some(required) = &pages.require {
            // A page without the required link (a Facebook page with no Instagram account).
            let mut bare = json!({"id": "2999", "name": "Not eligible"});
            if let Some(map) = bare.as_object_mut() {
                // Make sure the required link really is absent.
                map.remove(required.trim_start_matches('/'));
            }
            items.push(bare);
        }
        if !pages.only.is_empty() {
            // A page the login may see but not post to (a LinkedIn ANALYST role).
            let mut viewer = make("2998", "Not eligible", false);
            for pointer in pages.only.keys() {
                set_pointer(&mut viewer, pointer, json!("NOT_ALLOWED"));
            }
            items.push(viewer);
        }
    }
    set_pointer(&mut body, &pages.items, Value::Array(items));
    if !second_page {
        if let Some(paging) = &pages.page_token {
            set_pointer(&mut body, &paging.pointer, json!("p2"));
        } else if let (Some(next), None) = (&pages.next, incoming.params.get("parent")) {
            set_pointer(&mut body, next, json!(format!("{base}/pages?page=2")));
        }
    }
    Reply::json(200, body)
}

/// The extra listings (Meta's Business Manager pages): one page of their own each, and
/// the first page again, which the client must not list twice.
pub(super) fn more_pages(incoming: &Incoming, path: &str, state: &State, config: &Config) -> Reply {
    let Some(pages) = &config.provider.pages else {
        return Reply::not_found();
    };
    if !state.live_token(&incoming.bearer_or_param("access_token")) {
        return Reply::oauth_error(401, "invalid_token", "the access token is invalid");
    }
    let rest = path.trim_start_matches("/pages/more/");
    let (index, parents) = match rest.split_once('/') {
        Some((i, "parents")) => (i, true),
        _ => (rest, false),
    };
    let Some(source) = index.parse::<usize>().ok().and_then(|i| pages.more.get(i)) else {
        return Reply::not_found();
    };
    let mut body = json!({});
    if parents {
        let Some(parent) = &source.parent else {
            return Reply::not_found();
        };
        let mut item = json!({});
        set_pointer(&mut item, &parent.id, json!("biz-1"));
        set_pointer(&mut body, &parent.items, json!([item]));
        return Reply::json(200, body);
    }
    let item = |id: String, name: String| {
        let mut item = json!({});
        set_pointer(&mut item, &pages.id, json!(id));
        set_pointer(&mut item, &pages.name, json!(name));
        if let Some(p) = &pages.token {
            set_pointer(&mut item, p, json!(format!("page-token-{id}")));
        }
        item
    };
    let items = vec![
        item(
            page_id(&config.provider.id, 30 + index.parse::<u32>().unwrap_or(0)),
            format!("Business Page {index}"),
        ),
        item(page_id(&config.provider.id, 1), "Sandbox Page".into()),
    ];
    set_pointer(&mut body, &pages.items, Value::Array(items));
    Reply::json(200, body)
}
