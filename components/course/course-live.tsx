"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { CourseLiveState } from "@/lib/courses/get-course-live-state";

/**
 * The live part of a course page, fetched by the browser after the cached page has arrived:
 * "idle" in the HTML (readable without JavaScript), then "loading", then "ready" or "error".
 * Fetched again whenever the tab becomes visible, so a page left open stays current.
 */
type Live = { status: "idle" | "loading" | "ready" | "error"; live: CourseLiveState | null; reload: () => void };

const LiveContext = createContext<Live>({ status: "idle", live: null, reload: () => {} });

export function useCourseLive(): Live {
  return useContext(LiveContext);
}

export function CourseLiveProvider({ code, version, children }: { code: string; version: string; children: ReactNode }) {
  const [status, setStatus] = useState<Live["status"]>("idle");
  const [live, setLive] = useState<CourseLiveState | null>(null);

  const reload = useCallback(async () => {
    setStatus((s) => (s === "ready" ? s : "loading"));
    try {
      const res = await fetch(`/courses/${encodeURIComponent(code)}/live?v=${encodeURIComponent(version)}`, {
        cache: "no-store",
        credentials: "same-origin",
      });
      if (!res.ok) throw new Error(String(res.status));
      setLive((await res.json()) as CourseLiveState);
      setStatus("ready");
    } catch {
      setStatus((s) => (s === "ready" ? s : "error"));
    }
  }, [code, version]);

  useEffect(() => {
    void reload();
    const onVisible = () => {
      if (document.visibilityState === "visible") void reload();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [reload]);

  const stale = live !== null && live.version !== version;
  return (
    <LiveContext.Provider value={{ status, live, reload }}>
      {stale && (
        <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded-lg border border-accent bg-accent-soft p-4" data-testid="stale-notice">
          <p className="font-semibold">開課單位剛更新了課程資料，請重新整理頁面以查看最新內容。</p>
          <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
            重新整理
          </button>
        </div>
      )}
      {children}
    </LiveContext.Provider>
  );
}
