import { message } from 'antd';
import { ApiError } from '../api/client';

/** Says what went wrong in the server's own (Chinese) words. */
export function notifyError(error: unknown): void {
  void message.error(error instanceof ApiError ? error.message : '操作失败，请稍后重试');
}
