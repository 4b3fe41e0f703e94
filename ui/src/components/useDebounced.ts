import { useEffect, useState } from "react";

/** Text boxes apply after a short pause so typing does not query on every key. */
export function useDebounced(value: string, apply: (v: string) => void) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The filter changed from outside (reset, saved view): show it.
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const id = setTimeout(() => apply(text), 300);
    return () => clearTimeout(id);
  }, [text, value, apply]);
  return [text, setText] as const;
}
