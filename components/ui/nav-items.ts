/** The site's menus, in one place for the header and the personal pages. */
export const MAIN_NAV = [
  { href: "/courses", label: "研習搜尋" },
  { href: "/news", label: "最新消息" },
  { href: "/faq", label: "問與答" },
] as const;

export const TEACHER_MENU = [
  { href: "/me/records", label: "個人研習記錄" },
  { href: "/me/registrations", label: "個人報名記錄" },
  { href: "/me/subscriptions", label: "研習資訊訂閱" },
  { href: "/me/following", label: "已追蹤課程" },
  { href: "/account/password", label: "變更登入密碼" },
  { href: "/me/profile", label: "修改個人基本資料" },
] as const;

export const ORGANIZER_MENU = [
  { href: "/manage", label: "本單位課程管理" },
  { href: "/manage/courses/new", label: "新增課程" },
  { href: "/account/password", label: "變更登入密碼" },
] as const;

export const REGION_MENU = [
  { href: "/region", label: "課程審核" },
  { href: "/account/password", label: "變更登入密碼" },
] as const;

export function menuForRole(role: string | undefined) {
  if (role === "TEACHER") return TEACHER_MENU;
  if (role === "ORGANIZER") return ORGANIZER_MENU;
  if (role === "REGION_ADMIN") return REGION_MENU;
  return [];
}
