use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid {
        #[api(expsoe)]
        value: String,
    },
}

fn main() {}
