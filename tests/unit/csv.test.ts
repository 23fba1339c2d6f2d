import { expect, it } from "vitest";
import { csvField, csvRecord } from "@/lib/text/csv";

it("quotes only fields that need it, doubling quotes (RFC 4180)", () => {
  expect(csvField("plain 中文")).toBe("plain 中文");
  expect(csvField("a,b")).toBe('"a,b"');
  expect(csvField('say "yes"')).toBe('"say ""yes"""');
  expect(csvField("two\nlines")).toBe('"two\nlines"');
  expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  expect(csvField("")).toBe("");
});

it("prefixes what a spreadsheet would run as a formula with an apostrophe", () => {
  for (const value of ["=1+1", "+1", "-1", "@SUM(A1)", "\tcell"]) expect(csvField(value)).toBe(`'${value}`);
  expect(csvField("\r=1")).toBe(`"'\r=1"`);
  expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  expect(csvField("1-1")).toBe("1-1");
  expect(csvField("e-mail")).toBe("e-mail");
});

it("ends each record with CRLF", () => {
  expect(csvRecord(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
});
