import { describe, expect, it } from "vitest";
import { PER_CLIENT_PER_MINUTE, PER_SESSION_PER_MINUTE, recordWrongCode, refuseIfThrottled } from "./guess-throttle.ts";

describe("throttling wrong codes", () => {
  it("lets a client make exactly the allowed number of wrong guesses a minute, then refuses with 429", () => {
    const t = 1_000_000;
    for (let i = 0; i < PER_CLIENT_PER_MINUTE; i++) {
      expect(() => refuseIfThrottled("198.51.100.1", "AAAAAA", t)).not.toThrow();
      recordWrongCode("198.51.100.1", "AAAAAA", t);
    }
    expect(() => refuseIfThrottled("198.51.100.1", "AAAAAA", t)).toThrow(expect.objectContaining({ status: 429 }));
    // A minute later, less one millisecond: still refused; at a full minute the window has passed.
    expect(() => refuseIfThrottled("198.51.100.1", "AAAAAA", t + 59_999)).toThrow();
    expect(() => refuseIfThrottled("198.51.100.1", "AAAAAA", t + 60_000)).not.toThrow();
  });

  it("counts a session's wrong codes across clients", () => {
    const t = 5_000_000;
    for (let i = 0; i < PER_SESSION_PER_MINUTE; i++) recordWrongCode(`203.0.113.${i % 250}-${i}`, "BBBBBB", t);
    expect(() => refuseIfThrottled("192.0.2.77", "BBBBBB", t)).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => refuseIfThrottled("192.0.2.77", "CCCCCC", t)).not.toThrow();
  });
});
