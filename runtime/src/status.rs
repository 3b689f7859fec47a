//! Reason phrases: the derive's status registry (RFC 9110's names, such as 413 "Content Too
//! Large" and 422 "Unprocessable Content"), generated from the one table the derive checks
//! statuses against, so a hand-built or framework entry says what a derived one says.

apierror_macros::__reason_phrases!();

#[cfg(test)]
mod tests {
    #[test]
    fn rfc_9110_names() {
        assert_eq!(super::reason_phrase(413), Some("Content Too Large"));
        assert_eq!(super::reason_phrase(422), Some("Unprocessable Content"));
        assert_eq!(super::reason_phrase(404), Some("Not Found"));
        assert_eq!(super::reason_phrase(200), None);
    }
}
