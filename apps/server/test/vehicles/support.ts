import type { DocloudSimulator, SimViolationView } from '@banshi/vendor-simulators/docloud';
import type { TestApp } from '../support/test-app.js';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export function docloud(t: TestApp): DocloudSimulator {
  return t.sandbox.get<DocloudSimulator>('docloud');
}

/** A whole VIN and engine number; the server keeps the part the car's city asks for. */
export const VIN = 'LSVAM4187C2184847';
export const ENGINE_NO = '0018835448DT';

let phones = 0;
/** The vendor binds at most three plates to a phone, for good: each test user gets a phone of its own. */
export function nextPhone(): string {
  phones++;
  return `139${String(process.pid % 1000).padStart(3, '0')}${String(phones).padStart(5, '0')}`;
}

export interface TestUser {
  token: string;
  phone: string;
}

export async function newUser(t: TestApp): Promise<TestUser> {
  return { token: await t.loginUser(), phone: nextPhone() };
}

export async function addCar(
  t: TestApp,
  user: TestUser,
  plateNumber: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: number; plateNumber: string; [key: string]: unknown }> {
  const response = await t.http
    .post('/api/vehicles/cars')
    .set(auth(user.token))
    .send({ plateNumber, vin: VIN, engineNo: ENGINE_NO, phone: user.phone, consent: true, ...extra });
  if (response.status !== 201)
    throw new Error(`add car ${plateNumber}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

let plateSerial = 0;
/**
 * A Hangzhou plate (the simulator derives each plate's violations from its characters) whose
 * violations satisfy `wanted`, for tests that need their own car untouched by other tests.
 */
export function findPlate(
  sim: DocloudSimulator,
  wanted: (violations: SimViolationView[]) => boolean,
  prefix = '浙A',
): string {
  for (let i = 0; i < 5000; i++) {
    plateSerial++;
    const plate = `${prefix}${String((process.pid * 7 + plateSerial * 37) % 100000).padStart(5, '0')}`;
    if (wanted(sim.violationsOf(plate))) return plate;
  }
  throw new Error('no plate with such violations');
}

/** Untreated zero-point violations in a city with 代缴: what a plain order can pay. */
export const payable = (list: SimViolationView[]) =>
  list.filter((v) => v.point === 0 && v.agency && v.processStatus === 1);

export async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Records the arguments of an object's method (ESM tests have no jest.spyOn on modules; this is an instance). */
export function recordCalls<T extends object>(
  target: T,
  method: keyof T & string,
): { calls: unknown[][]; restore(): void } {
  const original = target[method] as unknown as (...args: unknown[]) => unknown;
  const calls: unknown[][] = [];
  (target as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    calls.push(args);
    return original.apply(this, args);
  };
  return {
    calls,
    restore: () => {
      (target as Record<string, unknown>)[method] = original;
    },
  };
}
