//! [`Resolve`]: resolution guidance, for a person or an agent.

use super::absent::non_empty;

/// Resolution guidance: what a person or an agent can do to resolve the error.
///
/// Every part is optional; a declared `resolve(...)` has at least one.
///
/// ```
/// use apierror::{ApiError, ApiErrorExt};
///
/// #[derive(Debug, ApiError)]
/// #[api(rename_all = "snake_case")]
/// pub enum BillingError {
///     #[api(status = 402, resolve(action = "select_plan", method = "POST", endpoint = "/billing/checkout"))]
///     CreditExhausted,
/// }
///
/// let resolve = BillingError::CreditExhausted.resolve().unwrap();
/// assert_eq!(resolve.action(), Some("select_plan"));
/// assert_eq!(resolve.method(), Some("POST"));
/// assert_eq!(resolve.endpoint(), Some("/billing/checkout"));
/// assert_eq!(resolve.message(), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Resolve {
    message: &'static str,
    url: &'static str,
    action: &'static str,
    method: &'static str,
    endpoint: &'static str,
}

impl Resolve {
    /// Guidance with no part yet; add at least one with the `with_*` methods.
    #[must_use]
    pub const fn new() -> Self {
        Resolve {
            message: "",
            url: "",
            action: "",
            method: "",
            endpoint: "",
        }
    }

    /// Sets the text for a person.
    #[must_use]
    pub const fn with_message(mut self, message: &'static str) -> Self {
        self.message = message;
        self
    }

    /// Sets the page where a person can resolve it (an absolute http(s) URL or a `/path`).
    #[must_use]
    pub const fn with_url(mut self, url: &'static str) -> Self {
        self.url = url;
        self
    }

    /// Sets the `snake_case` intent (`select_plan`).
    #[must_use]
    pub const fn with_action(mut self, action: &'static str) -> Self {
        self.action = action;
        self
    }

    /// Sets the HTTP method of the API call that resolves it.
    #[must_use]
    pub const fn with_method(mut self, method: &'static str) -> Self {
        self.method = method;
        self
    }

    /// Sets the API path of that call.
    #[must_use]
    pub const fn with_endpoint(mut self, endpoint: &'static str) -> Self {
        self.endpoint = endpoint;
        self
    }

    /// Each part with its member name, in the order bodies write them.
    pub(crate) fn parts(&self) -> [(&'static str, Option<&'static str>); 5] {
        [
            ("message", self.message()),
            ("url", self.url()),
            ("action", self.action()),
            ("method", self.method()),
            ("endpoint", self.endpoint()),
        ]
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        message: &'static str,
        url: &'static str,
        action: &'static str,
        method: &'static str,
        endpoint: &'static str,
    ) -> Self {
        Resolve {
            message,
            url,
            action,
            method,
            endpoint,
        }
    }

    pub(crate) const fn is_empty(&self) -> bool {
        self.message.is_empty()
            && self.url.is_empty()
            && self.action.is_empty()
            && self.method.is_empty()
            && self.endpoint.is_empty()
    }

    /// Text for a person: what to do.
    #[must_use]
    pub const fn message(&self) -> Option<&'static str> {
        non_empty(self.message)
    }

    /// A page where the person can do it: an absolute http(s) URL or a `/path`.
    #[must_use]
    pub const fn url(&self) -> Option<&'static str> {
        non_empty(self.url)
    }

    /// A `snake_case` intent an agent or front end can switch on, such as `select_plan`.
    #[must_use]
    pub const fn action(&self) -> Option<&'static str> {
        non_empty(self.action)
    }

    /// The HTTP method of the API call that resolves the error.
    #[must_use]
    pub const fn method(&self) -> Option<&'static str> {
        non_empty(self.method)
    }

    /// The API path of that call, starting with `/`.
    #[must_use]
    pub const fn endpoint(&self) -> Option<&'static str> {
        non_empty(self.endpoint)
    }
}
