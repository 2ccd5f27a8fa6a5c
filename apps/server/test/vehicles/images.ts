import sharp from 'sharp';

/**
 * A phone photo of a travel licence page: a card on a noisy desk, large enough (well over the
 * vendor's 500 KB) that the server has to shrink it.
 */
export async function makeLicencePhoto(width = 2400, height = 1700): Promise<Buffer> {
  const card =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect x="${width * 0.1}" y="${height * 0.15}" width="${width * 0.8}" height="${height * 0.7}" rx="24" fill="#e9eef3"/>` +
    `<text x="${width * 0.2}" y="${height * 0.3}" font-size="96" fill="#333">中华人民共和国机动车行驶证</text></svg>`;
  return sharp({
    create: { width, height, channels: 3, background: '#8a8a8a', noise: { type: 'gaussian', mean: 150, sigma: 40 } },
  })
    .composite([{ input: Buffer.from(card) }])
    .jpeg({ quality: 95 })
    .toBuffer();
}
