import { answerUpload, mockUploadFile } from '../../../shared/upload/fake-upload';
import { FieldsError } from './send';
import { uploadPhoto } from './upload-photo';

describe('uploadPhoto', () => {
  const mocked = mockUploadFile();

  it('sends the portrait as `file` with the spec, the token, and reports progress', async () => {
    const session = {
      id: 5,
      itemId: 21,
      specName: '身份证',
      previews: [],
      expiresAt: '',
      expired: false,
      orderId: null,
    };
    mocked.current.mockImplementation(answerUpload(201, session));
    const onProgress = jest.fn();
    await expect(uploadPhoto({ itemId: 21, filePath: 'blob:portrait', onProgress })).resolves.toEqual(session);
    expect(mocked.current.mock.calls[0][0]).toMatchObject({
      url: '/api/id-photo/photos',
      filePath: 'blob:portrait',
      name: 'file',
      formData: { itemId: '21' },
      header: { Authorization: 'Bearer user-token' },
    });
    expect(onProgress.mock.calls).toEqual([[40], [100]]);
  });

  it("rejects with the server's message for a file that is not a photo or too large", async () => {
    mocked.current.mockImplementation(
      answerUpload(415, { code: 'NOT_AN_IMAGE', message: '上传的文件不是可识别的图片，请选择 JPG 或 PNG 照片' }),
    );
    const refused = await uploadPhoto({ itemId: 21, filePath: 'p' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FieldsError);
    expect(refused).toMatchObject({
      status: 415,
      code: 'NOT_AN_IMAGE',
      message: '上传的文件不是可识别的图片，请选择 JPG 或 PNG 照片',
    });

    mocked.current.mockImplementation(
      answerUpload(413, { code: 'PAYLOAD_TOO_LARGE', message: '上传的内容太大，请压缩后重试' }),
    );
    await expect(uploadPhoto({ itemId: 21, filePath: 'p' })).rejects.toMatchObject({ status: 413 });
  });
});
