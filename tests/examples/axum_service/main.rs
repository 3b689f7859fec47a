//! A small axum service whose endpoints fail in documented ways.
//!
//! Run with `cargo run -p apierror-tests --example axum_service [PORT]` (default 3000; `0` picks
//! a free port), then, for example, `curl -i localhost:3000/v1/score` or
//! `curl -i localhost:3000/v1/orders/42`.

mod service;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let port = std::env::args()
        .nth(1)
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let address = listener.local_addr()?;
    println!(
        "{}",
        apierror::docs::Table::new(&service::catalog()).with_grouping(false)
    );
    println!("listening on http://{address}");
    println!(
        "try: curl -i http://{address}/v1/score   (also /v1/score/burst, /v1/score/warm, /v1/crash, /v1/orders/42, /nowhere)"
    );
    axum::serve(listener, service::app()).await
}
