import { Fragment } from "react";
import { splitByRanges, type Range } from "@/lib/search/highlight";

/** Text with the matched words marked. */
export function HighlightedText({ text, ranges }: { text: string; ranges: Range[] }) {
  if (!ranges.length) return <>{text}</>;
  return (
    <>
      {splitByRanges(text, ranges).map((part, i) =>
        part.marked ? (
          <mark key={i} className="bg-yellow-200 text-inherit">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
