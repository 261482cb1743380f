//! Which `Host` headers the server answers (against DNS rebinding), and the
//! checks on the names and origins given on the command line.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The host names a request may be addressed to.
///
/// A web page on another site can make a browser send requests to the
/// server by giving its own host name the server's address (DNS
/// rebinding); the browser then sends that name as `Host`, which is how
/// such requests are told apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AllowedHosts {
    bound: SocketAddr,
    /// Extra names (lower case), accepted with any port.
    names: Vec<String>,
    /// `*` was given: every host is accepted.
    any: bool,
}

impl AllowedHosts {
    /// The hosts of a server bound to `bound`: its IP literal with its
    /// port; with a loopback address also `localhost`, `127.0.0.1` and
    /// `[::1]`; with an unspecified address (`0.0.0.0`, `::`) any IP literal
    /// and `localhost`. `extra` adds names, accepted with any port, and
    /// `*` turns the check off.
    pub(crate) fn new(bound: SocketAddr, extra: &[String]) -> AllowedHosts {
        AllowedHosts {
            bound,
            names: extra.iter().map(|n| n.to_ascii_lowercase()).collect(),
            any: extra.iter().any(|n| n == "*"),
        }
    }

    /// Whether a request with this `Host` header value is answered.
    pub(crate) fn allows(&self, host: &str) -> bool {
        if self.any {
            return true;
        }
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        let name = name.strip_suffix('.').unwrap_or(&name);
        if self.names.iter().any(|n| n == name) {
            return true;
        }
        let port_ok = match port {
            Some(port) => port == self.bound.port(),
            None => self.bound.port() == 80,
        };
        let bound = self.bound.ip();
        let name_ok = match name.parse::<IpAddr>() {
            Ok(ip) => {
                ip == bound || bound.is_unspecified() || (bound.is_loopback() && ip.is_loopback())
            }
            Err(_) => name == "localhost" && (bound.is_loopback() || bound.is_unspecified()),
        };
        port_ok && name_ok
    }
}

/// Splits `host[:port]` (IPv6 in brackets) into the name, without brackets,
/// and the port; `None` when malformed.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = match host.strip_prefix('[') {
        Some(inner) => {
            let (name, rest) = inner.split_once(']')?;
            let port = match rest {
                "" => None,
                _ => Some(rest.strip_prefix(':')?),
            };
            (name, port)
        }
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    if name.is_empty() {
        return None;
    }
    let port = match port {
        Some(port) => Some(port.parse::<u16>().ok()?),
        None => None,
    };
    Some((name, port))
}

/// Answers 421 to requests addressed to a host the server does not serve.
pub(crate) async fn check(
    State(hosts): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| request.uri().authority().map(|a| a.to_string()));
    match host {
        Some(host) if hosts.allows(&host) => next.run(request).await,
        Some(host) => ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "wrong_host",
            format!(
                "this server does not answer requests for host `{host}` (start it with --allowed-host NAME to add names)"
            ),
        )
        .into_response(),
        None => ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "wrong_host",
            "the request has no Host header",
        )
        .into_response(),
    }
}

/// Checks a `--allowed-host` value: a host name or IP literal without a
/// port, or `*` for any host. Returns it in lower case.
pub fn parse_allowed_host(value: &str) -> Result<String, String> {
    if value == "*" {
        return Ok(value.to_owned());
    }
    let name = value.strip_prefix('[').and_then(|v| v.strip_suffix(']'));
    let valid = match name {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
        None => {
            !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        }
    };
    if !valid {
        return Err(format!(
            "`{value}` is not a host name (give a name such as lede.example.org, without a port, or `*`)"
        ));
    }
    Ok(name.unwrap_or(value).to_ascii_lowercase())
}

/// Checks a `--cors-origin` value: `http(s)://host[:port]`, with no path.
/// Returns it in lower case, as browsers send it.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let ok = rest.is_some_and(|r| {
        !r.is_empty()
            && !r.contains('/')
            && split_host(r).is_some()
            && r.bytes().all(|b| b.is_ascii_graphic())
    });
    if !ok {
        return Err(format!(
            "`{value}` is not an origin (give scheme, host and optional port, such as https://app.example.org)"
        ));
    }
    Ok(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bound: &str, extra: &[&str]) -> AllowedHosts {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        AllowedHosts::new(bound.parse().unwrap(), &extra)
    }

    #[test]
    fn loopback_binds_answer_loopback_names_on_their_port() {
        let allowed = hosts("127.0.0.1:8080", &[]);
        for host in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LocalHost:8080",
            "localhost.:8080",
            "[::1]:8080",
            "127.0.0.2:8080",
        ] {
            assert!(allowed.allows(host), "{host}");
        }
        for host in [
            "127.0.0.1:8081",
            "localhost",
            "attacker.test:8080",
            "localhost.attacker.test:8080",
            "[::1]",
            "",
            ":8080",
            "localhost:8080:1",
            "[::1:8080",
            "localhost:http",
        ] {
            assert!(!allowed.allows(host), "{host}");
        }
    }

    #[test]
    fn port_80_may_be_left_out() {
        let allowed = hosts("[::1]:80", &[]);
        assert!(allowed.allows("localhost"));
        assert!(allowed.allows("[::1]"));
        assert!(allowed.allows("127.0.0.1:80"));
        assert!(!allowed.allows("rebind.test"));
    }

    #[test]
    fn unspecified_binds_answer_ip_literals_and_extra_names() {
        let allowed = hosts("0.0.0.0:9000", &["lede.example.test"]);
        assert!(allowed.allows("192.0.2.10:9000"));
        assert!(allowed.allows("localhost:9000"));
        assert!(allowed.allows("lede.example.test"));
        assert!(allowed.allows("LEDE.example.test:443"));
        assert!(!allowed.allows("192.0.2.10:9001"));
        assert!(!allowed.allows("other.example.test:9000"));
    }

    #[test]
    fn a_specific_bind_answers_its_own_address() {
        let allowed = hosts("192.0.2.10:9000", &[]);
        assert!(allowed.allows("192.0.2.10:9000"));
        assert!(!allowed.allows("localhost:9000"));
        assert!(!allowed.allows("127.0.0.1:9000"));
        assert!(hosts("192.0.2.10:9000", &["*"]).allows("anything.test"));
    }

    #[test]
    fn command_line_values_are_checked() {
        assert_eq!(
            parse_allowed_host("Lede.Example.test").unwrap(),
            "lede.example.test"
        );
        assert_eq!(parse_allowed_host("[::1]").unwrap(), "::1");
        assert_eq!(parse_allowed_host("*").unwrap(), "*");
        for bad in ["", "host:80", "a/b", "[zz]", "sp ace"] {
            assert!(parse_allowed_host(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_origin("https://App.example.test").unwrap(),
            "https://app.example.test"
        );
        assert!(parse_origin("http://localhost:3000").is_ok());
        for bad in [
            "app.example.test",
            "https://",
            "https://a.test/path",
            "ftp://a.test",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }
}
