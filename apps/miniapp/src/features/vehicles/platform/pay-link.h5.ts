import type { PayLink } from './pay-link.types';

/** In a browser the vendor's pay page simply opens; the order page refreshes when the user comes back. */
export const payLink: PayLink = {
  action: '去支付',
  hint: '将打开服务商的支付页面，支付完成后返回本页查看进度',
  async open(url: string) {
    const { location } = globalThis as unknown as { location: { assign(url: string): void } };
    location.assign(url);
  },
};
