import { actorLabel, KIND_LABELS, kindLabel, STATUS_LABELS, statusColor, statusLabel } from './labels';

describe('labels', () => {
  it('names every kind and status in Chinese', () => {
    expect(KIND_LABELS).toEqual({
      id_photo: '证件照回执',
      invoice_scan: '票据识别',
      identity: '实名认证',
      violation_payment: '违章代缴',
      inspection: '年检代办',
    });
    expect(STATUS_LABELS).toEqual({
      pending: '待处理',
      processing: '处理中',
      action_required: '待补充',
      completed: '已完成',
      failed: '失败',
      cancelled: '已取消',
    });
  });

  it('names the actors of the timeline', () => {
    expect(['user', 'merchant', 'system', 'vendor'].map(actorLabel)).toEqual(['用户', '商户', '系统', '服务商']);
  });

  it('shows an unknown value from a newer server as it is instead of nothing', () => {
    expect(kindLabel('parking')).toBe('parking');
    expect(statusLabel('refunded')).toBe('refunded');
    expect(statusColor('refunded')).toBe(statusColor('cancelled'));
  });
});
