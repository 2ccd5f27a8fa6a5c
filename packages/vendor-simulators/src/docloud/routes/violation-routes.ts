import { createHash } from 'node:crypto';
import { checkIdNumber, sleep } from '@banshi/vendor-clients';
import { docloudFields, type DocloudCarType } from '@banshi/vendor-clients/docloud';
import type { SimContext } from '../context.js';
import { cityByName, OPEN_PROVINCES, type SimCity } from '../data/cities.js';
import { makeViolation, type SimViolation } from '../data/violation-gen.js';
import { queryResult } from '../render.js';
import { fail, jsonBody, registerRoute, type Json } from '../route-kit.js';
import { bindCar, phoneHolds, tokenRecord } from '../tokens.js';
import { checkCarType, checkIdentity, checkPhone, plateCity, required, text } from '../validation.js';

const { flag, optNumber, optText } = docloudFields;

const MAX_LICENSE_BYTES = 500 * 1024;
const TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function registerViolationRoutes(ctx: SimContext): void {
  // 《签名验证接口》: echoes what it verified.
  for (const method of ['GET', 'POST'] as const) {
    registerRoute(ctx, { method, path: '/sign/test' }, (request) => ({
      requestBody: request.text(),
      urlParam: request.rawQuery,
    }));
  }

  registerRoute(ctx, { method: 'POST', path: '/violation/assign/token' }, (request) => {
    const body = jsonBody(request);
    const phone = checkPhone(text(body, 'phone'));
    const plateNumber = required(body, 'plateNumber', '车牌号');
    const city = plateCity(plateNumber);
    const car = carOf(body, plateNumber, city);
    if (phoneHolds(ctx, phone, plateNumber)) throw fail('1036');
    return { token: bindCar(ctx, car, phone).token };
  });

  registerRoute(ctx, { method: 'GET', path: '/violation/condition/all/1.0' }, () =>
    OPEN_PROVINCES.map(({ province, cities }) => ({
      province,
      list: cities.map((c) => ({
        city: c.city,
        engineNoLength: c.engineNoLength,
        vinLength: c.vinLength,
        cityPrefix: c.cityPrefix,
        ...(c.carTypes ? { carTypes: c.carTypes } : {}),
      })),
    })),
  );

  registerRoute(ctx, { method: 'POST', path: '/violation/query/1.0' }, async (request) => {
    const body = jsonBody(request);
    const plateNumber = required(body, 'plateNumber', '车牌号');
    const home = plateCity(plateNumber);
    const cityName = text(body, 'city');
    const rules = cityName ? (cityByName(cityName) ?? failWith('1031')) : home;
    const car = carOf(body, plateNumber, rules);
    const phone = text(body, 'phone');
    if (phone !== undefined) checkPhone(phone);
    else if (rules.provincePrefix === '浙') throw fail('1003', '违章查询请求参数错误：浙江省车辆查询须传入手机号');
    // 《查询违章及费用》: one query per car at a time, the others get 1014.
    if (ctx.state.queriesInFlight.has(plateNumber)) throw fail('1014');
    ctx.state.queriesInFlight.add(plateNumber);
    try {
      await sleep(ctx.timings.queryLatencyMs);
      // 《注意事项》2 and 4: without a phone the query identifies no user, so it answers no token;
      // ordering then needs 《获取token》 with the phone, plate, VIN and engine number.
      const token = phone === undefined ? undefined : bindCar(ctx, car, phone).token;
      return queryResult(token, ctx.state.violationsOf(plateNumber), flag(body.needFee), flag(body.deductSelf));
    } finally {
      ctx.state.queriesInFlight.delete(plateNumber);
    }
  });

  registerRoute(ctx, { method: 'POST', path: '/violation/price/query' }, (request) => {
    const body = jsonBody(request);
    const plateNumber = required(body, 'plateNumber', '车牌号');
    const home = plateCity(plateNumber);
    const car = carOf(body, plateNumber, home);
    const phone = checkPhone(text(body, 'phone'));
    const items = Array.isArray(body.items) ? (body.items as unknown[]) : [];
    if (items.length === 0) throw fail('1001', '请求参数错误：items不能为空');
    const quoted = items.map((item) => quotedViolation(ctx, plateNumber, home, item));
    const token = bindCar(ctx, car, phone);
    return queryResult(token.token, quoted, true, false, 'all');
  });

  registerRoute(ctx, { method: 'POST', path: '/violation/upload/material' }, (request) => {
    const body = jsonBody(request);
    const token = tokenRecord(ctx, body.token);
    for (const [field, label] of [
      ['travelLicenseImg', '行驶证正页'],
      ['travelLicenseImgBg', '行驶证副页'],
    ] as const) {
      checkImage(required(body, field, label), label);
    }
    token.travelLicenseUploaded = true;
    return true;
  });

  registerRoute(ctx, { method: 'POST', path: '/violation/deduct/self/valid' }, (request) => {
    const body = jsonBody(request);
    const token = tokenRecord(ctx, body.token);
    const driveNum = required(body, 'driveNum', '驾驶证号');
    const fileNum = required(body, 'fileNum', '档案编号');
    if (!checkIdNumber(driveNum).valid) throw fail('1001', '请求参数错误：驾驶证号格式错误');
    if (!/^\d{10,12}$/.test(fileNum)) throw fail('1001', '请求参数错误：档案编号格式错误');
    // Self-deduction is for the driver's own small car: large cars and trailers are refused.
    const carType = text(body, 'carType') ?? token.carType;
    const result = carType === '02' || carType === '52';
    if (result) token.deductSelf = { driveNum, fileNum };
    return { result };
  });
}

function failWith(code: string): never {
  throw fail(code);
}

function carOf(body: Json, plateNumber: string, rules: SimCity) {
  const carType = (text(body, 'carType') ?? '02') as DocloudCarType;
  checkCarType(rules, carType);
  const vin = text(body, 'vin');
  const engineNo = text(body, 'engineNo');
  checkIdentity(rules, vin, engineNo);
  return { plateNumber, carType, vin, engineNo };
}

/** A violation typed in by the user, kept beside the plate's own so it can be ordered like them. */
function quotedViolation(ctx: SimContext, plate: string, home: SimCity, value: unknown): SimViolation {
  const item = (value ?? {}) as Json;
  const violationCity = required(item, 'violationCity', 'violationCity');
  const time = required(item, 'violationTime', 'violationTime');
  if (!TIME_PATTERN.test(time) || Number.isNaN(Date.parse(`${time.replace(' ', 'T')}+08:00`))) {
    throw fail('1001', '请求参数错误：violationTime格式应为yyyy-MM-dd HH:mm:ss');
  }
  const fine = optNumber(item.violationFine);
  const point = optNumber(item.violationMark);
  if (fine === undefined || fine < 0 || point === undefined || point < 0 || !Number.isInteger(point)) {
    throw fail('1001', '请求参数错误：violationFine、violationMark须为非负整数');
  }
  const rule = {
    lawCode: required(item, 'violationCode', 'violationCode'),
    reason: required(item, 'violationReason', 'violationReason'),
    fine,
    point,
  };
  const location = required(item, 'violationLocation', 'violationLocation');
  const list = ctx.state.violationsOf(plate);
  const digest = createHash('md5').update(`${plate}|${time}|${rule.lawCode}|${location}`).digest();
  const code = `${String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0')}-Q1`;
  const known = list.find((v) => v.code === code);
  if (known) return known;
  const open = cityByName(violationCity);
  const place = open ?? { ...home, province: '', city: violationCity, agency: false };
  const violation = makeViolation({
    code,
    rule,
    place,
    road: location,
    at: Date.parse(`${time.replace(' ', 'T')}+08:00`),
    feeIndex: digest[4],
    violationNum: optText(item.violationNum) ?? '',
  });
  if (!open) violation.processStatus = 4;
  list.push(violation);
  return violation;
}

/** 《上传行驶证》: at most 500 KB once decoded (1002), and a JPEG, PNG or BMP by its first bytes. */
function checkImage(base64: string, label: string): void {
  const clean = base64.replace(/^data:[^;]+;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) throw fail('1001', `请求参数错误：${label}不是有效的base64编码`);
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_LICENSE_BYTES) throw fail('1002', `上传文件大小超过限制：${label}不得超过500KB`);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const bmp = bytes[0] === 0x42 && bytes[1] === 0x4d;
  if (!jpeg && !png && !bmp) throw fail('1001', `请求参数错误：${label}仅支持jpg、png、bmp格式`);
}
