/**
 * @jest-environment jsdom
 */
import { createElement } from "react";
import { render, screen, within } from "@testing-library/react";
import { TagFacet } from "@/components/search/tag-facet";

const facets = [
  { name: "閱讀教育", count: 1204 },
  { name: "性別平等教育", count: 736 },
  { name: "環境教育", count: 12 },
];

test("a checkbox named tag per tag, with its count of courses, in the order of the list", () => {
  render(createElement(TagFacet, { facets, selected: [] }));
  const group = screen.getByRole("group", { name: "專案屬性標籤（符合任一個即可）" });
  const boxes = within(group).getAllByRole("checkbox");
  expect(boxes.map((b) => (b as HTMLInputElement).value)).toEqual(["性別平等教育", "環境教育", "閱讀教育"]);
  expect(boxes.every((b) => (b as HTMLInputElement).name === "tag" && !(b as HTMLInputElement).checked)).toBe(true);
  expect(screen.getByRole("checkbox", { name: "性別平等教育 (736)" })).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: "閱讀教育 (1,204)" })).toBeInTheDocument();
});

test("a tag in the URL is ticked, also when spelled by an alias, and listed with 0 when no course has it", () => {
  render(createElement(TagFacet, { facets, selected: ["性平教育", "特殊教育"] }));
  expect(screen.getByRole("checkbox", { name: "性別平等教育 (736)" })).toBeChecked();
  expect(screen.getByRole("checkbox", { name: "特殊教育 (0)" })).toBeChecked();
  expect(screen.getByRole("checkbox", { name: "閱讀教育 (1,204)" })).not.toBeChecked();
  expect(screen.queryByRole("checkbox", { name: /性平教育/ })).toBeNull();
});

test("an alias still in an index that was not rebuilt counts toward its tag; an unlisted tag comes last", () => {
  render(createElement(TagFacet, { facets: [...facets, { name: "性平教育", count: 4 }, { name: "數學教育", count: 2 }], selected: [] }));
  const values = screen.getAllByRole("checkbox").map((b) => (b as HTMLInputElement).value);
  expect(values).toEqual(["性別平等教育", "環境教育", "閱讀教育", "數學教育"]);
  expect(screen.getByRole("checkbox", { name: "性別平等教育 (740)" })).toBeInTheDocument();
});

test("nothing to offer, nothing rendered", () => {
  const { container } = render(createElement(TagFacet, { facets: [], selected: [] }));
  expect(container).toBeEmptyDOMElement();
});
