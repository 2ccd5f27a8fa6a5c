import { ConfigError, loadConfig } from './app-config.js';

describe('storage settings', () => {
  it('keeps files in the local folder unless told otherwise', () => {
    expect(loadConfig({}).storage).toEqual({ driver: 'local' });
  });

  it('STORAGE_DRIVER=s3 refuses to start without the bucket, region and keys, naming each', () => {
    try {
      loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'files-1250000000' });
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'S3_REGION: required when STORAGE_DRIVER=s3',
        'S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3',
        'S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3',
      ]);
    }
  });

  it('reads a COS bucket with its endpoint, virtual-hosted unless path style is asked for', () => {
    const env = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'files-1250000000',
      S3_REGION: 'ap-guangzhou',
      S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com/',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(env).storage).toEqual({
      driver: 's3',
      bucket: 'files-1250000000',
      region: 'ap-guangzhou',
      endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    expect(loadConfig({ ...env, S3_FORCE_PATH_STYLE: 'true' }).storage).toMatchObject({ forcePathStyle: true });
    expect(() => loadConfig({ ...env, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});
