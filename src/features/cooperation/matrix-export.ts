/**
 * The decision matrix as a table for export: CSV (semicolon-separated UTF-8 with BOM, as Swedish
 * Excel reads it) and XLSX (exceljs). Municipalities in Swedish order, then the committee's row
 * with its own and its groups' decisions; each cell is its status in words and its reference.
 */
import type { Locale } from '../../platform/i18n/i18n.js';
import { writeCsv } from '../../platform/csv-writer.js';
import { addSafeRow } from '../../platform/xlsx-cells.js';
import { withExampleMark } from '../../platform/views/example-data.js';
import { cellAt, matrixColumns, referenceText, type LoadedInitiative } from './cooperation.model.js';

const STATUS: Record<Locale, Record<string, string>> = {
  sv: { pending: 'Ej beslutat', yes: 'Ja', no: 'Nej', not_applicable: 'Ej aktuellt' },
  en: { pending: 'Not decided', yes: 'Yes', no: 'No', not_applicable: 'Not applicable' },
};

/** Header row and one row per organisation, as plain strings. */
export function matrixTable(model: LoadedInitiative, locale: Locale): string[][] {
  const columns = matrixColumns(model, () => true);
  const header = [locale === 'sv' ? 'Organisation' : 'Organisation', ...columns.map((c) => `${c.phase.label[locale]}: ${c.decision.label[locale]}`)];
  const rows = [...model.municipalities, model.committee].map((org) => [
    org.name,
    ...columns.map((c) => {
      const cell = cellAt(model, c, org.id);
      if (!cell) return '';
      const ref = referenceText(model, cell);
      const status = STATUS[locale][cell.status] ?? cell.status;
      return withExampleMark(ref ? `${status} (${ref})` : status, cell.origin, locale);
    }),
  ]);
  return [header, ...rows];
}

export function matrixCsv(model: LoadedInitiative, locale: Locale): Buffer {
  return writeCsv(matrixTable(model, locale));
}

export async function matrixXlsx(model: LoadedInitiative, locale: Locale): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is the largest module and rarely needed.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kansli';
  const sheet = workbook.addWorksheet(locale === 'sv' ? 'Beslutsmatris' : 'Decision matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const table = matrixTable(model, locale);
  for (const row of table) addSafeRow(sheet, row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 28 : 32;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
