import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "全部研習列表" };

export default function Page() {
  return (
    <>
      <PageHeader title="全部研習列表" crumbs={[{ href: "/", label: "首頁" }, { label: "全部研習列表" }]} />
      <ComingSoon what="研習搜尋" links={[{ href: "/", label: "回首頁" }]} />
    </>
  );
}
