"use client";

import { useEffect } from "react";
import { RESULTS_HASH, RESULTS_HEADING_ID } from "@/components/search/results-anchor";

/**
 * After a search (a county chosen, a form submitted, another page of results), the URL ends with
 * #results-heading: this moves focus to that heading and scrolls it to the top of the screen, so
 * a keyboard or screen-reader user continues from the results rather than from the top of the
 * page (about 60 Tabs away), and a phone shows the results. Without JavaScript the browser still
 * scrolls to the fragment. The heading has tabIndex -1 so that it can take focus.
 */
export function FocusResultsHeading() {
  useEffect(() => {
    if (window.location.hash !== RESULTS_HASH) return;
    const heading = document.getElementById(RESULTS_HEADING_ID);
    if (!heading || heading === document.activeElement) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }, []);
  return null;
}
