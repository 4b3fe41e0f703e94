//! Page sizes out of range are refused with the range (issue 14 item 8), on a real database.

use maskline_domain::calls::CallPageRequest;
use maskline_services::{DbManager, ServiceError, audit, calls};

#[test]
fn call_pages_above_the_maximum_are_refused_not_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let m = DbManager::open(&dir.path().join("maskline.db"));
    let ask = |page_size: u32| {
        calls::page(
            &m,
            &CallPageRequest {
                page_size,
                ..CallPageRequest::default()
            },
        )
    };
    let err = ask(calls::MAX_PAGE_SIZE + 1).expect_err("too big");
    assert!(matches!(err, ServiceError::Invalid { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains(&format!("between 1 and {}", calls::MAX_PAGE_SIZE))
            && text.contains(&format!("1 到 {}", calls::MAX_PAGE_SIZE)),
        "{text}"
    );
    assert!(ask(u32::MAX).is_err());
    assert_eq!(
        ask(calls::MAX_PAGE_SIZE).expect("the maximum").page_size,
        calls::MAX_PAGE_SIZE
    );
    assert_eq!(
        ask(0).expect("0 asks for the default").page_size,
        calls::DEFAULT_PAGE_SIZE
    );
    assert!(audit::list(&m, None, 1, 0).is_err(), "audit: 0 is refused");
    assert!(
        audit::list(&m, None, 1, 501).is_err(),
        "audit: 501 is refused"
    );
    assert!(audit::list(&m, None, 1, 500).is_ok());
}
