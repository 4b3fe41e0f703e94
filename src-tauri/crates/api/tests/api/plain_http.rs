//! `https://` to a port that speaks plain HTTP: the error says the server answered plain
//! HTTP (in both languages' wording upstream), not that its certificate was refused.

use maskline_api::axb::AxbUnbind;
use maskline_api::{Client, ClientConfig, RetryPolicy, Sensitive};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A plain HTTP server as web servers behave: whatever arrives (here a TLS ClientHello) gets
/// `400 Bad Request` in plain text.
async fn plain_http_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                let _ = tcp.read(&mut buf).await;
                let _ = tcp
                    .write_all(
                        b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\nConnection: close\r\n\r\nBad Request",
                    )
                    .await;
                let _ = tcp.shutdown().await;
            });
        }
    });
    format!("https://{addr}")
}

#[tokio::test]
async fn https_to_a_plain_http_port_says_plain_http_not_certificate() {
    let base = plain_http_server().await;
    let mut cfg = ClientConfig::new(&base, "k", Sensitive::new("s".to_string()));
    cfg.retry = RetryPolicy::none();
    let c = Client::new(cfg).expect("client");
    let err = c
        .axb_unbind(&AxbUnbind::Subscription("sub".into()))
        .await
        .expect_err("no TLS there");
    let text = err.to_string();
    assert!(err.is_plain_http(), "{err:?}");
    assert!(err.surely_not_sent(), "nothing was sent: {err:?}");
    assert!(text.contains("plain HTTP"), "{text}");
    assert!(
        !text.contains("certificate"),
        "not blamed on the certificate: {text}"
    );
}
