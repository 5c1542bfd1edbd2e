//! Where Postiz's Temporal is (`TEMPORAL_ADDRESS` and its companions, as
//! `libraries/nestjs-libraries/src/temporal/temporal.module.ts` reads them), how to reach
//! it from here, and the names Postiz gives its queues and workflows.

use serde_json::Value;

use crate::providers::{credentials, EnvFile};

/// The task queue of every Postiz workflow (and of its orchestrator's own activities).
pub const MAIN_QUEUE: &str = "main";
/// Postiz's token refresh workflow type and its id's prefix.
pub const REFRESH_WORKFLOW_TYPE: &str = "refreshTokenWorkflow";
/// Where Postiz connects when TEMPORAL_ADDRESS is unset.
pub const DEFAULT_ADDRESS: &str = "localhost:7233";
/// What `--temporal-address` takes to leave Temporal alone (a Postiz before v2.12 has none).
pub const NO_TEMPORAL: &str = "none";

/// The refresh workflow's id for a channel row.
pub fn refresh_workflow_id(row_id: &str) -> String {
    format!("refresh_{row_id}")
}

/// The argument Postiz gives `refreshTokenWorkflow`: `{integrationId, organizationId}`, in
/// that order (`JSON.stringify` of the object literal in `startRefreshWorkflow`).
pub fn refresh_argument(row_id: &str, organization_id: &str) -> Value {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Argument<'a> {
        integration_id: &'a str,
        organization_id: &'a str,
    }
    serde_json::to_value(Argument {
        integration_id: row_id,
        organization_id,
    })
    .expect("serializes")
}

/// The task queue of a provider's activities: its identifier up to the first `-`
/// (`instagram-standalone` → `instagram`, `linkedin-page` → `linkedin`).
pub fn provider_queue(provider: &str) -> String {
    provider
        .split('-')
        .next()
        .unwrap_or(provider)
        .to_lowercase()
}

/// Where the deployment's Temporal is, and how to talk to it. (No `Debug`: it holds the
/// API key.)
#[derive(Clone)]
pub struct Located {
    /// host:port.
    pub address: String,
    /// "--temporal-address", "TEMPORAL_ADDRESS in /srv/postiz/.env", "Postiz's default
    /// (TEMPORAL_ADDRESS is not set)".
    pub from: String,
    pub namespace: String,
    pub tls: bool,
    pub api_key: Option<String>,
    /// `EXCLUDE_QUEUE`: provider queues this deployment's workers leave to another server.
    pub excluded_queues: Vec<String>,
}

impl Located {
    /// "127.0.0.1:7233 (namespace default, from --temporal-address)".
    pub fn shown(&self) -> String {
        format!(
            "{}{} (namespace {}, {})",
            self.address,
            if self.tls { " over TLS" } else { "" },
            self.namespace,
            self.from
        )
    }

    /// The host part of the address.
    pub fn host(&self) -> &str {
        self.address
            .rsplit_once(':')
            .map(|(h, _)| h)
            .unwrap_or(&self.address)
    }
}

/// Where Temporal is: `--temporal-address`, else `TEMPORAL_ADDRESS` from the `.env`, else
/// from the environment, else Postiz's default. `None` when that is `none`
/// (`--temporal-address none`, or `TEMPORAL_ADDRESS=none`: a Postiz before v2.12 has no
/// Temporal, or the user leaves it alone).
pub fn locate(
    flag: Option<&str>,
    env_file: Option<&EnvFile>,
    process_env: &dyn Fn(&str) -> Option<String>,
) -> Option<Located> {
    let setting = |name: &str| {
        credentials::lookup(&[name.to_string()], env_file, process_env)
            .map(|(v, from)| (v.trim().to_string(), from))
            .filter(|(v, _)| !v.is_empty())
    };
    let (address, from) = match flag.map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => (f.to_string(), "--temporal-address".to_string()),
        None => setting("TEMPORAL_ADDRESS").unwrap_or_else(|| {
            (
                DEFAULT_ADDRESS.to_string(),
                "Postiz's default: TEMPORAL_ADDRESS is not set".to_string(),
            )
        }),
    };
    if address.eq_ignore_ascii_case(NO_TEMPORAL) {
        return None;
    }
    let address = without_user_info(&address);
    Some(Located {
        address: with_port(&address),
        from,
        namespace: setting("TEMPORAL_NAMESPACE")
            .map(|(v, _)| v)
            .unwrap_or_else(|| "default".into()),
        // Postiz compares the text: only "true" turns TLS on.
        tls: setting("TEMPORAL_TLS").is_some_and(|(v, _)| v == "true"),
        api_key: setting("TEMPORAL_API_KEY").map(|(v, _)| v),
        excluded_queues: setting("EXCLUDE_QUEUE")
            .map(|(v, _)| {
                v.split(',')
                    .map(|q| q.trim().to_string())
                    .filter(|q| !q.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Temporal's clients add the default port 7233 to an address without one.
/// Temporal's address is HOST:PORT, with no place for credentials (Postiz hands it to
/// the client as is): a `user:password@` pasted into it is dropped here, so that it is
/// never shown in the report, its JSON or an error.
fn without_user_info(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((before, host)) => match before.split_once("://") {
            Some((scheme, _)) => format!("{scheme}://{host}"),
            None => host.to_string(),
        },
        None => address.to_string(),
    }
}

fn with_port(address: &str) -> String {
    let bare_ipv6 = address.matches(':').count() > 1 && !address.starts_with('[');
    if address.contains("://") || bare_ipv6 {
        return address.to_string();
    }
    match address.rsplit_once(':') {
        Some((_, port)) if port.parse::<u16>().is_ok() => address.to_string(),
        _ => format!("{address}:7233"),
    }
}

/// Whether a host is a name only a compose network resolves (`temporal`, `postiz-temporal`):
/// no dot, not localhost, not an address.
fn compose_host(host: &str) -> bool {
    !host.contains('.') && !host.contains(':') && host != "localhost" && !host.is_empty()
}

/// How to reach Postiz's Temporal from here.
pub fn reach_advice(located: &Located) -> String {
    let host = located.host();
    let published = "Postiz's docker-compose publishes Temporal on the host's port 7233: pass \
                     --temporal-address 127.0.0.1:7233 (or run this tool on the compose \
                     network, docker run --rm --network <project>_temporal-network ...)";
    if compose_host(host) {
        format!(
            "{host} is a name only the compose network resolves (the compose file gives Postiz \
             TEMPORAL_ADDRESS={}); {published}",
            located.address
        )
    } else {
        format!(
            "check that Temporal runs and listens on {} (temporal operator cluster health \
             --address {}), and that --temporal-address (or TEMPORAL_ADDRESS) is right{}; \
             {published}; for a deployment without Temporal (Postiz before v2.12) pass \
             --temporal-address none",
            located.address,
            located.address,
            if located.tls {
                " (TEMPORAL_TLS=true: a server without TLS answers the handshake with a \
                 \"corrupt message\"; unset TEMPORAL_TLS for one)"
            } else {
                " (a server that requires TLS, Temporal Cloud's, needs TEMPORAL_TLS=true)"
            }
        )
    }
}

/// The command that starts a channel's refresh workflow by hand, in Postiz's
/// `temporal-admin-tools` container (which reaches `temporal:7233` itself).
pub fn manual_start_command(located: Option<&Located>, row_id: &str, org_id: &str) -> String {
    let namespace = located.map(|l| l.namespace.as_str()).unwrap_or("default");
    format!(
        "docker exec temporal-admin-tools temporal workflow start --namespace {} --type {} \
         --task-queue {} --workflow-id {} --id-conflict-policy TerminateExisting --input {}",
        crate::text::shell_word(namespace),
        REFRESH_WORKFLOW_TYPE,
        MAIN_QUEUE,
        crate::text::shell_word(&refresh_workflow_id(row_id)),
        crate::text::shell_word(&refresh_argument(row_id, org_id).to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_flag_wins_over_the_env_file_which_wins_over_the_environment_and_none_turns_it_off() {
        let file = EnvFile {
            path: "/srv/postiz/.env".into(),
            vars: HashMap::from([
                ("TEMPORAL_ADDRESS".to_string(), "temporal:7233".to_string()),
                ("TEMPORAL_TLS".to_string(), "TRUE".to_string()),
                ("EXCLUDE_QUEUE".to_string(), " reddit, x ,".to_string()),
            ]),
        };
        let env = |name: &str| match name {
            "TEMPORAL_ADDRESS" => Some("env-host:1234".to_string()),
            "TEMPORAL_NAMESPACE" => Some("postiz".to_string()),
            "TEMPORAL_API_KEY" => Some("key".to_string()),
            _ => None,
        };
        let l = locate(None, Some(&file), &env).unwrap();
        assert_eq!(l.address, "temporal:7233");
        assert_eq!(l.from, "TEMPORAL_ADDRESS in /srv/postiz/.env");
        assert_eq!(l.namespace, "postiz");
        // Postiz turns TLS on for the text "true" only.
        assert!(!l.tls);
        assert_eq!(l.api_key.as_deref(), Some("key"));
        assert_eq!(l.excluded_queues, ["reddit", "x"]);
        let l = locate(Some("127.0.0.1"), Some(&file), &env).unwrap();
        assert_eq!(l.address, "127.0.0.1:7233");
        assert_eq!(l.from, "--temporal-address");
        let l = locate(None, None, &env).unwrap();
        assert_eq!(l.address, "env-host:1234");
        let l = locate(None, None, &|_| None).unwrap();
        assert_eq!(l.address, DEFAULT_ADDRESS);
        assert!(l.from.contains("not set"), "{}", l.from);
        assert!(locate(Some("none"), Some(&file), &env).is_none());
        assert!(locate(None, None, &|_| Some("none".into())).is_none());
    }

    #[test]
    fn credentials_pasted_into_the_address_are_never_shown() {
        for pasted in [
            "https://admin:hunter2@t.example:7233",
            "admin:hunter2@t.example:7233",
        ] {
            let l = locate(Some(pasted), None, &|_| None).unwrap();
            assert!(!l.address.contains("hunter2"), "{}", l.address);
            assert!(!l.shown().contains("hunter2"), "{}", l.shown());
            assert!(l.address.ends_with("t.example:7233"), "{}", l.address);
        }
    }

    #[test]
    fn a_compose_host_is_told_to_use_the_published_port() {
        let l = locate(Some("temporal:7233"), None, &|_| None).unwrap();
        let advice = reach_advice(&l);
        assert!(
            advice.contains("only the compose network resolves"),
            "{advice}"
        );
        assert!(
            advice.contains("--temporal-address 127.0.0.1:7233"),
            "{advice}"
        );
        let l = locate(Some("10.0.0.5:7233"), None, &|_| None).unwrap();
        assert!(reach_advice(&l).starts_with("check that Temporal runs"));
        assert!(reach_advice(&l).contains("needs TEMPORAL_TLS=true"));
        let tls = |name: &str| (name == "TEMPORAL_TLS").then(|| "true".to_string());
        let l = locate(Some("10.0.0.5:7233"), None, &tls).unwrap();
        assert!(l.tls);
        assert!(reach_advice(&l).contains("unset TEMPORAL_TLS"));
    }

    #[test]
    fn the_argument_and_the_manual_command_are_postizs() {
        assert_eq!(
            refresh_argument("r1", "o1").to_string(),
            r#"{"integrationId":"r1","organizationId":"o1"}"#
        );
        let cmd = manual_start_command(None, "r1", "o1");
        assert_eq!(
            cmd,
            "docker exec temporal-admin-tools temporal workflow start --namespace default \
             --type refreshTokenWorkflow --task-queue main --workflow-id refresh_r1 \
             --id-conflict-policy TerminateExisting \
             --input '{\"integrationId\":\"r1\",\"organizationId\":\"o1\"}'"
        );
    }

    #[test]
    fn provider_queues_are_the_identifier_up_to_its_first_dash() {
        assert_eq!(provider_queue("instagram-standalone"), "instagram");
        assert_eq!(provider_queue("linkedin-page"), "linkedin");
        assert_eq!(provider_queue("x"), "x");
    }
}
