import type { AppConfig } from '../config/app-config.js';

/**
 * The few lines printed once the server listens, addresses last so that they are what a person
 * sees: the app, the merchant pages, the API docs; and, the first time in sandbox mode, the
 * merchant account made for them (its password is shown this once and never stored in clear).
 */
export function startupBanner(
  base: string,
  config: Pick<AppConfig, 'vendorMode' | 'dataDir' | 'databaseUrl'>,
  sandboxMerchant?: { username: string; password: string },
): string {
  const lines = [`Banshi 办事 is running (vendors: ${config.vendorMode}, data: ${describeData(config)})`];
  if (sandboxMerchant) {
    lines.push(
      `Sandbox merchant created: username ${sandboxMerchant.username}, password ${sandboxMerchant.password}`,
      `  (shown once; reset it with: MERCHANT_PASSWORD=… pnpm merchant:create ${sandboxMerchant.username} --update)`,
    );
  }
  lines.push(
    `  App (mini-program H5):  ${base}/`,
    `  Merchant console:       ${base}/console`,
    `  Merchant pages (phone): ${base}/#/merchant/pages/login/index`,
    `  API docs:               ${base}/api/docs`,
    `  Health:                 ${base}/api/health`,
  );
  return lines.join('\n');
}

function describeData(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>): string {
  return config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl.slice('sqlite:'.length) : config.dataDir;
}
