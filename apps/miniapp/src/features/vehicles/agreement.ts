/** The terms the car form asks to be ticked before a VIN, engine number or phone is sent. */
export const VEHICLE_AGREEMENT = '《车辆信息使用说明》';
