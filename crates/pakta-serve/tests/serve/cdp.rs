//! A small Chrome DevTools Protocol client: headless Chromium started with the flags the HTML report
//! tests use, one page attached over the browser's websocket (flattened sessions), and the few commands
//! the workbench tests need — navigate, evaluate, choose files for a file input, take a screenshot.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

pub use pakta_tests::chromium;

pub struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub fn launch(binary: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("profile");
        let mut child = Command::new(binary)
            .args(pakta_tests::CHROMIUM_FLAGS)
            .args(["--window-size=1200,1400", "--remote-debugging-port=0"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().expect("stderr");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.split("DevTools listening on ").nth(1) {
                    let _ = sender.send(url.trim().to_owned());
                }
            }
        });
        let url = receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium printed its DevTools address within 60 s");
        let (socket, _) = tungstenite::connect(url.as_str()).expect("DevTools websocket");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .expect("timeout");
        }
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            _profile: profile,
        };
        let target = browser
            .send("Target.createTarget", json!({"url": "about:blank"}), false)
            .expect("a page");
        let attached = browser
            .send(
                "Target.attachToTarget",
                json!({"targetId": target["targetId"], "flatten": true}),
                false,
            )
            .expect("attached");
        browser.session = attached["sessionId"]
            .as_str()
            .expect("session id")
            .to_owned();
        browser.call("Page.enable", json!({}));
        browser
    }

    /// Sends one command and waits for its answer (events in between are dropped).
    fn send(&mut self, method: &str, params: Value, in_page: bool) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if in_page {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .expect("send to chromium");
        loop {
            let reply = self.socket.read().expect("read from chromium");
            let Message::Text(text) = reply else { continue };
            let value: Value = serde_json::from_str(&text).expect("DevTools JSON");
            if value["id"] == json!(id) {
                if let Some(error) = value.get("error") {
                    return Err(format!("{method}: {error}"));
                }
                return Ok(value["result"].clone());
            }
        }
    }

    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.send(method, params, true)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// The value of a JavaScript expression in the page, or the error (a page mid-navigation).
    pub fn try_eval(&mut self, expression: &str) -> Result<Value, String> {
        let result = self.send(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
            true,
        )?;
        if let Some(exception) = result.get("exceptionDetails") {
            return Err(exception.to_string());
        }
        Ok(result["result"]["value"].clone())
    }

    pub fn eval(&mut self, expression: &str) -> Value {
        self.try_eval(expression)
            .unwrap_or_else(|e| panic!("{expression}: {e}"))
    }

    pub fn text(&mut self, expression: &str) -> String {
        self.eval(expression)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Waits until `expression` is true in the page; returns how long that took.
    pub fn wait_for(&mut self, expression: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if self.try_eval(expression) == Ok(json!(true)) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < limit,
                "not true within {limit:?}: {expression}\nthe page: {}",
                self.try_eval("document.body ? document.body.innerText.slice(0, 2000) : ''")
                    .unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn goto(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        self.wait_for(
            &format!(
                "location.href === {} && document.readyState === 'complete'",
                json!(url)
            ),
            Duration::from_secs(30),
        );
    }

    /// Chooses `files` in the file input `selector`, as a person does in the file dialog.
    pub fn set_files(&mut self, selector: &str, files: &[&Path]) {
        let document = self.call("DOM.getDocument", json!({"depth": 0}));
        let node = self.call(
            "DOM.querySelector",
            json!({"nodeId": document["root"]["nodeId"], "selector": selector}),
        );
        let files: Vec<String> = files
            .iter()
            .map(|f| f.canonicalize().expect("file").display().to_string())
            .collect();
        self.call(
            "DOM.setFileInputFiles",
            json!({"nodeId": node["nodeId"], "files": files}),
        );
    }

    /// A PNG of the page as shown, into `path`.
    pub fn screenshot(&mut self, path: &Path) {
        self.capture(path, json!({"format": "png"}));
    }

    /// A PNG of the top `height` pixels of the page at half size, into `path` (small enough for docs/).
    pub fn thumbnail(&mut self, path: &Path, height: u32) {
        self.capture(
            path,
            json!({"format": "png", "clip": {"x": 0, "y": 0, "width": 1200, "height": height, "scale": 0.5}}),
        );
    }

    fn capture(&mut self, path: &Path, params: Value) {
        use base64::Engine as _;
        let shot = self.call("Page.captureScreenshot", params);
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("data"))
            .expect("base64");
        assert!(png.len() > 1000, "an empty screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
