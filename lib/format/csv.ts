import { stringify } from "csv-stringify/sync";

/**
 * A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP's CSV-injection guidance says: Excel and
 * LibreOffice then show the text instead of evaluating it. Quoting and embedded quotes are
 * csv-stringify's. XLSX cells are typed as text and need none of this.
 */
export function neutraliseCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Every CSV the app writes: UTF-8 with a BOM (so Excel reads Chinese), CRLF lines, every cell neutralised. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCsvCell)),
    { bom: true, record_delimiter: "windows" },
  );
}
