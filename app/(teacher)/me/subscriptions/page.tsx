import type { Metadata } from "next";
import { pageActor } from "@/lib/auth/page";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "研習資訊訂閱", robots: { index: false } };

export default async function Page() {
  await pageActor("/me/subscriptions", "TEACHER");
  return (
    <>
      <PageHeader title="研習資訊訂閱" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "研習資訊訂閱" }]} />
      <ComingSoon what="研習資訊訂閱" links={[{ href: "/me", label: "回個人首頁" }]} />
    </>
  );
}
