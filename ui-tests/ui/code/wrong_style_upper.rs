use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "UPPERCASE", strict_codes)]
enum E {
    #[api(code = "bad-argument", status = 400)]
    BadArgument,
}

fn main() {}
