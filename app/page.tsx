import Link from "next/link";
import { Suspense } from "react";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { OrganizerHome } from "@/components/manage/organizer-home";
import { RegionHome } from "@/components/region/region-home";
import { TeacherHome } from "@/components/me/teacher-home";
import { Spinner } from "@/components/ui/spinner";

const WAYS = [
  { href: "/courses/map", title: "依研習地點搜尋", text: "在臺灣地圖上點選縣市，再依學校階段篩選。" },
  { href: "/courses", title: "全部研習列表", text: "以關鍵字搜尋研習名稱、課程代碼、開課單位或標籤。" },
  { href: "/courses/advanced", title: "研習進階搜尋", text: "最多元、完整的搜尋方式：日期、地區、時數、費用等。" },
  { href: "/courses/organizers", title: "依開課單位搜尋", text: "從大專校院到實驗教育機構，依單位類型與縣市查詢。" },
];

/** What waits for the signed-in person: each role's own panel. */
function RolePanel({ actor }: { actor: Actor }) {
  if (actor.role === "TEACHER") return <TeacherHome actor={actor} />;
  if (actor.role === "ORGANIZER") return <OrganizerHome actor={actor} />;
  if (actor.role === "REGION_ADMIN") return <RegionHome actor={actor} />;
  return null;
}

export default async function HomePage() {
  const actor = await getActor();
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero" className="rounded-2xl bg-accent-soft px-5 py-10 sm:px-10">
        <h1 id="hero" className="text-2xl font-bold leading-snug sm:text-4xl">
          找研習、線上報名，
          <br className="sm:hidden" />
          一次完成
        </h1>
        <p className="mt-3 max-w-2xl text-muted">全國教師在職進修資訊網提供各級學校與機關的研習課程，登入教師個人帳號即可線上報名，並隨時查詢審核結果與研習時數。</p>
        <form action="/courses" method="get" role="search" className="mt-6 flex max-w-2xl flex-col gap-3 sm:flex-row">
          <label htmlFor="home-q" className="sr-only">
            研習關鍵字
          </label>
          <input id="home-q" name="q" type="search" placeholder="輸入研習名稱、課程代碼或開課單位" className="field-input flex-1" />
          <button type="submit" className="btn btn-primary">
            搜尋研習
          </button>
        </form>
      </section>

      {actor && (
        <Suspense
          fallback={
            <p className="card flex items-center gap-2 text-muted">
              <Spinner label="載入中" /> 正在載入您的待辦事項…
            </p>
          }
        >
          <RolePanel actor={actor} />
        </Suspense>
      )}

      <section aria-labelledby="ways">
        <h2 id="ways" className="mb-4 text-xl font-bold">
          研習搜尋的四種方式
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {WAYS.map((w) => (
            <li key={w.href}>
              <Link href={w.href} className="card block h-full text-ink no-underline hover:border-accent">
                <span className="block text-lg font-semibold text-accent">{w.title}</span>
                <span className="mt-1 block text-sm text-muted">{w.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps" className="grid gap-4 sm:grid-cols-3">
        <h2 id="steps" className="sr-only">
          報名流程
        </h2>
        {[
          ["1", "登入", "選擇「教師個人帳號」，輸入帳號與密碼。"],
          ["2", "搜尋並報名", "找到研習後進入課程頁面，填寫報名表並按「我要報名」。"],
          ["3", "查詢結果", "在「個人報名記錄」查看審核結果，研習後於「個人研習記錄」查看時數。"],
        ].map(([n, title, text]) => (
          <div key={n} className="card">
            <p className="text-sm font-semibold text-accent">步驟 {n}</p>
            <p className="text-lg font-semibold">{title}</p>
            <p className="text-sm text-muted">{text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
