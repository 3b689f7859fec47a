//! reqwest: one call on a response gives it back when it succeeded, or the decoded error.
//!
//! ```no_run
//! # async fn example() -> Result<(), apierror::client::RemoteError> {
//! let response = reqwest::get("http://localhost:3000/v1/score").await.expect("sent");
//! let response = apierror::client::reqwest::check(response).await?;
//! # let _ = response;
//! # Ok(())
//! # }
//! ```

use super::{BODY_LIMIT, RemoteError};

/// `response` when its status is not an error (below 400); otherwise its body, read once and at
/// most [`BODY_LIMIT`] bytes of it, decoded into a [`RemoteError`] with the envelope detected.
///
/// # Errors
/// The decoded error of a 4xx or 5xx response. A body that cannot be read (the connection
/// broke) or is too large still gives the status and headers.
///
/// ```no_run
/// # async fn example() {
/// let response = reqwest::get("http://localhost:3000/v1/orders/7").await.expect("sent");
/// match apierror::client::reqwest::check(response).await {
///     Ok(order) => println!("{}", order.text().await.expect("body")),
///     Err(error) => println!("{} {:?}", error.status(), error.code()),
/// }
/// # }
/// ```
pub async fn check(response: reqwest::Response) -> Result<reqwest::Response, RemoteError> {
    if !(response.status().is_client_error() || response.status().is_server_error()) {
        return Ok(response);
    }
    Err(decode(response).await)
}

/// The decoded error of `response`, whatever its status (for callers that checked it), with
/// the envelope detected.
///
/// ```no_run
/// # async fn example() {
/// let response = reqwest::get("http://localhost:3000/v1/orders/7").await.expect("sent");
/// if response.status().is_client_error() {
///     let error = apierror::client::reqwest::decode(response).await;
///     println!("{:?}: {:?}", error.code(), error.detail());
/// }
/// # }
/// ```
pub async fn decode(response: reqwest::Response) -> RemoteError {
    let (status, headers, body) = read(response).await;
    RemoteError::from_response(status, &headers, &body)
}

/// [`decode`] in the envelope `decoder` (a custom one, say), without detection.
///
/// ```no_run
/// use apierror::envelope::CodeMessage;
///
/// # async fn example() {
/// let response = reqwest::get("http://localhost:3000/v1/orders/7").await.expect("sent");
/// let error = apierror::client::reqwest::decode_with(&CodeMessage, response).await;
/// println!("{:?}", error.code());
/// # }
/// ```
pub async fn decode_with(decoder: &dyn super::Decode, response: reqwest::Response) -> RemoteError {
    let (status, headers, body) = read(response).await;
    RemoteError::from_response_with(decoder, status, &headers, &body)
}

/// The status, the headers and at most [`BODY_LIMIT`] bytes of body (none when it is larger or
/// could not be read whole).
async fn read(mut response: reqwest::Response) -> (http::StatusCode, http::HeaderMap, Vec<u8>) {
    // reqwest's status and headers are `http` 1's, the types this crate uses.
    let status = response.status();
    let headers = response.headers().clone();
    let mut body = Vec::new();
    let mut complete = true;
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) if body.len() + chunk.len() <= BODY_LIMIT => body.extend_from_slice(&chunk),
            Ok(None) => break,
            // Too large or broken: decode what the status and headers say, not a partial body.
            Ok(Some(_)) | Err(_) => {
                complete = false;
                break;
            }
        }
    }
    if !complete {
        body.clear();
    }
    (status, headers, body)
}
