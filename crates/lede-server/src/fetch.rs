//! Server-side page download, guarded against requests to private networks.
//!
//! The guard sits in the DNS resolver that the HTTP client connects through, so every
//! connection (redirects included) goes only to addresses that passed the check: a host
//! name cannot resolve to a public address when checked and a private one when used.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use axum::http::StatusCode;
use lede_html::{FetchError, FetchLimits, FetchedPage};
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

use crate::error::ApiError;

/// Largest page body kept (a longer one is cut there).
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// Whether `ip` is anything but a public unicast address: loopback, private,
/// link-local, unique-local, carrier-grade NAT, multicast, broadcast,
/// unspecified, documentation or reserved (IPv4 embedded in IPv6 included).
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
        || (a == 198 && (18..20).contains(&b))
        || a >= 240
}

fn is_private_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_private_v4(v4);
    }
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from(((hi as u32) << 16) | lo as u32);
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xffc0) == 0xfec0
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || (s[0..6] == [0, 0, 0, 0, 0, 0] && is_private_v4(embedded(s[6], s[7])))
        || (s[0] == 0x0064 && s[1] == 0xff9b && is_private_v4(embedded(s[6], s[7])))
        || (s[0] == 0x2002 && is_private_v4(embedded(s[1], s[2])))
}

/// A download refused because the host resolves to a non-public address.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves to {ip}, a private or reserved address; the server does not fetch those")]
struct Refused {
    host: String,
    ip: IpAddr,
}

/// Resolves like the default resolver, then refuses non-public addresses.
#[derive(Debug)]
struct GuardedResolver {
    inner: DefaultResolver,
}

impl Resolver for GuardedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout)?;
        if let Some(bad) = addrs.iter().find(|a| is_private(a.ip())) {
            return Err(ureq::Error::Other(Box::new(Refused {
                host: uri.host().unwrap_or_default().to_owned(),
                ip: bad.ip(),
            })));
        }
        Ok(addrs)
    }
}

/// Downloads pages for `url` inputs.
#[derive(Debug, Clone)]
pub(crate) struct Fetcher {
    agent: ureq::Agent,
}

impl Fetcher {
    /// A fetcher that gives up after `timeout`; with `allow_private` it
    /// also fetches from private and loopback addresses.
    pub(crate) fn new(allow_private: bool, timeout: Duration) -> Fetcher {
        let limits = FetchLimits {
            connect_timeout: timeout.min(Duration::from_secs(5)),
            total_timeout: timeout,
            max_body_bytes: MAX_PAGE_BYTES,
            max_redirects: 5,
        };
        let config = limits
            .agent_config()
            .proxy(None)
            .user_agent(concat!("lede-server/", env!("CARGO_PKG_VERSION")))
            .build();
        let agent = if allow_private {
            ureq::Agent::new_with_config(config)
        } else {
            let resolver = GuardedResolver {
                inner: DefaultResolver::default(),
            };
            ureq::Agent::with_parts(config, DefaultConnector::new(), resolver)
        };
        Fetcher { agent }
    }

    /// Downloads `url` (HTML or text, at most 8 MiB of it).
    pub(crate) fn page(&self, url: &str, field: &str) -> Result<FetchedPage, ApiError> {
        FetchedPage::download(&self.agent, url, MAX_PAGE_BYTES).map_err(|e| fetch_error(e, field))
    }
}

fn fetch_error(err: FetchError, field: &str) -> ApiError {
    match err {
        FetchError::Other(inner) if inner.is::<Refused>() => ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden_address",
            inner.to_string(),
        )
        .field(field),
        FetchError::BadUrl(_) => ApiError::bad_request("invalid_url", field, err.to_string()),
        FetchError::Timeout(_) => ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "fetch_timeout",
            format!("fetching the page {err}"),
        )
        .field(field),
        other => ApiError::new(
            StatusCode::BAD_GATEWAY,
            "fetch_failed",
            format!("fetching the page failed: {other}"),
        )
        .field(field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn private(s: &str) -> bool {
        is_private(s.parse().unwrap())
    }

    #[test]
    fn non_public_addresses_are_private() {
        for ip in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "192.0.2.1",
            "198.18.0.1",
            "::",
            "::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:c0a8:0101::1",
            "2001:db8::1",
        ] {
            assert!(private(ip), "{ip} should be refused");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for ip in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.216.34",
            "100.63.255.255",
            "100.128.0.0",
            "172.32.0.1",
            "2606:4700:4700::1111",
            "2a00:1450:4009:81f::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(!private(ip), "{ip} should be allowed");
        }
    }
}
