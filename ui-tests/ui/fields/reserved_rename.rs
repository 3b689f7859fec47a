use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid {
        #[api(rename = "type")]
        kind: String,
    },
}

fn main() {}
