//! A raw-TCP server for faults an HTTP framework will not produce: headers
//! trickled byte by byte, a body that never ends, a connection reset mid-body.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A running raw server; stops when dropped.
pub struct EvilServer {
    pub addr: SocketAddr,
    handle: tokio::task::JoinHandle<()>,
}

impl Drop for EvilServer {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

impl EvilServer {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

const HOME: &str = "<html lang=\"zh\"><head><title>首页</title></head><body><a href=\"/trickle\">慢</a><a href=\"/endless\">无尽</a><a href=\"/reset\">断开</a></body></html>";

/// Serves `/` (links to the traps), `/trickle`, `/endless`, `/reset`; 404 elsewhere.
pub async fn serve_evil() -> EvilServer {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                break;
            };
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
                let head = req.starts_with("HEAD");
                match path.as_str() {
                    "/" => {
                        let resp = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
                            HOME.len(),
                            if head { "" } else { HOME }
                        );
                        let _ = sock.write_all(resp.as_bytes()).await;
                    }
                    "/trickle" => {
                        // One header byte per second, for up to a minute.
                        let _ = sock.write_all(b"HTTP/1.1 200 OK\r\n").await;
                        for b in "x-slow: ".bytes().chain(std::iter::repeat_n(b'a', 60)) {
                            if sock.write_all(&[b]).await.is_err() {
                                return;
                            }
                            tokio::time::sleep(Duration::from_secs(1)).await;
                        }
                    }
                    "/endless" => {
                        let _ = sock.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ntransfer-encoding: chunked\r\n\r\n").await;
                        let chunk = format!(
                            "{:x}\r\n{}\r\n",
                            1024,
                            "<p>无尽</p>"
                                .repeat(1024 / "<p>无尽</p>".len())
                                .chars()
                                .chain(std::iter::repeat('x'))
                                .take(1024)
                                .collect::<String>()
                        );
                        for _ in 0..60_000 {
                            if sock.write_all(chunk.as_bytes()).await.is_err() {
                                return;
                            }
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                    }
                    "/reset" => {
                        let _ = sock.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 100000\r\n\r\n<html><body><p>").await;
                        let _ = sock.write_all(&[b'a'; 1000]).await;
                        #[allow(deprecated)] // a reset is the point here
                        let _ = sock.set_linger(Some(Duration::ZERO));
                        drop(sock);
                    }
                    _ => {
                        let _ = sock.write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
                    }
                }
            });
        }
    });
    EvilServer { addr, handle }
}
