import { describe, expect, it } from "vitest";
import { checkBaseUrl, checkCaPem, checkName, checkRate, checkSecret } from "./validation";

const PEM = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVGb3JUZXN0aW5nMAoGCCqGSM49BAMC
MBIxEDAOBgNVBAMMB1Rlc3QgQ0EwHhcNMjYwMTAxMDAwMDAwWhcNMzYwMTAxMDAw
-----END CERTIFICATE-----`;

describe("account form checks", () => {
  it("accepts https anywhere and plain http only to this computer", () => {
    expect(checkBaseUrl("https://rtcpns.cn-north-1.myhuaweicloud.com")).toBeNull();
    expect(checkBaseUrl("http://127.0.0.1:8443")).toBeNull();
    expect(checkBaseUrl("http://localhost:9000/")).toBeNull();
    expect(checkBaseUrl("http://[::1]:9000")).toBeNull();
    expect(checkBaseUrl("http://rtcpns.cn-north-1.myhuaweicloud.com"), "http to a remote host leaks signed requests").toBe(
      "accounts.form.baseUrl.httpsOnly",
    );
    expect(checkBaseUrl("http://127.0.0.2.example.com")).toBe("accounts.form.baseUrl.httpsOnly");
    expect(checkBaseUrl("rtcpns.cn-north-1.myhuaweicloud.com")).toBe("accounts.form.baseUrl.invalid");
    expect(checkBaseUrl("ftp://example.com")).toBe("accounts.form.baseUrl.invalid");
    expect(checkBaseUrl("  ")).toBe("accounts.form.baseUrl.required");
    expect(checkBaseUrl("https://rtcpns.cn-north-1.myhuaweicloud.com/rest/caas")).toBe("accounts.form.baseUrl.path");
    expect(checkBaseUrl("https://example.com:8443/?region=cn")).toBe("accounts.form.baseUrl.path");
    expect(checkBaseUrl("https://example.com?x=1")).toBe("accounts.form.baseUrl.path");
    expect(checkBaseUrl("https://example.com#top")).toBe("accounts.form.baseUrl.path");
    expect(checkBaseUrl("https://example.com:8443/")).toBeNull();
    expect(checkBaseUrl("http://127.0.0.1:9000")).toBeNull();
  });

  it("requires the secret when adding but not when editing", () => {
    expect(checkSecret("", false)).toBe("accounts.form.secret.required");
    expect(checkSecret(undefined, false)).toBe("accounts.form.secret.required");
    expect(checkSecret("s", false)).toBeNull();
    expect(checkSecret("", true), "empty keeps the saved secret").toBeNull();
  });

  it("takes an optional PEM certificate chain and nothing else", () => {
    expect(checkCaPem("")).toBeNull();
    expect(checkCaPem(PEM)).toBeNull();
    expect(checkCaPem(`${PEM}\n${PEM}\n`)).toBeNull();
    expect(checkCaPem("MIIBszCCAVmgAwIBAgIU")).toBe("accounts.form.ca.invalid");
    expect(checkCaPem(`junk\n${PEM}`)).toBe("accounts.form.ca.invalid");
    expect(checkCaPem("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----")).toBe("accounts.form.ca.invalid");
    expect(checkCaPem(PEM.replace("-----END CERTIFICATE-----", ""))).toBe("accounts.form.ca.invalid");
  });

  it("keeps the rate limit a whole number from 1 to 100", () => {
    expect(checkRate(1)).toBeNull();
    expect(checkRate(100)).toBeNull();
    expect(checkRate(0)).toBe("accounts.form.rate.range");
    expect(checkRate(101)).toBe("accounts.form.rate.range");
    expect(checkRate(2.5)).toBe("accounts.form.rate.range");
    expect(checkRate(null)).toBe("accounts.form.rate.required");
  });

  it("needs a name of at most 64 characters", () => {
    expect(checkName("  ")).toBe("accounts.form.name.required");
    expect(checkName("生产环境")).toBeNull();
    expect(checkName("x".repeat(65))).toBe("accounts.form.name.tooLong");
  });
});
