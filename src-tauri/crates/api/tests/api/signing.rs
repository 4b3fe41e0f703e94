//! `maskline_api::sign` against an independent implementation: a few lines of Python
//! (hashlib/hmac/base64) compute both headers for the same app key, secret, nonce and Created,
//! and they must match byte for byte, for WSSE and AKSK. (That the simulator accepts a
//! Python-signed request and refuses one changed digest byte is shown in maskline-sim's tests.)

use std::process::Command;

use maskline_api::AuthScheme;
use maskline_api::sign::{format_created, new_nonce, sign};

const PYTHON_SIGNER: &str = r#"
import base64, hashlib, hmac, sys
scheme, key, secret, nonce, created = sys.argv[1:6]
if scheme == "AKSK":
    raw = hmac.new(secret.encode(), (nonce + created).encode(), hashlib.sha256).digest()
else:
    raw = hashlib.sha256((nonce + created + secret).encode()).digest()
digest = base64.b64encode(raw).decode()
print(scheme + ' realm="SDP",profile="UsernameToken",type="Appkey"')
print("X-" + scheme)
print('UsernameToken Username="%s",PasswordDigest="%s",Nonce="%s",Created="%s"' % (key, digest, nonce, created))
"#;

/// (Authorization, token header name, token header value) as Python computes them.
fn python(scheme: &str, key: &str, secret: &str, nonce: &str, created: &str) -> [String; 3] {
    let out = Command::new(PYTHON)
        .args(["-c", PYTHON_SIGNER, scheme, key, secret, nonce, created])
        .output()
        .expect(
            "Python 3 is installed on the development machines and CI (python3; python on Windows)",
        );
    assert!(
        out.status.success(),
        "the Python signer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 from Python");
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines
        .try_into()
        .expect("three lines from the Python signer")
}

#[test]
fn rust_and_python_signatures_agree_for_both_schemes() {
    let fresh_created = format_created(time::OffsetDateTime::now_utc());
    let cases = [
        (
            "demo-axb-key",
            "demo-axb-secret",
            new_nonce(),
            fresh_created,
        ),
        (
            "my_app_key",
            "my_app_secret",
            "66C92B11FF8A425FB8D4CCFE0ED9ED1F".to_string(),
            "2018-02-12T15:30:20Z".to_string(),
        ),
        (
            "k",
            "s3cr3t/中 +=",
            "a".to_string(),
            "2024-01-01T00:00:00Z".to_string(),
        ),
    ];
    for (scheme, word) in [(AuthScheme::Aksk, "AKSK"), (AuthScheme::Wsse, "WSSE")] {
        for (key, secret, nonce, created) in &cases {
            let rust = sign(scheme, key, secret, nonce, created);
            let [authorization, name, value] = python(word, key, secret, nonce, created);
            let why = format!("{word} key={key} nonce={nonce} created={created}");
            assert_eq!(
                rust.authorization, authorization,
                "Authorization differs: {why}"
            );
            assert_eq!(rust.token_name, name, "token header name differs: {why}");
            assert_eq!(
                rust.token_value, value,
                "UsernameToken (digest) differs: {why}"
            );
        }
    }
}

/// The Python 3 interpreter's name: Windows installs it as `python` (its `python3` is often
/// only the Microsoft Store stub), Linux and macOS as `python3`.
const PYTHON: &str = if cfg!(windows) { "python" } else { "python3" };
