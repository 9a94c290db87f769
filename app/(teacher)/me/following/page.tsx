import type { Metadata } from "next";
import { pageActor } from "@/lib/auth/page";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "已追蹤課程", robots: { index: false } };

export default async function Page() {
  await pageActor("/me/following", "TEACHER");
  return (
    <>
      <PageHeader title="已追蹤課程" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "已追蹤課程" }]} />
      <ComingSoon what="已追蹤課程" links={[{ href: "/me", label: "回個人首頁" }]} />
    </>
  );
}
