//! Ctrl-C: the handler only sets a flag; waits poll it and end cleanly.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Install the handler once, at start-up.
pub fn install() {
    // Failing to install (already installed) leaves the default: the process dies on
    // Ctrl-C, which is still an exit, just a less tidy one.
    let _ = ctrlc::set_handler(|| REQUESTED.store(true, Ordering::SeqCst));
}

pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
