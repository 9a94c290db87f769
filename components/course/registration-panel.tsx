"use client";

import type { RegistrationWindowState } from "@/lib/registrations/window";
import { RegistrationBlock, type SeatsView } from "@/components/course/registration-block";
import { useCourseLive } from "@/components/course/course-live";

type Props = {
  code: string;
  /** The state and message as of rendering the cached page; replaced by the live ones. */
  state: RegistrationWindowState;
  message: string;
  onlineRegistration: boolean;
  ownUnitOnly: boolean;
  organizerName: string;
};

/** The registration block, filled in with the live state once the browser has it. */
export function RegistrationPanel({ code, state, message, onlineRegistration, ownUnitOnly, organizerName }: Props) {
  const { status, live } = useCourseLive();
  const seats: SeatsView = live
    ? { kind: "live", seatsLeft: live.seatsLeft, capacity: live.capacity }
    : status === "idle"
      ? { kind: "static" }
      : status === "loading"
        ? { kind: "loading" }
        : { kind: "error" };
  return (
    <RegistrationBlock
      code={code}
      state={live?.state ?? state}
      message={live?.message ?? message}
      onlineRegistration={live?.onlineRegistration ?? onlineRegistration}
      seats={seats}
      ownUnitOnly={ownUnitOnly}
      organizerName={organizerName}
      viewer={live?.viewer ?? null}
      mine={live?.mine ?? null}
    />
  );
}
