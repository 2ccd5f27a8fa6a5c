import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { VendorError, VendorFileDownloader } from '@banshi/vendor-clients';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';

/** Receipts and photos are a few hundred KB; anything this large is not what was expected. */
export const VENDOR_FILE_MAX_BYTES = 10 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 20_000;

export interface VendorImage {
  body: Buffer;
  contentType: 'image/jpeg' | 'image/png';
}

/** A result file that could not be fetched or is not an image: worth trying again later. */
export class VendorFileError extends Error {
  override name = 'VendorFileError';
}

/**
 * Fetches the photos and receipts zjzapi makes, from the URLs in its answers and callbacks: only
 * from zjzapi's hosts (its API host and ZJZ_FILE_HOSTS; loopback only in sandbox mode, where the
 * simulator serves them), through the vendor transport's timeouts and error classes.
 */
@Injectable()
export class ZjzFiles {
  private readonly downloader: VendorFileDownloader;

  constructor(@Inject(VENDOR_SETTINGS) settings: AvailableVendors, @Inject(APP_CONFIG) config: AppConfig) {
    const sandbox = config.vendorMode === 'sandbox';
    const apiHost = new URL(requireVendor(settings, 'zjz').baseUrl).host;
    this.downloader = new VendorFileDownloader({
      vendor: 'zjz',
      // The API host is where the operator pointed us (in the sandbox, the simulator's own port,
      // which serves its files); other file hosts must be public addresses outside the sandbox.
      trustedHosts: [apiHost],
      hosts: sandbox ? [] : config.vendorFileHosts.zjz,
      allowPrivateAddresses: sandbox,
      timeoutMs: config.vendorTimeoutMs ?? DOWNLOAD_TIMEOUT_MS,
      maxBytes: VENDOR_FILE_MAX_BYTES,
    });
  }

  /**
   * A photo or receipt the vendor made. The vendor's URLs expire, so results are copied into our
   * storage byte for byte: re-encoding would change the DPI and the file size the authorities check.
   */
  async image(url: string): Promise<VendorImage> {
    let body: Buffer;
    try {
      body = (await this.downloader.download(url)).body;
    } catch (error) {
      if (error instanceof VendorError) throw new VendorFileError(error.message, { cause: error });
      throw error;
    }
    if (body.length === 0) throw new VendorFileError('a zjz file is empty');
    const format = await sharp(body)
      .metadata()
      .then((metadata) => metadata.format)
      .catch(() => undefined);
    if (format !== 'jpeg' && format !== 'png') throw new VendorFileError('a zjz file is not a JPEG or PNG image');
    return { body, contentType: format === 'png' ? 'image/png' : 'image/jpeg' };
  }
}
