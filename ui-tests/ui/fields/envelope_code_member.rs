use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = apierror::Problem::new().with_code_member("error_code"))]
enum E {
    #[api(status = 402)]
    CardDeclined { error_code: String },
}

fn main() {}
