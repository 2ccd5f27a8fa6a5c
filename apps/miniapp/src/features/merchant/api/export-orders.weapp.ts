import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE, toApiError } from '../../../shared/api/http';
import { tokenStore } from '../../../shared/auth/token-store';
import { ROUTES } from '../../../shared/routes';
import { EXPORT_PATH, type OrderExporter } from './export-orders.types';
import type { ConsoleOrderQuery, ExportFormat } from './types';

/** An error answer was saved to the temp file: read it back for its message. */
function errorBody(filePath: string): unknown {
  try {
    return JSON.parse(Taro.getFileSystemManager().readFileSync(filePath, 'utf8') as string);
  } catch {
    return null;
  }
}

/** In WeChat: download to a temp file with the merchant's token, then open it in WeChat's document viewer. */
async function exportOrders(query: ConsoleOrderQuery, format: ExportFormat): Promise<void> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({
      url: buildUrl(EXPORT_PATH, { ...query, format }),
      header: { Authorization: `Bearer ${tokenStore.getMerchant() ?? ''}` },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (result.statusCode !== 200) {
    if (result.statusCode === 401) {
      tokenStore.clearMerchant();
      void Taro.redirectTo({ url: ROUTES.merchantLogin }).catch(() => undefined);
    }
    throw toApiError(result.statusCode, errorBody(result.tempFilePath));
  }
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: format as 'xlsx', showMenu: true });
}

// openDocument opens doc(x), xls(x), ppt(x) and pdf: a CSV could be downloaded but not shown.
export const orderExporter: OrderExporter = { formats: ['xlsx'], exportOrders };
