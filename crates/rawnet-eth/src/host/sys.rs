//! The few Linux system calls the host drivers need that `std` does not offer: creating a TAP
//! interface and entering a network namespace. Every `unsafe` block of the TAP and namespace
//! code is here.
#![allow(unsafe_code)]

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};

/// Attach the open `/dev/net/tun` descriptor `tun` to the TAP interface `name` (creating it
/// when it does not exist) without the packet-information header, and return the name the
/// kernel gave it.
pub(crate) fn tun_set_iff_tap(tun: BorrowedFd<'_>, name: &str) -> io::Result<String> {
    // Interface names are at most IFNAMSIZ - 1 bytes plus a terminating NUL.
    if name.len() >= libc::IFNAMSIZ || name.as_bytes().contains(&0) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "interface name too long or contains NUL",
        ));
    }
    // SAFETY: `ifreq` is plain old data (byte arrays and integers in a union), so the
    // all-zero bit pattern is a valid value.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in req.ifr_name.iter_mut().zip(name.bytes()) {
        *dst = src as libc::c_char;
    }
    req.ifr_ifru.ifru_flags = (libc::IFF_TAP | libc::IFF_NO_PI) as libc::c_short;
    // SAFETY: TUNSETIFF reads and writes one `struct ifreq`; `req` is a valid, exclusively
    // borrowed `ifreq` that outlives the call, and `tun` is an open descriptor.
    let rc = unsafe {
        libc::ioctl(
            tun.as_raw_fd(),
            libc::TUNSETIFF,
            &mut req as *mut libc::ifreq,
        )
    };
    if rc < 0 {
        return Err(io::Error::last_os_error());
    }
    let len = req
        .ifr_name
        .iter()
        .position(|&c| c == 0)
        .unwrap_or(req.ifr_name.len());
    Ok(req.ifr_name[..len]
        .iter()
        .map(|&c| c as u8 as char)
        .collect())
}

/// Move the calling thread into the network namespace `ns` (an open `/run/netns/NAME`).
///
/// Network namespaces are per thread: only the calling thread changes namespace.
pub(crate) fn setns_net(ns: BorrowedFd<'_>) -> io::Result<()> {
    // SAFETY: setns only reads the descriptor number and the flag; `ns` is open for the call.
    let rc = unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) };
    if rc < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// The effective user id of this process (0 for root).
pub fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}
