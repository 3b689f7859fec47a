use apierror::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid { value: Opaque },
}

fn main() {}
