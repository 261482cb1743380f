//! The private-address guard: which addresses count as public, and the
//! resolver that every connection (redirects included) goes through.
//!
//! The check sits in name resolution, where the HTTP client learns the
//! address it will connect to, so a host name cannot pass the check with a
//! public address and then be connected to at a private one (DNS rebinding).

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Which addresses a [`Fetcher`](crate::Fetcher) may connect to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Guard {
    /// Public unicast addresses only: every address a host name resolves to,
    /// on the first request and on every redirect, must pass
    /// [`Resolve::is_public`]; otherwise the download fails with
    /// [`FetchError::Refused`](crate::FetchError::Refused).
    #[default]
    PublicOnly,
    /// Any address, private and loopback included.
    Any,
}

/// Whether `ip` is anything but a public unicast address.
///
/// Refused: unspecified, loopback, private (RFC 1918), link-local,
/// carrier-grade NAT (100.64.0.0/10), multicast, broadcast, documentation,
/// benchmarking, IETF protocol assignments, reserved (240.0.0.0/4); for IPv6
/// everything outside global unicast 2000::/3 (unique-local, link-local,
/// site-local, multicast, discard and local-use NAT64 included), plus
/// 2001::/23, 2001:db8::/32 and 3fff::/20. IPv4 embedded in IPv6 (mapped
/// `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is judged as the
/// IPv4 address it carries.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_private_v4(v4),
        IpAddr::V6(v6) => is_private_v6(v6),
    }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 192 && b == 88 && c == 99)
        || (a == 198 && (18..20).contains(&b))
        || a >= 240
}

fn is_private_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_private_v4(v4);
    }
    let s = ip.segments();
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if s[0..6] == [0x0064, 0xff9b, 0, 0, 0, 0] {
        return is_private_v4(embedded(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return is_private_v4(embedded(s[1], s[2]));
    }
    (s[0] & 0xe000) != 0x2000
        || (s[0] == 0x2001 && s[1] < 0x0200)
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || (s[0] == 0x3fff && s[1] < 0x1000)
}

/// Name resolution for a [`Fetcher`](crate::Fetcher), replaceable so tests
/// can give made-up host names loopback addresses.
pub trait Resolve: fmt::Debug + Send + Sync + 'static {
    /// The addresses `host` (a name or an IP literal, IPv6 in brackets) has
    /// at `port`; an empty list means the host is unknown.
    fn resolve(&self, host: &str, port: u16) -> io::Result<Vec<SocketAddr>>;

    /// Whether [`Guard::PublicOnly`] lets a connection go to `addr`; by
    /// default, when the IP is not [`is_private`].
    fn is_public(&self, addr: SocketAddr) -> bool {
        !is_private(addr.ip())
    }
}

/// A download refused because the host resolved to a non-public address.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves to {addr}, a private or reserved address")]
pub(crate) struct Refused {
    pub(crate) host: String,
    pub(crate) addr: IpAddr,
}

/// Where the guarded resolver gets addresses from.
#[derive(Debug)]
enum Lookup {
    /// The system resolver, within the request's timeouts.
    System(DefaultResolver),
    /// A caller's resolver.
    Custom(Arc<dyn Resolve>),
}

/// The resolver handed to the HTTP client: looks the host up, then applies
/// the guard to every address found.
#[derive(Debug)]
pub(crate) struct GuardedResolver {
    lookup: Lookup,
    guard: Guard,
}

impl GuardedResolver {
    pub(crate) fn system(guard: Guard) -> GuardedResolver {
        GuardedResolver {
            lookup: Lookup::System(DefaultResolver::default()),
            guard,
        }
    }

    pub(crate) fn custom(resolver: Arc<dyn Resolve>, guard: Guard) -> GuardedResolver {
        GuardedResolver {
            lookup: Lookup::Custom(resolver),
            guard,
        }
    }

    fn allowed(&self, addr: SocketAddr) -> bool {
        match (&self.guard, &self.lookup) {
            (Guard::Any, _) => true,
            (Guard::PublicOnly, Lookup::System(_)) => !is_private(addr.ip()),
            (Guard::PublicOnly, Lookup::Custom(custom)) => custom.is_public(addr),
        }
    }
}

impl Resolver for GuardedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default();
        let addrs = match &self.lookup {
            Lookup::System(system) => system.resolve(uri, config, timeout)?,
            Lookup::Custom(custom) => {
                let port = uri
                    .port_u16()
                    .unwrap_or(if uri.scheme_str() == Some("https") {
                        443
                    } else {
                        80
                    });
                let mut addrs = self.empty();
                for addr in custom.resolve(host, port)? {
                    if addrs.try_push(addr).is_err() {
                        break;
                    }
                }
                if addrs.is_empty() {
                    return Err(ureq::Error::HostNotFound);
                }
                addrs
            }
        };
        if let Some(bad) = addrs.iter().find(|a| !self.allowed(**a)) {
            return Err(ureq::Error::Other(Box::new(Refused {
                host: host.to_owned(),
                addr: bad.ip(),
            })));
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of address the guard must refuse, with the reason.
    const REFUSED: &[(&str, &str)] = &[
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "this network"),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "RFC 1918"),
        ("172.16.0.1", "RFC 1918"),
        ("172.31.255.255", "RFC 1918"),
        ("192.168.1.1", "RFC 1918"),
        ("169.254.169.254", "link-local (cloud metadata)"),
        ("100.64.0.1", "CGNAT"),
        ("100.127.255.255", "CGNAT"),
        ("192.0.0.1", "IETF protocol assignments"),
        ("192.0.2.1", "documentation"),
        ("198.51.100.7", "documentation"),
        ("203.0.113.9", "documentation"),
        ("192.88.99.1", "6to4 relay anycast"),
        ("198.18.0.1", "benchmarking"),
        ("198.19.255.255", "benchmarking"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "broadcast"),
        ("::", "unspecified"),
        ("::1", "loopback"),
        ("::127.0.0.1", "IPv4-compatible"),
        ("::8.8.8.8", "IPv4-compatible (deprecated)"),
        ("::ffff:127.0.0.1", "mapped loopback"),
        ("::ffff:10.0.0.1", "mapped RFC 1918"),
        ("::ffff:169.254.169.254", "mapped link-local"),
        ("::ffff:0:127.0.0.1", "IPv4-translated"),
        ("64:ff9b::a9fe:a9fe", "NAT64 of link-local"),
        ("64:ff9b::7f00:1", "NAT64 of loopback"),
        ("64:ff9b:1::808:808", "local-use NAT64"),
        ("100::1", "discard-only"),
        ("2001::1", "Teredo"),
        ("2001:2::1", "benchmarking"),
        ("2001:db8::1", "documentation"),
        ("3fff::1", "documentation"),
        ("2002:c0a8:0101::1", "6to4 of RFC 1918"),
        ("2002:7f00:0001::1", "6to4 of loopback"),
        ("fc00::1", "unique-local"),
        ("fd12:3456::1", "unique-local"),
        ("fe80::1", "link-local"),
        ("fec0::1", "site-local"),
        ("ff02::1", "multicast"),
        ("5f00::1", "SRv6, outside global unicast"),
    ];

    /// Public addresses, several right next to refused ranges.
    const ALLOWED: &[&str] = &[
        "1.1.1.1",
        "8.8.8.8",
        "93.184.216.34",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.1",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:0808:0808::1",
        "2001:200::1",
        "2606:4700:4700::1111",
        "2a00:1450:4009:81f::200e",
        "3fff:1000::1",
    ];

    #[test]
    fn non_public_addresses_are_private() {
        for (ip, why) in REFUSED {
            let parsed: IpAddr = ip.parse().unwrap();
            assert!(is_private(parsed), "{ip} ({why}) should be refused");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for ip in ALLOWED {
            let parsed: IpAddr = ip.parse().unwrap();
            assert!(!is_private(parsed), "{ip} should be allowed");
        }
    }
}
