import { languageProblems } from './user-language.js';

// The browser journeys' checker of user pages, on texts the issue saw on screen.
describe('languageProblems', () => {
  it('finds vendor codes, raw keys and English words', () => {
    const seen = [
      '用户 待处理 · 服务商状态：提交中',
      '识别中 recognised / accepted / submitted',
      '服务商单号 1234567',
      'useFor: 0 cityName 宁波市',
      '金额 undefined',
    ].join('\n');
    const found = languageProblems(seen).map((p) => p.text);
    expect(found).toEqual(
      expect.arrayContaining(['服务商状态', 'recognised', 'accepted', 'submitted', '服务商单号', 'useFor', 'cityName']),
    );
    expect(found).toContain('undefined');
  });

  it('lets Chinese, plates, order and tracking numbers, brand names and units through', () => {
    const fine = [
      '浙A**688 违章代缴 2条',
      '订单号 BS2512040000000001',
      '回寄：顺丰速运 SF2024',
      '26×32mm 350dpi 20-60KB',
      '车架号（VIN）后6位',
      'No. 02178456 DS-530 · 2台',
      '2014款 30 TFSI 豪华型',
    ];
    expect(languageProblems(fine.join('\n'))).toEqual([]);
  });
});
