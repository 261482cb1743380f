//! `lede extract` end to end on small fixture pages (files, stdin, a loopback URL).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

fn lede(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

const FLOOD_TEXT: &str = "More than 200 homes were flooded in the seaside town of Porthmouth after the river burst its banks in the early hours of Saturday.

Lifeboat crews rescued dozens of residents from upstairs windows as the water rose to more than four feet in some streets.

'I have lived here for forty years and never seen anything like it,' said one resident, who asked not to be named.

The Met Office has issued a yellow warning for rain across the region, with up to 60mm expected in places on Sunday.
";

#[test]
fn daily_mail_page_as_text_has_no_bullets_captions_or_furniture() {
    let path = fixture("dailymail_like.html");
    let out = stdout(&lede(&["extract", path.to_str().unwrap()], None));
    assert_eq!(out, FLOOD_TEXT);
}

#[test]
fn daily_mail_page_as_json_puts_bullets_in_highlights() {
    let path = fixture("dailymail_like.html");
    let out = stdout(&lede(
        &["extract", path.to_str().unwrap(), "--format", "json"],
        None,
    ));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["title"],
        "Storm floods seaside town as river bursts its banks"
    );
    assert_eq!(json["authors"], serde_json::json!(["Jane Smith"]));
    assert_eq!(json["published"], "2017-05-27T10:15:00+01:00");
    assert_eq!(json["site_name"], "Mail Online");
    assert_eq!(json["language"], "en-GB");
    assert_eq!(json["text"], FLOOD_TEXT.trim_end());
    assert_eq!(
        json["highlights"],
        serde_json::json!([
            "More than 200 homes were flooded when the river burst its banks overnight",
            "Residents were rescued by lifeboat crews from upstairs windows",
            "Forecasters warn that more heavy rain is expected this weekend"
        ])
    );
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 4);
}

#[test]
fn nav_comments_and_cookie_banner_are_dropped() {
    let path = fixture("nav_comments.html");
    let out = stdout(&lede(&["extract", path.to_str().unwrap()], None));
    assert_eq!(
        out,
        "The city opened its new central library on Tuesday, the first new public building in the district for more than a decade.

The library holds more than 80,000 books and has a dedicated floor for children, with reading rooms that stay open until nine in the evening.

A long campaign

Local groups campaigned for six years for the library, after the old building was closed because of damp and structural problems.
"
    );
}

#[test]
fn windows_1252_page_from_stdin() {
    let bytes = std::fs::read(fixture("windows1252.html")).unwrap();
    let out = stdout(&lede(&["extract", "-", "--format", "json"], Some(&bytes)));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["title"], "Caf\u{e9} culture");
    assert_eq!(
        json["paragraphs"],
        serde_json::json!([
            "The caf\u{e9} on the corner says \u{201c}business is booming\u{201d} \u{2013} and it has hired two more baristas for the summer.",
            "Its owner, Ren\u{e9}e M\u{fc}ller, paid \u{20ac}12,000 for a new espresso machine last month."
        ])
    );
}

#[test]
fn plain_text_input() {
    let text = b"First paragraph,\nwrapped over two lines.\n\n\nSecond paragraph.\n";
    let out = stdout(&lede(
        &["extract", "-", "--input-format", "text"],
        Some(text),
    ));
    assert_eq!(
        out,
        "First paragraph, wrapped over two lines.\n\nSecond paragraph.\n"
    );
}

#[test]
fn url_on_loopback() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/story", listener.local_addr().unwrap());
    let page = std::fs::read(fixture("dailymail_like.html")).unwrap();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
            line.clear();
        }
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            page.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&page).unwrap();
    });
    let out = stdout(&lede(&["extract", &url], None));
    server.join().unwrap();
    assert_eq!(out, FLOOD_TEXT);
}

#[test]
fn page_without_body_text_reports_its_metadata_and_status_2() {
    let page: &[u8] = b"<html lang=fr><head><title>Contact | Example</title>\
        <meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\"></head>\
        <body><nav><a href=/>Home</a></nav></body></html>";
    let output = lede(&["extract", "-", "-f", "json"], Some(page));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).starts_with("warning: no article text found in -")
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["warning"], "no article text found");
    assert_eq!(json["title"], "Contact | Example");
    assert_eq!(json["language"], "fr");
    assert_eq!(json["published"], "2024-03-05T10:00:00Z");
    assert_eq!(json["paragraphs"], serde_json::json!([]));
    assert_eq!(json["text"], "");
    let text = lede(&["extract", "-"], Some(page));
    assert_eq!(text.status.code(), Some(2));
    assert!(text.stdout.is_empty());
    let missing = lede(&["extract", "/no/such/file.html"], None);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr)
        .starts_with("error: cannot open /no/such/file.html"));
}

#[test]
fn binary_input_fails_clearly() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    let output = lede(&["extract", "-"], Some(&png));
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("binary"));
}

#[test]
fn text_files_are_detected_not_refused() {
    let text = b"First paragraph,\nwrapped over two lines.\n\nSecond paragraph.\n";
    let out = stdout(&lede(&["extract"], Some(text)));
    assert_eq!(
        out,
        "First paragraph, wrapped over two lines.\n\nSecond paragraph.\n"
    );
}

#[test]
fn several_inputs_give_json_lines_and_error_records() {
    let page = fixture("dailymail_like.html");
    let other = fixture("nav_comments.html");
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("extract_cli_many.jsonl");
    let args = [
        "extract",
        page.to_str().unwrap(),
        "/no/such/page.html",
        other.to_str().unwrap(),
        "-f",
        "json",
        "-o",
        target.to_str().unwrap(),
    ];
    let out = lede(&args, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    let lines: Vec<serde_json::Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], page.to_str().unwrap());
    assert_eq!(lines[0]["text"], FLOOD_TEXT.trim_end());
    assert_eq!(lines[1]["id"], "/no/such/page.html");
    assert!(lines[1]["error"].as_str().unwrap().contains("cannot open"));
    assert_eq!(lines[2]["id"], other.to_str().unwrap());
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("error: cannot open /no/such/page.html")
    );
}

#[test]
fn a_local_file_can_be_given_its_url() {
    let path = fixture("nav_comments.html");
    let out = stdout(&lede(
        &[
            "extract",
            path.to_str().unwrap(),
            "-f",
            "json",
            "--url",
            "https://news.example.org/library",
        ],
        None,
    ));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        json["site_name"].as_str().unwrap().contains("example.org"),
        "{json}"
    );
}

#[test]
fn stdin_is_read_only_to_the_limit() {
    // The writer keeps stdin open: a reader that wanted all of it would hang.
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", "-", "--max-bytes", "1000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(&[b'a'; 4096]).unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "lede extract read past the limit"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    drop(input);
    assert_eq!(status.code(), Some(1));
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the limit of 1000 bytes"));
}

#[test]
fn json_has_description_links_and_tags_resolved_against_url() {
    // The metadata page lede-html's own tests use.
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../lede-html/tests/fixtures/metadata.html");
    let out = stdout(&lede(
        &[
            "extract",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--url",
            "https://rheinbote.test/news/heute/artikel",
        ],
        None,
    ));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["title"], "Neue Brücke eröffnet");
    assert_eq!(
        json["authors"],
        serde_json::json!(["Anna Weber", "Jan Ott"])
    );
    assert_eq!(json["published"], "2024-03-05T09:30:00+01:00");
    assert_eq!(json["language"], "de-DE");
    assert_eq!(
        json["description"],
        "Die Stadt hat nach vier Jahren Bauzeit die neue Rheinbrücke eröffnet."
    );
    assert_eq!(
        json["canonical_url"],
        "https://rheinbote.test/news/lokales/neue-bruecke"
    );
    assert_eq!(
        json["image_url"],
        "https://rheinbote.test/bilder/bruecke.jpg"
    );
    assert_eq!(
        json["tags"],
        serde_json::json!(["Verkehr", "Stadtplanung", "Brücke", "Rhein"])
    );
    assert!(json["text"]
        .as_str()
        .unwrap()
        .contains("Nach vier Jahren Bauzeit"));

    let out = stdout(&lede(
        &["extract", path.to_str().unwrap(), "--format", "json"],
        None,
    ));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["canonical_url"], serde_json::Value::Null);
    assert_eq!(json["image_url"], serde_json::Value::Null);
}

#[test]
fn markdown_keeps_structure_and_json_reports_the_page_type() {
    let page = format!(
        "<html><head><title>Flood</title></head><body><article><h1>Flood</h1><p>{FLOOD_TEXT}</p>\
         <h2>What residents said</h2><ul><li>We lost everything downstairs.</li>\
         <li>The water rose in minutes.</li></ul>\
         <p>The council said it would meet on Monday to plan the clean-up of the streets.</p></article></body></html>"
    );
    let markdown = stdout(&lede(
        &["extract", "-", "--format", "markdown"],
        Some(page.as_bytes()),
    ));
    assert!(
        markdown.starts_with("# Flood\n\nMore than 200 homes"),
        "{markdown}"
    );
    assert!(markdown.contains(
        "\n\n## What residents said\n\n- We lost everything downstairs.\n- The water rose in minutes.\n\nThe council said"
    ), "{markdown}");
    let json = stdout(&lede(
        &["extract", "-", "--format", "json"],
        Some(page.as_bytes()),
    ));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["page_type"], "article");
    assert!(value["readerable"].is_boolean());
}
