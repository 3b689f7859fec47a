use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "PascalCase", strict_codes)]
enum E {
    #[api(code = "bad_argument", status = 400)]
    BadArgument,
}

fn main() {}
