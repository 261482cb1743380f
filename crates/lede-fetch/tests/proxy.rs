//! Proxies: only `Fetcher::through_env_proxy` uses the one the environment
//! names. (Its own test binary, since it sets environment variables.) The
//! proxy is a loopback server too.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{Reply, Site};
use lede_fetch::{FetchError, FetchLimits, Fetcher, Guard};

#[test]
fn only_the_env_proxy_fetcher_goes_through_the_proxy() {
    let site = Site::start(|_| Reply::html("<p>direct</p>"));
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&asked);
    let proxy = Site::start(move |request| {
        seen.lock().unwrap().push(request.path.clone());
        Reply::Full("502 Bad Gateway", String::new(), Vec::new())
    });
    for name in [
        "NO_PROXY",
        "no_proxy",
        "all_proxy",
        "https_proxy",
        "http_proxy",
    ] {
        std::env::remove_var(name);
    }
    for name in ["ALL_PROXY", "HTTPS_PROXY", "HTTP_PROXY"] {
        std::env::set_var(name, proxy.url(""));
    }
    let limits = FetchLimits {
        total_timeout: Duration::from_secs(3),
        ..FetchLimits::default()
    };

    let page = Fetcher::new(limits.clone(), Guard::Any)
        .fetch(&site.url("/story"))
        .unwrap();
    assert_eq!(page.body, b"<p>direct</p>");
    assert_eq!(proxy.connections(), 0);

    let err = Fetcher::through_env_proxy(limits)
        .fetch(&site.url("/story"))
        .unwrap_err();
    assert!(matches!(err, FetchError::Network(_)), "{err:?}");
    assert_eq!(
        *asked.lock().unwrap(),
        [site.addr.to_string()],
        "the proxy was asked to connect to the site"
    );
    assert_eq!(
        site.connections(),
        1,
        "only the direct fetch reached the site"
    );
}
