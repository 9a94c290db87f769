import { formatDateTime } from "@/lib/format/date";

/** What to do about a forgotten password: one text for the login page, the FAQ and the lock message. */
export const FORGOT_PASSWORD_HELP =
  "請按登入頁的「忘記密碼？」，輸入帳號或電子郵件，我們會寄出重設密碼的連結（30 分鐘內有效）。電子郵件已無法使用時，請洽您服務學校的業務承辦人或所屬縣市的區管中心。";

/** Why and when the 驗證碼 appears (the FAQ). */
export const CHALLENGE_HELP =
  "同一帳號或同一網路位址連續登入失敗 3 次後，登入表單會出現「驗證碼」勾選框，瀏覽器會自動完成驗證（約 1 秒）。從同一網路位址對同一帳號 15 分鐘內失敗 10 次，該帳號從這個位址會暫時無法登入 15 分鐘；從其他地方登入不受影響。";

/** Chinese messages for the failure codes of the sign-in (see lib/auth/options.ts). */
export function signInMessage(code: string | null | undefined): { message: string; captcha: boolean } {
  if (!code) return { message: "", captcha: false };
  if (code.startsWith("LOCKED:")) {
    const until = new Date(code.slice("LOCKED:".length));
    const when = Number.isNaN(until.getTime()) ? "15 分鐘" : formatDateTime(until);
    return {
      message: `登入失敗次數過多，帳號已暫時鎖定。請於 ${when} 後再試；若忘記密碼，請按「忘記密碼？」重設。`,
      captcha: false,
    };
  }
  switch (code) {
    case "INVALID_INPUT":
      return { message: "請選擇身份，並輸入帳號與密碼。", captcha: false };
    case "INVALID_CREDENTIALS":
      return { message: "帳號或密碼錯誤，請確認身份、帳號與密碼後重新輸入。", captcha: false };
    case "INVALID_CREDENTIALS+CAPTCHA":
      return { message: "帳號或密碼錯誤，請確認身份、帳號與密碼，並完成驗證碼（勾選「我不是機器人」，等候顯示「已驗證」）後重新登入。", captcha: true };
    case "CAPTCHA_REQUIRED":
      return { message: "為保護您的帳號，請完成驗證碼：勾選「我不是機器人」，等候顯示「已驗證」後再按「登入」。", captcha: true };
    case "CAPTCHA_WRONG":
      return { message: "驗證碼未通過或已過期，請重新勾選「我不是機器人」，等候顯示「已驗證」後再按「登入」。", captcha: true };
    case "DISABLED":
      return { message: "此帳號已停用，無法登入。如有疑問，請洽服務學校的業務承辦人或所屬縣市的區管中心。", captcha: false };
    default:
      return { message: "登入暫時無法完成，請稍後再試。", captcha: false };
  }
}

const PARSE_BASE = "http://callback.invalid";

/**
 * Only paths on this site may be returned to after signing in. The value is parsed the way a
 * browser parses a link (tabs and newlines dropped, backslashes read as slashes, %-escapes
 * kept), so `/\t/evil.example/` or `/\\evil.example` cannot turn into another site; anything
 * odd (control characters, an absolute URL, another origin, over 2,000 characters) gives "/".
 */
export function safeCallbackUrl(raw: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex
  if (!raw || raw.length > 2000 || !raw.startsWith("/") || /[\u0000-\u001f\u007f]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, PARSE_BASE);
  } catch {
    return "/";
  }
  if (url.origin !== PARSE_BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path a browser would read as a host ("//x", "/\\x" after normalising), or the sign-in page itself.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return "/";
  return path;
}
