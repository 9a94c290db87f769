import { z } from "zod";

/**
 * The one zod of the app: every schema imports `z` from here, so this Chinese error map is in
 * force wherever a schema is parsed (server, browser, jobs, tests) without a start-up hook.
 * Messages a schema writes itself win; this covers the rest, in plain words for the person
 * filling in the form (no type names, no patterns, never English).
 */
const SIZE_WORDS: Record<string, { unit: string; big: string; small: string }> = {
  string: { unit: "個字", big: "最多", small: "至少" },
  array: { unit: "項", big: "最多", small: "至少" },
  set: { unit: "項", big: "最多", small: "至少" },
  file: { unit: "位元組", big: "最多", small: "至少" },
};

const FORMAT_WORDS: Record<string, string> = {
  email: "電子郵件",
  url: "網址",
  date: "日期",
  datetime: "日期時間",
  time: "時間",
  uuid: "代碼",
};

function limit(v: unknown): string {
  if (v instanceof Date) return `${v.getFullYear()}/${String(v.getMonth() + 1).padStart(2, "0")}/${String(v.getDate()).padStart(2, "0")}`;
  return typeof v === "bigint" || typeof v === "number" ? v.toLocaleString("zh-TW") : String(v);
}

export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "此欄位為必填，請填寫。" : "格式不正確，請重新填寫。";
    case "too_big": {
      const words = SIZE_WORDS[issue.origin ?? ""];
      if (words) return `${words.big} ${limit(issue.maximum)} ${words.unit}，請縮短後再送出。`;
      if (issue.origin === "date") return `日期不可晚於 ${limit(issue.maximum)}。`;
      return `不可大於 ${limit(issue.maximum)}。`;
    }
    case "too_small": {
      const words = SIZE_WORDS[issue.origin ?? ""];
      if (words && Number(issue.minimum) <= 1 && issue.origin === "string") return "此欄位為必填，請填寫。";
      if (words) return `${words.small} ${limit(issue.minimum)} ${words.unit}。`;
      if (issue.origin === "date") return `日期不可早於 ${limit(issue.minimum)}。`;
      return `不可小於 ${limit(issue.minimum)}。`;
    }
    case "invalid_format":
      return `${FORMAT_WORDS[issue.format] ?? ""}格式不正確，請重新填寫。`;
    case "invalid_value":
      return "請從提供的選項中選擇。";
    case "not_multiple_of":
      return `必須是 ${limit(issue.divisor)} 的倍數。`;
    case "unrecognized_keys":
      return `含有無法辨識的欄位：${issue.keys.join("、")}。`;
    default:
      return "資料不正確，請檢查後再送出。";
  }
}

z.config({ customError: chineseIssueMessage });

// In the browser zod validates without compiling code at run time: its compiled fast path starts
// by probing `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') refuses
// and reports as a violation even though zod catches it. The server keeps the compiled path.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
