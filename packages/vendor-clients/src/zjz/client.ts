import { HttpTransport, parseJsonBody, type TransportResponse, VendorApiError } from '../core/index.js';
import { ZjzRequestError } from './errors.js';
import { checkPrintParam } from './param-check.js';
import {
  ZJZ_VENDOR,
  type ZjzClientOptions,
  type ZjzEnvelope,
  type ZjzItem,
  type ZjzItemDetail,
  type ZjzMadePhoto,
  type ZjzMakePhotoParams,
  type ZjzResubmitParams,
  type ZjzSubmitParams,
  type ZjzSubmitted,
} from './types.js';
import { parseWireItem, parseWireItemDetail, quoteLongNumbers, WireFormatError, ZJZ_ID_KEYS } from './wire.js';

type FormFields = Record<string, string | undefined>;

interface Answer<T> {
  data: T | undefined;
  msg: string;
  response: TransportResponse;
}

/**
 * Client of zjzapi (证件照回执). Every endpoint is a form-urlencoded POST carrying `key`, answering
 * `{code, msg, data}`; `code === 0` is success and anything else becomes a `VendorApiError` with the
 * vendor's code and `msg`.
 */
export class ZjzClient {
  private readonly transport: HttpTransport;
  private readonly apiKey: string;

  constructor(options: ZjzClientOptions) {
    if (!options.apiKey) throw new ZjzRequestError('key', 'zjz client needs an apiKey');
    this.transport = new HttpTransport(ZJZ_VENDOR, options);
    this.apiKey = options.apiKey;
  }

  /** 《查看回执规格列表》 (`POST /item/list`): every spec with its sizes and background colours. */
  async listItems(): Promise<ZjzItem[]> {
    const { data, response } = await this.call<{ list?: unknown }>('/item/list', {}, true);
    const list = data?.list;
    if (!Array.isArray(list)) throw invalid('zjz /item/list answered without data.list', response);
    return this.parseWith(() => list.map(parseWireItem), response);
  }

  /** 《查看回执规格详情》 (`POST /item/get`): one spec, with its file size range and category. */
  async getItem(itemId: number): Promise<ZjzItemDetail> {
    const { data, response } = await this.call<unknown>('/item/get', { item_id: itemIdText(itemId) }, true);
    return this.parseWith(() => parseWireItemDetail(data), response);
  }

  /**
   * 《证件照回执检测+制作》 (`POST /receipt/make`): checks the photo and makes it to the spec, once per
   * background colour. Free of charge, so it is retried like a read.
   */
  async makeReceiptPhoto(params: ZjzMakePhotoParams): Promise<ZjzMadePhoto> {
    const image = typeof params.image === 'string' ? params.image : Buffer.from(params.image).toString('base64');
    if (image === '') throw new ZjzRequestError('image', '请上传照片');
    const { data, response } = await this.call<{ pic_id?: unknown; list?: unknown }>(
      '/receipt/make',
      { item_id: itemIdText(params.itemId), image },
      true,
    );
    const picId = data?.pic_id;
    const list = data?.list;
    if ((typeof picId !== 'string' && typeof picId !== 'number') || String(picId) === '') {
      throw invalid('zjz /receipt/make answered without data.pic_id', response);
    }
    if (!list || typeof list !== 'object' || Array.isArray(list)) {
      throw invalid('zjz /receipt/make answered without data.list', response);
    }
    const photos: Record<string, string> = {};
    for (const [color, url] of Object.entries(list)) if (typeof url === 'string') photos[color] = url;
    return { picId: String(picId), photos };
  }

  /**
   * 《证件照回执提交》 (`POST /receipt/submit`): places a paid order (7 yuan, 7 more with printing).
   * Never retried: a second attempt after a lost answer could place a second order.
   */
  async submitReceipt(params: ZjzSubmitParams): Promise<ZjzSubmitted> {
    return this.submit(params, undefined);
  }

  /**
   * 《订单审核驳回，再次提交》 (`POST /receipt/submit` with `order_no`): sends a rejected order again,
   * with a new photo (`picId`) and/or corrected `param`. Not retried, like a submission.
   */
  async resubmitReceipt(params: ZjzResubmitParams): Promise<ZjzSubmitted> {
    return this.submit(params, orderNoText(params.orderNo));
  }

  /** 《订单取消》 (`POST /receipt/cancel`): only while the order is still pending (订单待处理). Not retried. */
  async cancelReceipt(orderNo: string): Promise<void> {
    await this.call('/receipt/cancel', { order_no: orderNoText(orderNo) }, false);
  }

  private async submit(params: ZjzSubmitParams, orderNo: string | undefined): Promise<ZjzSubmitted> {
    if (!/^\d+$/.test(params.picId)) throw new ZjzRequestError('pic_id', `pic_id 应为数字: ${params.picId}`);
    if (!/^https?:\/\//i.test(params.noticeUrl)) {
      throw new ZjzRequestError('notice_url', 'notice_url 应为 http(s) 地址');
    }
    let printParam: string | undefined;
    if (params.isPrint) {
      if (!params.printParam) throw new ZjzRequestError('print_param', '选择打印邮寄时必须填写收件信息（print_param）');
      const problems = checkPrintParam({ ...params.printParam });
      if (problems.length > 0) throw new ZjzRequestError(problems[0].field, problems[0].message);
      printParam = JSON.stringify(params.printParam);
    }
    const { data, response } = await this.call<{ order_no?: unknown }>(
      '/receipt/submit',
      {
        pic_id: params.picId,
        order_no: orderNo,
        notice_url: params.noticeUrl,
        param: JSON.stringify(params.param),
        // Absent means "no" on a first submission and "as before" on a resubmission.
        is_print: params.isPrint === undefined ? undefined : params.isPrint ? '1' : '0',
        print_param: printParam,
      },
      false,
    );
    const answered = data?.order_no;
    if ((typeof answered !== 'string' && typeof answered !== 'number') || !/^\d+$/.test(String(answered))) {
      throw invalid('zjz /receipt/submit answered without data.order_no', response);
    }
    return { orderNo: String(answered) };
  }

  private async call<T>(path: string, fields: FormFields, idempotent: boolean): Promise<Answer<T>> {
    const form = new URLSearchParams({ key: this.apiKey });
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
    const response = await this.transport.send({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
      body: form.toString(),
      idempotent,
    });
    const envelope = parseJsonBody<ZjzEnvelope<T> | null>(ZJZ_VENDOR, {
      ...response,
      text: quoteLongNumbers(response.text, ZJZ_ID_KEYS),
    });
    if (!envelope || typeof envelope !== 'object' || envelope.code === undefined || envelope.code === null) {
      throw invalid(`zjz ${path} answered without a code`, response);
    }
    const msg = typeof envelope.msg === 'string' ? envelope.msg : '';
    if (Number(envelope.code) !== 0 || String(envelope.code).trim() === '') {
      throw new VendorApiError(ZJZ_VENDOR, msg || `zjz ${path} failed with code ${String(envelope.code)}`, {
        code: String(envelope.code),
        httpStatus: response.status,
        rawBody: response.text.slice(0, 2000),
      });
    }
    return { data: envelope.data, msg, response };
  }

  private parseWith<T>(parse: () => T, response: TransportResponse): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof WireFormatError)
        throw invalid(`zjz answered an unreadable item: ${error.message}`, response);
      throw error;
    }
  }
}

function invalid(message: string, response: TransportResponse): VendorApiError {
  return new VendorApiError(ZJZ_VENDOR, message, {
    code: 'INVALID_RESPONSE',
    httpStatus: response.status,
    rawBody: response.text.slice(0, 2000),
  });
}

function itemIdText(itemId: number): string {
  if (!Number.isInteger(itemId) || itemId <= 0) throw new ZjzRequestError('item_id', `item_id 应为正整数: ${itemId}`);
  return String(itemId);
}

function orderNoText(orderNo: string): string {
  if (typeof orderNo !== 'string' || !/^\d+$/.test(orderNo)) {
    throw new ZjzRequestError('order_no', `order_no 应为数字字符串: ${String(orderNo)}`);
  }
  return orderNo;
}
