//! The one writer pair every byte of the tool goes through: the process's stdout and
//! stderr, or two buffers a test reads back ([`Output::capture`]). `ui` writes its
//! lines here, and `http` its `-v` transcript, so a test that captures a run sees all
//! of it, in order, and nothing reaches the terminal by another way.

use std::io::Write;
use std::sync::Mutex;

/// Where output goes: a small `Copy` handle, so a `Ui` or a `Network` holding it stays
/// `Copy` too.
#[derive(Debug, Clone, Copy, Default)]
pub enum Output {
    /// The process's stdout and stderr.
    #[default]
    Process,
    /// Two in-memory buffers (see [`Output::capture`]).
    Captured(&'static Buffers),
}

/// What a captured [`Output`] holds.
#[derive(Debug, Default)]
pub struct Buffers {
    out: Mutex<Vec<u8>>,
    err: Mutex<Vec<u8>>,
}

/// A handle on what a captured [`Output`] was given.
#[derive(Debug, Clone, Copy)]
pub struct Captured(&'static Buffers);

impl Captured {
    /// Everything written to stdout so far.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.out.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }

    /// Everything written to stderr so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.err.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl PartialEq for Output {
    fn eq(&self, other: &Output) -> bool {
        match (self, other) {
            (Output::Process, Output::Process) => true,
            (Output::Captured(a), Output::Captured(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }
}

impl Eq for Output {}

impl Output {
    /// An output into two buffers, and the handle that reads them. The buffers live as
    /// long as the process (that is what keeps the handle `Copy`): for tests and other
    /// short runs, never one per request of a long-lived loop.
    pub fn capture() -> (Output, Captured) {
        let buffers: &'static Buffers = Box::leak(Box::default());
        (Output::Captured(buffers), Captured(buffers))
    }

    /// Whether this writes to the process's streams (a terminal can be behind them).
    pub fn is_process(&self) -> bool {
        matches!(self, Output::Process)
    }

    /// `text` and a newline on stdout. A closed pipe (`| head`) is no error worth a panic.
    pub fn out_line(&self, text: &str) {
        match self {
            Output::Process => {
                let _ = writeln!(std::io::stdout().lock(), "{text}");
            }
            Output::Captured(b) => push(&b.out, text, true),
        }
    }

    /// A writer on stdout, for a renderer that streams a long document (buffered; flush
    /// it, or drop it, before writing lines another way).
    pub fn stdout_writer(&self) -> Box<dyn Write> {
        match self {
            Output::Process => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            Output::Captured(b) => Box::new(Into(&b.out)),
        }
    }

    /// `text` and a newline on stderr.
    pub fn err_line(&self, text: &str) {
        self.err(text, true);
    }

    /// `text` on stderr, without a newline (a prompt).
    pub fn err_str(&self, text: &str) {
        self.err(text, false);
    }

    fn err(&self, text: &str, newline: bool) {
        match self {
            Output::Process => {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(text.as_bytes());
                if newline {
                    let _ = err.write_all(b"\n");
                }
                let _ = err.flush();
            }
            Output::Captured(b) => push(&b.err, text, newline),
        }
    }
}

/// A writer into a captured buffer.
struct Into(&'static Mutex<Vec<u8>>);

impl Write for Into {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut buffer = self.0.lock().unwrap_or_else(|e| e.into_inner());
        buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn push(buffer: &Mutex<Vec<u8>>, text: &str, newline: bool) {
    let mut buffer = buffer.lock().unwrap_or_else(|e| e.into_inner());
    buffer.extend_from_slice(text.as_bytes());
    if newline {
        buffer.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capture_keeps_each_stream_apart_and_in_order() {
        let (out, captured) = Output::capture();
        out.out_line("one");
        out.err_str("Number: ");
        out.err_line("two");
        out.out_line("three");
        let mut stream = out.stdout_writer();
        stream.write_all(b"four\n").unwrap();
        drop(stream);
        assert_eq!(captured.stdout(), "one\nthree\nfour\n");
        assert_eq!(captured.stderr(), "Number: two\n");
        let (other, _) = Output::capture();
        assert_ne!(out, other);
        assert_eq!(out, out);
        assert!(!out.is_process() && Output::default().is_process());
    }
}
