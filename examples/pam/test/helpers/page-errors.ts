import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * A page's uncaught errors and unhandled promise rejections (Chromium reports both as `pageerror`), so that each test
 * can assert none happened, apart from the ones it provokes on purpose and names.
 */
export class PageErrors {
  private errors: Error[] = [];

  constructor(page: Page) {
    page.on("pageerror", (error) => this.errors.push(error));
  }

  /** Takes out the errors a test provoked on purpose; fails if there is none such. */
  expect(pattern: RegExp): void {
    const matching = this.errors.filter((e) => pattern.test(e.message));
    expect(matching, `no page error matched ${pattern}`).not.toHaveLength(0);
    this.errors = this.errors.filter((e) => !matching.includes(e));
  }

  /** Fails on any error left since the last check, then starts afresh. */
  assertNone(): void {
    const errors = this.errors;
    this.errors = [];
    expect(errors.map((e) => e.stack ?? e.message)).toEqual([]);
  }
}
