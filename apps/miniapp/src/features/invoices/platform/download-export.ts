import Taro from '@tarojs/taro';
import { buildUrl } from '../../../shared/api/http';
import { ensureUserToken, signIn } from '../../../shared/auth/session';
import { tokenStore } from '../../../shared/auth/token-store';
import { filterQuery } from '../api/invoices-api';
import type { ExportFormat, InvoiceFilters } from '../api/types';
import { ExportError } from './save-export.types';

function download(url: string, token: string): Promise<Taro.downloadFile.FileSuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    Taro.downloadFile({
      url,
      header: { Authorization: `Bearer ${token}` },
      success: resolve,
      fail: () => reject(new ExportError('网络异常，导出失败，请稍后重试')),
    });
  });
}

/** `票据清单-2024-03.xlsx`, the name the file is saved or shared under. */
export function exportFileName(format: ExportFormat, filters: InvoiceFilters): string {
  return `票据清单-${filters.month ?? '全部'}.${format}`;
}

/** Downloads the export with the user's token (once more after a fresh login if the token expired). */
export async function downloadExport(
  format: ExportFormat,
  filters: InvoiceFilters,
): Promise<Taro.downloadFile.FileSuccessCallbackResult> {
  const url = buildUrl('/api/invoices/export', { format, ...filterQuery(filters) });
  let token = await ensureUserToken();
  let result = await download(url, token);
  if (result.statusCode === 401) {
    if (tokenStore.getUser() === token) tokenStore.clearUser();
    token = tokenStore.getUser() ?? (await signIn());
    result = await download(url, token);
  }
  return result;
}
