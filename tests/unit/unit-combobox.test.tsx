/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { UnitCombobox, UNIT_SUGGEST_URL } from "@/components/search/unit-combobox";

const NAMES = ["臺北市立大安國民中學", "臺北市立建國高級中學", "新北市立臺北國民小學"];
let fetchMock: jest.Mock;

beforeEach(() => {
  fetchMock = jest.fn(async (url: string) => {
    const q = new URL(url, "http://localhost").searchParams.get("q") ?? "";
    const units = q === "無" ? [] : NAMES;
    return { ok: true, json: async () => ({ units }) };
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

function setup() {
  const onSubmit = jest.fn((e: { preventDefault(): void }) => e.preventDefault());
  render(
    <form onSubmit={onSubmit} aria-label="搜尋">
      <UnitCombobox id="org" label="辦理研習單位" />
      <button type="submit">搜尋</button>
    </form>,
  );
  const input = screen.getByRole("combobox", { name: "辦理研習單位" });
  return { input, onSubmit };
}

async function typeAndWait(input: HTMLElement, text: string) {
  input.focus();
  fireEvent.change(input, { target: { value: text } });
  await waitFor(() => expect(fetchMock).toHaveBeenCalled());
}

test("starts closed: a combobox controlling a hidden listbox, nothing active", () => {
  const { input } = setup();
  expect(input).toHaveAttribute("aria-expanded", "false");
  expect(input).toHaveAttribute("aria-autocomplete", "list");
  expect(input).toHaveAttribute("aria-controls", "org-listbox");
  expect(input).not.toHaveAttribute("aria-activedescendant");
  expect(screen.queryByRole("listbox")).toBeNull();
});

test("typing asks the suggestion door and opens a listbox of options, announced by a status", async () => {
  const { input } = setup();
  await typeAndWait(input, "台北");
  expect(fetchMock.mock.calls[0][0]).toBe(`${UNIT_SUGGEST_URL}?q=${encodeURIComponent("台北")}`);
  await waitFor(() => expect(input).toHaveAttribute("aria-expanded", "true"));
  const listbox = screen.getByRole("listbox", { name: "辦理研習單位建議" });
  expect(listbox.id).toBe("org-listbox");
  expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(NAMES);
  expect(screen.getByRole("status")).toHaveTextContent("有 3 個單位名稱建議");
});

test("ArrowDown and ArrowUp move the active option (wrapping) while focus stays in the field", async () => {
  const { input } = setup();
  await typeAndWait(input, "臺北");
  await waitFor(() => expect(input).toHaveAttribute("aria-expanded", "true"));
  expect(input).not.toHaveAttribute("aria-activedescendant");

  fireEvent.keyDown(input, { key: "ArrowDown" });
  expect(input).toHaveAttribute("aria-activedescendant", "org-option-0");
  expect(screen.getAllByRole("option")[0]).toHaveAttribute("aria-selected", "true");
  fireEvent.keyDown(input, { key: "ArrowDown" });
  fireEvent.keyDown(input, { key: "ArrowDown" });
  expect(input).toHaveAttribute("aria-activedescendant", "org-option-2");
  fireEvent.keyDown(input, { key: "ArrowDown" });
  expect(input).toHaveAttribute("aria-activedescendant", "org-option-0");
  fireEvent.keyDown(input, { key: "ArrowUp" });
  expect(input).toHaveAttribute("aria-activedescendant", "org-option-2");
  expect(screen.getAllByRole("option").filter((o) => o.getAttribute("aria-selected") === "true")).toHaveLength(1);
  expect(document.activeElement).toBe(input);
});

test("Enter takes the active name (its default prevented); with the list closed Enter is left to the form", async () => {
  const { input, onSubmit } = setup();
  await typeAndWait(input, "臺北");
  await waitFor(() => expect(input).toHaveAttribute("aria-expanded", "true"));
  fireEvent.keyDown(input, { key: "ArrowDown" });
  fireEvent.keyDown(input, { key: "ArrowDown" });
  const notPrevented = fireEvent.keyDown(input, { key: "Enter" });
  expect(notPrevented).toBe(false);
  expect(input).toHaveValue("臺北市立建國高級中學");
  expect(input).toHaveAttribute("aria-expanded", "false");
  expect(input).not.toHaveAttribute("aria-activedescendant");
  expect(screen.getByRole("status")).toHaveTextContent("已選擇 臺北市立建國高級中學");
  // With the list closed, Enter is left to the form (implicit submission).
  expect(fireEvent.keyDown(input, { key: "Enter" })).toBe(true);
  expect(onSubmit).not.toHaveBeenCalled(); // jsdom has no implicit submission: the e2e test presses Enter in a browser
});

test("Escape closes the list and keeps the text; a second Escape clears the field", async () => {
  const { input } = setup();
  await typeAndWait(input, "臺北");
  await waitFor(() => expect(input).toHaveAttribute("aria-expanded", "true"));
  fireEvent.keyDown(input, { key: "ArrowDown" });
  fireEvent.keyDown(input, { key: "Escape" });
  expect(input).toHaveAttribute("aria-expanded", "false");
  expect(input).not.toHaveAttribute("aria-activedescendant");
  expect(input).toHaveValue("臺北");
  // ArrowDown opens it again on the first option.
  fireEvent.keyDown(input, { key: "ArrowDown" });
  expect(input).toHaveAttribute("aria-expanded", "true");
  expect(input).toHaveAttribute("aria-activedescendant", "org-option-0");
  fireEvent.keyDown(input, { key: "Escape" });
  fireEvent.keyDown(input, { key: "Escape" });
  expect(input).toHaveValue("");
});

test("a click on an option chooses it; no suggestions keep the list closed and say so", async () => {
  const { input } = setup();
  await typeAndWait(input, "臺北");
  await waitFor(() => expect(input).toHaveAttribute("aria-expanded", "true"));
  fireEvent.mouseDown(screen.getAllByRole("option")[2]);
  fireEvent.click(screen.getAllByRole("option")[2]);
  expect(input).toHaveValue("新北市立臺北國民小學");

  fireEvent.change(input, { target: { value: "無" } });
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("沒有符合的單位名稱"));
  expect(input).toHaveAttribute("aria-expanded", "false");
  await act(async () => {});
});
