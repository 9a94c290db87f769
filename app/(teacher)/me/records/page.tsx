import type { Metadata } from "next";
import { pageActor } from "@/lib/auth/page";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "個人研習記錄", robots: { index: false } };

export default async function Page() {
  await pageActor("/me/records", "TEACHER");
  return (
    <>
      <PageHeader title="個人研習記錄" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "個人研習記錄" }]} />
      <ComingSoon what="個人研習記錄" links={[{ href: "/me", label: "回個人首頁" }]} />
    </>
  );
}
