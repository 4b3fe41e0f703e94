//! A size-limited disk for "the disk is full" tests: a tmpfs mounted on a folder, unmounted on
//! drop. Shared by the test binaries of several crates (included with `#[path]`), so the one
//! way we fill a disk lives in one place. Needs root (CI runs as root); elsewhere the test is
//! skipped with a loud note instead of passing silently.
#![allow(dead_code)] // each including binary uses part of it

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct SmallDisk {
    path: PathBuf,
    /// The folder we created, removed after the unmount (None when mounted on the caller's folder).
    _owned: Option<tempfile::TempDir>,
}

impl SmallDisk {
    /// A tmpfs of `size` (e.g. "4m") on a fresh temporary folder.
    pub fn mount(test: &str, size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().to_path_buf();
        Self::mount_at(test, &path, size, Some(dir))
    }

    /// A tmpfs of `size` on the caller's folder `dir` (what was in it is hidden until the drop).
    pub fn mount_on(test: &str, dir: &Path, size: &str) -> Option<SmallDisk> {
        Self::mount_at(test, dir, size, None)
    }

    fn mount_at(
        test: &str,
        dir: &Path,
        size: &str,
        owned: Option<tempfile::TempDir>,
    ) -> Option<SmallDisk> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!(
                "\n!!!!! {test}: SKIPPED: cannot mount a size-limited tmpfs (needs root; CI runs as root) !!!!!\n"
            );
            return None;
        }
        Some(SmallDisk {
            path: dir.to_path_buf(),
            _owned: owned,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Fills the disk, then frees `leave` bytes.
    pub fn fill_leaving(&self, leave: u64) {
        use std::io::Write;
        let filler = self.path.join("filler");
        let mut f = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0x5Au8; 16 * 1024];
        let mut written = 0u64;
        while f.write_all(&chunk).is_ok() {
            written += chunk.len() as u64;
        }
        drop(f);
        let keep = written.saturating_sub(leave);
        std::fs::OpenOptions::new()
            .write(true)
            .open(&filler)
            .and_then(|f| f.set_len(keep))
            .expect("free some space");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}
