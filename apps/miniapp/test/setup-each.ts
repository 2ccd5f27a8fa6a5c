import { resetTaroMock } from './taro-mock';

beforeEach(() => {
  resetTaroMock();
});
