//! Lifetimes no calendar can hold: `expires_in` of 2^63-1, 1e30 or 1e13 seconds must not
//! abort the process after the code is spent (connect) or the refresh token rotated
//! (refresh); they read as "does not expire".

use crate::common::*;
use crate::provider::{Answer, HostileProvider};

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
