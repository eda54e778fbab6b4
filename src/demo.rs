//! The bundled demo portal (`seeds/demo/`), embedded in the binary and served on
//! 127.0.0.1 so `govaudit audit` with no argument works offline from any folder.

use include_dir::{Dir, include_dir};
use std::net::SocketAddr;

static DEMO: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seeds/demo");

/// The demo's seed file.
pub const DEMO_SEED: &str = include_str!("../seeds/demo.toml");

/// A static site served on loopback; stops when dropped.
pub struct StaticServer {
    /// Bound address.
    pub addr: SocketAddr,
    handle: tokio::task::JoinHandle<()>,
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

/// Content type by extension. GBK pages (`*.gbk.html`) are sent as plain
/// `text/html` with no charset, as the portals this tool audits do.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" if path.ends_with(".gbk.html") => "text/html",
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "application/javascript; charset=utf-8",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "gif" => "image/gif",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    }
}

/// Serves the embedded demo portal on `127.0.0.1:0`.
pub async fn serve_demo() -> std::io::Result<StaticServer> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let origin = format!("http://{addr}");
    let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let origin = origin.clone();
        async move { demo_response(uri.path(), &origin) }
    });
    let handle = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(StaticServer { addr, handle })
}

fn demo_response(path: &str, origin: &str) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let mut rel = path.trim_start_matches('/').to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    match DEMO.get_file(&rel) {
        // robots.txt and sitemap.xml need absolute URLs: fill in where we are served.
        Some(f) if rel.ends_with(".xml") || rel.ends_with(".txt") => {
            let text = String::from_utf8_lossy(f.contents()).replace("{{ORIGIN}}", origin);
            ([(header::CONTENT_TYPE, content_type(&rel))], text).into_response()
        }
        Some(f) => ([(header::CONTENT_TYPE, content_type(&rel))], f.contents()).into_response(),
        None => match DEMO.get_file("404.html") {
            Some(f) => (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                f.contents(),
            )
                .into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        },
    }
}
