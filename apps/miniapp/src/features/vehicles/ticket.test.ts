import { checkTicket, EMPTY_TICKET, ticketItem } from './ticket';

const filled = {
  city: '杭州市',
  time: '2025-04-02 14:00',
  location: '西溪科创园',
  lawCode: '1039',
  reason: '违反规定停放',
  fineYuan: '200',
  points: '0',
  ticketNo: '',
};

describe('a violation typed in from a ticket', () => {
  it('an empty form names every field it needs', () => {
    expect(Object.keys(checkTicket(EMPTY_TICKET)).sort()).toEqual(
      ['city', 'fineYuan', 'lawCode', 'location', 'reason', 'time'].sort(),
    );
  });

  it('a filled form passes and is sent as the server takes it (yuan and points as numbers, no empty ticket number)', () => {
    expect(checkTicket(filled)).toEqual({});
    expect(ticketItem({ ...filled, city: ' 杭州市 ' })).toEqual({
      city: '杭州市',
      time: '2025-04-02 14:00',
      location: '西溪科创园',
      lawCode: '1039',
      reason: '违反规定停放',
      fineYuan: 200,
      points: 0,
    });
  });

  it('refuses a fine in fen, 13 points and a short ticket number', () => {
    expect(checkTicket({ ...filled, fineYuan: '200.5', points: '13', ticketNo: '123' })).toEqual({
      fineYuan: '罚款金额应为整数（元）',
      points: '扣分应为 0 到 12 的整数',
      ticketNo: '处罚决定书编号为 6 到 32 位字母或数字',
    });
  });
});
