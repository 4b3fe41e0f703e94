import { useEffect } from "react";
import { useNavigate } from "react-router";
import { isMacPlatform, shortcutRoute } from "./shortcuts";

/** Listens for Ctrl/Cmd+1…6 anywhere in the window and switches page. */
export function useNavShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const mac = isMacPlatform();
    const onKeyDown = (e: KeyboardEvent) => {
      const route = shortcutRoute(e, mac);
      if (route === null) return;
      e.preventDefault();
      void navigate(route);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [navigate]);
}
