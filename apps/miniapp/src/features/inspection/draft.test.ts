import { checkDraft, orderDraft } from './draft';

const good = {
  contactName: '张三',
  contactPhone: '13800000001',
  ownerPhone: '',
  area: [
    { id: 4, name: '浙江省' },
    { id: 94, name: '宁波市' },
  ],
  address: '天童南路588号',
};

describe('order draft', () => {
  it('accepts a complete form and names each missing or malformed field', () => {
    expect(checkDraft(good)).toEqual({});
    expect(
      checkDraft({ contactName: ' ', contactPhone: '1380000', ownerPhone: '12', area: [], address: '588' }),
    ).toEqual({
      contactName: '请填写联系人姓名',
      contactPhone: '请填写正确的 11 位手机号',
      ownerPhone: '车主手机号格式不正确',
      area: '请选择所在地区',
      address: '请填写详细地址（街道、门牌号）',
    });
  });

  it('is kept for one car at a time, in memory only', () => {
    orderDraft.set({ ...good, garageCarId: 7, priceFen: 11800 });
    expect(orderDraft.get(7)?.priceFen).toBe(11800);
    expect(orderDraft.get(8)).toBeNull();
    orderDraft.clear();
    expect(orderDraft.get(7)).toBeNull();
  });
});
