//! A crate that depends on `apierror` under another name (`errs`), with no `apierror` in scope.

/// Errors of this crate.
#[derive(Debug, errs::ApiError)]
#[api(crate = errs, type_base = "https://docs.example.com/errors/")]
pub enum RenamedError {
    /// Not there.
    #[api(status = 404, detail = "no {id}")]
    Missing {
        /// The id.
        id: u32,
    },
}

/// A struct error, with the path quoted.
#[derive(Debug, errs::ApiError)]
#[api(crate = "::errs", status = 410)]
pub struct Gone;

#[cfg(test)]
mod tests {
    use errs::{ApiError, ApiErrorExt, Catalog};

    use super::{Gone, RenamedError};

    #[test]
    fn renamed_dependency() {
        let err = RenamedError::Missing { id: 3 };
        assert_eq!(err.type_uri(), "https://docs.example.com/errors/MISSING");
        assert_eq!(err.detail().unwrap().to_string(), "no 3");
        assert_eq!(RenamedError::entries().len(), 1);
        assert_eq!(Gone.status(), errs::StatusCode::GONE);
    }
}
