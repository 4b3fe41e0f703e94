//! The app lock's passphrase verifier: PBKDF2-HMAC-SHA256 with a random salt, kept in the
//! secret store (the OS keyring), never in SQLite. Only the verifier is stored, never the
//! passphrase.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::Sha256;

use crate::Sensitive;

/// Iterations of PBKDF2 (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
const PREFIX: &str = "pbkdf2-sha256";

/// A stored verifier: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64).
pub fn make_verifier(passphrase: &str) -> Sensitive<String> {
    make_with(passphrase, ITERATIONS)
}

/// Like [`make_verifier`] with another cost (tests use a small one; [`verify`] reads the
/// cost from the verifier).
pub fn make_with(passphrase: &str, iterations: u32) -> Sensitive<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the OS random number generator is available");
    let hash = derive(passphrase, &salt, iterations);
    Sensitive::new(format!(
        "{PREFIX}${iterations}${}${}",
        STANDARD.encode(salt),
        STANDARD.encode(hash)
    ))
}

fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut out);
    out
}

/// Whether `passphrase` matches `verifier` (constant-time comparison). A malformed verifier
/// never matches.
pub fn verify(passphrase: &str, verifier: &Sensitive<String>) -> bool {
    let parts: Vec<&str> = verifier.expose().split('$').collect();
    let [prefix, iterations, salt, hash] = parts.as_slice() else {
        return false;
    };
    let (Ok(iterations), Ok(salt), Ok(hash)) = (
        iterations.parse::<u32>(),
        STANDARD.decode(salt),
        STANDARD.decode(hash),
    ) else {
        return false;
    };
    if *prefix != PREFIX || iterations == 0 || hash.len() != 32 {
        return false;
    }
    let got = derive(passphrase, &salt, iterations);
    got.iter().zip(&hash).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_verifies_and_others_do_not() {
        let v = make_with("correct horse", 1_000);
        assert!(
            verify("correct horse", &v),
            "the passphrase that made it matches"
        );
        assert!(
            !verify("correct hors", &v),
            "a different passphrase does not"
        );
        assert!(!verify("", &v));
        assert!(
            !v.expose().contains("correct horse"),
            "the passphrase itself is never stored"
        );
    }

    #[test]
    fn salts_differ_and_malformed_verifiers_never_match() {
        let a = make_with("same", 1_000);
        let b = make_with("same", 1_000);
        assert_ne!(a.expose(), b.expose(), "each verifier has its own salt");
        for bad in [
            "",
            "x$1$AA==$AA==",
            "pbkdf2-sha256$0$AA==$AA==",
            "pbkdf2-sha256$1$!!$??",
        ] {
            assert!(!verify("same", &Sensitive::new(bad.to_string())), "{bad}");
        }
    }

    #[test]
    fn known_answer_from_rfc_7914_style_vector() {
        // PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64) from RFC 7914 §11: first 32 bytes.
        let got = derive("passwd", b"salt", 1);
        assert_eq!(
            got[..8],
            [0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f],
            "matches the published test vector"
        );
    }
}
