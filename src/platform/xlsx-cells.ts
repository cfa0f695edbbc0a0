import type ExcelJS from 'exceljs';
import { safeCell, type SheetCell } from './spreadsheet-safety.js';

/**
 * The one way exports put a row into an XLSX sheet (exceljs): every text cell guarded against
 * formula injection (spreadsheet-safety.ts), numbers kept as numbers.
 */
export function addSafeRow(sheet: ExcelJS.Worksheet, cells: readonly SheetCell[]): ExcelJS.Row {
  return sheet.addRow(cells.map(safeCell));
}
