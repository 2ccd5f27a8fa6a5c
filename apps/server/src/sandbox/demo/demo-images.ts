import sharp from 'sharp';

/**
 * Pictures the sandbox's simulated users send: a portrait for an ID photo and a face for identity.
 * Drawn, not photographed, so the repository holds no one's face; the end-to-end suites use the same.
 */
export function portraitSvg(width = 600, height = 800): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="#E4E6EA"/>` +
      `<rect x="${width * 0.14}" y="${height * 0.72}" width="${width * 0.72}" height="${height * 0.3}" rx="60" fill="#22324a"/>` +
      `<ellipse cx="${width / 2}" cy="${height * 0.3}" rx="${width * 0.22}" ry="${height * 0.17}" fill="#2b2220"/>` +
      `<ellipse cx="${width / 2}" cy="${height * 0.42}" rx="${width * 0.19}" ry="${height * 0.22}" fill="rgb(232,190,160)"/>` +
      `<circle cx="${width * 0.43}" cy="${height * 0.4}" r="${width * 0.018}" fill="#222"/>` +
      `<circle cx="${width * 0.57}" cy="${height * 0.4}" r="${width * 0.018}" fill="#222"/>` +
      `<rect x="${width * 0.45}" y="${height * 0.52}" width="${width * 0.1}" height="${height * 0.012}" rx="4" fill="#b0585a"/>` +
      `</svg>`,
  );
}

export function portraitJpeg(width = 600, height = 800): Promise<Buffer> {
  return sharp(portraitSvg(width, height)).jpeg({ quality: 90 }).toBuffer();
}

/** A face on a noisy background, as a phone's front camera gives it (identity's face photo). */
export async function facePhoto(width = 1080, height = 1440): Promise<Buffer> {
  const face =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<ellipse cx="${width / 2}" cy="${height / 2}" rx="${width / 4}" ry="${height / 4}" fill="#e8b897"/>` +
    `<circle cx="${width * 0.42}" cy="${height * 0.45}" r="${width / 40}" fill="#222"/>` +
    `<circle cx="${width * 0.58}" cy="${height * 0.45}" r="${width / 40}" fill="#222"/>` +
    `<path d="M${width * 0.44} ${height * 0.6} Q${width / 2} ${height * 0.64} ${width * 0.56} ${height * 0.6}" ` +
    `stroke="#a0524d" stroke-width="${width / 100}" fill="none"/></svg>`;
  return sharp({
    create: { width, height, channels: 3, background: '#dfe8f0', noise: { type: 'gaussian', mean: 190, sigma: 18 } },
  })
    .composite([{ input: Buffer.from(face) }])
    .jpeg({ quality: 92 })
    .toBuffer();
}
