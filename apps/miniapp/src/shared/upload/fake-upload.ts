import Taro from '@tarojs/taro';

/** Test helpers: the jest stand-in for @tarojs/taro (test/taro-mock.ts) has no uploadFile. */
export type UploadCall = Parameters<typeof Taro.uploadFile>[0];

/** An uploadFile that reports `steps` of progress, then answers `statusCode` with `body` as JSON text. */
export function answerUpload(statusCode: number, body: unknown, steps = [40, 100]) {
  return (options: UploadCall) => {
    const progress: ((update: { progress: number }) => void)[] = [];
    setTimeout(() => {
      for (const step of steps) progress.forEach((cb) => cb({ progress: step }));
      options.success?.({ statusCode, data: JSON.stringify(body), errMsg: 'uploadFile:ok' });
    }, 0);
    return { onProgressUpdate: (cb: (update: { progress: number }) => void) => progress.push(cb) } as never;
  };
}

/** Puts a jest mock in place of Taro.uploadFile for each test, with the user signed in. */
export function mockUploadFile(): { current: jest.Mock } {
  const taro = Taro as unknown as { uploadFile?: jest.Mock };
  const holder = { current: jest.fn() };
  beforeEach(() => {
    Taro.setStorageSync('banshi.token', 'user-token');
    holder.current = jest.fn();
    taro.uploadFile = holder.current;
  });
  afterEach(() => delete taro.uploadFile);
  return holder;
}
