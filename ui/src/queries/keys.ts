/** Every query key in one place, so backend events can invalidate by key. */
export const queryKeys = {
  appInfo: ["appInfo"] as const,
  dbStatus: ["dbStatus"] as const,
  settings: ["settings"] as const,
  accounts: ["accounts"] as const,
};
