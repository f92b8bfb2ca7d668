import { TOTP_STEP_SECONDS, totpCode, totpStep } from '../lib/totp';

/**
 * A phone's authenticator app for tests: gives codes the server has not seen yet. The server accepts the
 * code of the next time step too, so two sign-ins in one step use now and now+1; a third waits.
 */
export class Authenticator {
  /** The step of the last code given (kept by callers that share one phone between processes). */
  lastStep = 0;

  /** wait: how to let time pass (tests with a fake clock move it instead of sleeping). */
  constructor(
    readonly secret: string,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** The secret's code for a step later than every code given so far (waits when it must). */
  async code(): Promise<string> {
    let step = Math.max(totpStep(), this.lastStep + 1);
    while (step > totpStep() + 1) {
      const msIntoStep = Date.now() % (TOTP_STEP_SECONDS * 1000);
      await this.wait(TOTP_STEP_SECONDS * 1000 - msIntoStep + 20);
      step = Math.max(totpStep(), this.lastStep + 1);
    }
    this.lastStep = step;
    return totpCode(this.secret, step);
  }
}
