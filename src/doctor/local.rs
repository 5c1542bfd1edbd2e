//! This machine: can the listener bind, what `localhost` means, is there a browser, is
//! this an SSH session, WSL or a container, does the keychain work.

use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::path::Path;

use super::{Finding, Severity};
use crate::store::{Backend, Store};

const AREA: &str = "this machine";

pub fn loopback() -> Vec<Finding> {
    let mut out = Vec::new();
    for (addr, id) in [
        ("127.0.0.1:0", "loopback.ipv4"),
        ("[::1]:0", "loopback.ipv6"),
    ] {
        let parsed: SocketAddr = addr.parse().expect("static address");
        match TcpListener::bind(parsed) {
            Ok(_) => out.push(Finding::new(AREA, id, Severity::Ok, format!("the listener can bind {}", parsed.ip()))),
            Err(e) => out.push(
                Finding::new(AREA, id, if id.ends_with("ipv4") { Severity::Problem } else { Severity::Warning }, format!("cannot bind {}: {e}", parsed.ip()))
                    .fix(if id.ends_with("ipv4") {
                        "loopback networking is broken or forbidden here (a sandbox, a firewall); use --paste"
                    } else {
                        "use --redirect-uri http://127.0.0.1:<port>/callback rather than localhost"
                    }),
            ),
        }
    }
    let resolved: Vec<String> = ("localhost", 0)
        .to_socket_addrs()
        .map(|addrs| addrs.map(|a| a.ip().to_string()).collect())
        .unwrap_or_default();
    out.push(
        Finding::new(
            AREA,
            "loopback.localhost",
            if resolved.is_empty() {
                Severity::Warning
            } else {
                Severity::Ok
            },
            format!(
                "localhost resolves to {}",
                if resolved.is_empty() {
                    "nothing".to_string()
                } else {
                    resolved.join(", ")
                }
            ),
        )
        .fix("prefer http://127.0.0.1 redirect URIs (RFC 8252 §8.3)"),
    );
    out
}

pub fn environment() -> Vec<Finding> {
    let mut out = Vec::new();
    if std::env::var_os("SSH_CONNECTION").is_some() || std::env::var_os("SSH_TTY").is_some() {
        out.push(
            Finding::new(AREA, "env.ssh", Severity::Warning, "this is an SSH session")
                .evidence("a browser on your own machine cannot reach this machine's 127.0.0.1")
                .fix("connect with --paste (paste the URL the browser ends on), or forward the port: ssh -L <port>:127.0.0.1:<port> and use --port <port>"),
        );
    }
    let wsl = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .is_ok_and(|r| r.to_ascii_lowercase().contains("microsoft"));
    if wsl {
        out.push(
            Finding::new(AREA, "env.wsl", Severity::Warning, "this is WSL")
                .fix("set BROWSER=wslview (from wslu) so the Windows browser opens; WSL 2 forwards 127.0.0.1 to Windows"),
        );
    }
    if Path::new("/.dockerenv").exists() || Path::new("/run/.containerenv").exists() {
        out.push(
            Finding::new(
                AREA,
                "env.container",
                Severity::Warning,
                "this is a container",
            )
            .fix(
                "publish the callback port (-p <port>:<port>, with --port) or connect with --paste",
            ),
        );
    }
    let browser = std::env::var("BROWSER").ok().filter(|b| !b.is_empty());
    let opener = ["xdg-open", "open", "wslview", "sensible-browser"]
        .iter()
        .find(|cmd| in_path(cmd));
    match (browser, opener) {
        (Some(b), _) => out.push(Finding::new(
            AREA,
            "browser.env",
            Severity::Ok,
            format!("the browser is $BROWSER ({b})"),
        )),
        (None, _) if crate::browser::no_display().is_some() => out.push(
            Finding::new(
                AREA,
                "browser.no_display",
                Severity::Warning,
                format!(
                    "no browser can be opened: {}",
                    crate::browser::no_display().unwrap_or_default()
                ),
            )
            .fix("connect with --paste and open the printed URL in a browser elsewhere; the built-in sandbox needs none: postiz-connect twitter --sandbox --auto-approve --insecure-storage"),
        ),
        (None, Some(cmd)) => out.push(Finding::new(
            AREA,
            "browser.opener",
            Severity::Ok,
            format!("browsers open through {cmd}"),
        )),
        (None, None) if cfg!(target_os = "linux") => out.push(
            Finding::new(
                AREA,
                "browser.none",
                Severity::Warning,
                "no way to open a browser was found (no $BROWSER, no xdg-open)",
            )
            .fix("connect with --no-browser and open the printed URL yourself, or --paste"),
        ),
        (None, None) => {}
    }
    out
}

fn in_path(cmd: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(cmd).is_file()))
}

/// The keychain works, or why not. When the user chose the file store
/// (`--insecure-storage`, remembered), a missing keychain is information, not a problem.
/// `verbose`: add the keychain library's own words to the evidence.
pub fn keychain(store: &Store, verbose: bool) -> Vec<Finding> {
    let area = "keychain";
    let e = match store.preflight(Backend::Keychain) {
        Ok(()) => {
            return vec![Finding::new(
                area,
                "keychain.ok",
                Severity::Ok,
                "the OS keychain stores, returns and deletes a test secret",
            )]
        }
        Err(e) => e,
    };
    let detail = e.detail().filter(|_| verbose).map(str::to_string);
    let finding = if store.file_store_chosen() {
        Finding::new(
            area,
            "keychain.unavailable",
            Severity::Info,
            "no OS keychain here; none is needed: tokens go to the file store you chose (--insecure-storage)",
        )
        .fix("to keep tokens in a keychain instead: start one, then connect with --keychain")
    } else {
        let finding = Finding::new(
            area,
            "keychain.unavailable",
            Severity::Problem,
            e.to_string(),
        );
        match e.fix() {
            Some(fix) => finding.fix(fix),
            None => finding,
        }
    };
    vec![match detail {
        Some(detail) => finding.evidence(detail),
        None => finding,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_ipv4_binds_here() {
        let f = loopback();
        assert!(
            f.iter()
                .any(|f| f.id == "loopback.ipv4" && f.severity == Severity::Ok),
            "{f:?}"
        );
    }
}
