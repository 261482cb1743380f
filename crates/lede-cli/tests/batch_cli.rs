//! `lede summarize` batches end to end: pipes, stdin, record kinds, URL
//! lists, directories, feeds, sitemaps, output directories and resuming.
//! Every URL is served by a loopback server inside the test.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

fn manifest(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn minya() -> String {
    manifest("../../examples/daily-mail-minya.txt")
}

fn page() -> String {
    manifest("tests/fixtures/html/dailymail_like.html")
}

fn corpus() -> String {
    manifest("tests/fixtures/summarize/corpus.jsonl")
}

fn scratch(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("batch_cli_{name}"));
    let _ = std::fs::remove_dir_all(&path);
    let _ = std::fs::remove_file(&path);
    path
}

fn lede(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lede");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A loopback HTTP server: path -> (content type, body); other paths get 404.
/// Each response takes 30 ms, and the most requests it ever served at once is
/// counted, to check per-host politeness.
struct Server {
    base: String,
    busiest: Arc<AtomicUsize>,
}

fn serve(routes: Vec<(&str, &str, Vec<u8>)>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let routes: Arc<HashMap<String, (String, Vec<u8>)>> = Arc::new(
        routes
            .into_iter()
            .map(|(path, kind, body)| (path.to_owned(), (kind.to_owned(), body)))
            .collect(),
    );
    let busiest = Arc::new(AtomicUsize::new(0));
    let active = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&busiest);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (routes, active, busiest) =
                (Arc::clone(&routes), Arc::clone(&active), Arc::clone(&seen));
            std::thread::spawn(move || {
                let now = active.fetch_add(1, Ordering::SeqCst) + 1;
                busiest.fetch_max(now, Ordering::SeqCst);
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap();
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
                    line.clear();
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                std::thread::sleep(Duration::from_millis(30));
                let (status, kind, body) = match routes.get(&path) {
                    Some((kind, body)) => ("200 OK", kind.as_str(), body.as_slice()),
                    None => ("404 Not Found", "text/plain", &b"missing"[..]),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                active.fetch_sub(1, Ordering::SeqCst);
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body);
            });
        }
    });
    Server { base, busiest }
}

fn article_routes() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    vec![
        (
            "/a",
            "text/html; charset=utf-8",
            std::fs::read(page()).unwrap(),
        ),
        ("/b", "text/plain", std::fs::read(minya()).unwrap()),
    ]
}

#[test]
fn closed_output_pipe_exits_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["summarize", &corpus()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Broken pipe"), "{}", stderr(&out));
}

#[test]
fn piped_json_lines_without_dash_are_a_corpus() {
    let input = std::fs::read(corpus()).unwrap();
    let from_pipe = lede(&["summarize"], Some(&input));
    let from_file = lede(&["summarize", &corpus()], None);
    assert!(from_pipe.status.success(), "{}", stderr(&from_pipe));
    assert_eq!(from_pipe.stdout, from_file.stdout);
    let records = input
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(json_lines(&from_pipe).len(), records);
    assert!(stderr(&from_pipe).contains("(algorithm: learned (embedded model))"));
    let article = std::fs::read(minya()).unwrap();
    let text = lede(&["summarize"], Some(&article));
    assert_eq!(String::from_utf8(text.stdout).unwrap().lines().count(), 3);
}

#[test]
fn json_over_several_inputs_is_json_lines_and_text_gets_headers() {
    let (a, b) = (minya(), page());
    let out = lede(&["summarize", "--format", "json", &a, &b], None);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["id"].as_str(), lines[1]["id"].as_str()),
        (Some(a.as_str()), Some(b.as_str()))
    );
    let text = lede(&["summarize", "--format", "markdown", &corpus()], None);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("==> "), "{text}");
    assert!(text.contains("\n\n==> "), "{text}");
    assert!(text.contains("\n- "), "{text}");
}

#[test]
fn html_url_and_null_id_records() {
    let server = serve(article_routes());
    let html = std::fs::read_to_string(page()).unwrap();
    let text = std::fs::read_to_string(minya()).unwrap();
    let records = [
        serde_json::json!({ "id": "h", "html": html, "url": "https://example.com/story" }),
        serde_json::json!({ "id": "u", "url": format!("{}/b", server.base) }),
        serde_json::json!({ "id": "gone", "url": format!("{}/nothing", server.base) }),
        serde_json::json!({ "id": null, "article": text }),
    ];
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let out = lede(&["summarize", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "h");
    assert!(
        lines[0]["bullets"].as_array().unwrap().len() == 3,
        "{}",
        lines[0]
    );
    assert_eq!(lines[1]["url"], format!("{}/b", server.base));
    assert!(lines[1]["bullets"].is_array());
    assert_eq!(lines[2]["url"], format!("{}/nothing", server.base));
    assert!(
        lines[2]["error"].as_str().unwrap().contains("404"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3]["id"], "line-4");
    assert!(
        stderr(&out).contains("4 inputs: 3 ok, 1 failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn url_lists_keep_order_account_for_every_url_and_are_polite() {
    let server = serve(article_routes());
    let list = scratch("urls.txt");
    let urls = format!(
        "# morning list\n{0}/a\n\n{0}/missing\n{0}/b\n{0}/a\n",
        server.base
    );
    std::fs::write(&list, urls).unwrap();
    let run = |threads: &str| {
        lede(
            &[
                "summarize",
                "--urls",
                list.to_str().unwrap(),
                "-j",
                threads,
                "--fetch-concurrency",
                threads,
                "--host-delay-ms",
                "1",
            ],
            None,
        )
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(one.stdout, four.stdout, "same output on any thread count");
    assert_eq!(
        server.busiest.load(Ordering::SeqCst),
        1,
        "one request at a time per host"
    );
    let lines = json_lines(&four);
    assert_eq!(lines.len(), 4);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let base = &server.base;
    assert_eq!(
        ids,
        [
            format!("{base}/a"),
            format!("{base}/missing"),
            format!("{base}/b"),
            format!("{base}/a")
        ]
    );
    assert!(lines[1]["error"].as_str().unwrap().contains("HTTP 404"));
    let err = stderr(&four);
    assert!(
        err.contains("4 inputs: 3 ok, 1 failed, 1 duplicate ids"),
        "{err}"
    );
    assert!(
        err.contains(&format!("warning: duplicate id {base}/a")),
        "{err}"
    );
}

#[test]
fn directories_are_walked_in_sorted_order_into_an_output_dir() {
    let dir = scratch("pages");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(minya(), dir.join("b.txt")).unwrap();
    std::fs::copy(page(), dir.join("sub/a.html")).unwrap();
    std::fs::copy(
        manifest("tests/fixtures/summarize/cnn.story"),
        dir.join("a.story"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    let out = lede(&["summarize", dir.to_str().unwrap(), "-j", "2"], None);
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    let name = |p: &str| dir.join(p).display().to_string();
    assert_eq!(ids, [name("a.story"), name("b.txt"), name("sub/a.html")]);

    let target = scratch("summaries");
    let out = lede(
        &[
            "summarize",
            dir.to_str().unwrap(),
            "--output-dir",
            target.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let mut written: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 3);
    assert!(written
        .iter()
        .all(|n| n.ends_with(".json") && !n.contains('/')));
    assert!(written[2].ends_with("sub_a.html.json"), "{written:?}");
    let one: Value =
        serde_json::from_str(&std::fs::read_to_string(target.join(&written[2])).unwrap()).unwrap();
    assert_eq!(one["id"], name("sub/a.html"));
    std::fs::remove_file(target.join(&written[1])).unwrap();
    let resumed = lede(
        &[
            "summarize",
            dir.to_str().unwrap(),
            "--output-dir",
            target.to_str().unwrap(),
            "--resume",
        ],
        None,
    );
    let err = stderr(&resumed);
    assert!(err.contains("1 inputs: 1 ok, 0 failed, 2 skipped"), "{err}");
    assert!(target.join(&written[1]).exists());
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 3);
    let refused = lede(
        &[
            "summarize",
            dir.to_str().unwrap(),
            "--output-dir",
            target.to_str().unwrap(),
            "-f",
            "text",
        ],
        None,
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).starts_with("error: --output-dir writes JSON"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn feeds_and_sitemaps_guard_discovered_urls() {
    let pages = serve(article_routes());
    let base = pages.base.clone();
    let rss = format!(
        "<?xml version=\"1.0\"?><rss><channel><item><link>{base}/a</link></item>\
         <item><link>{base}/b</link></item></channel></rss>"
    );
    let sitemap = format!("<urlset><url><loc>{base}/b</loc></url></urlset>");
    let server = serve(vec![
        ("/feed", "application/rss+xml", rss.clone().into_bytes()),
        ("/sitemap.xml", "application/xml", sitemap.into_bytes()),
    ]);
    let index = format!(
        "<sitemapindex><sitemap><loc>{}/sitemap.xml</loc></sitemap></sitemapindex>",
        server.base
    );
    let index_file = scratch("index.xml");
    std::fs::write(&index_file, index).unwrap();
    let feed_file = scratch("feed.xml");
    std::fs::write(&feed_file, &rss).unwrap();

    let refused = lede(&["summarize", "--feed", feed_file.to_str().unwrap()], None);
    assert_eq!(refused.status.code(), Some(2));
    let lines = json_lines(&refused);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert!(
            line["error"]
                .as_str()
                .unwrap()
                .contains("private or reserved"),
            "{line}"
        );
    }

    let guarded = lede(&["summarize", "--public-only", &format!("{base}/a")], None);
    assert_eq!(guarded.status.code(), Some(1));
    assert!(
        stderr(&guarded).contains("private or reserved"),
        "{}",
        stderr(&guarded)
    );

    let feed_url = format!("{}/feed", server.base);
    let index_path = index_file.to_str().unwrap();
    let allowed = lede(
        &[
            "summarize",
            "--feed",
            &feed_url,
            "--sitemap",
            index_path,
            "--allow-private-fetch",
        ],
        None,
    );
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    let ids: Vec<String> = json_lines(&allowed)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            format!("{base}/a"),
            format!("{base}/b"),
            format!("{base}/b")
        ]
    );
}

#[test]
fn resume_skips_done_ids_and_repairs_a_cut_line() {
    let output = scratch("resume.jsonl");
    let full = lede(
        &["summarize", &corpus(), "-o", output.to_str().unwrap()],
        None,
    );
    assert!(full.status.success(), "{}", stderr(&full));
    let complete = std::fs::read_to_string(&output).unwrap();
    let lines: Vec<&str> = complete.lines().collect();
    assert!(lines.len() >= 3);
    // A crash after the first record, in the middle of the second.
    let cut = format!("{}\n{}", lines[0], &lines[1][..lines[1].len() / 2]);
    std::fs::write(&output, cut).unwrap();
    let resumed = lede(
        &[
            "summarize",
            &corpus(),
            "-o",
            output.to_str().unwrap(),
            "--resume",
        ],
        None,
    );
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), complete);
    let err = stderr(&resumed);
    assert!(err.contains("1 skipped (already in the output)"), "{err}");
    assert!(
        err.contains("warning: ") && err.contains("cut short"),
        "{err}"
    );
    let again = lede(
        &[
            "summarize",
            &corpus(),
            "-o",
            output.to_str().unwrap(),
            "--resume",
        ],
        None,
    );
    assert!(stderr(&again).contains(&format!(
        "0 inputs: 0 ok, 0 failed, {} skipped",
        lines.len()
    )));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), complete);
}

#[test]
fn errors_share_one_prefix() {
    let out = lede(&["summarize", "/nonexistent/article.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error: cannot open /nonexistent/article.txt"),
        "{}",
        stderr(&out)
    );
    let usage = lede(&["summarize", "--no-such-flag"], None);
    assert!(stderr(&usage).starts_with("error: "));
}
