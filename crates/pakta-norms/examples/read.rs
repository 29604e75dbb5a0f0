//! Reads each line of standard input as one clause and prints its norms, one per line: a way to see what
//! the reader makes of a sentence while writing lexicon entries. `--id` reads the lines as Indonesian;
//! `READ_DEBUG=1` also prints each norm's conditions in full (who gives a consent, what is denied) and
//! the words the catalogue's norm rules look in.

use std::io::BufRead;

fn main() {
    let indonesian = std::env::args().any(|a| a == "--id");
    let definitions = pakta_norms::Definitions::default();
    let reader = pakta_norms::Reader::new(&definitions, indonesian);
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if line.trim().is_empty() {
            continue;
        }
        println!("{line}");
        for norm in reader.read(&line, None) {
            println!("  → {}", norm.describe());
            if std::env::var("READ_DEBUG").is_ok() {
                println!("{:#?}", norm.conditions);
                println!("    words: {}", norm.words());
            }
        }
    }
}
