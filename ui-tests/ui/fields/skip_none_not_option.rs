use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid {
        #[api(skip_none)]
        limit: u32,
    },
}

fn main() {}
