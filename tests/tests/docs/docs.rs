//! Catalog documentation: the Markdown table against seeds 000 and 004, the JSON catalog, the
//! OpenAPI document (parsed with `oas3`), several enums in one service, and the stability lock.

use apierror::docs::{Checked, Lock, LockError, LockOptions, ServiceCatalog, Table};
use apierror::{ApiError, Problem};
use apierror_tests::seeds::{Seed000, Seed004};
use apierror_tests::{rendered_tables, seed, seed_004_rows};
use serde_json::json;

/// The body rows of every table in `markdown`, as a reader sees the cells.
fn table_rows(markdown: &str) -> Vec<Vec<String>> {
    rendered_tables(markdown)
        .into_iter()
        .flat_map(|t| t.rows)
        .collect()
}

#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_000_markdown_table_has_the_seeds_19_rows() {
    let service = ServiceCatalog::new("Seed 000").with::<Seed000>();
    let table = Table::new(&service).with_yes_no(true).to_string();
    let ours = table_rows(&table);
    let theirs: Vec<Vec<String>> = seed("000")
        .lines()
        .map(|line| {
            line.split('|')
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(ours.len(), 19);
    assert_eq!(ours, theirs);
    assert!(
        table.starts_with("| Code | HTTP | Retryable | Description | Resolution |\n|---|---|---|---|---|\n")
    );
}

#[test]
fn retry_strategies_are_spelled_out() {
    let service = ServiceCatalog::new("Seed 000")
        .with::<Seed000>()
        .with::<Seed004>();
    let rows = table_rows(&Table::new(&service).to_string());
    let retry_of = |code: &str| rows.iter().find(|r| r[0] == code).map(|r| r[2].clone()).unwrap();
    assert_eq!(retry_of("AUTH_REQUIRED"), "No");
    assert_eq!(retry_of("SCORING_FAILED"), "Yes");
    assert_eq!(retry_of("NETWORK_ERROR"), "Yes, with backoff");
    assert_eq!(retry_of("SCORING_RATE_LIMITED"), "Yes, after reset");
    assert_eq!(retry_of("expired_token"), "Yes, after re-auth");
    assert_eq!(retry_of("endpoint_disabled"), "Yes, later");
    assert_eq!(retry_of("idempotency_conflict"), "No (new Idempotency-Key)");
}

#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_004_grouped_by_its_categories() {
    let service = ServiceCatalog::new("Seed 004").with::<Seed004>();
    let markdown = Table::new(&service).with_grouping(true).to_string();
    let tables = rendered_tables(&markdown);
    let ours: Vec<(String, String, u16)> = tables
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .map(|r| (t.heading.clone(), r[0].clone(), r[1].parse::<u16>().unwrap()))
        })
        .collect();
    let theirs: Vec<_> = seed_004_rows(&seed("004"))
        .into_iter()
        .map(|(c, code, status, _)| (c, code, status))
        .collect();
    assert_eq!(ours, theirs);
    assert!(markdown.starts_with("## Authentication Errors\n"), "{markdown}");
    let headings: Vec<&str> = tables.iter().map(|t| t.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Authentication Errors",
            "Authorization Errors",
            "Rate Limit & Allowance Errors",
            "Endpoint & Platform Errors",
            "Request Errors",
            "Server Errors"
        ]
    );
}

#[allow(dead_code, reason = "a catalog for documentation only")]
#[derive(Debug, ApiError)]
#[api(type_base = "https://docs.example.com/errors/", category = "Billing")]
enum BillingError {
    /// The monthly credit pool is empty.
    #[api(status = 402, resolve(message = "Move up a plan.", action = "select_plan"))]
    CreditExhausted,
    /// A limit was reached.
    #[api(status = 402, detail = "{meter} limit reached")]
    LimitReached {
        /// The meter.
        meter: String,
    },
}

#[allow(dead_code, reason = "a catalog for documentation only")]
#[derive(Debug, ApiError)]
#[api(
    type_base = "https://docs.example.com/errors/",
    category = "Auth",
    challenge = "Bearer"
)]
enum AuthError {
    /// No credentials.
    #[api(status = 401)]
    AuthRequired,
    /// Slow down.
    #[api(status = 429, retry_after = 60)]
    RateLimited,
    /// Wrong method.
    #[api(status = 405, allow = "GET")]
    WrongMethod,
}

/// Declares `CREDIT_EXHAUSTED` again: one service, two enums, one code.
#[allow(dead_code, reason = "a catalog for documentation only")]
#[derive(Debug, ApiError)]
enum LegacyBillingError {
    #[api(status = 402)]
    CreditExhausted,
}

fn service() -> ServiceCatalog {
    ServiceCatalog::new("Example API")
        .with_version("2.1.0")
        .with::<BillingError>()
        .with::<AuthError>()
}

#[test]
fn a_code_in_two_enums_is_reported() {
    assert!(service().duplicates().is_empty());
    let duplicates = service().with::<LegacyBillingError>().duplicates();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(duplicates[0].code, "CREDIT_EXHAUSTED");
    assert_eq!(
        duplicates[0].declared_by,
        [
            "BillingError::CreditExhausted",
            "LegacyBillingError::CreditExhausted"
        ]
    );
    let dir = temp_dir("duplicates");
    let error = Lock::check_file_with(
        &service().with::<LegacyBillingError>(),
        &dir.join("lock.json"),
        LockOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(error, LockError::Duplicates(_)));
    assert_eq!(
        error.to_string(),
        "codes declared more than once in the service:\n  - CREDIT_EXHAUSTED by BillingError::CreditExhausted and LegacyBillingError::CreditExhausted\n"
    );
}

#[test]
fn json_catalog() {
    let catalog = service().catalog_json();
    assert_eq!(catalog["schema"], "apierror.catalog/v2");
    assert_eq!(catalog["service"], "Example API");
    assert_eq!(catalog["entries"].as_array().unwrap().len(), 5);
    assert_eq!(
        catalog["entries"][1],
        json!({
            "code": "LIMIT_REACHED", "status": 402, "title": "Payment Required",
            "description": "A limit was reached.", "detail": "{meter} limit reached",
            "retry": "no", "retryable": false, "retry_after_from_field": false,
            "category": "Billing", "type": "https://docs.example.com/errors/LIMIT_REACHED",
            "fields": [{"name": "meter", "type": "string", "nullable": false, "optional": false, "rust_type": "String",
                        "description": "The meter."}],
        })
    );
    assert_eq!(
        catalog["entries"][3],
        json!({
            "code": "RATE_LIMITED", "status": 429, "title": "Too Many Requests",
            "description": "Slow down.", "retry": "after_delay", "retryable": true, "retry_after": 60,
            "retry_after_from_field": false, "category": "Auth",
            "type": "https://docs.example.com/errors/RATE_LIMITED", "fields": [],
        })
    );
}

#[test]
fn openapi_parses_and_lists_every_code() {
    let document = service().openapi(&Problem::new().with_code_member("error_code"));
    let text = serde_json::to_string(&document).unwrap();
    let spec = oas3::from_json(&text).expect("a valid OpenAPI 3.1 document");
    assert_eq!(spec.openapi, "3.1.0");
    assert_eq!(spec.info.title, "Example API");
    assert_eq!(spec.info.version, "2.1.0");
    let components = spec.components.expect("components");
    let mut responses: Vec<&String> = components.responses.keys().collect();
    responses.sort();
    assert_eq!(
        responses,
        ["Error", "Error401", "Error402", "Error405", "Error429"]
    );

    // One schema per code, the code a `const`; the generic `Error` takes any code.
    let schemas = &document["components"]["schemas"];
    let names: Vec<&String> = schemas.as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        [
            "AuthRequired",
            "CreditExhausted",
            "Error",
            "LimitReached",
            "RateLimited",
            "UnknownError",
            "WrongMethod"
        ]
    );
    assert_eq!(
        schemas["LimitReached"]["properties"]["error_code"],
        json!({"type": "string", "const": "LIMIT_REACHED"})
    );
    assert_eq!(schemas["Error"]["properties"]["error_code"]["type"], "string");
    // A status admits its own codes only, told apart by the code, and a code added after the
    // document was written (`UnknownError`: any code but the catalog's).
    assert_eq!(
        schemas["UnknownError"]["properties"]["error_code"]["not"],
        json!({"enum": ["CREDIT_EXHAUSTED", "LIMIT_REACHED", "AUTH_REQUIRED", "RATE_LIMITED", "WRONG_METHOD"]})
    );
    assert_eq!(
        document["components"]["responses"]["Error402"]["content"]["application/problem+json"]["schema"],
        json!({
            "oneOf": [
                {"$ref": "#/components/schemas/CreditExhausted"},
                {"$ref": "#/components/schemas/LimitReached"},
                {"$ref": "#/components/schemas/UnknownError"},
            ],
            "discriminator": {"propertyName": "error_code", "mapping": {
                "CREDIT_EXHAUSTED": "#/components/schemas/CreditExhausted",
                "LIMIT_REACHED": "#/components/schemas/LimitReached",
            }},
        })
    );
    assert_eq!(
        document["components"]["responses"]["Error401"]["content"]["application/problem+json"]["schema"]["oneOf"],
        json!([{"$ref": "#/components/schemas/AuthRequired"}, {"$ref": "#/components/schemas/UnknownError"}])
    );

    let responses = &document["components"]["responses"];
    let examples = &responses["Error402"]["content"]["application/problem+json"]["examples"];
    assert_eq!(
        examples.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["CREDIT_EXHAUSTED", "LIMIT_REACHED"]
    );
    // One example per code, shared by every response with the code.
    assert_eq!(
        examples["LIMIT_REACHED"],
        json!({"$ref": "#/components/examples/LimitReached"})
    );
    assert_eq!(
        document["components"]["examples"]["LimitReached"]["value"],
        json!({
            "type": "https://docs.example.com/errors/LIMIT_REACHED", "title": "Payment Required", "status": 402,
            "detail": "<meter> limit reached", "instance": "/v1/example", "error_code": "LIMIT_REACHED",
            "meter": "string",
        })
    );
    let header_names = |name: &str| -> Vec<String> {
        responses[name]["headers"]
            .as_object()
            .map(|h| h.keys().cloned().collect())
            .unwrap_or_default()
    };
    assert_eq!(header_names("Error401"), ["WWW-Authenticate", "X-Request-Id"]);
    assert_eq!(header_names("Error405"), ["Allow", "X-Request-Id"]);
    assert_eq!(
        header_names("Error429"),
        [
            "Cache-Control",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-Request-Id"
        ]
    );
    assert_eq!(header_names("Error402"), ["X-Request-Id"]);
}

#[test]
fn page_per_code() {
    let entry = service().entry("CREDIT_EXHAUSTED").unwrap();
    let page = service().page(entry, &Problem::new());
    let expected = "\
# CREDIT_EXHAUSTED

**Payment Required** (HTTP 402)

The monthly credit pool is empty.

| | |
|---|---|
| Code | `CREDIT_EXHAUSTED` |
| Status | 402 Payment Required |
| Retryable | No |
| Category | Billing |
| Type | <https://docs.example.com/errors/CREDIT_EXHAUSTED> |

## Resolution

Move up a plan.

- Action: `select_plan`

## Example

`application/problem+json`

```json
{
  \"type\": \"https://docs.example.com/errors/CREDIT_EXHAUSTED\",
  \"title\": \"Payment Required\",
  \"status\": 402,
  \"instance\": \"/v1/example\",
  \"code\": \"CREDIT_EXHAUSTED\",
  \"resolve\": {
    \"message\": \"Move up a plan.\",
    \"action\": \"select_plan\"
  }
}
```
";
    assert_eq!(page, expected);
}

/// A fresh directory per call: tests run in parallel.
fn temp_dir(name: &str) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("apierror-lock-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The lock of `service`, written by hand-editing the JSON of the current one.
fn lock_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&Lock::of(&service()).to_json()).unwrap();
    edit(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

fn check(lock: &str) -> Result<Checked, LockError> {
    let dir = temp_dir("check");
    let path = dir.join("errors.lock.json");
    std::fs::write(&path, lock).unwrap();
    Lock::check_file_with(&service(), &path, LockOptions::default())
}

fn breaking(lock: &str) -> Vec<String> {
    match check(lock) {
        Err(LockError::Breaking { changes, .. }) => changes,
        other => panic!("expected breaking changes, got {other:?}"),
    }
}

#[test]
fn lock_format() {
    let lock: serde_json::Value = serde_json::from_str(&Lock::of(&service()).to_json()).unwrap();
    assert_eq!(lock["format"], "apierror.lock/v1");
    assert_eq!(
        lock["codes"]["LIMIT_REACHED"],
        json!({"status": 402, "type": "https://docs.example.com/errors/LIMIT_REACHED", "retry": "no", "members": ["meter"]})
    );
}

#[test]
fn lock_passes_when_nothing_changed() {
    assert_eq!(
        check(&Lock::of(&service()).to_json()).unwrap(),
        Checked::Compatible { additions: vec![] }
    );
}

#[test]
fn lock_fails_on_each_breaking_kind() {
    // A code the lock promised is gone (removed, or renamed to another code).
    let lock = lock_with(|v| {
        v["codes"]["OLD_CODE"] = json!({"status": 410, "type": "about:blank", "retry": "no", "members": []})
    });
    assert_eq!(breaking(&lock), ["OLD_CODE: removed or renamed (was 410)"]);

    let lock = lock_with(|v| v["codes"]["CREDIT_EXHAUSTED"]["status"] = json!(403));
    assert_eq!(breaking(&lock), ["CREDIT_EXHAUSTED: status 403 -> 402"]);

    let lock = lock_with(|v| v["codes"]["AUTH_REQUIRED"]["type"] = json!("https://old.example.com/auth"));
    assert_eq!(
        breaking(&lock),
        ["AUTH_REQUIRED: type https://old.example.com/auth -> https://docs.example.com/errors/AUTH_REQUIRED"]
    );

    let lock = lock_with(|v| v["codes"]["LIMIT_REACHED"]["members"] = json!(["meter", "limit"]));
    assert_eq!(breaking(&lock), ["LIMIT_REACHED: member `limit` removed"]);

    let lock = lock_with(|v| v["codes"]["RATE_LIMITED"]["retry"] = json!("no"));
    assert_eq!(breaking(&lock), ["RATE_LIMITED: retry no -> after_delay"]);

    let lock = lock_with(|v| v["codes"]["CREDIT_EXHAUSTED"]["status"] = json!(403));
    let message = check(&lock).unwrap_err().to_string();
    assert!(
        message.starts_with("the error catalog breaks clients that rely on "),
        "{message}"
    );
    assert!(message.ends_with(
        ":\n  - CREDIT_EXHAUSTED: status 403 -> 402\nif these changes are intended, refresh the lock with APIERROR_UPDATE_LOCK=1 and commit it"
    ), "{message}");
}

#[test]
fn lock_allows_additions() {
    let lock = lock_with(|v| {
        v["codes"].as_object_mut().unwrap().remove("WRONG_METHOD");
        v["codes"]["LIMIT_REACHED"]["members"] = json!([]);
    });
    assert_eq!(
        check(&lock).unwrap(),
        Checked::Compatible {
            additions: vec![
                "LIMIT_REACHED: new member `meter`".into(),
                "WRONG_METHOD: new code (405)".into()
            ]
        }
    );
}

#[test]
fn lock_is_written_on_request_or_when_missing_outside_ci() {
    let dir = temp_dir("write");
    let path = dir.join("errors.lock.json");
    let strict = LockOptions::new().with_update(false).with_require_existing(true);
    assert!(matches!(
        Lock::check_file_with(&service(), &path, strict),
        Err(LockError::Missing(_))
    ));
    assert!(!path.exists());

    assert_eq!(
        Lock::check_file_with(&service(), &path, LockOptions::default()).unwrap(),
        Checked::Written
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        Lock::of(&service()).to_json()
    );

    std::fs::write(
        &path,
        lock_with(|v| v["codes"]["CREDIT_EXHAUSTED"]["status"] = json!(403)),
    )
    .unwrap();
    let update = LockOptions::new().with_update(true).with_require_existing(true);
    assert_eq!(
        Lock::check_file_with(&service(), &path, update).unwrap(),
        Checked::Written
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        Lock::of(&service()).to_json()
    );
}

/// Text that Markdown would read as markup, a detail with placeholders, several paragraphs, a
/// field-given Retry-After on a 503, optional and list fields: the page shows each as written.
#[allow(dead_code, reason = "a catalog for documentation only")]
#[derive(Debug, ApiError)]
#[api(category = "Tokens & <keys>")]
enum Awkward {
    /// The token is missing: attach Authorization: Bearer <token> and retry.
    ///
    /// A *second* paragraph, with a_b and [brackets].
    #[api(
        status = 400,
        detail = "Please try again in {retry_in:?}.",
        resolve(message = "Send `Authorization: Bearer <token>` | retry.")
    )]
    TokenMissing {
        /// Seconds, or none.
        retry_in: Option<u32>,
        /// Scopes <granted>.
        scopes: Vec<String>,
    },
    /// Down for maintenance.
    #[api(status = 503)]
    Maintenance {
        #[api(retry_after)]
        wait: u64,
    },
}

fn awkward() -> ServiceCatalog {
    ServiceCatalog::new("Awkward API").with::<Awkward>()
}

#[test]
fn markdown_shows_text_as_written() {
    let table = Table::new(&awkward()).to_string();
    let rows = table_rows(&table);
    assert_eq!(
        rows[0],
        [
            "TOKEN_MISSING",
            "400",
            "No",
            "The token is missing: attach Authorization: Bearer <token> and retry.\n\nA *second* paragraph, with a_b and [brackets].",
            "Send `Authorization: Bearer <token>` | retry.",
        ]
    );
    let page = awkward().page(awkward().entry("TOKEN_MISSING").unwrap(), &Problem::new());
    let tables = rendered_tables(&page);
    let row = |name: &str| {
        tables[0]
            .rows
            .iter()
            .find(|r| r[0] == name)
            .map(|r| r[1].clone())
            .unwrap()
    };
    // The detail as a reader sees it, not the Rust format string.
    assert_eq!(row("Detail"), "Please try again in <retry_in>.");
    assert_eq!(row("Category"), "Tokens & <keys>");
    // Fields as JSON types, with null where the member can be null.
    assert_eq!(
        tables[1].rows,
        [
            vec![
                "retry_in".to_owned(),
                "integer or null".to_owned(),
                "Seconds, or none.".to_owned()
            ],
            vec![
                "scopes".to_owned(),
                "array".to_owned(),
                "Scopes <granted>.".to_owned()
            ],
        ]
    );
    // Paragraphs are kept in the page.
    assert!(page.contains("and retry.\n\nA \\*second\\* paragraph"), "{page}");
    let entry = awkward().entry("TOKEN_MISSING").unwrap();
    assert_eq!(
        entry.description(),
        Some(
            "The token is missing: attach Authorization: Bearer <token> and retry.\n\nA *second* paragraph, with a_b and [brackets]."
        )
    );
}

#[test]
fn a_503_waits_for_retry_after_not_for_a_rate_limit_reset() {
    let rows = table_rows(&Table::new(&awkward()).to_string());
    assert_eq!(rows[1][2], "Yes, after Retry-After");
}

#[test]
fn errors_md_headings_nest() {
    let files = awkward().files(&Problem::new());
    let errors_md = &files.iter().find(|(p, _)| p.ends_with("errors.md")).unwrap().1;
    let levels: Vec<usize> = errors_md
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.chars().take_while(|c| *c == '#').count())
        .collect();
    assert_eq!(levels, [1, 2]);
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "{errors_md}");
    }
}

#[test]
fn a_lock_of_an_unknown_format_is_rejected() {
    let dir = temp_dir("format");
    let path = dir.join("lock.json");
    std::fs::write(&path, r#"{"format": "apierror.lock/v9", "codes": {}, "new": []}"#).unwrap();
    let error = Lock::check_file_with(&service(), &path, LockOptions::default()).unwrap_err();
    assert!(
        matches!(&error, LockError::Format { found, .. } if found == "apierror.lock/v9"),
        "{error}"
    );
    assert!(
        error.to_string().contains("has format `apierror.lock/v9`"),
        "{error}"
    );
}

#[test]
fn assert_lock_points_at_the_callers_test() {
    use std::sync::{Arc, Mutex};

    let dir = temp_dir("caller");
    let path = dir.join("lock.json");
    std::fs::write(&path, r#"{"format": "apierror.lock/v9", "codes": {}}"#).unwrap();
    let seen: Arc<Mutex<Option<(String, u32)>>> = Arc::default();
    let record = Arc::clone(&seen);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Other tests may panic at the same time: only this thread's panic is recorded.
        if std::thread::current().name() == Some("assert-lock-caller") {
            *record.lock().unwrap() = info.location().map(|l| (l.file().to_owned(), l.line()));
        }
    }));
    let expected_line = line!() + 3;
    let joined = std::thread::Builder::new()
        .name("assert-lock-caller".into())
        .spawn(move || apierror::docs::assert_lock(&service(), &path))
        .unwrap()
        .join();
    std::panic::set_hook(previous);
    assert!(joined.is_err());
    let (file, line) = seen.lock().unwrap().clone().expect("the panic was seen");
    assert_eq!((file.as_str(), line), (file!(), expected_line));
}
