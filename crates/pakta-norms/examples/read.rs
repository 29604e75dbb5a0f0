//! Reads each line of standard input as one clause and prints its norms, one per line: a way to see what
//! the reader makes of a sentence while writing lexicon entries. `--id` reads the lines as Indonesian;
//! `READ_DEBUG=1` also prints each norm's conditions in full (who gives a consent, what is denied) and
//! the words the catalogue's norm rules look in. An indented line is a point of the last line that ended
//! with a colon, read under that lead-in.

use std::io::BufRead;

fn main() {
    let indonesian = std::env::args().any(|a| a == "--id");
    let definitions = pakta_norms::Definitions::default();
    let reader = pakta_norms::Reader::new(&definitions, indonesian);
    let mut lead: Option<pakta_norms::Norm> = None;
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if line.trim().is_empty() {
            continue;
        }
        println!("{line}");
        let point = line.starts_with(' ');
        let norms = reader.read(line.trim(), if point { lead.as_ref() } else { None });
        if !point {
            lead = line
                .trim_end()
                .ends_with(':')
                .then(|| norms.last().cloned())
                .flatten();
        }
        for norm in norms {
            println!("  → {}", norm.describe());
            if std::env::var("READ_DEBUG").is_ok() {
                println!("{:#?}", norm.conditions);
                println!("    words: {}", norm.words());
                for q in pakta_norms::quantity::quantities(norm.words()) {
                    println!(
                        "    quantity: {} {:?} per {:?} age {} bound {:?}",
                        q.value, q.unit, q.per, q.age, q.bound
                    );
                }
                println!(
                    "    classes: {:?}",
                    norm.action.as_ref().map(|a| &a.classes)
                );
            }
        }
    }
}
