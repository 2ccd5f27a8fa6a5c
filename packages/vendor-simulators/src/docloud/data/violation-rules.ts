/** Traffic rules the simulator fines people for: common ones, with their usual fine (yuan) and points. */
export interface TrafficRule {
  /** The national violation code (违法代码), which 《直通车查询报价》 calls violationCode. */
  lawCode: string;
  reason: string;
  fine: number;
  point: number;
}

export const TRAFFIC_RULES: readonly TrafficRule[] = [
  { lawCode: '1039', reason: '机动车违反规定停放、临时停车，驾驶人不在现场，妨碍其他车辆、行人通行的', fine: 200, point: 0 },
  { lawCode: '1625', reason: '驾驶机动车违反道路交通信号灯通行的', fine: 200, point: 6 },
  { lawCode: '1208', reason: '机动车通过有灯控路口时，不按所需行进方向驶入导向车道的', fine: 100, point: 2 },
  { lawCode: '1345', reason: '机动车违反禁止标线指示的', fine: 100, point: 1 },
  { lawCode: '1344', reason: '机动车违反禁令标志指示的', fine: 100, point: 0 },
  { lawCode: '1303', reason: '驾驶机动车在城市道路上超过规定时速10%未达20%的', fine: 50, point: 0 },
  { lawCode: '1636', reason: '驾驶机动车在高速公路、城市快速路以外的道路上超过规定时速20%以上未达到50%的', fine: 200, point: 3 },
  { lawCode: '1357', reason: '驾驶机动车行经人行横道，不按规定减速、停车、避让行人的', fine: 200, point: 3 },
  { lawCode: '1019', reason: '机动车违反规定使用专用车道的', fine: 200, point: 0 },
  { lawCode: '1042', reason: '机动车不按规定使用灯光的', fine: 100, point: 0 },
];

/** The simulator's 代办 fee policy: a flat fee per zero-point violation, more for point violations. */
export const SERVICE_FEE_FEN = { zeroPoint: [1500, 2000, 2500, 3000], withPoints: 3500 } as const;
/** 《代扣分费用》 per point, in self-deduct mode. */
export const MARK_FEE_FEN_PER_POINT = 5000;
