import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { actorFromCookies } from "@/lib/auth/session-actor";
import type { Actor } from "@/lib/auth/actor";

export { actorBySession } from "@/lib/auth/session-actor";

/** The signed-in person for this request (lib/auth/session-actor.ts), read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => actorFromCookies((await cookies()).getAll()));
