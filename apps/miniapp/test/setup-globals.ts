// Taro's build defines these; the H5 runtime reads them when it loads.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
