//! libslirp bindings and the one safe wrapper around them. Every `unsafe` block of the slirp
//! driver is in this module.
//!
//! The declarations follow `libslirp.h` of libslirp 4.7 (Debian bookworm's `libslirp-dev`),
//! written here rather than taken from the `libslirp-sys` crate: its 4.2 release declares
//! `SlirpCb` without the fields that config version 4 adds, and lacks functions used here.
//! This wrapper asks for config version 3 (libslirp ≥ 4.3), the first with `disable_dns`.
//!
//! libslirp keeps process-global state (its clock sample `curtime`, a non-atomic
//! "initialised" flag), so every call into it, from any instance on any thread, is made
//! while holding [`LIBSLIRP`].
#![allow(unsafe_code)]

use super::{Forward, Shared};
use std::ffi::{c_char, c_int, c_void, CStr};
use std::io;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::ptr::NonNull;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// Opaque `Slirp`.
#[repr(C)]
struct RawSlirp {
    _private: [u8; 0],
}

type WriteCb =
    Option<unsafe extern "C" fn(buf: *const c_void, len: usize, opaque: *mut c_void) -> isize>;
type TimerCb = Option<unsafe extern "C" fn(opaque: *mut c_void)>;
type AddPollCb =
    Option<unsafe extern "C" fn(fd: c_int, events: c_int, opaque: *mut c_void) -> c_int>;
type GetREventsCb = Option<unsafe extern "C" fn(idx: c_int, opaque: *mut c_void) -> c_int>;

const SLIRP_POLL_IN: c_int = 1 << 0;
const SLIRP_POLL_OUT: c_int = 1 << 1;
const SLIRP_POLL_PRI: c_int = 1 << 2;
const SLIRP_POLL_ERR: c_int = 1 << 3;
const SLIRP_POLL_HUP: c_int = 1 << 4;

/// `SlirpCb` of libslirp 4.7 (all fields; the version-4 ones are not read at version 3).
#[repr(C)]
struct SlirpCb {
    send_packet: WriteCb,
    guest_error: Option<unsafe extern "C" fn(msg: *const c_char, opaque: *mut c_void)>,
    clock_get_ns: Option<unsafe extern "C" fn(opaque: *mut c_void) -> i64>,
    timer_new: Option<
        unsafe extern "C" fn(
            cb: TimerCb,
            cb_opaque: *mut c_void,
            opaque: *mut c_void,
        ) -> *mut c_void,
    >,
    timer_free: Option<unsafe extern "C" fn(timer: *mut c_void, opaque: *mut c_void)>,
    timer_mod:
        Option<unsafe extern "C" fn(timer: *mut c_void, expire_time: i64, opaque: *mut c_void)>,
    register_poll_fd: Option<unsafe extern "C" fn(fd: c_int, opaque: *mut c_void)>,
    unregister_poll_fd: Option<unsafe extern "C" fn(fd: c_int, opaque: *mut c_void)>,
    notify: Option<unsafe extern "C" fn(opaque: *mut c_void)>,
    init_completed: Option<unsafe extern "C" fn(slirp: *mut RawSlirp, opaque: *mut c_void)>,
    timer_new_opaque: Option<
        unsafe extern "C" fn(id: c_int, cb_opaque: *mut c_void, opaque: *mut c_void) -> *mut c_void,
    >,
}

/// `SlirpConfig` of libslirp 4.7.
#[repr(C)]
struct SlirpConfig {
    version: u32,
    restricted: c_int,
    in_enabled: bool,
    vnetwork: libc::in_addr,
    vnetmask: libc::in_addr,
    vhost: libc::in_addr,
    in6_enabled: bool,
    vprefix_addr6: libc::in6_addr,
    vprefix_len: u8,
    vhost6: libc::in6_addr,
    vhostname: *const c_char,
    tftp_server_name: *const c_char,
    tftp_path: *const c_char,
    bootfile: *const c_char,
    vdhcp_start: libc::in_addr,
    vnameserver: libc::in_addr,
    vnameserver6: libc::in6_addr,
    vdnssearch: *const *const c_char,
    vdomainname: *const c_char,
    if_mtu: usize,
    if_mru: usize,
    disable_host_loopback: bool,
    enable_emu: bool,
    outbound_addr: *const libc::sockaddr_in,
    outbound_addr6: *const libc::sockaddr_in6,
    disable_dns: bool,
    disable_dhcp: bool,
}

#[link(name = "slirp")]
extern "C" {
    fn slirp_new(
        cfg: *const SlirpConfig,
        callbacks: *const SlirpCb,
        opaque: *mut c_void,
    ) -> *mut RawSlirp;
    fn slirp_cleanup(slirp: *mut RawSlirp);
    fn slirp_pollfds_fill(
        slirp: *mut RawSlirp,
        timeout: *mut u32,
        add_poll: AddPollCb,
        opaque: *mut c_void,
    );
    fn slirp_pollfds_poll(
        slirp: *mut RawSlirp,
        select_error: c_int,
        get_revents: GetREventsCb,
        opaque: *mut c_void,
    );
    fn slirp_input(slirp: *mut RawSlirp, pkt: *const u8, pkt_len: c_int);
    fn slirp_add_guestfwd(
        slirp: *mut RawSlirp,
        write_cb: WriteCb,
        opaque: *mut c_void,
        guest_addr: *mut libc::in_addr,
        guest_port: c_int,
    ) -> c_int;
    fn slirp_socket_can_recv(
        slirp: *mut RawSlirp,
        guest_addr: libc::in_addr,
        guest_port: c_int,
    ) -> usize;
    fn slirp_socket_recv(
        slirp: *mut RawSlirp,
        guest_addr: libc::in_addr,
        guest_port: c_int,
        buf: *const u8,
        size: c_int,
    );
    fn slirp_version_string() -> *const c_char;
}

/// Held around every call into libslirp (see the module docs).
static LIBSLIRP: Mutex<()> = Mutex::new(());

fn lock() -> MutexGuard<'static, ()> {
    LIBSLIRP
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn in_addr(ip: Ipv4Addr) -> libc::in_addr {
    libc::in_addr {
        s_addr: u32::from(ip).to_be(),
    }
}

/// The callbacks every instance uses; libslirp keeps a pointer to them, so they are static.
static CALLBACKS: SlirpCb = SlirpCb {
    send_packet: Some(send_packet),
    guest_error: Some(guest_error),
    clock_get_ns: Some(clock_get_ns),
    timer_new: Some(timer_new),
    timer_free: Some(timer_free),
    timer_mod: Some(timer_mod),
    register_poll_fd: Some(ignore_fd),
    unregister_poll_fd: Some(ignore_fd),
    notify: Some(notify),
    init_completed: None,
    timer_new_opaque: None,
};

/// libslirp hands a frame to the guest: queue it for the driver's `receive`.
unsafe extern "C" fn send_packet(buf: *const c_void, len: usize, opaque: *mut c_void) -> isize {
    // SAFETY: `opaque` is the `Shared` that `Instance::new` passed to `slirp_new`; it is
    // boxed, lives until after `slirp_cleanup`, and is only ever accessed through shared
    // references. libslirp passes a buffer of `len` readable bytes, valid for this call.
    let (shared, frame) = unsafe {
        (
            &*(opaque as *const Shared),
            std::slice::from_raw_parts(buf as *const u8, len),
        )
    };
    shared.frame_to_guest(frame);
    len as isize
}

unsafe extern "C" fn guest_error(_msg: *const c_char, opaque: *mut c_void) {
    // SAFETY: as in `send_packet`.
    let shared = unsafe { &*(opaque as *const Shared) };
    shared.guest_errors.set(shared.guest_errors.get() + 1);
}

/// Nanoseconds on one process-wide monotonic timeline: libslirp stores the last reading in
/// a global, so all instances must agree on the clock.
unsafe extern "C" fn clock_get_ns(_opaque: *mut c_void) -> i64 {
    static ORIGIN: OnceLock<std::time::Instant> = OnceLock::new();
    let origin = *ORIGIN.get_or_init(std::time::Instant::now);
    i64::try_from(origin.elapsed().as_nanos()).unwrap_or(i64::MAX)
}

// libslirp only creates a timer for IPv6 router advertisements, and IPv6 is disabled.
unsafe extern "C" fn timer_new(
    _cb: TimerCb,
    _cb_opaque: *mut c_void,
    _opaque: *mut c_void,
) -> *mut c_void {
    std::ptr::null_mut()
}
unsafe extern "C" fn timer_free(_timer: *mut c_void, _opaque: *mut c_void) {}
unsafe extern "C" fn timer_mod(_timer: *mut c_void, _expire: i64, _opaque: *mut c_void) {}
// Descriptors are collected afresh by `slirp_pollfds_fill` on every poll; nothing to track.
unsafe extern "C" fn ignore_fd(_fd: c_int, _opaque: *mut c_void) {}
// The driver polls libslirp on every receive and transmit; there is no thread to wake.
unsafe extern "C" fn notify(_opaque: *mut c_void) {}

/// The guest sent bytes on a forwarded connection: keep them for the host stream.
unsafe extern "C" fn forward_write(buf: *const c_void, len: usize, opaque: *mut c_void) -> isize {
    // SAFETY: `opaque` is a boxed `Forward` owned by the `Instance` that registered it, alive
    // until after `slirp_cleanup` and only accessed through shared references; `buf` holds
    // `len` readable bytes for this call.
    let (fwd, data) = unsafe {
        (
            &*(opaque as *const Forward),
            std::slice::from_raw_parts(buf as *const u8, len),
        )
    };
    fwd.guest_sent(data);
    len as isize
}

unsafe extern "C" fn add_poll(fd: c_int, events: c_int, opaque: *mut c_void) -> c_int {
    // SAFETY: `opaque` is the `Vec<pollfd>` that `Instance::poll` passes, exclusively
    // borrowed for the duration of `slirp_pollfds_fill`.
    let fds = unsafe { &mut *(opaque as *mut Vec<libc::pollfd>) };
    let mut ev = 0;
    for (s, p) in POLL_MAP {
        if events & s != 0 {
            ev |= p;
        }
    }
    fds.push(libc::pollfd {
        fd,
        events: ev,
        revents: 0,
    });
    (fds.len() - 1) as c_int
}

unsafe extern "C" fn get_revents(idx: c_int, opaque: *mut c_void) -> c_int {
    // SAFETY: as in `add_poll`, for the duration of `slirp_pollfds_poll`.
    let fds = unsafe { &*(opaque as *const Vec<libc::pollfd>) };
    let Some(p) = usize::try_from(idx).ok().and_then(|i| fds.get(i)) else {
        return 0;
    };
    POLL_MAP
        .iter()
        .filter(|(_, p_ev)| p.revents & p_ev != 0)
        .fold(0, |acc, (s, _)| acc | s)
}

const POLL_MAP: [(c_int, libc::c_short); 5] = [
    (SLIRP_POLL_IN, libc::POLLIN),
    (SLIRP_POLL_OUT, libc::POLLOUT),
    (SLIRP_POLL_PRI, libc::POLLPRI),
    (SLIRP_POLL_ERR, libc::POLLERR),
    (SLIRP_POLL_HUP, libc::POLLHUP),
];

/// Addresses of the virtual network (all IPv4; IPv6 stays off).
pub(super) struct NetConfig {
    pub network: Ipv4Addr,
    pub netmask: Ipv4Addr,
    pub host: Ipv4Addr,
    pub dhcp_start: Ipv4Addr,
    pub nameserver: Ipv4Addr,
}

/// One libslirp instance, always restricted, and what its callbacks point to.
///
/// `shared` and `forwards` are heap objects whose addresses libslirp keeps as callback
/// arguments; they are held as raw pointers (from `Box::into_raw`), only ever read through
/// shared references, and freed in `drop` after `slirp_cleanup`.
pub(super) struct Instance {
    raw: NonNull<RawSlirp>,
    shared: NonNull<Shared>,
    forwards: Vec<NonNull<Forward>>,
}

impl Instance {
    /// A restricted instance: the guest reaches nothing but the built-in DHCP/TFTP/ICMP
    /// services and the forwards added later; host DNS forwarding is off too.
    pub fn new(net: &NetConfig, shared: Shared) -> io::Result<Instance> {
        let cfg = SlirpConfig {
            version: 3,
            restricted: 1,
            in_enabled: true,
            vnetwork: in_addr(net.network),
            vnetmask: in_addr(net.netmask),
            vhost: in_addr(net.host),
            in6_enabled: false,
            vprefix_addr6: libc::in6_addr { s6_addr: [0; 16] },
            vprefix_len: 0,
            vhost6: libc::in6_addr { s6_addr: [0; 16] },
            vhostname: std::ptr::null(),
            tftp_server_name: std::ptr::null(),
            tftp_path: std::ptr::null(),
            bootfile: std::ptr::null(),
            vdhcp_start: in_addr(net.dhcp_start),
            vnameserver: in_addr(net.nameserver),
            vnameserver6: libc::in6_addr { s6_addr: [0; 16] },
            vdnssearch: std::ptr::null(),
            vdomainname: std::ptr::null(),
            if_mtu: 0,
            if_mru: 0,
            disable_host_loopback: true,
            enable_emu: false,
            outbound_addr: std::ptr::null(),
            outbound_addr6: std::ptr::null(),
            disable_dns: true,
            disable_dhcp: false,
        };
        let shared = NonNull::from(Box::leak(Box::new(shared)));
        let guard = lock();
        // SAFETY: `cfg` is a fully initialised config of the declared version, read only
        // during the call (libslirp copies what it keeps; all string pointers are null).
        // `CALLBACKS` is static, as libslirp keeps the pointer. The opaque pointer is the
        // leaked `Shared`, freed only after `slirp_cleanup`.
        let raw = unsafe { slirp_new(&cfg, &CALLBACKS, shared.as_ptr() as *mut c_void) };
        drop(guard);
        match NonNull::new(raw) {
            Some(raw) => Ok(Instance {
                raw,
                shared,
                forwards: Vec::new(),
            }),
            None => {
                // SAFETY: libslirp did not keep the pointer; it came from `Box::leak` above.
                drop(unsafe { Box::from_raw(shared.as_ptr()) });
                Err(io::Error::other("slirp_new refused the configuration"))
            }
        }
    }

    pub fn shared(&self) -> &Shared {
        // SAFETY: valid until `drop`; only shared references are ever made.
        unsafe { self.shared.as_ref() }
    }

    pub fn forwards(&self) -> impl Iterator<Item = &Forward> {
        // SAFETY: as for `shared`.
        self.forwards.iter().map(|f| unsafe { f.as_ref() })
    }

    /// Register `fwd` with libslirp as a guest forward with a write callback.
    pub fn add_forward(&mut self, fwd: Forward) -> io::Result<()> {
        let mut addr = in_addr(*fwd.guest.ip());
        let port = c_int::from(fwd.guest.port());
        let fwd = NonNull::from(Box::leak(Box::new(fwd)));
        let guard = lock();
        // SAFETY: `self.raw` is a live instance. libslirp keeps the opaque pointer: the leaked
        // `Forward`, freed only after `slirp_cleanup` (or below if libslirp refuses it).
        // `addr` is a valid `in_addr` read (and possibly written) during the call only.
        let rc = unsafe {
            slirp_add_guestfwd(
                self.raw.as_ptr(),
                Some(forward_write),
                fwd.as_ptr() as *mut c_void,
                &mut addr,
                port,
            )
        };
        drop(guard);
        if rc != 0 {
            // SAFETY: refused, so libslirp kept no pointer to it.
            drop(unsafe { Box::from_raw(fwd.as_ptr()) });
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "slirp refused the forward: the guest address must be inside the virtual \
                 network, not the host or DNS address, and not already forwarded",
            ));
        }
        self.forwards.push(fwd);
        Ok(())
    }

    /// Hand one frame from the guest to libslirp.
    pub fn input(&self, frame: &[u8]) {
        let Ok(len) = c_int::try_from(frame.len()) else {
            return;
        };
        let _g = lock();
        // SAFETY: live instance; `frame` is readable for `len` bytes during the call.
        unsafe { slirp_input(self.raw.as_ptr(), frame.as_ptr(), len) }
    }

    /// Run libslirp's timers and service its host sockets without waiting: fill, `poll(2)`
    /// with timeout 0, dispatch.
    pub fn poll(&self) {
        let mut fds: Vec<libc::pollfd> = Vec::new();
        let mut timeout = u32::MAX;
        let _g = lock();
        let fds_ptr = &mut fds as *mut Vec<libc::pollfd> as *mut c_void;
        // SAFETY: live instance; `timeout` and `fds` are valid for the call, and `fds` is
        // only touched through `fds_ptr` by `add_poll` during it.
        unsafe { slirp_pollfds_fill(self.raw.as_ptr(), &mut timeout, Some(add_poll), fds_ptr) };
        let rc = if fds.is_empty() {
            0
        } else {
            // SAFETY: `fds` is a valid array of `fds.len()` pollfd structures.
            unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) }
        };
        let fds_ptr = &mut fds as *mut Vec<libc::pollfd> as *mut c_void;
        // SAFETY: as above; `get_revents` reads `fds` through `fds_ptr` during the call.
        unsafe {
            slirp_pollfds_poll(
                self.raw.as_ptr(),
                c_int::from(rc < 0),
                Some(get_revents),
                fds_ptr,
            )
        };
    }

    /// How many bytes the guest connection of forward `guest` accepts now (0 when there is
    /// no such connection or its buffer is half full).
    pub fn can_recv(&self, guest: SocketAddrV4) -> usize {
        let _g = lock();
        // SAFETY: live instance; plain values.
        unsafe {
            slirp_socket_can_recv(
                self.raw.as_ptr(),
                in_addr(*guest.ip()),
                c_int::from(guest.port()),
            )
        }
    }

    /// Send `data` (at most [`can_recv`](Self::can_recv) bytes) to the guest on forward
    /// `guest`.
    pub fn socket_recv(&self, guest: SocketAddrV4, data: &[u8]) {
        let Ok(len) = c_int::try_from(data.len()) else {
            return;
        };
        let _g = lock();
        // SAFETY: live instance; `data` is readable for `len` bytes during the call. The
        // caller never passes more than `can_recv` returned, so libslirp's copy fits.
        unsafe {
            slirp_socket_recv(
                self.raw.as_ptr(),
                in_addr(*guest.ip()),
                c_int::from(guest.port()),
                data.as_ptr(),
                len,
            )
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let guard = lock();
        // SAFETY: live instance, cleaned up exactly once.
        unsafe { slirp_cleanup(self.raw.as_ptr()) };
        drop(guard);
        // SAFETY: libslirp is gone, so nothing refers to these any more; each came from
        // `Box::leak` and is freed once.
        unsafe {
            for f in self.forwards.drain(..) {
                drop(Box::from_raw(f.as_ptr()));
            }
            drop(Box::from_raw(self.shared.as_ptr()));
        }
    }
}

/// The libslirp version the process is linked with (e.g. "4.7.0").
pub fn version() -> String {
    // SAFETY: libslirp returns a pointer to a static NUL-terminated string.
    let s = unsafe { CStr::from_ptr(slirp_version_string()) };
    s.to_string_lossy().into_owned()
}
