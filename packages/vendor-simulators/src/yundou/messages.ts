/**
 * The simulator's answers. The document quotes only "上传成功" (1.1.6, as `\u4e0a\u4f20\u6210\u529f`);
 * the refusals are worded as a vendor would, all with `code: 1`, the only failure code it has.
 */
export const YUNDOU_SIM_MESSAGES = {
  uploaded: '上传成功',
  recognised: '识别成功',
  unreadable: '图片无法识别，请重新拍摄',
  unknownCompany: '公司ID不存在',
  badSignature: '签名验证失败',
  staleTimestamp: '时间戳已失效',
  missingOid: '缺少oid参数',
  oidMismatch: 'oid与x-oid不一致',
  missingCallback: '缺少回调地址c-url',
  badCallback: '回调地址c-url无效',
  missingImage: '请上传图片',
  imageTooLarge: '图片大小不能超过2M',
  badBase64: '图片不是有效的Base64数据',
  oidReused: '该oid已存在，请勿重复上传',
} as const;
