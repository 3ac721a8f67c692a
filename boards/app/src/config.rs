//! The build-time configuration (`RAWNET_*` settings read by build.rs; README.md lists them).

/// A static IPv4 configuration (`RAWNET_STATIC_IPV4`, `RAWNET_GATEWAY`, `RAWNET_DNS_SERVER`).
#[derive(Debug, Clone, Copy)]
pub struct StaticIpv4 {
    /// The address.
    pub address: [u8; 4],
    /// The subnet prefix length.
    pub prefix_len: u8,
    /// The default router.
    pub gateway: Option<[u8; 4]>,
    /// The DNS server.
    pub dns: Option<[u8; 4]>,
}

include!(concat!(env!("OUT_DIR"), "/config.rs"));
