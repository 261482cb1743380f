//! The web page in a real browser: headless chromium driven by
//! scripts/serve/browser-test.mjs (playwright-core), with an accessibility
//! audit by axe-core at desktop width and at 390 px. The browser and the Node
//! packages are installed by scripts/serve/install-browser.sh; where that is
//! impossible the test is skipped with a loud message.
//! Set LEDE_SCREENSHOT=path.png to keep a screenshot of the page.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/serve")
}

fn skip(reason: &str) {
    let banner = "!".repeat(72);
    eprintln!("{banner}\nSKIPPED browser test: {reason}\n{banner}");
    println!("SKIPPED browser test: {reason}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_summarizes_highlights_and_reports_errors() {
    let install = Command::new("bash")
        .arg(scripts().join("install-browser.sh"))
        .status();
    match install {
        Ok(status) if status.success() => {}
        Ok(status) => return skip(&format!("install-browser.sh failed ({status})")),
        Err(err) => return skip(&format!("could not run install-browser.sh: {err}")),
    }

    let server = Server::start(config()).await;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/daily-mail-minya.txt");
    let mut command = Command::new("node");
    command
        .current_dir(scripts())
        .arg("browser-test.mjs")
        .arg(server.url("/"))
        .arg(fixture);
    if let Some(path) = std::env::var_os("LEDE_SCREENSHOT") {
        command.arg(path);
    }
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "browser test failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains("ok - 3 bullets appear"), "{stdout}");
    for width in ["desktop", "390 px"] {
        assert!(
            stdout.contains(&format!(
                "ok - no serious or critical accessibility violations ({width}, with a summary"
            )),
            "the accessibility audit ran at {width}:\n{stdout}"
        );
    }
}
