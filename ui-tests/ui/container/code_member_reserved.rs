//! Every member problem details write themselves is refused as the code member, at the literal.
use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("type"))]
struct Aaa;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("title"))]
struct Bbb;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("status"))]
struct Ccc;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("detail"))]
struct Ddd;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("instance"))]
struct Eee;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("errors"))]
struct Fff;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member("resolve"))]
struct Ggg;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_retry_member().with_code_member("retry"))]
struct Hhh;

#[derive(Debug, ApiError)]
#[api(status = 400, envelope = apierror::Problem::new().with_code_member(""))]
struct Iii;

fn main() {}
