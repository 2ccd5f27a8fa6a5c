import ExcelJS from 'exceljs';
import { toCsv, toXlsx, type ExportRow } from './invoice-export.js';

const row = (overrides: Partial<ExportRow>): ExportRow => ({
  issueDate: '2024-03-05',
  month: '2024-03',
  typeLabel: '出租车票',
  invoiceCode: '144031909110',
  invoiceNumber: '02178456',
  amountFen: 3_260,
  duplicate: false,
  duplicateOfOrderNo: null,
  reimbursed: false,
  source: '拍照识别',
  scannedAt: '2024-03-06 09:30',
  orderNo: 'BS2403060000000001',
  ...overrides,
});

describe('invoice export', () => {
  it('CSV: BOM, CRLF, quotes where needed, codes kept as text, formulas defused', () => {
    const text = toCsv([row({ typeLabel: '=HYPERLINK("x")', amountFen: -105 })]).toString('utf8');
    expect(text.startsWith('\uFEFF序号,开票日期')).toBe(true);
    const line = text.split('\r\n')[1];
    expect(line).toContain('"\'=HYPERLINK(""x"")"');
    expect(line).toContain('\t144031909110,\t02178456,-1.05,否');
  });

  it('XLSX: the totals line leaves duplicates out', async () => {
    const buffer = await toXlsx(
      [row({}), row({ duplicate: true, duplicateOfOrderNo: 'BS1' }), row({ amountFen: 40 })],
      't',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.getWorksheet('票据');
    expect(sheet?.getRow(6).getCell(7).value).toBeCloseTo(33, 2);
    expect(sheet?.getRow(4).getCell(9).value).toBe('BS1');
  });
});
