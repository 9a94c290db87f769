import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "最新消息" };

export default function Page() {
  return (
    <>
      <PageHeader title="最新消息" crumbs={[{ href: "/", label: "首頁" }, { label: "最新消息" }]} />
      <ComingSoon what="最新消息" links={[{ href: "/", label: "回首頁" }]} />
    </>
  );
}
