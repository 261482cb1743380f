//! Fuzzes the JSON-lines corpus reader with arbitrary bytes and a small
//! line limit: it must never panic, and it must account for every line.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let records = lede::ingest::Records::new(data, 256);
    let mut last_line = 0;
    for record in records {
        let line = match record {
            Ok(r) => r.line,
            Err(e) => e.line,
        };
        assert!(line > last_line, "lines come out in order");
        last_line = line;
    }
});
