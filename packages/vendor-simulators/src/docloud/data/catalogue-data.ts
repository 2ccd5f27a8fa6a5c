/** [modelId, modelName, tireStandard, guidePrice (万元), backTireStandard when it differs] */
export type ModelRow = [number, string, string, number, string?];

export interface SeriesRow {
  id: number;
  name: string;
  models: ModelRow[];
}

export interface BrandRow {
  id: number;
  name: string;
  alpha: string;
  series: SeriesRow[];
}

/** Real makes, series and trims, with ids in the style of the document's examples (奥迪 33, A3 3170). */
export const BRANDS: BrandRow[] = [
  {
    id: 33,
    name: '奥迪',
    alpha: 'A',
    series: [
      { id: 650, name: 'A1', models: [[16210, '2016款 30 TFSI Sportback 时尚型', '215/45R16', 22.48], [16211, '2016款 30 TFSI Sportback 舒适型', '215/45R16', 24.68]] },
      {
        id: 3170,
        name: 'A3',
        models: [
          [17053, '2014款 30 TFSI 豪华型', '215/40R17', 28.98],
          [17052, '2014款 30 TFSI 舒适型', '215/45R16', 24.98],
          [17050, '2014款 30 TFSI 时尚型', '215/45R16', 19.98],
          [17051, '2014款 30 TFSI 技术型', '215/45R16', 22.48],
        ],
      },
      { id: 370, name: 'A3(进口)', models: [[15820, '2013款 Sportback 30 TFSI 豪华型', '225/45R17', 29.8]] },
      { id: 692, name: 'A4L', models: [[52610, '2024款 40 TFSI 时尚动感型', '225/50R17', 32.18], [52611, '2024款 45 TFSI quattro 臻选动感型', '245/40R19', 39.58]] },
      { id: 4851, name: 'Q5L', models: [[53120, '2024款 40 TFSI 时尚动感型', '235/60R18', 40.98], [53121, '2024款 45 TFSI 豪华动感型', '235/55R19', 47.68]] },
    ],
  },
  {
    id: 34,
    name: '阿尔法罗密欧',
    alpha: 'A',
    series: [
      { id: 4196, name: 'Giulia', models: [[48310, '2023款 2.0T 280HP 豪华版', '225/45R18', 33.98, '255/40R18'], [48311, '2023款 2.0T 280HP 赛道版', '225/40R19', 38.98, '255/35R19']] },
      { id: 4386, name: 'Stelvio', models: [[48420, '2023款 2.0T 280HP 豪华版', '235/60R18', 39.98]] },
    ],
  },
  {
    id: 15,
    name: '宝马',
    alpha: 'B',
    series: [
      { id: 66, name: '3系', models: [[51230, '2024款 325Li M运动套装', '225/45R18', 34.99], [51231, '2024款 325Li xDrive M运动套装', '225/45R18', 36.99]] },
      { id: 65, name: '5系', models: [[54410, '2024款 525Li 豪华套装', '245/45R19', 43.99], [54411, '2024款 530Li 尊享型 M运动套装', '245/40R20', 53.99, '275/35R20']] },
      { id: 2561, name: 'X3', models: [[53970, '2024款 xDrive25L 豪华套装', '245/50R19', 40.0], [53971, '2024款 xDrive30L 尊享型M曜夜套装', '245/45R20', 48.5, '275/40R20']] },
    ],
  },
  {
    id: 36,
    name: '奔驰',
    alpha: 'B',
    series: [
      { id: 588, name: 'C级', models: [[52040, '2024款 C 200 L 运动版', '225/50R17', 33.38], [52041, '2024款 C 260 L 皓夜运动版', '225/45R18', 35.68, '255/40R18']] },
      { id: 197, name: 'E级', models: [[55280, '2024款 E 260 L', '245/45R18', 44.86], [55281, '2024款 E 300 L 豪华型', '245/40R19', 52.66, '275/35R19']] },
      { id: 3862, name: 'GLC', models: [[54630, '2024款 GLC 260 L 4MATIC 动感型 5座', '235/60R18', 42.78], [54631, '2024款 GLC 300 L 4MATIC 豪华型 7座', '255/45R20', 52.15]] },
    ],
  },
  {
    id: 14,
    name: '本田',
    alpha: 'B',
    series: [
      { id: 78, name: '雅阁', models: [[50870, '2023款 260TURBO 精英版', '225/50R17', 17.98], [50871, '2023款 260TURBO 旗舰版', '235/45R18', 21.98]] },
      { id: 135, name: '思域', models: [[49930, '2023款 240TURBO CVT 劲擎版', '215/55R16', 12.99], [49931, '2023款 240TURBO CVT 极点版', '235/40R18', 16.99]] },
      { id: 314, name: 'CR-V', models: [[50410, '2023款 240TURBO 两驱活力版 5座', '235/65R17', 18.59], [50411, '2023款 240TURBO 四驱尊耀版 7座', '235/60R18', 24.99]] },
    ],
  },
  {
    id: 75,
    name: '比亚迪',
    alpha: 'B',
    series: [
      { id: 5119, name: '秦PLUS', models: [[53010, '2024款 荣耀版 DM-i 55KM 领先型', '215/55R17', 7.98], [53011, '2024款 荣耀版 DM-i 120KM 卓越型', '225/60R16', 10.98]] },
      { id: 4734, name: '汉', models: [[53340, '2024款 荣耀版 EV 506KM 尊贵型', '245/45R19', 18.98], [53341, '2024款 荣耀版 DM-i 242KM 尊荣型', '245/45R19', 20.98]] },
      { id: 4853, name: '宋PLUS', models: [[53560, '2024款 荣耀版 DM-i 110KM 旗舰型', '235/50R19', 15.58], [53561, '2024款 荣耀版 EV 520KM 尊贵型', '235/50R19', 16.98]] },
    ],
  },
  {
    id: 38,
    name: '别克',
    alpha: 'B',
    series: [
      { id: 982, name: '英朗', models: [[49520, '2023款 1.5L CVT 精英型', '205/55R16', 11.09], [49521, '2023款 1.5L CVT 豪华型', '205/50R17', 12.29]] },
      { id: 834, name: '君越', models: [[50150, '2023款 652T 豪华型', '245/45R18', 22.99]] },
      { id: 166, name: 'GL8', models: [[53880, '2024款 ES陆尊 653T 豪华型', '225/55R18', 32.99], [53881, '2024款 陆上公务舱 652T 舒适型', '225/60R17', 23.29]] },
    ],
  },
  {
    id: 1,
    name: '大众',
    alpha: 'D',
    series: [
      { id: 614, name: '朗逸', models: [[49110, '2023款 1.5L 自动满逸版', '205/55R16', 11.79], [49111, '2023款 280TSI DSG 满逸版', '205/50R17', 13.99]] },
      { id: 164, name: '速腾', models: [[53450, '2024款 300TSI DSG 超越版', '225/45R17', 15.99], [53451, '2024款 300TSI DSG 飞越版', '225/45R18', 17.59]] },
      { id: 528, name: '帕萨特', models: [[53760, '2024款 330TSI 精英版', '235/45R18', 19.09], [53761, '2024款 380TSI 龙耀版', '235/40R19', 23.59]] },
    ],
  },
  {
    id: 3,
    name: '丰田',
    alpha: 'F',
    series: [
      { id: 526, name: '卡罗拉', models: [[49340, '2023款 1.5L 先锋版', '205/55R16', 11.68], [49341, '2023款 智能电混双擎 1.8L 精英版', '205/55R16', 13.98]] },
      { id: 110, name: '凯美瑞', models: [[53600, '2024款 2.0E 精英版', '215/55R17', 17.18], [53601, '2024款 双擎 2.5HQ 旗舰版', '235/40R19', 26.98]] },
      { id: 770, name: 'RAV4荣放', models: [[49710, '2023款 2.0L CVT两驱风尚版', '225/65R17', 17.58], [49711, '2023款 双擎 2.5L E-CVT四驱精英Plus版', '235/55R19', 24.98]] },
    ],
  },
  {
    id: 25,
    name: '吉利',
    alpha: 'J',
    series: [
      { id: 2791, name: '帝豪', models: [[53210, '2024款 第4代 1.5L CVT 旗舰型', '205/50R17', 8.69], [53211, '2024款 第4代 1.5L CVT 豪华型', '205/55R16', 7.99]] },
      { id: 5237, name: '星越L', models: [[53680, '2024款 2.0TD 两驱智享版', '235/55R19', 17.37], [53681, '2024款 2.0TD 四驱旗舰版', '245/45R20', 19.87]] },
      { id: 6143, name: '博越L', models: [[51890, '2023款 1.5T 两驱尊享型', '225/60R18', 12.87]] },
    ],
  },
  {
    id: 63,
    name: '日产',
    alpha: 'R',
    series: [
      { id: 538, name: '轩逸', models: [[53250, '2024款 1.6L CVT 悦享版', '205/55R16', 11.59], [53251, '2024款 1.6L CVT 奢享版', '205/50R17', 13.79]] },
      { id: 340, name: '天籁', models: [[53830, '2024款 2.0L XL 舒适版', '215/55R17', 17.98], [53831, '2024款 2.0T XL Upper 领航版', '235/45R18', 22.38]] },
      { id: 2198, name: '奇骏', models: [[53520, '2024款 VC-Turbo 300 CVT 2WD 豪华版', '235/65R17', 18.99], [53521, '2024款 VC-Turbo 300 CVT 4WD 至尊版', '235/55R19', 25.19]] },
    ],
  },
  {
    id: 133,
    name: '特斯拉',
    alpha: 'T',
    series: [
      { id: 3759, name: 'Model 3', models: [[54260, '2024款 后轮驱动版', '235/45R18', 23.19], [54261, '2024款 长续航全轮驱动版', '235/45R18', 27.19]] },
      { id: 5769, name: 'Model Y', models: [[52830, '2024款 后轮驱动版', '255/45R19', 24.99], [52831, '2024款 长续航全轮驱动版', '255/45R19', 28.99]] },
    ],
  },
];

export function findBrand(brandId: number): BrandRow | undefined {
  return BRANDS.find((brand) => brand.id === brandId);
}

export function findSeries(seriesId: number): { brand: BrandRow; series: SeriesRow } | undefined {
  for (const brand of BRANDS) {
    const series = brand.series.find((s) => s.id === seriesId);
    if (series) return { brand, series };
  }
  return undefined;
}
