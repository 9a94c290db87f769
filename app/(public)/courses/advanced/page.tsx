import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "研習進階搜尋" };

export default function Page() {
  return (
    <>
      <PageHeader title="研習進階搜尋" crumbs={[{ href: "/", label: "首頁" }, { label: "研習進階搜尋" }]} />
      <ComingSoon what="研習進階搜尋" links={[{ href: "/", label: "回首頁" }]} />
    </>
  );
}
