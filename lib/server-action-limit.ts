/**
 * The largest request body a server action accepts: next.config.ts gives it to Next
 * (experimental.serverActions.bodySizeLimit) and scripts/serve.ts answers a larger POST with 413
 * before Next sees it (Next itself would fail it with a 500).
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
