import { DocloudApiError, DOCLOUD_ERRORS } from '@banshi/vendor-clients/docloud';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';

const SERVICE = '违章查询服务';

/**
 * What a person can do about each Docloud refusal. The vendor's own words (《错误码字典》) say what
 * went wrong; these add what to do next. Codes not listed fall back to the vendor's message.
 */
const ADVICE: Record<string, { status: 'bad' | 'refused' | 'busy'; message: string }> = {
  '1003': {
    status: 'refused',
    message: '查询条件不完整：该地区查询违章需要车主手机号，请在车辆信息中填写手机号后重试',
  },
  '1014': { status: 'busy', message: '该车辆正在查询中，请稍后再试' },
  '1016': { status: 'refused', message: '该城市不支持查询外地车牌，请更换查询城市' },
  '1020': { status: 'refused', message: '车辆信息有误，请核对车牌号、车架号和发动机号' },
  '1021': { status: 'refused', message: '发动机号有误，请对照行驶证核对后修改车辆信息' },
  '1022': { status: 'refused', message: '车架号有误，请对照行驶证核对后修改车辆信息' },
  '1030': { status: 'refused', message: '车牌格式有误，或该类车牌暂不支持查询违章' },
  '1031': { status: 'refused', message: '该车牌所在城市暂未开通违章查询' },
  '1032': { status: 'refused', message: '车架号或发动机号位数不对，请按该城市要求的位数修改车辆信息' },
  '1035': { status: 'refused', message: '手机号有误，请填写正确的 11 位手机号' },
  '1037': { status: 'refused', message: '该手机号已用于查询 3 辆车，请更换手机号后重试' },
  '1103': { status: 'refused', message: '所选违章的处理城市暂不支持代缴，请前往当地交管部门或“交管12123”办理' },
  '1104': { status: 'refused', message: '所选违章已在办理中，无需重复下单；请刷新违章列表' },
  '1106': { status: 'refused', message: '该车辆没有可办理的违章，请刷新违章列表' },
  '1107': { status: 'refused', message: '违章信息已变化，请刷新违章列表后重新选择' },
  '1008': { status: 'refused', message: '所选违章已处理完成，无需重复下单；请刷新违章列表' },
  '1108': { status: 'refused', message: '所选违章已处理完成，无需重复下单；请刷新违章列表' },
  '1105': { status: 'refused', message: '违章费用已变化，请刷新违章列表后重新确认金额' },
  '1109': { status: 'busy', message: '代缴账户暂时无法付款，请稍后再试或联系客服' },
  '1101': { status: 'refused', message: '车辆查询凭证已失效，请刷新违章列表后重试' },
  '1110': { status: 'refused', message: '请先查询违章后再下单' },
};

/** Our own set-up is wrong (credentials, contract): nothing the person can fix, so say "later". */
const OPERATOR_CODES = new Set(['1004', '1005', '1009', '1010', '1011']);

/** Turns a Docloud failure into `{code, message}` a person can act on. */
export function docloudToAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DocloudApiError) {
    if (OPERATOR_CODES.has(error.code)) {
      return AppError.vendorUnavailable(`${SERVICE}暂时不可用，请稍后重试`, `DOCLOUD_${error.code}`);
    }
    const advice = ADVICE[error.code];
    if (advice) {
      const code = `DOCLOUD_${error.code}`;
      if (advice.status === 'busy') return AppError.vendorUnavailable(advice.message, code);
      if (advice.status === 'bad') return AppError.badRequest(code, advice.message);
      return AppError.vendorRefused(code, advice.message);
    }
    if (!error.retryable && DOCLOUD_ERRORS[error.code]) {
      return AppError.vendorRefused(`DOCLOUD_${error.code}`, `${error.message}，请核对后重试`);
    }
  }
  return vendorErrorToAppError(error, SERVICE);
}
