import { parseYundouCallbackPayload } from '@banshi/vendor-clients/yundou';
import { maskBill } from './bill-masking.js';

const billOf = (type: string, data: Record<string, unknown>) => {
  const event = parseYundouCallbackPayload({ code: 0, 'x-oid': 'o1', type, data });
  if (event.kind !== 'bill_recognised') throw new Error('not a bill');
  return event.bill;
};

describe('maskBill', () => {
  it('masks a passenger and their ID number, keeps the fare', () => {
    const masked = maskBill(billOf('飞机票', { full_name: '王芳', id_number: '110105199202284617', amount: '1280' }));
    expect(masked).toMatchObject({ fullName: '王*', idNumber: '110***********4617', amountFen: 128_000 });
  });

  it('keeps a company payer, masks a person payer, accounts, phones, addresses and a personal tax id', () => {
    const masked = maskBill(
      billOf('增值税普通发票', {
        pay_name: '张三',
        pay_account: '6222020200112233445',
        pay_tel: '13812345678',
        pay_address: '北京市朝阳区建国路88号3单元',
        payer_tax_identification_number: '110105199202284617',
        recieve_name: '广州云启信息技术有限公司',
        receive_tax_identification_number: '91440101MA9UJ3TQ4A',
      }),
    );
    expect(masked).toMatchObject({
      payer: {
        name: '张*',
        account: '***************3445',
        tel: '138****5678',
        address: '北京市朝阳区****',
        taxId: '110***********4617',
      },
      payee: { name: '广州云启信息技术有限公司', taxId: '91440101MA9UJ3TQ4A' },
    });
  });

  it('masks a DiDi phone number and the personal data of an unknown bill type by key', () => {
    expect(maskBill(billOf('滴滴行程单', { mobile: '13812345678' }))).toMatchObject({ mobile: '138****5678' });
    const other = maskBill(billOf('会员卡', { id_number: '110105199202284617', amount: '5' }));
    expect(other).toMatchObject({ type: 'other', data: { id_number: '110***********4617' } });
  });
});
