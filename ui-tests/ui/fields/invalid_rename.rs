use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    Invalid {
        #[api(rename = "id")]
        a: String,
        #[api(rename = "1st")]
        b: String,
        #[api(rename = "user-id")]
        c: String,
    },
}

fn main() {}
