import { describe, expect, it } from "vitest";
import { PHASES, progressBar } from "./progress.ts";

/** What the terminal would show: the text after the last carriage return. */
const screen = (written: string[]) => written.join("").split("\r").at(-1)!;

describe("the progress bar on stderr", () => {
  it("draws the phase in both languages with its percentage, and clears itself when done", () => {
    const written: string[] = [];
    const bar = progressBar((t) => written.push(t), "on", false);
    bar.update(PHASES.scoring, 250, 1000);
    expect(screen(written)).toMatch(/^计分 scoring █{6}░{18} {2}25%$/);
    bar.update(PHASES.scoring, 1000, 1000);
    expect(screen(written)).toMatch(/^计分 scoring █{24} 100%$/);
    bar.finish();
    expect(screen(written)).toBe("\x1b[K");
  });

  it("redraws only when the shown percentage changes", () => {
    const written: string[] = [];
    const bar = progressBar((t) => written.push(t), "on", false);
    for (let done = 0; done <= 10_000; done++) bar.update(PHASES.reading, done, 10_000);
    expect(written).toHaveLength(101);
  });

  it("by default shows nothing when stderr is not a terminal, or before the run has lasted a second", () => {
    let clock = 0;
    const piped: string[] = [];
    const notTerminal = progressBar(
      (t) => piped.push(t),
      "auto",
      false,
      () => clock,
    );
    const terminal: string[] = [];
    const onTerminal = progressBar(
      (t) => terminal.push(t),
      "auto",
      true,
      () => clock,
    );
    clock = 999;
    notTerminal.update(PHASES.scoring, 1, 2);
    onTerminal.update(PHASES.scoring, 1, 2);
    expect(terminal).toEqual([]);
    clock = 1000;
    notTerminal.update(PHASES.scoring, 2, 2);
    onTerminal.update(PHASES.scoring, 2, 2);
    expect(piped).toEqual([]);
    expect(screen(terminal)).toContain("100%");
  });

  it("--no-progress shows nothing, even in a terminal after a long run", () => {
    const written: string[] = [];
    const bar = progressBar(
      (t) => written.push(t),
      "off",
      true,
      () => 60_000,
    );
    bar.update(PHASES.scoring, 1, 2);
    bar.finish();
    expect(written).toEqual([]);
  });
});
