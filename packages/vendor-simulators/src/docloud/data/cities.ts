import type { DocloudCarType } from '@banshi/vendor-clients/docloud';

/** One open city of 《支持城市及条件》, with what the simulator needs to invent its violations. */
export interface SimCity {
  province: string;
  /** The province's one-character plate prefix ("浙"). */
  provincePrefix: string;
  city: string;
  /** "浙A"; a municipality uses its one character ("京"), which covers every letter after it. */
  cityPrefix: string;
  /** As the vendor sends them: "-1" whole number, "0" not needed, "6" the last six characters. */
  vinLength: string;
  engineNoLength: string;
  /** Absent where the document's own example omits it (河北); such cities take 01 and 02. */
  carTypes?: DocloudCarType[];
  /** Whether violations fined here can be paid through an order (代缴). */
  agency: boolean;
  roads: string[];
}

type Row = [city: string, prefix: string, vin: string, engine: string, agency: boolean, roads: string[], types?: DocloudCarType[]];

const ALL_TYPES: DocloudCarType[] = ['01', '02', '51', '52'];
const SMALL_LARGE: DocloudCarType[] = ['01', '02'];

const PROVINCES: { province: string; prefix: string; rows: Row[] }[] = [
  {
    province: '北京市',
    prefix: '京',
    rows: [['北京市', '京', '0', '-1', true, ['长安街西单路口', '东三环国贸桥南', '北四环学院桥', '西直门外大街'], ALL_TYPES]],
  },
  {
    province: '上海市',
    prefix: '沪',
    rows: [['上海市', '沪', '-1', '0', true, ['延安高架路江苏路匝道', '中山北路共和新路口', '南京西路陕西北路口', '世纪大道浦东南路口'], ALL_TYPES]],
  },
  {
    province: '浙江省',
    prefix: '浙',
    rows: [
      ['杭州市', '浙A', '6', '6', true, ['文二西路口', '天目山路古翠路口', '文一西路紫金港路口', '莫干山路湖州街口'], ALL_TYPES],
      ['宁波市', '浙B', '6', '0', true, ['中山东路江东北路口', '鄞州大道天童南路口', '环城南路药行街口'], ALL_TYPES],
      ['温州市', '浙C', '6', '6', true, ['车站大道划龙桥路口', '学院中路锦绣路口'], SMALL_LARGE],
      ['绍兴市', '浙D', '6', '6', true, ['解放北路环城北路口', '越东路中兴大道口'], SMALL_LARGE],
      ['湖州市', '浙E', '6', '6', true, ['仁皇山路西山漾大桥', '人民路红旗路口'], SMALL_LARGE],
      ['嘉兴市', '浙F', '6', '6', true, ['中山东路东升路口', '南湖大道广益路口'], SMALL_LARGE],
      ['金华市', '浙G', '6', '6', true, ['八一北街人民东路口', '李渔路双龙南街口'], SMALL_LARGE],
    ],
  },
  {
    province: '广东省',
    prefix: '粤',
    rows: [
      ['广州市', '粤A', '6', '0', true, ['天河路体育西路口', '环市东路淘金路口', '广州大道中花城大道口'], ALL_TYPES],
      ['深圳市', '粤B', '-1', '6', true, ['深南大道华强北路口', '滨海大道后海大道口', '北环大道香蜜湖立交'], ALL_TYPES],
      ['佛山市', '粤E', '6', '0', true, ['季华路佛山大道口', '汾江中路人民路口'], SMALL_LARGE],
      ['东莞市', '粤S', '6', '0', true, ['东莞大道鸿福路口', '莞太路胜和路口'], SMALL_LARGE],
    ],
  },
  {
    province: '江苏省',
    prefix: '苏',
    rows: [
      ['南京市', '苏A', '6', '6', true, ['中山路珠江路口', '汉中路管家桥口', '龙蟠中路大光路口'], ALL_TYPES],
      ['无锡市', '苏B', '6', '6', true, ['人民中路中山路口', '太湖大道金城路口'], SMALL_LARGE],
      ['徐州市', '苏C', '6', '6', true, ['淮海西路中山南路口', '解放南路和平路口'], SMALL_LARGE],
      ['苏州市', '苏E', '6', '0', true, ['干将路人民路口', '星湖街现代大道口', '金鸡湖大道东延线'], ALL_TYPES],
    ],
  },
  {
    province: '河北省',
    prefix: '冀',
    rows: [
      ['石家庄市', '冀A', '0', '4', false, ['中山路建设大街口', '裕华路体育大街口']],
      ['唐山市', '冀B', '0', '4', false, ['新华道建设路口', '北新道卫国路口']],
      ['邯郸市', '冀D', '0', '4', false, ['人民路中华大街口']],
      ['邢台市', '冀E', '0', '4', false, ['中兴大街守敬路口']],
    ],
  },
  {
    province: '山东省',
    prefix: '鲁',
    rows: [
      ['济南市', '鲁A', '6', '6', true, ['经十路舜耕路口', '泉城路黑虎泉北路口'], SMALL_LARGE],
      ['青岛市', '鲁B', '6', '6', true, ['香港中路燕儿岛路口', '山东路延吉路口'], SMALL_LARGE],
    ],
  },
  {
    province: '四川省',
    prefix: '川',
    rows: [['成都市', '川A', '6', '6', false, ['天府大道锦城大道口', '人民南路一环路口', '蜀都大道顺城街口'], SMALL_LARGE]],
  },
];

export const OPEN_CITIES: readonly SimCity[] = PROVINCES.flatMap(({ province, prefix, rows }) =>
  rows.map(([city, cityPrefix, vinLength, engineNoLength, agency, roads, carTypes]) => ({
    province,
    provincePrefix: prefix,
    city,
    cityPrefix,
    vinLength,
    engineNoLength,
    carTypes,
    agency,
    roads,
  })),
);

export const OPEN_PROVINCES = PROVINCES.map(({ province, prefix }) => ({
  province,
  prefix,
  cities: OPEN_CITIES.filter((city) => city.province === province),
}));

/** 《车牌格式》: province character, issuing letter (no I/O), then 5 characters, 6 for new-energy plates, or 4 and 挂. */
export const PLATE_PATTERN =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}挂)$/;

export function cityForPlate(plate: string): SimCity | undefined {
  return OPEN_CITIES.find((city) => plate.startsWith(city.cityPrefix));
}

export function cityByName(name: string): SimCity | undefined {
  return OPEN_CITIES.find((city) => city.city === name || city.city === `${name}市`);
}

export function carTypesOf(city: SimCity): DocloudCarType[] {
  return city.carTypes ?? SMALL_LARGE;
}
