/**
 * @jest-environment jsdom
 */
import { createElement, type ComponentProps } from "react";
import { render, screen, within } from "@testing-library/react";
import { RegistrationBlock } from "@/components/course/registration-block";
import { NOT_OFFERED_EXPLANATION } from "@/lib/registrations/window";

type Props = ComponentProps<typeof RegistrationBlock>;
const base: Props = {
  code: "9000001",
  state: "OPEN",
  message: "開放線上報名中，至 2026/12/15(二) 00:00 截止。",
  onlineRegistration: true,
  seats: { kind: "live", seatsLeft: 33, capacity: 40 },
  ownUnitOnly: false,
  organizerName: "臺北市立示範國民中學",
  viewer: "ANONYMOUS",
  mine: null,
};
const show = (p: Partial<Props>) => render(createElement(RegistrationBlock, { ...base, ...p }));
const block = () => screen.getByRole("region", { name: "線上報名" });

test("open, signed out: seats left and sign in to register (coming back to the registration area)", () => {
  show({});
  expect(within(block()).getByText("報名中")).toBeInTheDocument();
  expect(screen.getByTestId("seats-left")).toHaveTextContent("33");
  expect(block()).toHaveTextContent("（共 40 名）");
  expect(screen.getByRole("link", { name: "登入後報名" })).toHaveAttribute("href", "/login?callbackUrl=%2Fcourses%2F9000001%2Fregister");
});

test("open, a teacher: the way into 線上報名專區; with a registration, its status", () => {
  const { unmount } = show({ viewer: "TEACHER" });
  expect(screen.getByRole("link", { name: "線上報名專區" })).toHaveAttribute("href", "/courses/9000001/register");
  unmount();
  show({ viewer: "TEACHER", mine: { status: "PENDING", registeredAt: "2026-11-30T01:02:03.000Z" } });
  expect(screen.getByTestId("my-registration")).toHaveTextContent("您的報名：待審核報名時間 2026/11/30(一) 09:02");
  expect(screen.getByRole("link", { name: "查看我的報名" })).toHaveAttribute("href", "/courses/9000001/register");
});

test("open and full: says so", () => {
  show({ seats: { kind: "live", seatsLeft: 0, capacity: 5 } });
  expect(block()).toHaveTextContent("目前名額已滿");
});

test("not open yet and closed: the message, seats, and no way to register", () => {
  const { unmount } = show({ state: "NOT_YET_OPEN", message: "尚未開放報名，將於 2026/12/08(二) 08:00 開放線上報名。" });
  expect(within(block()).getByText("尚未開放報名")).toBeInTheDocument();
  expect(block()).toHaveTextContent("將於 2026/12/08(二) 08:00 開放線上報名");
  expect(screen.queryByRole("link", { name: /報名/ })).toBeNull();
  unmount();
  show({ state: "CLOSED", message: "線上報名已於 2026/11/30(一) 00:00 截止。", viewer: "TEACHER" });
  expect(within(block()).getByText("報名已截止")).toBeInTheDocument();
  expect(screen.queryByRole("link")).toBeNull();
});

test("no online registration: the explanation and where to find the contact person", () => {
  show({ state: "NOT_OFFERED", message: "未提供線上報名", onlineRegistration: false });
  expect(block()).toHaveTextContent(NOT_OFFERED_EXPLANATION);
  expect(screen.getByRole("link", { name: "查看承辦人聯絡方式" })).toHaveAttribute("href", "#contact");
  expect(screen.queryByText("線上報名餘額")).toBeNull();
});

test("cancelled: says so, no seats, no way in", () => {
  show({ state: "CANCELLED", message: "本課程已取消，不開放報名。" });
  expect(within(block()).getByText("已取消")).toBeInTheDocument();
  expect(screen.queryByText("線上報名餘額")).toBeNull();
  expect(screen.queryByRole("link")).toBeNull();
});

test("before the live state arrives: a link without JavaScript, a spinner while loading, a message on failure", () => {
  const { unmount } = show({ seats: { kind: "static" }, viewer: null });
  expect(screen.getByRole("link", { name: "查看即時名額" })).toHaveAttribute("href", "/courses/9000001/register");
  expect(screen.getByRole("link", { name: "線上報名專區" })).toBeInTheDocument();
  unmount();
  const second = show({ seats: { kind: "loading" }, viewer: null });
  expect(screen.getByRole("status")).toHaveTextContent("正在取得即時名額");
  second.unmount();
  show({ seats: { kind: "error" }, viewer: null });
  expect(block()).toHaveTextContent("暫時無法取得，請稍後重新整理頁面。");
});

test("own-unit-only courses say who may register", () => {
  show({ ownUnitOnly: true });
  expect(block()).toHaveTextContent("本課程僅提供開課單位（臺北市立示範國民中學）校內教師報名。");
});
