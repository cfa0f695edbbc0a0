/** A report as an Excel workbook (exceljs): one sheet per table, amounts as numbers. */
import type { ReportDoc } from './report-doc.js';
import { addSafeRow } from '../../platform/xlsx-cells.js';

/** Excel forbids these in sheet names, and allows at most 31 characters. */
function sheetName(caption: string, used: Set<string>): string {
  const base = caption.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28).trim() || 'Blad';
  let name = base;
  for (let i = 2; used.has(name); i += 1) name = `${base} ${i}`;
  used.add(name);
  return name;
}

export async function renderReportXlsx(report: ReportDoc): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is the largest module and rarely needed.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kansli';
  workbook.title = report.title;
  const used = new Set<string>();
  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(table.caption, used));
    addSafeRow(sheet, [report.title]).font = { bold: true, size: 14 };
    addSafeRow(sheet, [report.subtitle]);
    addSafeRow(sheet, [table.caption]).font = { bold: true };
    const header = addSafeRow(sheet, table.columns.map((c) => c.label));
    header.font = { bold: true };
    for (const row of table.rows) {
      const added = addSafeRow(sheet, row.cells);
      if (row.emphasis === 'total') added.font = { bold: true };
    }
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.numeric ? 16 : Math.min(60, Math.max(14, ...table.rows.map((r) => String(r.cells[i] ?? '').length + 2)));
      if (c.numeric) column.numFmt = '#,##0';
    });
    sheet.views = [{ state: 'frozen', ySplit: 4 }];
    for (const note of report.notes) addSafeRow(sheet, [note]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
