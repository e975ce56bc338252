import type { Bilingual } from "../vocabulary.ts";
import type { Reason } from "../schemas/result.ts";
import type { CandidateStatus, PostResult } from "../schemas/recommendation.ts";
import {
  add,
  cmp,
  div,
  mul,
  percentString,
  rat,
  roundHalfUp,
  sub,
  toFractionString,
  ZERO,
  type Rational,
} from "../rational.ts";
import { topN } from "./top.ts";
import { ballotProblemMessage, type BallotProblem, type InvalidBallot } from "./ballot-problems.ts";
import { competitionRanks } from "../engine/rank.ts";

/** One ballot's names for one post (or one round), already read from the sheet or the request. */
export interface PostBallot {
  row: number;
  ballotId: string;
  type: string;
  names: readonly string[];
}

export interface PostSpec {
  key: string;
  label: string;
  /** A valid ballot names 1..maxNames distinct candidates (职数 v, or N of a round). */
  maxNames: number;
  vacancies: number;
  /** The shortlist's size: v + extra, or N of a round. */
  places: number;
  candidates: readonly string[];
  holds: ReadonlyMap<string, string>;
  writeIns: boolean;
  /** A recommendation post checks its candidate list and its 差额; a round leaves that to the chain. */
  kind: "post" | "round";
}

export interface TallySettings {
  floor: Rational | null;
  nearTie: Rational | null;
  /** Voter-type weights; null = every valid ballot counts the same. */
  weights: ReadonlyMap<string, Rational> | null;
  typeLabels: ReadonlyMap<string, string>;
  minTypeBallots: number;
  meetingValid: boolean;
}

const pct = (x: Rational) => roundHalfUp(mul(x, rat(100)), 2);
const frac = (x: Rational) => toFractionString(x);
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Counted {
  name: string;
  writeIn: boolean;
  votes: number;
  byType: Map<string, number>;
  share: Rational;
}

/**
 * Tallies one post of a meeting (spec section 6): ballot validity, votes per voter type, the (weighted) share,
 * the floor, the shortlist of `places` by share with ties and near-ties flagged, holds. Never depends on row order.
 */
export function tallyPost(
  spec: PostSpec,
  ballots: readonly PostBallot[],
  s: TallySettings,
): { result: PostResult; invalid: InvalidBallot[] } {
  const invalid: InvalidBallot[] = [];
  const onBallot = new Set(spec.candidates);
  const counted = new Map<string, Counted>();
  const entry = (name: string): Counted => {
    let c = counted.get(name);
    if (!c) {
      c = { name, writeIn: !onBallot.has(name), votes: 0, byType: new Map(), share: ZERO };
      counted.set(name, c);
    }
    return c;
  };
  for (const name of spec.candidates) entry(name);
  const validByType = new Map<string, number>();
  let valid = 0;
  for (const b of ballots) {
    const names = b.names;
    const problem: BallotProblem | null =
      names.length === 0
        ? "empty"
        : new Set(names).size !== names.length
          ? "repeated_name"
          : names.length > spec.maxNames
            ? "too_many"
            : !spec.writeIns && names.some((n) => !onBallot.has(n))
              ? "not_a_candidate"
              : null;
    if (problem) {
      invalid.push({
        row: b.row,
        ballotId: b.ballotId,
        post: spec.key,
        code: problem,
        message: ballotProblemMessage(problem, b.row, spec.label, spec.maxNames),
      });
      continue;
    }
    valid++;
    validByType.set(b.type, (validByType.get(b.type) ?? 0) + 1);
    for (const n of names) {
      const c = entry(n);
      c.votes++;
      c.byType.set(b.type, (c.byType.get(b.type) ?? 0) + 1);
    }
  }

  // Weighted share: sum over present types of W[t] votes(t)/valid(t), over the sum of W[t] present (renormalised).
  const present = [...validByType.keys()].sort(byCodePoint);
  const weightSum = s.weights ? present.reduce((acc, t) => add(acc, s.weights!.get(t) ?? ZERO), ZERO) : ZERO;
  const weighted = s.weights !== null && weightSum.n > 0n;
  const usedWeights = weighted
    ? Object.fromEntries(present.map((t) => [t, frac(div(s.weights!.get(t) ?? ZERO, weightSum))]))
    : undefined;
  for (const c of counted.values()) {
    if (valid === 0) c.share = ZERO;
    else if (!weighted) c.share = rat(c.votes, valid);
    else
      c.share = div(
        present.reduce(
          (acc, t) => add(acc, mul(s.weights!.get(t) ?? ZERO, rat(c.byType.get(t) ?? 0, validByType.get(t)!))),
          ZERO,
        ),
        weightSum,
      );
  }

  // Equal shares are listed in the ballot's own order (write-ins after, by name): a display order, never a rank.
  const listed = new Map(spec.candidates.map((n, i) => [n, i]));
  const at = (n: string) => listed.get(n) ?? Number.MAX_SAFE_INTEGER;
  const all = [...counted.values()].sort(
    (a, b) => cmp(b.share, a.share) || at(a.name) - at(b.name) || byCodePoint(a.name, b.name),
  );
  const eligible = all.filter(
    (c) => !spec.holds.has(c.name) && s.meetingValid && c.votes > 0 && (!s.floor || cmp(c.share, s.floor) >= 0),
  );
  const pick = topN(eligible, spec.places, (a, b) => cmp(b.share, a.share));
  const shortlisted = new Set(pick.advanced.map((c) => c.name));
  const tied = new Set(pick.tied.map((c) => c.name));
  const cut = eligible.length > spec.places ? eligible[spec.places - 1]!.share : null;
  const nearTie = new Set(
    cut && s.nearTie ? pick.rest.filter((c) => cmp(sub(cut, c.share), s.nearTie!) <= 0).map((c) => c.name) : [],
  );

  const ranks = competitionRanks(all.map((c) => c.share));
  const lastVotes = cut ? eligible[spec.places - 1]!.votes : 0;
  const candidates = all.map((c, i): PostResult["candidates"][number] => {
    const status: CandidateStatus = spec.holds.has(c.name)
      ? "held"
      : !s.meetingValid
        ? "meeting_invalid"
        : c.votes === 0
          ? "no_votes"
          : s.floor && cmp(c.share, s.floor) < 0
            ? "below_floor"
            : shortlisted.has(c.name)
              ? "shortlisted"
              : tied.has(c.name)
                ? "tie"
                : nearTie.has(c.name)
                  ? "near_tie"
                  : "not_shortlisted";
    const byType = Object.fromEntries(
      [...s.typeLabels.keys(), ...present.filter((t) => !s.typeLabels.has(t))].map((t) => {
        const n = validByType.get(t) ?? 0;
        const v = c.byType.get(t) ?? 0;
        return [
          t,
          n < s.minTypeBallots
            ? { validBallots: n, withheld: true }
            : { votes: v, validBallots: n, fraction: `${v}/${n}`, percent: percentString(v, n) },
        ];
      }),
    );
    return {
      name: c.name,
      writeIn: c.writeIn,
      votes: c.votes,
      fraction: `${c.votes}/${valid}`,
      percent: valid > 0 ? percentString(c.votes, valid) : "0.00",
      share: frac(c.share),
      sharePercent: pct(c.share),
      rank: ranks[i]!,
      byType,
      status,
      ...(spec.holds.has(c.name) ? { hold: spec.holds.get(c.name)! } : {}),
      reasons: reasonsFor(c, status, { valid, weighted, usedWeights, s, spec, cut, lastVotes, tied }),
    };
  });

  const flags: PostResult["flags"] = [];
  const say = (code: PostResult["flags"][number]["code"], names: string[], message: Bilingual) =>
    flags.push({ code, names, message });
  if (valid === 0)
    say("no_valid_ballots", [], {
      "zh-CN": `「${spec.label}」没有有效票，不产生人选`,
      en: `"${spec.label}" has no valid ballot: no one is shortlisted`,
    });
  const standing = spec.candidates.filter((n) => !spec.holds.has(n)).length;
  if (spec.kind === "post" && standing < spec.vacancies + 1)
    say("no_competition", [], {
      "zh-CN": `等额-无差额：「${spec.label}」职数 ${spec.vacancies}，可推荐的候选人仅 ${standing} 人，少于职数加一（${spec.vacancies + 1}）`,
      en: `No competition: "${spec.label}" has only ${standing} eligible candidates on the ballot for ${spec.vacancies} vacancies, fewer than ${spec.vacancies + 1}`,
    });
  const eventual = shortlisted.size + Math.min(tied.size, spec.places - shortlisted.size);
  if (spec.kind === "post" && s.meetingValid && eventual <= spec.vacancies)
    say("no_competition", [...shortlisted], {
      "zh-CN": `等额-无差额：考察对象 ${eventual} 人，不多于职数 ${spec.vacancies}，缺少差额考察所需人选`,
      en: `No competition: ${eventual} to be examined, not more than the vacancies (${spec.vacancies})`,
    });
  if (tied.size > 0)
    say("tie", [...tied], {
      "zh-CN": `并列待定：${[...tied].join("、")} 得票相同且跨越第 ${spec.places} 名，须集体研究决定`,
      en: `Tie: ${[...tied].join(", ")} share the same votes across place ${spec.places} and need a decision`,
    });
  if (nearTie.size > 0)
    say("near_tie", [...nearTie], {
      "zh-CN": `票数相差不大-建议一并考察：${[...nearTie].join("、")} 与末位人选相差不超过 ${frac(s.nearTie!)}`,
      en: `Close votes, consider examining them too: ${[...nearTie].join(", ")} within ${frac(s.nearTie!)} of the last place`,
    });
  const held = [...spec.holds.keys()].filter((n) => counted.has(n));
  if (held.length > 0)
    say("hold", held, {
      "zh-CN": `暂缓(核查中)：${held.map((n) => `${n}（${spec.holds.get(n)}）`).join("、")}，不列为考察对象`,
      en: `On hold (under verification): ${held.map((n) => `${n} (${spec.holds.get(n)})`).join(", ")}; not shortlisted`,
    });

  const shortlist = all.filter((c) => shortlisted.has(c.name)).map((c) => c.name);
  const reviewRequired =
    !s.meetingValid || tied.size > 0 || nearTie.size > 0 || flags.some((f) => f.code === "no_competition");
  const message: Bilingual = !s.meetingValid
    ? {
        "zh-CN": `「${spec.label}」：会议无效，不产生人选`,
        en: `"${spec.label}": the meeting is not valid; no one is shortlisted`,
      }
    : {
        "zh-CN": `「${spec.label}」有效票 ${valid} 张；${spec.kind === "post" ? "考察对象" : "晋级"} ${shortlist.length} 人（名额 ${spec.places}）${shortlist.length ? "：" + shortlist.join("、") : ""}`,
        en: `"${spec.label}": ${valid} valid ballots; ${shortlist.length} ${spec.kind === "post" ? "shortlisted" : "advance"} (places: ${spec.places})${shortlist.length ? ": " + shortlist.join(", ") : ""}`,
      };
  return {
    invalid,
    result: {
      key: spec.key,
      label: spec.label,
      vacancies: spec.vacancies,
      candidatesOnBallot: spec.candidates.length,
      places: spec.places,
      validBallots: valid,
      invalidBallots: invalid.length,
      ...(usedWeights ? { weights: usedWeights } : {}),
      types: [...s.typeLabels.keys(), ...present.filter((t) => !s.typeLabels.has(t))].map((t) => ({
        key: t,
        label: s.typeLabels.get(t) ?? (t === "" ? "未注明 unspecified" : t),
        validBallots: validByType.get(t) ?? 0,
        withheld: (validByType.get(t) ?? 0) < s.minTypeBallots,
      })),
      candidates,
      shortlist,
      tied: all.filter((c) => tied.has(c.name)).map((c) => c.name),
      nearTie: all.filter((c) => nearTie.has(c.name)).map((c) => c.name),
      held,
      flags,
      reviewRequired,
      message,
    },
  };
}

interface ReasonContext {
  valid: number;
  weighted: boolean;
  usedWeights: Record<string, string> | undefined;
  s: TallySettings;
  spec: PostSpec;
  cut: Rational | null;
  lastVotes: number;
  tied: Set<string>;
}

function reasonsFor(c: Counted, status: CandidateStatus, x: ReasonContext): Reason[] {
  const reasons: Reason[] = [];
  const votesText = `${c.votes}/${x.valid}`;
  reasons.push({
    rule: "votes",
    fraction: votesText,
    percent: x.valid > 0 ? percentString(c.votes, x.valid) : "0.00",
    fired: false,
    message: {
      "zh-CN": `得票 ${c.votes} 票，占有效票 ${votesText}（${x.valid > 0 ? percentString(c.votes, x.valid) : "0.00"}%）`,
      en: `${c.votes} votes of ${x.valid} valid ballots (${x.valid > 0 ? percentString(c.votes, x.valid) : "0.00"}%)`,
    },
  });
  if (x.weighted) {
    const w = Object.entries(x.usedWeights!)
      .map(([t, f]) => `${x.s.typeLabels.get(t) ?? t} ${f}`)
      .join("，");
    reasons.push({
      rule: "weighted_share",
      fraction: frac(c.share),
      percent: pct(c.share),
      fired: false,
      message: {
        "zh-CN": `按推荐主体加权的得票率 ${frac(c.share)}（${pct(c.share)}%），权重（按到场主体重新归一）：${w}`,
        en: `Share weighted by voter type ${frac(c.share)} (${pct(c.share)}%), weights renormalised over the types present: ${w}`,
      },
    });
  }
  const shareText = `${frac(c.share)}（${pct(c.share)}%）`;
  switch (status) {
    case "held":
      reasons.push({
        rule: "hold",
        fired: true,
        message: {
          "zh-CN": `暂缓(核查中)：${x.spec.holds.get(c.name)}；核查清楚前不列为考察对象`,
          en: `On hold (under verification): ${x.spec.holds.get(c.name)}; not shortlisted until it is cleared`,
        },
      });
      break;
    case "meeting_invalid":
      reasons.push({
        rule: "quorum",
        fired: true,
        message: { "zh-CN": "会议无效，不产生人选", en: "The meeting is not valid; no one is shortlisted" },
      });
      break;
    case "no_votes":
      reasons.push({
        rule: "no_votes",
        fired: true,
        message: { "zh-CN": "未得票，不列为人选", en: "No votes: not shortlisted" },
      });
      break;
    case "below_floor":
      reasons.push({
        rule: "concentration",
        fraction: frac(c.share),
        percent: pct(c.share),
        threshold: frac(x.s.floor!),
        fired: true,
        message: {
          "zh-CN": `得票率 ${shareText} 低于得票集中线 ${frac(x.s.floor!)}，不列为人选`,
          en: `Share ${frac(c.share)} (${pct(c.share)}%) is below the concentration floor ${frac(x.s.floor!)}: not shortlisted`,
        },
      });
      break;
    case "shortlisted":
      reasons.push({
        rule: "shortlist",
        fraction: frac(c.share),
        threshold: String(x.spec.places),
        fired: false,
        message: {
          "zh-CN": `得票率 ${shareText} 位列前 ${x.spec.places} 名，${x.spec.kind === "post" ? "列为考察对象" : "晋级"}`,
          en: `Share ${frac(c.share)} is within the top ${x.spec.places}: ${x.spec.kind === "post" ? "shortlisted" : "advances"}`,
        },
      });
      break;
    case "tie": {
      const others = [...x.tied].filter((n) => n !== c.name).join("、");
      reasons.push({
        rule: "tie",
        fraction: frac(c.share),
        fired: true,
        message: {
          "zh-CN": `并列待定：与 ${others} 得票率同为 ${shareText}，跨越第 ${x.spec.places} 名，须集体研究决定`,
          en: `Tie: the same share ${frac(c.share)} as ${others} across place ${x.spec.places}; needs a decision`,
        },
      });
      break;
    }
    case "near_tie": {
      const gap = sub(x.cut!, c.share);
      const votes = x.weighted ? "" : `，相差 ${x.lastVotes - c.votes} 票`;
      const votesEn = x.weighted ? "" : `, ${x.lastVotes - c.votes} votes`;
      reasons.push({
        rule: "near_tie",
        fraction: frac(gap),
        percent: pct(gap),
        threshold: frac(x.s.nearTie!),
        fired: true,
        message: {
          "zh-CN": `票数相差不大-建议一并考察：与末位人选得票率相差 ${frac(gap)}（${pct(gap)}%${votes}），不超过 ${frac(x.s.nearTie!)}`,
          en: `Close votes, consider examining too: ${frac(gap)} (${pct(gap)}%${votesEn}) behind the last place, within ${frac(x.s.nearTie!)}`,
        },
      });
      break;
    }
    case "not_shortlisted":
      reasons.push({
        rule: "shortlist",
        fraction: frac(c.share),
        threshold: String(x.spec.places),
        fired: true,
        message: {
          "zh-CN": `得票率 ${shareText} 未进入前 ${x.spec.places} 名`,
          en: `Share ${frac(c.share)} is outside the top ${x.spec.places}`,
        },
      });
      break;
  }
  return reasons;
}
