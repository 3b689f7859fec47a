//! The stability lock: what clients may rely on, checked into the service's repository.

use core::fmt;
use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ServiceCatalog;

/// The `format` of the locks this version reads and writes.
const FORMAT: &str = "apierror.lock/v1";

/// The environment variable that makes [`assert_lock`] and [`Lock::check_file`] rewrite the lock
/// instead of checking against it.
pub const UPDATE_ENV: &str = "APIERROR_UPDATE_LOCK";

/// What clients rely on, per code: status, type URI, retry guidance and exposed member names.
///
/// ```
/// use apierror::docs::{Lock, ServiceCatalog};
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum V1 {
///     #[api(status = 402)]
///     CreditExhausted { limit: u32 },
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum V2 {
///     #[api(status = 403)]
///     CreditExhausted { limit: u32, plan: String },
/// }
///
/// let locked = Lock::of(&ServiceCatalog::new("api").with::<V1>());
/// let changes = locked.changes(&Lock::of(&ServiceCatalog::new("api").with::<V2>()));
/// assert_eq!(changes.breaking, [
///     "CREDIT_EXHAUSTED: status 402 -> 403",
///     "NOT_FOUND: removed or renamed (was 404)",
/// ]);
/// assert_eq!(changes.additions, ["CREDIT_EXHAUSTED: new member `plan`"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    format: String,
    codes: BTreeMap<String, Locked>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Locked {
    status: u16,
    #[serde(rename = "type")]
    type_uri: String,
    retry: String,
    members: Vec<String>,
}

/// The differences between a lock and the current catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Changes that break clients: a code removed or renamed, a status, type URI or retry
    /// guidance changed, an exposed member removed.
    pub breaking: Vec<String>,
    /// Changes clients cannot notice: new codes, new members.
    pub additions: Vec<String>,
}

/// Why a lock check failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum LockError {
    /// The catalog breaks clients that rely on the lock.
    Breaking {
        /// The lock file.
        path: String,
        /// One line per breaking change.
        changes: Vec<String>,
    },
    /// Two enums of the service declare the same code.
    Duplicates(Vec<super::Duplicate>),
    /// Exposed fields that the service's envelope would leave out, because it writes a member
    /// of that name itself.
    Collisions(Vec<super::Collision>),
    /// Operations that name codes their types do not have
    /// ([`Operation::returns_only`](super::Operation::returns_only)): the operation's id and
    /// the code, each.
    UnknownCodes(Vec<(String, String)>),
    /// There is no lock file and this is CI, where it must be checked in.
    Missing(String),
    /// The lock file could not be read or written.
    Io(String, std::io::Error),
    /// The lock file is not a lock.
    Parse(String, serde_json::Error),
    /// The lock file is of a format this version does not know (a newer one, most likely).
    Format {
        /// The lock file.
        path: String,
        /// The `format` it declares.
        found: String,
    },
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Breaking { path, changes } => {
                writeln!(f, "the error catalog breaks clients that rely on {path}:")?;
                for change in changes {
                    writeln!(f, "  - {change}")?;
                }
                write!(
                    f,
                    "if these changes are intended, refresh the lock with {UPDATE_ENV}=1 and commit it"
                )
            }
            LockError::Duplicates(duplicates) => {
                writeln!(f, "codes declared more than once in the service:")?;
                for d in duplicates {
                    writeln!(f, "  - {} by {}", d.code, d.declared_by.join(" and "))?;
                }
                Ok(())
            }
            LockError::Collisions(collisions) => {
                writeln!(
                    f,
                    "exposed fields that the service's envelope writes a member of its own for (they are left out of bodies); rename them with #[api(rename = \"...\")]:"
                )?;
                for c in collisions {
                    writeln!(f, "  - {}: `{}` of {}", c.code, c.member, c.declared_by)?;
                }
                Ok(())
            }
            LockError::UnknownCodes(unknown) => {
                writeln!(
                    f,
                    "operations name codes their types do not have (a typo, or a code removed):"
                )?;
                for (operation, code) in unknown {
                    writeln!(f, "  - {operation}: {code}")?;
                }
                Ok(())
            }
            LockError::Missing(path) => write!(
                f,
                "no lock file at {path}; create it with {UPDATE_ENV}=1 and commit it"
            ),
            LockError::Io(path, e) => write!(f, "lock file {path}: {e}"),
            LockError::Parse(path, e) => write!(f, "lock file {path} is not an apierror lock: {e}"),
            LockError::Format { path, found } => write!(
                f,
                "lock file {path} has format `{found}`, which this version of apierror does not know (it reads `{FORMAT}`); upgrade apierror, or rewrite the lock with {UPDATE_ENV}=1"
            ),
        }
    }
}

impl std::error::Error for LockError {}

/// How a lock check treats the file.
///
/// ```
/// use apierror::docs::LockOptions;
///
/// // CI: the lock must be checked in, and is only ever compared.
/// let strict = LockOptions::new().with_require_existing(true);
/// assert!(strict.require_existing() && !strict.update());
/// // A developer refreshing the lock after an intended change.
/// assert!(LockOptions::new().with_update(true).update());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LockOptions {
    update: bool,
    require_existing: bool,
}

impl LockOptions {
    /// Check against the lock, creating it when there is none.
    #[must_use]
    pub const fn new() -> Self {
        LockOptions {
            update: false,
            require_existing: false,
        }
    }

    /// `update` when [`UPDATE_ENV`] is set to anything but `0`; `require_existing` when `CI` is
    /// set (a lock must be checked in, not created by CI).
    #[must_use]
    pub fn from_env() -> Self {
        LockOptions {
            update: std::env::var(UPDATE_ENV).is_ok_and(|v| v != "0"),
            require_existing: std::env::var_os("CI").is_some(),
        }
    }

    /// Rewrite the lock from the current catalog instead of checking against it.
    #[must_use]
    pub const fn with_update(mut self, update: bool) -> Self {
        self.update = update;
        self
    }

    /// Fail when there is no lock file (instead of creating it).
    #[must_use]
    pub const fn with_require_existing(mut self, require: bool) -> Self {
        self.require_existing = require;
        self
    }

    /// Whether the check rewrites the lock.
    #[must_use]
    pub const fn update(&self) -> bool {
        self.update
    }

    /// Whether a missing lock file fails the check.
    #[must_use]
    pub const fn require_existing(&self) -> bool {
        self.require_existing
    }
}

/// What a successful check did.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Checked {
    /// The catalog keeps every promise of the lock; these additions are not in it yet.
    Compatible {
        /// New codes and members.
        additions: Vec<String>,
    },
    /// The lock was written (it did not exist, or the update variable was set).
    Written,
}

impl Lock {
    /// The lock of a service's current catalog.
    #[must_use]
    pub fn of(service: &ServiceCatalog) -> Lock {
        let codes = service
            .entries()
            .map(|e| {
                let locked = Locked {
                    status: e.status().as_u16(),
                    type_uri: e.type_uri().to_owned(),
                    retry: e.retry().as_str().to_owned(),
                    members: e.fields().iter().map(|f| f.name().to_owned()).collect(),
                };
                (e.code().to_owned(), locked)
            })
            .collect();
        Lock {
            format: FORMAT.to_owned(),
            codes,
        }
    }

    /// The lock as the JSON checked into the repository (sorted, so diffs stay small).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// A lock from its JSON.
    ///
    /// # Errors
    /// When `text` is not a lock.
    pub fn from_json(text: &str) -> Result<Lock, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// What `current` changes relative to this (locked) catalog.
    #[must_use]
    pub fn changes(&self, current: &Lock) -> Changes {
        let mut changes = Changes::default();
        for (code, old) in &self.codes {
            let Some(new) = current.codes.get(code) else {
                changes
                    .breaking
                    .push(format!("{code}: removed or renamed (was {})", old.status));
                continue;
            };
            if old.status != new.status {
                changes
                    .breaking
                    .push(format!("{code}: status {} -> {}", old.status, new.status));
            }
            if old.type_uri != new.type_uri {
                changes
                    .breaking
                    .push(format!("{code}: type {} -> {}", old.type_uri, new.type_uri));
            }
            if old.retry != new.retry {
                changes
                    .breaking
                    .push(format!("{code}: retry {} -> {}", old.retry, new.retry));
            }
            for member in old.members.iter().filter(|m| !new.members.contains(m)) {
                changes
                    .breaking
                    .push(format!("{code}: member `{member}` removed"));
            }
            for member in new.members.iter().filter(|m| !old.members.contains(m)) {
                changes.additions.push(format!("{code}: new member `{member}`"));
            }
        }
        for (code, new) in current.codes.iter().filter(|(c, _)| !self.codes.contains_key(*c)) {
            changes
                .additions
                .push(format!("{code}: new code ({})", new.status));
        }
        changes
    }

    /// Checks `service` against the lock at `path`, with [`LockOptions::from_env`].
    ///
    /// # Errors
    /// As [`Lock::check_file_with`].
    pub fn check_file(service: &ServiceCatalog, path: &Path) -> Result<Checked, LockError> {
        Lock::check_file_with(service, path, LockOptions::from_env())
    }

    /// Checks `service` against the lock at `path`; with `options.update`, or when the file does
    /// not exist and `options.require_existing` is off, writes the lock instead.
    ///
    /// # Errors
    /// Breaking changes, duplicate codes, member collisions, operations naming codes their types
    /// do not have, a missing lock when one is required, or an unreadable lock file.
    pub fn check_file_with(
        service: &ServiceCatalog,
        path: &Path,
        options: LockOptions,
    ) -> Result<Checked, LockError> {
        let shown = path.display().to_string();
        let duplicates = service.duplicates();
        if !duplicates.is_empty() {
            return Err(LockError::Duplicates(duplicates));
        }
        let collisions = service.collisions();
        if !collisions.is_empty() {
            return Err(LockError::Collisions(collisions));
        }
        let unknown: Vec<(String, String)> = service
            .operations()
            .iter()
            .flat_map(|op| op.unknown_codes().iter().map(move |code| (op.id(), code.clone())))
            .collect();
        if !unknown.is_empty() {
            return Err(LockError::UnknownCodes(unknown));
        }
        let current = Lock::of(service);
        let update = options.update;
        let existing = match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(LockError::Io(shown, e)),
        };
        if existing.is_none() && !update && options.require_existing {
            return Err(LockError::Missing(shown));
        }
        let Some(text) = existing.filter(|_| !update) else {
            std::fs::write(path, current.to_json()).map_err(|e| LockError::Io(shown, e))?;
            return Ok(Checked::Written);
        };
        // The format first: a newer lock may not have this version's shape at all.
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| LockError::Parse(shown.clone(), e))?;
        if let Some(found) = value.get("format").and_then(serde_json::Value::as_str)
            && found != FORMAT
        {
            return Err(LockError::Format {
                path: shown,
                found: found.to_owned(),
            });
        }
        let locked: Lock = serde_json::from_value(value).map_err(|e| LockError::Parse(shown.clone(), e))?;
        let changes = locked.changes(&current);
        if changes.breaking.is_empty() {
            Ok(Checked::Compatible {
                additions: changes.additions,
            })
        } else {
            Err(LockError::Breaking {
                path: shown,
                changes: changes.breaking,
            })
        }
    }
}

/// Checks `service` against the lock at `path`, as a one-line test:
///
/// ```no_run
/// # use apierror::ApiError;
/// # #[derive(Debug, ApiError)] enum BillingError { #[api(status = 402)] CreditExhausted }
/// #[test]
/// fn error_catalog_is_stable() {
///     let service = apierror::docs::ServiceCatalog::new("Billing API").with::<BillingError>();
///     apierror::docs::assert_lock(&service, "errors.lock.json");
/// }
/// ```
///
/// # Panics
/// With a readable list of the breaking changes, or of the other [`LockError`]s; the panic
/// points at the caller's test.
#[track_caller]
pub fn assert_lock(service: &ServiceCatalog, path: impl AsRef<Path>) {
    match Lock::check_file(service, path.as_ref()) {
        Ok(Checked::Compatible { additions }) if !additions.is_empty() => {
            eprintln!(
                "{}: {} additions not in the lock yet; refresh it with {UPDATE_ENV}=1",
                path.as_ref().display(),
                additions.len()
            );
        }
        Ok(_) => {}
        Err(error) => panic!("{error}"),
    }
}
