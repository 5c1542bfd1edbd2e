//! Lint of a Postiz deployment's `.env`: credentials per provider, the URLs Postiz builds
//! redirects and cookies from, and where "Invalid state" will come from before it does.

use std::collections::HashMap;

use url::Url;

use super::{Finding, Severity};
use crate::providers::{credentials, Catalog, Provider};

const AREA: &str = "Postiz .env";

/// The redirect URI Postiz sends for a provider, if it can be built: what each
/// `libraries/nestjs-libraries/src/integrations/social/*.provider.ts` of gitroomhq/postiz-app
/// writes as `redirect_uri`.
pub fn postiz_redirect(provider: &Provider, vars: &HashMap<String, String>) -> Option<String> {
    let id = provider.postiz_id.as_deref()?;
    let base = provider
        .postiz_url_env
        .iter()
        .find_map(|name| vars.get(name).filter(|v| !v.is_empty()))?;
    // Postiz concatenates: a trailing slash in FRONTEND_URL becomes `//integrations`.
    let mut uri = format!("{base}/integrations/social/{id}");
    if provider.postiz_https_wrapper && !base.contains("https") {
        // `FRONTEND_URL.indexOf('https') === -1`: Postiz sends these providers' callbacks
        // through redirectmeto.com (slack, threads, tiktok, tiktok-business, vk,
        // instagram-standalone).
        uri = format!("https://redirectmeto.com/{uri}");
    }
    if provider.postiz_trailing_slash {
        uri.push('/');
    }
    Some(uri)
}

pub fn lint(
    vars: &HashMap<String, String>,
    catalog: &Catalog,
    focus: &[&Provider],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(urls(vars));
    let providers: Vec<&Provider> = if focus.is_empty() {
        catalog.iter().collect()
    } else {
        focus.to_vec()
    };
    for p in providers {
        if p.client_id_env.is_empty() && p.oauth1.is_none() {
            continue;
        }
        if let Some((name, value)) = p
            .postiz_url_env
            .iter()
            .take_while(|n| n.as_str() != "FRONTEND_URL")
            .find_map(|n| vars.get(n).filter(|v| !v.is_empty()).map(|v| (n, v)))
        {
            if vars.get("FRONTEND_URL") != Some(value) {
                findings.push(
                    Finding::new(AREA, format!("env.{}.url_override", p.id), Severity::Warning, format!("{name}={value} overrides FRONTEND_URL for {} callbacks", p.id))
                        .fix(format!("register ${{{name}}}/integrations/social/{} with the provider, or remove {name}", p.postiz_id.as_deref().unwrap_or(&p.id))),
                );
            }
        }
        let get = |names: &[String]| {
            names
                .iter()
                .find_map(|n| vars.get(n).map(|v| (n.clone(), v.clone())))
        };
        // The credential pairs this provider can use; Postiz's own comes last and is the
        // one reported missing when nothing is set (X: OAuth 1.0a's API key and secret).
        let mut pairs = vec![(
            &p.client_id_env,
            &p.client_secret_env,
            "client id",
            "client secret",
        )];
        if let Some(o) = &p.oauth1 {
            pairs.push((
                &o.consumer_key_env,
                &o.consumer_secret_env,
                "API key",
                "API secret",
            ));
        }
        let set_of = |(ids, secrets, _, _): &(&Vec<String>, &Vec<String>, &str, &str)| {
            [get(ids), get(secrets)]
                .iter()
                .any(|f| f.as_ref().is_some_and(|(_, v)| !v.is_empty()))
        };
        let configured: Vec<_> = pairs.iter().filter(|pair| set_of(pair)).cloned().collect();
        let to_check = match (configured.is_empty(), focus.is_empty()) {
            (true, true) => continue, // Not enabled in this deployment.
            (true, false) => vec![*pairs.last().expect("at least one pair")],
            (false, _) => configured,
        };
        for (id_names, secret_names, id_what, secret_what) in to_check {
            for (names, what) in [(id_names, id_what), (secret_names, secret_what)] {
                if names.is_empty() {
                    continue;
                }
                match get(names) {
                    None => findings.push(
                        Finding::new(AREA, format!("env.{}.missing", p.id), Severity::Problem, format!("{}: {} is not set", p.id, names.join(" or ")))
                            .evidence(format!("the {what} is missing: Postiz will send client_id=undefined or fail the exchange"))
                            .fix(format!("set {} in the .env from the provider's console and restart Postiz", names[0])),
                    ),
                    Some((name, value)) if value.is_empty() => findings.push(
                        Finding::new(AREA, format!("env.{}.empty", p.id), Severity::Problem, format!("{}: {name} is empty", p.id))
                            .fix(format!("give {name} the {what} from the provider's console")),
                    ),
                    Some((name, value)) => match credentials::value_problem(&value) {
                        Some(problem) => findings.push(
                            Finding::new(AREA, format!("env.{}.malformed", p.id), Severity::Problem, format!("{}: {name} {problem}", p.id))
                                .fix(format!("re-copy the {what} into {name}, with nothing around it")),
                        ),
                        None => findings.push(Finding::new(AREA, format!("env.{}.ok", p.id), Severity::Ok, format!("{}: {name} is set", p.id))),
                    },
                }
            }
        }
    }
    findings
}

fn urls(vars: &HashMap<String, String>) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(frontend) = vars.get("FRONTEND_URL").filter(|v| !v.is_empty()) else {
        out.push(
            Finding::new(AREA, "env.frontend_url.missing", Severity::Problem, "FRONTEND_URL is not set")
                .evidence("every redirect URI Postiz sends is ${FRONTEND_URL}/integrations/social/<provider>")
                .fix("set FRONTEND_URL to exactly the URL you open Postiz on, e.g. https://postiz.example.com"),
        );
        return out;
    };
    let Ok(front) =
        Url::parse(frontend)
            .map_err(|_| ())
            .and_then(|u| if u.has_host() { Ok(u) } else { Err(()) })
    else {
        out.push(
            Finding::new(
                AREA,
                "env.frontend_url.no_scheme",
                Severity::Problem,
                format!("FRONTEND_URL={frontend} is not an absolute URL"),
            )
            .fix(format!(
                "add the scheme: FRONTEND_URL=https://{}",
                frontend.trim_start_matches('/')
            )),
        );
        return out;
    };
    if frontend.ends_with('/') {
        out.push(
            Finding::new(AREA, "env.frontend_url.trailing_slash", Severity::Problem, "FRONTEND_URL ends with a slash")
                .evidence(format!("redirect URIs become {frontend}/integrations/social/... (a double slash) and match nothing registered"))
                .fix(format!("FRONTEND_URL={}", frontend.trim_end_matches('/'))),
        );
    }
    let backend = vars
        .get("NEXT_PUBLIC_BACKEND_URL")
        .filter(|v| !v.is_empty());
    match backend.map(|b| Url::parse(b)) {
        None => out.push(
            Finding::new(
                AREA,
                "env.backend_url.missing",
                Severity::Warning,
                "NEXT_PUBLIC_BACKEND_URL is not set",
            )
            .fix("set it to the URL the browser reaches the Postiz backend on"),
        ),
        Some(Err(_)) => out.push(
            Finding::new(
                AREA,
                "env.backend_url.invalid",
                Severity::Problem,
                "NEXT_PUBLIC_BACKEND_URL is not an absolute URL",
            )
            .fix("give it a scheme and host, e.g. https://api.postiz.example.com"),
        ),
        Some(Ok(back)) => {
            if back.scheme() != front.scheme() {
                out.push(
                    Finding::new(
                        AREA,
                        "env.scheme_mix",
                        Severity::Problem,
                        format!(
                            "FRONTEND_URL is {} but NEXT_PUBLIC_BACKEND_URL is {}",
                            front.scheme(),
                            back.scheme()
                        ),
                    )
                    .evidence(
                        "browsers drop Secure cookies and block mixed content between the two",
                    )
                    .fix("serve both over https"),
                );
            }
            out.extend(cookie_sites(&front, &back));
        }
    }
    if let Some(main) = vars.get("MAIN_URL").and_then(|m| Url::parse(m).ok()) {
        if main.host_str() != front.host_str() || main.scheme() != front.scheme() {
            out.push(
                Finding::new(AREA, "env.main_url_mismatch", Severity::Warning, "MAIN_URL and FRONTEND_URL name different origins")
                    .evidence(format!("MAIN_URL={main}, FRONTEND_URL={front}"))
                    .fix("make MAIN_URL the same origin as FRONTEND_URL unless you serve Postiz under two names on purpose"),
            );
        }
    }
    out
}

/// Postiz sets its auth cookie on the frontend's registrable domain (ICANN section of the
/// Public Suffix List). Predict when the browser will drop it, which surfaces later as
/// "Invalid state" or a login loop.
fn cookie_sites(front: &Url, back: &Url) -> Vec<Finding> {
    let mut out = Vec::new();
    let (Some(fh), Some(bh)) = (front.host_str(), back.host_str()) else {
        return out;
    };
    let is_ip = |h: &str| h.parse::<std::net::IpAddr>().is_ok() || h.starts_with('[');
    if is_ip(fh) {
        out.push(
            Finding::new(AREA, "cookie.bare_ip", Severity::Warning, format!("FRONTEND_URL uses a bare IP ({fh})"))
                .evidence("a cookie domain cannot be an IP address; cookies then only work host-only, and OAuth providers reject most IP redirect URIs")
                .fix("give Postiz a host name"),
        );
        return out;
    }
    if fh == "localhost" {
        return out;
    }
    if psl::suffix(fh.as_bytes()).and_then(|s| s.typ()) == Some(psl::Type::Private) {
        let suffix = psl::suffix_str(fh).unwrap_or_default();
        out.push(
            Finding::new(AREA, "cookie.private_suffix", Severity::Problem, format!("{fh} is under the shared suffix {suffix}"))
                .evidence(format!("Postiz sets its cookie for the ICANN registrable domain, which for {fh} is shared by every site on {suffix}; browsers refuse such cookies, so the login state is lost (\"Invalid state\")"))
                .fix("serve Postiz on a domain you own (a custom domain on the hosting service)"),
        );
    }
    let (fs, bs) = (psl::domain_str(fh), psl::domain_str(bh));
    if fs.is_some() && fs != bs {
        out.push(
            Finding::new(AREA, "cookie.cross_site", Severity::Problem, format!("the frontend ({fh}) and backend ({bh}) are on different sites"))
                .evidence("the backend's cookie is third-party to the frontend; privacy settings drop it and the OAuth state does not round-trip (\"Invalid state\")")
                .fix(format!("put both under one parent domain, e.g. app.{0} and api.{0}", fs.unwrap_or("example.com"))),
        );
    } else if fs.is_some() {
        out.push(Finding::new(
            AREA,
            "cookie.same_site",
            Severity::Ok,
            format!(
                "frontend and backend share the site {}",
                fs.unwrap_or_default()
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn ids(findings: &[Finding]) -> Vec<String> {
        findings.iter().map(|f| f.id.clone()).collect()
    }

    #[test]
    fn url_problems() {
        let c = Catalog::embedded();
        let f = lint(&vars(&[]), &c, &[]);
        assert!(ids(&f).contains(&"env.frontend_url.missing".to_string()));
        let f = lint(&vars(&[("FRONTEND_URL", "postiz.example.com")]), &c, &[]);
        assert!(
            ids(&f).contains(&"env.frontend_url.no_scheme".to_string()),
            "{f:?}"
        );
        let f = lint(
            &vars(&[
                ("FRONTEND_URL", "https://postiz.example.com/"),
                ("NEXT_PUBLIC_BACKEND_URL", "http://api.other.org"),
            ]),
            &c,
            &[],
        );
        let ids = ids(&f);
        for want in [
            "env.frontend_url.trailing_slash",
            "env.scheme_mix",
            "cookie.cross_site",
        ] {
            assert!(ids.contains(&want.to_string()), "{want}: {ids:?}");
        }
    }

    #[test]
    fn cookie_domains_by_the_public_suffix_list() {
        let c = Catalog::embedded();
        let f = lint(
            &vars(&[
                ("FRONTEND_URL", "https://myapp.vercel.app"),
                ("NEXT_PUBLIC_BACKEND_URL", "https://myapp.vercel.app/api"),
            ]),
            &c,
            &[],
        );
        assert!(
            ids(&f).contains(&"cookie.private_suffix".to_string()),
            "{f:?}"
        );
        let f = lint(
            &vars(&[
                ("FRONTEND_URL", "https://app.example.co.uk"),
                ("NEXT_PUBLIC_BACKEND_URL", "https://api.example.co.uk"),
            ]),
            &c,
            &[],
        );
        assert!(ids(&f).contains(&"cookie.same_site".to_string()), "{f:?}");
        let f = lint(
            &vars(&[
                ("FRONTEND_URL", "http://10.0.0.5:4200"),
                ("NEXT_PUBLIC_BACKEND_URL", "http://10.0.0.5:3000"),
            ]),
            &c,
            &[],
        );
        assert!(ids(&f).contains(&"cookie.bare_ip".to_string()), "{f:?}");
    }

    #[test]
    fn credentials_per_enabled_provider() {
        let c = Catalog::embedded();
        let base = [
            ("FRONTEND_URL", "https://p.example.com"),
            ("NEXT_PUBLIC_BACKEND_URL", "https://p.example.com/api"),
        ];
        let mut v = vars(&base);
        v.insert("LINKEDIN_CLIENT_ID".into(), "abc".into());
        v.insert("REDDIT_CLIENT_ID".into(), "\"quoted\"".into());
        v.insert("REDDIT_CLIENT_SECRET".into(), "undefined".into());
        let f = lint(&v, &c, &[]);
        let ids = ids(&f);
        assert!(ids.contains(&"env.linkedin.missing".to_string()), "{ids:?}");
        assert!(ids.contains(&"env.reddit.malformed".to_string()), "{ids:?}");
        assert!(
            !ids.iter().any(|i| i.starts_with("env.pinterest")),
            "not enabled: {ids:?}"
        );
    }

    #[test]
    fn x_is_checked_by_the_oauth1_keys_postiz_uses() {
        let c = Catalog::embedded();
        let mut v = vars(&[("FRONTEND_URL", "https://p.example.com")]);
        v.insert("X_API_KEY".into(), "key".into());
        let f = lint(&v, &c, &[]);
        let x: Vec<&Finding> = f
            .iter()
            .filter(|f| f.id.starts_with("env.twitter"))
            .collect();
        assert!(
            x.iter()
                .any(|f| f.id == "env.twitter.ok" && f.title.contains("X_API_KEY")),
            "{x:?}"
        );
        assert!(
            x.iter()
                .any(|f| f.id == "env.twitter.missing" && f.title.contains("X_API_SECRET")),
            "{x:?}"
        );
        assert!(!x.iter().any(|f| f.title.contains("X_CLIENT_ID")), "{x:?}");
        // Focused on X with nothing set: Postiz's pair is the one named.
        let v = vars(&[("FRONTEND_URL", "https://p.example.com")]);
        let x = c.get("twitter").unwrap();
        let f = lint(&v, &c, &[x]);
        assert!(f.iter().any(|f| f.title.contains("X_API_KEY")), "{f:?}");
    }

    #[test]
    fn postiz_redirects() {
        let c = Catalog::embedded();
        let v = vars(&[
            ("FRONTEND_URL", "https://p.example.com/"),
            ("X_URL", "https://x.example.com"),
        ]);
        assert_eq!(
            postiz_redirect(c.get("twitter").unwrap(), &v).unwrap(),
            "https://x.example.com/integrations/social/x"
        );
        assert_eq!(
            postiz_redirect(c.get("linkedin").unwrap(), &v).unwrap(),
            "https://p.example.com//integrations/social/linkedin"
        );
        // The redirectmeto wrapper for http, TikTok Business's slash.
        let v = vars(&[("FRONTEND_URL", "http://localhost:4200")]);
        assert_eq!(
            postiz_redirect(c.get("tiktok-business").unwrap(), &v).unwrap(),
            "https://redirectmeto.com/http://localhost:4200/integrations/social/tiktok-business/"
        );
        assert_eq!(
            postiz_redirect(c.get("youtube").unwrap(), &v).unwrap(),
            "http://localhost:4200/integrations/social/youtube"
        );
        let v = vars(&[("FRONTEND_URL", "https://p.example.com")]);
        assert_eq!(
            postiz_redirect(c.get("threads").unwrap(), &v).unwrap(),
            "https://p.example.com/integrations/social/threads"
        );
    }
}
