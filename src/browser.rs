//! Opening the user's browser: `$BROWSER` first (a `:`-separated list of commands, `%s`
//! standing for the URL, as xdg-utils and Python's webbrowser read it; this is how WSL
//! users set `wslview`), then the platform's opener through the `open` crate.
//!
//! And, for the built-in sandbox with `--auto-approve` only, following the authorization
//! URL without a browser ([`follow_loopback`]): nobody has anything to click there.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a launcher is watched for an immediate failure before it counts as handed
/// off: xdg-open without a display fails within milliseconds (exit 3), a browser that
/// opens keeps running. The `open` crate watches its launchers for 250 ms the same way.
const FAILURE_WINDOW: Duration = Duration::from_millis(400);

/// Why no browser was opened: `summary` in words a user reads, `detail` the launcher's
/// own output (for `-v`), with the URL left out so it is printed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFailure {
    pub summary: String,
    pub detail: String,
}

/// Open `url`; Err says why not, so the caller can print the URL instead.
pub fn open(url: &str) -> Result<(), OpenFailure> {
    if let Some(list) = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
    {
        let mut failures = Vec::new();
        for entry in list.split(':').map(str::trim).filter(|e| !e.is_empty()) {
            match spawn_browser(entry, url) {
                Ok(()) => return Ok(()),
                Err(e) => failures.push(format!("{entry} {e}")),
            }
        }
        return Err(OpenFailure {
            summary: format!("$BROWSER failed: {}", failures.join("; ")),
            detail: format!("BROWSER={list}"),
        });
    }
    if let Some(why) = no_display() {
        return Err(OpenFailure {
            summary: why.into(),
            detail: "DISPLAY and WAYLAND_DISPLAY are unset and this is not WSL; the system's opener (xdg-open) was not tried".into(),
        });
    }
    open::that_detached(url).map_err(|e| OpenFailure {
        summary: "the system's browser opener (xdg-open, open or start) failed".into(),
        detail: e.to_string().replace(url, "<the URL>"),
    })
}

/// On Linux and the BSDs a graphical browser needs X11 or Wayland; without either (a
/// server, a container, an SSH session) xdg-open can only fail, or start a text browser
/// that would fight the tool for the terminal. WSL opens Windows' browser without them.
pub fn no_display() -> Option<&'static str> {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return None;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let wsl = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .is_ok_and(|r| r.to_ascii_lowercase().contains("microsoft"));
    (!set("DISPLAY") && !set("WAYLAND_DISPLAY") && !wsl)
        .then_some("this machine has no display (DISPLAY and WAYLAND_DISPLAY are unset)")
}

/// Run one `$BROWSER` entry through the shell, the URL passed as an argument (never
/// interpolated into the command line). Err in words ("exited with status 3") when it
/// fails within [`FAILURE_WINDOW`]; still running then means it opened.
fn spawn_browser(entry: &str, url: &str) -> Result<(), String> {
    let script = if entry.contains("%s") {
        entry.replace("%s", "\"$1\"")
    } else {
        format!("{entry} \"$1\"")
    };
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("postiz-connect-browser")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not be started ({e})"))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            // `sh -c` reports a missing command as 127 (POSIX 2.8.2).
            Ok(Some(status)) if status.code() == Some(127) => return Err("was not found".into()),
            Ok(Some(status)) => {
                return Err(match status.code() {
                    Some(code) => format!("exited with status {code}"),
                    None => "was killed by a signal".into(),
                })
            }
            Ok(None) if started.elapsed() >= FAILURE_WINDOW => break,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break,
        }
    }
    // Still running: a browser in the foreground. Reap it in the background so no
    // zombie is left.
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

/// Whether `url` is the listener's kind of address: 127.0.0.1, [::1] or localhost, over
/// http.
pub fn is_loopback(url: &url::Url) -> bool {
    url.scheme() == "http" && crate::http::is_loopback(url)
}

/// Where following an authorization URL ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    /// The last URL requested (secrets in it are not masked: redact before showing).
    pub url: String,
    pub status: u16,
}

/// Do what a browser does with an authorization URL of the built-in sandbox when nobody
/// needs to click (`--auto-approve`): GET it and follow its redirects, back to this
/// tool's own loopback callback. Every hop must stay on this machine (loopback only):
/// this never sends a request anywhere else. Returns once the callback's page arrives,
/// which is after the tool finished the login.
pub fn follow_loopback(url: &str, timeout: Duration) -> Result<Followed, String> {
    let start = url::Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
    if !is_loopback(&start) {
        return Err(format!(
            "{} is not on this machine; only a loopback URL is followed",
            crate::http::origin_of(url)
        ));
    }
    let policy = reqwest::redirect::Policy::custom(|attempt| {
        if attempt.previous().len() >= 10 {
            attempt.error("more than 10 redirects")
        } else if is_loopback(attempt.url()) {
            attempt.follow()
        } else {
            attempt.stop()
        }
    });
    let client = reqwest::blocking::Client::builder()
        .redirect(policy)
        .timeout(timeout)
        .no_proxy()
        .build()
        .map_err(|e| e.to_string())?;
    let response = client.get(start).send().map_err(|e| {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            text = format!("{text}: {s}");
            source = s.source();
        }
        text
    })?;
    Ok(Followed {
        url: response.url().to_string(),
        status: response.status().as_u16(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_urls_count_as_this_machine() {
        let yes = |u: &str| is_loopback(&url::Url::parse(u).unwrap());
        assert!(yes("http://127.0.0.1:5/callback"));
        assert!(!yes("http://127.1.2.3/x"), "the listener is never there");
        assert!(yes("http://[::1]:8/x"));
        assert!(yes("http://LOCALHOST:8/x"));
        assert!(!yes("https://127.0.0.1/x"), "the listener speaks http");
        assert!(!yes("http://example.com/callback"));
        assert!(!yes("http://127.0.0.1.nip.io/x"));
        assert!(!yes("http://10.0.0.1/x"));
    }

    #[test]
    fn a_url_elsewhere_is_never_followed() {
        let err = follow_loopback(
            "https://x.com/i/oauth2/authorize?a=b",
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(err.contains("https://x.com"), "{err}");
    }
}
