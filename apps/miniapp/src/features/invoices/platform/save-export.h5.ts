import { downloadExport, exportFileName } from './download-export';
import { ExportError, type SaveExport } from './save-export.types';

async function errorMessageOf(blobUrl: string): Promise<string> {
  try {
    const body = (await (await fetch(blobUrl)).json()) as { message?: string };
    return body.message || '导出失败，请稍后重试';
  } catch {
    return '导出失败，请稍后重试';
  }
}

/** In a browser the downloaded file (a blob URL) is saved through a link with a file name. */
export const saveExport: SaveExport = async (format, filters) => {
  const result = await downloadExport(format, filters);
  if (result.statusCode !== 200) throw new ExportError(await errorMessageOf(result.tempFilePath));
  const link = document.createElement('a');
  link.href = result.tempFilePath;
  link.download = exportFileName(format, filters);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(result.tempFilePath), 60_000);
};
