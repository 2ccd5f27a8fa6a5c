import type { DocloudCallbackCredentials } from '@banshi/vendor-clients/docloud';

/** The app key and secret Docloud signs its callbacks with (the same as our requests'). */
export const DOCLOUD_CALLBACK_CREDENTIALS = Symbol('DOCLOUD_CALLBACK_CREDENTIALS');

export type DocloudCredentials = DocloudCallbackCredentials;

/** The answers both Docloud callbacks take: anything but `{"success": true}` makes it retry. */
export const DOCLOUD_ANSWERS = {
  failure: (reason: string) => ({ status: 500, body: { success: false, message: reason.slice(0, 200) } }),
  rejection: () => ({ status: 401, body: { success: false, message: 'signature verification failed' } }),
};
