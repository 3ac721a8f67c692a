//! The socket options and calls std does not offer, through libc: `poll(2)` to wait,
//! `SO_LINGER` 0 so that an abort sends a reset, `SIOCOUTQ` for the bytes the peer has not
//! acknowledged (Linux), TCP keep-alive timing.
#![allow(unsafe_code)]

use std::io;
use std::net::TcpStream;
use std::os::fd::AsRawFd;

/// Set an integer (or struct) socket option.
fn set<T>(stream: &TcpStream, level: libc::c_int, name: libc::c_int, value: &T) -> io::Result<()> {
    let len = core::mem::size_of::<T>() as libc::socklen_t;
    // SAFETY: `value` points to a `T` of `len` bytes for the duration of the call; the
    // descriptor is open (borrowed from `stream`).
    let r = unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            level,
            name,
            (value as *const T).cast(),
            len,
        )
    };
    match r {
        0 => Ok(()),
        _ => Err(io::Error::last_os_error()),
    }
}

/// Make the close of `stream` send a reset and drop unsent data (`SO_LINGER` on, 0 s).
pub(super) fn linger_zero(stream: &TcpStream) -> io::Result<()> {
    let l = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    set(stream, libc::SOL_SOCKET, libc::SO_LINGER, &l)
}

/// TCP keep-alive probes after `secs` of silence, then every `secs` (`None`: off).
pub(super) fn keep_alive(stream: &TcpStream, secs: Option<u32>) -> io::Result<()> {
    let on: libc::c_int = secs.is_some().into();
    set(stream, libc::SOL_SOCKET, libc::SO_KEEPALIVE, &on)?;
    #[cfg(target_os = "linux")]
    if let Some(secs) = secs {
        let secs = libc::c_int::try_from(secs.max(1)).unwrap_or(libc::c_int::MAX);
        set(stream, libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, &secs)?;
        set(stream, libc::IPPROTO_TCP, libc::TCP_KEEPINTVL, &secs)?;
    }
    Ok(())
}

/// Bytes written to the kernel that the peer has not acknowledged yet (a FIN counts one),
/// where the system tells (Linux's `SIOCOUTQ`); `None` elsewhere.
pub(super) fn unacknowledged(stream: &TcpStream) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let mut n: libc::c_int = 0;
        // SAFETY: TIOCOUTQ (= SIOCOUTQ) writes one c_int through the pointer.
        let r = unsafe { libc::ioctl(stream.as_raw_fd(), libc::TIOCOUTQ, &mut n) };
        if r == 0 {
            return u64::try_from(n).ok();
        }
    }
    let _ = stream;
    None
}

/// Wait until `stream` is readable (`read`) or writable (`write`), has an error or a hang-up,
/// or `timeout_ms` passed (`None`: no limit). An interrupted wait returns early.
pub(super) fn wait(
    stream: &TcpStream,
    read: bool,
    write: bool,
    timeout_ms: Option<u64>,
) -> io::Result<()> {
    let mut events = 0;
    if read {
        events |= libc::POLLIN;
    }
    if write {
        events |= libc::POLLOUT;
    }
    let mut fd = libc::pollfd {
        fd: stream.as_raw_fd(),
        events,
        revents: 0,
    };
    let timeout = timeout_ms.map_or(-1, |ms| {
        libc::c_int::try_from(ms).unwrap_or(libc::c_int::MAX)
    });
    // SAFETY: one valid pollfd for the duration of the call.
    let r = unsafe { libc::poll(&mut fd, 1, timeout) };
    if r < 0 {
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    Ok(())
}
