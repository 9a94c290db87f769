import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-gray-100 text-gray-800 border-gray-300",
  info: "bg-blue-50 text-blue-900 border-blue-300",
  success: "bg-green-50 text-green-900 border-green-300",
  warning: "bg-amber-50 text-amber-900 border-amber-300",
  danger: "bg-red-50 text-red-900 border-red-300",
} as const;

export function StatusBadge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium ${TONES[tone]}`}>{children}</span>;
}
