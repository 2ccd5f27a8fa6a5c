import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE, toApiError } from '../../../shared/api/http';
import { tokenStore } from '../../../shared/auth/token-store';
import { ROUTES } from '../../../shared/routes';
import { EXPORT_PATH, type OrderExporter } from './export-orders.types';
import type { ConsoleOrderQuery, ExportFormat } from './types';

/** The file name the server gave (its ASCII form), or one of our own. */
function fileName(disposition: string | null, format: ExportFormat): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match ? match[1] : `banshi-orders.${format}`;
}

/**
 * In a browser the download needs the merchant's token, which a plain link cannot carry: fetch it,
 * then hand the bytes to the browser as a file.
 */
async function exportOrders(query: ConsoleOrderQuery, format: ExportFormat): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(EXPORT_PATH, { ...query, format }), {
      headers: { Authorization: `Bearer ${tokenStore.getMerchant() ?? ''}` },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) {
    if (response.status === 401) {
      tokenStore.clearMerchant();
      void Taro.redirectTo({ url: ROUTES.merchantLogin }).catch(() => undefined);
    }
    throw toApiError(response.status, await response.json().catch(() => null));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName(response.headers.get('content-disposition'), format);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

export const orderExporter: OrderExporter = { formats: ['csv', 'xlsx'], exportOrders };
