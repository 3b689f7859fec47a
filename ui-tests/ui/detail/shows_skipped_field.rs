use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, detail = "token {token} rejected")]
    Rejected {
        #[api(skip)]
        token: String,
    },
}

fn main() {}
