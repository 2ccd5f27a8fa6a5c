import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DocloudClient, isDocloudError } from '@banshi/vendor-clients/docloud';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { HealthChecks } from '../common/health-checks.js';

/** 《错误码》 with which Docloud refuses who we are: unknown app key, bad signature, no key, no access. */
const CREDENTIAL_REFUSALS = ['1004', '1005', '1009', '1010'];
/** A verified credential is asked again now and then (a key revoked at the vendor shows within this). */
const RECHECK_OK_MS = 10 * 60_000;
/** A refused one is asked again sooner: a clock put right heals it without a restart. */
const RECHECK_REFUSED_MS = 30_000;
/** Chinese text and a query of our own: the echo proves encoding and signing of both are as Docloud reads them. */
const PROBE_BODY = { check: '签名自检' };

interface Verdict {
  at: number;
  /** Why Docloud refused us and what to do; absent when it accepted. */
  refused?: string;
}

/**
 * Live mode's credential check (《签名验证接口》 `/sign/test`): at start-up and in the readiness
 * answer. A refusal (wrong DOCLOUD_APP_KEY / DOCLOUD_APP_SECRET, or a clock far off) makes the
 * instance not ready, so a rolling deploy with a bad secret never takes traffic. Docloud not
 * answering at all is not a credential problem: the health answer's vendor probe reports that,
 * and readiness stays as it was.
 */
@Injectable()
export class DocloudCredentialCheck implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DocloudCredentialCheck.name);
  private verdict?: Verdict;
  private inflight?: Promise<void>;

  constructor(
    private readonly docloud: DocloudClient,
    private readonly healthChecks: HealthChecks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sandbox credentials come from the simulator itself: there is nothing to check. */
  private get live(): boolean {
    return this.config.vendorMode === 'live';
  }

  onModuleInit(): void {
    if (!this.live) return;
    this.healthChecks.register({
      name: 'docloud-credentials',
      critical: false,
      readiness: true,
      run: () => this.ensure(),
    });
  }

  /** Not awaited: a vendor that hangs must not hold the start-up; readiness tells the outcome. */
  onApplicationBootstrap(): void {
    if (!this.live) return;
    void this.check().then(() => {
      if (this.verdict?.refused) this.logger.error(`Docloud credential check failed: ${this.verdict.refused}`);
      else if (this.verdict) this.logger.log('Docloud credential check passed (/sign/test)');
    });
  }

  /** Resolves while Docloud accepts us (or has not answered yet); rejects with what to fix. */
  async ensure(): Promise<void> {
    const verdict = this.verdict;
    const age = verdict ? Date.now() - verdict.at : Infinity;
    if (age >= (verdict?.refused ? RECHECK_REFUSED_MS : RECHECK_OK_MS)) await this.check();
    if (this.verdict?.refused) throw new Error(this.verdict.refused);
  }

  private check(): Promise<void> {
    this.inflight ??= this.askDocloud().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async askDocloud(): Promise<void> {
    const params = { probe: String(Date.now()) };
    try {
      const echo = await this.docloud.signTest(PROBE_BODY, params);
      this.verdict = { at: Date.now(), refused: echoMismatch(echo, params) };
    } catch (error) {
      if (isDocloudError(error, ...CREDENTIAL_REFUSALS)) {
        this.verdict = {
          at: Date.now(),
          refused: `Docloud ${error.code} ${error.message}: check DOCLOUD_APP_KEY, DOCLOUD_APP_SECRET and the system clock`,
        };
      }
      // Anything else (down, slow, 5xx) says nothing about the credential: keep what we knew.
    }
  }
}

/** Docloud echoes what it verified: a proxy that rewrote the body or dropped the query shows here. */
function echoMismatch(
  echo: { requestBody: string; urlParam: string },
  params: Record<string, string>,
): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(echo.requestBody);
  } catch {
    body = undefined;
  }
  if ((body as typeof PROBE_BODY | undefined)?.check !== PROBE_BODY.check) {
    return `Docloud verified another body than ours (${echo.requestBody.slice(0, 80)}): check the proxy and encoding towards DOCLOUD_API_BASE`;
  }
  if (!echo.urlParam.includes(`probe=${params.probe}`)) {
    return `Docloud verified another query than ours (${echo.urlParam.slice(0, 80)}): check the proxy towards DOCLOUD_API_BASE`;
  }
  return undefined;
}
