//! The one rule for page sizes and pages asked for by the UI and the CLI: out of range is
//! refused with the range, never silently clamped (a script asking for 0 or 10 000 rows must
//! learn that it did not get them).

use crate::ServiceError;
use maskline_domain::{Text, text};

/// The largest page any list returns.
pub const MAX_PAGE_SIZE: u32 = 500;

/// `value` when it is within `1..=MAX_PAGE_SIZE`; otherwise an error naming `field` and the range.
pub fn page_size(field: &str, value: u32) -> Result<u32, ServiceError> {
    page_size_within(field, value, MAX_PAGE_SIZE)
}

/// `value` when it is within `1..=max`; otherwise an error naming `field` and the range.
pub fn page_size_within(field: &str, value: u32, max: u32) -> Result<u32, ServiceError> {
    if (1..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ServiceError::Invalid {
            field: field.into(),
            message: text!(
                "must be between 1 and {max} (got {value})",
                "必须在 1 到 {max} 之间(收到 {value})"
            ),
        })
    }
}

/// `value` when it is at least 1 (pages are numbered from 1).
pub fn page(field: &str, value: u32) -> Result<u32, ServiceError> {
    if value >= 1 {
        Ok(value)
    } else {
        Err(ServiceError::Invalid {
            field: field.into(),
            message: Text::new("pages are numbered from 1 (got 0)", "页码从 1 开始(收到 0)"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_zero_and_too_big_with_the_range() {
        assert_eq!(page_size("--page-size", 1).expect("1"), 1);
        assert_eq!(page_size("--page-size", 500).expect("500"), 500);
        for bad in [0, 501, u32::MAX] {
            let e = page_size("--page-size", bad)
                .expect_err("out of range")
                .to_string();
            assert!(
                e.starts_with("--page-size: must be between 1 and 500"),
                "{e}"
            );
            assert!(e.contains("1 到 500"), "{e}");
        }
        assert!(page("--page", 0).is_err());
        assert_eq!(page("--page", 3).expect("3"), 3);
    }
}
