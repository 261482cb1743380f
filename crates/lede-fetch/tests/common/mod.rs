//! A tiny HTTP/1.1 server on 127.0.0.1 for the tests (no other network), and
//! a resolver that gives made-up host names loopback addresses.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// What the server saw of a request.
pub struct Request {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
}

/// How the server answers.
pub enum Reply {
    /// A status line such as `200 OK`, extra header lines, and a body.
    Full(&'static str, String, Vec<u8>),
    /// Headers of a 200 HTML page, then body bytes for as long as the client reads.
    Endless,
    /// Nothing, for ten seconds.
    Silent,
}

impl Reply {
    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full("200 OK", "Content-Type: text/html\r\n".into(), body.into())
    }

    pub fn redirect(location: &str) -> Reply {
        Reply::Full("302 Found", format!("Location: {location}\r\n"), Vec::new())
    }
}

/// A server on a loopback port.
pub struct Site {
    pub addr: SocketAddr,
    connections: Arc<AtomicUsize>,
}

impl Site {
    /// Starts a server answering every request with `handler`.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&connections);
        let handler = Arc::new(handler);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counted.fetch_add(1, Ordering::SeqCst);
                let handler = Arc::clone(&handler);
                thread::spawn(move || {
                    let _ = answer(stream, &*handler);
                });
            }
        });
        Site { addr, connections }
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

fn answer(mut stream: TcpStream, handler: &dyn Fn(&Request) -> Reply) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    match handler(&Request { path, headers }) {
        Reply::Full(status, extra, body) => {
            let head = format!(
                "HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)
        }
        Reply::Endless => {
            stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>",
            )?;
            let chunk =
                b"<p>The stream goes on, sentence after sentence, and never ends.</p>".repeat(1000);
            loop {
                stream.write_all(&chunk)?;
            }
        }
        Reply::Silent => {
            thread::sleep(Duration::from_secs(10));
            Ok(())
        }
    }
}

/// Made-up host names mapped to loopback servers, some declared public.
#[derive(Debug, Default)]
pub struct TestResolver {
    hosts: HashMap<String, Vec<SocketAddr>>,
    public: Vec<SocketAddr>,
}

impl TestResolver {
    /// `host` resolves to `addrs` (the port in the URL is ignored).
    pub fn host(mut self, host: &str, addrs: &[SocketAddr]) -> Self {
        self.hosts.insert(host.to_owned(), addrs.to_vec());
        self
    }

    /// The guard lets connections go to `addr`.
    pub fn public(mut self, addr: SocketAddr) -> Self {
        self.public.push(addr);
        self
    }
}

impl lede_fetch::Resolve for TestResolver {
    fn resolve(&self, host: &str, _port: u16) -> io::Result<Vec<SocketAddr>> {
        Ok(self.hosts.get(host).cloned().unwrap_or_default())
    }

    fn is_public(&self, addr: SocketAddr) -> bool {
        self.public.contains(&addr)
    }
}
