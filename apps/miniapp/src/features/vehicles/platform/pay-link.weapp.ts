import Taro from '@tarojs/taro';
import type { PayLink } from './pay-link.types';

/**
 * A mini-program cannot open another company's web page (web-view only loads the mini-program's own
 * business domains): the link is copied, with an explanation of where to paste it.
 */
export const payLink: PayLink = {
  action: '复制支付链接',
  hint: '小程序内无法直接打开服务商支付页，复制后请在手机浏览器中打开并完成支付',
  async open(url: string) {
    await Taro.setClipboardData({ data: url });
    await Taro.showModal({
      title: '支付链接已复制',
      content: '请打开手机浏览器，粘贴链接并完成支付。支付成功后回到本页，点击“刷新状态”查看办理进度。',
      showCancel: false,
      confirmText: '知道了',
    });
  },
};
