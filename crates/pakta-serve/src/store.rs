//! The uploads (and drafts) of the last few requests, in memory only, so a result's option links and
//! downloads can be served without uploading again. Nothing is written to disk; the oldest entries are forgotten first.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// One uploaded file, read into Markdown.
#[derive(Debug)]
pub struct Doc {
    /// The file name the browser sent (no folders), as messages and reports call it.
    pub name: String,
    pub markdown: String,
    /// What the importer did, for a file that was not Markdown.
    pub summary: Option<String>,
}

/// What one upload held (or, for a draft, what the term sheet gave).
#[derive(Debug)]
pub enum Entry {
    /// Two drafts to compare.
    Pair { old: Doc, new: Doc },
    /// One agreement to check.
    One(Doc),
    /// An agreement (NEW) to check against an earlier draft (OLD).
    Against { old: Doc, new: Doc },
    /// Two language versions of one agreement.
    Versions { a: Doc, b: Doc },
    /// A term sheet and the drafts made from it.
    Draft(crate::drafting::Drafted),
}

/// How many uploads are kept.
const KEPT: usize = 32;

#[derive(Debug, Default)]
pub struct Store {
    entries: Mutex<VecDeque<(String, Arc<Entry>)>>,
}

impl Store {
    /// Keeps `entry` and returns the random id it is found by.
    pub fn put(&self, entry: Entry) -> anyhow::Result<String> {
        let id = crate::random_hex(12)?;
        let mut entries = self.lock();
        if entries.len() >= KEPT {
            entries.pop_front();
        }
        entries.push_back((id.clone(), Arc::new(entry)));
        Ok(id)
    }

    pub fn get(&self, id: &str) -> Option<Arc<Entry>> {
        self.lock()
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, entry)| Arc::clone(entry))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(String, Arc<Entry>)>> {
        // A panic while holding the lock cannot leave the queue half-changed: keep serving.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str) -> Doc {
        Doc {
            name: name.into(),
            markdown: String::new(),
            summary: None,
        }
    }

    #[test]
    fn keeps_the_latest_and_forgets_the_oldest() {
        let store = Store::default();
        let first = store.put(Entry::One(doc("first"))).expect("id");
        let ids: Vec<String> = (0..KEPT)
            .map(|i| store.put(Entry::One(doc(&i.to_string()))).expect("id"))
            .collect();
        assert!(store.get(&first).is_none(), "the oldest is forgotten");
        assert!(
            matches!(store.get(&ids[KEPT - 1]).as_deref(), Some(Entry::One(d)) if d.name == "31")
        );
        assert!(store.get("nonsense").is_none());
    }
}
