import { render } from '@testing-library/react';
import { scanFixture } from '../test-fixtures';
import { BillDetail } from './bill-detail';

describe('BillDetail', () => {
  it('shows a VAT invoice with its parties and one table row per item', () => {
    const { container } = render(
      <BillDetail
        scan={scanFixture({
          billType: 'vat_special',
          typeLabel: '增值税专用发票',
          amountFen: 339_000,
          bill: {
            type: 'vat_special',
            vendorType: '增值税专用发票',
            invoiceCode: '4403231130',
            invoiceNumber: '02178456',
            amountFen: 300_000,
            taxFen: 39_000,
            totalFen: 339_000,
            payer: { name: '深圳市办事科技有限公司', account: '***********0801' },
            payee: { name: '广州云启信息技术有限公司', taxId: '91440101MA9UJ3TQ4A' },
            items: [
              {
                name: '*信息技术服务*软件维护费',
                quantity: '1',
                unitPrice: '2000.00',
                unit: '项',
                amountFen: 200_000,
                taxFen: 26_000,
                taxRate: '13%',
              },
              { name: '*计算机外部设备*扫描仪', quantity: '2', amountFen: 100_000, taxFen: 13_000, taxRate: '13%' },
            ],
          },
        })}
      />,
    );
    expect(container.querySelector('.bill-summary__amount')?.textContent).toBe('¥3390.00');
    const rows = container.querySelectorAll('.vat-item');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('软件维护费');
    expect(rows[0].textContent).toContain('1项 × 单价 2000.00');
    expect(rows[1].textContent).toContain('¥1000.00');
    expect(container.textContent).toContain('价税合计');
    expect(container.textContent).toContain('深圳市办事科技有限公司');
    expect(container.textContent).toContain('***********0801');
  });

  it('lays out a train ticket with the masked passenger and ID number', () => {
    const { container } = render(
      <BillDetail
        scan={scanFixture({
          billType: 'train',
          typeLabel: '火车票',
          invoiceCode: null,
          invoiceNumber: null,
          bill: {
            type: 'train',
            vendorType: '火车票',
            signDate: '2024-03-08',
            amountFen: 55_350,
            fullName: '李*',
            idNumber: '440***********3118',
          },
        })}
      />,
    );
    expect(container.querySelector('.ticket-card__passenger')?.textContent).toBe('李*');
    expect(container.querySelector('.ticket-card__id')?.textContent).toBe('440***********3118');
    expect(container.querySelector('.ticket-card')?.textContent).toContain('2024年03月08日');
  });

  it('shows the time and plate of a taxi receipt, and the QR fields of a scan read from its code', () => {
    const taxi = render(
      <BillDetail
        scan={scanFixture({
          bill: { type: 'taxi', vendorType: '出租车票', time: '08:15-08:42', licenseNumber: '粤B·T1234' },
        })}
      />,
    );
    expect(taxi.container.querySelector('.taxi-card')?.textContent).toContain('08:15-08:42');
    expect(taxi.container.querySelector('.taxi-card')?.textContent).toContain('粤B·T1234');

    const qr = render(
      <BillDetail
        scan={scanFixture({
          source: 'qr_text',
          typeLabel: '数电发票（普通发票）',
          fullyDigital: true,
          qr: {
            typeCode: '32',
            typeLabel: '数电发票（普通发票）',
            fullyDigital: true,
            invoiceCode: null,
            invoiceNumber: '24442000000123456789',
            amountFen: 28_302,
            issueDate: '2024-04-12',
            checkCodeLast6: null,
          },
        })}
      />,
    );
    expect(qr.container.textContent).toContain('开票金额（不含税）');
    expect(qr.container.textContent).toContain('24442000000123456789');
    expect(qr.container.textContent).not.toContain('发票代码');
  });
});
