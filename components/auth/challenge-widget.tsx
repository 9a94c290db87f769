"use client";

import type {} from "altcha/types/react";
// The widget's styles as a stylesheet of the site (no <style> injected at run time).
import "altcha/altcha.css";
import { useEffect, useRef, useState } from "react";
import { Spinner } from "@/components/ui/spinner";

/** The widget's texts (its zh-TW translation, worded for this site). */
const STRINGS: Record<string, string> = {
  ariaLinkLabel: "ALTCHA（另開新視窗）",
  enterCode: "輸入代碼",
  enterCodeAria: "輸入您聽到的代碼。按空白鍵播放語音。",
  error: "驗證失敗，請再勾選一次；若一再失敗，請稍候 1 分鐘後再試。",
  expired: "驗證已過期，請再勾選一次。",
  footer: "",
  getAudioChallenge: "改聽語音驗證",
  label: "我不是機器人",
  loading: "載入中…",
  reload: "重新驗證",
  verify: "驗證",
  verificationRequired: "請先勾選「我不是機器人」，等候顯示「已驗證」。",
  verified: "已驗證",
  verifying: "驗證中，請稍候…",
  waitAlert: "驗證中，請稍候…",
  cancel: "取消",
  enterCodeFromImage: "請輸入下方圖片中的代碼後繼續。",
};

type WidgetElement = HTMLElement & {
  configure: (config: Record<string, unknown>) => Promise<void>;
  verify: () => Promise<unknown>;
};

// The challenge endpoint counts requests, so it is a POST (the widget itself would GET it).
const postFetch: typeof fetch = (input, init) => fetch(input, { ...init, method: "POST", cache: "no-store" });

let loaded: Promise<void> | undefined;
function loadAltcha(): Promise<void> {
  // A plain module import (no inline script) of the widget build without bundled workers or
  // styles: the proof-of-work worker is a file of this site (bundled from altcha's own worker),
  // not a blob: URL, so a strict Content-Security-Policy needs nothing extra for it. The texts
  // are this site's own Traditional Chinese.
  loaded ??= import("altcha/external").then(() => {
    globalThis.$altcha.i18n.set("zh-tw", STRINGS);
    globalThis.$altcha.algorithms.set("SHA-256", () => new Worker(new URL("altcha/workers/sha", import.meta.url)));
  });
  return loaded;
}

/**
 * The sign-in 驗證碼: ALTCHA's proof-of-work checkbox (lib/auth/challenge.ts). It starts working
 * as soon as it appears; `onSolved` gets the solution to submit, or null while there is none.
 * Give it a new `key` for a new challenge (each one is good for one sign-in attempt).
 */
export function ChallengeWidget({ onSolved, describedBy }: { onSolved: (payload: string | null) => void; describedBy?: string }) {
  const ref = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const solved = useRef(onSolved);
  solved.current = onSolved;

  useEffect(() => {
    let alive = true;
    loadAltcha().then(
      () => alive && setReady(true),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current as WidgetElement | null;
    if (!ready || !el) return;
    const onVerified = (e: Event) => solved.current((e as CustomEvent<{ payload?: string }>).detail?.payload ?? null);
    const onState = (e: Event) => {
      if ((e as CustomEvent<{ state?: string }>).detail?.state !== "verified") solved.current(null);
    };
    el.addEventListener("verified", onVerified);
    el.addEventListener("statechange", onState);
    const start = async () => {
      await el.configure({ challenge: "/api/auth/challenge", fetch: postFetch, hideFooter: true, hideLogo: true, language: "zh-tw", workers: 2 });
      await el.verify();
    };
    const onLoad = () => void start().catch(() => undefined);
    if (typeof el.configure === "function") onLoad();
    else el.addEventListener("load", onLoad, { once: true });
    return () => {
      el.removeEventListener("verified", onVerified);
      el.removeEventListener("statechange", onState);
      el.removeEventListener("load", onLoad);
    };
  }, [ready]);

  if (failed) {
    return (
      <p role="alert" className="text-danger">
        無法載入驗證碼，請檢查網路連線後重新整理頁面。
      </p>
    );
  }
  if (!ready) return <Spinner label="驗證碼載入中" />;
  return <altcha-widget ref={ref} name="challenge" language="zh-tw" type="checkbox" aria-describedby={describedBy} />;
}
