//! A man in the middle that breaks one TLS connection at a chosen record: a TCP proxy between
//! a client and a real TLS server on 127.0.0.1 (Mosquitto's TLS listener), used by the suite
//! of cut connections (`tests/tests/cuts.rs`). It listens on a socket the caller bound, in
//! practice inside a network namespace the test created, where a host stack on a TAP reaches
//! it through the kernel's own TCP (so a FIN arrives as a FIN: restricted slirp would turn
//! the server's close into a reset).
//!
//! It cannot read what the records say, only where they are: each direction is forwarded one
//! whole TLS record at a time (5-byte header, then the length it gives), so that a [`Cut`]
//! falls at an exact place in the record stream: halfway through a record, just after one,
//! a record shortened by a byte, a bit flipped in a record's ciphertext (the server then
//! answers with a real, encrypted alert), or a side that stops being read (the client's send
//! window closes). Every connection after the one a cut was armed for is forwarded unchanged,
//! so a client's reconnect goes through.
//!
//! The proxy's listening socket has a small receive buffer ([`RCVBUF`]), so that a side which
//! stops being read fills up after a few kilobytes, not megabytes.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

/// The receive buffer set on the listening socket (inherited by accepted sockets).
pub const RCVBUF: usize = 8192;

/// A direction of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// What the server sends to the client.
    ToClient,
    /// What the client sends to the server.
    ToServer,
}

/// How a connection ends when it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The client gets a FIN (an orderly TCP close without TLS close_notify) and is still
    /// read until it closes too; the server gets a FIN.
    Fin,
    /// The client gets a RST; the server a FIN.
    Reset,
}

/// What happens to the record a cut falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Its header and the first half of its body are forwarded, then the connection ends.
    Halfway(End),
    /// It is forwarded whole, then the connection ends (between two records: mid-packet when
    /// the application message spans records).
    After(End),
    /// Its length field is one less and its last byte is dropped: the stream stays framed,
    /// the record's authentication tag is cut short.
    Shorten,
    /// One bit of its body is flipped.
    FlipBit,
    /// Neither it nor anything after it in this direction is read any more: the sender's
    /// window closes. The other direction goes on.
    Stall,
}

/// One cut: in direction `dir`, the record after `skip` others (counted from when it was
/// armed, or from the start of the next connection when none is open) gets `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// The direction.
    pub dir: Dir,
    /// Records of that direction let through first.
    pub skip: usize,
    /// What happens to the next one.
    pub action: Action,
}

/// A record a cut fell on, as the proxy saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fired {
    /// The connection (1 for the first).
    pub connection: usize,
    /// The record's content type (23 for application data, 22 handshake...).
    pub content_type: u8,
    /// Its body length (before any change).
    pub len: usize,
}

#[derive(Debug, Default)]
struct Control {
    /// The cut not yet fired, with the connection it is for (0: the next one) and the
    /// records of its direction still to let through.
    armed: Option<(Cut, usize, usize)>,
    /// Connections accepted.
    connections: usize,
    /// The cut that fired.
    fired: Option<Fired>,
    /// Connections whose client side was closed by the client (FIN or RST) while the proxy
    /// was still reading it.
    client_closed: Vec<usize>,
    /// Connections a cut ended.
    ended: Vec<usize>,
    /// Connections a cut reset toward the client.
    reset: Vec<usize>,
}

struct Shared {
    control: Mutex<Control>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Control> {
        self.control.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The proxy: accepts on its listener, forwards to 127.0.0.1:`upstream`, cuts where armed.
pub struct Cutter {
    addr: SocketAddr,
    shared: Arc<Shared>,
    _accept: JoinHandle<()>,
}

impl Cutter {
    /// A proxy from `listener` to `upstream` (a port on 127.0.0.1). The listener may belong
    /// to another network namespace than the thread calling this: the connections upstream
    /// are made from this process's own.
    pub fn new(listener: TcpListener, upstream: u16) -> std::io::Result<Cutter> {
        set_int(&listener, libc::SO_RCVBUF, RCVBUF as i32)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            control: Mutex::new(Control::default()),
            changed: Condvar::new(),
        });
        let accept_shared = shared.clone();
        let upstream = SocketAddr::from(([127, 0, 0, 1], upstream));
        let accept = std::thread::spawn(move || {
            let mut previous: Option<(Weak<TcpStream>, Weak<TcpStream>)> = None;
            for client in listener.incoming() {
                let Ok(client) = client else { return };
                let Ok(server) = TcpStream::connect(upstream) else {
                    return;
                };
                let id = {
                    let mut c = accept_shared.lock();
                    c.connections += 1;
                    if let Some((cut, 0, skip)) = c.armed {
                        c.armed = Some((cut, c.connections, skip));
                    }
                    c.connections
                };
                // A newer connection supersedes the last one (a stalled one would otherwise
                // stay half-read forever).
                if let Some((c, s)) = previous.take() {
                    for socket in [c.upgrade(), s.upgrade()].into_iter().flatten() {
                        let _ = socket.shutdown(Shutdown::Both);
                    }
                }
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                // One descriptor per socket, shared by the two directions: the last handle
                // dropped closes it (with a RST after `End::Reset`).
                let (client, server) = (Arc::new(client), Arc::new(server));
                previous = Some((Arc::downgrade(&client), Arc::downgrade(&server)));
                for dir in [Dir::ToClient, Dir::ToServer] {
                    let (from, to) = match dir {
                        Dir::ToClient => (server.clone(), client.clone()),
                        Dir::ToServer => (client.clone(), server.clone()),
                    };
                    let link = Link {
                        id,
                        dir,
                        from,
                        to,
                        shared: accept_shared.clone(),
                    };
                    std::thread::spawn(move || link.pump());
                }
            }
        });
        Ok(Cutter {
            addr,
            shared,
            _accept: accept,
        })
    }

    /// The address clients connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Arm `cut` for the connection open now, or for the next one if none is open.
    pub fn arm(&self, cut: Cut) {
        let mut c = self.shared.lock();
        let last = c.connections;
        let open = last > 0 && !c.ended.contains(&last) && !c.client_closed.contains(&last);
        let target = if open { c.connections } else { 0 };
        c.armed = Some((cut, target, cut.skip));
        c.fired = None;
    }

    /// The record the armed cut fell on, once it has.
    pub fn fired(&self) -> Option<Fired> {
        self.shared.lock().fired
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.lock().connections
    }

    /// Whether the client closed connection `id` itself (seen while it was being read).
    pub fn client_closed(&self, id: usize) -> bool {
        self.shared.lock().client_closed.contains(&id)
    }
}

/// One direction of one connection.
struct Link {
    id: usize,
    dir: Dir,
    from: Arc<TcpStream>,
    to: Arc<TcpStream>,
    shared: Arc<Shared>,
}

impl Link {
    fn pump(self) {
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 15);
        let mut chunk = [0u8; 1 << 14];
        // Toward the server, once it is gone (or cut off): what the client still sends is
        // read and dropped, so that its close is seen.
        let mut discard = false;
        loop {
            let n = match (&*self.from).read(&mut chunk) {
                Ok(0) | Err(_) => {
                    let mut c = self.shared.lock();
                    if self.dir == Dir::ToServer && !c.reset.contains(&self.id) {
                        c.client_closed.push(self.id);
                    }
                    drop(c);
                    // Pass the close on: the other side sees it as its peer's.
                    let _ = self.to.shutdown(Shutdown::Write);
                    return;
                }
                Ok(n) => n,
            };
            if discard || self.shared.lock().ended.contains(&self.id) {
                discard = true;
                continue;
            }
            buf.extend_from_slice(&chunk[..n]);
            while buf.len() >= 5 {
                let len = usize::from(u16::from_be_bytes([buf[3], buf[4]]));
                if buf.len() < 5 + len {
                    break;
                }
                let mut record: Vec<u8> = buf.drain(..5 + len).collect();
                let sent = match self.take_cut(record[0], len) {
                    None => (&*self.to).write_all(&record),
                    Some(Action::Halfway(end)) => {
                        let _ = (&*self.to).write_all(&record[..5 + len / 2]);
                        return self.end(end);
                    }
                    Some(Action::After(end)) => {
                        let _ = (&*self.to).write_all(&record);
                        return self.end(end);
                    }
                    Some(Action::Shorten) => {
                        let short = (len - 1) as u16;
                        record[3..5].copy_from_slice(&short.to_be_bytes());
                        record.pop();
                        (&*self.to).write_all(&record)
                    }
                    Some(Action::FlipBit) => {
                        record[5 + len / 2] ^= 0x10;
                        (&*self.to).write_all(&record)
                    }
                    Some(Action::Stall) => return self.stall(),
                };
                if sent.is_err() {
                    if self.dir == Dir::ToClient {
                        return;
                    }
                    discard = true;
                    break;
                }
            }
        }
    }

    /// The action for the record just read, if the armed cut falls on it.
    fn take_cut(&self, content_type: u8, len: usize) -> Option<Action> {
        let mut c = self.shared.lock();
        let (cut, target, skip) = c.armed?;
        if target != self.id || cut.dir != self.dir {
            return None;
        }
        if skip > 0 {
            c.armed = Some((cut, target, skip - 1));
            return None;
        }
        c.armed = None;
        c.fired = Some(Fired {
            connection: self.id,
            content_type,
            len,
        });
        self.shared.changed.notify_all();
        Some(cut.action)
    }

    /// End the connection after a cut; the direction that cut returns.
    fn end(self, end: End) {
        let (client, server) = match self.dir {
            Dir::ToClient => (&self.to, &self.from),
            Dir::ToServer => (&self.from, &self.to),
        };
        let mut c = self.shared.lock();
        c.ended.push(self.id);
        if end == End::Reset {
            c.reset.push(self.id);
        }
        drop(c);
        let _ = server.shutdown(Shutdown::Both);
        match end {
            // The client gets a FIN and may go on sending: the other direction reads and
            // drops it until the client closes.
            End::Fin => {
                let _ = client.shutdown(Shutdown::Write);
            }
            End::Reset => {
                // SO_LINGER with a zero timeout: the socket's last close sends a RST. Reading
                // is shut down (no FIN) to wake the other direction, which then drops its
                // handle; whichever of the two drops last closes.
                let linger = libc::linger {
                    l_onoff: 1,
                    l_linger: 0,
                };
                // SAFETY: a valid socket and a `linger` of the size passed.
                unsafe {
                    libc::setsockopt(
                        client.as_raw_fd(),
                        libc::SOL_SOCKET,
                        libc::SO_LINGER,
                        (&linger as *const libc::linger).cast(),
                        std::mem::size_of::<libc::linger>() as libc::socklen_t,
                    );
                }
                let _ = client.shutdown(Shutdown::Read);
            }
        }
    }

    fn stall(self) {
        let mut c = self.shared.lock();
        while !c.ended.contains(&self.id) && c.connections == self.id {
            c = self
                .shared
                .changed
                .wait_timeout(c, Duration::from_millis(50))
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        drop(c);
        let _ = self.to.shutdown(Shutdown::Both);
    }
}

fn set_int(listener: &TcpListener, option: i32, value: i32) -> std::io::Result<()> {
    // SAFETY: a valid socket and an `i32` of the size passed.
    let r = unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::SOL_SOCKET,
            option,
            (&value as *const i32).cast(),
            std::mem::size_of::<i32>() as libc::socklen_t,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
