use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "lowercase", strict_codes)]
enum E {
    #[api(code = "BadArgument", status = 400)]
    BadArgument,
}

fn main() {}
