import { useId } from "react";

/**
 * The Maskline mark: two callers (the dots) who only ever reach each other through the masked middle number (X).
 * Same artwork as public/logo.svg, which the app icon is generated from.
 */
export function Logo({ size = 28, title }: { size?: number; title?: string }) {
  const gradient = `${useId()}-bg`;
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label={title} aria-hidden={title ? undefined : true}>
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#0d9488" />
          <stop offset="1" stopColor="#4f46e5" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill={`url(#${gradient})`} />
      <path d="M15 45 L32 23 L49 45" fill="none" stroke="#fff" strokeOpacity=".7" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="15" cy="45" r="6" fill="#fff" />
      <circle cx="49" cy="45" r="6" fill="#fff" />
      <circle cx="32" cy="23" r="11" fill="#fff" />
      <path d="M27.5 18.5 L36.5 27.5 M36.5 18.5 L27.5 27.5" stroke="#4f46e5" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
