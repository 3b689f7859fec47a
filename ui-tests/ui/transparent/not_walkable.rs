use apierror::ApiError;

#[derive(ApiError)]
enum Node {
    #[api(transparent)]
    Any(Box<dyn apierror::ApiError + Send + Sync>),
    #[api(transparent)]
    Nested(Box<Node>),
    #[api(transparent)]
    Again(std::sync::Arc<Self>),
}

fn main() {}
