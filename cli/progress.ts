/**
 * A progress bar on stderr for long runs: shown when stderr is a terminal and the run has lasted a second,
 * or always with --progress; never with --no-progress. stdout (the JSON, the summary) is never touched.
 */
export type ProgressMode = "auto" | "on" | "off";

export interface ProgressBar {
  /** A phase's progress; redraws only when the shown percentage changes. */
  update(phase: { zh: string; en: string }, done: number, total: number): void;
  /** Clears the bar, so what follows on stderr starts on a clean line. */
  finish(): void;
}

const WIDTH = 24;
const SHOW_AFTER_MS = 1000;

export function progressBar(
  write: (text: string) => void,
  mode: ProgressMode,
  isTerminal: boolean,
  now: () => number = () => performance.now(),
): ProgressBar {
  const started = now();
  let shownKey = "";
  let drawn = false;
  const visible = () => mode === "on" || (mode === "auto" && isTerminal && now() - started >= SHOW_AFTER_MS);
  return {
    update(phase, done, total) {
      if (mode === "off" || !visible()) return;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const percent = Math.floor(share * 100);
      const key = `${phase.en}:${percent}`;
      if (key === shownKey) return;
      shownKey = key;
      const filled = Math.round(share * WIDTH);
      const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
      write(`\r${phase.zh} ${phase.en} ${bar} ${String(percent).padStart(3)}%`);
      drawn = true;
    },
    finish() {
      if (drawn) write("\r\x1b[K");
      drawn = false;
    },
  };
}

export const PHASES = {
  reading: { zh: "读取测评票", en: "reading ballots" },
  scoring: { zh: "计分", en: "scoring" },
} as const;
