import { describe, expect, it } from "vitest";
import i18n from "../../../i18n";
import type { ConnectionReport } from "../../../ipc/bindings/ConnectionReport";
import { platformWords, verdictMessageId, VERDICTS } from "./verdict";

const en = i18n.getFixedT("en");
const zh = i18n.getFixedT("zh-CN");

describe("connection verdicts in plain words", () => {
  it("has a sentence for every verdict in both languages", () => {
    for (const verdict of VERDICTS) {
      const id = verdictMessageId(verdict);
      expect(en(id), `en has no text for ${verdict}`).not.toBe(id);
      expect(zh(id), `zh-CN has no text for ${verdict}`).not.toBe(id);
      expect(zh(id), `zh-CN text for ${verdict} is untranslated`).not.toBe(en(id));
    }
  });

  it("says what each failure means and what to do", () => {
    expect(en(verdictMessageId("wrongCredentials"))).toBe(
      "The platform rejected the app key or secret. Check them; repeated failures block this computer's IP for 30 minutes.",
    );
    expect(zh(verdictMessageId("wrongCredentials"))).toContain("30 分钟");
    expect(en(verdictMessageId("clockSkew"))).toBe("Your computer's clock is off; sync it (Settings → Date & time) and try again.");
    expect(zh(verdictMessageId("clockSkew"))).toContain("同步系统时间");
    expect(en(verdictMessageId("noNetwork"))).toBe("Could not reach the platform: check the network or the base URL.");
    expect(en(verdictMessageId("tls"))).toContain("paste it in Custom CA");
    expect(zh(verdictMessageId("tls"))).toContain("自定义 CA");
    expect(en(verdictMessageId("notThePlatform"))).toBe("Something answered, but not the PrivateNumber platform: check the base URL.");
    expect(en(verdictMessageId("ok"))).toBe("Connected: the platform accepted the key and secret.");
    expect(zh(verdictMessageId("ok"))).toBe("连接成功：平台已接受 App Key 和 App Secret。");
  });

  it("picks the platform's own words in the UI language, falling back to the other", () => {
    const report: ConnectionReport = {
      verdict: "wrongCredentials",
      code: "1010001",
      detail: "",
      explanationZh: "鉴权失败",
      explanationEn: "Authentication failed",
      actionZh: null,
      actionEn: "Check the key",
    };
    expect(platformWords(report, "en")).toEqual({ explanation: "Authentication failed", action: "Check the key" });
    expect(platformWords(report, "zh-CN")).toEqual({ explanation: "鉴权失败", action: "Check the key" });
  });
});
