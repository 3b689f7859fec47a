//! What the error itself cannot know about the request: the request id, the problem instance,
//! the API version and the caller's rate-limit state.

use std::time::{Duration, SystemTime};

/// What the error itself cannot know about the request: all optional, all borrowed.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use apierror::{Context, RateLimit};
///
/// let cx = Context::new()
///     .with_request_id("req_123")
///     .with_instance("/billing/checkout")
///     .with_version("v1")
///     .with_rate_limit(RateLimit::new(100, 0).with_reset_after(Duration::from_secs(12)));
/// assert_eq!(cx.request_id(), Some("req_123"));
/// assert_eq!(cx.rate_limit().unwrap().remaining(), 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Context<'a> {
    request_id: Option<&'a str>,
    instance: Option<&'a str>,
    version: Option<&'a str>,
    rate_limit: Option<RateLimit>,
    localized: Option<(&'a str, &'a str)>,
}

impl<'a> Context<'a> {
    /// An empty context.
    #[must_use]
    pub const fn new() -> Self {
        Context {
            request_id: None,
            instance: None,
            version: None,
            rate_limit: None,
            localized: None,
        }
    }

    /// Sets a message in the caller's language, with its BCP 47 locale (`"de-DE"`): AIP-193
    /// bodies carry it as a `google.rpc.LocalizedMessage` detail.
    #[must_use]
    pub const fn with_localized_message(mut self, locale: &'a str, message: &'a str) -> Self {
        self.localized = Some((locale, message));
        self
    }

    /// The localized message and its locale.
    #[must_use]
    pub const fn localized_message(&self) -> Option<(&'a str, &'a str)> {
        self.localized
    }

    /// Sets the request id, echoed in a header and in envelopes that carry it.
    #[must_use]
    pub const fn with_request_id(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }

    /// Sets the problem `instance` (RFC 9457): a URI reference for this occurrence, such as the
    /// request path.
    #[must_use]
    pub const fn with_instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// Sets the API version (the `meta.version` of the `{success, error, meta}` envelope).
    #[must_use]
    pub const fn with_version(mut self, version: &'a str) -> Self {
        self.version = Some(version);
        self
    }

    /// Sets the caller's rate-limit state, sent as headers.
    #[must_use]
    pub const fn with_rate_limit(mut self, rate_limit: RateLimit) -> Self {
        self.rate_limit = Some(rate_limit);
        self
    }

    /// The request id.
    #[must_use]
    pub const fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// The problem instance.
    #[must_use]
    pub const fn instance(&self) -> Option<&'a str> {
        self.instance
    }

    /// The API version.
    #[must_use]
    pub const fn version(&self) -> Option<&'a str> {
        self.version
    }

    /// The caller's rate-limit state.
    #[must_use]
    pub const fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit
    }
}

/// A caller's rate-limit state.
///
/// Sent as `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (the reset as Unix
/// time in seconds), and optionally as the IETF `RateLimit-Policy` / `RateLimit` fields (which
/// use the seconds until reset and the window length).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
///
/// let reset = UNIX_EPOCH + Duration::from_secs(1_706_054_400);
/// let rl = apierror::RateLimit::new(100, 95)
///     .with_reset_at(reset)
///     .with_reset_after(Duration::from_secs(30))
///     .with_window(Duration::from_secs(60));
/// assert_eq!((rl.limit(), rl.remaining()), (100, 95));
/// assert_eq!(rl.reset_at(), Some(reset));
/// assert_eq!(rl.window(), Some(Duration::from_secs(60)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    limit: u64,
    remaining: u64,
    reset_at: Option<SystemTime>,
    reset_after: Option<Duration>,
    window: Option<Duration>,
}

impl RateLimit {
    /// A limit and what remains of it in the current window.
    #[must_use]
    pub const fn new(limit: u64, remaining: u64) -> Self {
        RateLimit {
            limit,
            remaining,
            reset_at: None,
            reset_after: None,
            window: None,
        }
    }

    /// Sets when the window resets.
    #[must_use]
    pub const fn with_reset_at(mut self, at: SystemTime) -> Self {
        self.reset_at = Some(at);
        self
    }

    /// Sets how long until the window resets.
    #[must_use]
    pub const fn with_reset_after(mut self, after: Duration) -> Self {
        self.reset_after = Some(after);
        self
    }

    /// Sets the window's length.
    #[must_use]
    pub const fn with_window(mut self, window: Duration) -> Self {
        self.window = Some(window);
        self
    }

    /// Requests allowed in the window.
    #[must_use]
    pub const fn limit(&self) -> u64 {
        self.limit
    }

    /// Requests left in the window.
    #[must_use]
    pub const fn remaining(&self) -> u64 {
        self.remaining
    }

    /// When the window resets.
    #[must_use]
    pub const fn reset_at(&self) -> Option<SystemTime> {
        self.reset_at
    }

    /// How long until the window resets.
    #[must_use]
    pub const fn reset_after(&self) -> Option<Duration> {
        self.reset_after
    }

    /// The window's length.
    #[must_use]
    pub const fn window(&self) -> Option<Duration> {
        self.window
    }
}
