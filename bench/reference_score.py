"""Plain-Python reference for bench/cli.ts: csv + exact fractions, one pass, the same input files.

It does the work an exact scorer cannot skip (parse, weighted totals, trimmed group means, the
renormalised composite, half-up rounding once, vote counts) so `kaoping score` has a fair yardstick.
Usage: python3 bench/reference_score.py cadres.csv ballots.csv policy.json > result.json
"""
import csv
import json
import sys
from collections import defaultdict
from fractions import Fraction

DIMS = ["morality", "ability", "diligence", "achievement", "integrity"]


def dec(text):
    return Fraction(text)


def half_up(x):
    hundredths = (x * 100 + Fraction(1, 2)) // 1
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def main():
    cadres_path, ballots_path, policy_path = sys.argv[1:4]
    policy = json.load(open(policy_path, encoding="utf-8"))
    weights = {p: {d: dec(str(w)) for d, w in v["weights"].items()} for p, v in policy["posts"].items()}
    group_w = {g: dec(str(v["weight"])) for g, v in policy["raterGroups"].items()}
    trim = policy["trim"]
    with open(cadres_path, encoding="utf-8-sig", newline="") as f:
        cadres = list(csv.DictReader(f))
    post_of = {c["cadreId"]: c["post"] for c in cadres}
    by_cadre = defaultdict(lambda: defaultdict(list))
    votes = defaultdict(lambda: defaultdict(int))
    with open(ballots_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            cid = row["cadreId"]
            w = weights[post_of[cid]]
            scores = [dec(row[d]) for d in DIMS]
            total = sum(w[d] * s for d, s in zip(DIMS, scores))
            by_cadre[cid][row["raterGroup"]].append((total, scores))
            votes[cid][row.get("gradeVote") or "blank"] += 1
    out = []
    for c in cadres:
        cid = c["cadreId"]
        num, den = Fraction(0), Fraction(0)
        for g, rows in by_cadre[cid].items():
            rows.sort(key=lambda r: r[0])
            if len(rows) >= trim["minBallots"] and len(rows) > trim["high"] + trim["low"]:
                rows = rows[trim["low"] : len(rows) - trim["high"]]
            mean = sum(r[0] for r in rows) / len(rows)
            num += group_w[g] * mean
            den += group_w[g]
        composite = num / den if den else None
        v = votes[cid]
        n = sum(v.values())
        fit = (v["excellent"] + v["competent"]) * 3 >= 2 * n
        out.append({"cadreId": cid, "composite": half_up(composite) if composite is not None else None,
                    "compositeExact": f"{composite.numerator}/{composite.denominator}" if composite is not None else None,
                    "verdict": "fit" if fit else "unfit_for_post"})
    json.dump({"cadres": out}, sys.stdout, ensure_ascii=False)


main()
