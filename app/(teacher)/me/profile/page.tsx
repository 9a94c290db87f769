import type { Metadata } from "next";
import { pageActor } from "@/lib/auth/page";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "修改個人基本資料", robots: { index: false } };

export default async function Page() {
  await pageActor("/me/profile", "TEACHER");
  return (
    <>
      <PageHeader title="修改個人基本資料" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "修改個人基本資料" }]} />
      <ComingSoon what="修改個人基本資料" links={[{ href: "/me", label: "回個人首頁" }]} />
    </>
  );
}
