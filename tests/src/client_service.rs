//! A service whose whole catalog a client can decode: a composed tree of enums with fields of
//! several kinds, served in every envelope by the axum and actix-web test servers, and the
//! client checks both pass (a reqwest client decodes each response back into the same variant).

use std::time::Duration;

use apierror::client::{Decoded, RemoteError};
use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, SuccessFlag};
use apierror::{ApiError, Context, ErrorResponder, Problem};
use serde::{Deserialize, Serialize};

use crate::stripe::Stripe;

/// A nested member type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quota {
    /// The meter.
    pub meter: String,
    /// Units allowed.
    pub limit: u32,
}

/// The shop's errors.
#[derive(Debug, PartialEq, ApiError)]
#[api(
    decode,
    rename_all = "snake_case",
    category = "invalid_request_error",
    type_base = "https://docs.example.com/errors/"
)]
pub enum ShopError {
    /// No such product.
    #[api(status = 404, detail = "Product {id} not found")]
    ProductNotFound {
        /// The product id.
        id: u64,
    },
    /// Quotas reached.
    #[api(
        status = 429,
        retry_after = 30,
        resolve(
            message = "Upgrade.",
            url = "https://example.com/billing",
            action = "select_plan",
            method = "POST",
            endpoint = "/billing/checkout"
        )
    )]
    QuotaReached {
        /// Every quota reached.
        quotas: Vec<Quota>,
        /// The plan, when known.
        plan: Option<String>,
    },
    /// Out of stock (a tuple variant exposed by name).
    #[api(status = 409)]
    OutOfStock(#[api(rename = "sku")] String),
    /// The order fails validation: each envelope carries the violations in its own idiom.
    #[api(status = 422)]
    InvalidOrder {
        /// What is wrong, where.
        errors: apierror::Violations,
        /// The order.
        order: String,
    },
}

/// The account's errors.
#[derive(Debug, PartialEq, ApiError)]
#[api(
    decode,
    rename_all = "snake_case",
    category = "authentication_error",
    challenge = "Bearer"
)]
pub enum AccountError {
    /// No credentials.
    #[api(status = 401, retry = "after_reauth")]
    Unauthenticated,
    /// Locked for a while.
    #[api(status = 403, retry = "after_delay")]
    Locked {
        /// Seconds until it unlocks.
        #[api(retry_after, expose)]
        wait: Duration,
    },
}

/// The service's error: the two trees, and a server error that cannot be rebuilt.
#[derive(Debug, ApiError)]
#[api(decode)]
pub enum ServiceError {
    /// The shop's.
    #[api(transparent)]
    Shop(ShopError),
    /// The account's.
    #[api(transparent)]
    Account(AccountError),
    /// Something broke; its source never reaches a client.
    #[api(status = 500, category = "api_error", detail = "Internal error.")]
    Internal {
        /// What broke.
        source: std::io::Error,
    },
}

impl PartialEq for ServiceError {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ServiceError::Shop(a), ServiceError::Shop(b)) => a == b,
            (ServiceError::Account(a), ServiceError::Account(b)) => a == b,
            _ => false,
        }
    }
}

/// One of every decodable error of the catalog.
#[must_use]
pub fn decodable_errors() -> Vec<ServiceError> {
    vec![
        ServiceError::Shop(ShopError::ProductNotFound { id: 42 }),
        ServiceError::Shop(ShopError::QuotaReached {
            quotas: vec![
                Quota {
                    meter: "calls \"daily\"".into(),
                    limit: 5,
                },
                Quota {
                    meter: "seats".into(),
                    limit: 3,
                },
            ],
            plan: Some("free".into()),
        }),
        ServiceError::Shop(ShopError::QuotaReached {
            quotas: vec![],
            plan: None,
        }),
        ServiceError::Shop(ShopError::OutOfStock("SKU-9".into())),
        ServiceError::Shop(ShopError::InvalidOrder {
            errors: [
                apierror::Violation::new("/email", "must be an email"),
                apierror::Violation::new("/lines/0/unit price", "must be positive"),
                apierror::Violation::new("/notes/a~1b", "too long"),
            ]
            .into_iter()
            .collect(),
            order: "ord_1".into(),
        }),
        ServiceError::Shop(ShopError::InvalidOrder {
            errors: apierror::Violations::new(),
            order: "ord_2".into(),
        }),
        ServiceError::Account(AccountError::Unauthenticated),
        ServiceError::Account(AccountError::Locked {
            wait: Duration::from_secs(90),
        }),
    ]
}

/// The errors the servers answer with: the decodable ones, then the internal error.
#[must_use]
pub fn served_errors() -> Vec<ServiceError> {
    let mut errors = decodable_errors();
    errors.push(ServiceError::Internal {
        source: std::io::Error::other("db down"),
    });
    errors
}

/// Every envelope the servers answer in, by the name in the path.
#[must_use]
pub fn envelope(name: &str) -> Option<Box<dyn Envelope + Send + Sync>> {
    Some(match name {
        "problem" => Box::new(Problem::new()),
        "problem-error-code" => Box::new(Problem::new().with_code_member("error_code")),
        "code-message" => Box::new(CodeMessage),
        "error-string" => Box::new(ErrorString),
        "success-flag" => Box::new(SuccessFlag),
        "google-rpc" => Box::new(GoogleRpc::new("example.com")),
        "json-api" => Box::new(JsonApi),
        "stripe" => Box::new(Stripe),
        _ => return None,
    })
}

/// The envelopes' names.
pub const ENVELOPES: [&str; 8] = [
    "problem",
    "problem-error-code",
    "code-message",
    "error-string",
    "success-flag",
    "google-rpc",
    "json-api",
    "stripe",
];

/// The response for `GET /errors/{envelope}/{index}`.
#[must_use]
pub fn response(envelope_name: &str, index: usize) -> http::Response<Vec<u8>> {
    let errors = served_errors();
    match (envelope(envelope_name), errors.get(index)) {
        (Some(envelope), Some(error)) => {
            ErrorResponder::new(envelope).response(error, &Context::new().with_request_id("req-client"))
        }
        _ => http::Response::builder()
            .status(400)
            .body(b"no such envelope or error".to_vec())
            .unwrap_or_default(),
    }
}

/// Calls every error in every envelope at `base` and decodes each back.
///
/// # Panics
/// On the first response that does not decode back into the error that was sent.
pub async fn check_round_trips(base: &str) {
    let client = reqwest::Client::new();
    for name in ENVELOPES {
        for (index, sent) in served_errors().iter().enumerate() {
            let response = client
                .get(format!("{base}/errors/{name}/{index}"))
                .timeout(Duration::from_secs(10))
                .send()
                .await
                .expect("server answers");
            let remote = if name == "stripe" {
                apierror::client::reqwest::decode_with(&Stripe, response).await
            } else {
                match apierror::client::reqwest::check(response).await {
                    Ok(ok) => panic!("{name} {index}: expected an error, got {}", ok.status()),
                    Err(remote) => remote,
                }
            };
            check_one(name, sent, remote);
        }
    }
}

fn check_one(envelope: &str, sent: &ServiceError, remote: RemoteError) {
    use apierror::ApiErrorExt as _;

    let what = format!("{} in {envelope}", sent.code());
    assert_eq!(remote.status(), sent.status(), "{what}");
    assert_eq!(remote.request_id(), Some("req-client"), "{what}");
    if let Some(delay) = sent.retry_after() {
        assert_eq!(remote.retry_after(), Some(delay), "{what}");
    }
    if sent.status().as_u16() == 401 {
        assert_eq!(remote.www_authenticate(), Some("Bearer"), "{what}");
    }
    if envelope == "stripe" {
        // Stripe's object carries the code, message and doc URL but no fields beyond `param`:
        // variants without fields come back whole, the others as the code.
        assert!(remote.is_code(sent.code()), "{what}: {remote:?}");
        assert_eq!(
            remote.type_uri(),
            Some(sent.type_uri()).filter(|u| *u != apierror::ABOUT_BLANK),
            "{what}"
        );
        let no_fields = sent.entry().fields().is_empty();
        match remote.decode::<ServiceError>() {
            Decoded::Known(decoded) => assert!(no_fields && &decoded == sent, "{what}"),
            Decoded::Unknown(_) => assert!(
                !no_fields || matches!(sent, ServiceError::Internal { .. }),
                "{what}"
            ),
        }
        return;
    }
    match remote.decode::<ServiceError>() {
        Decoded::Known(decoded) => {
            assert!(
                !matches!(sent, ServiceError::Internal { .. }),
                "{what}: a source cannot be rebuilt"
            );
            assert_eq!(&decoded, sent, "{what}");
        }
        Decoded::Unknown(remote) => {
            assert!(
                matches!(sent, ServiceError::Internal { .. }),
                "{what}: {remote:?}"
            );
            assert!(remote.is_code("INTERNAL"), "{what}: {remote:?}");
            assert!(!format!("{remote:?}").contains("db down"), "{what}");
        }
    }
}
