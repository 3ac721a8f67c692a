//! A TCP echo server on 127.0.0.1 that can be stopped and started again on the same port,
//! standing in for a broker that is killed and restarted.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// An echo server; every connection it accepted is closed when it stops (or is dropped).
#[derive(Debug)]
pub struct EchoServer {
    port: u16,
    accepted: Arc<AtomicU64>,
    running: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
}

impl EchoServer {
    /// Listen on `127.0.0.1:port` (`0`: a free port).
    pub fn start(port: u16) -> io::Result<EchoServer> {
        let mut s = EchoServer {
            port,
            accepted: Arc::new(AtomicU64::new(0)),
            running: None,
        };
        s.restart()?;
        Ok(s)
    }

    /// The port it listens on (the same across restarts).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Connections accepted so far, across restarts.
    pub fn accepted(&self) -> u64 {
        self.accepted.load(Ordering::Relaxed)
    }

    /// Close the listener and every connection, as a killed server would.
    pub fn stop(&mut self) {
        if let Some((stop, thread)) = self.running.take() {
            stop.store(true, Ordering::Relaxed);
            let _ = thread.join();
        }
    }

    /// Stop (if running) and listen again on the same port.
    pub fn restart(&mut self) -> io::Result<()> {
        self.stop();
        let listener = TcpListener::bind(("127.0.0.1", self.port))?;
        self.port = listener.local_addr()?.port();
        listener.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (stop, accepted) = (stop.clone(), self.accepted.clone());
            std::thread::spawn(move || serve(listener, &stop, &accepted))
        };
        self.running = Some((stop, thread));
        Ok(())
    }
}

impl Drop for EchoServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Accept and echo, all non-blocking in one thread, until `stop`.
fn serve(listener: TcpListener, stop: &AtomicBool, accepted: &AtomicU64) {
    let mut conns: Vec<(TcpStream, Vec<u8>)> = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    while !stop.load(Ordering::Relaxed) {
        let mut busy = false;
        if let Ok((s, _)) = listener.accept() {
            if s.set_nonblocking(true).is_ok() {
                accepted.fetch_add(1, Ordering::Relaxed);
                conns.push((s, Vec::new()));
                busy = true;
            }
        }
        conns.retain_mut(|(s, pending)| {
            if pending.is_empty() {
                match s.read(&mut buf) {
                    Ok(0) => return false,
                    Ok(n) => {
                        busy = true;
                        pending.extend_from_slice(&buf[..n]);
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                    Err(_) => return false,
                }
            }
            match s.write(pending) {
                Ok(n) => {
                    busy |= n > 0;
                    pending.drain(..n);
                    true
                }
                Err(e) => e.kind() == io::ErrorKind::WouldBlock,
            }
        });
        if !busy {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    for (s, _) in conns {
        let _ = s.shutdown(Shutdown::Both);
    }
}
