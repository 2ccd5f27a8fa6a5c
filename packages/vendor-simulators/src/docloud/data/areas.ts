/** An annual-inspection city: the area tree node plus the inspection shop that serves it. */
export interface AreaCity {
  id: number;
  name: string;
  provinceId: number;
  /** Plates registered here ("浙B"; "京" for a municipality). */
  platePrefix: string;
  districts: [id: number, name: string][];
  shop?: InspectionShop;
}

export interface InspectionShop {
  shopId: number;
  shopName: string;
  shopAddress: string;
  contactName: string;
  contactPhone: string;
  /** 免检代办 service fee for a private car, in fen; company cars pay `COMPANY_SURCHARGE_FEN` more. */
  priceFen: number;
  goodsCode: string;
}

export const COMPANY_SURCHARGE_FEN = 3000;

export const PROVINCES: { id: number; name: string }[] = [
  { id: 1, name: '北京市' },
  { id: 2, name: '上海市' },
  { id: 3, name: '江苏省' },
  { id: 4, name: '浙江省' },
  { id: 5, name: '广东省' },
  { id: 6, name: '河北省' },
];

const shop = (shopId: number, city: string, street: string, contactName: string, phone: string, yuan: number) => ({
  shopId,
  shopName: `${city}平台养车免检服务中心`,
  shopAddress: street,
  contactName,
  contactPhone: phone,
  priceFen: yuan * 100,
  goodsCode: 'P291002',
});

/** Ids of 浙江省 (4), 杭州市 (1), 上城区 (1) and 宁波市 (94) follow the document's examples. */
export const AREA_CITIES: AreaCity[] = [
  {
    id: 1,
    name: '杭州市',
    provinceId: 4,
    platePrefix: '浙A',
    districts: [[1, '上城区'], [2, '拱墅区'], [3, '西湖区'], [4, '滨江区'], [5, '余杭区']],
    shop: shop(21701, '杭州', '西湖区文一西路522号', '王师傅', '0571-88120001', 128),
  },
  {
    id: 94,
    name: '宁波市',
    provinceId: 4,
    platePrefix: '浙B',
    districts: [[940, '海曙区'], [941, '江北区'], [942, '鄞州区'], [943, '北仑区']],
    shop: shop(21777, '宁波', '鄞州区天童南路588号', '陈经理', '0574-87310002', 118),
  },
  {
    id: 95,
    name: '湖州市',
    provinceId: 4,
    platePrefix: '浙E',
    districts: [[950, '吴兴区'], [951, '南浔区']],
    shop: shop(21780, '湖州', '吴兴区仁皇山路1号', '小哲', '0572-21230003', 98),
  },
  { id: 96, name: '嘉兴市', provinceId: 4, platePrefix: '浙F', districts: [[960, '南湖区'], [961, '秀洲区']] },
  {
    id: 2,
    name: '北京市',
    provinceId: 1,
    platePrefix: '京',
    districts: [[20, '东城区'], [21, '西城区'], [22, '朝阳区'], [23, '海淀区'], [24, '丰台区']],
    shop: shop(11001, '北京', '朝阳区东三环中路39号', '刘师傅', '010-65660004', 158),
  },
  {
    id: 3,
    name: '上海市',
    provinceId: 2,
    platePrefix: '沪',
    districts: [[30, '黄浦区'], [31, '徐汇区'], [32, '浦东新区'], [33, '闵行区']],
    shop: shop(12001, '上海', '闵行区虹梅路3000号', '周经理', '021-54120005', 148),
  },
  {
    id: 10,
    name: '南京市',
    provinceId: 3,
    platePrefix: '苏A',
    districts: [[100, '玄武区'], [101, '秦淮区'], [102, '建邺区'], [103, '鼓楼区']],
    shop: shop(13001, '南京', '建邺区江东中路100号', '孙师傅', '025-84560006', 118),
  },
  {
    id: 11,
    name: '苏州市',
    provinceId: 3,
    platePrefix: '苏E',
    districts: [[110, '姑苏区'], [111, '吴中区'], [112, '工业园区']],
    shop: shop(13002, '苏州', '工业园区星湖街218号', '吴经理', '0512-62880007', 118),
  },
  {
    id: 20,
    name: '广州市',
    provinceId: 5,
    platePrefix: '粤A',
    districts: [[200, '越秀区'], [201, '天河区'], [202, '海珠区'], [203, '番禺区']],
    shop: shop(14001, '广州', '天河区黄埔大道西76号', '黄师傅', '020-38880008', 138),
  },
  {
    id: 21,
    name: '深圳市',
    provinceId: 5,
    platePrefix: '粤B',
    districts: [[210, '福田区'], [211, '南山区'], [212, '宝安区'], [213, '龙岗区']],
    shop: shop(14002, '深圳', '南山区科技南十二路2号', '郑经理', '0755-86660009', 148),
  },
  { id: 30, name: '石家庄市', provinceId: 6, platePrefix: '冀A', districts: [[300, '长安区'], [301, '桥西区'], [302, '裕华区']] },
];

export function areaCityForPlate(plate: string): AreaCity | undefined {
  return AREA_CITIES.find((city) => plate.startsWith(city.platePrefix));
}

export function areaCity(id: number): AreaCity | undefined {
  return AREA_CITIES.find((city) => city.id === id);
}
