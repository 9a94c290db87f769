import { neutraliseCsvCell, toCsv } from "@/lib/format/csv";

describe("CSV cells", () => {
  it("neutralises every formula trigger OWASP lists", () => {
    for (const v of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseCsvCell(v)).toBe(`'${v}`);
    for (const v of ["王小明", "1+1", "a=b", "", "'quoted"]) expect(neutraliseCsvCell(v)).toBe(v);
  });

  it("writes a BOM, CRLF lines and quotes", () => {
    expect(toCsv([["a", '=b"c'], ["d,e", "f"]])).toBe('\ufeffa,"\'=b""c"\r\n"d,e",f\r\n');
  });
});
