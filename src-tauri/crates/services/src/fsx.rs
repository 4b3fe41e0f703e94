//! File-system situations that mostly show on Windows: a file the user is exporting over is
//! open in Excel or WPS (which lock it), and antivirus briefly holding a file that was just
//! written (a rename into the recordings cache fails for a moment).

use maskline_domain::text;
use std::io;
use std::path::Path;
use std::time::Duration;

use crate::ServiceError;

/// Windows: ERROR_SHARING_VIOLATION (another program has the file open without sharing).
const ERROR_SHARING_VIOLATION: i32 = 32;
/// Windows: ERROR_LOCK_VIOLATION (another program locked a part of the file).
const ERROR_LOCK_VIOLATION: i32 = 33;

/// Whether `e` means another program holds the file: a Windows sharing or lock violation, or
/// "permission denied" on a file that exists (Excel/WPS on Windows, and what Windows reports
/// when replacing a file that is open).
pub fn held_by_another_program(e: &io::Error, path: &Path) -> bool {
    let sharing = cfg!(windows)
        && matches!(
            e.raw_os_error(),
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
        );
    sharing || (e.kind() == io::ErrorKind::PermissionDenied && path.exists())
}

/// The error for a file that is open in another program, in both languages.
pub fn open_elsewhere(path: &Path) -> ServiceError {
    let p = path.display();
    ServiceError::Invalid {
        field: "path".into(),
        message: text!(
            "{p} is open in another program (Excel, WPS…): close it and try again",
            "文件 {p} 正被其他程序（如 Excel、WPS）打开：请关闭该文件后重试"
        ),
    }
}

/// Maps a write error on `path`: "open in another program" when it is that, else `other(e)`.
pub fn write_error(
    path: &Path,
    e: io::Error,
    other: impl FnOnce(io::Error) -> ServiceError,
) -> ServiceError {
    if held_by_another_program(&e, path) {
        open_elsewhere(path)
    } else {
        other(e)
    }
}

/// Whether a failed rename is worth retrying: something (antivirus, an indexer, a backup
/// tool) holds the file for a moment.
fn transient(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::PermissionDenied
        || (cfg!(windows)
            && matches!(
                e.raw_os_error(),
                Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
            ))
}

/// The waits between attempts: 50 ms doubling, about 3 s in all.
pub const RETRY_WAITS_MS: [u64; 6] = [50, 100, 200, 400, 800, 1600];

/// Runs `op`, retrying after each of `waits` while it fails with a transient error.
pub fn retry_transient<T>(
    waits: &[u64],
    mut sleep: impl FnMut(Duration),
    mut op: impl FnMut() -> io::Result<T>,
) -> io::Result<T> {
    let mut waits = waits.iter();
    loop {
        match op() {
            Err(e) if transient(&e) => match waits.next() {
                Some(ms) => sleep(Duration::from_millis(*ms)),
                None => return Err(e),
            },
            other => return other,
        }
    }
}

/// `std::fs::rename`, retried with backoff while the file is briefly held (antivirus).
pub fn rename_retrying(from: &Path, to: &Path) -> io::Result<()> {
    retry_transient(&RETRY_WAITS_MS, std::thread::sleep, || {
        std::fs::rename(from, to)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_denied_on_an_existing_file_means_open_in_another_program() {
        let dir = tempfile::tempdir().expect("tempdir");
        let there = dir.path().join("calls.xlsx");
        std::fs::write(&there, b"x").expect("write");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(held_by_another_program(&denied, &there));
        assert!(
            !held_by_another_program(&denied, &dir.path().join("new.xlsx")),
            "a new file: a permissions problem"
        );
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert!(!held_by_another_program(&full, &there));

        let err = write_error(&there, denied, |_| ServiceError::Invalid {
            field: "x".into(),
            message: maskline_domain::Text::same("other"),
        });
        let msg = err.to_string();
        assert!(
            msg.contains("open in another program") && msg.contains("close it and try again"),
            "{msg}"
        );
        assert!(
            msg.contains("正被其他程序") && msg.contains("请关闭该文件后重试"),
            "{msg}"
        );
        assert!(!msg.contains("disk space") && !msg.contains("CSV"), "{msg}");
    }

    #[cfg(windows)]
    #[test]
    fn windows_sharing_and_lock_violations_mean_open_in_another_program() {
        let p = Path::new("C:\\nowhere\\calls.xlsx");
        assert!(held_by_another_program(
            &io::Error::from_raw_os_error(32),
            p
        ));
        assert!(held_by_another_program(
            &io::Error::from_raw_os_error(33),
            p
        ));
    }

    #[test]
    fn a_briefly_held_file_is_retried_with_backoff_and_other_errors_are_not() {
        let mut slept = Vec::new();
        let mut left = 2;
        let r = retry_transient(
            &RETRY_WAITS_MS,
            |d| slept.push(d.as_millis()),
            || {
                if left > 0 {
                    left -= 1;
                    Err(io::Error::from(io::ErrorKind::PermissionDenied))
                } else {
                    Ok(7)
                }
            },
        );
        assert_eq!(r.ok(), Some(7));
        assert_eq!(slept, vec![50, 100]);

        let mut calls = 0;
        let r: io::Result<()> = retry_transient(
            &RETRY_WAITS_MS,
            |_| {},
            || {
                calls += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
        );
        assert!(r.is_err());
        assert_eq!(calls, 1, "a missing file is not retried");

        let mut calls = 0;
        let r: io::Result<()> = retry_transient(
            &[1, 2],
            |_| {},
            || {
                calls += 1;
                Err(io::Error::from(io::ErrorKind::PermissionDenied))
            },
        );
        assert!(r.is_err(), "gives up after the last wait");
        assert_eq!(calls, 3);
    }
}
