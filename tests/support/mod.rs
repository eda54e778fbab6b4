//! A loopback HTTP server for hermetic tests: fixed routes, scripted sequences,
//! redirects, delays, and a request log with server-side timestamps.
#![allow(dead_code)]

pub mod evil;

/// Runs a whole audit of `cfg` with the embedded rules; panics if it cannot start.
pub async fn audit(cfg: &govaudit::config::AuditConfig) -> govaudit::report::model::Report {
    govaudit::audit::run_audit(
        cfg,
        Arc::new(govaudit::rules::Catalog::embedded().expect("embedded rules")),
        Arc::new(govaudit::crawl::StopSignal::default()),
    )
    .await
    .map_err(|e| e.error)
    .expect("audit starts")
}

use axum::body::Body;
use axum::http::{Method, Request, Response, StatusCode};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a route answers.
#[derive(Clone)]
pub enum Reply {
    /// 200 with `text/html; charset=utf-8`.
    Html(String),
    /// Any status, headers and body.
    Raw {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Redirect with a status and Location.
    Redirect(u16, String),
    /// Successive answers on successive requests; the last one repeats.
    Seq(Vec<Reply>),
    /// Wait, then answer.
    Delay(Duration, Box<Reply>),
}

impl Reply {
    /// 200 text/html with the given charset-less content type and raw bytes.
    pub fn bytes(content_type: &str, body: Vec<u8>) -> Reply {
        Reply::Raw {
            status: 200,
            headers: vec![("content-type".into(), content_type.into())],
            body,
        }
    }

    /// A status with an empty HTML body.
    pub fn status(status: u16) -> Reply {
        Reply::Raw {
            status,
            headers: vec![("content-type".into(), "text/html".into())],
            body: Vec::new(),
        }
    }
}

/// One logged request.
#[derive(Clone, Debug)]
pub struct Hit {
    pub method: String,
    pub path: String,
    pub at: Instant,
}

/// A running test server.
pub struct TestServer {
    pub addr: SocketAddr,
    pub log: Arc<Mutex<Vec<Hit>>>,
    handle: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

impl TestServer {
    /// `http://127.0.0.1:PORT` + path.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Requests to `path` with `method` so far.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|h| h.method == method && h.path == path)
            .count()
    }

    /// Every request so far.
    pub fn hits(&self) -> Vec<Hit> {
        self.log.lock().unwrap().clone()
    }
}

/// Starts a server with `routes` (path with query → reply); anything else is 404.
pub async fn serve(routes: Vec<(&str, Reply)>) -> TestServer {
    let routes: Vec<(String, Reply)> = routes
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    serve_at(move |_| routes).await
}

/// Like [`serve`], with routes built from the server's origin (`http://127.0.0.1:PORT`)
/// for bodies that need absolute URLs (sitemaps, robots.txt).
pub async fn serve_at(make: impl FnOnce(&str) -> Vec<(String, Reply)>) -> TestServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    start(listener, make)
}

fn start(
    listener: tokio::net::TcpListener,
    make: impl FnOnce(&str) -> Vec<(String, Reply)>,
) -> TestServer {
    let addr = listener.local_addr().unwrap();
    let routes = make(&format!("http://{addr}"));
    let routes: Arc<HashMap<String, Reply>> = Arc::new(routes.into_iter().collect());
    let counters: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let log: Arc<Mutex<Vec<Hit>>> = Arc::default();
    let log2 = log.clone();
    let app = axum::Router::new().fallback(move |req: Request<Body>| {
        let routes = routes.clone();
        let counters = counters.clone();
        let log = log2.clone();
        async move {
            let path = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default();
            log.lock().unwrap().push(Hit {
                method: req.method().to_string(),
                path: path.clone(),
                at: Instant::now(),
            });
            let n = {
                let mut c = counters.lock().unwrap();
                let e = c.entry(path.clone()).or_insert(0);
                *e += 1;
                *e - 1
            };
            match routes.get(&path) {
                Some(reply) => respond(reply, n, req.method() == Method::HEAD).await,
                None => Response::builder()
                    .status(404)
                    .body(Body::from("not found"))
                    .unwrap(),
            }
        }
    });
    let handle = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    TestServer { addr, log, handle }
}

fn respond(
    reply: &Reply,
    n: usize,
    head: bool,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Response<Body>> + Send + '_>> {
    Box::pin(async move {
        match reply {
            Reply::Html(s) => Response::builder()
                .header("content-type", "text/html; charset=utf-8")
                .body(if head {
                    Body::empty()
                } else {
                    Body::from(s.clone())
                })
                .unwrap(),
            Reply::Raw {
                status,
                headers,
                body,
            } => {
                let mut b = Response::builder().status(StatusCode::from_u16(*status).unwrap());
                for (k, v) in headers {
                    b = b.header(k, v);
                }
                b.body(if head {
                    Body::empty()
                } else {
                    Body::from(body.clone())
                })
                .unwrap()
            }
            Reply::Redirect(status, to) => Response::builder()
                .status(*status)
                .header("location", to)
                .body(Body::empty())
                .unwrap(),
            Reply::Seq(list) => respond(&list[n.min(list.len() - 1)], 0, head).await,
            Reply::Delay(d, inner) => {
                tokio::time::sleep(*d).await;
                respond(inner, n, head).await
            }
        }
    })
}

/// A minimal portal page with a title, lang, and the given body.
pub fn page(title: &str, body: &str) -> Reply {
    Reply::Html(format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>"
    ))
}
