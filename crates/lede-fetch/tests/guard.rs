//! The private-address guard on every connection, redirects included, with
//! made-up host names that a test resolver maps to loopback servers; only
//! the servers the resolver declares public may be reached.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Reply, Site, TestResolver};
use lede_fetch::{FetchError, FetchLimits, Fetcher, Guard};

fn limits() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(3),
        max_body_bytes: 1024 * 1024,
        max_redirects: 3,
    }
}

/// `public.test` (declared public) redirects to `private.test` or
/// `other.test`; only `private.test` is private, though all are loopback.
struct World {
    public: Site,
    other: Site,
    private: Site,
    fetcher: Fetcher,
}

fn world(guard: Guard) -> World {
    let public = Site::start(|request| match request.path.as_str() {
        "/to-private" => Reply::redirect("http://private.test/secret"),
        "/to-other" => Reply::redirect("http://other.test/story"),
        "/to-loopback" => Reply::redirect("http://localhost/secret"),
        _ => Reply::html(format!(
            "<p>public page for {}</p>",
            request.headers["host"]
        )),
    });
    let other = Site::start(|_| Reply::html("<p>the story</p>"));
    let private = Site::start(|_| Reply::html("<p>internal secret</p>"));
    let resolver = TestResolver::default()
        .host("public.test", &[public.addr])
        .host("other.test", &[other.addr])
        .host("private.test", &[private.addr])
        .host("localhost", &[private.addr])
        .host("mixed.test", &[public.addr, private.addr])
        .public(public.addr)
        .public(other.addr);
    let fetcher = Fetcher::with_resolver(limits(), guard, Arc::new(resolver));
    World {
        public,
        other,
        private,
        fetcher,
    }
}

#[test]
fn a_public_name_is_fetched() {
    let world = world(Guard::PublicOnly);
    let page = world.fetcher.fetch("http://public.test/").unwrap();
    assert_eq!(page.body, b"<p>public page for public.test</p>");
    assert_eq!(page.url, "http://public.test/");
}

#[test]
fn a_redirect_to_a_private_name_is_refused_before_connecting() {
    let world = world(Guard::PublicOnly);
    for url in [
        "http://public.test/to-private",
        "http://public.test/to-loopback",
    ] {
        let err = world.fetcher.fetch(url).unwrap_err();
        match err {
            FetchError::Refused { ref host, addr } => {
                assert!(host == "private.test" || host == "localhost", "{host}");
                assert_eq!(addr, world.private.addr.ip());
            }
            other => panic!("{url}: expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(world.public.connections(), 2);
    assert_eq!(
        world.private.connections(),
        0,
        "the private server was reached"
    );
}

#[test]
fn a_redirect_to_another_public_name_is_followed() {
    let world = world(Guard::PublicOnly);
    let page = world.fetcher.fetch("http://public.test/to-other").unwrap();
    assert_eq!(page.body, b"<p>the story</p>");
    assert_eq!(page.url, "http://other.test/story");
    assert_eq!(world.other.connections(), 1);
}

#[test]
fn a_name_with_any_private_address_is_refused() {
    let world = world(Guard::PublicOnly);
    let err = world.fetcher.fetch("http://mixed.test/").unwrap_err();
    assert!(matches!(err, FetchError::Refused { .. }), "{err:?}");
    for url in ["http://private.test/", "https://private.test/"] {
        let err = world.fetcher.fetch(url).unwrap_err();
        assert!(matches!(err, FetchError::Refused { .. }), "{url}: {err:?}");
    }
    assert_eq!(world.public.connections() + world.private.connections(), 0);
}

#[test]
fn an_unknown_name_is_a_network_error() {
    let world = world(Guard::PublicOnly);
    let err = world.fetcher.fetch("http://nowhere.test/").unwrap_err();
    assert!(matches!(err, FetchError::Network(_)), "{err:?}");
}

#[test]
fn without_the_guard_private_names_are_fetched() {
    let world = world(Guard::Any);
    let page = world
        .fetcher
        .fetch("http://public.test/to-private")
        .unwrap();
    assert_eq!(page.body, b"<p>internal secret</p>");
    assert_eq!(page.url, "http://private.test/secret");
}

/// A name that answers with a public address once, then a private one, as
/// a rebinding attacker's DNS server would.
#[derive(Debug)]
struct Rebinding {
    public: std::net::SocketAddr,
    private: std::net::SocketAddr,
    lookups: std::sync::atomic::AtomicUsize,
}

impl lede_fetch::Resolve for Rebinding {
    fn resolve(&self, _host: &str, _port: u16) -> std::io::Result<Vec<std::net::SocketAddr>> {
        let n = self
            .lookups
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(vec![if n == 0 { self.public } else { self.private }])
    }

    fn is_public(&self, addr: std::net::SocketAddr) -> bool {
        addr == self.public
    }
}

#[test]
fn a_rebound_name_is_refused_on_the_next_lookup() {
    let public = Site::start(|_| Reply::redirect("/again"));
    let private = Site::start(|_| Reply::html("<p>internal secret</p>"));
    let resolver = Rebinding {
        public: public.addr,
        private: private.addr,
        lookups: Default::default(),
    };
    let fetcher = Fetcher::with_resolver(limits(), Guard::PublicOnly, Arc::new(resolver));
    let err = fetcher.fetch("http://rebind.test/").unwrap_err();
    assert!(matches!(err, FetchError::Refused { .. }), "{err:?}");
    assert_eq!(public.connections(), 1);
    assert_eq!(private.connections(), 0);
}

#[test]
fn the_system_resolver_refuses_loopback_literals_and_names() {
    let site = Site::start(|_| Reply::html("<p>local</p>"));
    let fetcher = Fetcher::new(limits(), Guard::PublicOnly);
    let port = site.addr.port();
    for url in [
        format!("http://127.0.0.1:{port}/"),
        format!("http://localhost:{port}/"),
        format!("http://[::ffff:127.0.0.1]:{port}/"),
        format!("http://0.0.0.0:{port}/"),
    ] {
        let err = fetcher.fetch(&url).unwrap_err();
        assert!(matches!(err, FetchError::Refused { .. }), "{url}: {err:?}");
    }
    assert_eq!(site.connections(), 0);
}
