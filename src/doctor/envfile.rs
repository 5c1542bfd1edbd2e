//! Lint of a Postiz deployment's `.env`: credentials per provider, the URLs Postiz builds
//! redirects and cookies from, and where "Invalid state" will come from before it does.

use std::collections::HashMap;

use url::Url;

use super::{Finding, Severity};
use crate::providers::{credentials, Catalog, Provider};

const AREA: &str = "Postiz .env";

pub use crate::postiz::postiz_redirect;

pub fn lint(
    vars: &HashMap<String, String>,
    catalog: &Catalog,
    focus: &[&Provider],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(urls(vars));
    findings.extend(redis_url(vars));
    findings.extend(not_secured(vars));
    let providers: Vec<&Provider> = if focus.is_empty() {
        catalog.iter().collect()
    } else {
        focus.to_vec()
    };
    let provider_findings_from = findings.len();
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
    let per_provider = findings.split_off(provider_findings_from);
    findings.extend(merge_shared_variables(per_provider));
    findings
}

/// Providers that read the same variables (LinkedIn and LinkedIn page) get one finding
/// per variable, naming them all, instead of the same finding once per provider.
fn merge_shared_variables(findings: Vec<Finding>) -> Vec<Finding> {
    let mut merged: Vec<Finding> = Vec::new();
    for f in findings {
        let Some((ids, rest)) = f.title.split_once(": ") else {
            merged.push(f);
            continue;
        };
        let same = merged.iter_mut().find(|m| {
            m.severity == f.severity
                && m.fix == f.fix
                && m.title.split_once(": ").is_some_and(|(_, r)| r == rest)
        });
        match same {
            Some(m) => {
                let (earlier, _) = m.title.split_once(": ").expect("checked");
                m.title = format!("{earlier}, {ids}: {rest}");
            }
            None => merged.push(f),
        }
    }
    merged
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
                    .evidence(format!(
                        "MAIN_URL={}, FRONTEND_URL={}",
                        crate::postiz::locate::display_url(main.as_str()),
                        crate::postiz::locate::display_url(front.as_str())
                    ))
                    .fix("make MAIN_URL the same origin as FRONTEND_URL unless you serve Postiz under two names on purpose"),
            );
        }
    }
    out
}

/// Postiz's Redis: without REDIS_URL it silently uses an in-memory stand-in
/// (`libraries/nestjs-libraries/src/redis/redis.service.ts`, `MockRedis`), one per process.
fn redis_url(vars: &HashMap<String, String>) -> Vec<Finding> {
    match vars.get("REDIS_URL").map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => vec![Finding::new(AREA, "env.redis_url.missing", Severity::Warning, "REDIS_URL is not set: Postiz keeps connect state in process memory")
            .evidence("without REDIS_URL Postiz uses an in-memory stand-in for Redis (redis.service.ts); each process has its own, so once two processes serve Postiz (replicas, or a restart between \"Add Channel\" and the callback) the callback finds no state: \"Invalid state\"")
            .fix("run Redis and set REDIS_URL (the docker-compose's: REDIS_URL=redis://postiz-redis:6379), then restart Postiz")],
        Some(url) if !(url.starts_with("redis://") || url.starts_with("rediss://")) => vec![
            Finding::new(AREA, "env.redis_url.invalid", Severity::Problem, "REDIS_URL is not a redis:// or rediss:// URL")
                .evidence(format!("REDIS_URL={}", crate::postiz::locate::display_url(url)))
                .fix("REDIS_URL=redis://HOST:6379 (rediss:// for TLS; redis://:PASSWORD@HOST:6379 with a password)"),
        ],
        Some(url) => vec![Finding::new(
            AREA,
            "env.redis_url.ok",
            Severity::Ok,
            format!("REDIS_URL is set ({})", crate::postiz::locate::display_url(url)),
        )],
    }
}

/// `NOT_SECURED`: Postiz tests only `!process.env.NOT_SECURED` (`apps/backend/src/api/routes/
/// auth.controller.ts`, `apps/frontend/src/proxy.ts`), so any non-empty value, "false"
/// included, turns its cookies' Secure, HttpOnly and SameSite=None off and sends the auth
/// token in a header; an empty value is unset. Over http on a host other than localhost,
/// browsers drop Secure cookies: a login loop.
fn not_secured(vars: &HashMap<String, String>) -> Vec<Finding> {
    let value = vars.get("NOT_SECURED").filter(|v| !v.is_empty());
    let front = vars
        .get("FRONTEND_URL")
        .and_then(|f| Url::parse(f).ok())
        .filter(|u| u.has_host());
    let http_remote = front.as_ref().is_some_and(|u| {
        u.scheme() == "http"
            && !crate::http::is_loopback(u)
            && !u.host_str().is_some_and(|h| h.ends_with(".localhost"))
    });
    let https = front.as_ref().is_some_and(|u| u.scheme() == "https");
    let mut out = Vec::new();
    match value {
        Some(v) => {
            let falsy = matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "false" | "0" | "no" | "off"
            );
            if falsy {
                out.push(
                    Finding::new(AREA, "env.not_secured.falsy", Severity::Warning, format!("NOT_SECURED={v} still counts as set: Postiz's cookies are not Secure"))
                        .evidence("Postiz checks only that NOT_SECURED is non-empty (!process.env.NOT_SECURED): any value, \"false\" included, drops Secure, HttpOnly and SameSite=None from its cookies and sends the auth token in a response header")
                        .fix(if http_remote {
                            "keep it only because FRONTEND_URL is http; better: serve Postiz over https and delete the NOT_SECURED line"
                        } else {
                            "delete the NOT_SECURED line (or leave it empty) to keep secure cookies"
                        }),
                );
            } else if https {
                out.push(
                    Finding::new(AREA, "env.not_secured.https", Severity::Warning, "NOT_SECURED is set on an https deployment: Postiz's cookies are not Secure or HttpOnly")
                        .evidence(format!("NOT_SECURED={v}; any non-empty value turns secure cookies off"))
                        .fix("delete the NOT_SECURED line: over https the secure cookies work"),
                );
            } else {
                out.push(Finding::new(
                    AREA,
                    "env.not_secured.ok",
                    Severity::Ok,
                    "NOT_SECURED is set: Postiz's cookies work over http",
                ));
            }
        }
        None if http_remote => {
            let host = front
                .as_ref()
                .and_then(|u| u.host_str())
                .unwrap_or_default();
            out.push(
                Finding::new(AREA, "env.not_secured.missing", Severity::Problem, format!("FRONTEND_URL is http on {host} but NOT_SECURED is not set: a login loop"))
                    .evidence(format!(
                        "Postiz sets its auth cookie Secure unless NOT_SECURED is non-empty{}; browsers drop Secure cookies over http except on localhost, so the login never sticks",
                        if vars.contains_key("NOT_SECURED") { " (it is present but empty, which counts as unset)" } else { "" }
                    ))
                    .fix("serve Postiz over https (then FRONTEND_URL=https://...), or set NOT_SECURED=true and restart Postiz"),
            );
        }
        None => {}
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
    fn main_url_user_info_is_masked() {
        let f = lint(
            &vars(&[
                ("FRONTEND_URL", "https://postiz.example.com"),
                ("MAIN_URL", "https://admin:hunter2@other.example.com"),
            ]),
            &Catalog::embedded(),
            &[],
        );
        let mismatch = f.iter().find(|f| f.id == "env.main_url_mismatch").unwrap();
        let evidence = mismatch.evidence.as_deref().unwrap();
        assert!(
            evidence.contains("admin:***@other.example.com"),
            "{evidence}"
        );
        assert!(!evidence.contains("hunter2"), "{evidence}");
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
    fn providers_sharing_variables_get_one_finding_per_variable() {
        let catalog = Catalog::embedded();
        let v = vars(&[
            ("LINKEDIN_CLIENT_ID", "abc"),
            ("LINKEDIN_CLIENT_SECRET", ""),
        ]);
        let f = lint(&v, &catalog, &[]);
        let secret: Vec<&Finding> = f
            .iter()
            .filter(|f| f.title.contains("LINKEDIN_CLIENT_SECRET"))
            .collect();
        assert_eq!(secret.len(), 1, "{f:?}");
        assert_eq!(
            secret[0].title,
            "linkedin, linkedin-page: LINKEDIN_CLIENT_SECRET is empty"
        );
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
    fn redis_url_unset_is_named() {
        let c = Catalog::embedded();
        let base = [("FRONTEND_URL", "https://p.example.com")];
        let f = lint(&vars(&base), &c, &[]);
        let r = f.iter().find(|f| f.id == "env.redis_url.missing").unwrap();
        assert_eq!(r.severity, Severity::Warning);
        assert!(r.evidence.as_deref().unwrap().contains("Invalid state"));
        let mut v = vars(&base);
        v.insert("REDIS_URL".into(), "  ".into());
        assert!(ids(&lint(&v, &c, &[])).contains(&"env.redis_url.missing".to_string()));
        v.insert("REDIS_URL".into(), "postiz-redis:6379".into());
        assert!(ids(&lint(&v, &c, &[])).contains(&"env.redis_url.invalid".to_string()));
        v.insert("REDIS_URL".into(), "redis://:pw@postiz-redis:6379".into());
        let f = lint(&v, &c, &[]);
        let ok = f.iter().find(|f| f.id == "env.redis_url.ok").unwrap();
        assert!(!ok.title.contains("pw@"), "{}", ok.title);
    }

    #[test]
    fn not_secured_any_non_empty_value_counts_as_set() {
        let c = Catalog::embedded();
        let with = |pairs: &[(&str, &str)]| ids(&lint(&vars(pairs), &c, &[]));
        let http = ("FRONTEND_URL", "http://postiz.lan:4200");
        // http on a LAN host: unset or empty is a login loop.
        assert!(with(&[http]).contains(&"env.not_secured.missing".to_string()));
        assert!(with(&[http, ("NOT_SECURED", "")]).contains(&"env.not_secured.missing".to_string()));
        // "false" is set: no loop, but a warning that it is not what it says.
        let f = with(&[http, ("NOT_SECURED", "false")]);
        assert!(f.contains(&"env.not_secured.falsy".to_string()), "{f:?}");
        assert!(!f.contains(&"env.not_secured.missing".to_string()), "{f:?}");
        assert!(with(&[http, ("NOT_SECURED", "true")]).contains(&"env.not_secured.ok".to_string()));
        // localhost is a secure context: no finding without NOT_SECURED.
        assert!(!with(&[("FRONTEND_URL", "http://localhost:4200")])
            .iter()
            .any(|i| i.starts_with("env.not_secured")));
        // https with NOT_SECURED set (to anything) drops secure cookies.
        let https = ("FRONTEND_URL", "https://p.example.com");
        assert!(with(&[https, ("NOT_SECURED", "1")]).contains(&"env.not_secured.https".to_string()));
        assert!(with(&[https, ("NOT_SECURED", "0")]).contains(&"env.not_secured.falsy".to_string()));
        assert!(!with(&[https])
            .iter()
            .any(|i| i.starts_with("env.not_secured")));
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
