//! A request signed by an independent implementation (Python's hashlib/hmac/base64) is
//! accepted; the same request with one changed byte in the digest is refused with 1010012.

use std::process::Command;

use crate::common::*;

const SIGNER: &str = r#"
import base64, datetime, hashlib, hmac, sys, uuid
scheme, key, secret, corrupt = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
nonce = uuid.uuid4().hex.upper()
created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
if scheme == "AKSK":
    raw = hmac.new(secret.encode(), (nonce + created).encode(), hashlib.sha256).digest()
else:
    raw = hashlib.sha256((nonce + created + secret).encode()).digest()
digest = base64.b64encode(raw).decode()
if corrupt:
    digest = ("B" if digest[0] == "A" else "A") + digest[1:]
print(scheme + ' realm="SDP",profile="UsernameToken",type="Appkey"')
print("X-" + scheme)
print('UsernameToken Username="%s",PasswordDigest="%s",Nonce="%s",Created="%s"' % (key, digest, nonce, created))
"#;

fn python_headers(scheme: &str, corrupt: bool) -> (String, String, String) {
    let out = Command::new(PYTHON)
        .args([
            "-c",
            SIGNER,
            scheme,
            AXB.0,
            AXB.1,
            if corrupt { "1" } else { "0" },
        ])
        .output()
        .expect(
            "Python 3 is installed on the development machines and CI (python3; python on Windows)",
        );
    assert!(
        out.status.success(),
        "python signer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.lines().map(str::to_string);
    let mut next = || lines.next().expect("three lines from the signer");
    (next(), next(), next())
}

#[tokio::test]
async fn python_signed_requests_are_accepted_and_one_changed_byte_is_refused() {
    let sim = start().await;
    let url = format!("{}{AXB_URI}", sim.base_url());
    for (k, scheme) in ["AKSK", "WSSE"].into_iter().enumerate() {
        for (i, corrupt) in [false, true].into_iter().enumerate() {
            let (authz, name, value) = python_headers(scheme, corrupt);
            let body =
                format!(r#"{{"callerNum":"+86138000000{k}{i}","calleeNum":"+8613900000002"}}"#);
            let resp = http()
                .post(&url)
                .header("Authorization", authz)
                .header(name.as_str(), value)
                .header("Content-Type", "application/json;charset=UTF-8")
                .body(body)
                .send()
                .await
                .expect("request");
            let v: serde_json::Value = resp.json().await.expect("JSON");
            let expected = if corrupt { "1010012" } else { "0" };
            assert_eq!(code(&v), expected, "{scheme} corrupt={corrupt}: {v}");
        }
    }
}

/// The Python 3 interpreter's name: Windows installs it as `python` (its `python3` is often
/// only the Microsoft Store stub), Linux and macOS as `python3`.
const PYTHON: &str = if cfg!(windows) { "python" } else { "python3" };
