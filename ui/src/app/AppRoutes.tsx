import { HashRouter, Navigate, Route, Routes } from "react-router";
import { AppLayout } from "../components/AppLayout";
import { BindingsPage } from "../features/bindings/BindingsPage";
import { CallsPage } from "../features/calls/CallsPage";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { NumbersPage } from "../features/numbers/NumbersPage";
import { RecordingsPage } from "../features/recordings/RecordingsPage";
import { SettingsPage } from "../features/settings/SettingsPage";

/** Hash routing: the app is served from tauri://localhost, where only index.html exists. */
export function AppRoutes() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/bindings" element={<BindingsPage />} />
          <Route path="/numbers" element={<NumbersPage />} />
          <Route path="/calls" element={<CallsPage />} />
          <Route path="/recordings" element={<RecordingsPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to="/dashboard" replace />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
