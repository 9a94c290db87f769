/**
 * @jest-environment jsdom
 */
import { createElement } from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { CourseForm } from "@/components/manage/course-form";
import { emptyCourseFormValues } from "@/lib/courses/course-form-schema";
import { TAG_NAMES } from "@/lib/courses/tags";

const action = async () => ({ ok: false as const });

function renderForm(tags: string[]) {
  render(createElement(CourseForm, { initialValues: { ...emptyCourseFormValues(), tags }, action, submitLabel: "儲存變更", pendingLabel: "儲存中" }));
  return screen.getByRole("group", { name: "專案屬性標籤" });
}

test("專案屬性標籤: one checkbox per tag of the list, nothing to type", () => {
  const group = renderForm(["性別平等教育"]);
  const boxes = within(group).getAllByRole("checkbox") as HTMLInputElement[];
  expect(boxes.map((b) => b.value)).toEqual([...TAG_NAMES]);
  expect(boxes.every((b) => b.name === "tags")).toBe(true);
  expect(within(group).getByRole("checkbox", { name: "性別平等教育" })).toBeChecked();
  expect(within(group).queryByRole("textbox")).toBeNull();
  expect(group).toHaveTextContent("已選 1 個");
});

test("a stored tag no longer on the list shows ticked with a note; unticking it clears the message", () => {
  const group = renderForm(["性別平等教育", "數學教育"]);
  const legacy = within(group).getByRole("checkbox", { name: /^數學教育\s*（不在清單中，請取消勾選）$/ });
  expect(legacy).toBeChecked();
  // Touching the tags checks them: the unlisted one is named in the message next to the field.
  fireEvent.click(within(group).getByRole("checkbox", { name: "環境教育" }));
  expect(group).toHaveTextContent("「數學教育」不在專案屬性標籤清單中，請從清單中勾選");
  fireEvent.click(legacy);
  expect(legacy).not.toBeChecked();
  expect(group).not.toHaveTextContent("不在專案屬性標籤清單中");
  expect(group).toHaveTextContent("已選 2 個");
});
