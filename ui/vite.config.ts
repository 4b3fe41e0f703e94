/// <reference types="node" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Tauri serves the built files from tauri://localhost; in development it loads http://localhost:1420.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  envPrefix: ["VITE_", "TAURI_ENV_"],
  server: {
    port: 1420,
    strictPort: true,
    host: process.env.TAURI_DEV_HOST || false,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  build: {
    // WebKitGTK / WKWebView (Safari 15) is the oldest engine we ship to.
    target: ["es2021", "safari15"],
    outDir: "dist",
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    css: false,
    clearMocks: true,
    restoreMocks: true,
    testTimeout: 30000,
  },
});
