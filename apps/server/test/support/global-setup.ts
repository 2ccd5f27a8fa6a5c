import { createConnection } from 'mysql2/promise';

/**
 * The MySQL suite runs when TEST_MYSQL_URL is set. In CI it must be set and reachable: a
 * missing or unreachable MySQL fails the run instead of silently skipping half the suite.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_MYSQL_URL;
  if (!url) {
    if (process.env.CI === 'true')
      throw new Error('CI=true but TEST_MYSQL_URL is not set: the MySQL suite cannot be skipped in CI');
    console.warn('\n[server e2e] TEST_MYSQL_URL is not set: end-to-end suites run on SQLite only.\n');
    return;
  }
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 5000 });
    await connection.query('SELECT 1');
    await connection.end();
  } catch (error) {
    throw new Error(`TEST_MYSQL_URL is set but MySQL is unreachable (${(error as Error).message})`);
  }
  console.warn(
    `\n[server e2e] end-to-end suites run on SQLite and on MySQL (${url.replace(/\/\/[^@]*@/, '//***@')}).\n`,
  );
}
