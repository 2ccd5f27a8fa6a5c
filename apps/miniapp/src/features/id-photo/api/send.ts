import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE, toApiError } from '../../../shared/api/http';
import { parseBody, withUserToken } from '../../../shared/upload/upload-file';

/** An error answer with the field it is about (`fields['param.text_idcard']`), for a form to show inline. */
export class FieldsError extends ApiError {
  constructor(
    base: ApiError,
    readonly fields: Record<string, string> = {},
  ) {
    super(base.status, base.code, base.message);
    this.name = 'FieldsError';
  }
}

export function errorFrom(status: number, data: unknown): FieldsError {
  const body = parseBody(data);
  return fieldsErrorFrom(toApiError(status, body), body);
}

/** Keeps the per-field messages of an error answer beside its one message. */
export function fieldsErrorFrom(base: ApiError, body: unknown): FieldsError {
  const fields = (body as { fields?: Record<string, string> } | undefined)?.fields;
  return new FieldsError(base, fields && typeof fields === 'object' ? fields : {});
}

/** A JSON POST whose error answer keeps its per-field messages (the shared wrapper keeps only one). */
export async function postForm<T>(path: string, data: unknown): Promise<T> {
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await withUserToken((token) =>
      Taro.request({
        url: buildUrl(path),
        method: 'POST',
        data: data as Taro.request.Option['data'],
        header: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        dataType: 'json',
        timeout: 30_000,
      }),
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new FieldsError(new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE));
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  throw errorFrom(response.statusCode, response.data);
}
