use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(stauts = 400)]
    ParseError,
    #[api(status = 401)]
    RuleError,
    #[api(status = 400, detail = "{missing}")]
    DetailError,
    #[api(status = 400)]
    A,
}

fn main() {}
