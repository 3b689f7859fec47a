use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(code = "THIS_CODE_IS_FAR_TOO_LONG_FOR_ANY_CLIENT_TO_SWITCH_ON_COMFORTABLY_X", status = 400)]
    Long,
}

fn main() {}
