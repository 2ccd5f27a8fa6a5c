import { makeIdNumber } from '../core/index.js';
import { findZjzSpec, mergeWithCatalogue, ZJZ_BACKGROUND_COLORS, ZJZ_SPECS, type ZjzReceiptSpec } from './catalogue.js';
import { checkPrintParam, checkReceiptParam } from './param-check.js';
import { parseColorList, parseWireItem, parseWireItemDetail, quoteLongNumbers, WireFormatError } from './wire.js';

const ID = makeIdNumber('440305', '19900307', 123);
const spec = (itemId: number): ZjzReceiptSpec => findZjzSpec(itemId) as ZjzReceiptSpec;

describe('zjz catalogue', () => {
  it('holds at least 8 specs with unique ids, known colours and consistent sizes', () => {
    expect(ZJZ_SPECS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ZJZ_SPECS.map((s) => s.itemId)).size).toBe(ZJZ_SPECS.length);
    for (const s of ZJZ_SPECS) {
      for (const color of s.colors) expect(ZJZ_BACKGROUND_COLORS[color]).toMatch(/^#[0-9A-F]{6}$/);
      // Pixels are millimetres at the spec's dpi, to within a pixel and a half.
      expect(Math.abs((s.widthMm / 25.4) * s.dpi - s.widthPx)).toBeLessThan(1.5);
      expect(Math.abs((s.heightMm / 25.4) * s.dpi - s.heightPx)).toBeLessThan(1.5);
      if (s.fileSizeKb) expect(s.fileSizeKb.min).toBeLessThan(s.fileSizeKb.max);
      for (const set of s.oneOf ?? []) for (const name of set) expect(s.params.map((f) => f.name)).toContain(name);
    }
  });

  it.each([
    ['广东驾驶证', 22, 32, 260, 378],
    ['港澳通行证', 33, 48, 390, 567],
    ['护照', 33, 48, 390, 567],
    ['社保卡', 26, 32, 358, 441],
    ['身份证', 26, 32, 358, 441],
    ['一寸', 25, 35, 295, 413],
    ['二寸', 35, 49, 413, 579],
  ])('%s is %d×%d mm, %d×%d px', (name, wMm, hMm, wPx, hPx) => {
    expect(ZJZ_SPECS.find((s) => s.name === name)).toMatchObject({
      widthMm: wMm,
      heightMm: hMm,
      widthPx: wPx,
      heightPx: hPx,
    });
  });

  it('merges the live list with the param configuration, leaving unknown items unconfigured', () => {
    const [known, unknown] = mergeWithCatalogue([
      { ...spec(24), fileSizeMsg: '14-30KB', colors: ['white'] },
      { ...spec(24), itemId: 999, name: '新规格', fileSizeMsg: '', colors: [] },
    ]);
    expect(known.params?.map((f) => f.name)).toEqual([
      'text_mobile',
      'text_city',
      'text_name',
      'text_idcard',
      'image_idcard',
    ]);
    expect(known.printLayout).toBe(true);
    expect(unknown.params).toBeUndefined();
  });
});

describe('zjz param checks', () => {
  const passport = spec(31);
  const driving = spec(24);

  it('accepts a complete param', () => {
    expect(checkReceiptParam(passport, { text_name: '张三', text_idcard: ID, text_mobile: '13800138000' })).toEqual([]);
  });

  it('names each missing or invalid field', () => {
    const problems = checkReceiptParam(passport, { text_name: '张三', text_idcard: '440305199003071234' });
    expect(problems.map((p) => p.field)).toEqual(['text_idcard', 'text_mobile']);
    expect(problems[0].message).toContain('校验位');
    expect(problems[1].message).toBe('缺少手机号（text_mobile）');
    expect(
      checkReceiptParam(passport, { text_name: '张三', text_idcard: ID, text_mobile: '1380013800' })[0],
    ).toMatchObject({ field: 'text_mobile' });
  });

  it('driving licence: name and number, or the ID card image', () => {
    const base = { text_mobile: '13800138000', text_city: '深圳' };
    expect(checkReceiptParam(driving, { ...base, text_name: '张三', text_idcard: ID })).toEqual([]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]).toString('base64');
    expect(checkReceiptParam(driving, { ...base, image_idcard: png })).toEqual([]);
    const neither = checkReceiptParam(driving, { ...base, text_name: '张三' });
    expect(neither).toHaveLength(1);
    expect(neither[0].message).toContain('image_idcard');
    const notImage = checkReceiptParam(driving, { ...base, image_idcard: Buffer.from('hello').toString('base64') });
    expect(notImage[0]).toMatchObject({ field: 'image_idcard' });
  });

  it('print_param needs every recipient field and a mobile number', () => {
    const full = {
      name: '张三',
      phone: '13800138000',
      province: '广东',
      city: '深圳',
      district: '南山区',
      address: 'xx路',
    };
    expect(checkPrintParam(full)).toEqual([]);
    const { address: _address, ...noAddress } = full;
    expect(checkPrintParam(noAddress).map((p) => p.field)).toEqual(['print_param.address']);
    expect(checkPrintParam({ ...full, phone: '020-1234567' }).map((p) => p.field)).toEqual(['print_param.phone']);
  });
});

describe('zjz wire format', () => {
  it.each([
    ["['blue','white']", ['blue', 'white']],
    ['["red"]', ['red']],
    ['white, blue', ['white', 'blue']],
    ['[]', []],
  ])('parses the colour list %s', (input, colours) => expect(parseColorList(input)).toEqual(colours));

  it('turns the string fields of an item into numbers', () => {
    const item = parseWireItemDetail({
      item_id: '24',
      name: '广东驾驶证',
      width_px: '260',
      height_px: '378',
      width_mm: '22',
      height_mm: '32',
      dpi: '300',
      file_size_msg: '14-30KB',
      color: "['white']",
      file_size_min: '14',
      file_size_max: '0',
      category: '证件照',
      category_id: '2',
    });
    expect(item).toEqual({
      itemId: 24,
      name: '广东驾驶证',
      widthPx: 260,
      heightPx: 378,
      widthMm: 22,
      heightMm: 32,
      dpi: 300,
      fileSizeMsg: '14-30KB',
      colors: ['white'],
      fileSizeMinKb: 14,
      fileSizeMaxKb: undefined,
      category: '证件照',
      categoryId: 2,
    });
    expect(() => parseWireItem({ item_id: '1', width_px: 'abc' })).toThrow(WireFormatError);
  });

  it('keeps 20-digit order numbers exact', () => {
    const text = quoteLongNumbers('{"data":{"order_no":20210616134106190536,"n":1}}', ['order_no']);
    expect(JSON.parse(text).data.order_no).toBe('20210616134106190536');
  });
});
