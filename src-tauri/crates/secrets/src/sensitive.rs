//! [`Sensitive<T>`]: a value that must never be printed, serialised or left in memory.

use std::fmt;

use zeroize::Zeroize;

/// Wraps a secret (an APP_Secret, a password). `Debug` and `Display` print `[redacted]`;
/// there is deliberately no `Serialize`; the memory is zeroed on drop.
///
/// Read the value only where it is used, with [`Sensitive::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Sensitive<T: Zeroize>(T);

impl<T: Zeroize> Sensitive<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret itself. Keep the borrow short and never log it.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> Drop for Sensitive<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T: Zeroize> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sensitive([redacted])")
    }
}

impl<T: Zeroize> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Sensitive<String> {
    /// True when the secret is the empty string (an account without a usable secret).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Sensitive::new(String::from("hunter2-app-secret"));
        let dbg = format!("{s:?} {s} {:#?}", Some(&s));
        assert!(
            !dbg.contains("hunter2"),
            "secret leaked into formatting: {dbg}"
        );
        assert!(dbg.contains("[redacted]"));
        assert_eq!(
            s.expose(),
            "hunter2-app-secret",
            "expose gives the real value"
        );
    }

    #[test]
    fn redacts_inside_derived_debug_of_containing_structs() {
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Account {
            key: String,
            secret: Sensitive<String>,
        }
        let a = Account {
            key: "k".into(),
            secret: "s3cr3t".to_string().into(),
        };
        assert!(!format!("{a:?}").contains("s3cr3t"));
    }
}
