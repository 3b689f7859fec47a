use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct NotFound;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    Inner(#[api(expose, rename = "inner")] NotFound),
    #[api(transparent)]
    Other {
        #[api(location = "pointer")]
        found: NotFound,
    },
}

fn main() {}
