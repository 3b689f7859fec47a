use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Internal {
        #[api(skip, expose)]
        query: String,
    },
}

fn main() {}
