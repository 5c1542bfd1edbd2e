//! Two-step providers: list the pages (channels, blogs, locations) a login can post to,
//! and find the one the user asked for.

use serde_json::Value;

use super::{PageToken, Pages, PagesParent};
use crate::error::Error;
use crate::http::HttpClient;
use crate::secret::Secret;

/// Graph-style pagination is followed at most this far (100 items a page).
const MAX_PAGES: usize = 20;

/// One thing the user can connect.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub id: String,
    pub name: String,
    /// The page's own access token, when the provider issues one (Meta).
    #[serde(default)]
    pub token: Option<Secret>,
    /// Its handle, when the listing gives one (the row's `profile` in Postiz).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
}

/// Every choice under this login, parents first when the catalog declares them.
pub fn list(pages: &Pages, access_token: &str, http: &HttpClient) -> Result<Vec<Choice>, Error> {
    let call = Call {
        access_token,
        headers: pages
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
        http,
    };
    let mut urls = expand(&pages.url, pages.parent.as_ref(), &call)?;
    for source in &pages.more {
        urls.extend(expand(&source.url, source.parent.as_ref(), &call)?);
    }
    let paging = Paging::of(pages.next.as_deref(), pages.page_token.as_ref());
    let mut choices: Vec<Choice> = Vec::new();
    for (url, parent) in urls {
        for item in fetch_items(&url, &pages.items, &paging, &call)? {
            let Some(choice) = choice(pages, &item, parent.as_deref()) else {
                continue;
            };
            if choices.iter().any(|c| c.id == choice.id) {
                continue; // Listed by more than one source.
            }
            choices.push(choice);
        }
    }
    Ok(choices)
}

/// One listed item as a choice, its id the one Postiz stores for the page (the
/// Integration row's `internalId`); none when the item is not eligible.
pub fn choice(pages: &Pages, item: &Value, parent: Option<&str>) -> Option<Choice> {
    if !eligible(pages, item) {
        return None;
    }
    let id = item.pointer(&pages.id).and_then(text)?;
    let id = match &pages.id_format {
        Some(format) => format
            .replace("{parent}", parent.unwrap_or_default())
            .replace("{id}", &id),
        None => id,
    };
    let name = printable(
        item.pointer(&pages.name)
            .and_then(text)
            .unwrap_or_else(|| id.clone()),
    );
    let token = pages
        .token
        .as_deref()
        .and_then(|p| item.pointer(p))
        .and_then(text);
    let handle = pages
        .handle
        .as_deref()
        .and_then(|p| item.pointer(p))
        .and_then(text)
        .map(printable)
        .filter(|h| !h.is_empty());
    Some(Choice {
        id: printable(id),
        name,
        token: token.map(Secret::from),
        handle,
    })
}

/// How every listing call is made.
struct Call<'a> {
    access_token: &'a str,
    headers: Vec<(&'a str, &'a str)>,
    http: &'a HttpClient,
}

/// The catalog's `require` and `only` conditions.
fn eligible(pages: &Pages, item: &Value) -> bool {
    let has_required = pages
        .require
        .as_ref()
        .is_none_or(|p| item.pointer(p).is_some_and(|v| !v.is_null()));
    has_required
        && pages.only.iter().all(|(pointer, allowed)| {
            item.pointer(pointer)
                .and_then(text)
                .is_some_and(|value| allowed.contains(&value))
        })
}

/// How a listing says there is more.
enum Paging<'a> {
    None,
    /// A pointer to the next page's URL.
    Link(&'a str),
    Token(&'a PageToken),
}

impl<'a> Paging<'a> {
    fn of(link: Option<&'a str>, token: Option<&'a PageToken>) -> Self {
        match (link, token) {
            (Some(link), _) => Paging::Link(link),
            (None, Some(token)) => Paging::Token(token),
            (None, None) => Paging::None,
        }
    }

    /// The URL of the page after `body`, which came from `current`.
    fn next(&self, current: &str, body: &Value) -> Option<String> {
        let found = |pointer: &str| {
            body.pointer(pointer)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        match self {
            Paging::None => None,
            Paging::Link(pointer) => found(pointer),
            Paging::Token(paging) => {
                let token = found(&paging.pointer)?;
                let mut url = url::Url::parse(current).ok()?;
                let kept: Vec<(String, String)> = url
                    .query_pairs()
                    .filter(|(k, _)| *k != paging.param.as_str())
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect();
                url.query_pairs_mut()
                    .clear()
                    .extend_pairs(kept)
                    .append_pair(&paging.param, &token);
                Some(url.into())
            }
        }
    }
}

/// The list URLs of one source, each with the parent id it was made from: itself, or
/// one per parent when it has parents.
fn expand(
    url: &str,
    parent: Option<&PagesParent>,
    call: &Call,
) -> Result<Vec<(String, Option<String>)>, Error> {
    let Some(parent) = parent else {
        return Ok(vec![(url.to_string(), None)]);
    };
    let paging = Paging::of(None, parent.page_token.as_ref());
    let mut urls = Vec::new();
    for item in fetch_items(&parent.url, &parent.items, &paging, call)? {
        if let Some(id) = item.pointer(&parent.id).and_then(text) {
            urls.push((url.replace("{parent}", &id), Some(id)));
        }
    }
    Ok(urls)
}

/// The choice whose id equals `wanted`, else whose name does (case-insensitively).
pub fn find<'a>(choices: &'a [Choice], wanted: &str) -> Option<&'a Choice> {
    let wanted = wanted.trim();
    choices.iter().find(|c| c.id == wanted).or_else(|| {
        choices
            .iter()
            .find(|c| c.name.to_lowercase() == wanted.to_lowercase())
    })
}

fn fetch_items(url: &str, items: &str, paging: &Paging, call: &Call) -> Result<Vec<Value>, Error> {
    let mut out = Vec::new();
    let mut url = Some(url.to_string());
    let mut fetched = 0;
    while let Some(current) = url.take() {
        let body = super::get_json(call.http, &current, Some(call.access_token), &call.headers)?;
        if let Some(Value::Array(list)) = body.pointer(items) {
            out.extend(list.iter().cloned());
        }
        fetched += 1;
        if fetched < MAX_PAGES {
            url = paging.next(&current, &body);
        }
    }
    Ok(out)
}

/// Names are the provider's data, printed to a terminal: no control characters (an
/// escape sequence in a page name must not drive the terminal).
fn printable(s: String) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_control_characters() {
        assert_eq!(printable("Acme\u{1b}[2J News\r\n".into()), "Acme[2J News");
        assert_eq!(printable("Café".into()), "Café");
    }

    #[test]
    fn find_by_id_then_name() {
        let choices = vec![
            Choice {
                id: "1".into(),
                name: "Acme News".into(),
                token: None,
                handle: None,
            },
            Choice {
                id: "2".into(),
                name: "1".into(),
                token: None,
                handle: None,
            },
        ];
        assert_eq!(find(&choices, "1").unwrap().name, "Acme News");
        assert_eq!(find(&choices, "acme news").unwrap().id, "1");
        assert!(find(&choices, "nope").is_none());
    }

    #[test]
    fn token_paging_sets_the_token_parameter_on_the_same_url() {
        let paging = PageToken {
            pointer: "/nextPageToken".into(),
            param: "pageToken".into(),
        };
        let paging = Paging::of(None, Some(&paging));
        let first = "https://g.example/v1/accounts/1/locations?readMask=name,title";
        let body = serde_json::json!({"locations": [], "nextPageToken": "a b&c"});
        let second = paging.next(first, &body).unwrap();
        assert_eq!(
            second,
            "https://g.example/v1/accounts/1/locations?readMask=name%2Ctitle&pageToken=a+b%26c"
        );
        // The token replaces the previous one instead of piling up.
        let body = serde_json::json!({"nextPageToken": "t3"});
        let third = paging.next(&second, &body).unwrap();
        assert!(third.ends_with("&pageToken=t3") && third.matches("pageToken").count() == 1);
        // No token (or an empty one): the last page.
        assert_eq!(paging.next(first, &serde_json::json!({})), None);
        assert_eq!(
            paging.next(first, &serde_json::json!({"nextPageToken": ""})),
            None
        );
        // Link paging follows the URL the body gives.
        let link = Paging::of(Some("/paging/next"), None);
        let body = serde_json::json!({"paging": {"next": "https://g.example/p2"}});
        assert_eq!(
            link.next(first, &body).as_deref(),
            Some("https://g.example/p2")
        );
    }

    #[test]
    fn only_and_require_decide_what_is_a_choice() {
        let catalog = crate::providers::Catalog::embedded();
        let linkedin = catalog.get("linkedin-page").unwrap().pages.clone().unwrap();
        let acl = |role: &str| serde_json::json!({"role": role, "organizationalTarget~": {"id": 5, "localizedName": "Acme"}});
        assert!(eligible(&linkedin, &acl("ADMINISTRATOR")));
        assert!(eligible(&linkedin, &acl("CONTENT_ADMINISTRATOR")));
        assert!(!eligible(&linkedin, &acl("ANALYST")));
        assert!(!eligible(
            &linkedin,
            &serde_json::json!({"organizationalTarget~": {"id": 5}})
        ));
        let instagram = catalog.get("instagram").unwrap().pages.clone().unwrap();
        let required = instagram.require.clone().unwrap();
        let mut page = serde_json::json!({"id": "1", "name": "Page"});
        assert!(!eligible(&instagram, &page));
        page[required.trim_start_matches('/')] = serde_json::json!(null);
        assert!(!eligible(&instagram, &page));
        page[required.trim_start_matches('/')] = serde_json::json!({"id": "17"});
        assert!(eligible(&instagram, &page));
    }
}
