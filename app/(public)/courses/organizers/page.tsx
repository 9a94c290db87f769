import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "依開課單位搜尋" };

export default function Page() {
  return (
    <>
      <PageHeader title="依開課單位搜尋" crumbs={[{ href: "/", label: "首頁" }, { label: "依開課單位搜尋" }]} />
      <ComingSoon what="依開課單位搜尋" links={[{ href: "/", label: "回首頁" }]} />
    </>
  );
}
