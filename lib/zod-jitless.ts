import { z } from "zod";

/**
 * In the browser, zod validates without compiling code at run time: its compiled fast path
 * starts by probing `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval')
 * refuses and reports as a violation even though zod catches it. Imported by app/providers.tsx,
 * which every page loads before any form validates. The server keeps the compiled path.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
