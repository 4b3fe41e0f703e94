import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// CI machines are small and shared: the first render of the whole app (antd, i18n, the router)
// can take longer than testing-library's 1 s default. Waits still fail, just not spuriously.
configure({ asyncUtilTimeout: 8000 });

// jsdom lacks these; antd (responsive grid, Sider breakpoints, Segmented) needs them.
Object.defineProperty(window, "matchMedia", {
  writable: true,
  configurable: true,
  value: vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    addListener: vi.fn(),
    removeListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// jsdom's getComputedStyle does not support pseudo-elements and logs an error; antd asks for them.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => getComputedStyle(elt);

afterEach(() => {
  cleanup();
  window.location.hash = "";
  delete document.documentElement.dataset.theme;
  document.documentElement.lang = "";
});
