import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { tenureError } from '../../errors.ts';
import { readCsv } from './csv.ts';
import type { Reader } from './reader.ts';

type Cell = ExcelJS.CellValue;

/** Excel stores dates as wall-clock times; exceljs hands them over as UTC Dates holding that wall time. */
function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as Cell);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * XLSX: the chosen sheet (by name or 1-based number; the first by default) is written to a UTF-8 CSV
 * with one line per sheet row, so line numbers in messages are the row numbers Excel shows.
 */
export const readXlsx: Reader = async (src, ctx) => {
  // Loaded here, not at the top: exceljs takes longer to load than most commands take to run.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(src.path);
  } catch (e) {
    throw tenureError('TEN_IMPORT_PARSE', { file: src.file, detail: (e as Error).message }, { file: src.file });
  }
  const names = wb.worksheets.map((w) => w.name);
  const wanted = ctx.sheet;
  const ws = !wanted
    ? wb.worksheets[0]
    : (wb.worksheets.find((w) => w.name === wanted) ??
      (/^\d+$/.test(wanted) ? wb.worksheets[Number(wanted) - 1] : undefined));
  if (!ws)
    throw tenureError(
      'TEN_IMPORT_SHEET_NOT_FOUND',
      { file: src.file, sheet: wanted ?? '1', sheets: names },
      { file: src.file },
    );
  if (ws.actualRowCount === 0) throw tenureError('TEN_IMPORT_EMPTY_FILE', { file: src.file }, { file: src.file });
  const width = ws.columnCount;
  // The used range is written out in full, empty cells included: bound it before writing a byte.
  const { max_columns: maxColumns, max_sheet_cells: maxCells } = ctx.limits;
  if (width > maxColumns)
    throw tenureError('TEN_IMPORT_TOO_WIDE', { file: src.file, columns: width, max: maxColumns }, { file: src.file });
  if (width * ws.rowCount > maxCells)
    throw tenureError(
      'TEN_IMPORT_SHEET_TOO_LARGE',
      { file: src.file, sheet: ws.name, range: ws.dimensions.range, cells: width * ws.rowCount, max: maxCells },
      { file: src.file },
    );
  const target = join(ctx.tmpDir, 'sheet.csv');
  const out = createWriteStream(target);
  const empty = Array(width).fill('').join(',');
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line = row.hasValues
      ? Array.from({ length: width }, (_, c) => csvField(cellText(row.getCell(c + 1).value))).join(',')
      : empty;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  // The sheet CSV is written as UTF-8 by us; `head` described the workbook's bytes, so it must not come along.
  const csv = { ...src, path: target, format: 'csv', encoding: 'utf-8', head: Buffer.alloc(0) } as const;
  return readCsv(csv, { ...ctx, delimiter: ',' });
};
