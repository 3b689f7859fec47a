use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(action = "SelectPlan"))]
    First,
}

fn main() {}
