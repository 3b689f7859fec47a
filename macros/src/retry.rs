//! Retry guidance as the derive knows it: the strategies `retry = "..."` accepts, and the
//! guidance a status implies when none is declared. The runtime's `Retry::for_status` is
//! generated from this table (`__default_retry!`), so a derived entry may leave its default out.

/// The retry strategies accepted by `retry = "..."`, and `true` / `false`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryKind {
    No,
    Yes,
    Backoff,
    AfterDelay,
    AfterReauth,
    Later,
    NewKey,
}

impl RetryKind {
    /// Every spelling `retry = "..."` takes: the runtime's `Retry::as_str` names, one list.
    pub const STRATEGIES: &[(&str, RetryKind)] = &[
        ("no", RetryKind::No),
        ("yes", RetryKind::Yes),
        ("backoff", RetryKind::Backoff),
        ("after_delay", RetryKind::AfterDelay),
        ("after_reauth", RetryKind::AfterReauth),
        ("later", RetryKind::Later),
        ("new_key", RetryKind::NewKey),
    ];

    /// The `apierror::Retry` variant name.
    pub fn variant(self) -> &'static str {
        match self {
            RetryKind::No => "No",
            RetryKind::Yes => "Yes",
            RetryKind::Backoff => "Backoff",
            RetryKind::AfterDelay => "AfterDelay",
            RetryKind::AfterReauth => "AfterReauth",
            RetryKind::Later => "Later",
            RetryKind::NewKey => "NewKey",
        }
    }
}

/// Retry guidance implied by a status when `retry` is not declared.
pub fn default_retry(code: u16) -> RetryKind {
    match code {
        429 | 503 => RetryKind::AfterDelay,
        408 | 425 | 502 | 504 => RetryKind::Yes,
        500 => RetryKind::Backoff,
        401 => RetryKind::AfterReauth,
        _ => RetryKind::No,
    }
}
