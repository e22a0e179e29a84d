import { describe, expect, it } from "vitest";
import { TOKEN_FAILURE_BACKOFF_MS, TokenAuth, type TokenExchange } from "../../src/core/features/token-auth.ts";
import { Redactor } from "../../src/core/results/redactor.ts";
import { fakeClock, flush } from "../support/fake-clock.ts";

const refused: TokenExchange = {
  ok: false,
  attempts: 1,
  outcome: { type: "response", response: new Response(null, { status: 401 }), text: "{}", overCap: false },
};

function source(answers: Array<() => Promise<TokenExchange>>) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    tokenField: "access_token",
    expiresInField: "expires_in",
    exchange: () => {
      const answer = answers[Math.min(calls, answers.length - 1)] as () => Promise<TokenExchange>;
      calls += 1;
      return answer();
    },
  };
}

describe("TokenAuth", () => {
  it("1,000 concurrent callers whose token request fails make one request and share the failure", async () => {
    const src = source([async () => refused]);
    const auth = new TokenAuth(src, new Redactor(), fakeClock());
    const results = await Promise.all(Array.from({ length: 1000 }, () => auth.token()));
    expect(src.calls).toBe(1);
    expect(results.every((r) => !r.ok && r.failure === (results[0] as { failure: unknown }).failure)).toBe(true);
  });

  it("does not hammer a broken login: the failure stands for the back-off, then one new request", async () => {
    const clock = fakeClock();
    const src = source([async () => refused]);
    const auth = new TokenAuth(src, new Redactor(), clock);
    await auth.token();
    expect(TOKEN_FAILURE_BACKOFF_MS).toBe(1000);
    await clock.advance(999);
    await Promise.all([auth.token(), auth.token()]);
    expect(src.calls).toBe(1);
    await clock.advance(1);
    await Promise.all([auth.token(), auth.token()]);
    expect(src.calls).toBe(2);
  });

  it("lets a waiting caller abort without cancelling the request others wait for", async () => {
    let answer: (value: TokenExchange) => void = () => {};
    const src = source([() => new Promise<TokenExchange>((resolve) => (answer = resolve))]);
    const auth = new TokenAuth(src, new Redactor(), fakeClock());
    const controller = new AbortController();
    const impatient = auth.token(controller.signal);
    const patient = auth.token();
    controller.abort(new DOMException("user left", "AbortError"));
    await expect(impatient).rejects.toMatchObject({ name: "AbortError", message: "user left" });
    answer({ ok: true, attempts: 1, data: { access_token: "tok-123456", expires_in: 3600 } });
    await expect(patient).resolves.toEqual({ ok: true, token: "tok-123456" });
    expect(src.calls).toBe(1);
  });

  it("caches the token until shortly before expires_in, then refreshes it", async () => {
    const clock = fakeClock();
    let n = 0;
    const src = source([
      async () => ({ ok: true, attempts: 1, data: { access_token: `tok-${++n}-abcdef`, expires_in: 600 } }),
    ]);
    const auth = new TokenAuth(src, new Redactor(), clock);
    expect(await auth.token()).toEqual({ ok: true, token: "tok-1-abcdef" });
    await clock.advance(539_000);
    expect(await auth.token()).toEqual({ ok: true, token: "tok-1-abcdef" });
    await clock.advance(1_000);
    expect(await auth.token()).toEqual({ ok: true, token: "tok-2-abcdef" });
  });

  it("adds the token to the redactor and forgets it on a 401 replay", async () => {
    const redactor = new Redactor();
    const src = source([async () => ({ ok: true, attempts: 1, data: { access_token: "secret-token-42" } })]);
    const auth = new TokenAuth(src, redactor, fakeClock());
    await auth.token();
    expect(redactor.redact("x secret-token-42 y")).toBe("x [REDACTED] y");
    expect(auth.invalidate("secret-token-42")).toBe(true);
    await flush();
    await auth.token();
    expect(src.calls).toBe(2);
  });

  it("treats an answer without the token field as a failure", async () => {
    const src = source([async () => ({ ok: true, attempts: 1, data: { token: "wrong-field" } })]);
    const auth = new TokenAuth(src, new Redactor(), fakeClock());
    const result = await auth.token();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.outcome).toMatchObject({ reason: "the token answer has no access_token" });
  });
});
