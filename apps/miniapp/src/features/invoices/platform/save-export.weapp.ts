import Taro from '@tarojs/taro';
import { downloadExport, exportFileName } from './download-export';
import { ExportError, type SaveExport } from './save-export.types';

/**
 * In WeChat the file is downloaded to a temporary path. A workbook opens in WeChat's document viewer, whose
 * menu forwards or saves it; WeChat has no viewer for CSV, so a CSV is sent to a chat (to oneself, or to the
 * finance colleague), which is how people move a file from the phone to a computer.
 */
export const saveExport: SaveExport = async (format, filters) => {
  const result = await downloadExport(format, filters);
  if (result.statusCode !== 200) throw new ExportError('导出失败，请稍后重试');
  try {
    if (format === 'xlsx') {
      await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'xlsx', showMenu: true });
    } else {
      await Taro.shareFileMessage({ filePath: result.tempFilePath, fileName: exportFileName(format, filters) });
    }
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return;
    throw new ExportError('文件已下载，但无法打开或发送，请升级微信后重试');
  }
};
