import type { SimulatorHost } from '../../core/index.js';

/** A material as 《免检待确认订单》 lists it (the order detail calls `isPic` `pic`). */
export interface SimMaterial {
  text: string;
  message: string[];
  isPic: boolean;
  address: string;
}

export interface SamplePictures {
  policy: string;
  letter: string;
  businessLicense: string;
}

/**
 * Materials for 免检 by post, as the document's examples list them: a private car sends the
 * owner's ID card copy; a company car (`useFor: 1`) sends instead the company's stamped letter
 * of authorisation and business licence copy.
 */
export function materialsFor(useFor: 0 | 1, pictures: SamplePictures): SimMaterial[] {
  const common = {
    licence: { text: '行驶证正副本原件', message: [], isPic: false, address: '' },
    policy: {
      text: '在保险期间内的交强险保单副本原件',
      message: [
        '被保险人需与行驶证上车辆所有人一致，如不一致，请到保险公司开具批单',
        '请检查保单是否已过期，并提供有效期内的保单',
        '若车船税额为0元，需另提供车船税发票或免税证明',
      ],
      isPic: true,
      address: pictures.policy,
    },
    violations: { text: '车辆违章处理完', message: [], isPic: false, address: '' },
  };
  if (useFor === 0) {
    return [
      common.licence,
      common.policy,
      { text: '车主身份证正反面复印件', message: [], isPic: false, address: '' },
      common.violations,
    ];
  }
  return [
    common.licence,
    common.policy,
    common.violations,
    {
      text: '单位车辆年检委托书加盖公章',
      message: ['公章为车辆归属公司的公章，其它信息不需填写'],
      isPic: true,
      address: pictures.letter,
    },
    {
      text: '公司营业执照复印件加盖公章',
      message: ['复印件需该车辆归属地公司的公章', '需在有效期内'],
      isPic: true,
      address: pictures.businessLicense,
    },
  ];
}

/**
 * Sample pictures served by the simulator itself, so the mini-program can show them without
 * reaching the vendor's CDN: simple document-like drawings (a page, lines, a red seal).
 */
export async function publishSamplePictures(host: SimulatorHost): Promise<SamplePictures> {
  const [policy, letter, businessLicense] = await Promise.all([
    drawDocument('#2f6fdb', false),
    drawDocument('#444444', true),
    drawDocument('#b8860b', true),
  ]);
  return {
    policy: host.publishFile(policy, 'image/png', 'png'),
    letter: host.publishFile(letter, 'image/png', 'png'),
    businessLicense: host.publishFile(businessLicense, 'image/png', 'png'),
  };
}

async function drawDocument(accent: string, sealed: boolean): Promise<Buffer> {
  const lines = Array.from({ length: 7 }, (_, i) => `<rect x="40" y="${90 + i * 26}" width="${i % 3 === 2 ? 180 : 280}" height="8" fill="#c8c8c8"/>`);
  const seal = sealed ? '<circle cx="270" cy="250" r="42" fill="none" stroke="#d81e06" stroke-width="6"/>' : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="320">
    <rect x="16" y="16" width="328" height="288" fill="#ffffff" stroke="${accent}" stroke-width="3"/>
    <rect x="16" y="16" width="328" height="48" fill="${accent}"/>${lines.join('')}${seal}</svg>`;
  // Loaded on first use so that importing the client alone never loads the native image library.
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width: 360, height: 320, channels: 3, background: '#f2f2f2' } })
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
}
