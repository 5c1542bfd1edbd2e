//! Opening the user's browser: `$BROWSER` first (a `:`-separated list of commands, `%s`
//! standing for the URL, as xdg-utils and Python's webbrowser read it; this is how WSL
//! users set `wslview`), then the platform's opener through the `open` crate.

use std::process::{Command, Stdio};

/// Open `url`; Err says why not, so the caller can print the URL instead.
pub fn open(url: &str) -> Result<(), String> {
    if let Some(list) = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
    {
        let mut failures = Vec::new();
        for entry in list.split(':').map(str::trim).filter(|e| !e.is_empty()) {
            match spawn_browser(entry, url) {
                Ok(()) => return Ok(()),
                Err(e) => failures.push(format!("{entry}: {e}")),
            }
        }
        return Err(format!("$BROWSER failed ({})", failures.join("; ")));
    }
    open::that_detached(url).map_err(|e| e.to_string())
}

/// Run one `$BROWSER` entry through the shell, the URL passed as an argument (never
/// interpolated into the command line).
fn spawn_browser(entry: &str, url: &str) -> std::io::Result<()> {
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
        .spawn()?;
    // Launchers return at once; reap it in the background so no zombie is left.
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
