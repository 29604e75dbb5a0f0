//! Meeting mode: two drafts on disk, watched while the delegations edit them. Whenever either file has
//! been saved (its size or modification time changed, then held still for one look), both are read
//! again and the redline made again; the browser is told over server-sent events.
//!
//! A save that cannot be read — a Word file half-written, an empty file mid-save, a file gone for a
//! moment — never replaces the redline on screen: the last good one stays, with a notice saying why.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::PdfText;
use crate::store::Doc;
use crate::work::{self, Download, Ignore};

/// How often the files are looked at: a save shows within two looks plus the redline's time.
const LOOK: Duration = Duration::from_millis(150);

/// What the meeting page shows.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// The last good redline page, if any read succeeded yet.
    pub page: Option<Arc<String>>,
    /// Counts the good redlines made; the page reloads its frame when it changes.
    pub good: u64,
    /// When the last good redline was made (milliseconds since the Unix epoch).
    pub good_at: Option<u64>,
    /// Why the latest read failed, if it did.
    pub notice: Option<String>,
}

#[derive(Debug)]
pub struct Meeting {
    pub old: PathBuf,
    pub new: PathBuf,
    shown: Mutex<Shown>,
    changed: tokio::sync::watch::Sender<u64>,
}

/// The (size, modification time) of a file, or none when it cannot be looked at.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

impl Meeting {
    /// Reads the two drafts once and starts watching them on a thread of its own.
    pub fn start(old: PathBuf, new: PathBuf, pdf_text: PdfText) -> Arc<Meeting> {
        let (changed, _) = tokio::sync::watch::channel(0);
        let meeting = Arc::new(Meeting {
            old,
            new,
            shown: Mutex::new(Shown::default()),
            changed,
        });
        meeting.refresh(&pdf_text);
        let watcher = Arc::clone(&meeting);
        std::thread::Builder::new()
            .name("pakta-watch".into())
            .spawn(move || watcher.watch(&pdf_text))
            .map(drop)
            .unwrap_or_else(|e| {
                meeting.update(|shown| {
                    shown.notice = Some(format!("cannot watch the files: {e}"));
                });
            });
        meeting
    }

    pub fn shown(&self) -> Shown {
        self.lock().clone()
    }

    /// A receiver that wakes on every change of what is shown.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changed.subscribe()
    }

    pub fn name(path: &Path) -> String {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shown> {
        self.shown.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn update(&self, change: impl FnOnce(&mut Shown)) {
        change(&mut self.lock());
        self.changed.send_modify(|n| *n += 1);
    }

    fn watch(&self, pdf_text: &PdfText) {
        let mut seen = (stamp(&self.old), stamp(&self.new));
        let mut pending = false;
        loop {
            std::thread::sleep(LOOK);
            let now = (stamp(&self.old), stamp(&self.new));
            if now != seen {
                // Still being written, perhaps: read once it has held still for one look.
                seen = now;
                pending = true;
            } else if pending {
                pending = false;
                self.refresh(pdf_text);
            }
        }
    }

    /// Reads both drafts and makes the redline; on any failure keeps the last good one and says why.
    fn refresh(&self, pdf_text: &PdfText) {
        match self.redline(pdf_text) {
            Ok(page) => {
                let at = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_millis() as u64)
                    .ok();
                self.update(|shown| {
                    shown.page = Some(Arc::new(page));
                    shown.good += 1;
                    shown.good_at = at;
                    shown.notice = None;
                });
            }
            Err(notice) => self.update(|shown| shown.notice = Some(notice)),
        }
    }

    fn redline(&self, pdf_text: &PdfText) -> Result<String, String> {
        let old = read(&self.old, pdf_text)?;
        let new = read(&self.new, pdf_text)?;
        let page = work::redline(&old, &new, Ignore::default(), Download::Html)?;
        String::from_utf8(page).map_err(|e| e.to_string())
    }
}

fn read(path: &Path, pdf_text: &PdfText) -> Result<Doc, String> {
    let name = Meeting::name(path);
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    work::read(&name, bytes, pdf_text)
}
