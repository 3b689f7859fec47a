use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Private {
        #[api(location = "parameter")]
        name: String,
    },
    #[api(status = 400)]
    Skipped {
        #[api(skip, location = "header")]
        name: String,
    },
    #[api(status = 400, detail = "bad {name}")]
    DetailOnly {
        #[api(detail_only, location = "pointer")]
        name: String,
    },
    #[api(status = 400)]
    Unnamed(#[api(location = "parameter")] String),
    #[api(status = 400)]
    Twice {
        #[api(location = "parameter")]
        first: String,
        #[api(location = "pointer")]
        second: String,
    },
}

fn main() {}
