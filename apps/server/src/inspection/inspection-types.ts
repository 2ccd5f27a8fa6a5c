/** A material the vendor asks for, as the mini-program shows it (with its hints and sample picture). */
export interface InspectionMaterialView {
  text: string;
  hints: string[];
  /** Sample picture URL, or null when the vendor has none for this item. */
  sampleUrl: string | null;
}

/** 《免检待确认订单》, kept without the plate and the user's default phone. */
export interface PreOrderSnapshot {
  vendorCarId: string;
  priceFen: number;
  inspectionCityId: number;
  inspectionCityName: string;
  registerCityName: string;
  shopId: number;
  materials: InspectionMaterialView[];
}

/** Where the vendor sends the papers back; stored encrypted with the contact's name and phone. */
export interface ReturnAddress {
  province: string;
  city: string;
  county: string;
  address: string;
}
