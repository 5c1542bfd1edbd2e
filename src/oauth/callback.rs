//! The redirect back from the provider: parsing it (from the listener or pasted by the
//! user) and validating it against the request this process made.

use subtle::ConstantTimeEq;
use url::Url;

use crate::error::provider::ProviderError;

/// The parameters of a callback, as received.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CallbackParams {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
    /// RFC 9207 issuer identifier.
    pub iss: Option<String>,
    /// Every other parameter (VK's `device_id`...), first occurrence.
    pub extra: std::collections::BTreeMap<String, String>,
}

impl CallbackParams {
    pub fn from_query(query: &str) -> CallbackParams {
        let mut p = CallbackParams::default();
        for (key, value) in url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = Some(value.into_owned());
            // The first occurrence wins: a repeated parameter is suspicious, never merged.
            let slot = match key.as_ref() {
                "code" => &mut p.code,
                "state" => &mut p.state,
                "error" => &mut p.error,
                "error_description" => &mut p.error_description,
                "iss" => &mut p.iss,
                _ => {
                    p.extra
                        .entry(key.into_owned())
                        .or_insert_with(|| value.clone().unwrap_or_default());
                    continue;
                }
            };
            if slot.is_none() {
                *slot = value;
            }
        }
        // Other names for the same things, as Postiz's frontend maps them: TikTok
        // Business's `auth_code`; OAuth 1.0a's `oauth_verifier`, with `oauth_token` as the
        // one-time value tying the callback to the request, and X's `denied=`.
        if p.code.is_none() {
            p.code = p
                .extra
                .get("auth_code")
                .or_else(|| p.extra.get("oauth_verifier"))
                .cloned();
        }
        if p.state.is_none() {
            p.state = p
                .extra
                .get("oauth_token")
                .or_else(|| p.extra.get("denied"))
                .cloned();
        }
        if p.error.is_none() && p.extra.contains_key("denied") {
            p.error = Some("access_denied".into());
        }
        p
    }
}

/// What the user pasted in `--paste` mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pasted {
    /// A full redirect URL or its query string.
    Params(CallbackParams),
    /// Just the code: no state to check.
    BareCode(String),
}

/// Accepts the URL the browser ended on, its query string, or the bare code.
pub fn parse_pasted(input: &str) -> Result<Pasted, String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("nothing was pasted".into());
    }
    if let Ok(url) = Url::parse(input) {
        if url.scheme() == "http" || url.scheme() == "https" {
            // Some providers answer in the fragment; accept either.
            let query = url
                .query()
                .filter(|q| q.contains('='))
                .or(url.fragment())
                .unwrap_or_default();
            let params = CallbackParams::from_query(query);
            if params.code.is_none() && params.error.is_none() {
                return Err("that URL carries neither `code` nor `error`: paste the address the browser ended on after you approved".into());
            }
            return Ok(Pasted::Params(params));
        }
    }
    if input.contains('=') {
        let params = CallbackParams::from_query(input);
        if params.code.is_none() && params.error.is_none() {
            return Err("that query string carries neither `code` nor `error`".into());
        }
        return Ok(Pasted::Params(params));
    }
    if input.chars().any(char::is_whitespace) || input.contains('/') && !input.contains('.') {
        return Err(
            "that does not look like a URL, a query string or an authorization code".into(),
        );
    }
    Ok(Pasted::BareCode(input.to_string()))
}

/// What a callback means for the flow.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A code for our request: exchange it.
    Code(String),
    /// The provider redirected back with an error for our request.
    ProviderError(ProviderError),
    /// Not for our request (forged, stale, or from another tab): reject, keep waiting.
    StateMismatch,
    /// An error without this login's state: any web page can send one to the loopback
    /// listener, so it proves nothing about our request. Reject, keep waiting.
    UnboundError,
    /// For our request, but from another issuer than expected (RFC 9207 mix-up defence).
    IssuerMismatch { got: Option<String> },
    /// Neither code nor error.
    Malformed,
}

/// What the callback must match.
pub struct Expected<'a> {
    pub state: &'a str,
    /// When set, `iss` must be present and equal (the server advertised RFC 9207).
    pub issuer: Option<&'a str>,
}

pub fn states_match(expected: &str, got: &str) -> bool {
    expected.len() == got.len() && bool::from(expected.as_bytes().ct_eq(got.as_bytes()))
}

pub fn validate(params: &CallbackParams, expected: &Expected<'_>) -> Verdict {
    let state_ok = params
        .state
        .as_deref()
        .is_some_and(|s| states_match(expected.state, s));
    if let Some(error) = &params.error {
        // RFC 6749 §4.1.2.1 returns `state` with errors too. Without it, the error could
        // come from any page that opened the listener's URL: ending the login on it would
        // let that page cancel the user's login, so it is ignored like a forged callback.
        if !state_ok {
            return Verdict::UnboundError;
        }
        return Verdict::ProviderError(ProviderError::from_callback(
            error,
            params.error_description.as_deref(),
        ));
    }
    if !state_ok {
        return Verdict::StateMismatch;
    }
    if let Some(issuer) = expected.issuer {
        if params.iss.as_deref() != Some(issuer) {
            return Verdict::IssuerMismatch {
                got: params.iss.clone(),
            };
        }
    }
    match &params.code {
        Some(code) if !code.is_empty() => Verdict::Code(code.clone()),
        _ => Verdict::Malformed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATE: &str = "s3cr3t-state-value";

    fn expected() -> Expected<'static> {
        Expected {
            state: STATE,
            issuer: None,
        }
    }

    #[test]
    fn good_callback_yields_code() {
        let p = CallbackParams::from_query(&format!("code=abc&state={STATE}"));
        assert_eq!(validate(&p, &expected()), Verdict::Code("abc".into()));
    }

    #[test]
    fn other_names_for_code_and_state() {
        let p = CallbackParams::from_query(&format!("auth_code=abc&state={STATE}"));
        assert_eq!(validate(&p, &expected()), Verdict::Code("abc".into()));
        let p = CallbackParams::from_query(&format!("oauth_token={STATE}&oauth_verifier=v"));
        assert_eq!(validate(&p, &expected()), Verdict::Code("v".into()));
        let p = CallbackParams::from_query(&format!("denied={STATE}"));
        assert!(matches!(
            validate(&p, &expected()),
            Verdict::ProviderError(_)
        ));
        let p =
            CallbackParams::from_query(&format!("code=c&state={STATE}&device_id=d1&device_id=d2"));
        assert_eq!(p.extra["device_id"], "d1");
    }

    #[test]
    fn forged_or_missing_state_is_rejected() {
        let p = CallbackParams::from_query("code=abc&state=forged");
        assert_eq!(validate(&p, &expected()), Verdict::StateMismatch);
        let p = CallbackParams::from_query("code=abc");
        assert_eq!(validate(&p, &expected()), Verdict::StateMismatch);
        let p = CallbackParams::from_query(&format!("code=abc&state={STATE}x"));
        assert_eq!(validate(&p, &expected()), Verdict::StateMismatch);
    }

    #[test]
    fn first_parameter_wins() {
        let p = CallbackParams::from_query(&format!("state={STATE}&code=a&code=b&state=x"));
        assert_eq!(validate(&p, &expected()), Verdict::Code("a".into()));
    }

    #[test]
    fn provider_error_only_with_the_right_state() {
        let p = CallbackParams::from_query(&format!(
            "error=access_denied&error_description=User+said+no&state={STATE}"
        ));
        match validate(&p, &expected()) {
            Verdict::ProviderError(e) => {
                assert_eq!(e.code.as_deref(), Some("access_denied"));
                assert_eq!(e.description.as_deref(), Some("User said no"));
            }
            other => panic!("{other:?}"),
        }
        // Without this login's state an error proves nothing: any page can send it.
        let p = CallbackParams::from_query("error=access_denied");
        assert_eq!(validate(&p, &expected()), Verdict::UnboundError);
        let p = CallbackParams::from_query("error=access_denied&state=forged");
        assert_eq!(validate(&p, &expected()), Verdict::UnboundError);
        let p = CallbackParams::from_query(&format!("error=x&state={STATE}x&code=c"));
        assert_eq!(validate(&p, &expected()), Verdict::UnboundError);
        // X's OAuth 1.0a `denied=` carries the request token, which is the state.
        let p = CallbackParams::from_query("denied=another-token");
        assert_eq!(validate(&p, &expected()), Verdict::UnboundError);
    }

    #[test]
    fn issuer_checked_when_advertised() {
        let exp = Expected {
            state: STATE,
            issuer: Some("http://127.0.0.1:9"),
        };
        let ok = CallbackParams::from_query(&format!(
            "code=a&state={STATE}&iss=http%3A%2F%2F127.0.0.1%3A9"
        ));
        assert_eq!(validate(&ok, &exp), Verdict::Code("a".into()));
        let missing = CallbackParams::from_query(&format!("code=a&state={STATE}"));
        assert_eq!(
            validate(&missing, &exp),
            Verdict::IssuerMismatch { got: None }
        );
        let wrong = CallbackParams::from_query(&format!("code=a&state={STATE}&iss=https://evil"));
        assert!(matches!(
            validate(&wrong, &exp),
            Verdict::IssuerMismatch { .. }
        ));
    }

    #[test]
    fn malformed_callbacks() {
        let p = CallbackParams::from_query(&format!("state={STATE}"));
        assert_eq!(validate(&p, &expected()), Verdict::Malformed);
        let p = CallbackParams::from_query(&format!("code=&state={STATE}"));
        assert_eq!(validate(&p, &expected()), Verdict::Malformed);
        // Garbage never panics.
        let p = CallbackParams::from_query("%%%&&==&code");
        assert_eq!(validate(&p, &expected()), Verdict::StateMismatch);
    }

    #[test]
    fn pasted_forms() {
        let url = format!("http://127.0.0.1:8080/callback?code=abc&state={STATE}");
        match parse_pasted(&url).unwrap() {
            Pasted::Params(p) => assert_eq!(p.code.as_deref(), Some("abc")),
            other => panic!("{other:?}"),
        }
        match parse_pasted(&format!("?code=abc&state={STATE}")).unwrap() {
            Pasted::Params(p) => assert_eq!(p.state.as_deref(), Some(STATE)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse_pasted("  Zm9vYmFy-code_1  \n").unwrap(),
            Pasted::BareCode("Zm9vYmFy-code_1".into())
        );
        assert!(parse_pasted("").is_err());
        assert!(parse_pasted("https://example.com/landing").is_err());
        assert!(parse_pasted("this is not a code").is_err());
    }

    #[test]
    fn constant_time_compare() {
        assert!(states_match("abc", "abc"));
        assert!(!states_match("abc", "abd"));
        assert!(!states_match("abc", "ab"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Parameter names: those the parser gives a meaning to, and anything else.
        fn key() -> impl Strategy<Value = String> {
            prop_oneof![
                3 => prop::sample::select(vec![
                    "code",
                    "state",
                    "error",
                    "error_description",
                    "iss",
                    "auth_code",
                    "oauth_verifier",
                    "oauth_token",
                    "denied",
                ])
                .prop_map(String::from),
                1 => any::<String>(),
            ]
        }

        /// Values: this login's state, near misses of it, and anything.
        fn value() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(STATE.to_string()),
                Just(format!("{STATE}x")),
                Just(STATE[..STATE.len() - 1].to_string()),
                Just(STATE.to_uppercase()),
                Just(format!(" {STATE}")),
                Just(String::new()),
                any::<String>(),
            ]
        }

        /// A query string: pairs joined by `&`, each form-encoded or written raw (so `&`,
        /// `=`, `%` and `+` inside a name or value break it up in every way).
        fn query() -> impl Strategy<Value = String> {
            prop::collection::vec((key(), value(), any::<bool>()), 0..8).prop_map(|pairs| {
                pairs
                    .into_iter()
                    .map(|(k, v, encode)| {
                        if encode {
                            url::form_urlencoded::Serializer::new(String::new())
                                .append_pair(&k, &v)
                                .finish()
                        } else {
                            format!("{k}={v}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("&")
            })
        }

        /// Whether the raw query carries this login's state under a name that can hold it,
        /// decoded independently of the parser.
        fn carries_state(query: &str) -> bool {
            url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).any(|(k, v)| {
                matches!(k.as_ref(), "state" | "oauth_token" | "denied") && v == STATE
            })
        }

        /// A code or an error is taken only with this login's state; everything else is
        /// rejected and the wait goes on.
        fn check(params: &CallbackParams, query: &str) -> Result<(), TestCaseError> {
            match validate(params, &expected()) {
                Verdict::Code(_)
                | Verdict::ProviderError(_)
                | Verdict::IssuerMismatch { .. }
                | Verdict::Malformed => {
                    prop_assert_eq!(params.state.as_deref(), Some(STATE));
                    prop_assert!(
                        carries_state(query),
                        "accepted without the state: {query:?}"
                    );
                }
                Verdict::StateMismatch | Verdict::UnboundError => {
                    prop_assert_ne!(params.state.as_deref(), Some(STATE));
                }
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn any_text_parses_and_validates_without_panicking(text in any::<String>()) {
                let params = CallbackParams::from_query(&text);
                check(&params, &text)?;
                let _ = parse_pasted(&text);
            }

            #[test]
            fn a_query_yields_a_code_or_an_error_only_with_the_right_state(query in query()) {
                let params = CallbackParams::from_query(&query);
                check(&params, &query)?;
                // The right state and a code, with no error: the code is taken.
                let clean = format!("state={STATE}&code=c&{query}");
                let params = CallbackParams::from_query(&clean);
                if params.error.is_none() {
                    prop_assert_eq!(validate(&params, &expected()), Verdict::Code("c".into()));
                }
            }

            #[test]
            fn a_pasted_url_yields_a_code_only_with_the_right_state(
                query in query(),
                in_fragment in any::<bool>(),
                port in 1u16..,
                padding in "[ \t\r\n]{0,3}",
            ) {
                let separator = if in_fragment { '#' } else { '?' };
                let url = format!("{padding}http://127.0.0.1:{port}/callback{separator}{query}{padding}");
                match parse_pasted(&url) {
                    Ok(Pasted::Params(params)) => {
                        // What the parser saw: the URL's query or fragment, decoded by `url`.
                        let seen = Url::parse(url.trim()).ok().map(|u| {
                            u.query().filter(|q| q.contains('=')).or(u.fragment()).unwrap_or_default().to_string()
                        });
                        check(&params, seen.as_deref().unwrap_or(url.trim()))?;
                    }
                    // A code typed alone is the user's own choice; a URL never becomes one.
                    Ok(Pasted::BareCode(code)) => prop_assert!(false, "{url:?} taken as the code {code:?}"),
                    Err(_) => {}
                }
            }
        }
    }
}
