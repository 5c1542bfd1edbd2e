//! Lifetimes no calendar can hold: `expires_in` of 2^63-1, 1e30 or 1e13 seconds must not
//! abort the process after the code is spent (connect) or the refresh token rotated
//! (refresh); they read as "does not expire".

use super::provider::{Answer, HostileProvider};
use crate::common::*;

const ABSURD: [&str; 4] = [
    "9223372036854775807",
    "1e30",
    "1e13",
    "\"18446744073709551615\"",
];

fn provider_with_lifetime(lifetime: &'static str) -> HostileProvider {
    let issued = std::sync::atomic::AtomicU32::new(0);
    HostileProvider::start(
        move |_form| {
            let n = issued.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Answer::json(format!(
                r#"{{"access_token":"at-{n}","token_type":"Bearer","refresh_token":"rt-{n}","expires_in":{lifetime},"refresh_token_expires_in":{lifetime}}}"#
            ))
        },
        r#"{"sub":"42","preferred_username":"alice"}"#,
    )
}

#[test]
fn absurd_lifetimes_keep_the_tokens_on_connect_and_refresh() {
    for lifetime in ABSURD {
        let provider = provider_with_lifetime(lifetime);
        let sb = Sandbox::new();
        let out = sb.cmd().args(provider.connect_args()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{lifetime}: {}", stderr(&out));
        let status = sb.status_json();
        let channel = &status[0];
        assert_eq!(channel["channel"], provider.channel("alice"), "{status}");
        assert!(channel["expires_at"].is_null(), "{lifetime}: {status}");
        let text = stdout(&sb.run(&["status"]));
        assert!(text.contains("does not expire"), "{text}");

        // The refresh answer is as absurd: the rotated token is kept, nothing aborts.
        let out = sb.run(&["refresh", "--force", &provider.channel("alice")]);
        assert_eq!(out.status.code(), Some(0), "{lifetime}: {}", stderr(&out));
        assert_eq!(sb.token(&provider.channel("alice")), "at-1");
        assert_eq!(provider.token_requests.lock().unwrap().len(), 2);
    }
}

#[test]
fn a_refresh_answer_without_a_lifetime_keeps_the_channel_expiring() {
    // expires_in is optional (RFC 6749 §5.1); "no expiry" would stop refreshing it.
    let provider = HostileProvider::start(
        |form: &super::provider::Form| match form.get("grant_type").map(String::as_str) {
            Some("refresh_token") => Answer::json(
                r#"{"access_token":"at-2","token_type":"Bearer","refresh_token":"rt-2"}"#,
            ),
            _ => Answer::json(
                r#"{"access_token":"at-1","token_type":"Bearer","refresh_token":"rt-1","expires_in":3600}"#,
            ),
        },
        r#"{"sub":"42","preferred_username":"alice"}"#,
    );
    let sb = Sandbox::new();
    let out = sb.cmd().args(provider.connect_args()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.run(&["refresh", "--force", &provider.channel("alice")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let status = sb.status_json();
    let expires = status[0]["expires_at"]
        .as_str()
        .unwrap_or_else(|| panic!("{status}"));
    let at = chrono::DateTime::parse_from_rfc3339(expires).unwrap();
    let left = at.signed_duration_since(chrono::Utc::now()).num_minutes();
    assert!((55..=60).contains(&left), "about an hour: {left} min");
}
