use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid {
        #[api(location = "cookie")]
        name: String,
    },
}

fn main() {}
