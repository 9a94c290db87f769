import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/generated/prisma/enums";

/**
 * For page doors: the signed-in person, or a trip to the login page that comes back here.
 * With roles, a signed-in person without them gets the 403 page.
 */
export async function pageActor(path: string, ...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (roles.length) {
    try {
      requireRole(actor, ...roles);
    } catch {
      forbidden();
    }
  }
  return actor;
}

/** Runs a use case for a page, turning FORBIDDEN and NOT_FOUND into the 403 and 404 pages. */
export async function pageCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) {
      if (e.code === "FORBIDDEN") forbidden();
      if (e.code === "NOT_FOUND") notFound();
    }
    throw e;
  }
}
