/**
 * @jest-environment jsdom
 */
import { createElement } from "react";
import { fireEvent, render, screen } from "@testing-library/react";

jest.mock("next-auth/react", () => ({
  useSession: () => ({ status: "authenticated", data: { user: { name: "王小明", role: "TEACHER" } } }),
  signOut: jest.fn(),
}));
jest.mock("next/navigation", () => ({ usePathname: () => "/me" }));
jest.mock("next/link", () => ({
  __esModule: true,
  default: ({ href, children, prefetch: _p, ...rest }: { href: string; children: unknown; prefetch?: boolean }) => createElement("a", { href, ...rest }, children as never),
}));

import { UserMenu } from "@/components/auth/user-menu";

test("the header's user menu closes on Esc and gives focus back to its button", () => {
  const { container } = render(createElement(UserMenu));
  const details = container.querySelector("details")!;
  const summary = container.querySelector("summary")!;
  fireEvent.click(summary);
  details.open = true;
  const first = screen.getAllByRole("link")[0];
  first.focus();
  fireEvent.keyDown(first, { key: "Escape" });
  expect(details.open).toBe(false);
  expect(document.activeElement).toBe(summary);
  // Other keys leave it open.
  details.open = true;
  fireEvent.keyDown(first, { key: "ArrowDown" });
  expect(details.open).toBe(true);
});
