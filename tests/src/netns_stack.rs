//! A host stack on a [`FaultyLink`] over a TAP in a network namespace the test creates, whose
//! peers are the Linux kernel's TCP: the fault suite's second wire (`tests/tests/faults.rs`,
//! `RAWNET_FAULT_NET=tap`), beside restricted slirp ([`faulty_stack`]).
//!
//! The namespace is a [`DnsmasqNet`] (the stack's DHCP lease from dnsmasq there). For each
//! broker port asked for, a relay ([`Cutter`] with nothing armed: whole TLS records forwarded
//! unchanged) listens inside the namespace on its own address of the kernel's side of the
//! TAP, port [`GUEST_PORT`], and connects to that port on 127.0.0.1. Every frame between the
//! stack and the kernel, both ways (the kernel's TCP segments, ARP, DHCP), passes through the
//! link's fault plan, so the kernel's TCP is the one that meets the faults on the broker's
//! side. Nothing but the namespace and loopback is reachable. Needs root.
//!
//! [`faulty_stack`]: crate::endpoint::faulty_stack

use crate::cutter::Cutter;
use crate::endpoint::{HostStack, GUEST_PORT};
use crate::faults::{FaultPlan, FaultyLink};
use crate::host::{dhcp_stack, wait_for_lease};
use rawnet_eth::host::netns::DnsmasqNet;
use rawnet_eth::host::TapDevice;
use std::net::{Ipv4Addr, TcpListener};
use std::time::Duration;

/// The host stack of the fault suite's TAP mode.
pub type TapNet = HostStack<FaultyLink<TapDevice>>;

/// The namespace and the relays in it; dropping it stops the relays' listeners from being
/// reached (the namespace and its TAP are deleted) and dnsmasq.
pub struct FaultyTap {
    addrs: Vec<Ipv4Addr>,
    _relays: Vec<Cutter>,
    // Dropped last: the namespace outlives the sockets in it.
    _net: DnsmasqNet,
}

impl FaultyTap {
    /// The namespace with one relay per entry of `upstream` (a port on 127.0.0.1), and a
    /// stack with its DHCP lease on a [`FaultyLink`] following `plan` over the TAP.
    pub fn start(plan: FaultPlan, upstream: &[u16]) -> Result<(FaultyTap, TapNet), String> {
        let (net, tap) = DnsmasqNet::start().map_err(|e| format!("namespace: {e}"))?;
        let ns = net.netns();
        let mut addrs = Vec::new();
        let mut relays = Vec::new();
        for (i, &port) in upstream.iter().enumerate() {
            // 192.0.2.1 (dnsmasq's) first, then .2, .3...: below the DHCP range (.100-.199).
            let addr = Ipv4Addr::new(192, 0, 2, 1 + i as u8);
            if addr != DnsmasqNet::SERVER {
                let cidr = format!("{addr}/24");
                ns.ip(&["addr", "add", &cidr, "dev", DnsmasqNet::TAP_NAME])
                    .map_err(|e| format!("address {addr}: {e}"))?;
            }
            let listener = ns
                .run_in(|| TcpListener::bind((addr, GUEST_PORT)))
                .map_err(|e| format!("relay listener on {addr}: {e}"))?;
            relays.push(Cutter::new(listener, port).map_err(|e| format!("relay: {e}"))?);
            addrs.push(addr);
        }
        let mut stack: TapNet = dhcp_stack(FaultyLink::new(tap, plan), plan.seed);
        wait_for_lease(&mut stack, Duration::from_secs(20))?;
        Ok((
            FaultyTap {
                addrs,
                _relays: relays,
                _net: net,
            },
            stack,
        ))
    }

    /// The relays' addresses, in the order of the ports given to [`FaultyTap::start`]: an
    /// endpoint reaches the broker at `addr`:[`GUEST_PORT`].
    pub fn addrs(&self) -> &[Ipv4Addr] {
        &self.addrs
    }
}
