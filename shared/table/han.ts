/**
 * Traditional -> simplified for the characters that occur in our labels (sheet names, headers, grades,
 * rater groups, posts, levels, survey answers): 稱職 and 称职 are the same label (spec section 2).
 * Hand-written on purpose: a full conversion table would be a large dependency for a few dozen characters.
 */
const PAIRS =
  "編编號号單单崗岗類类別别測测評评體体績绩級级總总價价違违紀纪記记錄录實实應应發发幹干優优稱称職职領领導导務务對对黨党門门負负責责專专業业術术較较無无議议項项滿满認认會会員员長长選选舉举薦荐勞劳動动廠厂區区縣县鄉乡鎮镇組组織织檢检查查結结果果數数據据計计時时間间參参與与機机關关處处書书記记廳厅鑒鉴";

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) TO_SIMPLIFIED.set(PAIRS[i]!, PAIRS[i + 1]!);

/** The simplified spelling of a label (only the mapped characters change). */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/**
 * A label in comparable form: full-width folded (NFKC), traditional characters simplified, trimmed, lower case.
 * For lookups only; what the user typed is kept as typed everywhere else.
 */
export function foldLabel(text: string): string {
  return toSimplified(text.normalize("NFKC")).trim().toLowerCase();
}
