import { serializeJsonLd } from "@/lib/seo/course-json-ld";

/** Structured data for search engines, escaped so course text cannot break out of the script. */
export function JsonLdScript({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
