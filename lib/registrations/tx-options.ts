/**
 * Transaction options for registration writes. In a rush, requests queue for a database
 * connection: they wait in line (up to maxWait) rather than fail after Prisma's default 2 s.
 */
export const REGISTRATION_TX = { maxWait: 20_000, timeout: 20_000 } as const;
