//! A bounded front for the loopback listener.
//!
//! tiny_http 0.12 reads a request head into a buffer that grows without limit, with no
//! read timeout (`read_next_line` in its client.rs): one connection can fill memory with
//! an endless header line, or hold a thread forever by sending it slowly. So connections
//! are accepted here instead: each head is read within [`HEAD_LIMIT`] bytes and
//! [`HEAD_TIME`], and only a complete head is handed to tiny_http, over a socket no other
//! program can reach; its answer is copied back. One request per connection.

use std::collections::HashSet;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// The most read of a request head (request line and headers). A callback's URL is a few
/// KB; the rest is the browser's headers, cookies for 127.0.0.1 included. Common servers
/// stop at 8 to 16 KB (RFC 9110 §15.5.20 names no number; 431 is RFC 6585 §5).
pub const HEAD_LIMIT: usize = 32 * 1024;

/// How long a connection may take to send its head. A browser sends it at once.
pub const HEAD_TIME: Duration = Duration::from_secs(5);

/// Connections handled at once. Each costs a small thread and at most [`HEAD_LIMIT`]
/// bytes; far above what a browser opens to one host, so a flood of idle connections
/// (each cut after [`HEAD_TIME`]) leaves room for the real callback.
const MAX_OPEN: usize = 512;

/// How long writing an answer back may take (a client that never reads).
const WRITE_TIME: Duration = Duration::from_secs(10);

/// tiny_http on its private socket, and the way to reach it. The server is declared
/// first, so it is dropped (and its socket closed) before the directory goes.
pub struct Hub {
    pub server: tiny_http::Server,
    pub deliveries: Arc<Deliveries>,
    inner: private::Inner,
}

impl Hub {
    pub fn start() -> io::Result<Hub> {
        let (server, inner) = private::start()?;
        Ok(Hub {
            server,
            deliveries: Arc::default(),
            inner,
        })
    }
}

/// Answers on their way from tiny_http to a client. tiny_http writes an answer to the
/// private socket and a thread of the front copies it on: before the process exits, the
/// browser's last page must have gone out. Each forwarded request carries its number in
/// [`DELIVERY_HEADER`], so one answer can be waited for.
#[derive(Default)]
pub struct Deliveries {
    in_flight: Mutex<HashSet<u64>>,
    done: Condvar,
    next: AtomicU64,
}

/// Added by the front as the request's first header; a client's own copy comes later
/// and is never the one read.
const DELIVERY_HEADER: &str = "X-Postiz-Connect-Delivery";

impl Deliveries {
    pub(super) fn begin(self: &Arc<Self>) -> Delivery {
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        self.in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id);
        Delivery {
            id,
            deliveries: Arc::clone(self),
        }
    }

    /// The delivery a request came through.
    pub fn of(request: &tiny_http::Request) -> Option<u64> {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(DELIVERY_HEADER))
            .and_then(|h| h.value.as_str().parse().ok())
    }

    /// Wait until the answer of delivery `id` has been passed on, or `limit` has passed.
    pub fn settle(&self, id: u64, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        while in_flight.contains(&id) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            in_flight = self
                .done
                .wait_timeout(in_flight, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// One answer in flight; passed on (or given up) when dropped.
pub(super) struct Delivery {
    id: u64,
    deliveries: Arc<Deliveries>,
}

impl Delivery {
    /// The header that names this delivery, as the front adds it.
    #[cfg(test)]
    pub(super) fn header(&self) -> tiny_http::Header {
        tiny_http::Header::from_bytes(DELIVERY_HEADER, self.id.to_string()).expect("ASCII")
    }
}

impl Drop for Delivery {
    fn drop(&mut self) {
        self.deliveries
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.id);
        self.deliveries.done.notify_all();
    }
}

#[cfg(unix)]
mod private {
    use std::io;
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::PathBuf;

    pub type Stream = UnixStream;

    pub struct Inner {
        path: PathBuf,
        _dir: tempfile::TempDir,
    }

    pub fn start() -> io::Result<(tiny_http::Server, Inner)> {
        use std::os::unix::fs::PermissionsExt;
        // A new directory of mode 0700: no other user reaches the socket in it.
        let dir = tempfile::Builder::new()
            .prefix("postiz-connect-")
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir()?;
        let path = dir.path().join("listener");
        let listener = UnixListener::bind(&path)?;
        let server = tiny_http::Server::from_listener(listener, None).map_err(io::Error::other)?;
        Ok((server, Inner { path, _dir: dir }))
    }

    impl Inner {
        pub fn connect(&self) -> io::Result<Stream> {
            UnixStream::connect(&self.path)
        }

        #[cfg(test)]
        pub fn path(&self) -> &std::path::Path {
            &self.path
        }
    }
}

#[cfg(not(unix))]
mod private {
    use std::io;
    use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};

    pub type Stream = TcpStream;

    /// Without Unix sockets in std, a loopback port of its own: a local program could
    /// reach it past the front, a web page only by finding it.
    pub struct Inner {
        addr: SocketAddr,
    }

    pub fn start() -> io::Result<(tiny_http::Server, Inner)> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let server = tiny_http::Server::from_listener(listener, None).map_err(io::Error::other)?;
        Ok((server, Inner { addr }))
    }

    impl Inner {
        pub fn connect(&self) -> io::Result<Stream> {
            TcpStream::connect(self.addr)
        }
    }
}

/// Accepts on a public loopback address until dropped.
pub struct Front {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

impl Front {
    pub fn start(public: TcpListener, hub: Arc<Hub>) -> io::Result<Front> {
        let addr = public.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        thread::Builder::new()
            .name("listener-front".into())
            .spawn(move || accept_loop(public, hub, flag))?;
        Ok(Front { addr, stop })
    }
}

impl Drop for Front {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocked accept, which then sees the flag and ends (closing the port).
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(500));
    }
}

/// Frees a connection's place when its thread ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn accept_loop(public: TcpListener, hub: Arc<Hub>, stop: Arc<AtomicBool>) {
    let open = Arc::new(AtomicUsize::new(0));
    loop {
        let accepted = public.accept();
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match accepted {
            Ok((stream, _)) => {
                if open.fetch_add(1, Ordering::SeqCst) >= MAX_OPEN {
                    open.fetch_sub(1, Ordering::SeqCst);
                    continue; // dropped: closed at once
                }
                let slot = Slot(Arc::clone(&open));
                let hub = Arc::clone(&hub);
                // If no thread can be started the closure, stream and slot included, is
                // dropped: that connection closes and the rest go on.
                let _ = thread::Builder::new()
                    .name("listener-connection".into())
                    .stack_size(128 * 1024)
                    .spawn(move || {
                        let _slot = slot;
                        serve(stream, &hub);
                    });
            }
            // Out of descriptors, or a connection reset before it was accepted: pause
            // instead of spinning, then go on.
            Err(_) => thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// Why no complete head was read.
#[derive(Debug, PartialEq, Eq)]
pub enum HeadError {
    TooLarge,
    TimedOut,
    Closed,
}

/// Read up to the end of the head (its blank line), taking at most `limit` bytes from
/// the stream and giving up at `deadline` however slowly the bytes come. What follows the
/// blank line is dropped: the callback is a GET, and one request is served per connection.
pub fn read_head(
    stream: &mut TcpStream,
    limit: usize,
    deadline: Instant,
) -> Result<Vec<u8>, HeadError> {
    let mut head = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::TimedOut);
        }
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| HeadError::Closed)?;
        let room = (limit - head.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => {
                // The blank line may straddle two reads.
                let from = head.len().saturating_sub(3);
                head.extend_from_slice(&chunk[..n]);
                if let Some(end) = head[from..].windows(4).position(|w| w == b"\r\n\r\n") {
                    head.truncate(from + end + 4);
                    return Ok(head);
                }
                if head.len() >= limit {
                    return Err(HeadError::TooLarge);
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(HeadError::TimedOut)
            }
            Err(_) => return Err(HeadError::Closed),
        }
    }
}

fn serve(mut client: TcpStream, hub: &Hub) {
    let head = match read_head(&mut client, HEAD_LIMIT, Instant::now() + HEAD_TIME) {
        Ok(head) => head,
        Err(HeadError::TooLarge) => {
            let why = format!(
                "The request head is larger than {} KiB; postiz-connect did not read it.",
                HEAD_LIMIT / 1024
            );
            return refuse(client, "431 Request Header Fields Too Large", &why);
        }
        Err(HeadError::TimedOut) => {
            let why = format!(
                "The request head did not arrive within {} s.",
                HEAD_TIME.as_secs()
            );
            return refuse(client, "408 Request Timeout", &why);
        }
        Err(HeadError::Closed) => return,
    };
    client.set_write_timeout(Some(WRITE_TIME)).ok();
    // Counted from before tiny_http sees the request, so that no answer to it is missed.
    let delivery = hub.deliveries.begin();
    let head = with_delivery_header(&head, delivery.id);
    let Ok(mut upstream) = hub.inner.connect() else {
        return refuse(
            client,
            "503 Service Unavailable",
            "postiz-connect is shutting down.",
        );
    };
    if upstream.write_all(&head).is_err() {
        return;
    }
    // The end of the request: tiny_http answers it, finds no next one, and closes.
    let _ = upstream.shutdown(Shutdown::Write);
    // The answer to a callback is held until the login's outcome is known: no time limit
    // on reading it, only on writing it to a client that does not read.
    let _ = io::copy(&mut upstream, &mut client);
    let _ = client.shutdown(Shutdown::Both);
}

/// `head` with the delivery's number as its first header (after the request line).
fn with_delivery_header(head: &[u8], id: u64) -> Vec<u8> {
    let line_end = head
        .windows(2)
        .position(|w| w == b"\r\n")
        .map_or(head.len(), |i| i + 2);
    let mut out = Vec::with_capacity(head.len() + 48);
    out.extend_from_slice(&head[..line_end]);
    out.extend_from_slice(format!("{DELIVERY_HEADER}: {id}\r\n").as_bytes());
    out.extend_from_slice(&head[line_end..]);
    out
}

/// A plain-text error answer, then a close that lets the client read it.
fn refuse(mut client: TcpStream, status: &str, why: &str) {
    client.set_write_timeout(Some(WRITE_TIME)).ok();
    let answer = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\nCache-Control: no-store\r\n\r\n{why}",
        why.len()
    );
    if client.write_all(answer.as_bytes()).is_err() {
        return;
    }
    let _ = client.shutdown(Shutdown::Write);
    // Closing with unread input makes the kernel reset the connection, and the client
    // may lose the answer: read (and drop) what is still coming, briefly and boundedly.
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut drained = 0usize;
    let mut sink = [0u8; 8192];
    while drained < 1024 * 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || client.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match client.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connected pair of loopback streams: (what the test writes to, what is read).
    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        (client, server)
    }

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(5)
    }

    #[test]
    fn a_head_split_anywhere_is_read_up_to_its_blank_line() {
        let (mut client, mut server) = pair();
        let reader = thread::spawn(move || read_head(&mut server, 1024, soon()));
        for part in [
            "GET /callback?code=a HTTP/1.1\r",
            "\nHost: x\r\n\r",
            "\nBODY",
        ] {
            client.write_all(part.as_bytes()).unwrap();
            thread::sleep(Duration::from_millis(30));
        }
        let head = reader.join().unwrap().unwrap();
        assert_eq!(head, b"GET /callback?code=a HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    #[test]
    fn a_head_past_the_limit_is_refused_having_read_no_more_than_the_limit() {
        let (mut client, mut server) = pair();
        client.write_all(&[b'a'; 3000]).unwrap();
        assert_eq!(
            read_head(&mut server, 1000, soon()),
            Err(HeadError::TooLarge)
        );
        // Exactly the limit was taken; the rest is still unread.
        server.set_nonblocking(true).unwrap();
        let mut rest = Vec::new();
        let _ = server.read_to_end(&mut rest);
        assert_eq!(rest.len(), 2000);
    }

    #[test]
    fn a_head_that_trickles_in_is_cut_at_the_deadline() {
        let (mut client, mut server) = pair();
        let writer = thread::spawn(move || {
            for _ in 0..20 {
                if client.write_all(b"a").is_err() {
                    break;
                }
                thread::sleep(Duration::from_millis(50));
            }
        });
        let started = Instant::now();
        let deadline = started + Duration::from_millis(300);
        assert_eq!(
            read_head(&mut server, 1024, deadline),
            Err(HeadError::TimedOut)
        );
        assert!(started.elapsed() < Duration::from_millis(600));
        drop(server);
        writer.join().unwrap();
    }

    #[test]
    fn settling_waits_for_that_answer_only_and_no_longer_than_its_limit() {
        let deliveries = Arc::new(Deliveries::default());
        let other = deliveries.begin();
        let mine = deliveries.begin();
        let id = mine.id;
        let finisher = thread::spawn(move || {
            thread::sleep(Duration::from_millis(200));
            drop(mine);
        });
        let started = Instant::now();
        deliveries.settle(id, Duration::from_secs(5));
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(150), "{waited:?}");
        assert!(
            waited < Duration::from_secs(2),
            "another answer is not waited for: {waited:?}"
        );
        finisher.join().unwrap();
        let started = Instant::now();
        deliveries.settle(other.id, Duration::from_millis(200));
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn the_delivery_header_comes_first() {
        let head = b"GET /callback?code=a HTTP/1.1\r\nX-Postiz-Connect-Delivery: 99\r\n\r\n";
        let out = with_delivery_header(head, 7);
        assert_eq!(
            out,
            b"GET /callback?code=a HTTP/1.1\r\nX-Postiz-Connect-Delivery: 7\r\nX-Postiz-Connect-Delivery: 99\r\n\r\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_private_socket_is_in_a_directory_only_this_user_can_enter() {
        use std::os::unix::fs::PermissionsExt;
        let hub = Hub::start().unwrap();
        let dir = hub.inner.path().parent().unwrap().to_path_buf();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{dir:?} is {mode:o}");
        drop(hub);
        assert!(!dir.exists(), "the directory goes with the listener");
    }
}
