import { checkPlate, maskPlate, normalisePlate } from './plate.js';

describe('plates', () => {
  it.each([
    ['浙A66688', 'ordinary'],
    ['京AF12345', 'new_energy'],
    ['粤BD12345', 'new_energy'],
    ['沪A12345D', 'new_energy'],
    ['冀A1234挂', 'trailer'],
    ['京A1234警', 'police'],
    ['苏E1234学', 'learner'],
    ['粤Z1234港', 'hk_macau'],
    ['粤Z1234澳', 'hk_macau'],
    ['沪A1234领', 'consulate'],
    ['使014578', 'embassy'],
  ])('accepts %s as %s', (plate, kind) => {
    expect(checkPlate(plate)).toMatchObject({ valid: true, plate, kind });
  });

  it('normalises spaces, dots and case', () => {
    expect(normalisePlate(' 浙a·666 88 ')).toBe('浙A66688');
    expect(checkPlate('浙a 66688')).toMatchObject({ valid: true, plate: '浙A66688' });
  });

  it.each([
    ['', '请填写车牌号'],
    ['AA12345', '省份简称'],
    ['浙112345', '发证机关字母'],
    ['浙A1234', '普通车牌共 7 位'],
    ['浙A123456', '新能源车牌格式有误'],
    ['粤BX12345', '新能源车牌格式有误'],
    ['浙AO1234', '不含字母 I 和 O'],
  ])('refuses %j with a message that says what is wrong', (plate, message) => {
    const check = checkPlate(plate);
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.message).toContain(message);
  });

  it('masks all but the region and the last three characters', () => {
    expect(maskPlate('浙A66688')).toBe('浙A**688');
    expect(maskPlate('粤BD12345')).toBe('粤B***345');
    expect(maskPlate('使014578')).toBe('使***578');
  });
});
