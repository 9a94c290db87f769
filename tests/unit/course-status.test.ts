import { attendanceClosedReason, isLiveStatus, isPublicStatus, isReturned } from "@/lib/courses/course-status";

describe("course status rules asked by pages", () => {
  it("returned, public, live and attendance", () => {
    expect(isReturned({ status: "DRAFT", statusNote: "請補上時數" })).toBe(true);
    expect(isReturned({ status: "DRAFT", statusNote: null })).toBe(false);
    expect(["DRAFT", "SUBMITTED", "PUBLISHED", "CANCELLED"].filter((s) => isPublicStatus(s as never))).toEqual(["PUBLISHED", "CANCELLED"]);
    expect(isLiveStatus("PUBLISHED")).toBe(true);
    expect(isLiveStatus("CANCELLED")).toBe(false);
    expect(attendanceClosedReason("PUBLISHED")).toBeNull();
    expect(attendanceClosedReason("CANCELLED")).toBe("這門課程已取消，無法登錄出席。");
    expect(attendanceClosedReason("SUBMITTED")).toBe("這門課程尚未公告，無法登錄出席。");
  });
});
