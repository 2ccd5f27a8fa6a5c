/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built, inlined by Taro at build time. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin for the mini-program build (H5 calls its own origin); loaded by Taro from `.env*`. */
    TARO_APP_API_BASE_URL?: string;
  }
}
