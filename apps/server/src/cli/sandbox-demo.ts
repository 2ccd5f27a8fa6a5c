import { certifyPeople, DemoUser, orderIdPhotos, scanBills, type DemoReport } from '../sandbox/demo/demo-orders.js';

/**
 * `pnpm sandbox:demo [count]`: while `pnpm start` runs in sandbox mode, a few simulated users place
 * real orders of every service that needs no car (bills, identity, ID photos) through the public API,
 * so the merchant console has something to show. BASE_URL defaults to http://127.0.0.1:3000.
 */
async function main(): Promise<void> {
  const baseUrl = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const perService = Math.max(1, Math.min(200, Number(process.argv[2] ?? 10) || 10));
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  if (!health?.ok) {
    console.error(`Nothing answers at ${baseUrl}/api/health: start the product first (pnpm start).`);
    process.exit(1);
  }
  const run = Date.now().toString(36);
  let signedIn = 0;
  const newUser = () => DemoUser.signIn(baseUrl, `demo-${run}-${++signedIn}`);
  const [biller, photographer] = await Promise.all([newUser(), newUser()]);
  const reports: DemoReport[] = [];
  reports.push(await scanBills(biller, perService));
  reports.push(await certifyPeople(newUser, perService));
  reports.push(await orderIdPhotos(photographer, perService));
  for (const report of reports) {
    console.log(
      `${report.kind}: ${report.placed} placed${report.refused.length ? `, ${report.refused.length} refused` : ''}`,
    );
    for (const reason of new Set(report.refused)) console.log(`  refused: ${reason}`);
  }
  console.log(`The vendors' simulators answer in the next minutes; see ${baseUrl}/console`);
  if (reports.every((report) => report.placed === 0)) process.exit(1);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
