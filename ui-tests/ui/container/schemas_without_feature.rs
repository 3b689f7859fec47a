use apierror::ApiError;

// `#[api(schemas)]` asks for `MemberSchemas`; the runtime's `schemars-1` feature provides it.
#[derive(Debug, ApiError)]
#[api(schemas)]
enum E {
    #[api(status = 400)]
    Invalid { field: String },
}

fn main() {}
