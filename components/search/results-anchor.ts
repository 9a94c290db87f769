/**
 * The id of the results heading, and the fragment that search links and forms end with (a plain
 * module: server pages build links with it, and FocusResultsHeading reads it in the browser).
 */
export const RESULTS_HEADING_ID = "results-heading";
export const RESULTS_HASH = `#${RESULTS_HEADING_ID}`;
