import { confirmContent, fenOrFree, isFree, priceLines, priceNote, submitLabel, totalFen } from './pricing';

describe('ID-photo pricing words', () => {
  const priced = { receiptFen: 1500, printFen: 800, print: true };
  const free = { receiptFen: 0, printFen: 0, print: true };

  it('adds the print extra only when chosen', () => {
    expect(totalFen(priced)).toBe(2300);
    expect(totalFen({ ...priced, print: false })).toBe(1500);
    expect(isFree({ receiptFen: 0, printFen: 800, print: false })).toBe(true);
    expect(isFree({ receiptFen: 0, printFen: 800, print: true })).toBe(false);
  });

  it('shows the amounts, or 免费, line by line', () => {
    expect(priceLines(priced)).toEqual([
      { label: '电子回执办理', value: '¥15.00' },
      { label: '打印邮寄', value: '¥8.00' },
    ]);
    expect(priceLines({ ...free, print: false })).toEqual([{ label: '电子回执办理', value: '免费' }]);
    expect(fenOrFree(0)).toBe('免费');
  });

  it('says when money is taken: before review when priced, never when free', () => {
    expect(priceNote(priced)).toContain('支付后才提交审核');
    expect(priceNote(priced)).toContain('全额退款');
    expect(priceNote(free)).toContain('本服务免费');
    for (const words of [priceNote(priced), priceNote(free), confirmContent('身份证', priced)]) {
      expect(words).not.toContain('办理完成后扣费');
    }
    expect(confirmContent('身份证', priced)).toBe(
      '身份证回执 + 打印邮寄，应付 ¥23.00。提交后请完成支付，支付后才送审。',
    );
    expect(confirmContent('身份证', free)).toBe('身份证回执 + 打印邮寄，本服务免费，提交后直接送审。');
    expect(submitLabel(priced)).toBe('提交订单 ¥23.00');
    expect(submitLabel(free)).toBe('免费提交');
  });
});
