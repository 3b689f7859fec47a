use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid {
        #[api(skip = true)]
        note: String,
    },
}

fn main() {}
