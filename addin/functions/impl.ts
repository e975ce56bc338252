import type { Policy } from "../../shared/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { RulesService } from "../api/rules.ts";
import {
  ArgumentProblem,
  noGradeVotes,
  noGradeVotesLabel,
  quorumLabel,
  quorumQuestion,
  verdictItem,
  verdictLabel,
  weightedScore,
  weightsRow,
} from "./logic.ts";

export interface CustomFunctionDeps<E> {
  rules: Pick<RulesService, "verdict" | "quorum">;
  /** The cached policy (local arithmetic and the offline fallback). */
  policy(): Policy;
  lang(): Lang;
  /** Makes the Excel error value shown in the cell (CustomFunctions.Error in Excel). */
  fail(message: string): E;
}

const messageOf = (e: unknown) => (e instanceof ArgumentProblem ? e.text : e instanceof Error ? e.message : String(e));

/** The four KAOPING functions, free of office.js so they can be tested in Node. They return errors, never throw. */
export function createCustomFunctions<E>(deps: CustomFunctionDeps<E>) {
  const guard = <T>(run: () => T | ArgumentProblem): T | E => {
    try {
      const out = run();
      return out instanceof ArgumentProblem ? deps.fail(out.text) : out;
    } catch (e) {
      return deps.fail(messageOf(e));
    }
  };
  const guardAsync = async <T>(run: () => Promise<T | ArgumentProblem>): Promise<T | E> => {
    try {
      const out = await run();
      return out instanceof ArgumentProblem ? deps.fail(out.text) : out;
    } catch (e) {
      return deps.fail(messageOf(e));
    }
  };

  return {
    SCORE: (scores: unknown, post: unknown) => guard(() => weightedScore(deps.policy(), scores, post)),
    WEIGHTS: (post: unknown) => guard(() => weightsRow(deps.policy(), post)),
    VERDICT: (excellent: unknown, competent: unknown, basic: unknown, incompetent: unknown, blank?: unknown) =>
      guardAsync(async () => {
        const item = verdictItem(excellent, competent, basic, incompetent, blank);
        if (item instanceof ArgumentProblem) return item;
        // Nothing to decide: saying 胜任现职 from no votes would be a verdict without evidence.
        if (noGradeVotes(item)) return noGradeVotesLabel(deps.lang());
        return verdictLabel(await deps.rules.verdict(item), deps.lang());
      }),
    QUORUM: (attendees: unknown, expected: unknown) =>
      guardAsync(async () => {
        const q = quorumQuestion(attendees, expected);
        if (q instanceof ArgumentProblem) return q;
        return quorumLabel(await deps.rules.quorum(q), deps.lang());
      }),
  };
}
