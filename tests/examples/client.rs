//! A client of the example service (`axum_service`): it calls the service with reqwest, decodes
//! each error back into the service's own `ScoringError`, and retries as the catalog says.
//!
//! Run with `cargo run -p apierror-tests --example client [BASE_URL]`; without a base URL it
//! starts the example service on a free local port first.

#[path = "axum_service/service.rs"]
#[allow(dead_code, reason = "the client uses the service's error type and router")]
mod service;

use apierror::ApiErrorExt as _;
use apierror::client::{Decoded, RemoteError, RetryDecision, RetryPolicy};
use service::ScoringError;

/// One call: the body on success, or the decoded error.
async fn call(client: &reqwest::Client, url: &str, key: Option<&str>) -> Result<String, RemoteError> {
    let mut request = client.get(url);
    if let Some(key) = key {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    let response = request.send().await.map_err(|e| {
        eprintln!("transport error: {e}");
        RemoteError::new(apierror::StatusCode::BAD_GATEWAY)
    })?;
    let response = apierror::client::reqwest::check(response).await?;
    Ok(response.text().await.unwrap_or_default())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let base = match std::env::args().nth(1) {
        Some(base) => base,
        None => {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let address = listener.local_addr()?;
            tokio::spawn(async move { axum::serve(listener, service::app()).await });
            format!("http://{address}")
        }
    };
    let client = reqwest::Client::new();

    // A typed error, matched like any Rust enum.
    for key in [None, Some("sk_test")] {
        match call(&client, &format!("{base}/v1/score"), key).await {
            Ok(body) => println!("scored: {body}"),
            Err(remote) => match remote.decode::<ScoringError>() {
                Decoded::Known(ScoringError::AuthRequired) => println!("401: sign in first"),
                Decoded::Known(ScoringError::UsageLimitExceeded {
                    usage_type,
                    current,
                    limit,
                }) => {
                    println!("402: {usage_type} at {current} of {limit}");
                }
                Decoded::Known(other) => println!("{}: {other:?}", other.code()),
                Decoded::Unknown(remote) => println!("unknown error: {remote}"),
            },
        }
    }

    // An agent reads the resolution as an API call it can make.
    if let Err(remote) = call(&client, &format!("{base}/v1/score"), Some("sk_test")).await
        && let Some(action) = remote
            .resolve()
            .and_then(apierror::client::RemoteResolve::action_call)
    {
        println!(
            "an agent would call {} {} ({:?})",
            action.method, action.endpoint, action.action
        );
    }

    // A retry loop: the policy reads the catalog's strategy and the server's Retry-After.
    let policy = RetryPolicy::new();
    let mut attempt = 1;
    loop {
        match call(&client, &format!("{base}/v1/score/warm"), Some("sk_test")).await {
            Ok(body) => {
                println!("attempt {attempt}: {body}");
                break;
            }
            Err(remote) => {
                let known = match remote.clone().decode::<ScoringError>() {
                    Decoded::Known(error) => Some(error.retry()),
                    Decoded::Unknown(_) => None,
                };
                match policy.decide(&remote, known, attempt) {
                    RetryDecision::Retry { after } => {
                        println!("attempt {attempt}: {remote}; retrying in {after:?}");
                        tokio::time::sleep(after).await;
                        attempt += 1;
                    }
                    other => {
                        println!("attempt {attempt}: {remote}; giving up: {other:?}");
                        break;
                    }
                }
            }
        }
    }

    // A server error the client cannot rebuild (its source stays on the server) stays a
    // RemoteError with everything the response said.
    if let Err(remote) = call(&client, &format!("{base}/v1/crash"), None).await {
        println!("500: {remote} (request id {:?})", remote.request_id());
    }
    Ok(())
}
